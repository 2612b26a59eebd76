package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The RPKI to Router protocol (RFC 6810; TCP 323) as tcpdump 4.99's print-rpki-rtr.c: ", RPKI-RTR" after the TCP
 * fields; with -v each PDU of the segment on its own lines ("RPKI-RTRv0, Serial Notify PDU (0), length: 12" and its
 * fields), an error report's encapsulated PDU decoded once more, unknown types in hex; -vv every PDU in hex too.
 * Lengths that do not fit are " (invalid)", after which tcpdump checks the rest was captured; fetches past the
 * capture end the line with " [|rpki_rtr]" ({@link EarlyEnd}). tcpdump adds the error report's lengths in 32 bits;
 * so does this printer, where they wrap.
 */
final class RpkiRtrFormatter {
    static final int PORT = 323;
    private static final int HEADER = 8, IPV4_PREFIX_LENGTH = 20, IPV6_PREFIX_LENGTH = 32;
    private static final int SERIAL_NOTIFY = 0, SERIAL_QUERY = 1, RESET_QUERY = 2, CACHE_RESPONSE = 3,
        IPV4_PREFIX = 4, IPV6_PREFIX = 6, END_OF_DATA = 7, CACHE_RESET = 8, ERROR_REPORT = 10;
    private static final String[] TYPES = {"Serial Notify", "Serial Query", "Reset Query", "Cache Response",
        "IPV4 Prefix", null, "IPV6 Prefix", "End of Data", "Cache Reset", null, "Error Report"};
    private static final String[] ERRORS = {"Corrupt Data", "Internal Error", "No Data Available", "Invalid Request",
        "Unsupported Protocol Version", "Unsupported PDU Type", "Withdrawal of Unknown Record",
        "Duplicate Announcement Received"};
    private static final long MASK_32 = 0xffffffffL;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    RpkiRtrFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The TCP payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        if (!verbosity.verbose()) {
            out.append(", RPKI-RTR");
            return;
        }
        try (var _ = bytes.reading(p, end)) {
            long at = off, len = length;
            while (len != 0) {
                long used = pdu(at, len, true, 8, out);
                len -= used;
                at += used;
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "rpki_rtr");
        }
    }

    /** One PDU at {@code tp} within {@code len} bytes; returns the bytes it took (all of {@code len} if invalid). */
    private long pdu(long tp, long len, boolean recurse, int indent, StringBuilder out) {
        int version = bytes.u8(tp);
        if (version != 0) {
            // a later version's PDU cannot be skipped: tcpdump gives up on the rest
            indent(8, out);
            out.append("RPKI-RTRv").append(version).append(" (unknown)");
            return len;
        }
        if (len < HEADER) {
            out.append('(').append(len).append(" bytes is too few to decode)");
            return invalid(tp, len, out);
        }
        bytes.need(tp, HEADER);
        int type = bytes.u8(tp + 1);
        long pduLength = bytes.u32(tp + 4);
        indent(8, out);
        out.append("RPKI-RTRv0, ").append(LldpText.name(TYPES, 0, type, "Unknown")).append(" PDU (").append(type)
            .append("), length: ").append(pduLength);
        if (pduLength < HEADER || pduLength > len) return invalid(tp, len, out);
        boolean hexdump = false;
        switch (type) {
            case SERIAL_NOTIFY, SERIAL_QUERY, END_OF_DATA -> {
                if (pduLength != HEADER + 4) return invalid(tp, len, out);
                int session = bytes.u16(tp + 2);
                long serial = bytes.u32(tp + HEADER);
                indent(indent + 2, out);
                out.append("Session ID: 0x");
                Text.hex(out, session, 4);
                out.append(", Serial: ").append(serial);
            }
            case RESET_QUERY, CACHE_RESET -> {
                if (pduLength != HEADER) return invalid(tp, len, out);
            }
            case CACHE_RESPONSE -> {
                if (pduLength != HEADER) return invalid(tp, len, out);
                int session = bytes.u16(tp + 2);
                indent(indent + 2, out);
                out.append("Session ID: 0x");
                Text.hex(out, session, 4);
            }
            case IPV4_PREFIX, IPV6_PREFIX -> {
                boolean v6 = type == IPV6_PREFIX;
                if (pduLength != (v6 ? IPV6_PREFIX_LENGTH : IPV4_PREFIX_LENGTH)) return invalid(tp, len, out);
                // tcpdump fetches every field before it prints the line
                int size = v6 ? 16 : 4;
                bytes.need(tp + 12, size);
                int prefixLength = bytes.u8(tp + 9), maxLength = bytes.u8(tp + 10);
                long as = bytes.u32(tp + 12 + size);
                int flags = bytes.u8(tp + 8);
                indent(indent + 2, out);
                out.append(v6 ? "IPv6 Prefix " : "IPv4 Prefix ");
                if (v6) Text.ipv6(out, bytes.packet(), (int) tp + 12);
                else Text.ipv4(out, bytes.packet(), (int) tp + 12);
                out.append('/').append(prefixLength).append('-').append(maxLength).append(", origin-as ").append(as)
                    .append(", flags 0x");
                Text.hex(out, flags, 2);
            }
            case ERROR_REPORT -> {
                if (errorReport(tp, len, pduLength, recurse, indent, out)) return invalid(tp, len, out);
            }
            default -> {
                bytes.need(tp, pduLength);
                hexdump = true;
            }
        }
        if (verbosity.veryVerbose() || hexdump) bytes.unknownData(out, tp, "\n\t  ", pduLength);
        return pduLength;
    }

    /** An error report's fields, its encapsulated PDU and text; true when a length does not fit (invalid). */
    private boolean errorReport(long tp, long len, long pduLength, boolean recurse, int indent, StringBuilder out) {
        long tlen = HEADER;
        if (pduLength < tlen + 4) return true;
        bytes.need(tp, tlen + 4);
        long encapsulated = bytes.u32(tp + HEADER);
        tlen += 4;
        int code = bytes.u16(tp + 2);
        indent(indent + 2, out);
        out.append("Error code: ").append(LldpText.name(ERRORS, 0, code, "Unknown")).append(" (").append(code)
            .append("), Encapsulated PDU length: ").append(encapsulated);
        if (encapsulated != 0) {
            if (pduLength < ((tlen + encapsulated) & MASK_32)) return true;
            if (!recurse) {
                bytes.need(tp, (tlen + encapsulated) & MASK_32);
            } else {
                indent(indent + 4, out);
                out.append("-----encapsulated PDU-----");
                pdu(tp + tlen, encapsulated, false, indent + 2, out);
            }
            tlen = (tlen + encapsulated) & MASK_32;
        }
        if (pduLength < ((tlen + 4) & MASK_32)) return true;
        bytes.need(tp, (tlen + 4) & MASK_32);
        long textLength = bytes.u32(tp + tlen);
        tlen = (tlen + 4) & MASK_32;
        if (textLength != 0) {
            if (pduLength < ((tlen + textLength) & MASK_32)) return true;
            indent(indent + 2, out);
            out.append("Error text: ");
            for (long i = 0; i < textLength; i++) Text.printableChar(out, bytes.u8(tp + tlen + i));   // nd_printn
        }
        return false;
    }

    /** nd_print_invalid, then tcpdump's check that the rest was captured; the PDU takes all of {@code len}. */
    private long invalid(long tp, long len, StringBuilder out) {
        out.append(" (invalid)");
        bytes.need(tp, len);
        return len;
    }

    /** tcpdump's indent_string: a newline, a tab per 8, a space per 1 left. */
    private static void indent(int indent, StringBuilder out) {
        out.append('\n');
        for (; indent >= 8; indent -= 8) out.append('\t');
        for (; indent > 0; indent--) out.append(' ');
    }
}
