package org.meetingportal.platform;

import java.io.IOException;

/** Thrown while reading a request body that is longer than the API accepts. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException() {
        super("request body too large");
    }
}
