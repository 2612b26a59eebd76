package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LDP (RFC 5036; UDP 646 for Hellos, TCP 646 for sessions) as tcpdump 4.99 prints it (print-ldp.c). By default the
 * first PDU's header only: {@code LDP, Label-Space-ID: 10.0.0.1:0, pdu-length: 30} (over TCP right after the
 * segment's "length N", without a space, as tcpdump). With -v every PDU of the payload on its own line, each message's
 * type, length, ID and U flag and, for the messages tcpdump decodes (Notification, Hello, Initialization, Keepalive,
 * Address, Address Withdraw, Label Mapping, Label Withdraw), their TLVs ({@link LdpTlvs}); the body of the others
 * (Label Request, Release, Abort Request, unknown types) in hex. With -vv each message is dumped in hex after its TLVs
 * instead (as tcpdump's dump, it runs 4 bytes past the message). A payload of 18 bytes or less (a lone Keepalive PDU)
 * prints nothing, as tcpdump. PDUs that start in an earlier TCP segment are not found (tcpdump reassembles nothing,
 * nor does this).
 *
 * <p>Every fetch past the capture, and a prefix FEC that does not fit its TLV (tcpdump treats it as truncation),
 * ends the packet with " [|ldp]" ({@link EarlyEnd}); an unsupported version or too short a PDU or message ends the
 * decoding of the payload. No known difference from tcpdump.
 */
final class LdpFormatter {
    static final int PORT = 646;
    private static final int COMMON_HEADER = 10, MESSAGE_HEADER = 8;
    /** The PDU length counts the header from the LSR ID on; the message length from the message ID on. */
    private static final int PDU_LENGTH_FLOOR = COMMON_HEADER - 4, MESSAGE_LENGTH_FLOOR = MESSAGE_HEADER - 4;
    private static final int VERSION = 1;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final BgpBytes bytes = new BgpBytes();
    private final LdpTlvs tlvs;

    LdpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.tlvs = new LdpTlvs(verbosity, bytes);
    }

    /** The PDUs at {@code off} in {@code length} bytes of UDP or TCP payload; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            pdus(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ldp");
        }
    }

    private void pdus(int at, long length, StringBuilder out) {
        while (length > COMMON_HEADER + MESSAGE_HEADER) {
            int used = pdu(at, out);
            if (used == 0) return;
            if (length < used) {
                out.append(" [remaining length ").append(length).append(" < ").append(used).append("] (invalid)");
                return;
            }
            length -= used;
            at += used;
        }
    }

    /** One PDU; the bytes it took, or 0 where tcpdump stops (always without -v: it prints the first PDU only). */
    private int pdu(int at, StringBuilder out) {
        bytes.need(at, COMMON_HEADER);
        String newline = verbosity.verbose() ? "\n\t" : "";
        int version = bytes.u16(at);
        if (version != VERSION) {
            out.append(newline).append("LDP version ").append(version).append(" packet not supported");
            return 0;
        }
        int pduLength = bytes.u16(at + 2);
        if (pduLength < PDU_LENGTH_FLOOR) {
            out.append(newline).append("LDP, pdu-length: ").append(pduLength).append(" (too short, < ")
                .append(PDU_LENGTH_FLOOR).append(')');
            return 0;
        }
        bytes.ip4(out.append(newline).append("LDP, Label-Space-ID: "), at + 4);
        out.append(':').append(bytes.u16(at + 8)).append(", pdu-length: ").append(pduLength);
        if (!verbosity.verbose()) return 0;
        int message = at + COMMON_HEADER;
        int left = pduLength - PDU_LENGTH_FLOOR;
        while (left > 0) {
            int next = message(message, out);
            if (next < 0) return 0;
            left = (left - (next - message)) & 0xffff;   // tcpdump's 16-bit count: past the PDU's end it wraps
            message = next;
        }
        return pduLength + 4;
    }

    /** The message at {@code at}; where the next one starts, or -1 for a message too short to go on. */
    private int message(int at, StringBuilder out) {
        bytes.need(at, MESSAGE_HEADER);
        int rawType = bytes.u16(at);
        int type = rawType & 0x7fff;
        int length = bytes.u16(at + 2);
        out.append("\n\t  ").append(LdpNames.or(LdpNames.message(type), "Unknown")).append(" Message (0x");
        Text.hex(out, type, 4);
        out.append("), length: ").append(length);
        if (length < MESSAGE_LENGTH_FLOOR) {
            out.append(" (too short, < ").append(MESSAGE_LENGTH_FLOOR).append(')');
            return -1;
        }
        out.append(", Message ID: 0x");
        Text.hex(out, bytes.u32(at + 4), 8);
        out.append(", Flags: [").append((rawType & 0x8000) != 0 ? "continue processing" : "ignore")
            .append(" if unknown]");
        bytes.need(at, length);
        int tlv = at + MESSAGE_HEADER;
        long left = length - MESSAGE_LENGTH_FLOOR;
        if (LdpNames.decodesTlvs(type)) {
            while (left >= 4) {
                int used = tlvs.print(tlv, left, out);
                if (used == 0) break;
                left -= used;
                tlv += used;
            }
        } else if (!verbosity.veryVerbose()) {
            bytes.unknownData(out, tlv, "\n\t  ", left);
        }
        if (verbosity.veryVerbose()) bytes.unknownData(out, at + MESSAGE_HEADER, "\n\t  ", length);
        return at + length + 4;
    }
}
