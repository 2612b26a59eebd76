package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * The tags switch chips put in the Ethernet frames their CPU port sees (Linux DSA), as tcpdump's print-dsa.c and
 * print-brcmtag.c print them: Marvell DSA (4 bytes after the MAC addresses), EDSA (an ethertype, two reserved bytes,
 * then a DSA tag), and Broadcom's 4-byte tag (after the MAC addresses, or before the frame). The caller checks that the
 * tag's bytes were captured; the Ethernet frame around it is {@link PacketPrinter}'s.
 */
final class SwitchTagFormatter {
    static final int DSA_LENGTH = 4, EDSA_LENGTH = 8, BRCM_LENGTH = 4;

    private static final int MODE_TO_CPU = 0, MODE_FROM_CPU = 1, MODE_TO_SNIFFER = 2, MODE_FORWARD = 3;
    private static final String[] MODES = {"To CPU", "From CPU", "To Sniffer", "Forward"};
    private static final String[] CODES = {"BPDU (MGMT) Trap", "Frame2Reg", "IGMP/MLD Trap", "Policy Trap",
        "ARP Mirror", "Policy Mirror"};
    private static final String[] BRCM_TE = {"None", "Untag", "Header", "Reserved"};

    private final boolean linkHeaders;

    SwitchTagFormatter(boolean linkHeaders) {
        this.linkHeaders = linkHeaders;
    }

    /** The tag's length between the MAC addresses and the type of a frame of {@code linkType}; 0 for none. */
    static int innerTagLength(int linkType) {
        return switch (linkType) {
            case LinkType.DSA_TAG_DSA -> DSA_LENGTH;
            case LinkType.DSA_TAG_EDSA -> EDSA_LENGTH;
            case LinkType.DSA_TAG_BRCM -> BRCM_LENGTH;
            default -> 0;
        };
    }

    /** tcpdump's protocol name for the link type (its truncation marker). */
    static String protocol(int linkType) {
        return switch (linkType) {
            case LinkType.DSA_TAG_DSA -> "dsa";
            case LinkType.DSA_TAG_EDSA -> "edsa";
            case LinkType.DSA_TAG_BRCM -> "brcm-tag";
            case LinkType.DSA_TAG_BRCM_PREPEND -> "brcm-tag-prepend";
            default -> "ether";
        };
    }

    /** The tag of a frame of {@code linkType} at {@code off}, printed with or without -e. */
    void format(Packet p, int linkType, int off, StringBuilder out) {
        switch (linkType) {
            case LinkType.DSA_TAG_DSA -> {
                out.append(linkHeaders ? "Marvell DSA " : "DSA ");
                dsa(p, off, out);
            }
            case LinkType.DSA_TAG_EDSA -> {
                int type = p.u16(off);
                if (linkHeaders) {
                    String name = EtherTypeNames.of(type);
                    out.append("Marvell EDSA ethertype 0x");
                    Text.hex(out, type, 4);
                    out.append(" (").append(name == null ? "Unknown" : name).append("), rsvd ").append(p.u8(off + 2))
                        .append(' ').append(p.u8(off + 3)).append(", ");
                } else {
                    out.append("EDSA 0x");
                    Text.hex(out, type, 4);
                    out.append(", ");
                }
                dsa(p, off + 4, out);
            }
            default -> brcm(p, off, out);
        }
    }

    /** The 4-byte DSA tag: mode, device, port or trunk, the mode's code or sniff direction, VLAN, priority. */
    private void dsa(Packet p, int off, StringBuilder out) {
        int b0 = p.u8(off), b1 = p.u8(off + 1), b2 = p.u8(off + 2);
        int mode = b0 >>> 6;
        int dev = b0 & 0x1f;
        int port = b1 >>> 3;
        boolean bit18 = (b1 & 0x04) != 0;   // Forward: source is a trunk; To Sniffer: ingress
        boolean tagged = (b0 & 0x20) != 0;
        int vid = (b2 & 0x0f) << 8 | p.u8(off + 3);
        if (linkHeaders) {
            out.append("mode ").append(MODES[mode]).append(", ");
            switch (mode) {
                case MODE_FORWARD -> out.append("dev ").append(dev).append(bit18 ? ", trunk " : ", port ").append(port);
                case MODE_FROM_CPU -> out.append("target dev ").append(dev).append(", port ").append(port);
                case MODE_TO_CPU -> {
                    int code = b1 & 0x06 | (b2 & 0x10) >>> 4;   // Code[2:1] in bits 2-1, Code[0] in bit 12
                    out.append("source dev ").append(dev).append(", port ").append(port).append(", code ")
                        .append(code < CODES.length ? CODES[code] : "reserved");
                }
                default -> out.append("source dev ").append(dev).append(", port ").append(port).append(", ")
                    .append(bit18 ? "ingress" : "egress").append(" sniff");
            }
            out.append(", ").append(tagged ? "tagged, " : "untagged, ");
            if ((b1 & 1) != 0) out.append("CFI, ");
            out.append("VID ").append(vid).append(", FPri ").append(b2 >>> 5).append(", ");
        } else {
            switch (mode) {
                case MODE_FORWARD -> out.append("Forward ").append(bit18 ? "trunk " : "port ").append(dev).append('.')
                    .append(port);
                case MODE_FROM_CPU -> out.append("CPU > port ").append(dev).append('.').append(port);
                case MODE_TO_CPU -> out.append("port ").append(dev).append('.').append(port).append(" > CPU");
                default -> out.append("port ").append(dev).append('.').append(port).append(" > ")
                    .append(bit18 ? "Rx" : "Tx").append(" Sniffer");
            }
            out.append(", VLAN ").append(vid).append(tagged ? 't' : 'u').append(", ");
        }
    }

    /** Broadcom's tag: an ingress one (opcode 1) says where the CPU sends the frame, an egress one where it came from. */
    void brcm(Packet p, int off, StringBuilder out) {
        int b0 = p.u8(off), b1 = p.u8(off + 1), b2 = p.u8(off + 2), b3 = p.u8(off + 3);
        out.append("BRCM tag OP: ").append(b0 != 0 ? "IG" : "EG");
        if ((b0 & 0x20) != 0) {
            out.append(", TC: ").append(b1 >>> 2 & 7).append(", TE: ").append(BRCM_TE[b1 & 3]).append(", TS: ")
                .append(b1 >>> 7).append(", DST map: 0x");
            Text.hex(out, (b2 << 8 | b3) & 0x1ff, 4);
        } else {
            out.append(", CID: ").append(b1).append(", RC: ").append(reason(b2)).append(", TC: ").append(b3 >>> 5 & 7)
                .append(", port: ").append(b3 & 0x1f);
        }
        out.append(", ");
    }

    /** An egress tag's reason code: one flag alone has a name, anything else is "reserved". */
    private static String reason(int code) {
        return switch (code) {
            case 1 -> "mirror";
            case 2 -> "MAC learning";
            case 4 -> "switching";
            case 8 -> "prot term";
            case 16 -> "prot snoop";
            case 32 -> "exception";
            default -> "reserved";
        };
    }
}
