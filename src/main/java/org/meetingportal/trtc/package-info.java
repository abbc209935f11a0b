/**
 * Tencent's video service as the portal sees it: the TRTC application credentials are issued for, and TRTC's
 * server API (take a person out of a room, dismiss a room). Calls to that API are kept until the cloud confirms
 * them, so that an unreachable cloud delays them but never undoes or loses the portal's decision.
 */
package org.meetingportal.trtc;
