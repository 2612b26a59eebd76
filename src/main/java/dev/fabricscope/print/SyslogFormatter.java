package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Syslog (RFC 3164/5424, UDP 514) as tcpdump 4.99 prints it (print-syslog.c): {@code SYSLOG local0.info, length: 88};
 * -v puts facility and severity with their numbers and the message on further lines, -vv adds the payload in hex.
 * A payload that does not start with {@code <PRI>} is " (invalid)". tcpdump reads the priority with its fetch
 * macros: a cut one ends with " [|syslog]" and the raw dump starts at byte 0 ({@link EarlyEnd}).
 */
final class SyslogFormatter {
    private static final int MAX_DIGITS = 3;
    private static final String[] SEVERITIES = {"emergency", "alert", "critical", "error", "warning", "notice", "info",
        "debug"};
    private static final String[] FACILITIES = {"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
        "uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1", "local2", "local3",
        "local4", "local5", "local6", "local7"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    SyslogFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * The payload at {@code off} of {@code length} bytes (unsigned, as tcpdump's u_int: an IPv6 jumbogram's can pass
     * 2^31); {@code end} is the snapshot end.
     */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        if (off >= end) {
            earlyEnd.mark(out, "syslog");
            return;
        }
        if (p.u8(off) != '<') {
            out.append(" (invalid)");
            return;
        }
        int at = 1;
        int pri = 0;
        while (true) {
            if (off + at >= end) {
                earlyEnd.mark(out, "syslog");
                return;
            }
            int c = p.u8(off + at);
            if (at > MAX_DIGITS || c < '0' || c > '9') break;
            pri = pri * 10 + (c - '0');
            at++;
        }
        if (p.u8(off + at) != '>') {
            out.append(" (invalid)");
            return;
        }
        at++;
        int facility = (pri & 0x3f8) >>> 3;
        int severity = pri & 7;
        if (!verbosity.verbose()) {
            out.append("SYSLOG ");
            name(out, FACILITIES, facility);
            out.append('.');
            name(out, SEVERITIES, severity);
            out.append(", length: ").append(Integer.toUnsignedLong(length));
            return;
        }
        out.append("SYSLOG, length: ").append(Integer.toUnsignedLong(length)).append("\n\tFacility ");
        name(out, FACILITIES, facility);
        out.append(" (").append(facility).append("), Severity ");
        name(out, SEVERITIES, severity);
        out.append(" (").append(severity).append(")\n\tMsg: ");
        for (int i = at; i < Integer.toUnsignedLong(length); i++) {
            if (off + i >= end) {
                earlyEnd.mark(out, "syslog");   // the message is printed with fetches that jump out at the snapshot end
                return;
            }
            Text.printableChar(out, p.u8(off + i));
        }
        if (verbosity.veryVerbose()) {
            HexDump.hex(p, off, (int) Math.min(Integer.toUnsignedLong(length), end - off), "\n\t", out);
        }
    }

    private static void name(StringBuilder out, String[] names, int value) {
        if (value < names.length) out.append(names[value]);
        else out.append("unknown (").append(value).append(')');
    }
}
