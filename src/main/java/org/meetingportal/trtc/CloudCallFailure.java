package org.meetingportal.trtc;

/** The cloud did not confirm a call: unreachable, too slow, or it refused; the message says which. */
class CloudCallFailure extends Exception {

    CloudCallFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
