package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * BIND 9's lightweight resolver protocol (lib/lwres's packet layouts) against tcpdump 4.99 itself on UDP 921: no-op,
 * get addresses by name, get name by address and get rdata by name, as queries and responses, with aliases, IPv4,
 * IPv6 and other addresses, names without their NUL, addresses shorter than their family's, versions other than 0, a
 * length field other than the datagram's and bytes left over; whole at every verbosity, cut after every byte, mutated.
 */
class LwresFormatterTest extends TcpdumpConformance {
    static final int PORT = 921;

    /** The 28-byte header: length (the whole packet's), version, flags, serial, opcode, result, receive length, auth. */
    static byte[] lwres(int version, int flags, long opcode, byte[] body) {
        return lwres(28 + body.length, version, flags, opcode, body);
    }

    static byte[] lwres(long length, int version, int flags, long opcode, byte[] body) {
        return concat(u32(length), u16(version), u16(flags), u32(0x12345678L), u32(opcode), u32(0), u32(4096),
            hex("0000 0000"), body);
    }

    static byte[] name(String s) {
        return concat(ascii(s), hex("00"));
    }

    static byte[] counted(String s) {
        return concat(u16(s.length()), name(s));
    }

    static byte[] address(long family, String hexAddress) {
        byte[] a = hex(hexAddress);
        return concat(u32(family), u16(a.length), a);
    }

    static Frame udp(byte[] payload) {
        return udp(40000, payload);
    }

    static Frame udp(int sport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, TestFrames.udp(sport, PORT, payload, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        String www = "www.example.com";
        f.add(udp(lwres(0, 0, 0, new byte[0])));                                        // noop?
        f.add(udp(PORT, lwres(0, 1, 0, hex("0000"))));                                  // noop, extra
        f.add(udp(lwres(0, 0, 0x00010001L, concat(u32(0), u32(3), u16(www.length()), name(www)))));
        f.add(udp(lwres(0, 0, 0x00010001L, concat(u32(1), u32(1), u16(3), ascii("abc"), hex("41")))));  // no NUL
        f.add(udp(lwres(0, 0x8000, 0x00010001L, concat(u32(0), u32(0x12), u16(1), name("a")))));
        f.add(udp(lwres(0, 0, 0x00010001L, concat(u32(0), u32(2), u16(0), name("")))));
        f.add(udp(PORT, lwres(0, 1, 0x00010001L, concat(u32(0), u16(1), u16(3), u16(www.length()), name(www),
            counted("alias.example.com"), address(1, "c0000201"), address(2, "20010db8000000000000000000000001"),
            address(9, "0102")))));
        f.add(udp(PORT, lwres(0, 1, 0x00010001L, concat(u32(0), u16(0), u16(1), u16(1), name("a"),
            address(1, "c00002")))));                                                   // IPv4 of 3 bytes
        f.add(udp(PORT, lwres(0, 1, 0x00010001L, concat(u32(0), u16(0), u16(1), u16(1), name("a"),
            address(1, "c000020102")))));                                               // IPv4 of 5 bytes
        f.add(udp(lwres(0, 0, 0x00010002L, concat(u32(0), address(1, "c0000201")))));
        f.add(udp(lwres(0, 0, 0x00010002L, concat(u32(7), address(2, "20010db8"))))); // IPv6 too short
        f.add(udp(PORT, lwres(0, 1, 0x00010002L, concat(u32(0), u16(2), u16(www.length()), name(www),
            counted("a.example"), counted("b.example")))));
        f.add(udp(lwres(0, 0, 0x00010003L, concat(u32(0), u16(1), u16(28), u16(www.length()), name(www)))));
        f.add(udp(lwres(0, 0, 0x00010003L, concat(u32(0), u16(3), u16(16), u16(1), name("b")))));
        f.add(udp(lwres(0, 0, 0x00010003L, concat(u32(0), u16(77), u16(999), u16(1), name("b")))));
        f.add(udp(PORT, lwres(0, 1, 0x00010003L, concat(u32(0), u16(1), u16(1), u32(3725), u16(2), u16(1),
            counted(www), u16(4), hex("c0000201"), u16(4), hex("c0000202"), u16(3), hex("aabbcc")))));
        f.add(udp(PORT, lwres(0, 1, 0x00010003L, concat(u32(0), u16(255), u16(2), u32(0), u16(0), u16(0),
            counted("")))));
        f.add(udp(lwres(0, 0, 0x00020000L, hex("01020304"))));                          // unknown opcode
        f.add(udp(lwres(0, 3, 0x00020000L, new byte[0])));
        f.add(udp(lwres(1, 0, 0, hex("0102"))));                                         // version 1
        f.add(udp(lwres(100, 0, 0, 0, new byte[0])));                                   // length field wrong
        f.add(udp(lwres(20, 0, 0, 0x00010001L, concat(u32(0), u32(1), u16(1), name("a")))));
        f.add(udp(lwres(0, 0, 0x00010001L, concat(u32(0), u32(1), u16(40), name("a")))));   // name past the end
        f.add(udp(lwres(0, 1, 0x00010001L, concat(u32(0), u16(3), u16(0), u16(0), name("")))));   // aliases missing
        f.add(udp(hex("0000001c 0000 0000 00000000 00000000 00000000 00000000 0000")));  // header cut
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("LWRES", PORT, 16, 4, 30, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q", "-v -x")
            .cut("-x", "-v", "-vvv")
            .allocation("-v", "-vvv");
    }

    /** The LWRES packet: after the UDP header (the frames are all IPv4). */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
