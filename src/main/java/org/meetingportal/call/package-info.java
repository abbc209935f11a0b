/**
 * One-to-one calls between employees: signalling over a WebSocket and the record of each call.
 */
package org.meetingportal.call;
