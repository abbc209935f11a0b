package org.meetingportal.meeting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.meetingportal.platform.Slice;
import org.meetingportal.account.CurrentUser;

/**
 * {@code /index.xhtml}, "My meetings": the ones not yet over, soonest first, then the past ones a page at a
 * time. For admins too this is their own list; all meetings are on the admin pages.
 */
@Named
@RequestScoped
public class MyMeetingsPage {

    static final int CURRENT_SIZE = 50;
    static final int PAST_SIZE = 10;

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    private int pastPage;
    private String q;
    private Slice<MeetingView> current;
    private Slice<MeetingView> past;

    /** "New meeting" is offered to whoever may plan one. */
    public boolean isMaySchedule() {
        return meetings.maySchedule(currentUser.account().orElseThrow());
    }

    public Slice<MeetingView> getCurrent() {
        if (current == null) {
            current = meetings.list(currentUser.account().orElseThrow(), false, MeetingService.Period.CURRENT,
                    searched(), 0, CURRENT_SIZE);
        }
        return current;
    }

    public Slice<MeetingView> getPast() {
        if (past == null) {
            past = meetings.list(currentUser.account().orElseThrow(), false, MeetingService.Period.PAST, searched(),
                    Math.max(0, pastPage), PAST_SIZE);
        }
        return past;
    }

    private String searched() {
        String text = q == null ? "" : q.strip();
        return text.isEmpty() ? null : text;
    }

    /** The search in titles, {@code ?q=}. */
    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPastPage() {
        return pastPage;
    }

    public void setPastPage(int pastPage) {
        this.pastPage = pastPage;
    }
}
