package dev.fabricscope.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A listen address written as Go's net.Listen takes it: "host:port", "[v6]:port", ":port" (all
 * addresses), an empty port meaning "any free port". A host name is resolved and its first IPv4 address is
 * preferred, as Go does for listeners.
 *
 * @param text    the address as given, for messages
 * @param socket  what to bind; its address is the wildcard for an empty host
 */
public record ListenAddress(String text, InetSocketAddress socket) {

    /** Thrown for an address Go would refuse; the message reads like Go's ("listen tcp: address x: ..."). */
    public static final class InvalidException extends Exception {
        public InvalidException(String message) {
            super(message);
        }
    }

    /** Parses {@code text} as Go's net.SplitHostPort does, then resolves the host. */
    public static ListenAddress parse(String text) throws InvalidException {
        String host;
        String port;
        int colon = text.lastIndexOf(':');
        if (colon < 0) throw invalid(text, "missing port in address");
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) throw invalid(text, "missing ']' in address");
            if (close + 1 != colon) {
                boolean moreColons = close + 1 < text.length() && text.charAt(close + 1) == ':';
                throw invalid(text, moreColons ? "too many colons in address" : "missing port in address");
            }
            host = text.substring(1, close);
            if (host.indexOf('[') >= 0) throw invalid(text, "unexpected '[' in address");
        } else {
            host = text.substring(0, colon);
            if (host.indexOf(':') >= 0) throw invalid(text, "too many colons in address");
            if (host.indexOf('[') >= 0) throw invalid(text, "unexpected '[' in address");
        }
        port = text.substring(colon + 1);
        if (host.indexOf(']') >= 0 || port.indexOf(']') >= 0) throw invalid(text, "unexpected ']' in address");
        int portNumber = parsePort(port);
        if (host.isEmpty()) return new ListenAddress(text, new InetSocketAddress(portNumber));
        return new ListenAddress(text, new InetSocketAddress(resolve(text, host), portNumber));
    }

    /** Go's port rules: decimal, optionally signed; anything else would be a service name (not supported). */
    private static int parsePort(String port) throws InvalidException {
        if (port.isEmpty()) return 0;
        int i = port.charAt(0) == '+' || port.charAt(0) == '-' ? 1 : 0;
        if (i == port.length()) throw new InvalidException("listen tcp: address tcp/" + port + ": unknown port");
        long value = 0;
        for (int j = i; j < port.length(); j++) {
            char c = port.charAt(j);
            if (c < '0' || c > '9') throw new InvalidException("listen tcp: address tcp/" + port + ": unknown port");
            value = Math.min(value * 10 + (c - '0'), 1 << 20);
        }
        if (port.charAt(0) == '-' || value > 65535) throw new InvalidException("listen tcp: address " + port + ": invalid port");
        return (int) value;
    }

    private static InetAddress resolve(String text, String host) throws InvalidException {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (a instanceof Inet4Address) return a;
            }
            return all[0];
        } catch (UnknownHostException e) {
            throw new InvalidException("listen tcp: lookup " + host + ": no such host");
        }
    }

    private static InvalidException invalid(String text, String why) {
        return new InvalidException("listen tcp: address " + text + ": " + why);
    }

    /** True when only this host can connect: a loopback address (not the wildcard, not a LAN address). */
    public boolean loopbackOnly() {
        return socket.getAddress().isLoopbackAddress();
    }

    /** True for ":port" and unspecified addresses (0.0.0.0, ::): every interface. */
    public boolean allAddresses() {
        return socket.getAddress().isAnyLocalAddress();
    }
}
