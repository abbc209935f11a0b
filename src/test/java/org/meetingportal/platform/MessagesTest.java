package org.meetingportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and every text a page or the code asks for exists. */
class MessagesTest {

    private static final ResourceBundle EN = Messages.bundle(Locale.ENGLISH);
    private static final ResourceBundle ZH = Messages.bundle(Locale.CHINESE);

    @Test
    void englishAndChineseHaveTheSameKeys() {
        assertEquals(new TreeSet<>(EN.keySet()), new TreeSet<>(ZH.keySet()));
    }

    @Test
    void theChineseBundleIsReallyChinese() {
        assertEquals("登录", ZH.getString("signIn.title"));
        assertTrue(ZH.keySet().stream().filter(k -> ZH.getString(k).equals(EN.getString(k))).count() < 3,
                "almost every Chinese text differs from the English one");
    }

    @Test
    void everyTextIsAValidMessageFormat() {
        for (ResourceBundle bundle : List.of(EN, ZH)) {
            for (String key : bundle.keySet()) {
                // Numbers, which plain arguments take as well as the counts of choice formats ("2 weeks").
                String text = new MessageFormat(bundle.getString(key)).format(new Object[] {2, 3, 4});
                assertTrue(!text.contains("'") || !bundle.getString(key).contains("{"),
                        () -> key + " has a quote that MessageFormat would eat");
            }
        }
    }

    @Test
    void chineseOfAnyRegionReadsSimplifiedChineseAndOtherLanguagesEnglish() {
        assertEquals(Locale.CHINESE, Messages.supported(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Locale.CHINESE, Messages.supported(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.ENGLISH, Messages.supported(Locale.GERMAN));
        assertEquals(Locale.ENGLISH, Messages.supported(null));
        assertEquals(Locale.CHINESE, Messages.preferred(List.of(Locale.GERMAN, Locale.forLanguageTag("zh-CN"))));
        assertEquals("您好，王伟。", Messages.text(Locale.SIMPLIFIED_CHINESE, "meetings.greeting", "王伟"));
    }

    @Test
    void everyKeyThatPagesAndCodeUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern pageKey = Pattern.compile("msg\\['([A-Za-z0-9.-]+)'\\]");
        Pattern codeKey = Pattern.compile("\"((?:account|admin|audit|credentials|error|meeting|meetings|nav|page|pager|password|signIn|user)"
                + "\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        scan(Path.of("src/main/webapp"), ".xhtml", pageKey, used);
        scan(Path.of("src/main/java"), ".java", codeKey, used);
        assertTrue(used.size() > 50, "found the keys in use");
        for (String key : used) {
            assertTrue(EN.containsKey(key), () -> "missing text for key " + key);
        }
    }

    private static void scan(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }
}
