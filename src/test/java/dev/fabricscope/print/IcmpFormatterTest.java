package dev.fabricscope.print;

import static dev.fabricscope.print.IcmpFrames.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ICMP (IPv4), every type and code tcpdump names, quoted datagrams and RFC 4884 extensions, against tcpdump 4.99
 * itself: whole, cut after every byte, and seeded mutants.
 */
class IcmpFormatterTest extends TcpdumpConformance {
    private static final byte[] NO_REST = new byte[4];

    /** Each type and code with the body its RFC gives it. */
    static List<Frame> messages() {
        List<Frame> f = new ArrayList<>();
        f.add(fromRouter(icmp(8, 0, concat(u16(0x1702), u16(9)), ascii("0123456789abcdef"))));
        f.add(fromRouter(icmp(0, 0, concat(u16(0x1702), u16(9)), ascii("0123456789abcdef"))));
        for (int code = 0; code <= 16; code++) {
            if (code != 3 && code != 4) f.add(fromRouter(icmp(3, code, NO_REST, sentUdp(33434, 32))));
        }
        f.add(fromRouter(icmp(3, 3, NO_REST, sentUdp(53, 30))));                          // DNS: the quoted header alone
        f.add(fromRouter(icmp(3, 3, NO_REST, sent(6, tcp(0x002, new byte[0], new byte[0]), 28))));
        f.add(fromRouter(icmp(3, 3, NO_REST, sent(6, tcp(0x018, new byte[0], ascii("GET /")), 45))));
        f.add(fromRouter(icmp(3, 3, NO_REST, sent(253, new byte[] {0, 1, 0, 2, 0, 0, 0, 0}, 28))));
        f.add(fromRouter(icmp(3, 3, NO_REST, Arrays.copyOf(ipv4(17, udp(1, 514, new byte[4], IP_B, FAR), 0, 1, 1, 0,
                hex("94040000"), -1, IP_B, FAR), 32))));                                 // quoted header with options
        f.add(fromRouter(icmp(3, 3, NO_REST, sent(17, udp(33000, 33435, new byte[20], IP_B, FAR), 48)))); // whole
        f.add(fromRouter(icmp(3, 4, hex("0000 05dc"), sentUdp(4789, 1500))));
        f.add(fromRouter(icmp(3, 4, NO_REST, sentUdp(4789, 1500))));
        for (int code = 0; code <= 4; code++) {
            f.add(fromRouter(icmp(5, code, new byte[] {10, 0, 0, (byte) 254}, sent(1, icmpEcho(8, 1, 1, new byte[56]), 28))));
        }
        f.add(fromRouter(icmp(4, 0, NO_REST, sentUdp(2049, 100))));
        f.add(fromRouter(icmp(9, 0, hex("02 02 0708"), ROUTER, u32(0), hex("c0000202 ffffffff"))));
        f.add(fromRouter(icmp(9, 0, hex("01 02 001e"), ROUTER, u32(0x80000000L))));
        f.add(fromRouter(icmp(9, 0, hex("01 02 0e10"), ROUTER, u32(7))));
        f.add(fromRouter(icmp(9, 0, hex("01 02 ffff"), ROUTER, u32(7))));
        f.add(fromRouter(icmp(9, 0, hex("00 02 003b"))));
        f.add(fromRouter(icmp(9, 0, hex("01 03 0708"), ROUTER, u32(0), u32(0))));
        byte[] many = new byte[0];
        for (int i = 0; i < 12; i++) many = concat(many, new byte[] {(byte) 192, (byte) 168, (byte) i, (byte) (200 + i)}, u32(4_000_000_000L + i));
        f.add(fromRouter(icmp(9, 0, hex("0c 02 0708"), many)));                           // more than tcpdump's buffer
        f.add(fromRouter(icmp(9, 0, hex("05 02 0708"), Arrays.copyOf(many, 16))));       // fewer entries than counted
        f.add(fromRouter(icmp(10, 0, NO_REST)));
        for (int code = 0; code <= 2; code++) f.add(fromRouter(icmp(11, code, NO_REST, sentUdp(33434, 32))));
        f.add(fromRouter(icmp(12, 0, hex("14000000"), sentUdp(33434, 32))));
        f.add(fromRouter(icmp(12, 1, NO_REST, sentUdp(33434, 32))));
        f.add(fromRouter(icmp(12, 2, hex("ff000000"), sentUdp(33434, 32))));
        f.add(fromRouter(icmp(13, 0, concat(u16(77), u16(3)), u32(45_296_789L), u32(0), u32(0))));
        f.add(fromRouter(icmp(14, 0, concat(u16(77), u16(3)), u32(45_296_789L), u32(45_296_790L), u32(0xffffffffL))));
        f.add(fromRouter(icmp(14, 0, concat(u16(77), u16(3)), u32(5), u32(86_399_999L), u32(86_400_000L))));
        f.add(fromRouter(icmp(15, 0, concat(u16(1), u16(2)))));
        f.add(fromRouter(icmp(16, 0, concat(u16(1), u16(2)))));
        f.add(fromRouter(icmp(17, 0, concat(u16(1), u16(2)), u32(0))));
        f.add(fromRouter(icmp(18, 0, concat(u16(1), u16(2)), hex("ffffff00"))));
        f.add(fromRouter(icmp(18, 0, concat(u16(1), u16(2)), hex("000000ff"))));
        for (int type : new int[] {1, 2, 6, 7, 19, 30, 40, 255}) f.add(fromRouter(icmp(type, 3, NO_REST, new byte[4])));
        byte[] bad = icmp(8, 0, concat(u16(1), u16(2)), new byte[8]);
        bad[3] ^= 0x40;
        f.add(fromRouter(bad));
        byte[] badError = icmp(3, 1, NO_REST, sentUdp(33434, 32));
        badError[2] ^= 0x11;
        f.add(fromRouter(badError));
        return f;
    }

    /** Quoted datagrams the IP printer has more to say about: odd headers, fragments, errors quoting errors. */
    static List<Frame> quotedDatagrams() {
        List<Frame> f = new ArrayList<>();
        byte[] udp = sentUdp(33434, 32);
        f.add(fromRouter(icmp(11, 0, NO_REST, withTotalLength(udp, 0))));
        for (int length = 1; length <= 12; length++) f.add(fromRouter(icmp(11, 0, NO_REST, withTotalLength(udp, length))));
        f.add(fromRouter(icmp(11, 0, NO_REST, withTotalLength(udp, 22))));
        f.add(fromRouter(icmp(11, 0, NO_REST, withTotalLength(udp, 27))));
        f.add(fromRouter(icmp(11, 0, NO_REST, withTotalLength(udp, 2000))));
        byte[] v6 = udp.clone();
        v6[0] = 0x65;
        f.add(fromRouter(icmp(11, 0, NO_REST, v6)));
        byte[] shortHeader = udp.clone();
        shortHeader[0] = 0x44;
        f.add(fromRouter(icmp(11, 0, NO_REST, shortHeader)));
        f.add(fromRouter(icmp(11, 1, NO_REST, Arrays.copyOf(ipv4(17, new byte[8], 0, 1, 9, 0x00b9, new byte[0], 1500,
                IP_B, FAR), 28))));                                                      // a later fragment
        f.add(fromRouter(icmp(11, 0, NO_REST, Arrays.copyOf(ipv4(17, udp(1, 2, new byte[8], IP_B, FAR), 0, 1, 9, 0x2000,
                new byte[0], -1, IP_B, FAR), 36))));                                     // a first fragment
        f.add(fromRouter(icmp(3, 1, NO_REST, sent(1, icmpEcho(8, 5, 6, new byte[56]), 36))));   // a quoted echo, whole header
        f.add(fromRouter(icmp(3, 1, NO_REST, sent(1, icmpEcho(8, 5, 6, new byte[0]), 28))));    // and all of it
        f.add(fromRouter(icmp(3, 1, NO_REST, sent(253, new byte[40], 28))));
        f.add(fromRouter(icmp(3, 1, NO_REST, sent(1, new byte[] {3}, 21))));
        byte[] error = udp;
        for (int depth = 0; depth < 5; depth++) {
            byte[] m = icmp(depth % 2 == 0 ? 3 : 11, depth % 4, NO_REST, error);
            error = sent(1, m, 20 + m.length);
            f.add(fromRouter(m));
        }
        f.add(new Frame(concat(ethernet(0x0800, ipv4(1, icmp(4, 0, NO_REST, udp), 0, 64, 1, 0x2000, new byte[0], -1,
                ROUTER, IP_B)))));                                                        // outer first fragment
        f.add(new Frame(concat(ethernet(0x0800, ipv4(1, icmp(8, 0, hex("00010002")))), new byte[18])));   // padded
        return f;
    }

    /** RFC 4884 extension structures after a 128-byte original datagram, RFC 4950 label stacks in them. */
    static List<Frame> extensions() {
        byte[] original = padded(sent(17, udp(33000, 33434, new byte[100], IP_B, FAR), 128), 32);
        byte[] mpls = object(1, 1, labels(16005, 0, 1, 1));
        List<Frame> f = new ArrayList<>();
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(2, true, mpls))));
        f.add(fromRouter(icmp(11, 0, NO_REST, original, extension(2, true, mpls))));            // length unset
        f.add(fromRouter(icmp(11, 0, NO_REST, original, extension(2, false, mpls))));           // ... and no checksum
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(2, false, mpls))));
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(1, true, mpls))));
        f.add(fromRouter(icmp(3, 3, lengthWords(32), original, extension(2, true,
                object(1, 1, labels(1048575, 7, 0, 255, 3, 5, 1, 0)), object(2, 1, hex("0000000b 01020304 00000005")),
                object(9, 3, hex("01020304050607")), object(1, 2, hex("00001000"))))));
        f.add(fromRouter(icmp(12, 0, hex("00200000"), original, extension(2, true, object(0, 1, new byte[4]), mpls))));
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(2, true, hex("0002 0101"), mpls))));
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(2, true, hex("0040 0101 00000000")))));
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(2, true, mpls, hex("0003")))));
        f.add(fromRouter(icmp(11, 0, lengthWords(32), original, extension(2, true))));
        for (int extra = 1; extra <= 4; extra++) {
            f.add(fromRouter(icmp(11, 0, lengthWords(32), original, Arrays.copyOf(hex("20000000 000c0101"), extra))));
        }
        f.add(fromRouter(icmp(5, 1, ROUTER, original, extension(2, true, mpls))));               // not for redirects
        f.add(fromRouter(icmp(4, 0, NO_REST, original, extension(2, true, mpls))));              // nor source quench
        byte[] longer = padded(sent(17, udp(33000, 33434, new byte[200], IP_B, FAR), 160), 40);
        f.add(fromRouter(icmp(11, 0, lengthWords(40), longer, extension(2, true, mpls))));     // length field ignored
        return f;
    }

    private static byte[] withTotalLength(byte[] datagram, int length) {
        byte[] d = datagram.clone();
        d[2] = (byte) (length >>> 8);
        d[3] = (byte) length;
        return d;
    }

    private static List<Frame> all() {
        List<Frame> f = new ArrayList<>(messages());
        f.addAll(quotedDatagrams());
        f.addAll(extensions());
        return f;
    }

    @Override
    List<Frame> frames() {
        return all();
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("ICMP", 792, 500))
            .whole("", "-v", "-vv", "-q", "-e -v")
            .cut("-x", "-v -x", "-vv", "-e -v -X")
            .mutated("-x", "-v -x", "-vv");
    }

    /** The ICMP message, after the outer IPv4 header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /**
     * Errors quoting errors quoting ... twelve deep: tcpdump prints every level; we print as many as the printer's
     * nesting bound allows (8 packets inside the outer one), the same text up to there, then " [|icmp]".
     */
    @Test
    void deeplyNestedErrorsAsTcpdumpUpToTheNestingBound() throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed");
        byte[] error = sentUdp(33434, 32);
        byte[] message = null;
        for (int depth = 0; depth < 12; depth++) {
            message = icmp(11, 0, NO_REST, error);
            error = sent(1, message, 20 + message.length);
        }
        Path file = dir.resolve("nested.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_700_000_000L, List.of(fromRouter(message)));
        String tcpdump = Tcpdump.run(file, "UTC", "-S", "-v").getFirst().full();
        int cut = -1;
        for (int level = 0; level <= 8; level++) cut = tcpdump.indexOf("\n\t", cut + 1);
        assertTrue(cut > 0 && tcpdump.indexOf("\n\t", cut + 1) > 0, "tcpdump printed more levels than the bound");
        String ours = PacketPrinterTest.perPacket(file, new PacketPrinter(ZoneId.of("UTC"), Verbosity.VERBOSE)).getFirst();
        assertEquals(tcpdump.substring(0, cut + 2) + " [|icmp]", ours);
    }

    /** tcpdump's relative sequence numbers (no -S): a quoted TCP header is looked up among the conversations seen. */
    @Test
    void quotedTcpWithRelativeSequenceNumbersAsTcpdump() throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed");
        List<Frame> f = new ArrayList<>();
        f.add(tcpFrame(tcp(40000, 5001, 1000, 0, 0x002, 502, 0, new byte[0], new byte[0], IP_B, FAR), IP_B, FAR));
        f.add(tcpFrame(tcp(5001, 40000, 9000, 1001, 0x012, 502, 0, new byte[0], new byte[0], FAR, IP_B), FAR, IP_B));
        f.add(tcpFrame(tcp(40000, 5001, 1001, 9001, 0x010, 502, 0, new byte[0], new byte[0], IP_B, FAR), IP_B, FAR));
        f.add(fromRouter(icmp(3, 4, hex("000005dc"), sent(6, tcp(40000, 5001, 1001, 9001, 0x018, 502, 0, new byte[0],
                ascii("hello"), IP_B, FAR), 45))));
        Path file = dir.resolve("relative.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_700_000_000L, f);
        for (String flag : new String[] {"-v", "-vv"}) {
            List<Tcpdump.Record> tcpdump = Tcpdump.run(file, "UTC", flag);
            List<String> ours = PacketPrinterTest.perPacket(file, new PacketPrinter(ZoneId.of("UTC"),
                    flag.equals("-v") ? Verbosity.VERBOSE : Verbosity.VERY_VERBOSE,
                    Set.of(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS)));
            for (int i = 0; i < f.size(); i++) assertEquals(tcpdump.get(i).full(), ours.get(i), "frame " + (i + 1) + " " + flag);
        }
    }

    private static Frame tcpFrame(byte[] segment, byte[] src, byte[] dst) {
        return new Frame(ethernet(0x0800, ipv4(6, segment, 0, 64, 1, 0x4000, new byte[0], -1, src, dst)));
    }
}
