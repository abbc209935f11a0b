package org.meetingportal.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.meetingportal.account.CurrentUser;

/** {@code /calls.xhtml}: colleagues to call, found by name, and one's recent calls; the missed-calls count. */
@Named
@RequestScoped
public class CallsPage {

    @Inject
    CallService calls;

    @Inject
    CallDirectory directory;

    @Inject
    CurrentUser currentUser;

    private String query;
    private List<Colleague> colleagues;
    private List<CallView> recent;
    private Long missedCount;

    public List<Colleague> getColleagues() {
        if (colleagues == null) {
            colleagues = directory.find(currentUser.username(), query);
        }
        return colleagues;
    }

    public List<CallView> getRecent() {
        if (recent == null) {
            recent = calls.recent(currentUser.username(), CallsResource.RECENT);
        }
        return recent;
    }

    public long getMissedCount() {
        if (missedCount == null) {
            missedCount = calls.missedCalls(currentUser.username());
        }
        return missedCount;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
