package org.meetingportal.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted after its page expired (the session ended, or the server restarted) sends the person back
 * to a fresh copy of the same page with a sentence saying what happened, instead of an error page.
 * Nothing of the expired post is applied.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    /** The query parameter that tells a page its previous copy had expired. */
    public static final String EXPIRED_PARAMETER = "expired";

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** The page to send back to; the view id comes from the request, so it may name another host. */
    static String target(String viewId) {
        return LocalPaths.isLocal(viewId) ? viewId : "/index.xhtml";
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                while (t != null && !(t instanceof ViewExpiredException)) {
                    t = t.getCause();
                }
                if (t instanceof ViewExpiredException expired) {
                    events.remove();
                    sendBack(expired.getViewId());
                }
            }
            getWrapped().handle();
        }

        /** Back to the same page; the template reads {@code expired} and says what happened. */
        private static void sendBack(String viewId) {
            try {
                Redirects.to(target(viewId) + "?" + EXPIRED_PARAMETER + "=true");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
