package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenFlow messages built from the specifications' layouts: OpenFlow 1.0.0 (5.1 header, 5.2.1 ofp_phy_port, 5.2.2
 * queues, 5.2.3 ofp_match, 5.2.4 actions, 5.3 controller-to-switch messages, 5.4 asynchronous messages, 5.5
 * symmetric messages) and OpenFlow 1.3 (7.1 header, message types), well formed and broken, alone and several to a
 * TCP segment on port 6633 or 6653.
 */
final class OpenflowMessages {
    private OpenflowMessages() { }

    static final int V10 = 1, V13 = 4;

    /** A message: the 8-byte header (its length counting itself) and the body. */
    static byte[] message(int version, int type, long xid, byte[]... body) {
        byte[] b = concat(body);
        return concat(new byte[] {(byte) version, (byte) type}, u16(8 + b.length), u32(xid), b);
    }

    static byte[] of10(int type, long xid, byte[]... body) {
        return message(V10, type, xid, body);
    }

    static byte[] of13(int type, long xid, byte[]... body) {
        return message(V13, type, xid, body);
    }

    static Frame tcp(byte[]... messages) {
        return tcp(6633, 43210, messages);
    }

    static Frame tcp(int sport, int dport, byte[]... messages) {
        return new Frame(ethernet(0x0800, ipv4(6, TestFrames.tcp(sport, dport, 1000, 2000, 0x018, 16384, 0,
            new byte[0], concat(messages), IP_A, IP_B))));
    }

    static Frame tcp6(byte[]... messages) {
        return new Frame(ethernet(0x86dd, ipv6(6, TestFrames.tcp(50123, 6653, 1000, 2000, 0x018, 16384, 0,
            new byte[0], concat(messages), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    /** 5.2.1 ofp_phy_port: port_no, hw_addr, name[16], config, state, curr, advertised, supported, peer. */
    static byte[] phyPort(int port, String name, long config, long state, long curr, long advertised,
                          long supported, long peer) {
        byte[] n = padded(name, 16);
        return concat(u16(port), hex("0001e88ae0e4"), n, u32(config), u32(state), u32(curr), u32(advertised),
            u32(supported), u32(peer));
    }

    /** 5.2.3 ofp_match (40 bytes). */
    static byte[] match(long wildcards, int inPort, int vlan, int pcp, int dlType, int tos, int proto, String src,
                        String dst, int tpSrc, int tpDst) {
        return concat(u32(wildcards), u16(inPort), hex("0a0b0c0d0e0f"), hex("102030405060"), u16(vlan),
            new byte[] {(byte) pcp, 0}, u16(dlType), new byte[] {(byte) tos, (byte) proto, 0, 0}, hex(src), hex(dst),
            u16(tpSrc), u16(tpDst));
    }

    /** A NUL-padded (or cut) string field, one byte per character (ISO 8859-1). */
    static byte[] padded(String s, int n) {
        return java.util.Arrays.copyOf(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), n);
    }

    static byte[] action(int type, String body) {
        byte[] b = hex(body);
        return concat(u16(type), u16(4 + b.length), b);
    }

    static final byte[] EXACT_TCP = match(0, 3, 100, 5, 0x0800, 0x10, 6, "0a000001", "0a000002", 1234, 80);
    static final byte[] ICMP = match(0x3fff00L | 0x0d, 0, 0, 0, 0x0800, 0, 1, "00000000", "00000000", 8, 0);
    static final byte[] ARP = match(0x0018_8000L | 0xcf, 0, 0xffff, 9, 0x0806, 0, 2, "c0a80001", "c0a80002", 0, 0);
    static final byte[] PREFIXES = match(0x0003_08c1L, 0, 0xfff, 0, 0x0800, 0, 17, "0a000100", "0a000200", 53, 53);
    static final byte[] ALL_WILD = match(0x003f_ffffL, 0, 0, 0, 0, 0, 0, "00000000", "00000000", 0, 0);
    static final byte[] BOGUS_WILD = match(0xffc0_0000L | 0x3fffffL, 0, 0, 0, 0, 0, 0, "00000000", "00000000", 0,
        0);

    static byte[] allActions() {
        return concat(
            action(0, "fffd ffff"), action(0, "0002 0000"), action(1, "0064 0000"), action(1, "0000 0000"),
            action(1, "ffff 0000"), action(2, "03 000000"), action(2, "09 000000"), action(3, "00000000"),
            action(4, "aabbccddeeff 000000000000"), action(5, "112233445566 000000000000"), action(6, "c0a80101"),
            action(7, "0a000001"), action(8, "b8 000000"), action(9, "0050 0000"), action(10, "01bb 0000"),
            action(11, "0001 000000000000 00000007"), action(11, "fffe 000000000000 ffffffff"),
            // vendor: Big Switch mirror, with and without an 802.1Q tag, and an unknown vendor with data
            action(0xffff, "005c16c7 00000001 00000005 81002064 00 000000"),
            action(0xffff, "005c16c7 00000001 00000006 00000000 01 000000"),
            action(0xffff, "005c16c7 00000001 00000007 88a80001 07 000000"),
            action(0xffff, "005c16c7 00000002 0a000001"),
            action(0xffff, "00002320 0001 0203 04050607"));
    }

    static List<byte[]> of10Messages() {
        List<byte[]> m = new ArrayList<>();
        m.add(of10(0, 1));
        m.add(of10(0, 2, hex("00010008 00000010")));
        m.add(of10(2, 3, ascii("ping")));
        m.add(of10(3, 3));
        m.add(of10(5, 4));
        // FEATURES_REPLY: two ports (one with STP and link state, one with unassigned bits), then a short tail
        m.add(of10(6, 5, hex("00010001e88ae0e2 00000100 06 000000 000000ff 00000fff"),
            phyPort(1, "Te 0/0", 0x01, 0x201, 0x340, 0x340, 0xfff, 0),
            phyPort(0xfffe, "br0-with-a-long-name", 0x80, 0x400, 0x1000, 0, 0, 0x280)));
        m.add(of10(6, 6, hex("0000000000000001 ffffffff fe 000000 00000010 00001000"),
            phyPort(2, "eth\u00e9\u0001", 0x7f, 0x300, 0, 0, 0, 0), hex("0003 aabb")));
        m.add(of10(7, 7));
        m.add(of10(8, 7, hex("0000 0080")));
        m.add(of10(9, 8, hex("0002 ffff")));
        m.add(of10(9, 8, hex("0007 0000")));
        // PACKET_IN with and without a buffer and data
        m.add(of10(10, 0, hex("00000102 003c 0005 00 00"), zeros(12), hex("0800 4500")));
        m.add(of10(10, 0, hex("ffffffff 0000 fffd 01 00")));
        m.add(of10(10, 0, hex("00000001 0000 0001 07 00")));
        // FLOW_REMOVED (5.4.2)
        m.add(of10(11, 9, EXACT_TCP, hex("0123456789abcdef 8000 01 00 0000000a 00000064 003c 0000"),
            hex("0000000000000010 ffffffffffffffff")));
        m.add(of10(11, 9, ALL_WILD, hex("0000000000000000 0000 07 00 00000000 00000000 0000 0000"),
            hex("0000000000000000 0000000000000000")));
        // PORT_STATUS (5.4.3)
        m.add(of10(12, 0, hex("02 00000000000000"), phyPort(3, "eth3", 0, 1, 0x20, 0x2f, 0x2f, 0)));
        m.add(of10(12, 0, hex("05 00000000000000"), phyPort(0xfffc, "", 0, 0, 0, 0, 0, 0)));
        // PACKET_OUT (5.3.6): actions then data; actions longer than the message
        m.add(of10(13, 10, hex("ffffffff fff8 0010"), action(0, "fffb 0000"), action(0, "fffd 0080"),
            zeros(14)));
        m.add(of10(13, 10, hex("00000005 0001 0000")));
        m.add(of10(13, 10, hex("00000005 0001 0040"), action(0, "0001 0000")));
        // FLOW_MOD (5.3.3) with every action kind
        m.add(of10(14, 11, EXACT_TCP, hex("0000000000000001 0000 000a 001e 8000 ffffffff ffff 0001"),
            allActions()));
        m.add(of10(14, 12, ICMP, hex("fedcba9876543210 0001 0000 0000 0000 00000100 ffff 0006"),
            action(0, "0001 0000")));
        m.add(of10(14, 13, ARP, hex("0000000000000000 0003 0000 0000 0001 00000000 0002 000f")));
        m.add(of10(14, 14, PREFIXES, hex("0000000000000000 0004 0000 0000 0000 00000000 fffb 0000")));
        m.add(of10(14, 15, BOGUS_WILD, hex("0000000000000000 0009 0000 0000 0000 00000000 0000 0000")));
        // actions: unknown type, bogus lengths, a length past the list, a short tail
        m.add(of10(14, 16, ALL_WILD, hex("0000000000000000 0000 0000 0000 0000 00000000 0000 0000"),
            action(0x20, "00000000"), action(0, "0001 0000 00000000"), action(4, "00000000"),
            action(0xffff, "00002320 0000"), action(0, "0001 0000")));
        m.add(of10(14, 17, ALL_WILD, hex("0000000000000000 0000 0000 0000 0000 00000000 0000 0000"),
            hex("0000 0040 0001 0000")));
        m.add(of10(14, 18, ALL_WILD, hex("0000000000000000 0000 0000 0000 0000 00000000 0000 0000"),
            hex("0000 0004 0001 0000")));
        m.add(of10(14, 19, ALL_WILD, hex("0000000000000000 0000 0000 0000 0000 00000000 0000 0000"),
            action(0, "0001 0000"), hex("0000")));
        // PORT_MOD (5.3.3)
        m.add(of10(15, 20, hex("0001 0001e88ae0e4 00000005 0000007f 00000fff 00000000")));
        m.add(of10(15, 20, hex("fff8 000000000000 00000100 00000000 00010000 00000000")));
        // STATS_REQUEST (5.3.5)
        m.add(of10(16, 21, hex("0000 0000")));
        m.add(of10(16, 21, hex("0001 0000"), EXACT_TCP, hex("ff 00 ffff")));
        m.add(of10(16, 21, hex("0002 0001"), ALL_WILD, hex("fe 00 0003")));
        m.add(of10(16, 21, hex("0003 0000")));
        m.add(of10(16, 21, hex("0004 0000 ffff 000000000000")));
        m.add(of10(16, 21, hex("0005 0000 fffc 0000 ffffffff")));
        m.add(of10(16, 21, hex("0005 0000 0001 0000 00000002")));
        m.add(of10(16, 21, hex("ffff 0000 005c16c7 01020304")));
        m.add(of10(16, 21, hex("ffff 0000 0001")));
        m.add(of10(16, 21, hex("0007 0000 01020304")));
        m.add(of10(16, 21, hex("0000 0000 00")));
        m.add(of10(16, 21, hex("0001 0000 00")));
        m.add(of10(16, 21, hex("0004 0000 0001")));
        m.add(of10(16, 21, hex("0005 0000 0001")));
        // STATS_REPLY
        m.add(of10(17, 22, hex("0000 0000"), padded("Acme", 256),
            padded("Switch 9000", 256), padded("1.2.3", 256),
            padded("SN0042", 32), padded("dp\u00ff\u0007", 256)));
        m.add(of10(17, 22, hex("0000 0000 00000000")));
        m.add(of10(17, 22, hex("0001 0001"), u16(88 + 16), hex("00 00"), EXACT_TCP,
            hex("0000000a 00000014 8000 003c 0078 000000000000 0000000000000001 0000000000000002 0000000000000003"),
            action(0, "0001 0000"), action(6, "0a000001"),
            u16(88), hex("fe 00"), ALL_WILD,
            hex("00000000 00000000 0000 0000 0000 000000000000 0000000000000000 0000000000000000 0000000000000000")));
        m.add(of10(17, 22, hex("0001 0000"), u16(200), hex("00 00"), ALL_WILD,
            hex("00000000 00000000 0000 0000 0000 000000000000 0000000000000000 0000000000000000 0000000000000000")));
        m.add(of10(17, 22, hex("0001 0000 0000")));
        m.add(of10(17, 22, hex("0002 0000 0000000000000005 0000000000000400 00000002 00000000")));
        m.add(of10(17, 22, hex("0002 0000 0000000000000005")));
        m.add(of10(17, 22, hex("0003 0000"), hex("00 000000"), padded("hash", 32),
            hex("003fffff 00020000 00000010 0000000000000100 0000000000000080"),
            hex("ff 000000"), zeros(32), hex("00000100 00000000 00000000 0000000000000000 0000000000000000"),
            hex("0000")));
        m.add(of10(17, 22, hex("0004 0001"), hex("0001 000000000000"), zeros(96), hex("fffe 000000000000"),
            hex("00000000000000010000000000000002000000000000000300000000000000040000000000000005000000000000000600"
                + "0000000000000700000000000000080000000000000009000000000000000a000000000000000b000000000000000c")));
        m.add(of10(17, 22, hex("0005 0000 0001 0000 00000001 0000000000000100 0000000000000002 0000000000000000"),
            hex("0002 0000")));
        m.add(of10(17, 22, hex("ffff 0000 ff000002 68656c6c6f")));
        m.add(of10(17, 22, hex("ffff 0000 00")));
        m.add(of10(17, 22, hex("0009 0002 01")));
        m.add(of10(18, 23));
        m.add(of10(19, 23));
        m.add(of10(19, 23, hex("00")));
        // QUEUE_GET_CONFIG (5.3.4) with queues and their properties
        m.add(of10(20, 24, hex("fffe 0000")));
        m.add(of10(21, 24, hex("0001 000000000000"),
            hex("00000001 0020 0000 0001 0010 00000000 01f4 000000000000 0000 0008 00000000"),
            hex("00000002 0030 0000 0001 0010 00000000 03e9 000000000000 0001 0008 00000000 0000 0010 00000000"
                + " 0000000000000000 0007 0008 00000000"),
            hex("00000003 0010 0000 0001 0020 00000000"),
            hex("00000004 0040 0000")));
        m.add(of10(21, 24, hex("0001 000000000000 00000001 0009 0000 0000 0000 0000")));
        // ERROR (5.4.4): each type, codes out of range, an unknown type; with data
        for (int type = 0; type <= 6; type++) m.add(of10(1, 25, u16(type), u16(type), hex("0100000800000001")));
        m.add(of10(1, 25, hex("0002 0020")));
        m.add(of10(1, 25, hex("0001")));
        // VENDOR (5.5.4): Big Switch's subtypes, other vendors
        String[] bsn = {"00000000 05 000000 ffffff00", "00000001 06 00000000000000", "00000002 07 000000 ffff0000",
            "00000003 01 000000", "00000004 00 000000", "00000005 05 000000", "00000009", "0000000d", "00000013",
            "00000015", "0000001b", "00000011 00000004", "00000006 00000001 6c73202d6c", "00000007 6f6b0a",
            "00000008 00000001", "0000000a 0102", "00000023", "0000001d 01", "00000009 00", "00000000 05",
            "00000001 05", "00000003", "00000011 01", "00000006 01", "00000008", "000000ff 0102"};
        for (String b : bsn) m.add(of10(4, 26, hex("005c16c7"), hex(b)));
        m.add(of10(4, 26, hex("005c16c7 0000")));
        m.add(of10(4, 26, hex("00002320 0000000a 01")));
        m.add(of10(4, 26, hex("4f4e4600")));
        m.add(of10(4, 26, hex("ff00000a 01")));
        m.add(of10(4, 26, hex("ff0000ff 01")));
        m.add(of10(4, 26, hex("00abcdef")));
        // unknown types, and lengths that break a type's rule
        m.add(of10(0x16, 27, hex("0102")));
        m.add(of10(0xff, 27));
        m.add(of10(5, 28, hex("00")));
        m.add(of10(6, 28, hex("00")));
        m.add(of10(11, 28, zeros(79)));
        m.add(of10(12, 28, zeros(57)));
        m.add(of10(10, 28, hex("0000")));
        return m;
    }

    /** 1.3 ofp_port (7.2.1): port_no, pad, hw_addr, pad, name[16], config, state, curr, advertised, supported,
     * peer, curr_speed, max_speed. */
    static byte[] port13(long port, String name, long config, long state, long curr) {
        return concat(u32(port), zeros(4), hex("0001e88ae0e4"), zeros(2), padded(name, 16), u32(config), u32(state),
            u32(curr), u32(curr | 0x2000), u32(0xffff), u32(0x10000), u32(10000000), u32(40000000));
    }

    /** OpenFlow 1.3 messages (7.x): the bodies tcpdump decodes, those it does not, and lengths off their rule. */
    static List<byte[]> of13Messages() {
        List<byte[]> m = new ArrayList<>();
        // HELLO elements (7.5.1): version bitmaps, bogus ones, unknown types, bad lengths
        m.add(of13(0, 1, hex("0001 0008 00000012")));
        m.add(of13(0, 1, hex("0001 0008 000000c1 0002 0004 0001 000c 00000010 00000000")));
        m.add(of13(0, 1, hex("0001 0002 0000")));
        m.add(of13(0, 1, hex("0001 0010 00000010")));
        m.add(of13(0, 1, hex("0001 0008 00000010 0001")));
        m.add(of13(0, 1, hex("0001 0008 00000040")));
        // ERROR (7.4.4): every type with a code, codes out of range, experimenter and unknown types
        for (int type = 0; type <= 14; type++) m.add(of13(1, 2, u16(type), u16(type), hex("0400000800000001")));
        m.add(of13(1, 2, hex("ffff 0001 01")));
        m.add(of13(1, 2, hex("0003 0040")));
        m.add(of13(2, 3, ascii("ping")));
        m.add(of13(3, 3));
        // EXPERIMENTER (7.5.4)
        m.add(of13(4, 4, hex("4f4e4600 00000bb8 0102030405")));
        m.add(of13(4, 4, hex("00002320 00000001")));
        m.add(of13(4, 4, hex("ff000002 ffffffff 00")));
        // FEATURES_REPLY (7.3.1)
        m.add(of13(6, 5, hex("00000000000000aa 00000100 fe 01 0000 0000016f 00000000")));
        m.add(of13(6, 5, hex("0000000000000001 ffffffff 01 00 0000 00000290 00000000")));
        m.add(of13(8, 6, hex("0001 ffe5")));
        m.add(of13(9, 6, hex("0002 ffff")));
        m.add(of13(9, 6, hex("0005 0080")));
        // PORT_STATUS (7.4.3)
        m.add(of13(12, 7, hex("01 00000000000000"), port13(0xfffffffeL, "br0", 0x65, 0x7, 0x1840)));
        m.add(of13(12, 7, hex("09 00000000000000"), port13(3, "eth3", 0x12, 0x8, 0x10000)));
        m.add(of13(12, 7, hex("00 00000000000000"), port13(0xffffff00L, "", 0, 0, 0)));
        // PORT_MOD (7.3.4.3), TABLE_MOD (7.3.3), QUEUE_GET_CONFIG_REQUEST (7.3.6)
        m.add(of13(16, 8, hex("00000001 00000000 0001e88ae0e4 0000 00000041 00000065 0000ffff 00000000")));
        m.add(of13(16, 8, hex("fffffff8 00000000 000000000000 0000 00000002 00000080 00010000 00000000")));
        m.add(of13(17, 9, hex("fe 000000 00000003")));
        m.add(of13(17, 9, hex("ff 000000 00000000")));
        m.add(of13(17, 9, hex("07 000000 00000001")));
        m.add(of13(22, 10, hex("fffffffd 00000000")));
        m.add(of13(22, 10, hex("00000007 00000000")));
        m.add(of13(22, 10, hex("ffffffff 00000000")));
        // ROLE_REQUEST/REPLY (7.3.9), GET_ASYNC_REPLY/SET_ASYNC (7.3.10)
        m.add(of13(24, 11, hex("00000002 00000000 0000000000000005")));
        m.add(of13(25, 11, hex("00000007 00000000 ffffffffffffffff")));
        m.add(of13(27, 12, hex("00000007 00000001 00000007 00000004 00000000 00000009")));
        m.add(of13(28, 12, hex("00000000 00000006 00000003 00000000 00000002 000000f1")));
        m.add(of13(0, 1));
        m.add(of13(5, 2));
        m.add(of13(5, 2, hex("00")));
        m.add(of13(7, 3));
        m.add(of13(20, 4));
        m.add(of13(21, 4));
        m.add(of13(26, 4));
        m.add(of13(10, 5, zeros(30)));
        m.add(of13(11, 5, zeros(3)));
        m.add(of13(13, 5));
        m.add(of13(14, 5, zeros(60)));
        m.add(of13(15, 5, zeros(8)));
        m.add(of13(18, 5, zeros(8)));
        m.add(of13(19, 5, zeros(8)));
        m.add(of13(23, 5, zeros(8)));
        m.add(of13(29, 5, zeros(8)));
        m.add(of13(1, 6, hex("00")));
        m.add(of13(4, 6, hex("0000")));
        m.add(of13(6, 6, zeros(23)));
        m.add(of13(8, 6, zeros(5)));
        m.add(of13(12, 6, zeros(71)));
        m.add(of13(16, 6, zeros(31)));
        m.add(of13(17, 6, zeros(9)));
        m.add(of13(22, 6, zeros(7)));
        m.add(of13(24, 6, zeros(17)));
        m.add(of13(27, 6, zeros(25)));
        m.add(of13(30, 7));
        m.add(of13(0x80, 7, hex("0102")));
        return m;
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] m : of10Messages()) f.add(tcp(m));
        // several to a segment, both ports, IPv6
        f.add(tcp(of10(0, 1), of10(5, 2), of10(2, 3, ascii("abcd")), of10(18, 4)));
        f.add(tcp(43210, 6653, of10(9, 8, hex("0000 0080")), of10(7, 9), of10(16, 10, hex("0000 0000"))));
        f.add(tcp6(of10(3, 5), of10(19, 6)));
        f.addAll(framing());
        return f;
    }

    /** Framing: header cut by the segment's end, lengths under 8, messages running past the segment. */
    static List<Frame> framing() {
        List<Frame> f = new ArrayList<>();
        byte[] hello = of10(0, 0x01020304);
        for (int n = 1; n < 8; n++) f.add(tcp(of10(0, 1), java.util.Arrays.copyOf(hello, n)));
        f.add(tcp(of10(0, 1), hex("01000004 00000005"), of10(0, 2)));
        f.add(tcp(hex("01000000 00000005")));
        f.add(tcp(hex("04050007 00000005 00")));
        f.add(tcp(of10(0, 1), hex("01000020 00000006 0102")));
        f.add(tcp(hex("0100000c 00000006"), of10(0, 2)));
        f.add(tcp(hex("0206000c 00000006 01020304"), hex("03130010 00000007 0102030405060708"),
            hex("05000008 00000008"), hex("06000008 00000009"), hex("07000008 0000000a"), hex("00000008 0000000b")));
        f.add(tcp(hex("0206")));
        return f;
    }

    /** Fixed body lengths of several types and structures, so that random bodies often pass the length rules. */
    private static final int[] BODY_LENGTHS = {4, 8, 10, 16, 24, 32, 56, 64, 72, 80, 88, 108, 112};

    /**
     * Segments of one to three 1.0 or 1.3 messages of random types with random bodies: mostly small byte values,
     * so that flags, ports and lengths inside often mean something, and a statistics or error type up front.
     */
    static List<Frame> randomFrames(java.util.Random r, int count) {
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[][] messages = new byte[1 + r.nextInt(3)][];
            for (int k = 0; k < messages.length; k++) {
                boolean v10 = r.nextBoolean();
                int len = r.nextInt(3) == 0 ? BODY_LENGTHS[r.nextInt(BODY_LENGTHS.length)]
                    : r.nextInt(4) == 0 ? r.nextInt(200) : r.nextInt(40);
                byte[] body = new byte[len];
                for (int j = 0; j < len; j++) body[j] = (byte) (r.nextInt(3) == 0 ? r.nextInt(256) : r.nextInt(3));
                if (len >= 2 && r.nextBoolean()) {
                    boolean vendor = r.nextInt(8) == 0;
                    body[0] = (byte) (vendor ? 0xff : 0);
                    body[1] = (byte) (vendor ? 0xff : r.nextInt(7));
                }
                messages[k] = message(v10 ? V10 : V13, r.nextInt(v10 ? 23 : 31), r.nextInt(100), body);
            }
            Frame frame = tcp(messages);
            int payload = 14 + 20 + 20;
            f.add(r.nextBoolean() ? frame : frame.cut(payload + r.nextInt(frame.bytes().length - payload)));
        }
        return f;
    }

    /** Ethernet frames as PACKET_IN and PACKET_OUT carry them (decoded with -vvv): ARP, IPv4/UDP, IPv4/TCP. */
    static List<byte[]> carried() {
        return List.of(
            ethernet(0x0806, arp(1, MAC_A, IP_A, zeros(6), IP_B)),
            ethernet(0x0800, ipv4(17, udp(40000, 40001, ascii("openflow"), IP_A, IP_B))),
            ethernet(0x0800, ipv4(6, TestFrames.tcp(40000, 5001, 7, 9, 0x012, 1024, 0, hex("020405b4"), ascii("data"),
                IP_A, IP_B))));
    }

    /** 5.4.1 PACKET_IN: no buffer, total_len, in_port, reason ACTION, pad, then {@code frame}. */
    static byte[] packetIn(byte[] frame) {
        return of10(10, 0x20, hex("ffffffff"), u16(frame.length), hex("0002 01 00"), frame);
    }

    /** 5.3.6 PACKET_OUT: buffer_id, in_port CONTROLLER, one OUTPUT action, then {@code frame}. */
    static byte[] packetOut(byte[] frame) {
        return of10(13, 0x21, hex("ffffffff fffd 0008"), action(0, "0001 0000"), frame);
    }

    /**
     * PACKET_IN and PACKET_OUT with carried frames: each of {@link #carried}; frames longer than the message's data
     * (cut inside the IPv4 payload, inside the TCP header, inside the IPv4 header), shorter than an Ethernet header,
     * an LLC one, an IPv4 one of version 0, a VLAN-tagged ARP one, whole and cut inside the tag; followed by other
     * messages in the segment.
     */
    static List<Frame> carriedFrames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] c : carried()) {
            f.add(tcp(packetIn(c)));
            f.add(tcp(packetOut(c)));
        }
        byte[] arp = carried().get(0), udp = carried().get(1), tcp = carried().get(2);
        f.add(tcp(packetIn(arp), of10(0, 0x22), of10(2, 0x23, ascii("abcd")), packetOut(tcp), of10(18, 0x24)));
        f.add(tcp(packetIn(java.util.Arrays.copyOf(udp, udp.length - 4)), of10(2, 0x25, ascii("ping")), of10(3, 0x26)));
        f.add(tcp(packetOut(java.util.Arrays.copyOf(tcp, 14 + 20 + 10)), of10(0, 0x27)));
        f.add(tcp(packetIn(java.util.Arrays.copyOf(udp, 14 + 12)), of10(0, 0x28)));
        f.add(tcp(packetIn(hex("0102030405060708")), of10(0, 0x29)));
        byte[] version0 = udp.clone();
        version0[14] = 0x05;
        f.add(tcp(packetIn(version0), of10(2, 0x2b, ascii("ping"))));
        byte[] tagged = vlan(100, 0x0806, java.util.Arrays.copyOfRange(arp, 14, arp.length));
        f.add(tcp(packetOut(tagged), of10(2, 0x2c, ascii("ping"))));
        f.add(tcp(packetIn(java.util.Arrays.copyOf(tagged, 16)), of10(2, 0x2d, ascii("ping"))));
        f.add(tcp(43210, 6653, packetOut(ethernet(0x0026, hex("424203 0000 00 00"))), of10(19, 0x2a)));
        // printers that name a marker other than their transport's (DNS above UDP, BGP above TCP, IGMP, GRE): a
        // message after the frame, cut, ends with the last one's name
        for (byte[] named : List.of(
                ethernet(0x0800, ipv4(17, udp(40000, 53, hex("1234 0100 0001 0000 0000 0000 03777777 00 0001 0001"),
                    IP_A, IP_B))),
                ethernet(0x0800, ipv4(6, TestFrames.tcp(179, 40000, 1, 2, 0x018, 502, 0, new byte[0],
                    hex("ffffffffffffffffffffffffffffffff 0013 04"), IP_A, IP_B))),
                ethernet(0x0800, ipv4(2, hex("1164ee9b00000000"))),
                ethernet(0x0800, ipv4(47, hex("0000 0800 4500"))))) {
            f.add(tcp(packetIn(named), of10(2, 0x2e, ascii("ping"))));
        }
        // a TCP reset to BGP's port: at -vvv (the frame at vflag 0) BGP prints it and names the marker, from -vvvv
        // TCP prints the reset's data and keeps its own name
        f.add(tcp(packetIn(ethernet(0x0800, ipv4(6, TestFrames.tcp(179, 40000, 1, 2, 0x014, 502, 0, new byte[0],
            hex("ffffffffffffffffffffffffffffffff 0013 04"), IP_A, IP_B)))), of10(2, 0x30, ascii("ping"))));
        // the same through VXLAN, Geneve and GRE: the last printer of the frame or packet they carry names it
        for (byte[] tunnel : CarriedFrames.tunnels(IP_A, IP_B)) {
            f.add(tcp(packetIn(ethernet(0x0800, tunnel)), of10(2, 0x2f, ascii("ping"))));
        }
        return f;
    }

    static List<Frame> of13Frames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] m : of13Messages()) f.add(tcp(m));
        f.add(tcp(of13(0, 1), of13(5, 2), of13(2, 3, ascii("abcd")), of13(20, 4), hex("0400")));
        f.add(tcp(43210, 6653, of13(0, 1, hex("0001 0008 00000010")), of13(6, 5, zeros(24)), of13(26, 2),
            of13(27, 2, zeros(24)), of13(24, 3, zeros(16))));
        return f;
    }
}
