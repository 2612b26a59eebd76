package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Line-oriented text protocols as tcpdump 4.99 prints them (util-print.c's txtproto_print): the protocol name in
 * capitals and, for a request or response, its first line ({@code HTTP: GET / HTTP/1.1}); -v prints the length
 * and every text line. HTTP, RTSP and SIP (UDP 5060) payloads count as a request or response only when they start with a method
 * or carry a three-digit status code as their second token; FTP, SMTP and whois payloads always do.
 */
final class TextProtocolFormatter {
    enum Protocol {
        HTTP("HTTP", "http", new String[] {"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
            "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY",
            "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH",
            "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
            "VERSION-CONTROL", "BASELINE-CONTROL"}),
        RTSP("RTSP", "rtsp", new String[] {"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
            "RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN"}),
        FTP("FTP", "ftp", null),
        SMTP("SMTP", "smtp", null),
        WHOIS("WHOIS", "whois", null),
        SIP("SIP", "sip", new String[] {"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
            "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH"});

        final String caps;
        final String name;
        /** Request methods; null: every payload is a request or response. */
        final String[] methods;

        Protocol(String caps, String name, String[] methods) {
            this.caps = caps;
            this.name = name;
            this.methods = methods;
        }
    }

    /** tcpdump's token buffer: 128 characters and a terminator, a longer token is no token. */
    private static final int MAX_TOKEN = 127;


    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final char[] token = new char[MAX_TOKEN];
    private int tokenLength;

    TextProtocolFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, Protocol protocol, StringBuilder out) {
        long wire = Integer.toUnsignedLong(length);   // unsigned, as tcpdump's u_int: a jumbogram's passes 2^31
        length = UnsignedLength.clamped(length);
        try (var _ = bytes.reading(packet, end)) {
            boolean print = protocol.methods == null || requestOrResponse(off, length, protocol);
            out.append(protocol.caps);
            if (!print) return;
            if (verbosity.verbose()) {
                out.append(", length: ").append(wire);
                int at = 0;
                while (at < length && (at = line(off, at, length, "\n\t", protocol, out)) != 0) { }
            } else {
                line(off, 0, length, ": ", protocol, out);
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, protocol.name);
        }
    }

    private boolean requestOrResponse(int off, int length, Protocol protocol) {
        int at = fetchToken(off, 0, length);
        if (at == 0) return false;
        boolean method = false;
        for (String m : protocol.methods) {
            if (tokenIs(m)) {
                method = true;
                break;
            }
        }
        at = fetchToken(off, at, length);   // HTTP and RTSP: the status code is the second token
        boolean status = at != 0 && tokenLength == 3 && digit(token[0]) && digit(token[1]) && digit(token[2]);
        return method || status;
    }

    /** tcpdump's fetch_token: the token at {@code at} into {@link #token}; where the next one starts, or 0. */
    private int fetchToken(int off, int at, int length) {
        Packet p = bytes.packet();
        tokenLength = 0;
        for (; at < length; at++) {
            if (off + at >= bytes.end()) return 0;
            int c = p.u8(off + at);
            if (c >= 0x80) return 0;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') break;
            if (!printable(c) || tokenLength == MAX_TOKEN) return 0;
            token[tokenLength++] = (char) c;
        }
        if (tokenLength == 0) return 0;
        for (; at < length; at++) {
            if (off + at >= bytes.end()) break;
            int c = p.u8(off + at);
            if (c == '\r' || c == '\n' || !printable(c) || (c != ' ' && c != '\t')) break;
        }
        return at;
    }

    /**
     * tcpdump's print_txt_line: the printable line at {@code at} (CR-LF or LF ended) after {@code prefix}; the
     * position after its end, or 0 when it is binary, has a lone CR, or runs to the end of the payload (then
     * printed with the truncation marker).
     */
    private int line(int off, int at, int length, String prefix, Protocol protocol, StringBuilder out) {
        int start = at;
        while (at < length) {
            int c = bytes.u8(off + at);
            if (c == '\n') {
                print(off, start, at, prefix, out);
                return at + 1;
            }
            if (c == '\r') {
                if (at + 1 >= length) return 0;
                if (bytes.u8(off + at + 1) != '\n') return 0;
                print(off, start, at, prefix, out);
                return at + 2;
            }
            if (!printable(c) && c != '\t') return 0;
            at++;
        }
        print(off, start, at, prefix, out);
        out.append(" [|").append(protocol.name).append(']');
        return 0;
    }

    private void print(int off, int from, int to, String prefix, StringBuilder out) {
        out.append(prefix);
        for (int i = from; i < to; i++) out.append((char) bytes.packet().u8(off + i));
    }

    private boolean tokenIs(String method) {
        if (method.length() != tokenLength) return false;
        for (int i = 0; i < tokenLength; i++) {
            char c = token[i];
            if (c >= 'a' && c <= 'z') c -= 32;
            if (c != method.charAt(i)) return false;
        }
        return true;
    }

    private static boolean printable(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

}
