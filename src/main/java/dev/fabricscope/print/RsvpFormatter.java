package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * RSVP (RFC 2205 and its TE, GMPLS and refresh-reduction extensions; IP protocol 46, over IPv4 and IPv6) as tcpdump
 * 4.99 prints it (print-rsvp.c). By default the message type and the IP payload length:
 * {@code RSVPv1 Path Message, length: 196}. With -v the common header (type, flags, RSVP length, TTL, checksum as
 * carried: tcpdump does not verify it), then every object ({@link RsvpObjects}); a Bundle's messages each with their
 * own header and objects; the body of an unknown message type in hex. With -vv each object is also dumped in hex.
 * Protocol 134 (RSVP-E2E-IGNORE) is not RSVP to tcpdump and stays "ip-proto-134".
 *
 * <p>A header or object the capture does not hold ends the line with " [|rsvp]", as tcpdump's own length checks do
 * (they do not jump, so the link-level header still counts for -x); a malformed header or object ends the message
 * with tcpdump's "ERROR: ..." text. The Integrity object's digest prints "(unchecked)", as tcpdump without a secret
 * (-M) does. No known difference from tcpdump.
 */
final class RsvpFormatter {
    static final int PROTOCOL = 46;
    private static final int HEADER = 8;
    private static final int VERSION = 1;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final RsvpObjects objects;

    RsvpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.objects = new RsvpObjects(verbosity, bytes);
    }

    /**
     * The message at {@code off}, {@code length} bytes of IP payload taken unsigned (tcpdump's u_int: an IPv6
     * jumbogram's passes 2^31); {@code end} is the snapshot end.
     */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {   // tcpdump checks before it reads: only a reading bug of ours lands here
            earlyEnd.mark(out, "rsvp");
        }
    }

    private void message(int at, int length, StringBuilder out) {
        if (!commonHeader(at, out)) return;
        int type = bytes.u8(at + 1);
        if (!verbosity.verbose()) {
            String name = RsvpNames.message(type);
            out.append("RSVPv").append(VERSION).append(' ');
            if (name != null) out.append(name);
            else out.append("unknown (").append(type).append(')');
            out.append(" Message, length: ").append(Integer.toUnsignedLong(length));
            return;
        }
        int rsvpLength = header(at, "\n\t", out);
        if (rsvpLength < HEADER) {
            tooShort(out, rsvpLength);
            return;
        }
        int body = at + HEADER, bodyLength = rsvpLength - HEADER;
        if (type == RsvpNames.BUNDLE) bundle(body, bodyLength, out);
        else if (RsvpNames.hasObjects(type)) objects.print(body, bodyLength, "\n\t  ", out);
        else bytes.unknownData(out, body, RsvpObjects.DUMP_INDENT, bodyLength);
    }

    /** Whether a whole common header of version 1 is at {@code at}; if not, says so as tcpdump does. */
    private boolean commonHeader(int at, StringBuilder out) {
        if (!bytes.has(at, HEADER)) {
            out.append(" [|rsvp]");
            return false;
        }
        int version = bytes.u8(at) >>> 4;
        if (version != VERSION) unsupported(out, version);
        return version == VERSION;
    }

    /** A Bundle's messages (RFC 2961), each in full; they may not be Bundles themselves, so none is treated so. */
    private void bundle(int at, int length, StringBuilder out) {
        while (length > 0) {
            if (!commonHeader(at, out)) return;
            int messageLength = header(at, "\n\t  ", out);
            if (messageLength < HEADER) {
                tooShort(out, messageLength);
                return;
            }
            if (length < messageLength) {
                out.append("ERROR: common header too large ").append(messageLength).append(" > ").append(length);
                return;
            }
            if (!objects.print(at + HEADER, messageLength - HEADER, "\n\t    ", out)) return;
            at += messageLength;
            length -= messageLength;
        }
    }

    /** The common header's line after {@code newline}; returns the RSVP length it names. */
    private int header(int at, String newline, StringBuilder out) {
        int first = bytes.u8(at), type = bytes.u8(at + 1), length = bytes.u16(at + 6);
        String name = RsvpNames.message(type);
        out.append(newline).append("RSVPv").append(first >>> 4).append(' ');
        if (name != null) out.append(name);
        else out.append("unknown, type: ").append(type);
        out.append(" Message (").append(type).append("), Flags: [");
        Icmp6Formatter.flagNames(out, first & 0x0f, RsvpNames.HEADER_FLAG_BITS, RsvpNames.HEADER_FLAGS);
        out.append("], length: ").append(length).append(", ttl: ").append(bytes.u8(at + 4)).append(", checksum: ");
        RsvpObjects.hex4(out, bytes.u16(at + 2));
        return length;
    }

    private static void unsupported(StringBuilder out, int version) {
        out.append("ERROR: RSVP version ").append(version).append(" packet not supported");
    }

    private static void tooShort(StringBuilder out, int length) {
        out.append("ERROR: common header too short ").append(length).append(" < ").append(HEADER);
    }
}
