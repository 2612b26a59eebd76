package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * PPTP control messages (RFC 2637 layouts) on TCP 1723 against tcpdump 4.99 itself: each of the fifteen messages,
 * known and unknown codes, non-zero reserved fields, a wrong magic cookie, names with control characters and
 * without a NUL, and 1723's place in tcpdump's port order; whole, cut after every byte, mutated.
 */
class PptpFormatterTest extends TcpdumpConformance {
    static Frame tcp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1, 1, 0x18, 512, 0, new byte[0], payload, IP_A,
            IP_B))));
    }

    /** The 12-byte header (length, message type 1, cookie, control type, reserved) and the body. */
    static byte[] control(int type, byte[] body) {
        return concat(u16(12 + body.length), u16(1), hex("1a2b3c4d"), u16(type), u16(0), body);
    }

    static byte[] field(String text, int size) {
        byte[] b = new byte[size];
        byte[] t = ascii(text);
        System.arraycopy(t, 0, b, 0, Math.min(size, t.length));
        return b;
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] names = concat(field("host.example", 64), field("Vendor\u0001", 64));
        f.add(tcp4(40000, 1723, control(1, concat(hex("0100 0000 00000003 00000003 0010 0200"), names))));
        f.add(tcp4(1723, 40000, control(2, concat(hex("0100 01 00 00000001 00000002 0000 0001"), names))));
        f.add(tcp4(1723, 40000, control(2, concat(hex("0100 09 09 00000000 00000000 0000 0001"),
            field("x".repeat(70), 64), field("", 64)))));
        f.add(tcp4(40000, 1723, control(3, hex("01 00 0000"))));
        f.add(tcp4(40000, 1723, control(3, hex("07 01 0002"))));
        f.add(tcp4(1723, 40000, control(4, hex("01 00 0000"))));
        f.add(tcp4(1723, 40000, control(4, hex("03 07 0000"))));
        f.add(tcp4(40000, 1723, control(5, hex("0000abcd"))));
        f.add(tcp4(1723, 40000, control(6, hex("0000abcd 02 01 0005"))));
        f.add(tcp4(40000, 1723, control(7, concat(hex("0001 0002 00000960 05f5e100 00000003 00000002 0040 0000 0005 0000"),
            field("5551234567", 64), field("sub", 64)))));
        f.add(tcp4(40000, 1723, control(7, concat(hex("0001 0002 00000960 05f5e100 00000004 00000000 0040 0000 00c8 0001"),
            field("5551234567", 64), field("", 64)))));
        f.add(tcp4(1723, 40000, control(8, hex("0002 0001 01 00 0000 0000fa00 0040 0000 00000007"))));
        f.add(tcp4(1723, 40000, control(8, hex("0002 0001 08 06 0010 0000fa00 0040 0000 00000007"))));
        f.add(tcp4(1723, 40000, control(9, concat(hex("0003 0004 00000001 00000009 0003 0040"), field("123", 64),
            field("4567890123", 64), field("", 64)))));
        f.add(tcp4(40000, 1723, control(10, hex("0005 0003 01 00 0040 0000 0000"))));
        f.add(tcp4(40000, 1723, control(10, hex("0005 0003 04 07 0040 0000 0009"))));
        f.add(tcp4(1723, 40000, control(11, hex("0003 0000 0000fa00 0040 0000 00000003"))));
        f.add(tcp4(40000, 1723, control(12, hex("0005 0000"))));
        f.add(tcp4(1723, 40000, control(13, concat(hex("0005 03 00 0000 0000"), field("stats: 1 2 3", 128)))));
        f.add(tcp4(1723, 40000, control(13, concat(hex("0005 05 00 0000 0001"), field("y".repeat(130), 128)))));
        f.add(tcp4(40000, 1723, control(14, hex("0003 0000 00000001 00000002 00000003 00000004 00000005 00000006"))));
        f.add(tcp4(40000, 1723, control(15, hex("0003 0000 ffffffff 0000000a"))));
        f.add(tcp4(40000, 1723, control(0, hex("00000000"))));
        f.add(tcp4(40000, 1723, control(16, hex("00000000"))));
        byte[] bad = control(5, hex("00000001"));
        bad[3] = 2;
        bad[4] = 0x11;
        bad[11] = 9;
        f.add(tcp4(40000, 1723, bad));
        byte[] unknownType = control(5, hex("00000001"));
        unknownType[3] = 7;
        f.add(tcp4(40000, 1723, unknownType));
        f.add(tcp4(179, 1723, hex("ffffffffffffffffffffffffffffffff 0013 04")));   // BGP before PPTP
        f.add(tcp4(1723, 6379, control(5, hex("00000002"))));                     // PPTP before RESP
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The PPTP message: after the IPv4 and 20-byte TCP headers. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 20;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("PPTP", 0x6bb, 10, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e -v -x")
            .cut("-x", "-v")
            .mutated("-v -x", "")
            .allocation("", "-v");
    }
}
