package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Network Service Header (RFC 8300: base header, service path, MD type 1 context words or MD type 2 TLVs, then
 * the carried packet) on ethertype 0x894f against tcpdump 4.99 itself: in every verbosity (-vv and -vvv add fields
 * and the context headers), with -e, cut after every byte, and seeded random headers; also after a Linux cooked
 * header and inside Geneve. NSH inside VXLAN-GPE is in {@link VxlanGpeFormatterTest}.
 */
class NshFormatterTest {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 10, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 10, 2};
    static final int IPV4 = 1, IPV6 = 2, ETHERNET = 3;

    @TempDir
    Path dir;

    /** The base header (version, O and U flags, TTL, length in words, MD type, next protocol) and service path. */
    static byte[] header(int version, int flags, int ttl, int words, int mdType, int next, int spi, int si) {
        return concat(u32((long) version << 30 | (long) flags << 28 | ttl << 22 | words << 16 | mdType << 8 | next),
            u32((long) spi << 8 | si));
    }

    /** A well-formed NSH: its length counted from the context headers given. */
    static byte[] nsh(int mdType, int next, int spi, int si, byte[] context, byte[] payload) {
        return concat(header(0, 0, 63, 2 + context.length / 4, mdType, next, spi, si), context, payload);
    }

    /** An MD type 2 TLV: class, type, length (7 bits; {@code flag} sets the bit above) and value padded to words. */
    static byte[] tlv(int tlvClass, int type, boolean flag, byte[] value) {
        return concat(u16(tlvClass), new byte[] {(byte) type, (byte) (value.length | (flag ? 0x80 : 0))}, value,
            new byte[(4 - value.length % 4) % 4]);
    }

    static byte[] innerIpv4() {
        return ipv4(17, udp(1000, 2000, ascii("abcd"), INNER_A, INNER_B), 0, 64, 1, 0, new byte[0], -1, INNER_A, INNER_B);
    }

    static byte[] innerIpv6() {
        return ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
    }

    static byte[] innerEthernet() {
        return ethernet(0x0800, ipv4(6, tcp(33000, 8000, 1000, 0, 0x002, 64240, 0, hex("020405b4"), new byte[0],
            INNER_A, INNER_B), 0, 64, 7, 0x4000, new byte[0], -1, INNER_A, INNER_B));
    }

    /** NSH messages of every kind tcpdump tells apart; each is the whole payload tcpdump's nsh_print gets. */
    static List<byte[]> messages() {
        byte[] md1 = hex("00000001 deadbeef 00000000 ffffffff");
        byte[] md2 = concat(tlv(0x0101, 1, false, hex("0a0b0c")), tlv(0, 0x80, true, new byte[0]),
            tlv(0xffff, 255, false, hex("0102030405060708")), tlv(7, 9, false, hex("aa")));
        List<byte[]> m = new ArrayList<>();
        m.add(nsh(1, IPV4, 1, 255, md1, innerIpv4()));
        m.add(nsh(1, IPV6, 0xabcdef, 0, md1, innerIpv6()));
        m.add(nsh(1, ETHERNET, 0xffffff, 7, md1, innerEthernet()));
        m.add(nsh(2, IPV4, 2, 254, md2, innerIpv4()));
        m.add(nsh(2, ETHERNET, 3, 253, new byte[0], innerEthernet()));                   // MD type 2, no TLVs
        m.add(nsh(2, IPV6, 4, 1, tlv(1, 2, false, new byte[127]), innerIpv6()));          // the longest value
        m.add(nsh(0, IPV4, 5, 2, hex("01020304"), innerIpv4()));                          // reserved MD type
        m.add(nsh(0xf, IPV4, 6, 3, hex("01020304 05060708"), innerIpv4()));              // experimental
        m.add(nsh(3, IPV4, 7, 4, new byte[0], innerIpv4()));                              // unknown MD type
        m.add(nsh(1, IPV4, 8, 5, hex("01020304"), innerIpv4()));                          // MD type 1, wrong length
        m.add(nsh(2, 4, 9, 6, new byte[0], innerIpv4()));                                 // NSH in NSH: not decoded
        m.add(nsh(2, 5, 10, 7, new byte[0], hex("000641ff") ));                           // MPLS: not decoded
        m.add(nsh(2, 0xfe, 11, 8, new byte[0], new byte[4]));
        m.add(nsh(2, 0xff, 12, 9, new byte[0], new byte[4]));
        m.add(nsh(2, 0x77, 13, 10, new byte[0], new byte[4]));
        m.add(nsh(2, 0, 14, 11, new byte[0], new byte[4]));
        m.add(concat(header(0, 2, 1, 2, 2, IPV4, 15, 12), innerIpv4()));                 // O flag
        m.add(concat(header(0, 1, 0, 2, 2, IPV4, 16, 13), innerIpv4()));                 // U flag only
        m.add(concat(header(0, 3, 63, 2, 2, IPV4, 17, 14), innerIpv4()));                // both
        m.add(concat(header(1, 0, 63, 2, 2, IPV4, 18, 15), innerIpv4()));                // version 1
        m.add(concat(header(3, 3, 63, 63, 15, 255, 19, 16), innerIpv4()));               // version 3
        m.add(concat(header(0, 0, 63, 1, 2, IPV4, 20, 17), innerIpv4()));                // one header word
        m.add(concat(header(0, 0, 63, 0, 1, IPV4, 21, 18), innerIpv4()));                // none
        m.add(concat(header(0, 0, 63, 40, 2, IPV4, 22, 19), new byte[8]));               // more words than bytes
        m.add(concat(header(0, 0, 63, 5, 2, IPV4, 23, 20), tlv(1, 1, false, new byte[12]), innerIpv4()));   // TLV too long
        m.add(concat(header(0, 0, 63, 4, 2, IPV4, 24, 21), tlv(1, 1, false, new byte[1]), tlv(2, 2, false, new byte[5])));
        m.add(nsh(2, IPV4, 25, 22, new byte[0], new byte[0]));                            // nothing carried
        m.add(nsh(2, ETHERNET, 26, 23, new byte[0], hex("0011223344")));                  // frame shorter than Ethernet
        m.add(hex("00 3f 02 01 00 00 01"));                                               // shorter than 8 bytes
        m.add(new byte[0]);
        return m;
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] message : messages()) f.add(new Frame(ethernet(0x894f, message)));
        f.add(new Frame(vlan(30, 0x894f, nsh(1, IPV4, 1, 255, hex("00000001 00000002 00000003 00000004"), innerIpv4()))));
        f.add(new Frame(ethernet(0x894f, nsh(2, ETHERNET, 1, 2, new byte[0], ethernet(0x894f,
            nsh(2, IPV4, 3, 4, new byte[0], innerIpv4()))))));                                 // NSH, Ethernet, NSH
        return f;
    }

    @Test
    void wholeMessagesAsTcpdump() throws Exception {
        List<Frame> frames = frames();
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames, "", "-v", "-vv", "-vvv", "-q");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-vvv -X");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.MOST_VERBOSE, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.HEX, "-e", "-vvv", "-x");
    }

    /**
     * Seeded random headers: any version, flags, TTL, MD type and next protocol, context headers that fit their
     * length or not (MD type 2 TLVs of random lengths), a carried packet of the kind named or another; whole and cut.
     */
    @Test
    void randomHeadersAsTcpdump() throws Exception {
        Random random = new Random(MutatedFrames.fromEnvironment("NSH_SEED", 0x894f));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Frame frame = new Frame(ethernet(0x894f, randomNsh(random)));
            frames.add(random.nextInt(3) == 0 ? frame.cut(14 + random.nextInt(frame.bytes().length - 14)) : frame);
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-vvv -x", "-vv", "");
    }

    /** NSH carried by Geneve (protocol 0x894f: tcpdump's ethertype_print), whole in every verbosity and cut. */
    @Test
    void carriedByGeneveAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>();
        int vni = 1;
        for (byte[] message : messages()) {
            byte[] geneve = concat(hex("0000 894f"), u32((long) vni++ << 8), message);
            frames.add(new Frame(ethernet(0x0800, ipv4(17, udp(50000 + vni, 6081, geneve, IP_A, IP_B)))));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames, "", "-v", "-vv", "-vvv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e");
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames, 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-vvv");
    }

    /** NSH after a Linux cooked header (tcpdump's ethertype_print there too), whole and cut, with and without -e. */
    @Test
    void linuxCookedAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (byte[] message : messages()) {
            frames.add(new Frame(concat(hex("0000 0001 0006"), MAC_A, hex("0000 894f"), message)));
        }
        Path whole = dir.resolve("sll.pcap");
        Path cut = dir.resolve("sll-cut.pcap");
        TestPcap.write(whole, LinkType.LINUX_SLL, 1_700_000_000L, frames);
        TestPcap.write(cut, LinkType.LINUX_SLL, 1_700_000_000L, TcpdumpOracle.cutAfterEveryByte(frames, 16));
        for (String flags : new String[] {"-n", "-e", "-q", "-v", "-vvv", "-e -vvv -x"}) {
            PacketPrinterFlagsTest.assertSameAsTcpdump(whole, flags);
        }
        for (String flags : new String[] {"-x", "-e -vvv"}) PacketPrinterFlagsTest.assertSameAsTcpdump(cut, flags);
    }

    /** Printing NSH, VXLAN-GPE, OTV and MPLS in UDP, with every detail, allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        List<Frame> frames = new ArrayList<>(frames());
        frames.addAll(VxlanGpeFormatterTest.allFrames());
        frames.addAll(OtvFormatterTest.allFrames());
        frames.addAll(MplsInUdpTest.frames());
        PrinterAllocation.assertNoAllocationPerPacket(frames, new PacketPrinter(ZoneOffset.UTC, Verbosity.MOST_VERBOSE,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), TimestampStyle.TIME, RawDump.HEX), 500, "NSH");
    }

    static byte[] randomNsh(Random random) {
        int[] mdTypes = {1, 2, 2, 2, 0, 0xf, random.nextInt(16)};
        int mdType = mdTypes[random.nextInt(mdTypes.length)];
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        if (mdType == 1 && random.nextInt(4) > 0) {
            context.writeBytes(randomBytes(random, 16));
        } else if (mdType == 2) {
            for (int n = random.nextInt(4); n > 0; n--) {
                int length = random.nextInt(4) == 0 ? random.nextInt(128) : random.nextInt(9);
                context.writeBytes(tlv(random.nextInt(0x10000), random.nextInt(256), random.nextBoolean(),
                    randomBytes(random, length)));
            }
        } else {
            context.writeBytes(randomBytes(random, 4 * random.nextInt(6)));
        }
        int words = 2 + context.size() / 4;
        if (random.nextInt(5) == 0) words = random.nextInt(64);                  // a length that does not fit
        int[] nexts = {IPV4, IPV6, ETHERNET, IPV4, IPV6, ETHERNET, 4, 5, 0xfe, random.nextInt(256)};
        int next = nexts[random.nextInt(nexts.length)];
        byte[] payload = switch (random.nextInt(4)) {
            case 0 -> innerIpv4();
            case 1 -> innerIpv6();
            case 2 -> innerEthernet();
            default -> randomBytes(random, random.nextInt(3) == 0 ? random.nextInt(12) : 0);
        };
        if (payload.length > 0 && random.nextInt(3) > 0) {   // mostly the kind the header names
            payload = next == IPV4 ? innerIpv4() : next == IPV6 ? innerIpv6() : next == ETHERNET ? innerEthernet() : payload;
        }
        int version = random.nextInt(8) == 0 ? random.nextInt(4) : 0;
        return concat(header(version, random.nextInt(4), random.nextInt(64), words, mdType, next,
            random.nextInt(1 << 24), random.nextInt(256)), context.toByteArray(), payload);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
