/**
 * What every feature uses and that knows no feature: configuration, the clock, the JAX-RS application and
 * its error mapping (RFC 9457 problems), messages in the user's language, schema migrations and health.
 */
package org.meetingportal.platform;
