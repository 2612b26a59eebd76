package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ethernet CFM (IEEE 802.1ag, ethertype 0x8902 and the pre-standard 0xabcd; ITU-T Y.1731 shares the header) as
 * tcpdump 4.99 prints it (print-cfm.c). By default the headline: "CFMv0 Continuity Check Message, MD Level 5,
 * length 74". With -v the first TLV offset, then per opcode: a CCM's flags, interval (with the lifetimes tcpdump
 * derives), sequence number, MEP ID, MD and MA names; a linktrace message's or reply's flags, transaction ID, TTL
 * and MACs or relay action; for loopback and every other opcode (Y.1731's AIS, LMM, DMM, ... are "unknown (N)")
 * a hex dump of the PDU up to the TLVs' length. Then each TLV: port and interface status, sender ID (chassis ID,
 * management address domain and address), organisation-specific (OUI and subtype), the rest dumped in hex; -vv
 * dumps every TLV. A sender ID TLV too short for its chassis ID leaves the next TLV one byte early, as tcpdump does.
 *
 * <p>tcpdump checks the common header, the opcode's fixed part and each TLV before it prints them (" [|cfm]", the
 * link-level header still counted for -x); only a TLV type past the capture is fetched blind ({@link EarlyEnd}).
 * Checked against tcpdump with -n (MACs without their OUI names). One per printer; allocates nothing.
 */
final class CfmFormatter {
    private static final int HEADER = 4, CCM = 70, LTM = 17, LTR = 6, TLV_HEADER = 3;
    private static final int OP_CCM = 1, OP_LTR = 4, OP_LTM = 5;
    private static final String[] OPCODES = {null, "Continuity Check Message", "Loopback Reply", "Loopback Message",
        "Linktrace Reply", "Linktrace Message"};
    private static final int MD_NONE = 1, MD_DNS = 2, MD_MAC = 3, MD_CHARACTERS = 4, MA_CHARACTERS = 2;
    private static final String[] MD_FORMATS = {"IEEE 802.1", "No MD Name present", "DNS string",
        "MAC + 16Bit Integer", "Character string"};
    private static final String[] MA_FORMATS = {"IEEE 802.1", "Primary VID", "Character string", "16Bit Integer",
        "RFC2685 VPN-ID"};
    /** The MD and MA names' share of a CCM: 48 bytes after the sequence number and MEP ID. */
    private static final int NAMES = 48;
    /** "I.III" seconds of each CCM interval and its min (x 3.25) and max (x 3.5) lifetime, as tcpdump's %.3f. */
    private static final String[] INTERVALS = intervals(new float[] {0f, 0.003333f, 0.01f, 0.1f, 1f, 10f, 60f, 600f});
    private static final int[] LTM_FLAG_MASKS = {0x80};
    private static final String[] LTM_FLAGS = {"Use Forwarding-DB only"};
    private static final int[] LTR_FLAG_MASKS = {0x80, 0x40, 0x20};
    private static final String[] LTR_FLAGS = {"UseFDB Only", "FwdYes", "Terminal MEP"};
    private static final String[] RELAY_ACTIONS = {null, "Exact Match", "Filtering DB", "MIP CCM DB"};
    private static final int END = 0, SENDER_ID = 1, PORT_STATUS = 2, INTERFACE_STATUS = 3, ORGANIZATION = 31;
    private static final String[] TLVS = {"End", "Sender ID", "Port status", "Interface status", "Data",
        "Reply Ingress", "Reply Egress"};
    private static final String[] PORT_STATES = {null, "Blocked", "Up"};
    private static final String[] INTERFACE_STATES = {null, "Up", "Down", "Testing", null, "Dormant", "not present",
        "lower Layer down"};
    private static final String[] CHASSIS_ID_TYPES = {"Reserved", "Chassis component", "Interface alias",
        "Port component", "MAC address", "Network address", "Interface name", "Locally assigned"};
    private static final int CHASSIS_COMPONENT = 1, INTERFACE_ALIAS = 2, PORT_COMPONENT = 3, CHASSIS_MAC = 4,
        NETWORK_ADDRESS = 5, INTERFACE_NAME = 6, LOCAL = 7;
    private static final int AFI_IPV4 = 1, AFI_IPV6 = 2;

    /** How a TLV's value ended: go on (with or without its hex dump), skip to the next TLV, or end the PDU. */
    private enum Outcome { PRINTED, HEX_DUMP, NEXT, STOP }

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    /** The TLV walk's position and what is left of the PDU; a sender ID TLV moves them as tcpdump does. */
    private int t, tlen;
    /** What tcpdump still counts of the current TLV's value: the sender ID shortens it as it reads. */
    private int left;

    CfmFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The PDU at {@code off} whose on-wire length (Ethernet padding included) is {@code length}. */
    void format(Packet packet, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(packet, packet.capLen())) {
            pdu(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            trunc(out);
        }
    }

    private void pdu(int off, int unsigned, StringBuilder out) {
        // tcpdump's u_int (a frame carried in a jumbogram's UDP payload passes 2^31): printed unsigned, the TLVs
        // walked with the int clamped to 2^31-1 (the capture ends them first)
        long printed = Integer.toUnsignedLong(unsigned);
        int length = UnsignedLength.clamped(unsigned);
        if (length < HEADER) {
            tooShort(out);
            return;
        }
        if (!captured(off, HEADER)) {
            trunc(out);
            return;
        }
        int levelVersion = bytes.u8(off);
        int version = levelVersion & 0x1f;
        if (version != 0) {
            out.append("CFMv").append(version).append(" not supported, length ").append(printed);
            return;
        }
        int opcode = bytes.u8(off + 1);
        out.append("CFMv").append(version).append(' ');
        String name = LldpText.name(OPCODES, 0, opcode, null);
        if (name == null) out.append("unknown (").append(opcode).append(')');
        else out.append(name);
        out.append(", MD Level ").append(levelVersion >>> 5).append(", length ").append(printed);
        if (!verbosity.verbose()) return;

        int flags = bytes.u8(off + 2), firstTlvOffset = bytes.u8(off + 3);
        out.append("\n\tFirst TLV offset ").append(firstTlvOffset);
        t = off + HEADER;
        tlen = length - HEADER;
        if (firstTlvOffset > tlen) {
            out.append(" (too large, must be <= ").append(tlen).append(')');
            return;
        }
        boolean goOn = switch (opcode) {
            case OP_CCM -> ccm(flags, firstTlvOffset, out);
            case OP_LTM -> linktraceMessage(flags, firstTlvOffset, out);
            case OP_LTR -> linktraceReply(flags, firstTlvOffset, out);
            default -> {
                HexDump.hex(bytes.packet(), t, tlen - firstTlvOffset, "\n\t  ", out);
                yield true;
            }
        };
        if (!goOn) return;
        t += firstTlvOffset;
        tlen -= firstTlvOffset;
        tlvs(out);
    }

    /** The opcode's fixed part: false when tcpdump stops there (the reason printed). */
    private boolean fixedPart(int size, int firstTlvOffset, int tooSmall, StringBuilder out) {
        if (firstTlvOffset < size) {
            out.append(" (too small ").append(tooSmall).append(", must be >= ").append(size).append(')');
            return false;
        }
        if (tlen < size) {
            tooShort(out);
            return false;
        }
        if (!captured(t, size)) {
            trunc(out);
            return false;
        }
        return true;
    }

    private boolean ccm(int flags, int firstTlvOffset, StringBuilder out) {
        Packet p = bytes.packet();
        if (!fixedPart(CCM, firstTlvOffset, 1, out)) return false;
        int interval = flags & 0x07;
        out.append(", Flags [CCM Interval ").append(interval).append((flags & 0x80) != 0 ? ", RDI" : "").append(']');
        if (interval != 0) out.append(INTERVALS[interval]);
        out.append("\n\t  Sequence Number 0x");
        Text.hex(out, bytes.u32(t), 8);
        out.append(", MA-End-Point-ID 0x");
        Text.hex(out, bytes.u16(t + 4), 4);

        int names = t + 6, remaining = NAMES;
        int mdFormat = bytes.u8(names++);
        remaining--;
        String mdFormatName = LldpText.name(MD_FORMATS, 0, mdFormat, "Unknown");
        if (mdFormat != MD_NONE) {
            int mdLength = bytes.u8(names++);
            remaining--;
            out.append("\n\t  MD Name Format ").append(mdFormatName).append(" (").append(mdFormat)
                .append("), MD Name length ").append(mdLength);
            // room must be left for the MA name's format, length and one byte
            if (mdLength > remaining - 3) {
                out.append(" (too large, must be <= ").append(remaining - 2).append(')');
                return false;
            }
            out.append("\n\t  MD Name: ");
            switch (mdFormat) {
                case MD_DNS, MD_CHARACTERS -> LldpText.untilNul(bytes, names, mdLength, out);
                case MD_MAC -> {
                    if (mdLength == 6) {
                        out.append("\n\t  MAC ");
                        Text.linkAddress(out, p, names, 6);
                    } else {
                        out.append("\n\t  MAC (length invalid)");
                    }
                }
                default -> HexDump.hex(p, names, mdLength, "\n\t    ", out);
            }
            names += mdLength;
            remaining -= mdLength;
        } else {
            out.append("\n\t  MD Name Format ").append(mdFormatName).append(" (").append(mdFormat).append(')');
        }

        int maFormat = bytes.u8(names++);
        int maLength = bytes.u8(names++);
        remaining -= 2;
        out.append("\n\t  MA Name-Format ").append(LldpText.name(MA_FORMATS, 0, maFormat, "Unknown")).append(" (")
            .append(maFormat).append("), MA name length ").append(maLength);
        if (maLength > remaining) {
            out.append(" (too large, must be <= ").append(remaining).append(')');
            return false;
        }
        out.append("\n\t  MA Name: ");
        if (maFormat == MA_CHARACTERS) LldpText.untilNul(bytes, names, maLength, out);
        else HexDump.hex(p, names, maLength, "\n\t    ", out);
        return true;
    }

    private boolean linktraceMessage(int flags, int firstTlvOffset, StringBuilder out) {
        Packet p = bytes.packet();
        if (!fixedPart(LTM, firstTlvOffset, 4, out)) return false;
        out.append(", Flags [");
        LldpText.bits(out, flags, LTM_FLAG_MASKS, LTM_FLAGS, "none");
        out.append(']');
        transaction(out);
        out.append("\n\t  Original-MAC ");
        Text.linkAddress(out, p, t + 5, 6);
        out.append(", Target-MAC ");
        Text.linkAddress(out, p, t + 11, 6);
        return true;
    }

    private boolean linktraceReply(int flags, int firstTlvOffset, StringBuilder out) {
        if (!fixedPart(LTR, firstTlvOffset, 5, out)) return false;
        out.append(", Flags [");
        LldpText.bits(out, flags, LTR_FLAG_MASKS, LTR_FLAGS, "none");
        out.append(']');
        transaction(out);
        int action = bytes.u8(t + 5);
        out.append("\n\t  Replay-Action ").append(LldpText.name(RELAY_ACTIONS, 0, action, "Unknown")).append(" (")
            .append(action).append(')');
        return true;
    }

    private void transaction(StringBuilder out) {
        out.append("\n\t  Transaction-ID 0x");
        Text.hex(out, bytes.u32(t), 8);
        out.append(", ttl ").append(bytes.u8(t + 4));
    }

    private void tlvs(StringBuilder out) {
        while (tlen > 0) {
            int type = bytes.u8(t);   // fetched unchecked: the one read that can jump out
            out.append("\n\t").append(type == ORGANIZATION ? "Organization Specific"
                : LldpText.name(TLVS, 0, type, "Unknown")).append(" TLV (0x");
            Text.hex(out, type, 2);
            out.append(')');
            if (type == END) return;
            if (tlen < TLV_HEADER) {
                tooShort(out);
                return;
            }
            if (!captured(t, TLV_HEADER)) {
                trunc(out);
                return;
            }
            int length = bytes.u16(t + 1);
            out.append(", length ").append(length);
            t += TLV_HEADER;
            tlen -= TLV_HEADER;
            int value = t;
            if (tlen < length) {
                tooShort(out);
                return;
            }
            if (!captured(t, length)) {
                trunc(out);
                return;
            }
            left = length;
            Outcome outcome = switch (type) {
                case PORT_STATUS -> status(length, PORT_STATES, out);
                case INTERFACE_STATUS -> status(length, INTERFACE_STATES, out);
                case ORGANIZATION -> organization(length, out);
                case SENDER_ID -> senderId(out);
                default -> Outcome.HEX_DUMP;
            };
            if (outcome == Outcome.STOP) return;
            if (outcome != Outcome.NEXT && (outcome == Outcome.HEX_DUMP || verbosity.veryVerbose())) {
                HexDump.hex(bytes.packet(), value, left, "\n\t  ", out);
            }
            t += left;
            tlen -= left;
        }
    }

    private Outcome status(int length, String[] states, StringBuilder out) {
        if (length < 1) {
            out.append(" (too short, must be >= 1)");
            return Outcome.STOP;
        }
        int state = bytes.u8(t);
        out.append(", Status: ").append(LldpText.name(states, 0, state, "Unknown")).append(" (").append(state)
            .append(')');
        return Outcome.PRINTED;
    }

    private Outcome organization(int length, StringBuilder out) {
        if (length < 4) {
            out.append(" (too short, must be >= 4)");
            return Outcome.STOP;
        }
        int oui = bytes.u24(t);
        out.append(", Vendor: ").append(TcpdumpOuis.name(oui)).append(" (").append(oui).append("), Sub-Type ")
            .append(bytes.u8(t + 3));
        return Outcome.HEX_DUMP;
    }

    /**
     * IEEE 802.1Q-2014 21.5.3: chassis ID length, subtype and ID, then the management address domain and address,
     * each present only if the TLV has room; {@link #left} shrinks as tcpdump's count does.
     */
    private Outcome senderId(StringBuilder out) {
        Packet p = bytes.packet();
        if (left < 1) {
            out.append(" (too short, must be >= 1)");
            return Outcome.NEXT;
        }
        int chassisLength = bytes.u8(t);
        t++;
        tlen--;
        left--;
        boolean hexDump = false;
        if (chassisLength != 0) {
            if (left < 1) {
                out.append("\n\t  (TLV too short)");
                return Outcome.NEXT;
            }
            int chassisType = bytes.u8(t);
            left--;   // tcpdump counts the subtype here but moves past it only with the ID below
            out.append("\n\t  Chassis-ID Type ").append(LldpText.name(CHASSIS_ID_TYPES, 0, chassisType, "Unknown"))
                .append(" (").append(chassisType).append("), Chassis-ID length ").append(chassisLength);
            if (left < chassisLength) {
                out.append("\n\t  (TLV too short)");
                return Outcome.NEXT;
            }
            switch (chassisType) {
                case CHASSIS_MAC -> {
                    if (chassisLength != 6) {
                        out.append(" (invalid MAC address length)");
                        hexDump = true;
                    } else {
                        out.append("\n\t  MAC ");
                        Text.linkAddress(out, p, t + 1, 6);
                    }
                }
                case NETWORK_ADDRESS -> hexDump = networkAddress(t + 1, chassisLength, out);
                case INTERFACE_NAME, INTERFACE_ALIAS, LOCAL, CHASSIS_COMPONENT, PORT_COMPONENT ->
                    LldpText.untilNul(bytes, t + 1, chassisLength, out);
                default -> hexDump = true;
            }
            left -= chassisLength;
            t += 1 + chassisLength;
            tlen -= 1 + chassisLength;
        }
        if (left == 0) return hexDump ? Outcome.HEX_DUMP : Outcome.PRINTED;

        int domainLength = bytes.u8(t);
        t++;
        tlen--;
        left--;
        out.append("\n\t  Management Address Domain Length ").append(domainLength);
        if (domainLength != 0) {
            if (left < domainLength) {
                out.append("\n\t  (TLV too short)");
                return Outcome.NEXT;
            }
            left -= domainLength;
            HexDump.hex(p, t, domainLength, "\n\t  Management Address Domain: ", out);
            t += domainLength;
            tlen -= domainLength;
            if (left < 1) {
                out.append(" (Management Address Length is missing)");
                return Outcome.HEX_DUMP;
            }
            int addressLength = bytes.u8(t);
            t++;
            tlen--;
            left--;
            out.append("\n\t  Management Address Length ").append(addressLength);
            if (addressLength != 0) {
                if (left < addressLength) {
                    out.append("\n\t  (TLV too short)");
                    return Outcome.STOP;
                }
                left -= addressLength;
                HexDump.hex(p, t, addressLength, "\n\t  Management Address: ", out);
                t += addressLength;
                tlen -= addressLength;
            }
        }
        return hexDump ? Outcome.HEX_DUMP : Outcome.PRINTED;
    }

    /** A chassis ID of the network address subtype: a one-byte address family, then IPv4 or IPv6; true to dump. */
    private boolean networkAddress(int at, int length, StringBuilder out) {
        Packet p = bytes.packet();
        int family = bytes.u8(at);
        out.append("\n\t  Network Address Type ").append(LldpFormatter.familyName(family)).append(" (").append(family)
            .append(')');
        switch (family) {
            case AFI_IPV4 -> {
                if (length != 1 + 4) {
                    out.append("(invalid IPv4 address length ").append(length - 1).append(')');
                    return true;
                }
                out.append(", ");
                Text.ipv4(out, p, at + 1);
                return false;
            }
            case AFI_IPV6 -> {
                if (length != 1 + 16) {
                    out.append("(invalid IPv6 address length ").append(length - 1).append(')');
                    return true;
                }
                out.append(", ");
                Text.ipv6(out, p, at + 1);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private boolean captured(int at, int n) {
        return at + (long) n <= bytes.end();
    }

    private static void tooShort(StringBuilder out) {
        out.append("\n\t\t packet is too short");
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|cfm]");
    }

    /**
     * "\n\t  CCM Interval Xs, min CCM Lifetime Ys, max CCM Lifetime Zs" per interval: tcpdump multiplies its float
     * base by the double 3.25 and 3.5 and prints with %.3f (the exact binary value rounded half-even).
     */
    private static String[] intervals(float[] bases) {
        String[] text = new String[bases.length];
        for (int i = 1; i < bases.length; i++) {
            double base = bases[i];
            text[i] = "\n\t  CCM Interval " + threeDecimals(base) + "s, min CCM Lifetime " + threeDecimals(base * 3.25)
                + "s, max CCM Lifetime " + threeDecimals(base * 3.5) + "s";
        }
        return text;
    }

    private static String threeDecimals(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
