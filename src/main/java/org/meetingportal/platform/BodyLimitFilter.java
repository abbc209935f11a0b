package org.meetingportal.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses API bodies above {@link #MAX_BYTES}: every payload of the API is a few hundred bytes, so a large
 * body is a mistake or an attack, and must not be read into memory. Declared lengths are refused at once;
 * chunked bodies are cut off while they are read.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;
    /**
     * A refused body up to this size is read and dropped before the 413 goes out: some servers (Payara)
     * otherwise close the connection under a client that is still sending, which then sees no answer at all.
     */
    static final int DRAINED_BYTES = 1024 * 1024;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            if (request.getLength() <= DRAINED_BYTES) {
                drain(request.getEntityStream());
            }
            request.abortWith(ProblemResponses.status(413, ProblemResponses.locale(headers)));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream()));
        }
    }

    private static void drain(InputStream body) {
        byte[] buffer = new byte[8192];
        try {
            long total = 0;
            int n;
            while (total <= DRAINED_BYTES && (n = body.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException gone) {
            // The client gave up; the 413 goes out if it still can.
        }
    }

    private static final class LimitedStream extends FilterInputStream {
        private long remaining = MAX_BYTES;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            remaining -= n;
            if (remaining < 0) {
                throw new BodyTooLargeException();
            }
        }
    }
}
