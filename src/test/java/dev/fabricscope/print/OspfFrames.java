package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * OSPFv2 packets built from RFC 2328's layouts (appendix A), with the LSAs of RFC 3101 (NSSA), 5250 (opaque),
 * 3630/4203/4124 (traffic engineering), 3623 (grace), 7770 (router information) and the LLS block of RFC 5613.
 * Packet checksums are set (tcpdump does not verify them; a router would).
 */
final class OspfFrames {
    private OspfFrames() { }

    static final byte[] ALL_SPF_ROUTERS = {(byte) 224, 0, 0, 5};
    static final int NONE = 0, SIMPLE = 1, MD5 = 2;

    /** The OSPFv2 header (length and checksum computed over {@code body}) then {@code body} then {@code trailer}. */
    static byte[] packet(int version, int type, String routerId, String area, int authType, byte[] auth, byte[] body,
                         byte[] trailer) {
        byte[] header = concat(new byte[] {(byte) version, (byte) type}, u16(24 + body.length), hex(routerId),
            hex(area), u16(0), u16(authType), auth);
        byte[] whole = concat(header, body);
        byte[] summed = whole.clone();
        for (int i = 16; i < 24; i++) summed[i] = 0;   // the checksum leaves out the authentication field
        int c = checksum(summed);
        whole[12] = (byte) (c >>> 8);
        whole[13] = (byte) c;
        return concat(whole, trailer);
    }

    static byte[] packet(int type, byte[] body) {
        return packet(2, type, "0a000001", "00000000", NONE, zeros(8), body, new byte[0]);
    }

    static Frame frame(byte[] ospf) {
        return new Frame(ethernet(0x0800, ipv4(OspfFormatter.PROTOCOL, ospf, 0xc0, 1, 0x1234, 0, new byte[0], -1,
            IP_A, ALL_SPF_ROUTERS)));
    }

    /** An LSA: the 20-byte header (length from the body) then the body. */
    static byte[] lsa(int age, int options, int type, String id, String router, long seq, byte[] body) {
        return concat(u16(age), new byte[] {(byte) options, (byte) type}, hex(id), hex(router), u32(seq), u16(0),
            u16(20 + body.length), body);
    }

    static byte[] lsaHeader(int type, String id, int length) {
        return concat(u16(3600), new byte[] {0x22, (byte) type}, hex(id), hex("0a000002"), u32(0x80000001L),
            u16(0xabcd), u16(length));
    }

    static byte[] tlv(int type, byte[] value) {
        int padded = (value.length + 3) & ~3;
        return concat(u16(type), u16(value.length), value, zeros(padded - value.length));
    }

    /** A TLV whose length field says {@code length} whatever its value holds. */
    static byte[] tlv(int type, int length, byte[] value) {
        return concat(u16(type), u16(length), value);
    }

    static byte[] hello(int options, String dr, String bdr, String... neighbors) {
        byte[] b = concat(hex("ffffff00"), u16(10), new byte[] {(byte) options, 1}, u32(40), hex(dr), hex(bdr));
        for (String n : neighbors) b = concat(b, hex(n));
        return b;
    }

    static byte[] update(byte[]... lsas) {
        return concat(u32(lsas.length), concat(lsas));
    }

    static byte[] floats(float... values) {
        byte[] out = new byte[0];
        for (float v : values) out = concat(out, u32(Float.floatToRawIntBits(v) & 0xffffffffL));
        return out;
    }

    static byte[] routerLsa() {
        byte[] links = concat(
            hex("0a000002 0a000101"), new byte[] {1, 0}, u16(10),
            hex("0a000102 0a000101"), new byte[] {2, 1}, u16(20), new byte[] {1, 0}, u16(30),
            hex("0a000200 ffffff00"), new byte[] {3, 2}, u16(1), new byte[] {2, 0}, u16(5), new byte[] {9, 0}, u16(7),
            hex("0a000009 0a000003"), new byte[] {4, 0}, u16(40));
        return lsa(1, 0x22, 1, "0a000001", "0a000001", 0x80000002L, concat(new byte[] {(byte) 0x9b, 0}, u16(4), links));
    }

    static byte[] teLsa() {
        byte[] link = concat(
            tlv(1, new byte[] {1}), tlv(2, hex("0a000002")), tlv(3, hex("0a000101")), tlv(4, hex("0a000102")),
            tlv(5, u32(100)), tlv(6, floats(1.25e9f)), tlv(7, floats(1.0e9f)),
            tlv(8, floats(1e8f, 2e8f, 3e8f, 4e8f, 5e8f, 6e8f, 7e8f, 1.1e-3f)), tlv(9, u32(0x80000001L)),
            tlv(11, hex("00000001 00000002")), tlv(14, hex("0a000000")),
            tlv(15, concat(new byte[] {51, 2, 0, 0}, floats(1, 2, 3, 4, 5, 6, 7, 8))),
            tlv(16, concat(u32(1), u32(2), u32(3))), tlv(17, concat(hex("01000000"), floats(125000f, 250000f))),
            tlv(99, hex("0102030405")));
        byte[] body = concat(tlv(1, hex("0a0000ff")), tlv(2, link), tlv(7, hex("deadbeef")));
        return lsa(5, 0x62, 10, "01000007", "0a000001", 0x80000010L, body);
    }

    static byte[] graceLsa() {
        byte[] body = concat(tlv(1, u32(120)), tlv(2, new byte[] {1}), tlv(3, hex("0a000101")), tlv(9, hex("aabbcc")));
        return lsa(1, 0x02, 9, "03000000", "0a000001", 0x80000001L, body);
    }

    static byte[] routerInformationLsa() {
        byte[] body = concat(tlv(1, u32(0x3f0)), tlv(8, hex("01020304")));
        return lsa(1, 0x42, 10, "04000000", "0a000001", 0x80000001L, body);
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] plain = zeros(8);
        // Hellos: neighbours, DR/BDR; simple password; MD5 with its digest after the packet
        f.add(frame(packet(1, hello(0x12, "0a000001", "0a000002", "0a000002", "0a000003"))));
        f.add(frame(packet(2, 1, "0a000001", "00000001", SIMPLE, ascii("secret\0\0"), hello(0x02, "00000000",
            "00000000"), new byte[0])));
        f.add(frame(packet(2, 1, "0a000001", "c0a80000", MD5, hex("0000 07 10 0000abcd"), hello(0x42, "00000000",
            "0a000002", "0a000002"), hex("00112233445566778899aabbccddeeff"))));
        f.add(frame(packet(2, 1, "0a000001", "00000000", SIMPLE, ascii("longpassword"), new byte[0], new byte[0])));
        // LLS after a Hello (Extended Options, Crypto Auth, an unknown TLV); then with MD5 authentication
        byte[] lls = concat(hex("ffff"), u16(9), tlv(1, u32(3)), tlv(2, concat(u32(77), zeros(16))), tlv(5, u32(0)));
        f.add(frame(packet(2, 1, "0a000001", "00000000", NONE, plain, hello(0x12, "00000000", "00000000"), lls)));
        f.add(frame(packet(2, 1, "0a000001", "00000000", MD5, hex("0000 01 10 00000001"), hello(0x12, "0a000001",
            "00000000"), concat(zeros(16), hex("ffff"), u16(3), tlv(1, 2, u32(1)), zeros(16)))));
        f.add(frame(packet(2, 2, "0a000001", "00000000", NONE, plain, concat(u16(1500), new byte[] {0x52, 0x07},
            u32(0x1234), lsaHeader(1, "0a000001", 48)), hex("0000 0008 0001 0004 00000001"))));
        // Database description: flags, MTU, LSA headers (one opaque, one whose length is bogus)
        f.add(frame(packet(2, concat(u16(1500), new byte[] {0x42, 0x0f}, u32(0xdeadbeefL), lsaHeader(1, "0a000001", 48),
            lsaHeader(2, "0a000102", 32), lsaHeader(10, "01000007", 60), lsaHeader(8, "01020304", 24)))));
        f.add(frame(packet(2, concat(u16(0), new byte[] {0, 0}, u32(1), lsaHeader(3, "0a000000", 10),
            lsaHeader(3, "0a000000", 28)))));
        // LS requests
        f.add(frame(packet(3, concat(u32(1), hex("0a000001 0a000001"), u32(10), hex("01000007 0a000002"), u32(3),
            hex("0a000000 0a000003"), u32(0x1000), hex("01020304 05060708")))));
        // LS updates with every LSA kind
        f.add(frame(packet(4, update(routerLsa(),
            lsa(2, 0x22, 2, "0a000102", "0a000002", 0x80000001L, hex("ffffff00 0a000001 0a000002")),
            lsa(3, 0x22, 3, "0a000300", "0a000003", 0x80000001L, hex("ffffff00 00000010 01000020")),
            lsa(4, 0x22, 4, "0a000004", "0a000003", 0x80000001L, hex("00000000 00000030")),
            lsa(5, 0x20, 5, "c0a80000", "0a000004", 0x80000001L,
                hex("ffff0000 80ffffff 0a000009 00000000 00000064 00000000 0000002a 02000005 0a000001 00000001")),
            lsa(6, 0x08, 7, "c0a80100", "0a000004", 0x80000001L, hex("ffffff00 80000014 0a000009 00000000"))))));
        f.add(frame(packet(4, update(
            lsa(7, 0x22, 6, "e0000001", "0a000002", 0x80000001L, hex("00000001 0a000001 00000002 0a000002 00000007 01020304")),
            teLsa(), graceLsa(), routerInformationLsa(),
            lsa(1, 0x42, 11, "07000001", "0a000001", 0x80000001L, hex("0102030405")),
            lsa(1, 0x22, 8, "0a000001", "0a000001", 0x80000001L, hex("01020304"))))));
        // problems: a bogus LSA length, an unknown router link type, more LSAs announced than sent
        f.add(frame(packet(4, concat(u32(2), lsaHeader(1, "0a000001", 12)))));
        f.add(frame(packet(4, update(lsa(1, 0x22, 1, "0a000001", "0a000001", 1, concat(hex("0000 0002"),
            hex("0a000002 0a000101 07000001"), hex("0a000003 0a000101 01000001")))))));
        f.add(frame(packet(4, concat(u32(3), routerInformationLsa()))));
        // bad TLV lengths in TE, grace and router information LSAs
        f.add(frame(packet(4, update(
            lsa(1, 0x42, 10, "01000001", "0a000001", 1, concat(tlv(2, concat(tlv(6, u32(1)), tlv(1, hex("0102"))))))))));
        f.add(frame(packet(4, update(
            lsa(1, 0x42, 10, "01000001", "0a000001", 1, tlv(2, concat(tlv(16, 6, hex("00000001 0002")), zeros(2)))),
            lsa(1, 0x42, 10, "01000002", "0a000001", 1, tlv(2, concat(tlv(17, concat(hex("fe000000"), floats(1e6f)))))),
            lsa(1, 0x42, 10, "01000003", "0a000001", 1, tlv(2, tlv(17, hex("00000000 000000")))),
            lsa(1, 0x42, 10, "01000004", "0a000001", 1, tlv(2, tlv(8, u32(1)))),
            lsa(1, 0x42, 10, "01000005", "0a000001", 1, concat(tlv(1, hex("0a00")), tlv(3, 40, zeros(4)))),
            lsa(1, 0x42, 9, "03000001", "0a000001", 1, concat(tlv(1, hex("00000001 00000002")))),
            lsa(1, 0x42, 9, "03000002", "0a000001", 1, concat(tlv(2, hex("0909")), tlv(4, 3, hex("01")), zeros(8))),
            lsa(1, 0x42, 9, "03000003", "0a000001", 1, tlv(2, 9, hex("07"))),
            lsa(1, 0x42, 10, "04000001", "0a000001", 1, concat(tlv(1, hex("01")), tlv(1, 12, zeros(2)))),
            lsa(1, 0x42, 10, "04000002", "0a000001", 1, hex("000100"))))));
        // LS acknowledgements
        f.add(frame(packet(5, concat(lsaHeader(1, "0a000001", 48), lsaHeader(11, "07000001", 28)))));
        f.add(frame(packet(5, concat(lsaHeader(1, "0a000001", 48), lsaHeader(5, "00000000", 3)))));
        // unknown type, another version, unknown authentication, a length field that differs from the IP length
        f.add(frame(packet(2, 9, "0a000001", "00000000", NONE, plain, hex("00000000"), new byte[0])));
        f.add(frame(packet(3, 1, "0a000001", "00000000", NONE, plain, hex("00000000"), new byte[0])));
        f.add(frame(packet(2, 1, "0a000001", "00000000", 7, plain, hello(0, "00000000", "00000000"), new byte[0])));
        byte[] shortLength = packet(1, hello(0, "00000000", "00000000", "0a000002", "0a000003"));
        shortLength[3] -= 4;
        f.add(frame(shortLength));
        byte[] longLength = packet(1, hello(0, "00000000", "00000000", "0a000002"));
        longLength[3] += 8;
        f.add(frame(longLength));
        return f;
    }
}
