package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco Discovery Protocol (SNAP OUI 00-00-0c, protocol 0x2000) as tcpdump 4.99 prints it (print-cdp.c). By
 * default "CDPv2, ttl: 180s, Device-ID 'leaf1', length 380", where, as tcpdump does, every TLV but the device ID
 * is dumped in hex on its own lines; with -v one line per TLV with its value: addresses (IPv4, IPv6 and others as
 * raw bytes), capabilities, the version text re-indented, platform, prefixes, VTP domain, native VLAN, duplex,
 * ATA-186 VLANs, power, MTU, trust bitmap, system name and physical location. TLVs of the wrong size print
 * " (malformed TLV)" and their bytes; a PDU that does not add up " (invalid)"; a read past the capture " [|cdp]"
 * after what tcpdump had printed. Allocates nothing. One per printer.
 */
final class CdpFormatter {
    private static final int HEADER = 4, TLV_HEADER = 4, DEVICE_ID = 0x01, MAX_TYPE = 0x17;
    private static final int NLPID_IP = 0xcc, PT_NLPID = 1, PT_IEEE_802_2 = 2;
    private static final int[] CAPABILITY_MASKS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40};
    private static final String[] CAPABILITY_NAMES = {"Router", "Transparent Bridge", "Source Route Bridge",
        "L2 Switch", "L3 capable", "IGMP snooping", "L1 capable"};

    /** How tcpdump prints a TLV's value. */
    private enum Kind { NONE, STRING, ADDRESS, CAPABILITY, VERSION, PREFIXES, UINT16, DUPLEX, ATA186, POWER, MTU,
        UINT8_HEX, PHYSICAL_LOCATION }

    /** tcpdump's cdptlvs table: name (null where it has none), printer, minimum and maximum value length (-1: any). */
    private record TlvInfo(String name, Kind kind, int min, int max) { }

    private static final TlvInfo[] TLVS = new TlvInfo[MAX_TYPE + 1];

    static {
        TLVS[0x01] = new TlvInfo("Device-ID", Kind.STRING, -1, -1);
        TLVS[0x02] = new TlvInfo("Address", Kind.ADDRESS, -1, -1);
        TLVS[0x03] = new TlvInfo("Port-ID", Kind.STRING, -1, -1);
        TLVS[0x04] = new TlvInfo("Capability", Kind.CAPABILITY, 4, 4);
        TLVS[0x05] = new TlvInfo("Version String", Kind.VERSION, -1, -1);
        TLVS[0x06] = new TlvInfo("Platform", Kind.STRING, -1, -1);
        TLVS[0x07] = new TlvInfo("Prefixes", Kind.PREFIXES, -1, -1);
        TLVS[0x08] = new TlvInfo("Protocol-Hello option", Kind.NONE, -1, -1);
        TLVS[0x09] = new TlvInfo("VTP Management Domain", Kind.STRING, -1, -1);
        TLVS[0x0a] = new TlvInfo("Native VLAN ID", Kind.UINT16, 2, 2);
        TLVS[0x0b] = new TlvInfo("Duplex", Kind.DUPLEX, 1, 1);
        TLVS[0x0e] = new TlvInfo("ATA-186 VoIP VLAN assignment", Kind.ATA186, 3, 3);
        TLVS[0x0f] = new TlvInfo("ATA-186 VoIP VLAN request", Kind.ATA186, 2, 3);
        TLVS[0x10] = new TlvInfo("power consumption", Kind.POWER, 1, 3);
        TLVS[0x11] = new TlvInfo("MTU", Kind.MTU, 4, 4);
        TLVS[0x12] = new TlvInfo("AVVID trust bitmap", Kind.UINT8_HEX, 1, 1);
        TLVS[0x13] = new TlvInfo("AVVID untrusted ports CoS", Kind.UINT8_HEX, 1, 1);
        TLVS[0x14] = new TlvInfo("System Name", Kind.STRING, -1, -1);
        TLVS[0x15] = new TlvInfo("System Object ID (not decoded)", Kind.NONE, -1, -1);
        TLVS[0x16] = new TlvInfo("Management Addresses", Kind.ADDRESS, 4, -1);
        TLVS[0x17] = new TlvInfo("Physical Location", Kind.PHYSICAL_LOCATION, 1, -1);
        // types 0x00, 0x0c and 0x0d are in tcpdump's table without a name or printer: known, but not decoded
        for (int type : new int[] {0x00, 0x0c, 0x0d}) TLVS[type] = new TlvInfo(null, Kind.NONE, 0, 0);
    }

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    CdpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The CDP PDU at {@code off}, {@code length} bytes long; the packet's capture length is the snapshot end. */
    void format(Packet packet, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(packet, packet.capLen())) {
            pdu(off, Integer.toUnsignedLong(length), out);   // tcpdump's u_int: a jumbogram's passes 2^31
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "cdp");
        }
    }

    private void pdu(int t, long length, StringBuilder out) {
        long pduLength = length;
        if (length < HEADER) {
            out.append(" (packet length ").append(length).append(" < ").append(HEADER).append(')');
            bytes.invalid(out, t, length);
            return;
        }
        int version = bytes.u8(t), ttl = bytes.u8(t + 1);
        out.append("CDPv").append(version).append(", ttl: ").append(ttl).append('s');
        int checksum = bytes.u16(t + 2);
        if (verbosity.verbose()) {
            out.append(", checksum: 0x");
            Text.hex(out, checksum, 4);
            out.append(" (unverified), length ").append(pduLength);
        }
        t += HEADER;
        length -= HEADER;
        while (length > 0) {
            if (length < TLV_HEADER) {
                out.append(" (remaining packet length ").append(length).append(" < ").append(TLV_HEADER).append(')');
                bytes.invalid(out, t, length);
                return;
            }
            int type = bytes.u16(t), len = bytes.u16(t + 2);
            TlvInfo info = type <= MAX_TYPE ? TLVS[type] : null;
            String name = info != null && info.name != null ? info.name : "unknown field type";
            if (len < TLV_HEADER) {
                if (verbosity.verbose()) {
                    out.append("\n\t").append(name).append(" (0x");
                    Text.hex(out, type, 2);
                    out.append("), TLV length: ").append(len).append(" byte").append(len == 1 ? "" : "s")
                        .append(" (too short)");
                } else {
                    out.append(", ").append(name).append(" TLV length ").append(len).append(" too short");
                }
                bytes.invalid(out, t, length);
                return;
            }
            if (len > length) {
                out.append(" (TLV length ").append(len).append(" > ").append(length).append(')');
                bytes.invalid(out, t, length);
                return;
            }
            t += TLV_HEADER;
            length -= TLV_HEADER;
            len -= TLV_HEADER;
            if (!verbosity.verbose() && type == DEVICE_ID) {
                out.append(", Device-ID ");
            } else if (verbosity.verbose()) {
                out.append("\n\t").append(name).append(" (0x");
                Text.hex(out, type, 2);
                out.append("), value length: ").append(len).append(" byte").append(len == 1 ? "" : "s").append(": ");
            }
            boolean covered = false;
            if (info != null) {
                if (info.min > 0 && len < info.min || info.max > 0 && len > info.max) {
                    out.append(" (malformed TLV)");
                } else if (verbosity.verbose() || type == DEVICE_ID) {
                    value(info.kind, t, len, out);
                    covered = true;
                }
            }
            if (!covered) {
                bytes.needLast(t, len);
                HexDump.hex(bytes.packet(), t, len, "\n\t  ", out);
            }
            t += len;
            length -= len;
        }
        if (!verbosity.verbose()) out.append(", length ").append(pduLength);
    }

    private void value(Kind kind, int t, int len, StringBuilder out) {
        switch (kind) {
            case NONE -> bytes.needLast(t, len);
            case STRING -> {
                out.append('\'');
                LldpText.all(bytes, t, len, out);
                out.append('\'');
            }
            case ADDRESS -> addresses(t, len, out);
            case CAPABILITY -> {
                long value = bytes.u32(t);
                out.append("(0x");
                Text.hex(out, value, 8);
                out.append("): ");
                LldpText.bits(out, (int) value, CAPABILITY_MASKS, CAPABILITY_NAMES, "none");
            }
            case VERSION -> {
                out.append("\n\t  ");
                for (int i = 0; i < len; i++) {
                    int c = bytes.u8(t + i);
                    if (c == '\n') out.append("\n\t  ");
                    else Text.printableChar(out, c);
                }
            }
            case PREFIXES -> prefixes(t, len, out);
            case UINT16 -> out.append(bytes.u16(t));
            case DUPLEX -> out.append(bytes.u8(t) != 0 ? "full" : "half");
            case ATA186 -> {
                if (len == 2) {
                    int value = bytes.u16(t);
                    out.append("unknown 0x");
                    Text.hex(out, value, 4);
                } else {
                    int app = bytes.u8(t), vlan = bytes.u16(t + 1);
                    out.append("app ").append(app).append(", vlan ").append(vlan);
                }
            }
            case POWER -> {
                int milliwatts = switch (len) {
                    case 1 -> bytes.u8(t);
                    case 2 -> bytes.u16(t);
                    default -> bytes.u24(t);
                };
                watts(milliwatts, out);
                out.append('W');
            }
            case MTU -> out.append(bytes.u32(t)).append(" bytes");
            case UINT8_HEX -> {
                int value = bytes.u8(t);
                out.append("0x");
                Text.hex(out, value, 2);
            }
            case PHYSICAL_LOCATION -> {
                int value = bytes.u8(t);
                out.append("0x");
                Text.hex(out, value, 2);
                if (len > 1) {
                    out.append('/');
                    LldpText.all(bytes, t + 1, len - 1, out);
                }
            }
        }
    }

    /** A count, then protocol type, protocol and address of each: IPv4 and IPv6 named, others as raw bytes. */
    private void addresses(int a, int l, StringBuilder out) {
        Packet p = bytes.packet();
        if (l < 4) {
            out.append(" (not enough space for num)");
            bytes.needLast(a, l);
            return;
        }
        long count = bytes.u32(a);
        a += 4;
        l -= 4;
        while (count != 0) {
            if (l < 2) {
                out.append(" (not enough space for PT+PL)");
                bytes.needLast(a, l);
                return;
            }
            int protocolType = bytes.u8(a), protocolLength = bytes.u8(a + 1);
            a += 2;
            l -= 2;
            if (l < protocolLength + 2) {
                out.append(" (not enough space for P+AL)");
                bytes.needLast(a, l);
                return;
            }
            int addressLength = bytes.u16(a + protocolLength);
            if (protocolType == PT_NLPID && protocolLength == 1 && bytes.u8(a) == NLPID_IP && addressLength == 4) {
                a += 3;
                l -= 3;
                if (l < addressLength) {
                    out.append(" (not enough space for A)");
                    bytes.needLast(a, l);
                    return;
                }
                bytes.u8(a + 3);
                out.append("IPv4 (").append(count).append(") ");
                Text.ipv4(out, p, a);
                a += 4;
                l -= 4;
            } else if (protocolType == PT_IEEE_802_2 && protocolLength == 8 && isIpv6Snap(a) && addressLength == 16) {
                a += 10;
                l -= 10;
                if (l < addressLength) {
                    out.append(" (not enough space for A)");
                    bytes.needLast(a, l);
                    return;
                }
                bytes.u8(a + 15);
                out.append("IPv6 (").append(count).append(") ");
                Text.ipv6(out, p, a);
                a += 16;
                l -= 16;
            } else {
                out.append("pt=0x");
                Text.hex(out, protocolType, 2);
                out.append(", pl=").append(protocolLength).append(", pb=");
                for (int i = 0; i < protocolLength; i++) {
                    int b = bytes.u8(a++);
                    out.append(' ');
                    Text.hex(out, b, 2);
                    l--;
                }
                out.append(", al=").append(addressLength).append(", a=");
                a += 2;
                l -= 2;
                if (l < addressLength) {
                    out.append(" (not enough space for A)");
                    bytes.needLast(a, l);
                    return;
                }
                for (int i = 0; i < addressLength; i++) {
                    int b = bytes.u8(a++);
                    out.append(' ');
                    Text.hex(out, b, 2);
                    l--;
                }
            }
            count--;
            if (count != 0) out.append(' ');
        }
        if (l != 0) out.append(" (").append(l).append(" bytes of stray data)");
    }

    /** The LLC/SNAP header of IPv6 (aa aa 03 00 00 00 86 dd), which CDP uses as the protocol of an IPv6 address. */
    private boolean isIpv6Snap(int a) {
        Packet p = bytes.packet();
        return p.u16(a) == 0xaaaa && p.u8(a + 2) == 0x03 && p.u16(a + 3) == 0 && p.u8(a + 5) == 0
            && p.u16(a + 6) == 0x86dd;
    }

    private void prefixes(int a, int l, StringBuilder out) {
        Packet p = bytes.packet();
        if (l % 5 != 0) {
            out.append(" [length ").append(l).append(" is not a multiple of 5]");
            bytes.needLast(a, l);
            return;
        }
        out.append(" IPv4 Prefixes (").append(l / 5).append("):");
        for (; l > 0; l -= 5, a += 5) {
            bytes.u8(a + 4);
            out.append(' ');
            Text.ipv4(out, p, a);
            out.append('/').append(p.u8(a + 4));
        }
    }

    /**
     * printf's "%1.2f" of {@code milliwatts / 1000.0}: the quotient as a double, rounded to hundredths from its exact
     * binary value (half to even only where that value is exactly half-way).
     */
    private static void watts(int milliwatts, StringBuilder out) {
        long hundredths = milliwatts / 10;
        int rest = milliwatts % 10;
        if (rest > 5) {
            hundredths++;
        } else if (rest == 5) {
            double quotient = milliwatts / 1000.0;
            double error = Math.fma(quotient, 1000.0, -milliwatts);   // the sign of the double's rounding error
            if (error > 0 || error == 0 && (hundredths & 1) == 1) hundredths++;
        }
        out.append(hundredths / 100).append('.');
        Text.twoDigits(out, (int) (hundredths % 100));
    }
}
