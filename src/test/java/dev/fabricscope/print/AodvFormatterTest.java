package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AODV on its port 654 and under {@code -T aodv} against tcpdump 4.99 (print-aodv.c): requests, replies, errors,
 * acks, the IPv6 draft's types, hello and other extensions, over IPv4 and IPv6; whole, cut after every byte and
 * mutated.
 */
class AodvFormatterTest extends TcpdumpConformance {
    private static final byte[] DST = hex("0a000063"), ORIG = hex("0a000001");
    private static final byte[] DST6 = hex("20010db8000000000000000000000063"), ORIG6 = hex("20010db8000000000000000000000001");

    static Frame over4(int port, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(port, port, payload, IP_A, IP_B))));
    }

    static Frame over6(int port, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(port, port, payload, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    static List<Frame> frames(int port) {
        List<Frame> f = new ArrayList<>();
        byte[] rreq = concat(hex("01f80003"), u32(7), DST, u32(100), ORIG, u32(200));
        byte[] rrep = concat(hex("02c09f05"), DST, u32(101), ORIG, u32(3000));
        f.add(over4(port, rreq));
        f.add(over4(port, concat(rreq, hex("0104000003e8"))));   // hello
        f.add(over4(port, concat(rreq, hex("010200000064"))));   // hello, bad length
        f.add(over4(port, concat(rreq, hex("0104"))));   // hello cut by the length
        f.add(over4(port, concat(rreq, hex("0703aabbcc"))));   // other extension
        f.add(over4(port, concat(rreq, hex("07"))));   // one byte left: no extension
        f.add(over4(port, rrep));
        f.add(over4(port, concat(rrep, hex("0104000001f4"))));
        f.add(over4(port, concat(hex("03800002"), DST, u32(5), ORIG, u32(6))));
        f.add(over4(port, concat(hex("03000003"), DST, u32(5))));   // fewer destinations than counted
        f.add(over4(port, hex("0400")));
        f.add(over4(port, concat(hex("10000001"), u32(8), u32(9), u32(10), DST6, ORIG6)));   // draft RREQ
        f.add(over4(port, concat(hex("11400204"), u32(9), DST6, ORIG6, u32(60000))));   // draft RREP
        f.add(over4(port, concat(hex("12800001"), DST6, u32(11))));   // draft RERR
        f.add(over4(port, hex("1300")));
        f.add(over4(port, hex("05")));
        f.add(over4(port, java.util.Arrays.copyOf(rreq, 20)));   // short
        f.add(over4(port, new byte[0]));
        f.add(over6(port, concat(hex("01000003"), u32(7), DST6, u32(100), ORIG6, u32(200), hex("0104000003e8"))));
        f.add(over6(port, concat(hex("02000005"), DST6, u32(101), ORIG6, u32(3000))));
        f.add(over6(port, concat(hex("03800002"), DST6, u32(5), ORIG6, u32(6))));
        f.add(over6(port, concat(hex("01000003"), u32(7), DST6)));
        return f;
    }

    static List<Frame> all() {
        List<Frame> f = new ArrayList<>(frames(AodvFormatter.PORT));
        f.addAll(frames(40000));
        return f;
    }

    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.RIP, UdpPorts.decoder(520, 654));
        assertEquals(UdpPorts.Decoder.AODV, UdpPorts.decoder(654, 500));
        assertEquals(UdpPorts.Decoder.AODV, UdpPorts.decoder(4500, 654));
        assertEquals(UdpPorts.Decoder.ISAKMP, UdpPorts.decoder(500, 4500));
    }

    @Override
    List<Frame> frames() {
        return all();
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("AODV", 654, 20, 4, 8, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-T aodv", "-T aodv -v", "-T aodv -q", "-e -x")
            .cut("-x", "-v", "-T aodv -x")
            .mutated("-x", "-v -x")
            .allocation("", "-v", "-T aodv");
    }

    /** The frames on AODV's port are cut and mutated. */
    @Override
    List<Frame> cutFrames() {
        return frames(AodvFormatter.PORT);
    }

    /** Cut from byte 14 + 20 on (in the IPv6 frames, within the IPv6 header). */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** The AODV message: after the UDP header on IPv4 or IPv6. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
