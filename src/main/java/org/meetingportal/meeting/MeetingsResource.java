package org.meetingportal.meeting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.meetingportal.account.Account;
import org.meetingportal.account.Role;
import org.meetingportal.platform.FieldProblems;
import org.meetingportal.platform.Slice;
import org.meetingportal.platform.PublicUrl;
import org.meetingportal.platform.QueryParameters;
import org.meetingportal.account.CurrentUser;

/**
 * {@code /api/meetings}: everyone signed in reads the meetings they may see; employees schedule (unless
 * {@code PORTAL_SCHEDULING=admins}), hosts edit and cancel their own meetings, admins any. A meeting the caller
 * may not see answers 404, exactly like one that does not exist.
 */
@Path("meetings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    @Inject
    MeetingService meetings;

    @Context
    HttpServletRequest request;

    @Inject
    PublicUrl publicUrl;

    /**
     * The caller's meetings (admins: all), {@code when=current} (default, soonest first) or {@code past};
     * {@code q}: only those whose title holds it.
     */
    @GET
    public Slice<MeetingView> list(@QueryParam("when") String when, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        MeetingService.Period period;
        if (when == null || when.isBlank() || when.equalsIgnoreCase("current")) {
            period = MeetingService.Period.CURRENT;
        } else if (when.equalsIgnoreCase("past")) {
            period = MeetingService.Period.PAST;
        } else {
            new FieldProblems().add("when", "meeting.when.invalid").throwIfAny();
            return null;
        }
        return meetings.list(caller(), true, period, MeetingRules.searchText(q), QueryParameters.wholeNumber(page, "page", 0),
                QueryParameters.wholeNumber(size, "size", 20));
    }

    @POST
    @RolesAllowed({Role.Names.ADMIN, Role.Names.EMPLOYEE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response schedule(MeetingInput input) {
        MeetingView created = meetings.schedule(input, caller());
        return Response.created(URI.create(publicUrl.link("/api/meetings/" + created.id())))
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public MeetingView get(@PathParam("id") String id) {
        return meetings.find(QueryParameters.id(id), caller());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.EMPLOYEE})
    @Consumes(MediaType.APPLICATION_JSON)
    public MeetingView update(@PathParam("id") String id, @QueryParam("scope") String scope, MeetingInput input) {
        return meetings.update(QueryParameters.id(id), input, caller(), ChangeScope.of(scope));
    }

    /**
     * Cancels: the meeting stays on record, its state becomes CANCELLED. An occurrence of a series alone
     * ({@code scope=occurrence}, the default) or with every later one ({@code scope=following}).
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.EMPLOYEE})
    public MeetingView cancel(@PathParam("id") String id, @QueryParam("scope") String scope) {
        return meetings.cancel(QueryParameters.id(id), caller(), ChangeScope.of(scope));
    }

    /** The occurrence of a series that its link leads to: the next one not over, or the last once all are. */
    @GET
    @Path("series/{seriesId}")
    public MeetingView currentOccurrence(@PathParam("seriesId") String seriesId) {
        return meetings.currentOccurrence(QueryParameters.id(seriesId), caller());
    }

    /**
     * One occurrence of a series by the start its rule gives it ({@code 2027-01-11T09:00:00+01:00}), with the
     * meeting id to open, edit or cancel it by.
     */
    @GET
    @Path("series/{seriesId}/occurrences/{at}")
    public MeetingView occurrence(@PathParam("seriesId") String seriesId, @PathParam("at") String at) {
        return meetings.occurrence(QueryParameters.id(seriesId), MeetingRules.occurrenceStart(at), caller());
    }

    @GET
    @Path("{id}/participants")
    public List<Person> participants(@PathParam("id") String id) {
        return meetings.participants(QueryParameters.id(id), caller());
    }

    /** The meeting's calendar file; for an occurrence of a series, the series' (one file, one UID, its exceptions). */
    @GET
    @Path("{id}/calendar.ics")
    @Produces(CalendarFile.MEDIA_TYPE)
    public Response calendar(@PathParam("id") String id) {
        long meetingId = QueryParameters.id(id);
        List<CalendarEvent> events = meetings.calendar(meetingId, caller());
        CalendarEvent.Repeating series = events.get(0).repeating();
        String page = publicUrl.link(series == null ? "/meeting.xhtml?id=" + meetingId
                : "/meeting.xhtml?series=" + series.seriesId());
        String name = series == null ? "meeting-" + meetingId : "series-" + series.seriesId();
        return Response.ok(CalendarFile.write(events, page), CalendarFile.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".ics\"")
                .build();
    }

    private Account caller() {
        return CurrentUser.of(request).orElseThrow();
    }
}
