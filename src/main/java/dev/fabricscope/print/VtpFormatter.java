package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco's VLAN Trunking Protocol (SNAP OUI 00-00-0c, protocol 0x2003) as tcpdump 4.99 prints it (print-vtp.c):
 * version, message type and length; with -v the management domain and, per message, the summary's revision,
 * updater, timestamp and digest, each VLAN of a subset advertisement with its TLVs, or a request's start value.
 * A PDU not captured whole ends with " [|vtp]", at every verbosity; one that does not add up with " (invalid)".
 * Allocates nothing. One per printer.
 */
final class VtpFormatter {
    private static final int HEADER = 36, DOMAIN_NAME_LENGTH = 32, VLAN_INFO_FIXED = 12;
    private static final int SUMMARY = 1, SUBSET = 2, REQUEST = 3;
    private static final String[] MESSAGES = {"Summary advertisement", "Subset advertisement", "Advertisement request",
        "Join message"};
    private static final String[] THIRD_BYTE = {"Followers", "Seq number", "Rsvd", "Rsvd"};
    private static final String[] VLAN_TYPES = {"Ethernet", "FDDI", "TrCRF", "FDDI-net", "TrBRF"};
    private static final String[] VLAN_STATUS = {"Operational", "Suspended"};
    private static final String[] VLAN_TLVS = {"Source-Routing Ring Number TLV", "Source-Routing Bridge Number TLV",
        "STP type TLV", "Parent VLAN TLV", "Translationally bridged VLANs TLV", "Pruning TLV", "Bridge Type TLV",
        "Max ARP Hop Count TLV", "Max STE Hop Count TLV", "Backup CRF Mode TLV"};
    private static final String[] STP_TYPES = {"SRT", "SRB", "Auto"};
    private static final int STP_TYPE = 3, PRUNING = 6, BRIDGE_TYPE = 7, STE_HOP_COUNT = 9, BACKUP_CRF_MODE = 10;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    VtpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    void format(Packet packet, int off, int bits, StringBuilder out) {
        long length = Integer.toUnsignedLong(bits);   // tcpdump's u_int: a jumbogram's passes 2^31
        try (var _ = bytes.reading(packet, packet.capLen())) {
            if (!pdu(off, length, out)) {
                bytes.invalid(out, off, length);
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "vtp");
        }
    }

    /** False where tcpdump goes to "invalid" (which then checks that the whole PDU was captured). */
    private boolean pdu(int start, long length, StringBuilder out) {
        if (length < HEADER) return false;
        bytes.needLast(start, HEADER);
        int type = bytes.u8(start + 1);
        out.append("VTPv").append(bytes.u8(start)).append(", Message ")
            .append(LldpText.name(MESSAGES, 1, type, "Unknown message type")).append(" (0x");
        Text.hex(out, type, 2);
        out.append("), length ").append(length);
        if (!verbosity.verbose()) {
            bytes.needLast(start, length);
            return true;
        }
        out.append("\n\tDomain name: ");
        int domainLength = bytes.u8(start + 3);
        if (domainLength < 1 || domainLength > DOMAIN_NAME_LENGTH) {
            out.append(" [invalid MgmtD Len ").append(domainLength).append(']');
            return false;
        }
        LldpText.untilNul(bytes, start + 4, domainLength, out);
        out.append(", ").append(LldpText.name(THIRD_BYTE, 1, type, "Unknown")).append(": ").append(bytes.u8(start + 2));
        int t = start + HEADER;
        switch (type) {
            case SUMMARY -> {
                long revision = bytes.u32(t);
                bytes.u8(t + 7);
                out.append("\n\t  Config Rev ");
                Text.hex(out, revision);
                out.append(", Updater ");
                Text.ipv4(out, bytes.packet(), t + 4);
                t += 8;
                bytes.u8(t + 11);
                out.append(", Timestamp 0x");
                Text.hex(out, bytes.u32(t), 8);
                out.append(" 0x");
                Text.hex(out, bytes.u32(t + 4), 8);
                out.append(" 0x");
                Text.hex(out, bytes.u32(t + 8), 8);
                t += 12;
                bytes.u8(t + 15);
                out.append(", MD5 digest: ");
                for (int i = 0; i < 4; i++) Text.hex(out, bytes.u32(t + 4 * i), 8);
            }
            case SUBSET -> {
                long revision = bytes.u32(t);
                out.append(", Config Rev ");
                Text.hex(out, revision);
                return vlans(start, t + 4, length, out);
            }
            case REQUEST -> {
                long startValue = bytes.u32(t);
                out.append("\n\tStart value: ").append(startValue);
            }
            default -> { }
        }
        return true;
    }

    /** A subset advertisement's VLAN information fields, each with its TLVs. */
    private boolean vlans(int start, int t, long length, StringBuilder out) {
        while (t - start < length) {
            int len = bytes.u8(t);
            if (len == 0) break;
            bytes.needLast(t, len);
            if (len < VLAN_INFO_FIXED) return false;
            int status = bytes.u8(t + 1), type = bytes.u8(t + 2), nameLength = bytes.u8(t + 3);
            out.append("\n\tVLAN info status ").append(LldpText.name(VLAN_STATUS, 0, status, "Unknown"))
                .append(", type ").append(LldpText.name(VLAN_TYPES, 1, type, "Unknown"))
                .append(", VLAN-id ").append(bytes.u16(t + 4)).append(", MTU ").append(bytes.u16(t + 6))
                .append(", SAID 0x");
            Text.hex(out, bytes.u32(t + 8), 8);
            out.append(", Name ");
            len -= VLAN_INFO_FIXED;
            t += VLAN_INFO_FIXED;
            int padded = 4 * ((nameLength + 3) / 4);   // names are padded to 32-bit words
            if (len < padded) return false;
            LldpText.untilNul(bytes, t, nameLength, out);
            len -= padded;
            t += padded;
            while (len > 0) {
                if (len < 2) return false;
                int tlvType = bytes.u8(t), tlvLength = bytes.u8(t + 1);
                out.append("\n\t\t").append(LldpText.name(VLAN_TLVS, 1, tlvType, "Unknown")).append(" (0x");
                Text.hex(out, tlvType, 4);
                out.append(") TLV");
                // 1-byte type and length (in 16-bit words) as on the wire, not the 2-byte fields Cisco documents
                if (len < tlvLength * 2 + 2) {
                    out.append(" (TLV goes past the end of the packet)");
                    return false;
                }
                bytes.needLast(t, tlvLength * 2 + 2);
                if (tlvLength != 1) {
                    out.append(" (invalid TLV length ").append(tlvLength).append(" != 1)");
                    return false;
                }
                int value = bytes.u16(t + 2);
                switch (tlvType) {
                    case STE_HOP_COUNT -> out.append(", ").append(value);
                    case PRUNING -> out.append(", ").append(value == 1 ? "Enabled" : "Disabled").append(" (")
                        .append(value).append(')');
                    case STP_TYPE -> out.append(", ").append(LldpText.name(STP_TYPES, 1, value, "Unknown"))
                        .append(" (").append(value).append(')');
                    case BRIDGE_TYPE -> out.append(", ").append(value == 1 ? "SRB" : "SRT").append(" (").append(value)
                        .append(')');
                    case BACKUP_CRF_MODE -> out.append(", ").append(value == 1 ? "Backup" : "Not backup").append(" (")
                        .append(value).append(')');
                    default -> HexDump.hex(bytes.packet(), t, 2 + tlvLength * 2, "\n\t\t  ", out);
                }
                len -= 2 + tlvLength * 2;
                t += 2 + tlvLength * 2;
            }
        }
        return true;
    }
}
