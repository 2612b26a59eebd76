package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.OspfFrames.tlv;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * OSPFv3 packets built from RFC 5340's layouts (appendix A), with the LLS block of RFC 5613 and the authentication
 * trailer of RFC 6506; checksums over the IPv6 pseudo-header are set (tcpdump does not verify them).
 */
final class Ospf6Frames {
    private Ospf6Frames() { }

    static final byte[] LINK_LOCAL = hex("fe800000000000000000000000000001");
    static final byte[] ALL_SPF_ROUTERS = hex("ff020000000000000000000000000005");

    static byte[] packet(int version, int type, int instance, byte[] body, byte[] trailer) {
        byte[] whole = concat(new byte[] {(byte) version, (byte) type}, u16(16 + body.length), hex("0a000001"),
            hex("00000000"), u16(0), new byte[] {(byte) instance, 0}, body);
        int c = checksum(pseudo(LINK_LOCAL, ALL_SPF_ROUTERS, OspfFormatter.PROTOCOL, whole.length), whole);
        whole[12] = (byte) (c >>> 8);
        whole[13] = (byte) c;
        return concat(whole, trailer);
    }

    static byte[] packet(int type, byte[] body) {
        return packet(3, type, 0, body, new byte[0]);
    }

    static Frame frame(byte[] ospf) {
        byte[] ip = ipv6(OspfFormatter.PROTOCOL, ospf, 0x6e000000L, LINK_LOCAL, ALL_SPF_ROUTERS);
        ip[7] = 1;
        return new Frame(ethernet(0x86dd, ip));
    }

    static byte[] hello(long options, String... neighbors) {
        byte[] b = concat(u32(5), u32(0x01000000L | options), u16(10), u16(40), hex("0a000001"), hex("0a000002"));
        for (String n : neighbors) b = concat(b, hex(n));
        return b;
    }

    static byte[] lsa(int type, String id, byte[] body) {
        return concat(u16(7), u16(type), hex(id), hex("0a000001"), u32(0x80000003L), u16(0x1234), u16(20 + body.length),
            body);
    }

    static byte[] header(int type, String id, int length) {
        return concat(u16(1800), u16(type), hex(id), hex("0a000002"), u32(0x80000001L), u16(0xbeef), u16(length));
    }

    static byte[] prefix(int length, int options, int metric, String bytes) {
        return concat(new byte[] {(byte) length, (byte) options}, u16(metric), hex(bytes));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(frame(packet(1, hello(0x13, "0a000002", "0a000003"))));
        byte[] lls = concat(hex("ffff"), u16(12), tlv(1, u32(1)));
        byte[] trailer = concat(u16(1), u16(32), u16(0), u16(9), u32(1), u32(0x10203L), zeros(16));
        f.add(frame(packet(3, 1, 0, hello(0x613), concat(lls, trailer))));
        f.add(frame(packet(3, 2, 0, concat(u32(0x413), u16(1500), new byte[] {0, 0x07}, u32(0x42)), concat(u16(7),
            u16(16), u16(0), u16(1), u32(0), u32(5)))));
        f.add(frame(packet(2, concat(u32(0x13), u16(1500), new byte[] {0, 0x17}, u32(0x1000),
            header(0x2001, "00000000", 40), header(0x0008, "00000005", 56), header(0xa009, "00000001", 44)))));
        f.add(frame(packet(3, concat(u16(0), u16(0x2001), hex("00000000 0a000002"), u16(0), u16(0x0008),
            hex("00000005 0a000002")))));
        byte[] router = lsa(0x2001, "00000000", concat(hex("03000033"),
            hex("01 00 000a 00000005 00000006 0a000002"), hex("02 00 0014 00000005 00000007 0a000003"),
            hex("04 00 0001 00000009 0000000a 0a000004")));
        byte[] network = lsa(0x2002, "00000005", concat(hex("00000013"), hex("0a000001 0a000002")));
        byte[] interArea = lsa(0x2003, "00000001", concat(u32(0x10), prefix(64, 0, 0, "20010db8 00000001"),
            prefix(0, 0x10, 0, ""), prefix(128, 0x0f, 0, "20010db8 00000000 00000000 00000001")));
        byte[] external = lsa(0x4005, "00000002", concat(u32(0x83000014L), prefix(48, 0x08, 0x2001, "20010db8 00010000"),
            hex("fe800000000000000000000000000009"), hex("0000002a"), hex("0a0000fe")));
        byte[] link = lsa(0x0008, "00000005", concat(u32(0x01000013L), LINK_LOCAL, u32(2),
            prefix(64, 0, 0, "20010db8 00000001"), prefix(96, 0x02, 0, "20010db8 00000002 00000003")));
        byte[] intra = lsa(0x2009, "00000001", concat(u16(2), u16(0x2001), hex("00000000 0a000001"),
            prefix(64, 0, 10, "20010db8 00000001"), prefix(128, 0x02, 0, "20010db8 00000000 00000000 00000001")));
        f.add(frame(packet(4, concat(u32(6), router, network, interArea, external, link, intra))));
        byte[] grace = lsa(0x000b, "00000000", concat(tlv(1, u32(60)), tlv(2, new byte[] {2})));
        byte[] te = lsa(0x000a, "00000001", concat(tlv(1, hex("0a0000ff")), tlv(2, tlv(5, u32(7)))));
        byte[] unknown = lsa(0xa00c, "00000000", hex("00010004 00000001"));
        f.add(frame(packet(4, concat(u32(3), grace, te, unknown))));
        f.add(frame(packet(4, concat(u32(1), lsa(0x2003, "00000001", concat(u32(1), prefix(200, 0, 0, "")))))));
        f.add(frame(packet(4, concat(u32(2), lsa(0x2001, "00000000", concat(hex("00000000"),
            hex("07 00 0001 00000009 0000000a 0a000004"))), lsa(0x2002, "00000005", hex("0000"))))));
        f.add(frame(packet(4, concat(u32(0xffffffffL), lsa(0x4005, "00000002", concat(u32(0x03000000L),
            prefix(32, 0, 0, "20010db8")))))));
        f.add(frame(packet(5, concat(header(0x2001, "00000000", 40), header(0x2002, "00000005", 4)))));
        f.add(frame(packet(3, 9, 0, hello(0), new byte[0])));
        f.add(frame(packet(2, 1, 0, hello(0), new byte[0])));
        f.add(frame(packet(3, 1, 7, hello(0x10), hex("ffff0004"))));
        byte[] longLength = packet(1, hello(0x13));
        longLength[3] += 4;
        f.add(frame(longLength));
        return f;
    }
}
