package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LMP, the GMPLS Link Management Protocol (RFC 4204, and OIF UNI 1.0's service discovery; UDP 701 either side) as
 * tcpdump 4.99 prints it (print-lmp.c). By default the message type and the UDP payload length:
 * {@code LMPv1 Config Message, length: 40}. With -v the common header (type, flags, LMP length), then every object:
 * its class, C-Type, negotiable flag and length, and the fields of those tcpdump decodes ({@link LmpObjects}); an
 * unknown class, an unknown C-Type of a known class or a Data Link with an unknown subobject in hex. With -vv every
 * object is also dumped in hex. A version other than 1 prints "LMP version N packet not supported".
 *
 * <p>Every fetch past the capture, the common header's and each whole object's checks included (they jump in
 * tcpdump), ends the packet with " [|lmp]" ({@link EarlyEnd}). As tcpdump, an LMP length longer than the payload is
 * "(too long)" and cut to the payload, whose length counts down in 32 bits (a payload shorter than the header wraps
 * it, and the objects are read until the capture ends). No known difference from tcpdump.
 */
final class LmpFormatter {
    static final int PORT = 701;
    private static final int HEADER = 8, OBJECT_HEADER = 4;
    private static final int VERSION = 1;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final LmpObjects objects;

    LmpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.objects = new LmpObjects(bytes);
    }

    /** The message at {@code off}, {@code length} bytes of UDP payload; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "lmp");
        }
    }

    private void message(int at, int length, StringBuilder out) {
        bytes.need(at, HEADER);
        int version = bytes.u16(at) >>> 12;
        if (version != VERSION) {
            out.append("LMP version ").append(version).append(" packet not supported");
            return;
        }
        if (!verbosity.verbose()) {
            String name = LmpNames.message(bytes.u8(at + 3));
            out.append("LMPv").append(version).append(' ');
            if (name != null) out.append(name);
            else out.append("unknown (").append(bytes.u8(at + 3)).append(')');
            // unsigned, as tcpdump's u_int: an IPv6 jumbogram's passes 2^31
            out.append(" Message, length: ").append(Integer.toUnsignedLong(length));
            return;
        }
        long lmpLength = bytes.u16(at + 4);
        int type = bytes.u8(at + 3), flags = bytes.u8(at + 2);
        String name = LmpNames.message(type);
        out.append("\n\tLMPv").append(version).append(", msg-type: ");
        if (name != null) out.append(name);
        else out.append("unknown, type: ").append(type);
        out.append(", Flags: [");
        Icmp6Formatter.flagNames(out, flags, LmpNames.HEADER_FLAG_BITS, LmpNames.HEADER_FLAGS);
        out.append("], length: ").append(lmpLength);
        if (lmpLength < HEADER) {
            out.append(" (too short)");
            return;
        }
        if (lmpLength > Integer.toUnsignedLong(length)) {
            out.append(" (too long)");
            lmpLength = length;
        }
        objects(at + HEADER, (lmpLength - HEADER) & 0xffffffffL, out);
    }

    /** The objects from {@code at}, {@code left} bytes of them by the LMP length. */
    private void objects(long at, long left, StringBuilder out) {
        while (left > 0) {
            int objectLength = bytes.u16(at + 2);
            int first = bytes.u8(at), classNum = bytes.u8(at + 1);
            int ctype = first & 0x7f;
            out.append("\n\t  ").append(LmpNames.object(classNum)).append(" Object (").append(classNum)
                .append("), Class-Type: ").append(LmpNames.ctype(classNum, ctype)).append(" (").append(ctype)
                .append(") Flags: [").append((first & 0x80) != 0 ? "" : "non-").append("negotiable], length: ")
                .append(objectLength);
            if (objectLength < OBJECT_HEADER) {
                out.append(" (too short)");
                return;
            }
            if (objectLength % 4 != 0) {
                out.append(" (not a multiple of 4)");
                return;
            }
            bytes.need(at, objectLength);
            int body = (int) at + OBJECT_HEADER, bodyLength = objectLength - OBJECT_HEADER;
            boolean dump = objects.print(classNum, ctype, body, bodyLength, out);
            if (verbosity.veryVerbose() || dump) bytes.unknownData(out, body, LmpObjects.INDENT, bodyLength);
            if (left < objectLength) {
                out.append(" [remaining objects length ").append(left).append(" < ").append(objectLength)
                    .append("] (invalid)");
                return;
            }
            at += objectLength;
            left -= objectLength;
        }
    }
}
