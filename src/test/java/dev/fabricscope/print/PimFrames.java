package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * PIM messages built from RFC 7761's layouts (section 4.9: Hello options, Register, Register-Stop, Join/Prune,
 * Bootstrap, Assert, Candidate-RP-Advertisement, encoded addresses), RFC 3973's Graft, Graft-Ack and State Refresh,
 * RFC 5015's DF Election and RFC 2117's unencoded addresses, over IPv4 and IPv6, with correct checksums (over the
 * message, and the IPv6 pseudo-header) unless a frame breaks one on purpose.
 */
final class PimFrames {
    private PimFrames() { }

    static final byte[] ALL_PIM_ROUTERS = {(byte) 224, 0, 0, 13};
    static final byte[] ALL_PIM_ROUTERS6 = hex("ff02000000000000000000000000000d");

    /** The 4-byte header (version 2), the checksum set over the first {@code summed} bytes (-1: all) or broken. */
    static byte[] message(int type, int reserved, byte[] body, byte[] pseudo, int summed, boolean bad) {
        byte[] m = concat(new byte[] {(byte) (0x20 | type), (byte) reserved, 0, 0}, body);
        byte[] covered = summed < 0 ? m : java.util.Arrays.copyOf(m, summed);
        int c = (pseudo == null ? checksum(covered) : checksum(pseudo, covered)) ^ (bad ? 0x0101 : 0);
        m[2] = (byte) (c >>> 8);
        m[3] = (byte) c;
        return m;
    }

    static Frame v4(int type, int reserved, byte[] body) {
        return v4(message(type, reserved, body, null, -1, false));
    }

    static Frame v4(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(PimFormatter.PROTOCOL, message, 0xc0, 1, 0x77, 0, new byte[0], -1, IP_A,
            ALL_PIM_ROUTERS)));
    }

    static Frame v6(int type, int reserved, byte[] body, int summed) {
        byte[] m = concat(new byte[4], body);
        int covered = summed < 0 ? m.length : summed;
        byte[] pseudo = pseudo(IP6_A, ALL_PIM_ROUTERS6, PimFormatter.PROTOCOL, covered);
        byte[] ip = ipv6(PimFormatter.PROTOCOL, message(type, reserved, body, pseudo, summed, false), 0x60000000L, IP6_A,
            ALL_PIM_ROUTERS6);
        ip[7] = 1;
        return new Frame(ethernet(0x86dd, ip));
    }

    static byte[] option(int type, String value) {
        byte[] v = hex(value);
        return concat(u16(type), u16(v.length), v);
    }

    static byte[] unicast(String ipv4) {
        return concat(hex("0100"), hex(ipv4));
    }

    static byte[] unicast6(String ipv6) {
        return concat(hex("0200"), hex(ipv6));
    }

    static byte[] group(int flags, int mask, String ipv4) {
        return concat(new byte[] {1, 0, (byte) flags, (byte) mask}, hex(ipv4));
    }

    static byte[] source(int flags, int mask, String ipv4) {
        return group(flags, mask, ipv4);
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(v4(0, 0, concat(option(1, "0069"), option(2, "81f409c4"), option(19, "00000001"), option(20, "12345678"),
            option(21, "013c0000"), option(22, ""), option(24, "0100 0a000001 0100 0a000002"), option(99, "abcdef"),
            option(18, ""), option(21, "0200 0102"))));
        f.add(v6(0, 0, concat(option(1, "ffff"), option(19, "00000064"),
            option(65001, "0200 fe800000000000000000000000000002")), -1));
        byte[] udp = udp(5000, 5001, ascii("data"), hex("c0a80001"), hex("e8010101"));
        byte[] innerIp = ipv4(17, udp, 0, 63, 5, 0, new byte[0], -1, hex("c0a80001"), hex("e8010101"));
        f.add(v4(message(1, 0, concat(u32(0), innerIp), null, 8, false)));
        f.add(v4(message(1, 0, concat(u32(0x40000000L), innerIp), null, -1, false)));
        f.add(v4(message(1, 0, concat(u32(0x80000000L), hex("00000000 00000000 00000000 c0a80001 e8010101")), null, 8,
            false)));
        f.add(v4(message(1, 0, concat(u32(0), hex("7f")), null, 8, false)));
        f.add(v6(1, 0, concat(u32(0), ipv6(59, new byte[0], 0x60000000L, IP6_A, IP6_B)), 8));
        f.add(v4(2, 0, concat(group(0, 32, "e8010101"), unicast("c0a80001"))));
        f.add(v4(3, 0, concat(unicast("0a000002"), hex("00 02 00d2"), group(0, 32, "e8010101"), u16(2), u16(1),
            source(7, 32, "c0a80001"), source(0x0c, 24, "c0a80100"), source(4, 32, "0a0000fe"),
            group(0x80, 24, "ef000000"), u16(0), u16(0))));
        f.add(v4(3, 0, concat(unicast("0a000002"), hex("00 00 ffff"))));
        f.add(v4(6, 0, concat(unicast("0a000002"), hex("00 01 0000"), group(0, 32, "e8010101"), u16(1), u16(0),
            source(0, 32, "c0a80001"))));
        f.add(v4(7, 0, concat(hex("00 01 0000"), group(0, 32, "e8010101"), u16(0), u16(0))));
        f.add(v4(4, 0, concat(u16(0x1234), hex("1e 64"), unicast("0a000001"), group(0, 4, "e0000000"), hex("02 02 0000"),
            unicast("0a000001"), u16(150), hex("01 00"), unicast("0a000002"), u16(150), hex("02 00"),
            group(0, 8, "ef000000"), hex("01 01 0000"), unicast("0a000003"), u16(90), hex("00 00"))));
        f.add(v4(5, 0, concat(group(0, 32, "e8010101"), unicast("c0a80001"), u32(0x80000065L), u32(10))));
        f.add(v4(8, 0, concat(hex("02 c0 0096"), unicast("0a000001"), group(0, 4, "e0000000"), group(0, 8,
            "ef000000"))));
        f.add(v4(9, 0, concat(unicast("c0a80001"), group(0, 32, "e8010101"), unicast("0a000002"), u16(60), zeros(6))));
        f.add(v4(10, 0x10, concat(unicast("0a000009"), u32(100), u32(20))));
        f.add(v4(10, 0x30, concat(unicast("0a000009"), u32(100), u32(20), unicast("0a000003"), u32(110), u32(30),
            u16(500))));
        f.add(v4(10, 0x40, concat(unicast("0a000009"), u32(100), u32(20), unicast("0a000004"), u32(120), u32(40))));
        f.add(v4(10, 0x20, concat(unicast("0a000009"), u32(100))));
        f.add(v4(11, 0, zeros(8)));
        f.add(v4(14, 0, zeros(4)));
        f.add(v4(3, 0x04, concat(hex("0a000002"), hex("00 01 00d2"), hex("00 20 e8010101"), u16(1), u16(0),
            hex("05 20 c0a80001"))));
        f.add(v4(3, 0x03, concat(hex("0a000002"), hex("00 01 00d2"))));
        f.add(v4(message(0, 0, option(1, "0069"), null, -1, true)));
        byte[] zeroSum = concat(hex("2000 0000"), option(1, "0069"));
        f.add(v4(zeroSum));
        f.add(v4(0, 0, concat(option(1, "000069"), option(19, "01"))));
        f.add(v4(0, 0, option(20, "01")));
        f.add(v4(3, 0, concat(hex("0300 0a000002"), hex("00 01 00d2"))));
        f.add(v4(3, 0, concat(unicast("0a000002"), hex("00 01 00d2"), hex("01 00 00 20"))));
        f.add(v4(hex("10 00 0000 0a000001")));
        f.add(v4(hex("20")));
        f.add(v4(hex("2000 0000")));
        return f;
    }
}
