package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * sFlow version 5 datagrams built by hand from sflow.org's sFlow v5 specification (datagram header, sample and record
 * layouts in XDR: big-endian 32-bit words, opaque data padded to 4 bytes), with the datagrams a switch sends and
 * the malformed ones tcpdump has something to say about.
 */
final class SflowMessages {
    private SflowMessages() { }

    static final byte[] AGENT_V4 = hex("c0000201");
    static final byte[] AGENT_V6 = hex("20010db8000000000000000000000001");

    /** The datagram header (version, agent address type and address, sub-agent, sequence, uptime, count), then samples. */
    static byte[] datagram(long version, long addressType, byte[] agent, long subAgent, long sequence, long uptime,
                           long count, byte[]... samples) {
        return concat(u32(version), u32(addressType), agent, u32(subAgent), u32(sequence), u32(uptime), u32(count),
            concat(samples));
    }

    static byte[] datagram(byte[]... samples) {
        return datagram(5, 1, AGENT_V4, 0, 1234, 3_600_000, samples.length, samples);
    }

    /** A sample or record: its format (enterprise << 12 | type), its length, its body. */
    static byte[] tlv(long format, byte[] body) {
        return concat(u32(format), u32(body.length), body);
    }

    static byte[] flowSample(long sequence, int sourceType, int sourceIndex, long rate, long pool, long drops, long in,
                             long out, byte[]... records) {
        return tlv(1, concat(u32(sequence), u32((long) sourceType << 24 | sourceIndex), u32(rate), u32(pool), u32(drops),
            u32(in), u32(out), u32(records.length), concat(records)));
    }

    static byte[] expandedFlowSample(long sequence, long sourceType, long sourceIndex, long rate, long pool, long drops,
                                     byte[]... records) {
        return tlv(3, concat(u32(sequence), u32(sourceType), u32(sourceIndex), u32(rate), u32(pool), u32(drops),
            u32(0), u32(7), u32(0), u32(9), u32(records.length), concat(records)));
    }

    static byte[] counterSample(long sequence, int sourceType, int sourceIndex, byte[]... records) {
        return tlv(2, concat(u32(sequence), u32((long) sourceType << 24 | sourceIndex), u32(records.length),
            concat(records)));
    }

    static byte[] expandedCounterSample(long sequence, long sourceType, long sourceIndex, byte[]... records) {
        return tlv(4, concat(u32(sequence), u32(sourceType), u32(sourceIndex), u32(records.length), concat(records)));
    }

    /** Raw packet header (format 1): header protocol, frame length, stripped bytes, the header (padded). */
    static byte[] rawPacket(long protocol, long frameLength, long stripped, byte[] header) {
        int padded = (header.length + 3) / 4 * 4;
        return tlv(1, concat(u32(protocol), u32(frameLength), u32(stripped), u32(header.length), header,
            zeros(padded - header.length)));
    }

    static byte[] ethernetData(long length, long type) {
        return tlv(2, concat(u32(length), MAC_A, zeros(2), MAC_B, zeros(2), u32(type)));
    }

    static byte[] ipv4Data() {
        return tlv(3, concat(u32(1500), u32(6), IP_A, IP_B, u32(40000), u32(443), u32(0x18), u32(0)));
    }

    static byte[] ipv6Data() {
        return tlv(4, concat(u32(1280), u32(17), IP6_A, IP6_B, u32(5353), u32(5353), u32(0), u32(0)));
    }

    static byte[] extendedSwitch(long srcVlan, long srcPriority, long dstVlan, long dstPriority) {
        return tlv(1001, concat(u32(srcVlan), u32(srcPriority), u32(dstVlan), u32(dstPriority)));
    }

    static byte[] extendedRouter() {
        return tlv(1002, concat(u32(1), IP_B, u32(24), u32(16)));
    }

    static byte[] extendedGateway() {
        return tlv(1003, concat(u32(1), IP_A, u32(65001), u32(65002), u32(65000), u32(1), u32(2), u32(2),
            u32(65010), u32(65020), u32(0), u32(100)));
    }

    static byte[] extendedUser() {
        return tlv(1004, concat(u32(106), u32(5), ascii("alice"), zeros(3), u32(106), u32(3), ascii("bob"), zeros(1)));
    }

    static byte[] extendedUrl() {
        return tlv(1005, concat(u32(1), u32(11), ascii("/index.html"), zeros(1), u32(11), ascii("example.org"),
            zeros(1)));
    }

    /** The generic interface counters (format 1, 88 bytes). */
    static byte[] genericCounters(long direction, long status, long speed) {
        return tlv(1, genericBody(direction, status, speed));
    }

    static byte[] genericBody(long direction, long status, long speed) {
        return concat(u32(3), u32(6), u32(speed >>> 32), u32(speed), u32(direction), u32(status),
            u32(0x1_0000_0000L >>> 8), u32(0x12345678L), u32(1000), u32(200), u32(30), u32(4), u32(5), u32(6),
            u32(0xfffffffeL), u32(0xffffffffL), u32(7000), u32(800), u32(90), u32(10), u32(11), u32(12), u32(1));
    }

    static byte[] ethernetCounters() {
        byte[] body = new byte[52];
        for (int i = 0; i < 13; i++) System.arraycopy(u32(i + 1 + (i == 12 ? 0xf0000000L : 0)), 0, body, 4 * i, 4);
        return tlv(2, body);
    }

    static byte[] tokenRingCounters() {
        return tlv(3, concat(u32(1), u32(2), u32(3), u32(4)));
    }

    static byte[] baseVgCounters() {
        byte[] body = new byte[80];
        for (int i = 0; i < 80; i++) body[i] = (byte) (i * 7 + 1);
        return tlv(4, body);
    }

    static byte[] vlanCounters() {
        return tlv(5, concat(u32(100), u32(0x80000000L), u32(5), u32(1), u32(2), u32(3), u32(4)));
    }

    static byte[] processorCounters() {
        return tlv(1001, concat(u32(5), u32(10), u32(15), u32(0), u32(0x40000000), u32(0xffffffffL),
            u32(0xffffff00L)));
    }

    private static Frame udpFrame(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    private static Frame sflow(byte[] datagram) {
        return udpFrame(50000, 6343, datagram);
    }

    static List<Frame> frames() {
        byte[] tcpHeader = hex("001122334455 66778899aabb 0800 4500002c000100004006f9c90a0000010a000002 9c40 01bb"
            + "00000001 00000000 5002ffff 0000 0000");
        List<Frame> f = new ArrayList<>();
        // what a switch sends: packet samples with the sampled header and switch data, interface counters
        f.add(sflow(datagram(
            flowSample(17, 0, 3, 4096, 123456, 0, 3, 0x40000005L,
                rawPacket(1, 1518, 4, tcpHeader), extendedSwitch(10, 0, 20, 3)),
            counterSample(9, 0, 3, genericCounters(1, 3, 10_000_000_000L), ethernetCounters()))));
        f.add(sflow(datagram(
            expandedFlowSample(18, 0, 1_000_000, 1000, 5000, 2,
                rawPacket(11, 60, 0, hex("4500003c")), ethernetData(64, 0x0800), ipv4Data(), ipv6Data(),
                extendedSwitch(0xffffffffL, 7, 1, 0)),
            expandedCounterSample(10, 0, 70_000, genericCounters(2, 0, -1), vlanCounters(), processorCounters()))));
        f.add(sflow(datagram(flowSample(1, 2, 0xffffff, 1, 2, 3, 4, 5,
            extendedRouter(), extendedGateway(), extendedUser(), extendedUrl(), rawPacket(12, 100, 0, new byte[0]),
            rawPacket(7, 100, 0, hex("01"))))));
        f.add(sflow(datagram(flowSample(2, 0, 1, 1, 1, 0, 1, 2,
            tlv(1006, zeros(8)), tlv(1007, zeros(8)), tlv(1008, zeros(4)), tlv(1009, zeros(4)), tlv(1010, zeros(4)),
            tlv(1011, zeros(4)), tlv(1012, zeros(4)), tlv(1013, hex("0102030405")), tlv(5, hex("aabbccdd")),
            tlv(4413L << 12 | 5, hex("01020304")), tlv(0x1000 | 1, zeros(16))))));
        f.add(sflow(datagram(counterSample(3, 0, 5, genericCounters(3, 1, 100), genericCounters(4, 2, 1000),
            genericCounters(9, 0xffffffffL, 0), tokenRingCounters(), baseVgCounters()))));
        f.add(sflow(datagram(counterSample(4, 1, 2, tlv(6, hex("0a0b0c0d0e0f")), tlv(2000, zeros(4)),
            tlv(0x1000 | 5, vlanCounters()), tlv(1L << 20 | 1, zeros(8)), tlv(4413L << 20 | 2, zeros(4))))));
        // samples of an unknown format (hex at -v), an enterprise's sample format, an empty datagram
        f.add(sflow(datagram(tlv(5, hex("0102030405060708")), tlv(4413L << 12 | 6, zeros(4)),
            counterSample(5, 0, 1, ethernetCounters()))));
        f.add(sflow(datagram()));
        // IPv6 agent; agent address types other than 1 and 2 read as IPv6
        f.add(sflow(datagram(5, 2, AGENT_V6, 7, 99, 12, 1, counterSample(1, 0, 1, vlanCounters()))));
        f.add(sflow(datagram(5, 0, AGENT_V6, 7, 99, 12, 0)));
        f.add(sflow(datagram(5, 3, AGENT_V4, 7, 99, 12, 1)));                      // too short for IPv6
        byte[] tlen = udp(50000, 6343, datagram(5, 3, AGENT_V6, 7, 99, 12, 1), IP_A, IP_B);
        tlen[5] = (byte) (tlen[5] - 4);                                            // and so said by UDP: [tlen]
        f.add(new Frame(ethernet(0x0800, ipv4(17, tlen))));
        f.add(sflow(datagram(4, 1, AGENT_V4, 7, 99, 12, 0)));                      // other versions
        f.add(sflow(datagram(2, 2, AGENT_V6, 7, 99, 12, 0)));
        f.add(sflow(hex("00000005 00000001 c0000201 00000000")));               // shorter than the header
        f.add(sflow(hex("00000005 00000002 c0000201 00000000 00000000 00000000 00000000 00000000")));
        f.add(sflow(hex("00000005 00000001 c000")));
        f.add(sflow(hex("0000")));
        f.add(sflow(new byte[0]));
        // counts and lengths that do not agree
        f.add(sflow(datagram(5, 1, AGENT_V4, 0, 1, 2, 1, counterSample(1, 0, 1, vlanCounters()),
            counterSample(2, 0, 1, vlanCounters()))));                                 // fewer counted than sent
        f.add(sflow(datagram(5, 1, AGENT_V4, 0, 1, 2, 5, counterSample(1, 0, 1, vlanCounters()))));   // more counted
        f.add(sflow(datagram(5, 1, AGENT_V4, 0, 1, 2, 2, counterSample(1, 0, 1, vlanCounters()), hex("00000002"))));
        f.add(sflow(datagram(concat(u32(1), u32(400), zeros(40)))));             // sample longer than the datagram
        f.add(sflow(datagram(concat(u32(0), u32(8), zeros(8)), counterSample(1, 0, 1))));   // format 0 ends it
        f.add(sflow(datagram(concat(u32(2), u32(0)), counterSample(1, 0, 1))));               // length 0 ends it
        f.add(sflow(datagram(tlv(1, zeros(20)))));                                 // flow sample too short
        f.add(sflow(datagram(tlv(2, zeros(8)), tlv(3, zeros(40)), tlv(4, zeros(12)))));
        f.add(sflow(datagram(tlv(2, zeros(4)), counterSample(1, 0, 1))));         // its decoder reads the rest
        f.add(sflow(datagram(counterSample(1, 0, 1, tlv(1, zeros(40))))));        // record too short for its type
        f.add(sflow(datagram(counterSample(1, 0, 1, concat(u32(1), u32(200), zeros(8))))));   // record too long
        f.add(sflow(datagram(tlv(2, concat(u32(1), u32(0), u32(3), u32(1), u32(2)))))); // record header cut
        f.add(sflow(datagram(flowSample(1, 0, 1, 1, 1, 0, 1, 2, tlv(2, zeros(12)), tlv(1001, zeros(8))))));
        f.add(sflow(datagram(flowSample(1, 0, 1, 1, 1, 0, 1, 2, tlv(1, zeros(12))))));
        f.add(sflow(datagram(counterSample(1, 0, 1, tlv(4, zeros(40)), tlv(5, zeros(20)), tlv(1001, zeros(24))))));
        f.add(sflow(datagram(counterSample(1, 0, 1, tlv(2, zeros(48))))));
        // UDP length shorter than the IP payload: the rest is still read, as tcpdump reads to the snapshot end
        byte[] shortUdp = udp(50000, 6343, datagram(counterSample(1, 0, 1, vlanCounters())), IP_A, IP_B);
        shortUdp[5] = (byte) (shortUdp[5] - 20);
        f.add(new Frame(ethernet(0x0800, ipv4(17, shortUdp))));
        // over IPv6, and from the port
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(6343, 40000, datagram(counterSample(1, 0, 1, vlanCounters())),
            IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** Where sFlow stands in tcpdump's UDP port order (print-udp.c), against the printers we both have. */
    static List<Frame> portOrderFrames() {
        byte[] d = datagram(counterSample(1, 0, 1, vlanCounters()));
        List<Frame> f = new ArrayList<>();
        f.add(udpFrame(6343, 3784, d));      // BFD (to its port) first
        f.add(udpFrame(3784, 6343, d));      // but not from it
        f.add(udpFrame(514, 6343, d));       // then sFlow before syslog
        f.add(udpFrame(6343, 4789, d));      // and VXLAN
        f.add(udpFrame(6081, 6343, d));      // and Geneve
        f.add(udpFrame(646, 6343, d));       // LDP first
        f.add(udpFrame(49152, 6343, d));     // the LI shim (from its port) first
        return f;
    }
}
