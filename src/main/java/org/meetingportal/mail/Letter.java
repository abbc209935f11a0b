package org.meetingportal.mail;

/**
 * One e-mail to one person, as rendered for them.
 *
 * @param changeKey what the message tells of: one message per change and person, however often it is asked for
 * @param calendar an iCalendar file to attach, or null
 * @param calendarMethod the file's METHOD ({@code REQUEST}, {@code CANCEL}), or null
 * @param calendarName the attachment's name, without ".ics"
 */
public record Letter(String changeKey, String username, String address, String subject, String body,
        String calendar, String calendarMethod, String calendarName) {
}
