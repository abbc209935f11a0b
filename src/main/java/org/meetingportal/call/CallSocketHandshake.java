package org.meetingportal.call;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.meetingportal.security.Sessions;
import org.meetingportal.security.SignedInUser;

/**
 * Hands the sign-in of the handshake's HTTP session to the socket (the user properties of this config are the
 * connection's own since WebSocket 2.1), so that the socket can be held to the same session rule as requests.
 */
public class CallSocketHandshake extends ServerEndpointConfig.Configurator {

    static final String SIGNED_IN = SignedInUser.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        if (request.getHttpSession() instanceof HttpSession session) {
            Sessions.signedIn(session).ifPresent(user -> config.getUserProperties().put(SIGNED_IN, user));
        }
    }
}
