package dev.fabricscope.print;

import static dev.fabricscope.print.Icmp6Frames.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICMPv6 (RFC 4443 errors and echo, RFC 4861 neighbor discovery, RFC 2710/3810 MLD, and the rarer types tcpdump
 * decodes) against tcpdump 4.99 itself: every message whole in each verbosity, cut after every byte, seeded mutants,
 * and pseudo-random messages.
 */
class Icmp6FormatterTest extends TcpdumpConformance {
    private static final byte[] FAR = hex("2001 0db8 00ff 0000 0000 0000 0000 0009");
    private static final int ICMP6_START = 14 + 40;

    private static byte[] udpHeader(int dport) {
        return concat(u16(40000), u16(dport), u16(16), u16(0x1234), ascii("payload!"));
    }

    private static byte[] tcpHeader(int dport) {
        return concat(u16(40001), u16(dport), u32(1), u32(0), hex("5002 ffff 0000 0000"));
    }

    /** Bytes after the IPv6 packet, inside the Ethernet frame: not part of the message. */
    private static Frame withTrailer(Frame frame) {
        return new Frame(concat(frame.bytes(), hex("deadbeef")));
    }

    /** An error message: 4 bytes of {@code word} (unused, MTU or pointer), then the quoted packet. */
    private static Frame error(int type, int code, long word, byte[] quoted) {
        return message(type, code, concat(u32(word), quoted));
    }

    static List<Frame> errors() {
        byte[] udp = concat(quotedIpv6(17, 16, DOC_B, FAR), udpHeader(33434));
        byte[] tcp = concat(quotedIpv6(6, 20, DOC_B, FAR), tcpHeader(443));
        List<Frame> f = new ArrayList<>();
        for (int code : new int[] {0, 1, 2, 3, 4, 7}) f.add(error(1, code, 0, udp));
        f.add(error(1, 4, 0, tcp));
        f.add(error(1, 4, 0, concat(quotedIpv6(0, 24, DOC_B, FAR), hex("11 00 0104 00000000"), udpHeader(53))));
        f.add(error(1, 4, 0, concat(quotedIpv6(60, 24, DOC_B, FAR), hex("06 00 0104 00000000"), tcpHeader(22))));
        f.add(error(1, 4, 0, concat(quotedIpv6(43, 24, DOC_B, FAR), hex("11 00 00 00 00000000"), udpHeader(123))));
        f.add(error(1, 4, 0, concat(quotedIpv6(44, 28, DOC_B, FAR), hex("06 00 0001 00001234"), tcpHeader(80))));
        f.add(error(1, 4, 0, concat(quotedIpv6(44, 28, DOC_B, FAR), hex("06 00 0100 00001234"), tcpHeader(80))));
        f.add(error(1, 4, 0, concat(quotedIpv6(51, 40, DOC_B, FAR), hex("11 04 0000 00000100 00000001"),
            new byte[12], udpHeader(4789))));
        f.add(error(1, 4, 0, concat(quotedIpv6(58, 8, DOC_B, FAR), hex("8000 0000 0001 0001"))));
        f.add(error(1, 4, 0, concat(quotedIpv6(17, 16, DOC_B, FAR), hex("9c40"))));   // the port is not there
        f.add(error(1, 0, 0, Arrays.copyOf(udp, 30)));                                   // nor the destination
        f.add(error(2, 0, 1280, udp));
        f.add(error(2, 0, 9000, new byte[0]));
        for (int code : new int[] {0, 1, 5}) f.add(error(3, code, 0, udp));
        for (int code : new int[] {0, 1, 2, 3, 9}) f.add(error(4, code, 42, udp));
        f.add(error(4, 0, 6, Arrays.copyOf(udp, 30)));                                   // tcpdump checks, then stops
        f.add(message(128, 0, concat(u16(0x1234), u16(1), ascii("abcdefgh"))));
        f.add(message(129, 0, concat(u16(0x1234), u16(1), ascii("abcdefgh"))));
        Frame bad = message(128, 0, concat(u16(7), u16(9), ascii("abcdefgh")));
        bad.bytes()[ICMP6_START + 3] ^= 0x5a;                                               // a wrong checksum
        f.add(bad);
        f.add(message(200, 0, hex("0000 0000 0102 0304")));
        f.add(message(201, 0, hex("0000 0000")));
        f.add(message(250, 3, concat(new byte[4], ascii("unknown type, some bytes to dump"))));
        f.add(withTrailer(message(250, 0, new byte[4])));
        f.add(withTrailer(error(1, 9, 0, new byte[4])));
        f.add(message(128, 0, new byte[0]).cut(ICMP6_START));                              // checksum wrong: no body
        f.add(frame(hex("80"), DOC_A, DOC_B));
        f.add(frame(hex("8000"), DOC_A, DOC_B));
        f.add(frame(hex("800000"), DOC_A, DOC_B));
        return f;
    }

    private static final byte[] SOLICITED_NODE = hex("ff02 0000 0000 0000 0000 0001 ff99 aabb");
    private static final byte[] UNSPECIFIED = new byte[16];
    private static final byte[] PREFIX = hex("2001 0db8 0001 0002 0000 0000 0000 0000");

    private static byte[] routerAdvertisement(int flags, byte[]... options) {
        return concat(new byte[] {64, (byte) flags}, u16(1800), u32(30000), u32(1000), concat(options));
    }

    private static byte[] prefixInformation(int length, int flags, long valid, long preferred, byte[] prefix) {
        return option(3, concat(new byte[] {(byte) length, (byte) flags}, u32(valid), u32(preferred), u32(0), prefix));
    }

    private static byte[] mtu(long mtu) {
        return option(5, concat(u16(0), u32(mtu)));
    }

    private static byte[] routeInformation(int length, int flags, long lifetime, byte[] prefix) {
        return option(24, concat(new byte[] {(byte) length, (byte) flags}, u32(lifetime), prefix));
    }

    private static byte[] dnssl(long lifetime, byte[] names) {
        byte[] padded = Arrays.copyOf(names, (names.length + 8 + 7) / 8 * 8 - 8);
        return option(31, concat(u16(0), u32(lifetime), padded));
    }

    static List<Frame> nd() {
        byte[] sourceLink = option(1, MAC_A);
        byte[] targetLink = option(2, MAC_B);
        byte[] nonce = option(14, hex("0102 0304 0506"));
        List<Frame> f = new ArrayList<>();
        f.add(message(133, 0, new byte[4], LINK_LOCAL_A, ALL_ROUTERS));
        f.add(message(133, 0, concat(new byte[4], sourceLink), LINK_LOCAL_A, ALL_ROUTERS));
        f.add(message(133, 0, concat(new byte[4], option(1, new byte[14])), LINK_LOCAL_A, ALL_ROUTERS));
        f.add(message(133, 0, new byte[0], LINK_LOCAL_A, ALL_ROUTERS));
        f.add(message(134, 0, routerAdvertisement(0xc8, option(1, MAC_B), mtu(1500),
            prefixInformation(64, 0xc0, 86400, 14400, PREFIX),
            option(25, concat(u16(0), u32(600), DOC_A, DOC_B)),
            dnssl(1200, concat(dnsName("example", "com"), dnsName("lab", "example", "net"))),
            routeInformation(0, 0x08, 3600, new byte[0]), routeInformation(48, 0x18, 0xffffffffL, new byte[8]),
            routeInformation(64, 0x10, 7, PREFIX), option(7, concat(u16(0), u32(60000))),
            option(8, concat(u16(0), u16(10), u16(1800)))), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x3a, prefixInformation(48, 0x20, 0xffffffffL, 0xffffffffL,
            concat(PREFIX, new byte[8])), option(5, concat(u16(0), u32(9000), new byte[8])),
            routeInformation(64, 0, 1, concat(PREFIX, new byte[8])), mtu(1280)), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x00, option(1, MAC_B), nonce, mtu(1500),
            option(200, new byte[14])), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x80, option(1, MAC_B), hex("0500 0000 0000 05dc")),
            LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, concat(dnsName("example", "com"),
            hex("03 6c6162 c008"), hex("02 7878 c030")))), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, hex("04 74657374 c0 40"))), LINK_LOCAL_B,
            ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, option(3, hex("40c0 0000 0e10")),
            option(25, concat(u16(0), u32(5), DOC_A, DOC_B))), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, option(3, hex("40c0 0000 0e10"))), LINK_LOCAL_B,
            ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, option(4, concat(new byte[6],
            quotedIpv6(17, 8, DOC_B, FAR), hex("9c40 0035 0008 0000"))), mtu(1500)), LINK_LOCAL_B, ALL_NODES));
        f.add(message(135, 0, concat(new byte[4], LINK_LOCAL_B, sourceLink), LINK_LOCAL_A, SOLICITED_NODE));
        f.add(message(135, 0, concat(new byte[4], LINK_LOCAL_B, nonce), UNSPECIFIED, SOLICITED_NODE));
        f.add(message(135, 0, concat(new byte[4], LINK_LOCAL_B), UNSPECIFIED, SOLICITED_NODE));
        f.add(message(136, 0, concat(u32(0xe0000000L), LINK_LOCAL_B, targetLink), LINK_LOCAL_B, LINK_LOCAL_A));
        f.add(message(136, 0, concat(u32(0x60000000L), LINK_LOCAL_B), LINK_LOCAL_B, LINK_LOCAL_A));
        f.add(message(136, 0, concat(u32(0x1f000000L), DOC_B, targetLink, nonce), DOC_B, ALL_NODES));
        f.add(message(137, 0, concat(new byte[4], LINK_LOCAL_B, FAR, targetLink, option(4, concat(new byte[6],
            quotedIpv6(17, 8, DOC_A, FAR), hex("9c40 0035 0008 0000")))), LINK_LOCAL_A, DOC_A));
        f.add(message(137, 0, concat(new byte[4], FAR, FAR), LINK_LOCAL_A, DOC_A));
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, hex("41 0c abc0 00"))), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, hex("41 00"))), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, hex("03 616263 42 00"))), LINK_LOCAL_B, ALL_NODES));
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, hex("03 616263 81 00"))), LINK_LOCAL_B, ALL_NODES));
        String label = "x".repeat(63);
        f.add(message(134, 0, routerAdvertisement(0x40, dnssl(60, dnsName(label, label, label, label, label))),
            LINK_LOCAL_B, ALL_NODES));
        f.add(withTrailer(message(134, 0, routerAdvertisement(0x40, option(1, MAC_B), option(200, new byte[6])),
            LINK_LOCAL_B, ALL_NODES)));
        return f;
    }

    private static byte[] mldv2Query(int maxResponseCode, byte[] group, int flags, int qqic, int sources,
                                     byte[]... addresses) {
        return concat(u16(maxResponseCode), u16(0), group, new byte[] {(byte) flags, (byte) qqic}, u16(sources),
            concat(addresses));
    }

    private static byte[] groupRecord(int type, int sources, byte[] group, byte[]... addresses) {
        return concat(new byte[] {(byte) type, 0}, u16(sources), group, concat(addresses));
    }

    static List<Frame> mld() {
        List<Frame> f = new ArrayList<>();
        f.add(message(130, 0, concat(u16(10000), u16(0), UNSPECIFIED), LINK_LOCAL_B, ALL_NODES));
        f.add(message(131, 0, concat(u16(0), u16(0), MDNS_GROUP), LINK_LOCAL_A, MDNS_GROUP));
        f.add(message(132, 0, concat(u16(0), u16(0), MDNS_GROUP), LINK_LOCAL_A, ALL_ROUTERS));
        f.add(message(131, 0, concat(u16(5), u16(0), MDNS_GROUP, new byte[4]), LINK_LOCAL_A, MDNS_GROUP));
        f.add(message(131, 0, concat(u16(5), u16(0), Arrays.copyOf(MDNS_GROUP, 12)), LINK_LOCAL_A, MDNS_GROUP));
        f.add(message(130, 0, concat(u16(1000), u16(0), MDNS_GROUP, new byte[2]), LINK_LOCAL_B, ALL_NODES));
        f.add(message(130, 0, mldv2Query(10000, UNSPECIFIED, 0x02, 125, 0), LINK_LOCAL_B, ALL_NODES));
        f.add(message(130, 0, mldv2Query(0x8abc, MDNS_GROUP, 0x0a, 0x95, 2, DOC_A, DOC_B), LINK_LOCAL_B,
            MDNS_GROUP));
        f.add(message(130, 0, mldv2Query(0xffff, MDNS_GROUP, 0x07, 0xff, 3, DOC_A), LINK_LOCAL_B, MDNS_GROUP));
        f.add(message(143, 0, concat(u16(0), u16(1), groupRecord(4, 0, MDNS_GROUP)), LINK_LOCAL_A, MLDV2_ROUTERS));
        f.add(message(143, 0, concat(u16(0), u16(3), groupRecord(1, 2, MDNS_GROUP, DOC_A, DOC_B),
            groupRecord(5, 1, ALL_ROUTERS, FAR), groupRecord(9, 0, ALL_NODES)), LINK_LOCAL_A, MLDV2_ROUTERS));
        f.add(message(143, 0, concat(u16(0), u16(1), groupRecord(6, 5, MDNS_GROUP, DOC_A)), LINK_LOCAL_A,
            MLDV2_ROUTERS));
        f.add(message(143, 0, concat(u16(0), u16(3), groupRecord(2, 0, MDNS_GROUP)), LINK_LOCAL_A, MLDV2_ROUTERS));
        f.add(message(143, 0, u16(0), LINK_LOCAL_A, MLDV2_ROUTERS));
        return f;
    }

    private static byte[] renumbering(long seq, int segment, int flags, int maxDelay, long reserved, byte[]... parts) {
        return concat(u32(seq), new byte[] {(byte) segment, (byte) flags}, u16(maxDelay), u32(reserved),
            concat(parts));
    }

    private static byte[] matchPrefix(int code, int length, int ordinal, int matchLength, int min, int max) {
        return concat(new byte[] {(byte) code, (byte) length, (byte) ordinal, (byte) matchLength, (byte) min,
            (byte) max}, u16(0), PREFIX);
    }

    private static byte[] usePrefix(int use, int keep, int mask, int raFlags, long valid, long preferred, long flags) {
        return concat(new byte[] {(byte) use, (byte) keep, (byte) mask, (byte) raFlags}, u32(valid), u32(preferred),
            u32(flags), DOC_B);
    }

    /** A node information message body: qtype, flags, the 8-byte nonce, then {@code data}. */
    private static byte[] nodeInfo(int qtype, int flags, byte[] data) {
        return concat(u16(qtype), u16(flags), hex("0102030405060708"), data);
    }

    private static byte[] dio(int modePreference, byte[]... options) {
        return concat(new byte[] {1, 2}, u16(256), new byte[] {(byte) modePreference, 5, 0, 0}, DOC_A,
            concat(options));
    }

    static List<Frame> rest() {
        List<Frame> f = new ArrayList<>();
        f.add(message(138, 0, renumbering(7, 1, 0xf8, 500, 0, matchPrefix(1, 11, 1, 48, 48, 64),
            usePrefix(64, 48, 0xc0, 0x80, 0xffffffffL, 3600, 0x80000000L),
            usePrefix(56, 0, 0, 0, 100, 0xffffffffL, 0x40000000L))));
        f.add(message(138, 0, renumbering(8, 0, 0, 0, 0xabc, matchPrefix(9, 4, 0, 0, 0, 0), new byte[8])));
        f.add(message(138, 0, renumbering(9, 0, 0x08, 1, 0, matchPrefix(2, 7, 0, 0, 0, 0), new byte[8])));
        f.add(message(138, 0, renumbering(10, 0, 0x08, 1, 0, matchPrefix(3, 3, 0, 0, 0, 0))));
        f.add(message(138, 0, renumbering(11, 0, 0, 0, 0)));
        f.add(message(138, 1, renumbering(12, 3, 0x40, 20, 0, new byte[24])));
        f.add(message(138, 255, renumbering(13, 0, 0, 0, 0)));
        f.add(message(138, 5, renumbering(14, 0, 0, 0, 0)));
        f.add(message(138, 0, u32(15)));
        f.add(message(139, 0, concat(u16(0), u16(0), u32(0))));
        f.add(message(139, 1, nodeInfo(0, 0, new byte[0])));
        f.add(message(139, 1, nodeInfo(0, 0, new byte[4])));
        f.add(message(139, 0, nodeInfo(1, 1, new byte[0])));
        f.add(message(139, 0, nodeInfo(1, 2, DOC_B)));
        f.add(message(139, 0, nodeInfo(2, 0, DOC_B)));
        f.add(message(139, 0, nodeInfo(2, 0, concat(DOC_B, new byte[4]))));
        f.add(message(139, 2, nodeInfo(3, 0x7e, hex("0a000001"))));
        f.add(message(139, 2, nodeInfo(3, 0x01, hex("0a00"))));
        f.add(message(139, 1, nodeInfo(3, 0x20, dnsName("host", "example"))));
        f.add(message(139, 1, nodeInfo(2, 0, hex("05 68656c6c6f"))));
        f.add(message(139, 1, nodeInfo(2, 0, concat(hex("04 686f7374"), new byte[2]))));
        f.add(message(139, 1, nodeInfo(2, 0, hex("04 686f7374 07 6578"))));
        f.add(message(139, 1, nodeInfo(2, 0, hex("02 6869 00 01 02 7f80"))));
        f.add(message(139, 0, nodeInfo(2, 0, new byte[0])));
        f.add(message(139, 7, nodeInfo(2, 0, new byte[4])));
        f.add(message(139, 0, nodeInfo(9, 0, new byte[4])));
        f.add(message(140, 0, nodeInfo(2, 1, concat(u32(3600), dnsName("host", "example")))));
        f.add(message(140, 0, nodeInfo(2, 0, concat(u32(0), hex("06 616263646566")))));
        f.add(message(140, 0, nodeInfo(3, 0x41, concat(u32(60), DOC_A, u32(0xffffffffL), LINK_LOCAL_A,
            new byte[8]))));
        f.add(message(140, 0, nodeInfo(3, 0, new byte[0])));
        f.add(message(140, 1, nodeInfo(0, 0, new byte[0])));
        f.add(message(140, 1, nodeInfo(0, 0, new byte[4])));
        f.add(message(140, 2, nodeInfo(5, 0, new byte[4])));
        f.add(message(140, 5, nodeInfo(0, 0, new byte[0])));
        f.add(message(140, 0, nodeInfo(0, 0, new byte[0])));
        f.add(message(140, 0, nodeInfo(0, 0, new byte[4])));
        f.add(message(140, 0, nodeInfo(1, 1, new byte[4])));
        f.add(message(140, 0, nodeInfo(7, 0, new byte[0])));
        f.add(message(140, 0, hex("0000 0000")));
        f.add(message(141, 0, concat(new byte[4], option(1, MAC_A), option(2, MAC_B))));
        f.add(message(142, 0, new byte[4]));
        f.add(message(144, 0, concat(u16(0x1234), u16(0))));
        f.add(message(145, 0, concat(u16(0x1234), u16(0), DOC_A, DOC_B)));
        f.add(message(145, 0, concat(u16(0x1234), u16(0), DOC_A, new byte[4])));
        f.add(message(146, 0, concat(u16(0xbeef), u16(0))));
        f.add(message(147, 0, concat(u16(0xbeef), u16(0xc000), prefixInformation(64, 0xc0, 600, 300, PREFIX))));
        f.add(message(147, 0, concat(u16(1), u16(0x4000))));
        f.add(message(147, 0, concat(u16(2), u16(0x8000))));
        f.add(message(147, 0, concat(u16(3), u16(0x3fff))));
        f.add(message(155, 0, new byte[4]));
        f.add(message(155, 1, dio(0x8b, hex("00"), hex("0102 0000"), option(4, new byte[14]), hex("2000"),
            hex("0804 4000 0000"))));
        f.add(message(155, 1, dio(0x28)));
        f.add(message(155, 1, dio(0x10, hex("0405 0000"))));
        f.add(message(155, 1, new byte[16]));
        f.add(message(155, 2, concat(hex("01 c0 00 07"), DOC_B, hex("0512 0080"), PREFIX, hex("0604 0000 0000"))));
        f.add(message(155, 2, concat(hex("01 00 00 08"), hex("0502 0000"), new byte[12])));
        f.add(message(155, 2, hex("01 00 00 08 0000 0000")));
        f.add(message(155, 3, concat(hex("01 80 09 00"), DOC_B)));
        f.add(message(155, 3, concat(hex("01 00 0a 02"), hex("00 00"))));
        f.add(message(155, 3, hex("01 80 0b 00 0000 0000")));
        f.add(message(155, 4, new byte[4]));
        f.add(message(155, 0x81, new byte[4]));
        f.add(frame(hex("9b01"), DOC_A, DOC_B));
        f.add(frame(hex("9b0200"), DOC_A, DOC_B));
        return f;
    }

    @Test
    void randomMessagesAsTcpdump() throws Exception {
        List<Frame> frames = Icmp6RandomMessages.frames(20240601L, 3000);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-x", "-v", "-vv", "-vvv");
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>(errors());
        f.addAll(nd());
        f.addAll(mld());
        f.addAll(rest());
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("ICMP6", 4443, 500))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v")
            .mutated("-x", "-v", "-vv")
            .allocation("", "-v", "-vv", "-vvv");
    }

    /** The ICMPv6 message, after the IPv6 header. */
    @Override
    int start(byte[] frame) {
        return ICMP6_START;
    }
}
