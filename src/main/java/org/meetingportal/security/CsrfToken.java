package org.meetingportal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The session's token for the API's {@code X-CSRF-Token} header, for pages whose scripts call the API. */
@Named
@RequestScoped
public class CsrfToken {

    @Inject
    HttpServletRequest request;

    public String getValue() {
        return Sessions.signedIn(request).map(SignedInUser::csrfToken).orElse("");
    }
}
