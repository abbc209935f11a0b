package org.meetingportal.call;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;

/**
 * Gives every call socket its idle limit from the moment the container creates it. Setting it only in
 * {@code @OnOpen} races with Tyrus (Payara): a new session schedules an idle check at once for the container's
 * default of "never", and if that check runs just after {@code @OnOpen} raised the limit, it reads the new
 * limit and closes the fresh socket "because of the idle timeout" before its first message.
 */
@WebListener
public class CallSocketContainer implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!(event.getServletContext().getAttribute(ServerContainer.class.getName())
                instanceof ServerContainer container)) {
            throw new IllegalStateException("no WebSocket container: the call socket needs one");
        }
        container.setDefaultMaxSessionIdleTimeout(CallSocket.IDLE_TIMEOUT.toMillis());
    }
}
