package org.meetingportal.platform;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** How a Faces action leaves for another page of the portal: a redirect, and nothing more rendered. */
public final class Redirects {

    private Redirects() {
    }

    /** Redirects to {@code path} of the portal (a local path starting with a slash, query included). */
    public static void to(String path) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
        faces.responseComplete();
    }
}
