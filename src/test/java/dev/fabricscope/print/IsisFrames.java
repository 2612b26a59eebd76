package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;

/**
 * Hand-built ISO network layer PDUs in IEEE 802.3 frames (LLC SAP 0xfe, UI): IS-IS hellos, LSPs and sequence number
 * PDUs laid out as ISO 10589 section 9 says, with TLVs of ISO 10589, RFC 1195, 5305 (TE), 5308 (IPv6), 5120
 * (multi-topology), 5303, 5304, 5306, 7981 and 8667; ES-IS (ISO 9542) and CLNP (ISO 8473) PDUs.
 */
final class IsisFrames {
    private IsisFrames() { }

    static final byte[] ALL_L1_ISS = hex("0180c2000014"), ALL_L2_ISS = hex("0180c2000015"),
        ALL_ISS = hex("09002b000005"), ALL_ESS = hex("09002b000004");
    static final String SPINE = "192168000001", LEAF = "192168000011";
    static final int L1_LAN_IIH = 15, L2_LAN_IIH = 16, PTP_IIH = 17, L1_LSP = 18, L2_LSP = 20, L1_CSNP = 24,
        L2_CSNP = 25, L1_PSNP = 26, L2_PSNP = 27;

    /** An 802.3 frame to {@code dst} carrying {@code pdu} after the LLC header fe fe 03. */
    static Frame osi(byte[] dst, byte[] pdu) {
        return LlcFrames.llc(dst, concat(hex("fefe03"), pdu));
    }

    /** A TLV (or sub-TLV): type, one-byte length, value. */
    static byte[] tlv(int type, byte[] value) {
        return concat(new byte[] {(byte) type, (byte) value.length}, value);
    }

    static byte[] tlv(int type, String hexValue) {
        return tlv(type, hex(hexValue));
    }

    /** The 8-byte common header: NLPID, fixed header length, version, ID length, PDU type, version, reserved, areas. */
    static byte[] common(int fixedLength, int type) {
        return new byte[] {(byte) 0x83, (byte) fixedLength, 1, 0, (byte) type, 1, 0, 0};
    }

    /** The whole PDU's length goes at {@code at} (the PDU length field). */
    private static byte[] withLength(byte[] pdu, int at) {
        pdu[at] = (byte) (pdu.length >> 8);
        pdu[at + 1] = (byte) pdu.length;
        return pdu;
    }

    static byte[] lanIih(int type, int circuitType, String source, int holdingTime, int priority, String lanId,
                         byte[]... tlvs) {
        return withLength(concat(common(27, type), new byte[] {(byte) circuitType}, hex(source), u16(holdingTime),
            u16(0), new byte[] {(byte) priority}, hex(lanId), concat(tlvs)), 17);
    }

    static byte[] ptpIih(int circuitType, String source, int holdingTime, int circuitId, byte[]... tlvs) {
        return withLength(concat(common(20, PTP_IIH), new byte[] {(byte) circuitType}, hex(source), u16(holdingTime),
            u16(0), new byte[] {(byte) circuitId}, concat(tlvs)), 17);
    }

    /** An LSP whose checksum (ISO 10589 7.3.11: over the LSP ID and on) is right. */
    static byte[] lsp(int type, int lifetime, String lspId, long sequence, int typeBlock, byte[]... tlvs) {
        byte[] pdu = withLength(concat(common(27, type), u16(0), u16(lifetime), hex(lspId), u32(sequence), u16(0),
            new byte[] {(byte) typeBlock}, concat(tlvs)), 8);
        int checksum = isoChecksum(pdu, 12, pdu.length - 12, 12);
        pdu[24] = (byte) (checksum >> 8);
        pdu[25] = (byte) checksum;
        return pdu;
    }

    static byte[] csnp(int type, String source, String start, String end, byte[]... tlvs) {
        return withLength(concat(common(33, type), u16(0), hex(source), hex(start), hex(end), concat(tlvs)), 8);
    }

    static byte[] psnp(int type, String source, byte[]... tlvs) {
        return withLength(concat(common(17, type), u16(0), hex(source), concat(tlvs)), 8);
    }

    /** An LSP entry of a CSNP or PSNP (TLV 9): lifetime, LSP ID, sequence number, checksum. */
    static String lspEntry(int lifetime, String lspId, long sequence, int checksum) {
        return String.format("%04x %s %08x %04x", lifetime, lspId, sequence, checksum);
    }

    /**
     * The ISO 8473 checksum (annex C) of {@code length} bytes from {@code from}, whose checksum field is at
     * {@code position} from {@code from}: the two bytes that make both Fletcher sums zero.
     */
    static int isoChecksum(byte[] data, int from, int length, int position) {
        int c0 = 0, c1 = 0;
        for (int i = 0; i < length; i++) {
            int v = i == position || i == position + 1 ? 0 : data[from + i] & 0xff;
            c0 = (c0 + v) % 255;
            c1 = (c1 + c0) % 255;
        }
        int x = Math.floorMod((length - position - 1) * c0 - c1, 255);
        int y = Math.floorMod(c1 - (length - position) * c0, 255);
        return (x == 0 ? 255 : x) << 8 | (y == 0 ? 255 : y);
    }

    /** An extended IS reachability entry (RFC 5305): neighbor node ID, 24-bit metric, sub-TLVs. */
    static byte[] isReach(String neighbor, int metric, byte[]... subTlvs) {
        byte[] subs = concat(subTlvs);
        return concat(hex(neighbor), new byte[] {(byte) (metric >> 16), (byte) (metric >> 8), (byte) metric,
            (byte) subs.length}, subs);
    }

    /** An extended IPv4 reachability entry (RFC 5305): metric, up/down and sub-TLV bits with the length, prefix. */
    static byte[] ipReach(long metric, boolean down, int bits, String prefix, byte[]... subTlvs) {
        byte[] subs = concat(subTlvs);
        int control = (down ? 0x80 : 0) | (subs.length > 0 ? 0x40 : 0) | bits;
        byte[] entry = concat(u32(metric), new byte[] {(byte) control}, hex(prefix));
        return subs.length > 0 ? concat(entry, new byte[] {(byte) subs.length}, subs) : entry;
    }

    /** An IPv6 reachability entry (RFC 5308): metric, U/X/S bits, prefix length, prefix, sub-TLVs. */
    static byte[] ip6Reach(long metric, int flags, int bits, String prefix, byte[]... subTlvs) {
        byte[] subs = concat(subTlvs);
        int control = flags | (subs.length > 0 ? 0x20 : 0);
        byte[] entry = concat(u32(metric), new byte[] {(byte) control, (byte) bits}, hex(prefix));
        return subs.length > 0 ? concat(entry, new byte[] {(byte) subs.length}, subs) : entry;
    }

    /** An IEEE float, as TE bandwidths are carried (bytes per second). */
    static String bandwidth(float bytesPerSecond) {
        return String.format("%08x", Float.floatToRawIntBits(bytesPerSecond));
    }

    /** ES-IS (ISO 9542): fixed header (checksum right when {@code checksum}), then {@code rest}. */
    static byte[] esis(int type, int holdingTime, boolean checksum, String rest) {
        byte[] body = hex(rest);
        byte[] pdu = concat(new byte[] {(byte) 0x82, (byte) (9 + body.length), 1, 0, (byte) type}, u16(holdingTime),
            u16(0), body);
        if (checksum) {
            int c = isoChecksum(pdu, 0, pdu.length, 7);
            pdu[7] = (byte) (c >> 8);
            pdu[8] = (byte) c;
        }
        return pdu;
    }

    /**
     * CLNP (ISO 8473): fixed part, addresses and {@code options} make the header (checksum right when
     * {@code checksum}), then {@code data}.
     */
    static byte[] clnp(int typeAndFlags, int lifetime, String dst, String src, String segment, String options,
                       boolean checksum, byte[] data) {
        byte[] d = hex(dst), s = hex(src);
        byte[] rest = concat(new byte[] {(byte) d.length}, d, new byte[] {(byte) s.length}, s, hex(segment),
            hex(options));
        int li = 9 + rest.length;
        byte[] pdu = concat(new byte[] {(byte) 0x81, (byte) li, 1, (byte) lifetime, (byte) typeAndFlags},
            u16(li + data.length), u16(0), rest, data);
        if (checksum) {
            int c = isoChecksum(pdu, 0, li, 7);
            pdu[7] = (byte) (c >> 8);
            pdu[8] = (byte) c;
        }
        return pdu;
    }
}
