package org.meetingportal.meeting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.meetingportal.platform.Slice;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.account.AdminOnly;

/** {@code /admin/meetings.xhtml}: every meeting, by state, title or participant, a page at a time. */
@Named
@RequestScoped
public class AdminMeetingsPage {

    private static final int PAGE_SIZE = 20;

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminOnly admins;

    private String state;
    private String query;
    private int page;
    private Slice<MeetingView> results;

    /** Ends the request with the forbidden page for anyone but an admin. */
    public void load() {
        admins.page();
    }

    public Slice<MeetingView> getResults() {
        if (results == null) {
            results = meetings.search(currentUser.account().orElseThrow(), chosenState(), query, Math.max(0, page),
                    PAGE_SIZE);
        }
        return results;
    }

    private MeetingPhase chosenState() {
        try {
            return state == null || state.isBlank() ? null : MeetingPhase.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public MeetingPhase[] getStates() {
        return MeetingPhase.values();
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
