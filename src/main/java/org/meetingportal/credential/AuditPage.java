package org.meetingportal.credential;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.meetingportal.platform.Slice;
import org.meetingportal.account.AdminOnly;

/** {@code /admin/audit.xhtml}: the issued credentials, newest first, by user and meeting, a page at a time. */
@Named
@RequestScoped
public class AuditPage {

    private static final int PAGE_SIZE = 25;

    @Inject
    CredentialAudit audit;

    @Inject
    AdminOnly admins;

    private String user;
    private String meeting;
    private int page;
    private Slice<CredentialGrant> results;

    /** Ends the request with the forbidden page for anyone but an admin. */
    public void load() {
        admins.page();
    }

    public Slice<CredentialGrant> getResults() {
        if (results == null) {
            results = audit.search(user, meetingId(), Math.max(0, page), PAGE_SIZE);
        }
        return results;
    }

    /** A meeting filter that is not a number matches no meeting rather than all of them. */
    private Long meetingId() {
        if (meeting == null || meeting.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(meeting.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getMeeting() {
        return meeting;
    }

    public void setMeeting(String meeting) {
        this.meeting = meeting;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
