package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow-protocols printing (with tcpdump's -e and -tttt options) against tcpdump itself: each test writes
 * hand-built frames (LACPDU/Marker layouts of IEEE 802.1AX, some broken on purpose, some cut short),
 * runs {@code TZ=UTC tcpdump -# -n -tttt -e -v -r FILE} (and without -e/-v) and requires the same text.
 */
class SlowProtocolsFormatterTest {
    @TempDir
    Path dir;

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

    static String ours(Path file, Verbosity v, Set<PacketPrinter.Option> options) throws Exception {
        PacketPrinter printer = new PacketPrinter(ZoneId.of("UTC"), v, options);
        StringBuilder all = new StringBuilder();
        Packet p = new Packet();
        Layers l = new Layers();
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (src.next(p)) {
                Dissector.dissect(p, l);
                String n = String.valueOf(p.frameNumber());
                all.append(" ".repeat(Math.max(0, 5 - n.length()))).append(n).append("  ");
                printer.format(p, l, all);
                all.append('\n');
            }
        }
        return all.toString();
    }

    void assertSameAsTcpdump(List<Frame> frames) throws Exception {
        Path file = dir.resolve("slow.pcap");
        TestPcap.write(file, LinkType.EN10MB, 1_258_257_730L, frames);
        var eV = Oracles.tcpdump("-#", "-n", "-tttt", "-e", "-v", "-r", file.toString());
        assertEquals(0, eV.exitCode(), eV.err());
        assertEquals(eV.out(), ours(file, Verbosity.VERBOSE,
                EnumSet.of(PacketPrinter.Option.LINK_HEADERS, PacketPrinter.Option.DATES)), "tcpdump -e -v");
        var plain = Oracles.tcpdump("-#", "-n", "-tttt", "-r", file.toString());
        assertEquals(plain.out(), ours(file, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.DATES)), "tcpdump");
    }

    @Test
    void wellFormedLacpMarkerOamAndUnknown() throws Exception {
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
        assertSameAsTcpdump(f);
    }

    @Test
    void badLengthsAndTruncation() throws Exception {
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
        byte[] full = slow(LACPDU);
        for (int cut : new int[] {14, 15, 16, 17, 18, 30, 36, 70, 73, 74}) f.add(new Frame(full, full.length).cut(cut));
        assertSameAsTcpdump(f);
    }
}
