package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LBL whiteboard messages to UDP 4567 and under {@code -T wb} against tcpdump 4.99 (print-wb.c): each message type, drawing
 * operations with skips and holes, short and odd ones; whole, cut after every byte and mutated.
 */
class WbFormatterTest extends TcpdumpConformance {
    private static final byte[] SITE = hex("0a000101"), PEER = hex("0a000102");

    static Frame over4(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(4567, 4567, payload, IP_A, IP_B))));
    }

    /** The header: source, timestamp, version, type, flags. */
    static byte[] wb(int type, int flags, byte[] body) {
        return concat(SITE, u32(1234), u16(1), new byte[] {(byte) type, (byte) flags}, body);
    }

    /** A drawing operation: timestamp, body length, flags, type, then the body padded to 4. */
    static byte[] op(long ts, int type, int bodyLength) {
        return concat(u32(ts), u16(bodyLength), new byte[] {0, (byte) type}, zeros((bodyLength + 3) & ~3));
    }

    static byte[] page(long uid, long start, long last) {
        return concat(PEER, u32(uid), u32(start), u32(last));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] ids = concat(PEER, u32(5), SITE, u32(6));
        f.add(over4(wb(1, 0, concat(u32(3), SITE, u32(4), u32(1), PEER, u32(2), u16(2), u16(0), ids, 
            concat(ascii("lbl"), hex("e90100"), ascii("x"))))));
        f.add(over4(wb(1, 1, concat(u32(3), SITE, u32(4), u32(1), PEER, u32(2), u16(0), u16(0), ascii("site")))));
        f.add(over4(wb(1, 0, concat(u32(3), SITE, u32(4), u32(1), PEER, u32(2), u16(9), u16(0)))));   // ids past it
        f.add(over4(wb(2, 0, concat(SITE, page(7, 10, 20)))));
        f.add(over4(wb(3, 2, concat(SITE, page(7, 10, 14), op(1, 2, 4), op(2, 9, 7), op(13, 14, 0), op(14, 3, 0),
            op(15, 99, 0)))));
        f.add(over4(wb(0, 0, concat(page(8, 1, 6), op(1, 8, 1), op(4, 15, 2), op(9, 5, 0)))));   // a hole past the end
        f.add(over4(wb(0, 0, concat(page(8, 5, 9), op(3, 14, 0), op(9, 5, 0)))));   // a skip backwards
        f.add(over4(wb(0, 0, concat(page(8, 0xfffffffeL, 0xffffffffL), op(1, 10, 0), op(1, 10, 0), op(1, 10, 0)))));
        f.add(over4(wb(5, 0, concat(PEER, u32(9), u32(1), u32(2)))));
        f.add(over4(wb(7, 0, concat(u32(2), u32(1), PEER, u32(2), new byte[] {2, 0}, u16(0), ids, u32(3), SITE, u32(4),
            u16(0), u16(0)))));
        f.add(over4(wb(7, 0, concat(u32(5), u32(1), PEER, u32(2), u16(0), u16(0)))));   // more states than sent
        f.add(over4(wb(4, 0, new byte[0])));
        f.add(over4(wb(6, 0, zeros(8))));
        f.add(over4(wb(2, 0, zeros(8))));
        f.add(over4(wb(3, 0, zeros(8))));
        f.add(over4(wb(0, 0, zeros(8))));
        f.add(over4(wb(5, 0, zeros(8))));
        f.add(over4(wb(7, 0, new byte[0])));
        f.add(over4(wb(1, 0, zeros(20))));
        f.add(over4(hex("0a00010100000001000101")));
        f.add(over4(new byte[0]));
        return f;
    }

    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    /** print-udp.c: to 4567 only, after AHCP, Babel and HNCP, before Cisco's auto-RP and RADIUS. */
    @Test
    void portOrderAsPrintUdp() {
        org.junit.jupiter.api.Assertions.assertEquals(UdpPorts.Decoder.WB, UdpPorts.decoder(1812, 4567));
        org.junit.jupiter.api.Assertions.assertEquals(UdpPorts.Decoder.NONE, UdpPorts.decoder(4567, 40000));
        org.junit.jupiter.api.Assertions.assertEquals(UdpPorts.Decoder.HNCP, UdpPorts.decoder(8231, 4567));
        org.junit.jupiter.api.Assertions.assertEquals(UdpPorts.Decoder.WB, UdpPorts.decoder(496, 4567));
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the IPv4 header for every frame, as before; mutated after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return payload(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("WB", 4567, 20, 4, 24, MutatedFrames.ALL))
            .whole("-T wb", "-T wb -v", "-T wb -q", "-T wb -e -x", "", "-v", "-q", "-vv")
            .cut("-T wb -x", "-T wb -v", "-x")
            .mutated("-T wb -v -x", "-v -x")
            .allocation("-T wb", "-T wb -v");
    }
}
