package org.meetingportal.account;

/**
 * One counter of failed password checks: its bucket, the account it concerns (none for an address) and the
 * place (a client address, or a browser's device hash).
 */
public record ThrottleKey(ThrottlePolicy.Bucket bucket, String username, String place) {

    private static final int MAX_PART = 100;

    public static ThrottleKey pair(String username, String address) {
        return new ThrottleKey(ThrottlePolicy.Bucket.PAIR, bounded(username), bounded(address));
    }

    public static ThrottleKey account(String username) {
        return new ThrottleKey(ThrottlePolicy.Bucket.ACCOUNT, bounded(username), null);
    }

    public static ThrottleKey address(String address) {
        return new ThrottleKey(ThrottlePolicy.Bucket.ADDRESS, null, bounded(address));
    }

    public static ThrottleKey device(String username, String deviceHash) {
        return new ThrottleKey(ThrottlePolicy.Bucket.DEVICE, bounded(username), bounded(deviceHash));
    }

    /** The stored key, e.g. {@code pair:alice@2001:db8:1:2::/64}. */
    String id() {
        return bucket.name().toLowerCase() + ":" + (username == null ? "" : username)
                + (place == null ? "" : "@" + place);
    }

    /** Usernames and addresses come from whoever asks; a counter's key stays within its column. */
    private static String bounded(String value) {
        String v = value == null ? "" : value;
        return v.length() > MAX_PART ? v.substring(0, MAX_PART) : v;
    }
}
