package org.meetingportal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.meetingportal.account.Account;
import org.meetingportal.account.Role;
import org.meetingportal.mail.Letter;
import org.meetingportal.meeting.CalendarEvent;
import org.meetingportal.meeting.MeetingNotice;
import org.meetingportal.meeting.ParticipantRole;

class InvitationTextTest {

    private static final Instant START = Instant.parse("2026-12-14T08:00:00Z");
    private static final Account ALICE = account("alice", Locale.forLanguageTag("en-GB"), "Europe/London");
    private static final Account BO = account("bo", Locale.forLanguageTag("zh-CN"), null);

    private static Account account(String username, Locale language, String zone) {
        return new Account(username, username.toUpperCase(Locale.ROOT), username + "@example.com", Role.EMPLOYEE, true,
                false, 0, zone, false, language);
    }

    private static MeetingNotice notice(int sequence, boolean cancelled) {
        CalendarEvent.Contact host = new CalendarEvent.Contact("alice", "ALICE", "alice@example.com", ParticipantRole.HOST);
        CalendarEvent.Contact attendee = new CalendarEvent.Contact("bo", "BO", "bo@example.com", ParticipantRole.ATTENDEE);
        CalendarEvent own = new CalendarEvent(7, 1234, sequence, START, START, START.plusSeconds(3600), "Budget",
                "Numbers first.", cancelled, host, List.of(host, attendee), null);
        return new MeetingNotice(7, null, "Budget", "Numbers first.", START, START.plusSeconds(3600),
                ZoneId.of("Asia/Shanghai"), cancelled, null, List.of(ALICE, BO), Set.of(), List.of(), own);
    }

    @Test
    void eachReaderIsWrittenToInTheirLanguageAndZone() {
        Letter english = InvitationText.invitation(notice(0, false), ALICE, "https://meet.example.com");
        assertEquals("Invitation: Budget", english.subject());
        assertEquals("alice@example.com", english.address());
        assertEquals("meeting-7-1234#0", english.changeKey());
        assertTrue(english.body().startsWith("Hello ALICE,"), english.body());
        assertTrue(english.body().contains("(Europe/London)"), "the zone Alice chose: " + english.body());
        assertTrue(english.body().contains("Join: https://meet.example.com/meeting.xhtml?id=7"), english.body());
        assertTrue(english.body().contains("Numbers first."), english.body());

        Letter chinese = InvitationText.invitation(notice(2, false), BO, "https://meet.example.com");
        assertEquals("会议已更新：Budget", chinese.subject());
        assertEquals("meeting-7-1234#2", chinese.changeKey());
        assertTrue(chinese.body().contains("(Asia/Shanghai)"), "no zone chosen: the meeting's: " + chinese.body());
        assertEquals("REQUEST", chinese.calendarMethod());
    }

    @Test
    void theCalendarEntryShowsOthersAddressesToHostsOnly() throws Exception {
        Calendar forBo = new CalendarBuilder().build(new StringReader(
                InvitationText.invitation(notice(0, false), BO, "https://x").calendar()));
        String attendees = forBo.getComponents("VEVENT").get(0).getProperties("ATTENDEE").stream()
                .map(Property::getValue).toList().toString();
        assertTrue(attendees.contains("mailto:bo@example.com") && attendees.contains("alice@meeting-portal.invalid"),
                attendees);
        Calendar forAlice = new CalendarBuilder().build(new StringReader(
                InvitationText.invitation(notice(0, false), ALICE, "https://x").calendar()));
        assertTrue(forAlice.getComponents("VEVENT").get(0).getProperties("ATTENDEE").stream()
                .anyMatch(p -> p.getValue().equals("mailto:bo@example.com")));
    }

    @Test
    void aCancellationAndARemovalTakeTheEntryOut() {
        Letter cancelled = InvitationText.invitation(notice(3, true), ALICE, "https://x");
        assertEquals("Cancelled: Budget", cancelled.subject());
        assertEquals("CANCEL", cancelled.calendarMethod());
        assertTrue(cancelled.calendar().contains("METHOD:CANCEL"));
        Letter removed = InvitationText.removal(notice(3, false), BO, "https://x");
        assertEquals("会议已取消：Budget", removed.subject());
        assertTrue(removed.calendar().contains("METHOD:CANCEL") && removed.calendar().contains("STATUS:CANCELLED"));
    }

    @Test
    void aReminderHasNoCalendarEntryAndOneKeyPerStart() {
        Letter reminder = InvitationText.reminder(notice(0, false), BO, "https://x");
        assertTrue(reminder.subject().startsWith("会议提醒：Budget，"), reminder.subject());
        assertEquals(null, reminder.calendar());
        assertEquals("reminder-meeting-7@" + START.getEpochSecond(), reminder.changeKey());
    }

    @Test
    void attachmentNamesKeepLettersOfAnyScriptAndNothingAFileSystemMinds() {
        assertEquals("Plan _Q3_ _ 预算_ a_b__c", InvitationText.attachmentName("Plan \"Q3\" / 预算: a<b>\\c"));
        assertEquals("meeting", InvitationText.attachmentName("../"));
        assertEquals("meeting", InvitationText.attachmentName("   "));
        assertEquals("a__b", InvitationText.attachmentName("a\r\nb"));
        assertEquals(60, InvitationText.attachmentName("x".repeat(200)).length());
        assertEquals("Café", InvitationText.attachmentName("Cafe\u0301"), "one form of each letter");
    }
}
