package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ZMTP/1.0 (ZeroMQ's first wire protocol) as tcpdump 4.99 prints it (print-zeromq.c), only by -T: over TCP
 * ({@code -T zmtp1}) a list of frames, each "frame flags+body length N, flags 0xNN"; in a PGM ODATA/RDATA message
 * ({@code -T pgm_zmtp1}) the datagram's frame offset and intermediate part first. -v adds the flag bits and up to
 * 128 bytes of each body in hex and ASCII, -vv all of them. Lengths are tcpdump's unsigned 64-bit ones (a declared
 * length past the capture ends the line with " [|zmtp1]", {@link EarlyEnd}).
 */
final class ZmtpFormatter {
    /** The most body bytes -v dumps (tcpdump's VBYTES). */
    private static final int VBYTES = 128;
    private static final String[] FLAG_BITS = {"MBZ", "MBZ", "MBZ", "MBZ", "MBZ", "MBZ", "MBZ", "MORE"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    ZmtpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** tcpdump's zmtp1_print: the TCP payload at {@code off}, {@code length} bytes, snapshot end {@code end}. */
    void tcp(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            out.append(": ZMTP/1.0");
            long ep = Math.min(end, off + Integer.toUnsignedLong(length));
            long cp = off;
            while (cp < ep) cp = frame(p, cp, ep, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "zmtp1");
        }
    }

    /** tcpdump's zmtp1_datagram_print: the PGM data at {@code off}, {@code length} the PGM header's TSDU length. */
    void datagram(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            long ep = Math.min(end, off + (long) length);
            long cp = intermediatePart(p, off, length, out);
            while (cp < ep) cp = frame(p, cp, ep, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "zmtp1");
        }
    }

    private long intermediatePart(Packet p, long cp, int len, StringBuilder out) {
        long frameOffset = bytes.u16(cp);
        out.append("\n\t frame offset 0x");
        Text.hex(out, frameOffset, 4);
        cp += 2;
        long remaining = Math.max(0, bytes.end() - cp);
        if (frameOffset == 0xffff) {
            frameOffset = (len - 2) & 0xffffffffL;   // tcpdump's u_int
        } else if (2 + frameOffset > len) {
            out.append(" (exceeds datagram declared length)");
            bytes.need(0, Long.MAX_VALUE);   // tcpdump jumps out here
        }
        if (frameOffset != 0) {
            out.append("\n\t frame intermediate part, ").append(frameOffset).append(" bytes");
            if (frameOffset > remaining) out.append(" (").append(remaining).append(" captured)");
            if (verbosity.verbose()) {
                long printed = Math.min(frameOffset, remaining);
                if (verbosity == Verbosity.VERBOSE) printed = Math.min(VBYTES, printed);
                if (printed > 1) {
                    out.append(", first ").append(printed).append(" byte(s):");
                    hexAndAscii(p, cp, printed, out);
                }
            }
        }
        return cp + frameOffset;
    }

    private long frame(Packet p, long cp, long ep, StringBuilder out) {
        out.append("\n\t");
        long headerLen, declared;
        int first = bytes.u8(cp);
        if (first != 0xff) {
            headerLen = 1;
            declared = first;
            out.append(" frame flags+body  (8-bit) length ").append(declared);
        } else {
            headerLen = 9;
            out.append(" frame flags+body (64-bit) length");
            bytes.need(cp, headerLen);
            declared = bytes.u64(cp + 1);
            out.append(' ');
            Text.u64(out, declared);
        }
        if (declared == 0) return cp + headerLen;
        bytes.need(cp, headerLen + 1);
        int flags = bytes.u8(cp + headerLen);
        long captured = ep - cp - headerLen;   // tcpdump's uint64_t: below zero wraps (a 64-bit header past ep)
        if (Long.compareUnsigned(declared, captured) > 0) {
            out.append(" (");
            Text.u64(out, captured);
            out.append(" captured)");
        }
        out.append(", flags 0x");
        Text.hex(out, flags, 2);
        if (verbosity.verbose()) {
            out.append(" (");
            for (int bit = 0; bit < 8; bit++) {
                if (bit > 0) out.append('|');
                out.append((flags & 0x80 >>> bit) != 0 ? FLAG_BITS[bit] : "-");
            }
            out.append(')');
            long printed = Long.compareUnsigned(captured, declared) < 0 ? captured : declared;
            if (verbosity == Verbosity.VERBOSE && Long.compareUnsigned(printed, VBYTES + 1) > 0) printed = VBYTES + 1;
            if (Long.compareUnsigned(printed, 1) > 0) {
                out.append(", first ");
                Text.u64(out, printed - 1);
                out.append(" byte(s) of body:");
                hexAndAscii(p, cp + headerLen + 1, (printed - 1) & 0xffffffffL, out);   // hex_and_ascii_print's u_int
            }
        }
        cp += headerLen;
        long available = bytes.end() - cp;
        if (available < 0 || Long.compareUnsigned(available, declared) < 0) bytes.need(0, Long.MAX_VALUE);
        return cp + declared;
    }

    /** tcpdump's hex_and_ascii_print with "\n\t " lines: the captured part, then a jump when that was not all. */
    private void hexAndAscii(Packet p, long at, long len, StringBuilder out) {
        long captured = Math.max(0, Math.min(len, bytes.end() - at));
        if (captured > 0) HexDump.hexAndAscii(p, (int) at, (int) captured, "\n\t ", out);
        if (captured < len) bytes.need(0, Long.MAX_VALUE);
    }
}
