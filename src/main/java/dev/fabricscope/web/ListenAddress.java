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
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) throw invalid(text, "missing ']' in address");
            if (close + 1 == text.length()) throw invalid(text, "missing port in address");
            if (text.charAt(close + 1) != ':') {
                throw invalid(text, text.indexOf(':', close + 1) < 0 ? "missing port in address" : "too many colons in address");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (host.indexOf('[') >= 0) throw invalid(text, "unexpected '[' in address");
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) throw invalid(text, "missing port in address");
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.indexOf(':') >= 0) throw invalid(text, "too many colons in address");
            if (host.indexOf('[') >= 0) throw invalid(text, "unexpected '[' in address");
        }
        if (host.indexOf(']') >= 0 || port.indexOf(']') >= 0) throw invalid(text, "unexpected ']' in address");
        int portNumber = parsePort(text, port);
        if (host.isEmpty()) return new ListenAddress(text, new InetSocketAddress(portNumber));
        return new ListenAddress(text, new InetSocketAddress(resolve(text, host), portNumber));
    }

    private static int parsePort(String text, String port) throws InvalidException {
        if (port.isEmpty()) return 0;
        int value = 0;
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') throw new InvalidException("listen tcp: lookup tcp/" + port + ": unknown port");
            value = value * 10 + (c - '0');
            if (value > 65535) throw invalid(text, "invalid port");
        }
        return value;
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
