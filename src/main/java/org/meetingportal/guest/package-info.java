/**
 * Guests: people from outside the company let into one meeting through its guest link and passcode. A host
 * makes the link; a guest gives a name and the passcode, gets a session for that meeting alone and a TRTC userId
 * the portal makes, and always waits until a host lets them in.
 */
package org.meetingportal.guest;
