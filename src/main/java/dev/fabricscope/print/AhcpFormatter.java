package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.Rfc3339;

/**
 * AHCP (the Ad-Hoc Configuration Protocol, version 1) on UDP 5359 as tcpdump 4.99 prints it (print-ahcp.c):
 * {@code AHCP Version 1}, with -v the header (hop counts, nonce, source and destination ids) and the message type
 * and length, with -vv each option (times, addresses and prefixes decoded, others by length). Something too short
 * for its length prints " (invalid)"; tcpdump then still checks that the rest was captured, and every such check,
 * as every fetch, jumps out past the capture ({@link EarlyEnd}).
 */
final class AhcpFormatter {
    static final int PORT = 5359;
    private static final int MAGIC = 43, HEADER = 24, BODY_MIN = 4;
    private static final int PAD = 0, MANDATORY = 1, ORIGIN_TIME = 2, EXPIRES = 3, MY_IPV6_ADDRESS = 4,
        MY_IPV4_ADDRESS = 5, IPV6_PREFIX = 6, IPV6_ADDRESS = 8, IPV4_ADDRESS = 9, IPV6_PREFIX_DELEGATION = 10,
        IPV4_PREFIX_DELEGATION = 11, NAME_SERVER = 12, NTP_SERVER = 13;
    private static final String[] MESSAGES = {"Discover", "Offer", "Request", "Ack", "Nack", "Release"};
    private static final String[] OPTIONS = {"Pad", "Mandatory", "Origin Time", "Expires", "My-IPv6-Address",
        "My-IPv4-Address", "IPv6 Prefix", "IPv4 Prefix", "IPv6 Address", "IPv4 Address", "IPv6 Prefix Delegation",
        "IPv4 Prefix Delegation", "Name Server", "NTP Server"};

    private final int vflag;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    AhcpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.vflag = verbosity.vflag();
        this.earlyEnd = earlyEnd;
    }

    /** The datagram at {@code off}, {@code len} bytes by the UDP header, captured to {@code end}. */
    void format(Packet p, int off, int len, int end, StringBuilder out) {
        out.append("AHCP");
        try (var _ = bytes.reading(p, end)) {
            message(off, len, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ahcp");
        }
    }

    private void message(int cp, int len, StringBuilder out) {
        if (len < 2 || bytes.u8(cp) != MAGIC) {
            invalid(cp, len, out);
            return;
        }
        int version = bytes.u8(cp + 1);
        cp += 2;
        len -= 2;
        if (version != 1) {
            out.append(" Version ").append(version).append(" (unknown)");
            bytes.need(cp, len);
            return;
        }
        out.append(" Version 1");
        if (len < HEADER - 2) {
            invalid(cp, len, out);
            return;
        }
        if (vflag == 0) {
            bytes.need(cp, HEADER - 2);
        } else {   // each field fetched before its text is printed, as tcpdump's printf arguments
            bytes.need(cp, 1);
            out.append("\n\tHopcount ").append(bytes.u8(cp));
            bytes.need(cp + 1, 1);
            out.append(", Original Hopcount ").append(bytes.u8(cp + 1));
            bytes.need(cp + 2, 4);
            out.append(", Nonce 0x");
            Text.hex(out, bytes.u32(cp + 2), 8);
            bytes.need(cp + 6, 8);
            out.append(", Source Id ");
            Text.linkAddress(out, bytes.packet(), cp + 6, 8);
            bytes.need(cp + 14, 8);
            out.append(", Destination Id ");
            Text.linkAddress(out, bytes.packet(), cp + 14, 8);
        }
        body(cp + HEADER - 2, len - (HEADER - 2), out);
    }

    private void body(int cp, int len, StringBuilder out) {
        if (len < BODY_MIN) {
            invalid(cp, len, out);
            return;
        }
        int type = bytes.u8(cp), mbz = bytes.u8(cp + 1), bodyLength = bytes.u16(cp + 2);
        cp += 4;
        len -= 4;
        if (vflag > 0) {
            out.append("\n\t");
            if (type < MESSAGES.length) out.append(MESSAGES[type]);
            else out.append("Unknown-").append(type);
            if (mbz != 0) out.append(", MBZ ").append(mbz);
            out.append(", Length ").append(bodyLength);
        }
        if (bodyLength > len) {
            invalid(cp, len, out);
            return;
        }
        if (vflag >= 2) options(cp, bodyLength, out);   // the body's length, not the datagram's: extra data ignored
        else bytes.need(cp, bodyLength);
    }

    private void options(int cp, int len, StringBuilder out) {
        while (len > 0) {
            int option = bytes.u8(cp);
            cp++;
            len--;
            out.append("\n\t ");
            if (option < OPTIONS.length) out.append(OPTIONS[option]);
            else out.append("Unknown-").append(option);
            if (option == PAD || option == MANDATORY) continue;
            if (len == 0) {
                invalid(cp, len, out);
                return;
            }
            int optionLength = bytes.u8(cp);
            cp++;
            len--;
            if (optionLength > len) {
                invalid(cp, len, out);
                return;
            }
            switch (option) {
                case ORIGIN_TIME -> time(cp, optionLength, out);
                case EXPIRES -> seconds(cp, optionLength, out);
                case MY_IPV6_ADDRESS, IPV6_ADDRESS, NAME_SERVER, NTP_SERVER -> list(cp, optionLength, 16, false, out);
                case MY_IPV4_ADDRESS, IPV4_ADDRESS -> list(cp, optionLength, 4, false, out);
                case IPV6_PREFIX, IPV6_PREFIX_DELEGATION -> list(cp, optionLength, 17, true, out);
                case IPV4_PREFIX_DELEGATION -> list(cp, optionLength, 5, true, out);
                default -> {
                    out.append(" (Length ").append(optionLength).append(')');
                    bytes.need(cp, optionLength);
                }
            }
            cp += optionLength;
            len -= optionLength;
        }
    }

    /** " (invalid)", then tcpdump's check that the rest was captured. */
    private void invalid(int cp, int len, StringBuilder out) {
        out.append(" (invalid)");
        bytes.need(cp, len);
    }

    private void time(int cp, int len, StringBuilder out) {
        if (len != 4) {
            invalid(cp, len, out);
            return;
        }
        long t = bytes.u32(cp);
        out.append(": ");
        Rfc3339.appendDate(out, t / 86_400);
        out.append(' ');
        Text.timeOfDay(out, (int) (t % 86_400));
        out.append(" UTC");
    }

    private void seconds(int cp, int len, StringBuilder out) {
        if (len != 4) {
            invalid(cp, len, out);
            return;
        }
        long seconds = bytes.u32(cp);
        out.append(": ").append(seconds).append('s');
    }

    /** Addresses of {@code size} bytes (IPv6 16, IPv4 4), or prefixes (the address then its length's byte). */
    private void list(int cp, int len, int size, boolean prefixes, StringBuilder out) {
        boolean first = true;
        while (len > 0) {
            if (len < size) {
                invalid(cp, len, out);
                return;
            }
            bytes.need(cp, size);
            out.append(first ? ": " : ", ");
            first = false;
            int addressSize = prefixes ? size - 1 : size;
            if (addressSize == 16) bytes.ip6(out, cp);
            else bytes.ip4(out, cp);
            if (prefixes) out.append('/').append(bytes.u8(cp + addressSize));
            cp += size;
            len -= size;
        }
    }

}
