package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Realtek's protocols on ethertype 0x8899 as tcpdump 4.99 prints them (print-realtek.c): the frame's addresses
 * ("src > dst, ", with -e too, when the frame has them), then by the first byte RRCP (the switch configuration
 * protocol: query or reply, hello/get/set, register address and data, the authentication key, a hello reply's ports,
 * uplink MAC, vendor and chip IDs, get/set's cookies), REP, RLDP (loop detection), or the DSA tag names. Fetches
 * past the capture end the line with " [|rtl]" (" [|rrcp]" inside RRCP).
 */
final class RealtekFormatter {
    static final int ETHERTYPE = 0x8899;
    private static final int RRCP = 0x01, REP = 0x02, RLDP = 0x03, RLDP2 = 0x23, XXX_DSA = 0x04, DSA_8306 = 0x90,
        DSA_8366RB = 0xa0;
    private static final int HELLO = 0x00, GET = 0x01, SET = 0x02, REPLY = 0x80;

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private String protocol;

    RealtekFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}; {@code source} is the frame's source MAC offset (the destination 6 before), or -1. */
    void format(Packet p, int source, int off, StringBuilder out) {
        protocol = "rtl";
        try (var _ = bytes.reading(p, p.capLen())) {
            if (source >= 0) {
                Text.linkAddress(out, p, source, 6);
                out.append(" > ");
                Text.linkAddress(out, p, source - 6, 6);
                out.append(", ");
            }
            int type = bytes.u8(off);
            if (type == RRCP) rrcp(p, off, out);
            else if (type == REP) out.append("REP");
            else if (type == RLDP || type == RLDP2) out.append("RLDP");
            else if (type == XXX_DSA) out.append("Realtek 8-byte DSA tag");
            else if ((type & 0xf0) == DSA_8306) out.append("Realtek RTL8306 4-byte DSA tag");
            else if ((type & 0xf0) == DSA_8366RB) out.append("Realtek RTL8366RB 4-byte DSA tag");
            else {
                out.append("Realtek unknown type 0x");
                Text.hex(out, type, 2);
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, protocol);
        }
    }

    private void rrcp(Packet p, int cp, StringBuilder out) {
        protocol = "rrcp";
        int flags = bytes.u8(cp + 1);
        int opcode = flags & 0x7f;
        boolean reply = (flags & REPLY) != 0;
        out.append("RRCP ").append(reply ? "reply" : "query").append(": ");
        switch (opcode) {
            case HELLO -> out.append("hello");
            case GET -> out.append("get");
            case SET -> out.append("set");
            default -> {
                out.append("unknown opcode (0x");
                Text.hex(out, opcode, 2);
                out.append(')');
            }
        }
        boolean config = opcode == GET || opcode == SET;
        if (config) {
            int address = Short.toUnsignedInt(Short.reverseBytes((short) bytes.u16(cp + 4)));
            long data = Integer.toUnsignedLong(Integer.reverseBytes((int) bytes.u32(cp + 6)));
            out.append(" addr=0x");
            Text.hex(out, address, 4);
            out.append(", data=0x");
            Text.hex(out, data, 8);
        }
        int key = bytes.u16(cp + 2);
        out.append(", auth=0x");
        Text.hex(out, key, 4);
        if (opcode == HELLO && reply) {
            int downlink = bytes.u8(cp + 4), uplink = bytes.u8(cp + 5);
            bytes.need(cp + 6, 6);
            long vendor = bytes.u32(cp + 14);
            int chip = bytes.u16(cp + 12);
            out.append(" downlink_port=").append(downlink).append(", uplink_port=").append(uplink)
                .append(", uplink_mac=");
            Text.linkAddress(out, p, cp + 6, 6);
            out.append(", vendor_id=");
            Text.hex(out, vendor, 8);
            out.append(" ,chip_id=");
            Text.hex(out, chip, 4);
            out.append(' ');
        } else if (config) {
            long cookie2 = bytes.u32(cp + 14), cookie1 = bytes.u32(cp + 10);
            out.append(", cookie=0x");
            Text.hex(out, cookie2, 8);
            Text.hex(out, cookie1, 8);
            out.append(' ');
        }
    }
}
