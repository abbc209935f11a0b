package org.meetingportal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.meetingportal.platform.Redirects;

/** The sign-out button of every page: a POST, so that no link or image elsewhere can sign anybody out. */
@Named
@RequestScoped
public class SignOutAction {

    @Inject
    FacesContext faces;

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        Sessions.end((HttpServletRequest) external.getRequest());
        Redirects.to("/login.xhtml?signedOut=true");
    }
}
