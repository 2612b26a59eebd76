package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.time.ZoneId;

/**
 * RADIUS (UDP 1812/1813, 1645/1646, CoA 1700/3799) as tcpdump 4.99 prints it (print-radius.c): the code, identifier
 * and length on one line by default; from -v the authenticator and every attribute, its value decoded by type
 * ({@link RadiusAttributes}: strings, numbers and their standard names, addresses, tunnel tags, Vendor-Specific
 * sub-attributes, EAP-Message, RFC 5580 location attributes, ...); -vv adds each attribute's bytes in hex. A message
 * cut by the capture ends with " [|radius]" where tcpdump's does ({@link EarlyEnd} where its fetch macros jump out).
 * Event-Timestamp prints in the JVM's default zone, as tcpdump's ctime uses the process's TZ.
 */
final class RadiusFormatter {
    static final String TRUNCATED = " [|radius]";
    private static final int HEADER = 20, AUTHENTICATOR = 4, AUTHENTICATOR_LENGTH = 16;
    private static final String HEX_INDENT = "\n\t    ";

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final RadiusAttributes attributes;

    /** @param zone where Event-Timestamp attributes are shown (tcpdump: the local zone) */
    RadiusFormatter(Verbosity verbosity, EarlyEnd earlyEnd, ZoneId zone) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.attributes = new RadiusAttributes(bytes, zone);
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            out.append(TRUNCATED);
        }
    }

    private void message(int off, int length, StringBuilder out) {
        if (off + HEADER > bytes.end()) {
            out.append(TRUNCATED);
            return;
        }
        int len = bytes.u16(off + 2);
        if (len < HEADER) {
            out.append(TRUNCATED);
            return;
        }
        if (len > length) len = length;
        int code = bytes.u8(off);
        if (!verbosity.verbose()) {
            out.append("RADIUS, ").append(RadiusNames.code(code)).append(" (").append(code).append("), id: 0x");
            Text.hex(out, bytes.u8(off + 1), 2);
            out.append(" length: ").append(len);
            return;
        }
        out.append("RADIUS, length: ").append(len).append("\n\t").append(RadiusNames.code(code)).append(" (")
            .append(code).append("), id: 0x");
        Text.hex(out, bytes.u8(off + 1), 2);
        out.append(", Authenticator: ");
        Text.hexBytes(out, bytes.packet(), off + AUTHENTICATOR, AUTHENTICATOR_LENGTH);
        if (len > HEADER) attributes(off + HEADER, len - HEADER, out);
    }

    /** Type, name and length of each attribute, then its value; -vv adds the value's bytes in hex. */
    private void attributes(int at, int length, StringBuilder out) {
        while (length > 0) {
            if (length < 2 || at + 2 > bytes.end()) {
                out.append(TRUNCATED);
                return;
            }
            int type = bytes.u8(at), len = bytes.u8(at + 1);
            RadiusNames.Attribute attribute =
                type < RadiusNames.ATTRIBUTES.length ? RadiusNames.ATTRIBUTES[type] : null;
            out.append("\n\t  ").append(attribute != null && type != 0 ? attribute.name() : "Unknown")
                .append(" Attribute (").append(type).append("), length: ").append(len);
            if (len < 2) {
                out.append(" (bogus, must be >= 2)");
                return;
            }
            if (len > length) {
                out.append(" (bogus, goes past end of packet)");
                return;
            }
            out.append(", Value: ");
            if (attribute != null && len > 2) attributes.value(attribute, type, at + 2, len - 2, out);
            if (verbosity.veryVerbose()) {
                HexDump.hex(bytes.packet(), at + 2, Math.min(len - 2, bytes.end() - (at + 2)), HEX_INDENT, out);
            }
            length -= len;
            at += len;
        }
    }
}
