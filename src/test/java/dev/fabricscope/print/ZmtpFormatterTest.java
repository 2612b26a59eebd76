package dev.fabricscope.print;

import static dev.fabricscope.print.PgmFormatterTest.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * ZMTP/1.0 (the ZeroMQ RFC 13 framing: a length byte, or 0xff and a 64-bit length, then flags and body) against
 * tcpdump 4.99 itself: over TCP with -T zmtp1 and in PGM ODATA/RDATA (over IP and UDP) with -T pgm_zmtp1, at the
 * verbosities where the body dumps change (-v: 128 bytes, -vv: all); whole, cut after every byte, mutated.
 */
class ZmtpFormatterTest extends TcpdumpConformance {
    /** A frame with an 8-bit length (flags + body). */
    static byte[] frame(int flags, byte[] body) {
        return concat(new byte[] {(byte) (1 + body.length), (byte) flags}, body);
    }

    static byte[] longFrame(long declared, int flags, byte[] body) {
        return concat(new byte[] {(byte) 0xff}, u32(declared >>> 32), u32(declared), new byte[] {(byte) flags}, body);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (0x20 + i % 96);
        return b;
    }

    static Frame tcp4(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(40000, 5555, 1, 1, 0x18, 512, 0, new byte[0], payload, IP_A,
            IP_B))));
    }

    /** An ODATA (or RDATA) carrying {@code datagram} (the frame offset, then frames), TSDU length {@code tsdu}. */
    static byte[] odata(int type, int tsdu, byte[] datagram) {
        return pgm(13320, 5563, type, 0, tsdu, concat(u32(5), u32(1), datagram));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] two = concat(frame(0x01, ascii("topic")), frame(0x00, ascii("hello world")));
        f.add(tcp4(two));
        f.add(tcp4(concat(frame(0x00, new byte[0]), frame(0xfe, bytes(3)), hex("00"))));
        f.add(tcp4(concat(longFrame(201, 0x00, bytes(200)), frame(0x01, bytes(140)))));
        f.add(tcp4(longFrame(0, 0, new byte[0])));
        f.add(tcp4(concat(new byte[] {40, 0}, bytes(10))));   // longer than sent
        f.add(tcp4(longFrame(0xfffffffffffffff7L, 0x00, bytes(4))));
        f.add(tcp4(hex("ff0000")));
        f.add(tcp4(hex("05")));
        byte[] datagram = concat(u16(0), two);
        f.add(v4(odata(4, datagram.length, datagram)));
        f.add(v4(odata(5, datagram.length, datagram)));
        byte[] intermediate = concat(u16(6), ascii("tail.."), frame(0x00, bytes(150)));
        f.add(v4(odata(4, intermediate.length, intermediate)));
        byte[] big = concat(u16(140), bytes(140), frame(0, bytes(2)));
        f.add(v4(odata(4, big.length, big)));
        f.add(v4(odata(4, 10, concat(u16(20), bytes(8)))));   // offset past the declared length
        f.add(v4(odata(4, 1, concat(u16(0xffff), bytes(8)))));   // 0xffff: the rest; a length below 2 wraps
        f.add(v4(odata(4, 30, concat(u16(0xffff), bytes(8)))));
        f.add(v4(odata(4, 4, concat(u16(0), frame(0, bytes(9))))));   // frames past the declared length
        f.add(v4(pgm(13320, 5563, 4, 1, 0, concat(u32(5), u32(1), options(opt(0x0d, "0000")), datagram))));
        f.add(v4(odata(0, 0, spm(1, IP_A))));
        f.add(udp4(40000, 7500, odata(4, datagram.length, datagram)));
        f.add(v6(odata(5, datagram.length, datagram)));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the IPv4 header's length for every frame, as before; mutated after the IP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("ZMTP", 0x2e70, 10, 4, 40, MutatedFrames.ALL))
            .whole("-T zmtp1", "-T zmtp1 -v", "-T zmtp1 -vv", "-T pgm_zmtp1", "-T pgm_zmtp1 -v", "-T pgm_zmtp1 -vv",
                "-T pgm_zmtp1 -e -v -x", "-T zmtp1 -q")
            .cut("-T zmtp1 -v -x", "-T pgm_zmtp1 -v -x", "-T pgm_zmtp1 -vv")
            .allocation("-T zmtp1 -vv", "-T pgm_zmtp1 -v", "-T pgm_zmtp1 -vv");
    }
}
