package org.meetingportal.invitation;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;
import org.meetingportal.account.Account;
import org.meetingportal.account.TimeFormat;
import org.meetingportal.mail.Letter;
import org.meetingportal.meeting.MeetingNotice;
import org.meetingportal.platform.Messages;

/**
 * The e-mails themselves, in each reader's language and time zone: the language they last signed in with (or
 * English), the zone they chose (or the meeting's).
 */
final class InvitationText {

    /** Longest attachment name, without ".ics": mail programs cut long names anyway. */
    private static final int NAME_MAX = 60;

    private InvitationText() {
    }

    /** The invitation, its change, or its cancellation, with the calendar entry. */
    static Letter invitation(MeetingNotice notice, Account reader, String base) {
        Locale locale = locale(reader);
        boolean cancelled = notice.cancelledFor(reader.username());
        String kind = cancelled ? "cancelled" : notice.changeKey(reader.username()).endsWith("#0") ? "new" : "changed";
        String url = base + notice.path(reader.username());
        StringBuilder body = new StringBuilder();
        body.append(Messages.text(locale, "mail.greeting", reader.displayName())).append("\n\n");
        body.append(Messages.text(locale, "mail.invitation." + kind, notice.title())).append("\n\n");
        details(body, notice, reader, locale, url, !cancelled);
        return new Letter(notice.changeKey(reader.username()), reader.username(), reader.email(),
                Messages.text(locale, "mail.invitation." + kind + ".subject", notice.title()), body.toString(),
                notice.calendar(reader.username(), url), cancelled ? "CANCEL" : "REQUEST", attachmentName(notice.title()));
    }

    /** To someone no longer asked: the entry that takes the meeting out of their calendar. */
    static Letter removal(MeetingNotice notice, Account reader, String base) {
        Locale locale = locale(reader);
        String url = base + notice.path(reader.username());
        String body = Messages.text(locale, "mail.greeting", reader.displayName()) + "\n\n"
                + Messages.text(locale, "mail.invitation.removed", notice.title()) + "\n\n"
                + Messages.text(locale, "mail.signature") + "\n";
        return new Letter(notice.cancellationKey(), reader.username(), reader.email(),
                Messages.text(locale, "mail.invitation.cancelled.subject", notice.title()), body,
                notice.cancellation(reader.username(), url), "CANCEL", attachmentName(notice.title()));
    }

    /** The reminder shortly before the meeting, with its link. */
    static Letter reminder(MeetingNotice notice, Account reader, String base) {
        Locale locale = locale(reader);
        String url = base + "/meeting.xhtml?id=" + notice.meetingId();
        StringBuilder body = new StringBuilder();
        body.append(Messages.text(locale, "mail.greeting", reader.displayName())).append("\n\n");
        body.append(Messages.text(locale, "mail.reminder", notice.title())).append("\n\n");
        details(body, notice, reader, locale, url, true);
        return new Letter(reminderKey(notice), reader.username(), reader.email(),
                Messages.text(locale, "mail.reminder.subject", notice.title(),
                        TimeFormat.span(notice.startsAt(), notice.endsAt(), zone(notice, reader), locale)),
                body.toString(), null, null, null);
    }

    /** One reminder per meeting and start: a meeting moved to another time is reminded of again. */
    static String reminderKey(MeetingNotice notice) {
        return "reminder-meeting-" + notice.meetingId() + "@" + notice.startsAt().getEpochSecond();
    }

    private static void details(StringBuilder body, MeetingNotice notice, Account reader, Locale locale, String url,
            boolean join) {
        ZoneId zone = zone(notice, reader);
        body.append(Messages.text(locale, "mail.when",
                TimeFormat.span(notice.startsAt(), notice.endsAt(), zone, locale))).append('\n');
        notice.repeats(locale).ifPresent(words -> body.append(Messages.text(locale, "mail.repeats", words)).append('\n'));
        if (!notice.description().isBlank()) {
            body.append('\n').append(notice.description().strip()).append("\n");
        }
        body.append('\n').append(Messages.text(locale, join ? "mail.join" : "mail.link", url)).append("\n\n");
        body.append(Messages.text(locale, "mail.signature")).append('\n');
    }

    private static Locale locale(Account reader) {
        return reader.language() == null ? Locale.ENGLISH : reader.language();
    }

    private static ZoneId zone(MeetingNotice notice, Account reader) {
        return reader.timeZone() == null ? notice.zone() : ZoneId.of(reader.timeZone());
    }

    /**
     * The title as a file name every mail program and file system takes: letters (any script), digits, spaces,
     * dots, dashes and underscores kept, everything else (slashes, quotes, control characters) made an underscore.
     */
    static String attachmentName(String title) {
        String name = Normalizer.normalize(title, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{M}\\p{N} ._-]", "_").replaceAll("\\s+", " ").strip();
        name = name.replaceAll("^[. ]+", "");
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            name = name.substring(0, name.offsetByCodePoints(0, NAME_MAX)).strip();
        }
        return name.matches("[._ -]*") ? "meeting" : name;
    }
}
