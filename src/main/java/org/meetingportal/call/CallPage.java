package org.meetingportal.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.account.CurrentUser;

/** {@code /call.xhtml?id=}: one call, for its two parties only; anyone else gets the not-found page. */
@Named
@RequestScoped
public class CallPage {

    @Inject
    CallService calls;

    @Inject
    CurrentUser currentUser;

    private String id;
    private CallView call;

    public void load() throws IOException {
        try {
            call = calls.find(Long.parseLong(id == null ? "" : id.strip()), currentUser.username());
        } catch (DomainException | NumberFormatException e) {
            FacesMessages.notFound();
        }
    }

    public CallView getCall() {
        return call;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
