package dev.fabricscope.capture;

import static dev.fabricscope.capture.Pcapng.block;
import static dev.fabricscope.capture.Pcapng.epb;
import static dev.fabricscope.capture.Pcapng.idb;
import static dev.fabricscope.capture.Pcapng.opb;
import static dev.fabricscope.capture.Pcapng.option;
import static dev.fabricscope.capture.Pcapng.shb;
import static dev.fabricscope.capture.Pcapng.spb;
import static dev.fabricscope.capture.Pcapng.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fabricscope.capture.ReadBack.Frame;
import dev.fabricscope.capture.ReadBack.Result;
import dev.fabricscope.capture.ReadBack.Way;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** pcapng blocks built per draft-ietf-opsawg-pcapng; expected values read off the bytes built here. */
class PcapngReaderTest {
    @TempDir Path dir;

    private static void assertFrame(Frame f, long ts, int cap, int orig, int iface, int linkType, long number,
                                    byte[] data) {
        assertEquals(ts, f.ts(), "timestamp of frame " + number);
        assertEquals(cap, f.capLen(), "caplen of frame " + number);
        assertEquals(orig, f.origLen(), "origlen of frame " + number);
        assertEquals(iface, f.iface(), "interface of frame " + number);
        assertEquals(linkType, f.linkType(), "link type of frame " + number);
        assertEquals(number, f.number());
        assertArrayEquals(data, f.data(), "bytes of frame " + number);
    }

    private String file(Way way) {
        return ReadBack.fileName(way, dir);
    }

    /** One section with named interfaces and EPB, SPB and OPB packets, in the given byte order. */
    private void oneSection(Bytes b, Way way) throws IOException {
        shb(b);
        Bytes opts = b.like();
        option(opts, 2, text("eth0"));
        option(opts, 3, text("uplink to leaf 1"));
        idb(b, 1, 65535, opts);
        idb(b, 113, 0, null);
        epb(b, 0, 1_700_000_000_123_456L, 5, 60, Bytes.seq(5, 1));
        epb(b, 1, 1_700_000_001_000_001L, 4, 4, Bytes.seq(4, 20));
        spb(b, 3, Bytes.seq(3, 40));
        opb(b, 1, 2_000_000L, 2, 2, Bytes.seq(2, 60));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        assertEquals(CaptureFormat.PCAPNG, r.format());
        assertEquals(List.of(new CaptureInterface("eth0", "uplink to leaf 1", 1, 65535, 1000),
                new CaptureInterface("", "", 113, 0, 1000)), r.interfaces());
        assertEquals(4, r.frames().size());
        assertFrame(r.frames().get(0), 1_700_000_000_123_456_000L, 5, 60, 0, 1, 1, Bytes.seq(5, 1));
        assertFrame(r.frames().get(1), 1_700_000_001_000_001_000L, 4, 4, 1, 113, 2, Bytes.seq(4, 20));
        // SPB: interface 0, no timestamp (0), caplen = original length when the block holds it.
        assertFrame(r.frames().get(2), 0, 3, 3, 0, 1, 3, Bytes.seq(3, 40));
        assertFrame(r.frames().get(3), 2_000_000_000L, 2, 2, 1, 113, 4, Bytes.seq(2, 60));
    }

    /**
     * Opening reads up to the first IDB, past name resolution and custom blocks, as libpcap does; it stops before a
     * packet block (which next() then judges) and does not read on to a second interface.
     */
    @ParameterizedTest
    @EnumSource(Way.class)
    void theFirstInterfaceIsKnownOnceOpened(Way way) throws IOException {
        Bytes b = Bytes.le();
        shb(b);
        block(b, Pcapng.NRB, b.like().u16(0).u16(0));
        block(b, Pcapng.CUSTOM, b.like().u32(32473).raw(Bytes.seq(5, 1)));
        idb(b, 113, 0, null);
        epb(b, 0, 1_000_000L, 4, 4, Bytes.seq(4, 1));
        idb(b, 1, 96, null);
        List<String> problems = new java.util.ArrayList<>();
        try (PacketSource source = ReadBack.open(b.toArray(), way, dir, problems::add)) {
            assertEquals(List.of(new CaptureInterface("", "", 113, 0, 1000)), source.interfaces());
            assertEquals(262144, source.interfaces().getFirst().libpcapSnapLen());
            Packet p = new Packet();
            assertEquals(true, source.next(p));
            assertEquals(113, p.linkType());
            assertEquals(false, source.next(p));
            assertEquals(2, source.interfaces().size());
        }
        assertEquals(List.of(), problems);

        Bytes packetFirst = Bytes.le();
        shb(packetFirst);
        epb(packetFirst, 0, 1_000_000L, 4, 4, Bytes.seq(4, 1));
        idb(packetFirst, 1, 96, null);
        try (PacketSource source = ReadBack.open(packetFirst.toArray(), way, dir, problems::add)) {
            assertEquals(List.of(), source.interfaces());
            assertEquals(false, source.next(new Packet()));
        }
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.getFirst().contains("refers to interface 0 but the section has 0"), problems.toString());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void littleEndianSection(Way way) throws IOException {
        oneSection(Bytes.le(), way);
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void bigEndianSection(Way way) throws IOException {
        oneSection(Bytes.be(), way);
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void interfaceIdsRestartPerSectionButStayGlobal(Way way) throws IOException {
        Bytes le = Bytes.le();
        shb(le);
        idb(le, 1, 65535, option(le.like(), 2, text("a")));
        idb(le, 113, 65535, option(le.like(), 2, text("b")));
        epb(le, 1, 1_000_000, 1, 1, new byte[] {1});
        epb(le, 0, 2_000_000, 1, 1, new byte[] {2});
        Bytes be = Bytes.be();
        shb(be);
        idb(be, 101, 65535, option(be.like(), 2, text("c")));
        epb(be, 0, 3_000_000, 1, 1, new byte[] {3});
        Result r = ReadBack.read(le.raw(be).toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("a", "b", "c"), r.interfaces().stream().map(CaptureInterface::name).toList());
        assertFrame(r.frames().get(0), 1_000_000_000L, 1, 1, 1, 113, 1, new byte[] {1});
        assertFrame(r.frames().get(1), 2_000_000_000L, 1, 1, 0, 1, 2, new byte[] {2});
        assertFrame(r.frames().get(2), 3_000_000_000L, 1, 1, 2, 101, 3, new byte[] {3});
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void packetReferringToAnEarlierSectionsInterfaceStops(Way way) throws IOException {
        Bytes b = Bytes.le();
        shb(b);
        idb(b, 1, 65535, null);
        idb(b, 1, 65535, null);
        shb(b);
        idb(b, 1, 65535, null);
        int bad = b.size();
        epb(b, 1, 0, 1, 1, new byte[] {1});
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.frames());
        assertEquals(List.of(file(way) + ": enhanced packet block at offset " + bad
                + " refers to interface 1 but the section has 1; stopping"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void timestampResolutionsAndOffset(Way way) throws IOException {
        Bytes b = Bytes.be();
        shb(b);
        idb(b, 1, 0, option(b.like(), 9, new byte[] {9}));                  // 10^-9 s
        idb(b, 1, 0, option(b.like(), 9, new byte[] {6}));                  // 10^-6 s, explicit
        idb(b, 1, 0, option(b.like(), 9, new byte[] {(byte) (0x80 | 20)})); // 2^-20 s
        idb(b, 1, 0, option(b.like(), 9, new byte[] {12}));                 // 10^-12 s
        Bytes offset = option(b.like(), 14, b.like().u64(1000).toArray());   // +1000 s
        option(offset, 9, new byte[] {3});                                     // 10^-3 s
        idb(b, 1, 0, offset);
        idb(b, 1, 0, option(b.like(), 9, new byte[] {(byte) 0x83}));         // 2^-3 s
        epb(b, 0, 1_234_567_890_123_456_789L, 0, 0, new byte[0]);
        epb(b, 1, 1_234_567_890_123_456L, 0, 0, new byte[0]);
        epb(b, 2, (5L << 20) | (1L << 19), 0, 0, new byte[0]);  // 5.5 s
        epb(b, 2, (7L << 20) | 1, 0, 0, new byte[0]);           // 7 s + 1e9/2^20 ns = 953.67 ns, truncated
        epb(b, 3, 1_234_567_890_123_999L, 0, 0, new byte[0]);   // ps: sub-ns part truncated
        epb(b, 4, 1_500, 0, 0, new byte[0]);                    // 1.5 s + 1000 s
        epb(b, 5, 13, 0, 0, new byte[0]);                       // 13/8 s
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        List<Long> ts = r.frames().stream().map(Frame::ts).toList();
        assertEquals(List.of(1_234_567_890_123_456_789L, 1_234_567_890_123_456_000L, 5_500_000_000L,
                7_000_000_953L, 1_234_567_890_123L, 1_001_500_000_000L, 1_625_000_000L), ts);
        assertEquals(List.of(1L, 1000L, 953L, 1L, 1_000_000L, 125_000_000L),
                r.interfaces().stream().map(CaptureInterface::tsResolutionNanos).toList());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void simplePacketBlockCapLenIsBoundedBySnapLenAndBlock(Way way) throws IOException {
        Bytes b = Bytes.le();
        shb(b);
        idb(b, 1, 64, null);
        // Original 100 bytes, snaplen 64: the block holds 64.
        spb(b, 100, Bytes.seq(64, 0));
        // Original 10 bytes: the block holds 10 plus 2 padding bytes.
        spb(b, 10, Bytes.seq(10, 5));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        assertFrame(r.frames().get(0), 0, 64, 100, 0, 1, 1, Bytes.seq(64, 0));
        assertFrame(r.frames().get(1), 0, 10, 10, 0, 1, 2, Bytes.seq(10, 5));
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void simplePacketBlockTooShortForItsPacketStops(Way way) throws IOException {
        // an SPB's packet is min(original length, snaplen) long: 1000 here (snaplen 0 = 262144), and the block
        // holds 20 bytes, which tcpdump and tshark both call damaged
        Bytes b = Bytes.le();
        int at = goodStart(b, 0);
        spb(b, 1000, Bytes.seq(20, 0));
        assertStopsAfterOne(b.toArray(), way, "simple packet block at offset " + at
                + " needs 1000 bytes of packet data but room for only 20 bytes");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void otherBlocksAreSkipped(Way way) throws IOException {
        Bytes b = Bytes.be();
        shb(b);
        // NRB: one IPv4 record (type 1, len 8: 4 address bytes + "h\0\0\0"), end of records.
        block(b, Pcapng.NRB, b.like().u16(1).u16(8).raw(new byte[] {10, 0, 0, 1, 'h', 0, 0, 0}).u16(0).u16(0));
        idb(b, 1, 65535, null);
        epb(b, 0, 1_000_000, 1, 1, new byte[] {1});
        // ISB: interface 0, timestamp, no options.
        block(b, Pcapng.ISB, b.like().u32(0).u32(0).u32(5));
        // DSB: secrets type "TLSK", 4 bytes of secrets.
        block(b, Pcapng.DSB, b.like().u32(0x544c534bL).u32(4).raw(new byte[] {1, 2, 3, 4}));
        // Custom block (0x00000BAD): private enterprise number and data.
        block(b, Pcapng.CUSTOM, b.like().u32(32473).raw(Bytes.seq(9, 0)));
        block(b, 0x40000bad, b.like().u32(32473));
        block(b, 0x12345678, b.like());              // unknown type, empty body
        block(b, 0x0bad0bad, b.like().raw(Bytes.seq(5000, 0)));
        epb(b, 0, 2_000_000, 1, 1, new byte[] {2});
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        assertEquals(2, r.frames().size());
        assertFrame(r.frames().get(1), 2_000_000_000L, 1, 1, 0, 1, 2, new byte[] {2});
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void interfaceOptionOverrunIsReportedAndInterfaceKept(Way way) throws IOException {
        Bytes b = Bytes.le();
        shb(b);
        int idbAt = b.size();
        // if_name claims 200 bytes in a block that has 8 of option space.
        idb(b, 1, 65535, b.like().u16(2).u16(200).raw(text("eth0")));
        epb(b, 0, 1_000_000, 1, 1, new byte[] {1});
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(1, r.frames().size());
        assertEquals(List.of(new CaptureInterface("", "", 1, 65535, 1000)), r.interfaces());
        assertEquals(List.of(file(way) + ": interface description block at offset " + idbAt
                + ": option 2 overruns the block; ignoring the rest of its options"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void version12IsReadAsVersion10(Way way) throws IOException {
        Bytes b = Bytes.le().u32(0x0a0d0d0a).u32(28).u32(0x1a2b3c4d).u16(1).u16(2).u64(-1).u32(28);
        idb(b, 1, 65535, null);
        epb(b, 0, 1_000_000, 1, 1, new byte[] {1});
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.frames().size());
    }

    /** A section with one interface and one good packet; returns the offset after it. */
    private static int goodStart(Bytes b) {
        return goodStart(b, 65535);
    }

    private static int goodStart(Bytes b, long snapLen) {
        shb(b);
        idb(b, 1, snapLen, null);
        epb(b, 0, 1_000_000, 1, 1, new byte[] {1});
        return b.size();
    }

    private void assertStopsAfterOne(byte[] bytes, Way way, String problem) throws IOException {
        Result r = ReadBack.read(bytes, way, dir);
        assertEquals(1, r.frames().size(), "packets before the damage");
        assertEquals(List.of(file(way) + ": " + problem + "; stopping"), r.problems());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void lengthNotMultipleOfFour(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.EPB).u32(34).raw(new byte[26]).u32(34);
        assertStopsAfterOne(b.toArray(), way, "block at offset " + at + " (type 0x00000006) has invalid length 34");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void lengthBelowTwelve(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.ISB).u32(8).u32(8);
        assertStopsAfterOne(b.toArray(), way, "block at offset " + at + " (type 0x00000005) has invalid length 8");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void zeroLengthCannotLoop(Way way) throws IOException {
        Bytes b = Bytes.be();
        int at = goodStart(b);
        b.u32(0x12345678).u32(0).u32(0).u32(0);
        assertStopsAfterOne(b.toArray(), way, "block at offset " + at + " (type 0x12345678) has invalid length 0");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void packetBlockPastEndOfFile(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.EPB).u32(1000).raw(new byte[40]);
        assertStopsAfterOne(b.toArray(), way, "truncated enhanced packet block at offset " + at
                + " (length 1000, 48 bytes left)");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void skippedBlockPastEndOfFile(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.ISB).u32(0xfffffffcL).raw(new byte[40]);
        assertStopsAfterOne(b.toArray(), way, "truncated block at offset " + at
                + " (type 0x00000005, length 4294967292, 48 bytes left)");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void absurdPacketBlockLength(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.EPB).u32(0xfffffffcL).raw(new byte[40]);
        assertStopsAfterOne(b.toArray(), way, "enhanced packet block at offset " + at
                + " has invalid length 4294967292");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void trailingLengthDiffers(Way way) throws IOException {
        Bytes b = Bytes.be();
        int at = goodStart(b);
        byte[] bytes = epb(b, 0, 2_000_000, 1, 1, new byte[] {2}).toArray();
        bytes[bytes.length - 1] = 40; // trailing 0x28 instead of 0x24
        assertStopsAfterOne(bytes, way, "block at offset " + at
                + " (type 0x00000006): trailing length 40 differs from leading length 36");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void trailingLengthDiffersInSkippedBlock(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.DSB).u32(20).u32(0).u32(0).u32(24);
        assertStopsAfterOne(b.toArray(), way, "block at offset " + at
                + " (type 0x0000000a): trailing length 24 differs from leading length 20");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void capLenLargerThanBlock(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        epb(b, 0, 0, 100, 100, Bytes.seq(8, 0)); // claims 100 bytes, block has room for 8
        assertStopsAfterOne(b.toArray(), way, "enhanced packet block at offset " + at
                + " has caplen 100 but room for only 8 bytes");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void capLenAboveSnapLenStops(Way way) throws IOException {
        // libpcap: "invalid packet capture length 100, bigger than snaplen of 64"; tcpdump -r stops there
        Bytes b = Bytes.le();
        int at = goodStart(b, 64);
        epb(b, 0, 0, 100, 100, Bytes.seq(100, 0));
        assertStopsAfterOne(b.toArray(), way, "enhanced packet block at offset " + at
                + " has caplen 100, larger than the interface's snaplen 64");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void capLenAboveTheLinkTypeMaximumStopsWhenTheSnapLenIsZeroOrNegativeAsAnInt(Way way) throws IOException {
        // libpcap 1.10: those mean the link type's maximum (Ethernet: 262144)
        for (long snapLen : new long[] {0, 0x8000_0000L, 0xffff_ffffL}) {
            Bytes b = Bytes.le();
            int at = goodStart(b, snapLen);
            epb(b, 0, 0, 262_145, 262_145, Bytes.seq(262_145, 0));
            assertStopsAfterOne(b.toArray(), way, "enhanced packet block at offset " + at
                    + " has caplen 262145, larger than the interface's snaplen 262144");
        }
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void truncatedBlockHeader(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(Pcapng.EPB).u16(0);
        assertStopsAfterOne(b.toArray(), way, "truncated block header at offset " + at + " (6 of 8 bytes)");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void capLenAboveOrigLenIsKept(Way way) throws IOException {
        Bytes b = Bytes.le();
        shb(b);
        idb(b, 1, 65535, null);
        epb(b, 0, 0, 8, 4, Bytes.seq(8, 0));
        Result r = ReadBack.read(b.toArray(), way, dir);
        assertFrame(r.frames().get(0), 0, 8, 4, 0, 1, 1, Bytes.seq(8, 0));
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void badLaterSectionHeaderStops(Way way) throws IOException {
        Bytes b = Bytes.le();
        int at = goodStart(b);
        b.u32(0x0a0d0d0a).u32(28).u32(0x11223344).u16(1).u16(0).u64(-1).u32(28);
        // The message shows the magic bytes in file order (44 33 22 11), like the "starts with" message.
        assertStopsAfterOne(b.toArray(), way, "section header block at offset " + at
                + " has bad byte-order magic (bytes in file order) 0x44332211");
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void badFirstSectionHeaderIsAFormatError(Way way) {
        byte[] badMagic = Bytes.le().u32(0x0a0d0d0a).u32(28).u32(0x11223344).u16(1).u16(0).u64(-1).u32(28).toArray();
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(badMagic, way, dir));
        assertEquals(file(way) + ": section header block at offset 0 has bad byte-order magic (bytes in file order) 0x44332211", e.getMessage());

        byte[] version2 = Bytes.be().u32(0x0a0d0d0a).u32(28).u32(0x1a2b3c4d).u16(2).u16(0).u64(-1).u32(28).toArray();
        e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(version2, way, dir));
        assertEquals(file(way) + ": section header block at offset 0 has unsupported version 2.0", e.getMessage());

        // libpcap and Wireshark read 1.0 and 1.2 (as 1.0) and refuse any other 1.x
        // (libpcap's tests/pcapng-invalid-vers-2)
        byte[] version11 = Bytes.le().u32(0x0a0d0d0a).u32(28).u32(0x1a2b3c4d).u16(1).u16(1).u64(-1).u32(28).toArray();
        e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(version11, way, dir));
        assertEquals(file(way) + ": section header block at offset 0 has unsupported version 1.1", e.getMessage());

        byte[] shortLength = Bytes.le().u32(0x0a0d0d0a).u32(12).u32(0x1a2b3c4d).toArray();
        e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(shortLength, way, dir));
        assertEquals(file(way) + ": section header block at offset 0 has invalid length 12", e.getMessage());

        byte[] cut = Bytes.cut(shb(Bytes.le()).toArray(), 20);
        e = assertThrows(CaptureFormatException.class, () -> ReadBack.read(cut, way, dir));
        assertEquals(file(way) + ": truncated section header block at offset 0 (length 28, 20 bytes left)",
                e.getMessage());
    }
}
