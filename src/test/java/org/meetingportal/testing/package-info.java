/**
 * What the integration tests share: the WAR under test, an HTTP client that speaks the portal's API and
 * submits its Faces forms like a browser would, and a raw client that sends from another loopback address.
 */
package org.meetingportal.testing;
