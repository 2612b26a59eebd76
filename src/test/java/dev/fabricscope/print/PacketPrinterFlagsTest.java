package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static dev.fabricscope.testing.ByteArrays.u16;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.testing.Oracles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump's printing flags beyond the verbosity, against tcpdump itself on the same file: -e, -t ... -ttttt, -#,
 * -x/-xx, -X/-XX, -A/-AA, alone and with -q and -v. The whole output must be equal, so the frames are ones
 * whose every line we print (no application decoders we lack), including tcpdump's default hex dump of an
 * unknown payload, which -x, -X and -q replace.
 */
class PacketPrinterFlagsTest {
    @TempDir
    Path dir;

    /** Seconds and microseconds of each frame: +1.5 s, back 0.3 s, then +25 h (hours wrap in -ttt as gmtime's). */
    private static final long[][] TIMES = {{1_700_000_000L, 5}, {1_700_000_001L, 500_005}, {1_700_000_001L, 200_000},
        {1_700_090_001L, 999_999}};

    static List<byte[]> ethernetFrames(boolean withUnknownPayloads) {
        List<byte[]> f = new ArrayList<>();
        f.add(ethernet(0x0800, ipv4(6, tcp(0x002, hex("020405b4 0402 080a 00000001 00000000 01 030307"), new byte[0]))));
        f.add(ethernet(0x0800, ipv4(6, tcp(0x018, new byte[0], "GET / HTTP/1.1\r\nHost: a\r\n\r\nx\ry\r\r\n\t\u0001z\r".getBytes()))));
        f.add(ethernet(0x0800, ipv4(17, udp(258, 772, "abcd".getBytes(), IP_A, IP_B))));
        byte[] noSum = udp(259, 773, "efgh".getBytes(), IP_A, IP_B);
        noSum[6] = 0;
        noSum[7] = 0;
        f.add(ethernet(0x0800, ipv4(17, noSum)));                             // -vv: [no cksum]
        byte[] badSum = udp(260, 774, "ijkl".getBytes(), IP_A, IP_B);
        badSum[7] ^= 0x5a;
        f.add(ethernet(0x0800, ipv4(17, badSum)));                            // -vv: [bad udp cksum ...]
        f.add(ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 2, "abcdefghijklmnopqrstuvwxyz".getBytes()))));
        // IPv4 options (router alert, NOPs): cut inside them, tcpdump gives up on the packet
        f.add(ethernet(0x0800, ipv4(2, hex("1164ee9be0000001"), 0xc0, 1, 7, 0, hex("94040000 01010100"), -1, IP_A,
            hex("e0000001"))));
        f.add(ethernet(0x0806, concat(arp(1, MAC_B, IP_A, new byte[6], IP_B), new byte[18])));   // padded to 60
        f.add(vlan(5, 0x0800, ipv4(6, tcp(0x010, new byte[0], new byte[0]))));
        f.add(concat(MAC_A, MAC_B, hex("88a8 1014 8100 000a 0806"), arp(2, MAC_B, IP_A, MAC_A, IP_B)));  // QinQ
        f.add(ethernet(0x86dd, ipv6(6, tcp(40000, 443, 1, 2, 0x018, 100, 0, new byte[0], "hi".getBytes(), IP6_A, IP6_B),
            0x600b3d7fL, IP6_A, IP6_B)));
        f.add(ethernet(0x8809, SlowProtocolsFormatterTest.LACPDU));
        f.add(ethernet(0x8809, SlowProtocolsFormatterTest.OAM_EVENT));
        byte[] echo6 = concat(hex("80 00 0000"), u16(7), u16(9), "ping".getBytes());
        setChecksum(echo6, 2, pseudo(IP6_A, IP6_B, 58, echo6.length));
        f.add(ethernet(0x86dd, ipv6(58, echo6, 0x60000000L, IP6_A, IP6_B)));
        f.add(ethernet(0x86dd, ipv6(17, udp(5000, 4791, new byte[16], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
        if (withUnknownPayloads) {
            f.add(ethernet(0x1234, "hello".getBytes()));                       // tcpdump's default dump: replaced
            f.add(ethernet(0x0800, ipv4(99, "opaque".getBytes())));           // ip-proto-99
        }
        return f;
    }

    @Test
    void ethernetFramesWithEveryFlag() throws Exception {
        Path all = write(LinkType.EN10MB, ethernetFrames(true), false);
        // -A leaves tcpdump's default hex dump of an unknown payload in place (-x, -X and -q suppress it)
        for (String flags : List.of("-e", "-t", "-tt", "-ttt", "-tttt", "-ttttt", "-#", "-q -e", "-v -e -#",
                "-e -ttt -#", "-A", "-AA", "-tt -# -A", "-vv", "-vvv -e", "-x", "-xx", "-X", "-XX", "-q -X", "-v -XX -e",
                "-q -e -x", "-vv -X")) {
            assertSameAsTcpdump(all, flags);
        }
    }

    /**
     * 802.3 frames (STP, SNAP with CDP, NetBIOS's LLC, an I frame): the whole output, the raw bytes starting after
     * the LLC header (3 bytes, 4 with a 2-byte control field, 8 with SNAP) as tcpdump counts it.
     */
    @Test
    void llcFramesDumpAfterTheLlcHeader() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (String llc : List.of("424203 0000000000800000112233445500000000800000112233445580010000140002000f00",
                "aaaa0300000c2000 00000000000000000000", "f0f00002 6e657462696f73", "0001af818001")) {
            byte[] payload = hex(llc.replace(" ", ""));
            byte[] frame = concat(hex("0180c2000000"), MAC_A, u16(payload.length), payload);
            frames.add(java.util.Arrays.copyOf(frame, Math.max(60, frame.length)));    // padded, as on the wire
        }
        Path file = write(LinkType.EN10MB, frames, false);
        for (String flags : List.of("-x", "-X", "-e -x", "-q -X", "-A", "-v -XX", "-e -AA")) {
            assertSameAsTcpdump(file, flags);
        }
    }

    /** A nanosecond file: tcpdump prints microseconds (truncated) unless --nano, then nine digits everywhere. */
    @Test
    void nanosecondTimes() throws Exception {
        Path file = write(LinkType.EN10MB, ethernetFrames(false), false, true);
        for (String flags : List.of("-tt", "-ttt", "-tttt", "-ttttt", "--nano", "--nano -tt", "--nano -ttt",
                "--nano -tttt", "--nano -ttttt -#")) {
            assertSameAsTcpdump(file, flags);
        }
    }

    /**
     * Every frame cut after each of its bytes: the raw bytes are those captured, after the link-level header, or
     * all of them where tcpdump's printer gave up on a truncated field (it then dumps from the start).
     */
    @Test
    void framesCutAtEveryByte() throws Exception {
        List<byte[]> cuts = new ArrayList<>();
        for (byte[] full : ethernetFrames(false)) {
            for (int cut = 1; cut < full.length; cut++) cuts.add(java.util.Arrays.copyOf(full, cut));
        }
        Path file = write(LinkType.EN10MB, cuts, true);
        for (String flags : List.of("-x", "-e -X", "-q -xx", "-v -x", "-vv -x")) assertSameAsTcpdump(file, flags);
    }

    @Test
    void otherLinkTypes() throws Exception {
        byte[] ip = ipv4(6, tcp(0x018, new byte[0], "raw".getBytes()));
        byte[] ip6 = ipv6(17, udp(1, 2, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] sll = hex("0000 0001 0006 66778899aabb 0000");
        List<Path> files = List.of(
            write(LinkType.RAW, List.of(ip, ip6), false),
            write(LinkType.NULL, List.of(concat(hex("02000000"), ip), concat(hex("1e000000"), ip6)), false),
            write(LinkType.LINUX_SLL, List.of(concat(sll, u16(0x0800), ip), concat(sll, u16(0x86dd), ip6)), false),
            write(LinkType.LINUX_SLL2, List.of(concat(u16(0x0800), hex("0000 00000001 0001 04 06 66778899aabb0000"), ip)),
                false));
        for (Path file : files) {
            for (String flags : List.of("-x", "-xx", "-X", "-XX", "-A", "-AA", "-ttttt -#")) assertSameAsTcpdump(file, flags);
        }
        for (String flags : List.of("-e", "-e -v", "-e -x")) assertSameAsTcpdump(files.get(0), flags);   // raw IP: "ip: "
    }

    /**
     * Writes {@code frames} as {@code name}.pcap of {@code linkType} in {@code dir} and compares our lines with
     * tcpdump's for each flag set ("" for none; {@link TcpdumpOracle#RELATIVE} for tcpdump without -S): the link-type
     * tests' comparison.
     */
    static void assertLinkFramesAsTcpdump(Path dir, String name, int linkType, List<TestPcap.Frame> frames,
                                          String... flagSets) throws Exception {
        Path file = dir.resolve(name + ".pcap");
        TestPcap.write(file, linkType, 1_700_000_000L, frames);
        for (String flags : flagSets) assertSameAsTcpdump(file, flags.isEmpty() ? "-n" : flags);
    }

    static void assertSameAsTcpdump(Path file, String flags) throws Exception {
        List<String> given = List.of(flags.split(" "));
        List<String> args = new ArrayList<>(List.of("-n"));
        if (!given.contains(TcpdumpOracle.RELATIVE)) args.add("-S");
        given.stream().filter(f -> !f.equals(TcpdumpOracle.RELATIVE)).forEach(args::add);
        args.addAll(List.of("-r", file.toString()));
        Oracles.Run tcpdump = Oracles.run(withTz(args), java.util.Map.of("TZ", "UTC"));
        assertEquals(0, tcpdump.exitCode(), tcpdump.err());
        assertEquals(tcpdump.out(), ours(file, flags), "tcpdump " + String.join(" ", args));
    }

    private static List<String> withTz(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Oracles.tcpdump()));
        command.addAll(args);
        return command;
    }

    /** Our output for the flags as the capture command maps them onto the printer. */
    static String ours(Path file, String flags) throws Exception {
        List<String> f = List.of(flags.split(" "));
        int v = count(f, "v");
        Verbosity verbosity = Verbosity.of(f.contains("-q"), v);
        Set<PacketPrinter.Option> options = EnumSet.noneOf(PacketPrinter.Option.class);
        if (f.contains("-e")) options.add(PacketPrinter.Option.LINK_HEADERS);
        if (f.contains("-#")) options.add(PacketPrinter.Option.PACKET_NUMBERS);
        if (f.contains("--nano")) options.add(PacketPrinter.Option.NANOSECONDS);
        if (f.contains("-H")) options.add(PacketPrinter.Option.MESH_HEADERS);
        if (f.contains(TcpdumpOracle.RELATIVE)) options.add(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS);
        int t = f.stream().filter(s -> s.matches("-t+")).mapToInt(s -> s.length() - 1).sum();
        RawDump dump = RawDump.ofFlags(count(f, "x"), count(f, "X"), count(f, "A"));
        return PacketPrinterTest.printAll(file,
            new PacketPrinter(ZoneId.of("UTC"), verbosity, options, TimestampStyle.ofTFlags(t), dump));
    }

    private static int count(List<String> flags, String letter) {
        return flags.stream().filter(s -> s.matches("-" + letter + "+")).mapToInt(s -> s.length() - 1).sum();
    }

    /** A pcap with {@link #TIMES} cycled; {@code cut}: each record's original length is the full frame's (+40). */
    private Path write(int linkType, List<byte[]> frames, boolean cut) throws Exception {
        return write(linkType, frames, cut, false);
    }

    /** {@code nanos}: a nanosecond pcap, each time's fraction given 789 more nanoseconds. */
    private Path write(int linkType, List<byte[]> frames, boolean cut, boolean nanos) throws Exception {
        int size = 24 + frames.stream().mapToInt(b -> 16 + b.length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
            .putInt(65535).putInt(linkType);
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            long[] time = TIMES[i % TIMES.length];
            b.putInt((int) (time[0] + i / TIMES.length * 100_000L)).putInt((int) (nanos ? time[1] * 1000 + 789 : time[1]))
                .putInt(frame.length)
                .putInt(cut ? frame.length + 40 : frame.length).put(frame);
        }
        Path file = Files.createTempFile(dir, "flags", ".pcap");
        Files.write(file, b.array());
        return file;
    }
}
