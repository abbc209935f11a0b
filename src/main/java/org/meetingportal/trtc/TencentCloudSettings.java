package org.meetingportal.trtc;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meetingportal.platform.Configuration;
import org.meetingportal.platform.StartupOrder;

/**
 * The Tencent Cloud account the portal calls TRTC's server API with: {@code PORTAL_TENCENTCLOUD_SECRET_ID},
 * {@code _SECRET_KEY} and {@code _REGION}; {@code _ENDPOINT} for another of Tencent's addresses (a region's, or the
 * international site's), and {@code _PROXY} for a company's HTTPS proxy on the way. None set: no cloud calls,
 * and hosts' decisions reach a room only through credentials. Some set: the deployment stops at start naming
 * what is missing.
 */
@ApplicationScoped
public class TencentCloudSettings {

    public static final String SECRET_ID = "PORTAL_TENCENTCLOUD_SECRET_ID";
    public static final String SECRET_KEY = "PORTAL_TENCENTCLOUD_SECRET_KEY";
    public static final String REGION = "PORTAL_TENCENTCLOUD_REGION";
    public static final String ENDPOINT = "PORTAL_TENCENTCLOUD_ENDPOINT";
    public static final String PROXY = "PORTAL_TENCENTCLOUD_PROXY";
    static final String TENCENT_ENDPOINT = "trtc.tencentcloudapi.com";
    private static final Pattern REGION_FORM = Pattern.compile("[a-z]{2,4}-[a-z]+(-[0-9]+)?");
    /** The SDK signs for the service its endpoint's first label names: TRTC's addresses all begin so. */
    private static final Pattern ENDPOINT_FORM = Pattern.compile("trtc(\\.[a-z0-9-]+)+");
    private static final Pattern PROXY_FORM = Pattern.compile("([A-Za-z0-9.-]+):([0-9]{1,5})");

    private static final Logger LOG = Logger.getLogger(TencentCloudSettings.class.getName());

    /** A configured account. {@code toString} leaves the key out, so that no log can show it by accident. */
    public record CloudAccount(String secretId, String secretKey, String region, String endpoint,
            Optional<String> proxyHost, int proxyPort) {
        @Override
        public String toString() {
            return "Tencent Cloud " + region + " at " + endpoint + proxyHost.map(h -> " through " + h + ":" + proxyPort)
                    .orElse("");
        }
    }

    @Inject
    Configuration configuration;

    private Optional<CloudAccount> account;

    void check(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object started) {
        account = read(configuration);
        LOG.info(account.map(a -> "Video rooms: removals and ends reach TRTC through " + a)
                .orElse("Video rooms: no Tencent Cloud account (" + SECRET_ID + "); removals and ends reach a room"
                        + " through credentials only"));
    }

    public Optional<CloudAccount> account() {
        if (account == null) {
            account = read(configuration);
        }
        return account;
    }

    static Optional<CloudAccount> read(Configuration configuration) {
        Optional<String> id = configuration.text(SECRET_ID);
        Optional<String> key = configuration.text(SECRET_KEY);
        Optional<String> region = configuration.text(REGION);
        if (id.isEmpty() && key.isEmpty() && region.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (id.isEmpty()) {
            missing.add(SECRET_ID);
        }
        if (key.isEmpty()) {
            missing.add(SECRET_KEY);
        }
        if (region.isEmpty()) {
            missing.add(REGION);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Set " + SECRET_ID + ", " + SECRET_KEY + " and " + REGION
                    + " together, or none of them; missing: " + String.join(", ", missing));
        }
        if (!REGION_FORM.matcher(region.get()).matches()) {
            throw new IllegalStateException(REGION + " must be a Tencent Cloud region such as ap-guangzhou");
        }
        String endpoint = configuration.text(ENDPOINT).orElse(TENCENT_ENDPOINT);
        if (!ENDPOINT_FORM.matcher(endpoint).matches()) {
            throw new IllegalStateException(ENDPOINT + " must be one of Tencent's TRTC API host names, such as "
                    + TENCENT_ENDPOINT + " (the SDK signs for the service its first label names)");
        }
        Optional<String> proxy = configuration.text(PROXY);
        Matcher proxyParts = PROXY_FORM.matcher(proxy.orElse(""));
        if (proxy.isPresent() && !(proxyParts.matches() && Integer.parseInt(proxyParts.group(2)) <= 65_535)) {
            throw new IllegalStateException(PROXY + " must be host:port of an HTTPS proxy");
        }
        return Optional.of(new CloudAccount(id.get(), key.get(), region.get(), endpoint,
                proxy.map(p -> proxyParts.group(1)), proxy.map(p -> Integer.parseInt(proxyParts.group(2))).orElse(0)));
    }
}
