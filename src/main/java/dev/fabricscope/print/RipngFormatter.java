package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * RIPng (RFC 2080; UDP 521, over IPv6 or IPv4 alike, as tcpdump's port check does not look at the IP version) as
 * tcpdump 4.99 prints it (print-ripng.c): {@code  ripng-resp 2: 2001:db8::/32 (1) fd00::/8 [7] (2)}, each route
 * entry's prefix, then its tag and metric when nonzero (requests show no metric); -vv puts each entry on its own line.
 * A request for the whole table prints as "ripng-req dump". A count of entries that does not divide the message gets
 * the message's length in brackets and " (invalid)", as do other versions and commands. A fetch past the capture ends
 * the line with " [|ripng]" ({@link EarlyEnd}). Starts with a space, as tcpdump's. No known difference from tcpdump.
 */
final class RipngFormatter {
    static final int PORT = 521;
    private static final int HEADER = 4, ENTRY = 20;
    private static final int VERSION = 1, REQUEST = 1, RESPONSE = 2, INFINITY = 16;
    private static final String INVALID = " (invalid)";

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    RipngFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ripng");
        }
    }

    private void message(int at, int length, StringBuilder out) {
        int version = bytes.u8(at + 1);
        if (version != VERSION) {
            out.append(" [vers ").append(version).append(']').append(INVALID);
            return;
        }
        int command = bytes.u8(at);
        if (command != REQUEST && command != RESPONSE) {
            out.append(" ripng-").append(command).append(" ?? ").append(Integer.toUnsignedLong(length)).append(INVALID);
            return;
        }
        // length is unsigned, as tcpdump's u_int: an IPv6 jumbogram's UDP payload can pass 2^31
        if (Integer.compareUnsigned(length, HEADER) < 0) {
            out.append(INVALID);
            return;
        }
        boolean request = command == REQUEST;
        long left = Integer.toUnsignedLong(length) - HEADER;
        long count = left / ENTRY;
        int entry = at + HEADER;
        if (request && count == 1 && bytes.u8(entry + ENTRY - 1) == INFINITY && unspecified(entry)) {
            out.append(" ripng-req dump");
            return;
        }
        out.append(request ? " ripng-req " : " ripng-resp ").append(count);
        if (count * ENTRY != left) out.append('[').append(Integer.toUnsignedLong(length)).append(']');
        out.append(':');
        for (; left >= ENTRY; left -= ENTRY, entry += ENTRY) {
            out.append(verbosity.veryVerbose() ? "\n\t" : " ");
            entry(entry, !request, out);
        }
        if (left != 0) out.append(INVALID);
    }

    private void entry(int at, boolean metric, StringBuilder out) {
        bytes.need(at, 19);   // the prefix and its length, fetched before either is written
        bytes.ip6(out, at);
        out.append('/').append(bytes.u8(at + 18));
        int tag = bytes.u16(at + 16);
        if (tag != 0) out.append(" [").append(tag).append(']');
        int value = bytes.u8(at + 19);
        if (value != 0 && metric) out.append(" (").append(value).append(')');
    }

    /** Whether the 16 bytes at {@code at} (captured: the entry's last byte was) are the unspecified address. */
    private boolean unspecified(int at) {
        for (int i = 0; i < 16; i++) if (bytes.u8(at + i) != 0) return false;
        return true;
    }
}
