/**
 * TRTC media credentials: the SDKAppID and SecretKey settings, UserSig and PrivateMapKey issuing, and the
 * audit of every credential handed out. The SecretKey never leaves this package.
 */
package org.meetingportal.credential;
