package org.meetingportal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.platform.Redirects;

/** The sign-out button of every page: a POST, so that no link or image elsewhere can sign anybody out. */
@Named
@RequestScoped
public class SignOutAction {

    @Inject
    FacesContext faces;

    @Inject
    ProviderSessions providerSessions;

    @Inject
    PublicUrl publicUrl;

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<URI> providerLogout = providerSessions.logoutAddress(request,
                publicUrl.link("/login.xhtml?signedOut=true"));
        Sessions.end(request);
        if (providerLogout.isPresent()) {
            external.redirect(providerLogout.get().toString());
        } else {
            Redirects.to("/login.xhtml?signedOut=true");
        }
    }
}
