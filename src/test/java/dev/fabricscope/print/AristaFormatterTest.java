package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.dissect.AristaHeader;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arista's ethertype 0xd28b (subtype, then for timestamps a version word: timescale, format and hardware nibbles,
 * and a 64-bit seconds+nanoseconds or 48-bit time) against tcpdump 4.99 itself: both formats and timescales,
 * nanoseconds past a second, unknown subtypes, formats and hardware, the original ethertype after it (IPv4, MPLS,
 * VLAN tags, MACsec, another Arista header, 802.3, unknown; 0x9200 tags), with and without -e, whole, cut after every
 * byte and mutated.
 */
class AristaFormatterTest {
    @TempDir
    Path dir;

    static Frame arista(String header, byte[] rest) {
        return new Frame(ethernet(AristaHeader.ETHERTYPE, concat(hex(header), rest)));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] ip = concat(u16(0x0800), ipv4(17, udp(40000, 53, hex("01020304"), IP_A, IP_B)));
        f.add(arista("0001 0010 5e0be100 075bcd15", ip));                     // TAI, 64-bit, R/R2
        f.add(arista("0001 0111 ffffffff ffffffff", ip));                     // UTC, R3, nanoseconds past a second
        f.add(arista("0001 0020 1234 3b9aca05", ip));                         // 48-bit: a whole second in the nanoseconds
        f.add(arista("0001 0121 ffff 00000001", ip));
        f.add(arista("0001 0712 00000000 00000000", ip));                     // unknown timescale and hardware
        f.add(arista("0001 0030 00000000", ip));                              // unknown format: raw
        f.add(arista("0002 0010 00000000 00000000", ip));                     // unknown subtype: raw
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x8847), hex("000641ff"), ip, zeros(4))));  // MPLS
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x8100), u16(0x2064), ip)));
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x88e5), hex("2000 00000001 0011223344550001"), ip,
            zeros(16))));                                                     // MACsec after it
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0xd28b), hex("0001 0020 0001 00000002"), ip)));
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x0008), hex("aaaa03000000 0800 ffff"))));  // 802.3
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x88b5), hex("0102030405"))));  // unknown type
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x886f), zeros(20))));          // MS NLB
        f.add(arista("0001 0010 5e0be100 00000000", hex("08")));              // the type cut
        f.add(arista("00", new byte[0]));                                     // no subtype
        f.add(new Frame(vlan(7, AristaHeader.ETHERTYPE, hex("0001 0010 5e0be100 00000000 0800"))));  // after a tag
        // the pre-standard 0x9200 tag, a VLAN tag to tcpdump: before Arista's header, after it, and alone
        f.add(new Frame(ethernet(0x9200, concat(u16(0xa005), u16(AristaHeader.ETHERTYPE),
            hex("0001 0020 0001 00000002"), ip))));
        f.add(arista("0001 0010 5e0be100 00000000", concat(u16(0x9200), u16(0x2064), ip)));
        f.add(new Frame(ethernet(0x9200, concat(u16(0x1005), u16(0x8100), u16(9), ip))));
        return f;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v", "-q", "-e", "-e -v -x", "-e -q", "-x");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-e -x");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "ARISTA", 0xd28b, 12, frame -> 14, 4, 16, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v", "-e -v -x");
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "Arista", "-v", "-e -x");
    }
}
