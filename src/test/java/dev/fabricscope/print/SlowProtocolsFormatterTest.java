package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Slow-protocols printing (LACP, Marker, OAM, unknown subtypes; print-slow.c) against tcpdump itself: whole in
 * every verbosity, cut after every byte, seeded mutants and no allocation (the base's checks, on {@link #frames()}),
 * and the hand-built frames of the tests below (LACPDU/Marker layouts of IEEE 802.1AX, OAM of 802.3 clause 57,
 * some broken on purpose, some cut short) with {@code TZ=UTC tcpdump -# -n -tttt -e -v -r FILE} (and without
 * -e/-v).
 */
class SlowProtocolsFormatterTest extends TcpdumpConformance {

    static final byte[] DST = hex("0180c2000002"), SRC = hex("0013c4120f0d");

    static byte[] slow(byte[] pdu) {
        return concat(DST, SRC, u16(0x8809), pdu);
    }

    static byte[] port(int type, int len, String mac, int state) {
        return concat(new byte[] {(byte) type, (byte) len}, u16(32768), hex(mac), u16(13), u16(128), u16(22),
                new byte[] {(byte) state}, zeros(3));
    }

    static final byte[] LACPDU = concat(hex("0101"), port(1, 20, "0013c4120f00", 0x3d), port(2, 20, "000e8316f500", 0xc2),
            hex("0310 8000"), zeros(12), hex("0000"), zeros(50));

    /** Our text for tcpdump -# -tttt and {@code options}. */
    static String ours(Path file, Verbosity v, Set<PacketPrinter.Option> options) throws Exception {
        Set<PacketPrinter.Option> numbered = EnumSet.of(PacketPrinter.Option.PACKET_NUMBERS);
        numbered.addAll(options);
        return PacketPrinterTest.printAll(file,
            new PacketPrinter(ZoneId.of("UTC"), v, numbered, TimestampStyle.DATE_TIME, RawDump.NONE));
    }

    void assertSameAsTcpdump(List<Frame> frames) throws Exception {
        Path file = dir.resolve("slow.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_258_257_730L, frames);
        var eV = Oracles.tcpdump("-#", "-n", "-tttt", "-e", "-v", "-r", file.toString());
        assertEquals(0, eV.exitCode(), eV.err());
        assertEquals(eV.out(), ours(file, Verbosity.VERBOSE,
                EnumSet.of(PacketPrinter.Option.LINK_HEADERS)), "tcpdump -e -v");
        var plain = Oracles.tcpdump("-#", "-n", "-tttt", "-r", file.toString());
        assertEquals(plain.out(), ours(file, Verbosity.NORMAL, EnumSet.noneOf(PacketPrinter.Option.class)), "tcpdump");
    }

    static List<Frame> wellFormed() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(slow(LACPDU)));
        f.add(new Frame(slow(concat(hex("0201 0110 0016 0013c4120f00 12345678 0000 0000"), zeros(90)))));   // Marker Info
        f.add(new Frame(slow(concat(hex("0201 0210 0016 0013c4120f00 12345678 0000 0000"), zeros(90)))));   // Response
        f.add(new Frame(slow(hex("03 0050 00"))));                                // OAM Information, no TLVs
        f.add(new Frame(slow(hex("03 0003 05"))));                                // OAM code 5: Unknown (5), flags
        f.add(new Frame(slow(concat(hex("07"), zeros(20), hex("ab")))));          // unknown subtype: odd-length dump
        f.add(new Frame(slow(concat(hex("0a 0019a7 0001"), zeros(41)))));         // OSSP (unknown to 4.99)
        f.add(new Frame(slow(hex("0102 0000"))));                                 // LACP version 2
        f.add(new Frame(concat(DST, SRC, hex("8100 e00a 8809"), LACPDU)));        // VLAN-tagged, p 7
        f.add(new Frame(concat(DST, SRC, hex("88a8 1014 8100 000a 8809"), LACPDU)));  // QinQ, DEI
        return f;
    }

    @Test
    void wellFormedLacpMarkerOamAndUnknown() throws Exception {
        assertSameAsTcpdump(wellFormed());
    }

    /** LACP and Marker PDUs of bad lengths, whole. */
    static List<Frame> badLengths() {
        List<Frame> f = new ArrayList<>();
        byte[] actor18 = LACPDU.clone();
        actor18[3] = 18;
        f.add(new Frame(slow(actor18)));
        byte[] collector14 = LACPDU.clone();
        collector14[43] = 14;
        f.add(new Frame(slow(collector14)));
        byte[] partner1 = LACPDU.clone();
        partner1[23] = 1;
        f.add(new Frame(slow(partner1)));
        byte[] unknownTlv = concat(java.util.Arrays.copyOf(LACPDU, 58), hex("0406 0000 0005"), hex("0000"), zeros(44));
        f.add(new Frame(slow(unknownTlv)));                                      // v2 Port Algorithm: Unknown to tcpdump
        f.add(new Frame(slow(java.util.Arrays.copyOf(LACPDU, 30))));             // PDU ends inside Partner TLV
        f.add(new Frame(slow(java.util.Arrays.copyOf(LACPDU, 59))));             // odd byte left for a TLV header
        byte[] marker12 = concat(hex("0201 010e 0016 0013c4120f00 12345678 0000"), zeros(90));
        f.add(new Frame(slow(marker12)));
        f.add(new Frame(slow(hex("01"))));                                       // too short for a version
        f.add(new Frame(slow(hex("03 00"))));                                    // OAM too short
        return f;
    }

    @Test
    void badLengthsAndTruncation() throws Exception {
        List<Frame> f = badLengths();
        byte[] full = slow(LACPDU);
        for (int cut : new int[] {14, 15, 16, 17, 18, 30, 36, 70, 73, 74}) f.add(new Frame(full, full.length).cut(cut));
        assertSameAsTcpdump(f);
    }

    /** An OAM Information TLV (802.3 57.5.2.1): type, length 16, version, revision, state, config, PDU config, OUI, vendor. */
    static byte[] oamInfo(int type, int state, int config, int pduConfig, String oui, String vendor) {
        return concat(new byte[] {(byte) type, 16, 1}, u16(0x0102), new byte[] {(byte) state, (byte) config},
                u16(pduConfig), hex(oui), hex(vendor));
    }

    /** A Link Event TLV (802.3 57.5.3): type, length 40, timestamp, window, threshold, errors, total, events. */
    static byte[] linkEvent(int type, int time, String window, String threshold, String errors, String total, long events) {
        return concat(new byte[] {(byte) type, 40}, u16(time), hex(window), hex(threshold), hex(errors), hex(total),
                u32(events));
    }

    static final byte[] OAM_INFO = concat(hex("03 0050 00"),
            oamInfo(1, 0x00, 0x1f, 0x05ee, "00000c", "00000001"),
            oamInfo(2, 0x05, 0x08, 0xf840, "009069", "deadbeef"), zeros(10));
    static final byte[] OAM_EVENT = concat(hex("03 0001 01 1234"),
            linkEvent(1, 0x0102, "0000000000000064", "0000000000000001", "8000000000000001", "ffffffffffffffff",
                    0xfffffffeL),
            linkEvent(2, 10, "0000000000000a00", "0000000000000000", "0000000000000003", "0000000000000010", 7),
            hex("fe 06 00120f 01"), zeros(4));

    /** A Local TLV with each OUI tcpdump names (and some it does not). */
    static List<Frame> ouiFrames() {
        List<Frame> f = new ArrayList<>();
        for (String oui : new String[] {"000000", "00005e", "000081", "0000f8", "00a03e", "00e02f", "080007",
                "080009", "0012bb", "001b21", "002320", "5c16c7", "b0d2f5", "002481", "0004ea", "748771", "a42305",
                "00049f", "0015ad", "001018", "00e004", "d0f0db", "0080c3"}) {
            f.add(new Frame(slow(concat(hex("03 0008 00"), oamInfo(1, 0, 1, 1518, oui, "01020304"), zeros(20)))));
        }
        return f;
    }

    static List<Frame> oamInformation() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(slow(OAM_INFO)));                                         // Local + Remote, then padding
        f.add(new Frame(slow(concat(hex("03 ffff 00"),                            // every flag and more
                oamInfo(1, 0x02, 0x00, 0x0040, "0080c2", "00000000"),             // two names for 00-80-c2
                oamInfo(2, 0x07, 0xe0, 0x07ff, "123456", "ffffffff"),             // unknown OUI, no config flag
                oamInfo(1, 0x03, 0x15, 0x0001, "00120f", "00000002"),
                hex("fe 07 0019a7 0102"), hex("05 04 abcd"), zeros(6)))));        // organization specific, reserved
        f.addAll(ouiFrames());
        byte[] local10 = concat(hex("03 0000 00 010a"), hex("0100 0100 0000 0000"), zeros(30));
        f.add(new Frame(slow(local10)));                                          // Local TLV of 10 bytes: ERROR + dump
        f.add(new Frame(slow(concat(hex("03 0000 00 0201"), zeros(30)))));         // length 1: illegal
        f.add(new Frame(slow(concat(hex("03 0000 00"), oamInfo(1, 0, 0, 0, "000000", "00000000")).clone())));
        f.add(new Frame(slow(java.util.Arrays.copyOf(OAM_INFO, 20))));          // PDU ends inside the Local TLV
        f.add(new Frame(slow(java.util.Arrays.copyOf(OAM_INFO, 21))));          // one byte left for a TLV header
        return f;
    }

    @Test
    void oamInformationTlvs() throws Exception {
        List<Frame> f = oamInformation();
        byte[] full = slow(OAM_INFO);
        for (int cut : new int[] {15, 16, 17, 18, 19, 20, 25, 33, 34, 35, 40, 50, 51}) {
            f.add(new Frame(full, full.length).cut(cut));
        }
        assertSameAsTcpdump(f);
    }

    static List<Frame> oamEventsAndCodes() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(slow(OAM_EVENT)));                                        // two events, org specific, padding
        f.add(new Frame(slow(concat(hex("03 0002 01 0001"), linkEvent(3, 0, "01", "02", "03", "04", 5), zeros(8)))));
        f.add(new Frame(slow(concat(hex("03 0002 01 ffff"), linkEvent(4, 65535, "0000000000000000",
                "0000000000000000", "0000000000000000", "0000000000000000", 0), hex("09 03 00"), zeros(3)))));
        f.add(new Frame(slow(concat(hex("03 0000 01 0002 011e"), zeros(28), zeros(8)))));   // event of 30 bytes
        f.add(new Frame(slow(concat(hex("03 0000 01 0003 0100")))));              // event length 0: illegal
        f.add(new Frame(slow(hex("03 0000 01 00"))));                             // no room for the sequence number
        f.add(new Frame(slow(concat(hex("03 0000 04 01"), zeros(20)))));          // loopback enable
        f.add(new Frame(slow(concat(hex("03 0010 04 02"), zeros(20)))));          // loopback disable
        f.add(new Frame(slow(hex("03 0010 04 09"))));                             // unknown command
        f.add(new Frame(slow(hex("03 0010 04"))));                                // no command
        f.add(new Frame(slow(concat(hex("03 0000 02 07 0001"), zeros(10)))));    // variable request: dump
        f.add(new Frame(slow(concat(hex("03 0000 03 07 0001 04 00000005"), zeros(3)))));  // variable response
        f.add(new Frame(slow(concat(hex("03 0000 fe 00120f 0102 0304 05")))));   // vendor private, odd length
        f.add(new Frame(slow(concat(hex("03 0000 05 aabbcc")))));                 // unknown code with data
        return f;
    }

    @Test
    void oamEventLoopbackAndOtherCodes() throws Exception {
        List<Frame> f = oamEventsAndCodes();
        byte[] full = slow(OAM_EVENT);
        for (int cut : new int[] {17, 18, 19, 20, 21, 22, 40, 60, 61, 62, 100, 102, 104}) {
            f.add(new Frame(full, full.length).cut(cut));
        }
        assertSameAsTcpdump(f);
    }

    /**
     * Frames the tests above lack: every state bit and none, TLVs LACP v1 and Marker do not know, Marker version 2,
     * a bare Terminator, unknown subtypes, OAM TLVs that overrun the PDU.
     */
    static List<Frame> more() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(slow(concat(hex("0101"), port(1, 20, "000000000000", 0x00), port(2, 20, "ffffffffffff", 0xff),
            hex("0310 ffff"), zeros(12), hex("0406 0506 aabb"), hex("0000"), zeros(44)))));
        f.add(new Frame(slow(concat(hex("0101 0000"), zeros(50)))));                 // Terminator only
        f.add(new Frame(slow(concat(hex("0201 0000"), zeros(50)))));
        f.add(new Frame(slow(concat(hex("0201 0110 ffff 0200c2000001 ffffffff 0000 0306 01020304 0000"), zeros(40)))));
        f.add(new Frame(slow(hex("0202 0110"))));                                    // MARKER version 2
        f.add(new Frame(slow(hex("0100"))));                                         // LACP version 0
        f.add(new Frame(slow(hex("02"))));                                           // Marker too short
        f.add(new Frame(slow(hex("00 0102 0304"))));                                 // unknown subtypes
        f.add(new Frame(slow(concat(hex("04"), zeros(45)))));
        f.add(new Frame(slow(hex("ff ff"))));
        f.add(new Frame(slow(hex("03 0000 00 0110 01"))));                           // Local TLV past the PDU
        f.add(new Frame(slow(hex("03 0000 01 0001 0128 0000"))));                    // event past the PDU
        f.add(new Frame(slow(hex("03 0000 01 0001 01"))));                           // one byte for an event header
        f.add(new Frame(slow(hex("03 0000 04"))));                                   // loopback, no command
        f.add(new Frame(slow(hex("03 007f 00"))));                                   // Information, no TLVs
        return f;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>(wellFormed());
        f.addAll(badLengths());
        f.addAll(oamInformation());
        f.addAll(oamEventsAndCodes());
        f.addAll(more());
        return f;
    }

    /** All but the frames that only go through OUIs (the same TLV over and over). */
    @Override
    List<Frame> cutFrames() {
        List<byte[]> ouis = ouiFrames().stream().map(Frame::bytes).toList();
        return frames().stream().filter(f -> ouis.stream().noneMatch(o -> java.util.Arrays.equals(o, f.bytes())))
            .toList();
    }

    /** The slow-protocols PDU: after the Ethertype, past any VLAN tags. */
    @Override
    int start(byte[] frame) {
        int t = 12;
        while (t + 4 <= frame.length
            && ((frame[t] & 0xff) == 0x81 || (frame[t] & 0xff) == 0x88 && (frame[t + 1] & 0xff) == 0xa8)) {
            t += 4;
        }
        return t + 2;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("SLOW", 0x8809, 8))
            // -vv adds each TLV's hex dump and drops the hex dump of OAM codes without a decoder.
            .cut("-x", "-v -x", "-vv -x");
    }
}
