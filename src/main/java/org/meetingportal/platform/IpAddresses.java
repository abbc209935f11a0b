package org.meetingportal.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals in one spelling, so that "::1" and "0:0:0:0:0:0:0:1" compare equal. Never a name lookup. */
public final class IpAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
    /** Hex digits and colons, with an IPv4 tail allowed; InetAddress reads anything with a colon as IPv6. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** The address in Java's canonical spelling, or empty when the text is not an IPv4 or IPv6 literal. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // Only a dotted quad or text with a colon reaches InetAddress, which parses those and never asks DNS.
        if (literal.length() > 45 || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The network that counts as one client for limits: an IPv4 address itself, an IPv6 address's /64, since
     * one subscriber is usually handed a whole /64 and can pick any address in it.
     */
    public static String limitedNetwork(String address) {
        Optional<String> normalized = normalize(address);
        if (normalized.isEmpty() || !normalized.get().contains(":")) {
            return normalized.orElse(address == null ? "" : address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(normalized.get());
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return normalized.get();
        }
    }
}
