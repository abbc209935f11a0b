/**
 * Who is asking: the Jakarta Security authentication mechanism and identity store, the HTTP session that
 * carries a sign-in, CSRF and origin checks for the API, role checks, and the security headers on every
 * response.
 */
package org.meetingportal.security;
