package org.youthwork.logbook.account;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.youthwork.logbook.system.LogbookConfig;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client's address, as the sign-in limit counts it. By default the TCP peer: X-Forwarded-For and Forwarded are
 * ignored, since any client can send them. A request whose peer is one of the trusted proxies
 * ({@code logbook.trusted-proxies}) counts by the rightmost address of the forwarded header that is not a trusted
 * proxy itself: the address the outermost trusted proxy saw, as nginx's real_ip_recursive and Apache's mod_remoteip
 * take it. Entries left of it were written by the client and are never read. An IPv6 address counts by its /64, the
 * block one subscriber is given, so that walking through it does not escape the limit.
 */
@Startup
@ApplicationScoped
class ClientAddress {

    private record Range(byte[] network, int bits) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((bytes[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> trusted = new ArrayList<>();
    private final boolean rfc7239;
    private final String header;

    @Inject
    ClientAddress(LogbookConfig config) {
        this(config.trustedProxies().orElse(List.of()), config.forwardedHeader());
    }

    /** Refuses to start on a setting it cannot read: a proxy that silently counted as the client would be worse. */
    ClientAddress(List<String> trustedProxies, String forwardedHeader) {
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                trusted.add(range(entry.strip()));
            }
        }
        if (forwardedHeader.equalsIgnoreCase("X-Forwarded-For")) {
            rfc7239 = false;
        } else if (forwardedHeader.equalsIgnoreCase("Forwarded")) {
            rfc7239 = true;
        } else {
            throw new IllegalStateException("LOGBOOK_FORWARDED_HEADER must be X-Forwarded-For or Forwarded, not '" + forwardedHeader + "'");
        }
        header = rfc7239 ? "Forwarded" : "X-Forwarded-For";
    }

    String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return of(peer, trusted.isEmpty() ? List.of() : request.headers().getAll(header));
    }

    /** The key of the client's address: the peer's, or the one its trusted proxies forwarded (all header lines, in order). */
    String of(String peer, List<String> forwarded) {
        InetAddress address = literal(peer);
        if (address == null) {
            return "unknown";
        }
        if (trusted(address)) {
            List<String> hops = new ArrayList<>();
            for (String line : forwarded) {
                hops.addAll(Arrays.asList(line.split(",")));
            }
            for (int i = hops.size() - 1; i >= 0 && trusted(address); i--) {
                InetAddress hop = literal(rfc7239 ? forwardedFor(hops.get(i)) : hops.get(i));
                if (hop == null) {
                    break; // "unknown", hidden or garbled: the nearest trusted proxy is all that is known
                }
                address = hop;
            }
        }
        return key(address);
    }

    private boolean trusted(InetAddress address) {
        for (Range range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] block = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(block, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(block).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /** The for= parameter of one element of an RFC 7239 Forwarded header, or null. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                return pair.substring(equals + 1).strip().replace("\"", "");
            }
        }
        return null;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
        int max = address == null ? 0 : address.getAddress().length * 8;
        int bits = max;
        if (address != null && slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
        }
        if (address == null || bits < 0 || bits > max) {
            throw new IllegalStateException("LOGBOOK_TRUSTED_PROXIES: '" + entry + "' is neither an IP address nor a CIDR "
                    + "range such as 10.0.0.0/8 (host names are not looked up)");
        }
        return new Range(address.getAddress(), bits);
    }

    /**
     * An IPv4 or IPv6 address written as a literal, with or without brackets and port; null for anything else. Never
     * a name lookup: a header's value must not make the service ask DNS.
     */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            s = s.substring(1, close);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.isEmpty() || !s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == ':' || ch == '.')) {
            return null;
        }
        try {
            if (s.indexOf(':') >= 0) {
                return InetAddress.getByName("[" + s + "]"); // brackets: parsed as an IPv6 literal, never looked up
            }
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
