package org.meetingportal.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** Messages on Faces pages in the page's language, beside the field they concern where there is one. */
public final class FacesMessages {

    private FacesMessages() {
    }

    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
    }

    public static String text(String key, Object... args) {
        return Messages.text(locale(), key, args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** Info for the next page after a redirect. */
    public static void flashInfo(String key, Object... args) {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        info(key, args);
    }

    /**
     * Shows a refusal: each field problem beside its field ({@code fieldIds} maps API field names to client
     * ids), the general sentence at the top.
     */
    public static void show(DomainException e, Map<String, String> fieldIds) {
        Locale locale = locale();
        if (e.fieldProblems().isEmpty()) {
            add(null, FacesMessage.SEVERITY_ERROR, Messages.text(locale, e.messageKey(), e.args()));
        }
        for (FieldProblem problem : e.fieldProblems()) {
            String text = Messages.text(locale, problem.messageKey(), problem.args());
            add(fieldIds.get(problem.field()), FacesMessage.SEVERITY_ERROR, text);
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Ends the current page request with the not-found page, for things that do not exist or are not the viewer's. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Ends the current page request with the forbidden page. */
    public static void forbidden() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(403, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
