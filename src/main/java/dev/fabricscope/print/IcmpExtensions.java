package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * RFC 4884 multi-part extensions of an ICMP error as tcpdump -v prints them (print-icmp.c): the extension header
 * 128 bytes into the original-datagram field, then each object, RFC 4950 MPLS label stack entries decoded and
 * other objects dumped in hex. tcpdump looks for the header at that fixed place whatever the message's length
 * field says, and believes it there only when the length field is set or the extension checksum verifies.
 */
final class IcmpExtensions {
    /** ICMP header (8) plus the 128-byte original-datagram field: where the extension header starts. */
    private static final int HEADER = 136;
    /** tcpdump checks that its whole message structure was captured: up to the first byte of object data. */
    private static final int CHECKED = HEADER + 5;
    private static final int OBJECT_HEADER = 4;
    private static final int VERSION = 2;
    private static final int MPLS_STACK_ENTRY = 1, INTERFACE_INFORMATION = 2;

    private IcmpExtensions() { }

    /** True when tcpdump looks for extensions in a message of {@code length} bytes of this type. */
    static boolean apply(int type, int length) {
        return length > HEADER && (type == IcmpMessageText.UNREACHABLE || type == IcmpMessageText.TIME_EXCEEDED
                || type == IcmpMessageText.PARAMETER_PROBLEM);
    }

    /**
     * Appends the extensions of the message at {@code off}, {@code length} bytes long, of the packet {@code bytes}
     * reads (captured up to its end). Where tcpdump checks a length itself and gives up, appends its marker.
     */
    static void print(SnapshotBytes bytes, int off, int length, StringBuilder out) {
        Packet p = bytes.packet();
        int end = bytes.end();
        if (off + CHECKED > end) {
            out.append(" [|icmp]");
            return;
        }
        int header = off + HEADER;
        boolean whole = off + length <= end;
        // without the length field set, only a verifying checksum says the extension is there
        if (p.u8(off + 5) == 0 && whole && !InternetChecksum.verifies(InternetChecksum.add(0, p, header, length - HEADER))) {
            return;
        }
        int version = p.u8(header) >>> 4;
        out.append("\n\tICMP Multi-Part extension v").append(version);
        if (version != VERSION) {
            out.append(" packet not supported");
            return;
        }
        if (whole) {
            boolean correct = InternetChecksum.verifies(InternetChecksum.add(0, p, header, length - HEADER));
            out.append(", checksum 0x");
            Text.hex(out, p.u16(header + 2), 4);
            out.append(correct ? " (correct)" : " (incorrect)").append(", length ").append(length - HEADER);
        }
        // tcpdump's count is unsigned: a structure shorter than its own header leaves a count near 2^32
        long left = (length - HEADER - 4) & 0xffffffffL;
        long object = header + 4;
        while (left > OBJECT_HEADER) {
            if (object + OBJECT_HEADER > end) {
                out.append(" [|icmp]");
                return;
            }
            int at = (int) object;
            int objectLength = p.u16(at);
            int classNumber = p.u8(at + 2);
            int classType = p.u8(at + 3);
            out.append("\n\t  ").append(switch (classNumber) {
                case MPLS_STACK_ENTRY -> "MPLS Stack Entry";
                case INTERFACE_INFORMATION -> "Interface Identification";
                default -> "unknown";
            }).append(" Object (").append(classNumber).append("), Class-Type: ").append(classType)
                    .append(", length ").append(objectLength);
            left -= OBJECT_HEADER;
            if (classNumber == 0 || objectLength < OBJECT_HEADER) return;   // would not advance
            int dataLength = objectLength - OBJECT_HEADER;
            int data = at + OBJECT_HEADER;
            if (classNumber == MPLS_STACK_ENTRY && classType == 1) {
                long entry = bytes.u32(data);
                out.append("\n\t    label ").append(entry >>> 12).append(", tc ").append((entry >>> 9) & 7);
                if ((entry & 0x100) != 0) out.append(", [S]");
                out.append(", ttl ").append(entry & 0xff);
            } else {
                HexDump.hex(p, data, Math.min(dataLength, end - data), "\n\t    ", out);
            }
            if (left < dataLength) break;
            left -= dataLength;
            object = data + (long) dataLength;
        }
    }
}
