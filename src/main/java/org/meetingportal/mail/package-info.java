/**
 * E-mail: written to a durable outbox in the transaction of the change it tells of, and sent after the commit
 * through the mail session the server provides, by whichever node claims it, with retries that wait longer
 * each time. Without an SMTP server configured nothing is written and nothing is sent.
 */
package org.meetingportal.mail;
