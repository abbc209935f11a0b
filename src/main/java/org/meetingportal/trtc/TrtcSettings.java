package org.meetingportal.trtc;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.StartupOrder;

/**
 * The TRTC application the portal issues credentials for: {@code TRTC_SDK_APP_ID} and
 * {@code TRTC_SECRET_KEY}. Both unset: the portal runs and credential calls answer "video service not
 * configured". A malformed value, or only one of the two: the deployment stops at start with a message
 * naming the setting. The key itself is never logged, shown or returned.
 */
@ApplicationScoped
public class TrtcSettings {

    public static final String APP_ID = "TRTC_SDK_APP_ID";
    public static final String SECRET_KEY = "TRTC_SECRET_KEY";
    static final long MAX_APP_ID = 4_294_967_295L;
    /** Tencent issues keys of 64 hex digits; anything much shorter is a typo or a guessable key. */
    private static final Pattern SECRET_KEY_FORM = Pattern.compile("[0-9a-fA-F]{32,256}");

    private static final Logger LOG = Logger.getLogger(TrtcSettings.class.getName());

    /** A configured application. {@code toString} leaves the key out, so that no log can show it by accident. */
    public record Application(long sdkAppId, String secretKey) {
        @Override
        public String toString() {
            return "TRTC application " + sdkAppId;
        }
    }

    @Inject
    Configuration configuration;

    private Optional<Application> application;

    /** Reads and checks the settings once, at start, and says in the log whether video is configured. */
    void check(@Observes @Priority(StartupOrder.VIDEO) @Initialized(ApplicationScoped.class) Object started) {
        application = read(configuration);
        LOG.info(application.map(a -> "Video: configured for TRTC SDKAppID " + a.sdkAppId())
                .orElse("Video: not configured (set TRTC_SDK_APP_ID and TRTC_SECRET_KEY); meetings cannot be joined"));
    }

    public Optional<Application> application() {
        if (application == null) {
            application = read(configuration);
        }
        return application;
    }

    /** The settings as {@code configuration} has them; throws naming the setting when one is malformed. */
    static Optional<Application> read(Configuration configuration) {
        Optional<String> appId = configuration.text(APP_ID);
        Optional<String> key = configuration.text(SECRET_KEY);
        if (appId.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (appId.isEmpty() || key.isEmpty()) {
            throw new IllegalStateException("Set both " + APP_ID + " and " + SECRET_KEY + ", or neither (then video is off); "
                    + (appId.isEmpty() ? APP_ID : SECRET_KEY) + " is missing");
        }
        long sdkAppId = configuration.number(APP_ID, 0, 1, MAX_APP_ID);
        String secret = key.get();
        if (!SECRET_KEY_FORM.matcher(secret).matches()) {
            throw new IllegalStateException(SECRET_KEY + " must be the application's secret key from the TRTC console: "
                    + "32 to 256 hexadecimal characters (the value is not shown here)");
        }
        return Optional.of(new Application(sdkAppId, secret));
    }
}
