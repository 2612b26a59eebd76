package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * ATM as tcpdump 4.99's print-atm.c, print-sunatm.c and print-lane.c: LINKTYPE_ATM_RFC1483's LLC/SNAP PDUs (atm_if_print:
 * Cisco's NLPID, an LLC header, else a 20-byte 802.6 header first), LINKTYPE_SUNATM's pseudo-header (direction and
 * traffic type, VPI, VCI) before atm_print's PDU (on VPI 0 by the VCI: Q.2931 signalling, OAM F4 cells, ILMI's SNMP;
 * else LANE or LLC), and OAM cells (oam_print, with -v their cell and function types, loopback and AIS/RDI fields and
 * the CRC-10), and LINKTYPE_ATM_CLIP's LLC/SNAP PDUs or bare IPv4 (print-cip.c). Every read is checked; where tcpdump's fetch would jump out the line ends with " [|proto]" and {@link
 * EarlyEnd} is marked. Allocates nothing. One per printer.
 */
final class AtmFormatter {
    /** OAM cells with and without the header's HEC byte (tcpdump's ATM_OAM_HEC, ATM_OAM_NOHEC). */
    static final int HEC = 1, NO_HEC = 0;

    private static final int LLC_UI = 0x03, SUNATM_HEADER = 4, FORE_HEADER = 20;
    /** LLC/SNAP's DSAP, SSAP and control, and the ethertype OUI: what LINKTYPE_ATM_CLIP's packets are told by. */
    private static final int CLIP_LLC = 6;
    private static final int LLC_SNAP_UI = 0xaaaa03, LLC_ISONS_UI = 0xfefe03, LLC_IP_UI = 0x060603;
    private static final int VCI_METAC = 1, VCI_BCC = 2, VCI_OAMF4SC = 3, VCI_OAMF4EC = 4, VCI_PPC = 5,
        VCI_ILMIC = 0x10;
    private static final int PT_LANE = 1, Q2931 = 9, LANE_CONTROL = 0xff00;
    private static final int CELL_FM = 1, CELL_PM = 2, CELL_AD = 8, CELL_SM = 0xf;
    private static final int FM_AIS = 0, FM_RDI = 1, FM_LOOPBACK = 8;
    /** An OAM cell's payload: the cell and function types, 45 function-specific bytes, the CRC-10. */
    private static final int OAM_PAYLOAD = 48, OAM_SPECIFIC = 45;
    private static final int CRC10_POLYNOMIAL = 0x633;

    private final boolean verbose;
    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final LlcFormatter llc;
    private final OsiFormatter osi;
    private final Encapsulated encapsulated;
    private final SnmpFormatter snmp;
    /** The CRC-10 of each byte value (ITU-T I.610's polynomial), as tcpdump's table. */
    private final short[] crc10 = new short[256];

    AtmFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd, LlcFormatter llc, OsiFormatter osi,
                 Encapsulated encapsulated) {
        this.verbose = verbosity.verbose();
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.llc = llc;
        this.osi = osi;
        this.encapsulated = encapsulated;
        this.snmp = new SnmpFormatter(verbosity, earlyEnd);
        for (int i = 0; i < 256; i++) {
            int accum = i << 2;
            for (int j = 0; j < 8; j++) {
                accum <<= 1;
                if ((accum & 0x400) != 0) accum ^= CRC10_POLYNOMIAL;
            }
            crc10[i] = (short) accum;
        }
    }

    /** LINKTYPE_ATM_RFC1483 (atm_if_print); returns the link-level length tcpdump counts for -x. */
    int rfc1483(Packet p, int length, StringBuilder out) {
        if (!p.has(0, 1)) return cut(out, "atm");
        if (p.u8(0) == LLC_UI) {   // Cisco's NLPID encapsulation
            if (linkHeaders) out.append("CNLPID ");
            osi.format(p, 1, length - 1, out);
            return 1;
        }
        if (!p.has(0, 3)) return cut(out, "atm");
        int header = p.u24(0);
        int off = 0;
        if (header != LLC_SNAP_UI && header != LLC_ISONS_UI && header != LLC_IP_UI) {
            // tcpdump assumes the 802.6 MAC header of a Fore driver
            if (linkHeaders) {
                if (!p.has(0, 16)) return cut(out, "atm");
                for (int i = 0; i < 16; i += 4) {
                    Text.hex(out, p.u32(i), 8);
                    if (i == 4 || i == 12) out.append(' ');
                }
            }
            if (!p.has(0, FORE_HEADER)) return cut(out, "atm");
            off = FORE_HEADER;
        }
        return off + llcPdu(p, off, length - off, out);
    }

    /**
     * LINKTYPE_ATM_CLIP (tcpdump's cip_if_print): -e's length, then an LLC PDU where the packet starts as RFC 1483's
     * LLC/SNAP header with an ethertype OUI, else an IPv4 packet (ip_print, whatever the version nibble says). The six
     * bytes compared are fetched first: a shorter packet is " [|cip]". Returns the LLC header length.
     */
    int clip(Packet p, int length, StringBuilder out) {
        if (linkHeaders) out.append(length).append(": ");
        if (!p.has(0, CLIP_LLC)) return cut(out, "cip");
        if (p.u24(0) == LLC_SNAP_UI && p.u24(3) == 0) return llcPdu(p, 0, length, out);
        encapsulated.print(p, 0, length, p.capLen(), LinkType.IPV4, out);
        return 0;
    }

    /** LINKTYPE_SUNATM (sunatm_if_print): the 4-byte pseudo-header, then atm_print; returns its length. */
    int sunatm(Packet p, int length, StringBuilder out) {
        if (!p.has(0, 1)) return cut(out, "sunatm");
        int dir = p.u8(0);
        if (linkHeaders) out.append((dir & 0x80) != 0 ? "Tx: " : "Rx: ");
        if (!p.has(1, 3)) return cut(out, "sunatm");
        atm(p, p.u8(1), p.u16(2), (dir & 0x0f) == PT_LANE, SUNATM_HEADER, length - SUNATM_HEADER, out);
        return SUNATM_HEADER;
    }

    private int cut(StringBuilder out, String protocol) {
        earlyEnd.mark(out, protocol);
        return 0;
    }

    /** atm_llc_print: llc_print, and tcpdump's default print where it could not print the payload. */
    private int llcPdu(Packet p, int off, int length, StringBuilder out) {
        return Math.abs(llc.format(p, -1, -1, off, length, out));
    }

    /** atm_print: an ATM PDU at {@code off} on the VC. */
    private void atm(Packet p, int vpi, int vci, boolean lane, int off, int length, StringBuilder out) {
        if (linkHeaders) out.append("VPI:").append(vpi).append(" VCI:").append(vci).append(' ');
        if (vpi == 0) {
            switch (vci) {
                case VCI_PPC -> {
                    signalling(p, off, out);
                    return;
                }
                case VCI_BCC -> {
                    out.append("broadcast sig: ");
                    return;
                }
                case VCI_OAMF4SC, VCI_OAMF4EC -> {
                    oam(p, off, length, HEC, out);
                    return;
                }
                case VCI_METAC -> {
                    out.append("meta: ");
                    return;
                }
                case VCI_ILMIC -> {
                    out.append("ilmi: ");
                    snmp.format(p, off, length, p.capLen(), out);
                    return;
                }
                default -> { }
            }
        }
        if (lane) lane(p, off, length, out);
        else llcPdu(p, off, length, out);
    }

    /** sig_print: Q.2931's message type and call reference, or the protocol under SSCOP. */
    private void signalling(Packet p, int off, StringBuilder out) {
        if (!p.has(off, 1)) {
            cut(out, "atm");
            return;
        }
        int protocol = p.u8(off);
        if (protocol != Q2931) {
            out.append("SSCOP, proto ").append(protocol).append(' ');
            return;
        }
        out.append("Q.2931");
        if (!p.has(off + 5, 1)) {
            cut(out, "atm");
            return;
        }
        int type = p.u8(off + 5);
        String name = messageName(type);
        out.append(':');
        if (name != null) out.append(name);
        else out.append("msgtype#").append(type);
        out.append(" CALL_REF:0x");
        Text.hex(out, p.u24(off + 2), 6);
    }

    private static String messageName(int type) {
        return switch (type) {
            case 0x02 -> "Call_proceeding";
            case 0x07 -> "Connect";
            case 0x0f -> "Connect_ack";
            case 0x05 -> "Setup";
            case 0x4d -> "Release";
            case 0x5a -> "Release_complete";
            case 0x46 -> "Restart";
            case 0x4e -> "Restart_ack";
            case 0x7d -> "Status";
            case 0x75 -> "Status_enquiry";
            case 0x80 -> "Add_party";
            case 0x81 -> "Add_party_ack";
            case 0x82 -> "Add_party_reject";
            case 0x83 -> "Drop_party";
            case 0x84 -> "Drop_party_ack";
            default -> null;
        };
    }

    /** lane_print: an LE control frame's header, else the LEC ID and the Ethernet frame after it. */
    private void lane(Packet p, int off, int length, StringBuilder out) {
        if (!p.has(off, 2)) {
            cut(out, "lane");
            return;
        }
        int header = p.u16(off);
        if (header == LANE_CONTROL) {
            if (!p.has(off + 2, 4)) {
                cut(out, "lane");
                return;
            }
            out.append("lec: proto ");
            Text.hex(out, p.u8(off + 2));
            out.append(" vers ");
            Text.hex(out, p.u8(off + 3));
            out.append(' ');
            int opcode = p.u16(off + 4);
            String name = laneOpcode(opcode);
            if (name != null) out.append(name);
            else out.append("opcode-#").append(opcode);
            return;
        }
        int frame = off + 2, capLen = p.capLen() - frame;
        if (capLen >= 14 && length - 2 >= 14) {   // ether_print prints the LEC ID once it has the addresses
            out.append("lecid:");
            Text.hex(out, header);
            out.append(' ');
        }
        encapsulated.print(p, frame, length - 2, capLen, LinkType.EN10MB, out);
    }

    private static String laneOpcode(int opcode) {
        return switch (opcode) {
            case 0x0001 -> "configure request";
            case 0x0101 -> "configure response";
            case 0x0002 -> "join request";
            case 0x0102 -> "join response";
            case 0x0003 -> "ready query";
            case 0x0103 -> "ready indication";
            case 0x0004 -> "register request";
            case 0x0104 -> "register response";
            case 0x0005 -> "unregister request";
            case 0x0105 -> "unregister response";
            case 0x0006 -> "ARP request";
            case 0x0106 -> "ARP response";
            case 0x0007 -> "flush request";
            case 0x0107 -> "flush response";
            case 0x0008 -> "NARP request";
            case 0x0009 -> "topology request";
            default -> null;
        };
    }

    /**
     * oam_print: the OAM cell at {@code off} (its 4-byte header, after a HEC byte with {@code hec}): flow, VPI, VCI,
     * payload type, CLP; with -v the cell and function types, loopback or AIS/RDI fields, and the CRC-10 check.
     */
    void oam(Packet p, int off, int length, int hec, StringBuilder out) {
        if (!p.has(off + hec, 4) || !p.has(off + 4 + hec, 1)) {
            cut(out, "oam");
            return;
        }
        long cell = p.u32(off + hec);
        int types = p.u8(off + 4 + hec);
        int cellType = types >> 4, funcType = types & 0x0f;
        int vpi = (int) (cell >> 20) & 0xff, vci = (int) (cell >> 4) & 0xffff;
        int payload = (int) (cell >> 1) & 7;
        out.append(vci == VCI_OAMF4SC ? "OAM F4 (segment)" : vci == VCI_OAMF4EC ? "OAM F4 (end)" : "OAM F5")
            .append(", vpi ").append(vpi).append(", vci ").append(vci).append(", payload [ ")
            .append(payloadType(payload)).append(" ], clp ").append(cell & 1).append(", length ")
            .append(length & 0xffff_ffffL);
        if (!verbose) return;
        out.append("\n\tcell-type ").append(cellTypeName(cellType)).append(" (").append(cellType).append(')');
        if (cellType == CELL_FM || cellType == CELL_PM || cellType == CELL_AD) {
            String name = funcTypeName(cellType, funcType);
            out.append(", func-type ").append(name == null ? "none" : name).append(" (").append(funcType).append(')');
        } else {
            out.append(", func-type unknown (").append(funcType).append(')');
        }
        int at = off + 4 + hec;
        if (cellType == CELL_FM && funcType == FM_LOOPBACK) {
            if (!p.has(at + 1, OAM_SPECIFIC)) {
                cut(out, "oam");
                return;
            }
            out.append("\n\tLoopback-Indicator ").append((p.u8(at + 1) & 1) != 0 ? "Request" : "Reply")
                .append(", Correlation-Tag 0x");
            Text.hex(out, p.u32(at + 2), 8);
            out.append("\n\tLocation-ID ");
            words(p, at + 6, 12, out);
            out.append("\n\tSource-ID   ");
            words(p, at + 18, 12, out);
        } else if (cellType == CELL_FM && (funcType == FM_AIS || funcType == FM_RDI)) {
            if (!p.has(at + 1, OAM_SPECIFIC)) {
                cut(out, "oam");
                return;
            }
            out.append("\n\tFailure-type 0x");
            Text.hex(out, p.u8(at + 1), 2);
            out.append("\n\tLocation-ID ");
            words(p, at + 2, 16, out);
        }
        if (!p.has(at + 1 + OAM_SPECIFIC, 2)) {
            cut(out, "oam");
            return;
        }
        int checksum = p.u16(at + 1 + OAM_SPECIFIC) & 0x3ff;
        int accum = 0;
        for (int i = 0; i < OAM_PAYLOAD; i++) {
            accum = (accum << 8 & 0x3ff) ^ crc10[accum >> 2 & 0xff] ^ p.u8(at + i);
        }
        out.append("\n\tcksum 0x");
        Text.hex(out, checksum, 3);
        out.append(accum == 0 ? " (correct)" : " (incorrect)");
    }

    /** tcpdump's loop over an ID field: the 16-bit words at its odd offsets (the last one reaching past it). */
    private static void words(Packet p, int at, int size, StringBuilder out) {
        for (int i = 1; i < size; i += 2) {
            Text.hex(out, p.u16(at + i), 4);
            out.append(' ');
        }
    }

    private static String payloadType(int type) {
        return switch (type) {
            case 0 -> "user data, uncongested, SDU 0";
            case 1 -> "user data, uncongested, SDU 1";
            case 2 -> "user data, congested, SDU 0";
            case 3 -> "user data, congested, SDU 1";
            case 4 -> "VCC OAM F5 flow segment";
            case 5 -> "VCC OAM F5 flow end-to-end";
            case 6 -> "Traffic Control and resource Mgmt";
            default -> "Unknown";
        };
    }

    private static String cellTypeName(int type) {
        return switch (type) {
            case CELL_FM -> "Fault Management";
            case CELL_PM -> "Performance Management";
            case CELL_AD -> "activate/deactivate";
            case CELL_SM -> "System Management";
            default -> "unknown";
        };
    }

    private static String funcTypeName(int cellType, int funcType) {
        return switch (cellType) {
            case CELL_FM -> switch (funcType) {
                case FM_AIS -> "AIS";
                case FM_RDI -> "RDI";
                case 4 -> "Continuity Check";
                case FM_LOOPBACK -> "Loopback";
                default -> null;
            };
            case CELL_PM -> switch (funcType) {
                case 0 -> "Forward Monitoring";
                case 1 -> "Backward Reporting";
                case 2 -> "Monitoring and Reporting";
                default -> null;
            };
            default -> switch (funcType) {
                case 0 -> "Performance Monitoring";
                case 1 -> "Continuity Check";
                default -> null;
            };
        };
    }
}
