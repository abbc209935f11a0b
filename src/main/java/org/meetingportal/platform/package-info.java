/**
 * What every feature uses and that knows no feature: configuration, the clock, the JAX-RS application and
 * its error mapping (RFC 9457 problems), messages in the user's language, schema migrations, health, the
 * paths of the browser libraries the WAR ships, and a write-behind that lets many records share one commit.
 */
package org.meetingportal.platform;
