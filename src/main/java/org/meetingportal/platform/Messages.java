package org.meetingportal.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts in the reader's language from the portal's one resource bundle, which Faces pages use as
 * {@code #{msg[...]}} too. English is the fallback, never the JVM's own locale.
 */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.CHINESE);

    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), NO_JVM_FALLBACK);
    }

    /** The text for a key with its {@code {0}} arguments filled in; the key itself when there is none. */
    public static String text(Locale locale, String key, Object... args) {
        Locale chosen = supported(locale);
        String pattern;
        try {
            pattern = bundle(chosen).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, chosen).format(args);
    }

    /** The supported locale for a requested one: Chinese of any region reads Simplified Chinese. */
    public static Locale supported(Locale requested) {
        if (requested != null && Locale.CHINESE.getLanguage().equals(requested.getLanguage())) {
            return Locale.CHINESE;
        }
        return Locale.ENGLISH;
    }

    /** The first supported language in an Accept-Language list, in the order the reader prefers them. */
    /**
     * The first of a browser's locales in a language the portal speaks, with its country (en-GB writes times
     * as 24-hour), or English.
     */
    public static Locale spoken(List<Locale> acceptable) {
        return acceptable.stream().filter(l -> SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(l.getLanguage())))
                .findFirst().map(l -> new Locale(l.getLanguage(), l.getCountry())).orElse(Locale.ENGLISH);
    }

    public static Locale preferred(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(locale.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
