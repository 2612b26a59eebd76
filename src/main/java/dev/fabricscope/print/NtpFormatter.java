package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.Rfc3339;

/**
 * NTP (RFC 5905, UDP 123) as tcpdump 4.99 prints it (print-ntp.c, ntp.c): {@code NTPv4, Client, length 48}; -v adds
 * the leap indicator, stratum, poll, precision, root delay and dispersion, reference ID, the four timestamps (with
 * their UTC dates) and two differences, or a control message's header fields. Where tcpdump checks lengths first a
 * cut message ends with " [|ntp]"; where its fetch macros jump out, the raw dump also starts at byte 0
 * ({@link EarlyEnd}).
 */
final class NtpFormatter {
    private static final int TIME_MESSAGE = 48, CONTROL_MESSAGE = 12;
    private static final int MODE_CONTROL = 6;
    private static final int STRATUM_UNSPECIFIED = 0, STRATUM_PRIMARY = 1, INFO_QUERY = 62, INFO_REPLY = 63;
    private static final long JAN_1970 = 2_208_988_800L;
    private static final double TWO_TO_32 = 4294967296.0;
    private static final String[] MODES = {"unspecified", "symmetric active", "symmetric passive", "Client", "Server",
        "Broadcast", "Control Message", "Reserved"};
    private static final String[] LEAP = {"", "+1s", "-1s", "clock unsynchronized"};
    private static final String[] TIMESTAMP_NAMES = {"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
        "\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   "};


    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    NtpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            trunc(out);
        }
    }

    /** {@code length} is unsigned, as tcpdump's u_int: an IPv6 jumbogram's UDP payload can pass 2^31. */
    private void message(int bp, int length, StringBuilder out) {
        int status = bytes.u8(bp);
        int mode = status & 7;
        out.append("NTPv").append((status & 0x38) >>> 3).append(", ").append(MODES[mode]).append(", length ")
            .append(Integer.toUnsignedLong(length));
        if (!verbosity.verbose()) return;
        int leap = status & 0xc0;
        out.append("\n\tLeap indicator: ").append(LEAP[leap >>> 6]).append(" (").append(leap).append(')');
        if (mode == MODE_CONTROL) control(bp, length, out);
        else if (mode != 7) time(bp, length, out);
    }

    private void time(int bp, int length, StringBuilder out) {
        Packet p = bytes.packet();
        if (Integer.compareUnsigned(length, TIME_MESSAGE) < 0) {
            invalid(bp, length, out);
            return;
        }
        int stratum = bytes.u8(bp + 1);
        out.append(", Stratum ").append(stratum).append(" (").append(stratum == STRATUM_UNSPECIFIED ? "unspecified"
            : stratum == STRATUM_PRIMARY ? "primary reference" : stratum <= 15 ? "secondary reference" : "reserved")
            .append(')');
        int poll = (byte) bytes.u8(bp + 2);
        out.append(", poll ").append(poll);
        if (poll > -32 && poll < 32) {
            if (poll >= 0) out.append(" (").append(1L << poll).append("s)");
            else out.append(" (1/").append(1L << -poll).append("s)");
        }
        int precision = (byte) bytes.u8(bp + 3);   // fetched before anything of it is printed, as tcpdump's arguments
        out.append(", precision ").append(precision);
        if (!has(bp + 4, 4, out)) return;
        out.append("\n\tRoot Delay: ");
        shortFixed(bp + 4, out);
        if (!has(bp + 8, 4, out)) return;
        out.append(", Root dispersion: ");
        shortFixed(bp + 8, out);
        if (!has(bp + 12, 4, out)) return;
        out.append(", Reference-ID: ");
        switch (stratum) {
            case STRATUM_UNSPECIFIED -> out.append("(unspec)");
            case STRATUM_PRIMARY -> {
                for (int i = 0; i < 4; i++) Text.printableChar(out, p.u8(bp + 12 + i));
            }
            case INFO_QUERY, INFO_REPLY -> {
                Text.ipv4(out, p, bp + 12);
                out.append(stratum == INFO_QUERY ? " INFO_QUERY" : " INFO_REPLY");
                return;
            }
            default -> {
                out.append("0x");
                Text.hex(out, p.u32(bp + 12), 8);
            }
        }
        for (int i = 0; i < 4; i++) {
            if (!has(bp + 16 + 8 * i, 8, out)) return;
            out.append(TIMESTAMP_NAMES[i]);
            timestamp(p.u32(bp + 16 + 8 * i), p.u32(bp + 20 + 8 * i), out);
        }
        out.append("\n\t    Originator - Receive Timestamp:  ");
        delta(bp + 24, bp + 32, out);
        out.append("\n\t    Originator - Transmit Timestamp: ");
        delta(bp + 24, bp + 40, out);
        if (length == TIME_MESSAGE + 4 || length == TIME_MESSAGE + 20 || length == TIME_MESSAGE + 24) {
            long keyId = bytes.u32(bp + TIME_MESSAGE);
            out.append("\n\tKey id: ");
            Text.u32(out, keyId);
            int digest = length - TIME_MESSAGE - 4;
            if (digest == 0 || !has(bp + TIME_MESSAGE + 4, digest, out)) return;
            out.append("\n\tAuthentication: ");
            for (int i = 0; i < digest; i += 4) Text.hex(out, p.u32(bp + TIME_MESSAGE + 4 + i), 8);
        } else if (Integer.compareUnsigned(length, TIME_MESSAGE) > 0) {
            out.append("\n\t(").append(Integer.toUnsignedLong(length) - TIME_MESSAGE)
                .append(" more bytes after the header)");
        }
    }

    private void control(int bp, int length, StringBuilder out) {
        if (Integer.compareUnsigned(length, CONTROL_MESSAGE) < 0) {
            invalid(bp, length, out);
            return;
        }
        int control = bytes.u8(bp + 1);
        out.append(", ").append((control & 0x80) != 0 ? "Response" : "Request").append(", ")
            .append((control & 0x40) != 0 ? "Error" : "OK").append(", ").append((control & 0x20) != 0 ? "More" : "Last")
            .append(", OpCode=").append(control & 0x1f).append('\n');
        int sequence = bytes.u16(bp + 2);
        out.append("\tSequence=").append(sequence);
        int status = bytes.u16(bp + 4);
        out.append(", Status=");
        if (status == 0) out.append('0');
        else Text.hex(out.append("0x"), status);
        int assoc = bytes.u16(bp + 6);
        out.append(", Assoc.=").append(assoc);
        int offset = bytes.u16(bp + 8);
        out.append(", Offset=").append(offset);
        int count = bytes.u16(bp + 10);
        out.append(", Count=").append(count);
        if (Integer.compareUnsigned(CONTROL_MESSAGE + count, length) > 0) {
            invalid(bp, length, out);
            return;
        }
        if (count != 0 && has(bp + CONTROL_MESSAGE, count, out)) out.append("\n\tTO-BE-DONE: data not interpreted");
    }

    /** " (invalid)", then tcpdump's check that the whole message was captured. */
    private void invalid(int bp, int length, StringBuilder out) {
        out.append(" (invalid)");
        has(bp, length, out);
    }

    /** tcpdump's ND_TCHECK: false (after the marker) when {@code n} bytes at {@code at} are not all captured. */
    private boolean has(int at, int n, StringBuilder out) {
        if (at + Integer.toUnsignedLong(n) <= bytes.end()) return true;
        trunc(out);
        return false;
    }

    /** RFC 5905 short format, as tcpdump's p_sfix: "seconds.micros". */
    private void shortFixed(int at, StringBuilder out) {
        Packet p = bytes.packet();
        int fraction = (int) (p.u16(at + 2) / 65536.0 * 1000000.0);
        out.append(p.u16(at)).append('.');
        pad(out, fraction, 6);
    }

    /** tcpdump's p_ntp_time: "seconds.nanos" and, unless zero, the UTC date (also LSP ping's timestamps). */
    static void timestamp(long seconds, long fraction, StringBuilder out) {
        Text.u32(out, seconds);
        out.append('.');
        pad(out, (long) (fraction / TWO_TO_32 * 1000000000.0), 9);
        if (seconds != 0) {
            out.append(" (");
            Rfc3339.appendDateTime(out, seconds - JAN_1970);   // allocation-free: no java.time objects per packet
            out.append("Z)");
        }
    }

    /** tcpdump's p_ntp_delta: the signed difference of two timestamps (or the second alone when the first is zero). */
    private void delta(int older, int newer, StringBuilder out) {
        Packet p = bytes.packet();
        long u = p.u32(newer), uf = p.u32(newer + 4), ou = p.u32(older), ouf = p.u32(older + 4);
        if (ou == 0 && ouf == 0) {
            timestamp(u, uf, out);
            return;
        }
        boolean negative;
        long i;
        long f;
        if (u > ou) {
            negative = false;
            i = u - ou - (ouf > uf ? 1 : 0);
            f = (uf - ouf) & 0xffffffffL;
        } else if (u < ou) {
            negative = true;
            i = ou - u - (uf > ouf ? 1 : 0);
            f = (ouf - uf) & 0xffffffffL;
        } else {
            i = 0;
            negative = uf <= ouf;
            f = negative ? ouf - uf : uf - ouf;
        }
        out.append(negative ? '-' : '+');
        Text.u32(out, i);
        out.append('.');
        pad(out, (long) (f / TWO_TO_32 * 1000000000.0), 9);
    }

    private static void pad(StringBuilder out, long value, int digits) {
        int start = out.length();
        out.append(value);
        while (out.length() - start < digits) out.insert(start, '0');
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|ntp]");
    }



}
