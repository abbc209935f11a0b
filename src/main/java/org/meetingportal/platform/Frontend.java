package org.meetingportal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where pages find the browser libraries the WAR ships. The version comes from the build ({@code pom.xml}
 * writes it into {@code frontend.properties}), so pages never name a version themselves and a new SDK is a
 * new path, which is what lets the server tell browsers to cache each path for good.
 */
@Named("frontend")
@ApplicationScoped
public class Frontend {

    static final String PROPERTIES = "frontend.properties";
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final String trtcVersion;

    public Frontend() {
        Properties properties = new Properties();
        try (InputStream in = Frontend.class.getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(PROPERTIES + " is missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("trtc.version", "");
        // An unfiltered "${trtc.sdk.version}" would otherwise become a path that serves nothing.
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalStateException(PROPERTIES + " has no TRTC SDK version, but '" + version + "'");
        }
        this.trtcVersion = version;
    }

    public String getTrtcVersion() {
        return trtcVersion;
    }

    /** Context-relative: a page writes {@code #{request.contextPath}#{frontend.trtcScript}}. */
    public String getTrtcScript() {
        return "/vendor/trtc/" + trtcVersion + "/trtc.js";
    }
}
