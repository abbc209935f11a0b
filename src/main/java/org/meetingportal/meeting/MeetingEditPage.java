package org.meetingportal.meeting;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.meetingportal.platform.DomainException;
import org.meetingportal.platform.FacesMessages;
import org.meetingportal.platform.ZoneChoices;
import org.meetingportal.account.CurrentUser;
import org.meetingportal.account.Account;
import org.meetingportal.platform.Redirects;

/**
 * {@code /meeting-edit.xhtml}: schedules a meeting (no {@code id}) or edits one ({@code id=}), for whoever may
 * (the service decides again on saving: a page is no gate). Times are
 * entered as local date and time in the meeting's own zone, which is how people think of them; hosts and
 * attendees as usernames, which the page's picker fills in from a search by name.
 */
@Named
@ViewScoped
public class MeetingEditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", "form:title"),
            Map.entry("description", "form:description"),
            Map.entry("startsAt", "form:startsAt"),
            Map.entry("endsAt", "form:endsAt"),
            Map.entry("timeZone", "form:timeZone"),
            Map.entry("hosts", "form:hosts"),
            Map.entry("attendees", "form:attendees"),
            Map.entry("access", "form:access"),
            Map.entry("attendeeRights", "form:attendeeRights"),
            Map.entry("recurrence.interval", "form:interval"),
            Map.entry("recurrence.byDay", "form:weekDays"),
            Map.entry("recurrence.until", "form:until"),
            Map.entry("recurrence.count", "form:count"),
            Map.entry("recurrence", "form:repeat"));

    @Inject
    MeetingService meetings;

    @Inject
    CurrentUser currentUser;

    private String id;
    /** The meeting being edited; null while scheduling a new one. */
    private Long meetingId;
    /** Display data, not kept with the view: a view restored elsewhere (another node, after a restart) reads it again. */
    private transient MeetingView meeting;
    private String title;
    private String description;
    private String startsAt;
    private String endsAt;
    private String timeZone;
    private String hosts;
    private String attendees;
    private Access access = Access.INVITED;
    private AttendeeRights attendeeRights = AttendeeRights.FULL;
    private boolean muteOnEntry;
    private WaitingRoom waitingRoom = WaitingRoom.NONE;
    private boolean hostFirst;
    private Long version;
    private Repeat repeat = Repeat.NEVER;
    private Integer interval = 1;
    private List<String> weekDays = List.of();
    private boolean endsByCount = true;
    private Integer count = 10;
    private String until;
    /** For an occurrence of a series: whether a save or a cancel reaches the later occurrences too. */
    private boolean following;
    /** The series' rule as the form first showed it: unchanged, "this and following" keeps what remains of it. */
    private String shownRule;

    public void load() throws IOException {
        Account me = currentUser.account().orElseThrow();
        if (id == null || id.isBlank()) {
            if (!meetings.maySchedule(me)) {
                FacesMessages.forbidden();
                return;
            }
            ZoneId zone = currentUser.zone();
            LocalDateTime nextHour = LocalDateTime.now(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
            startsAt = LOCAL.format(nextHour);
            endsAt = LOCAL.format(nextHour.plusHours(1));
            timeZone = zone.getId();
            hosts = currentUser.username();
            return;
        }
        try {
            meeting = meetings.find(Long.parseLong(id.strip()), me);
            meetingId = meeting.id();
        } catch (DomainException | NumberFormatException e) {
            FacesMessages.notFound();
            return;
        }
        if (!meetings.mayEdit(meetingId, me)) {
            FacesMessages.forbidden();
            return;
        }
        title = meeting.title();
        description = meeting.description();
        startsAt = LOCAL.format(meeting.startsAt().toLocalDateTime());
        endsAt = LOCAL.format(meeting.endsAt().toLocalDateTime());
        timeZone = meeting.timeZone();
        hosts = String.join(", ", meeting.hosts().stream().map(Person::userId).toList());
        attendees = String.join(", ", meeting.attendees().stream().map(Person::userId).toList());
        access = meeting.access();
        attendeeRights = meeting.attendeeRights();
        muteOnEntry = meeting.muteOnEntry();
        waitingRoom = meeting.waitingRoom();
        hostFirst = meeting.hostFirst();
        version = meeting.version();
        if (meeting.recurrence() != null) {
            repeat = Repeat.of(meeting.recurrence());
            interval = meeting.recurrence().interval();
            weekDays = meeting.recurrence().byDay();
            endsByCount = meeting.recurrence().count() != null;
            count = endsByCount ? meeting.recurrence().count() : count;
            until = meeting.recurrence().until();
            shownRule = String.valueOf(recurrenceOfForm());
        }
    }

    public void save() throws IOException {
        MeetingInput input = new MeetingInput(title, description, withOffset(startsAt), withOffset(endsAt), timeZone,
                usernames(hosts), usernames(attendees), access == null ? null : access.name(),
                attendeeRights == null ? null : attendeeRights.name(), muteOnEntry,
                waitingRoom == null ? null : waitingRoom.name(), hostFirst, version, recurrence(), null);
        act(() -> meetingId == null ? meetings.schedule(input, currentUser.account().orElseThrow())
                : meetings.update(meetingId, input, currentUser.account().orElseThrow(), scope()),
                meetingId == null ? "admin.meeting.scheduled" : "admin.meeting.saved");
    }

    public void cancel() throws IOException {
        act(() -> meetings.cancel(meetingId, currentUser.account().orElseThrow(), scope()), "admin.meeting.cancelled");
    }

    /**
     * The rule the form describes. An occurrence changed alone sends none (it keeps its series' rule); a monthly
     * rule on a weekday takes the day and its place in the month from the start, as calendars do.
     */
    private MeetingInput.RecurrenceInput recurrence() {
        if (repeat == Repeat.NEVER || isInSeries() && !following) {
            return null;
        }
        MeetingInput.RecurrenceInput asked = recurrenceOfForm();
        return isInSeries() && String.valueOf(asked).equals(shownRule) ? null : asked;
    }

    private MeetingInput.RecurrenceInput recurrenceOfForm() {
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(startsAt.strip());
        } catch (DateTimeException | NullPointerException e) {
            start = null;
        }
        return repeat.input(interval == null ? 1 : interval, weekDays == null ? List.of() : weekDays, start,
                endsByCount ? count : null, endsByCount ? null : until);
    }

    private ChangeScope scope() {
        return following ? ChangeScope.FOLLOWING : ChangeScope.OCCURRENCE;
    }

    /** Whether the meeting edited is an occurrence of a series. */
    public boolean isInSeries() {
        MeetingView shown = getMeeting();
        return shown != null && shown.seriesId() != null;
    }

    private void act(Supplier<MeetingView> action, String doneKey) throws IOException {
        try {
            MeetingView done = action.get();
            FacesMessages.flashInfo(doneKey, done.title());
            Redirects.to("/meeting.xhtml?id=" + done.id());
        } catch (DomainException e) {
            FacesMessages.show(e, FIELDS);
        }
    }

    /** "2026-12-01T09:00" in the chosen zone as an ISO time with offset; left as it is when it cannot be. */
    private String withOffset(String local) {
        if (local == null || local.isBlank()) {
            return local;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(ZoneId.of(timeZone.strip())).toOffsetDateTime().toString();
        } catch (DateTimeException | NullPointerException e) {
            return local;
        }
    }

    private static List<String> usernames(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public boolean isEditing() {
        return meetingId != null;
    }

    public boolean isChangeable() {
        MeetingView shown = getMeeting();
        return shown == null || shown.state() == MeetingPhase.UPCOMING || shown.state() == MeetingPhase.OPEN;
    }

    public List<String> getZones() {
        return ZoneChoices.ZONES;
    }

    public Access[] getAccesses() {
        return Access.values();
    }

    public AttendeeRights[] getRightsChoices() {
        return AttendeeRights.values();
    }

    public MeetingView getMeeting() {
        if (meeting == null && meetingId != null) {
            try {
                meeting = meetings.find(meetingId, currentUser.account().orElseThrow());
            } catch (DomainException goneMeanwhile) {
                return null;
            }
        }
        return meeting;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(String endsAt) {
        this.endsAt = endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getHosts() {
        return hosts;
    }

    public void setHosts(String hosts) {
        this.hosts = hosts;
    }

    public String getAttendees() {
        return attendees;
    }

    public void setAttendees(String attendees) {
        this.attendees = attendees;
    }

    public Access getAccess() {
        return access;
    }

    public void setAccess(Access access) {
        this.access = access;
    }

    public AttendeeRights getAttendeeRights() {
        return attendeeRights;
    }

    public void setAttendeeRights(AttendeeRights attendeeRights) {
        this.attendeeRights = attendeeRights;
    }

    public boolean isMuteOnEntry() {
        return muteOnEntry;
    }

    public void setMuteOnEntry(boolean muteOnEntry) {
        this.muteOnEntry = muteOnEntry;
    }

    public WaitingRoom getWaitingRoom() {
        return waitingRoom;
    }

    public void setWaitingRoom(WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
    }

    public WaitingRoom[] getWaitingRoomChoices() {
        return WaitingRoom.values();
    }

    public boolean isHostFirst() {
        return hostFirst;
    }

    public void setHostFirst(boolean hostFirst) {
        this.hostFirst = hostFirst;
    }

    public Repeat[] getRepeatChoices() {
        return Repeat.values();
    }

    public List<String> getDayChoices() {
        return Arrays.stream(java.time.DayOfWeek.values()).map(Recurrence::dayCode).toList();
    }

    public Repeat getRepeat() {
        return repeat;
    }

    /** A form sent without the choice (a script, an old page) repeats nothing. */
    public void setRepeat(Repeat repeat) {
        this.repeat = repeat == null ? Repeat.NEVER : repeat;
    }

    public Integer getInterval() {
        return interval;
    }

    public void setInterval(Integer interval) {
        this.interval = interval;
    }

    public List<String> getWeekDays() {
        return weekDays;
    }

    public void setWeekDays(List<String> weekDays) {
        this.weekDays = weekDays;
    }

    public Boolean getEndsByCount() {
        return endsByCount;
    }

    public void setEndsByCount(Boolean endsByCount) {
        this.endsByCount = endsByCount == null || endsByCount;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public Boolean getFollowing() {
        return following;
    }

    public void setFollowing(Boolean following) {
        this.following = Boolean.TRUE.equals(following);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
