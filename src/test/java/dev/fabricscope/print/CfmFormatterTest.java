package dev.fabricscope.print;

import static dev.fabricscope.print.CfmFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ethernet CFM (802.1ag and Y.1731 PDUs built in {@link CfmFrames}) against tcpdump 4.99 itself: CCMs with every
 * interval and MD/MA name format, loopback, linktrace, Y.1731 opcodes, every TLV and the ways their lengths can be
 * wrong, in every verbosity, with -e, cut after every byte, and mutated at random.
 */
class CfmFormatterTest {
    @TempDir
    Path dir;

    private static final byte[] MAID = maid(4, ascii("operator"), 2, ascii("vlan100-svc"));
    private static final byte[] STATUS_TLVS = concat(tlv(2, "02"), tlv(3, "01"), end());

    /** CCMs: every interval and flag, every MD and MA name format, and names whose lengths do not fit. */
    static List<Frame> ccmFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(frame(ccm(5, 0x04, 1, 101, MAID, STATUS_TLVS)));
        for (int interval : new int[] {0, 1, 2, 3, 5, 6, 7}) {
            f.add(frame(ccm(interval, 0x80 | interval, 0xfedcba98L, 0x1fff, MAID, end())));
        }
        f.add(frame(ccm(7, 0x7c, 2, 1, MAID, end())));   // reserved flag bits
        f.add(frame(ccm(5, 0x04, 3, 7, maid(1, new byte[0], 32, ascii("ICCCODEMEG042")), end())));   // Y.1731 ICC
        f.add(frame(ccm(5, 0x04, 3, 7, maid(2, ascii("cfm.example.net"), 3, hex("0064")), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(3, hex("0c42a1d3e4f5 0001"), 1, hex("0064")), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(3, BRIDGE, 4, hex("00000a 00000001")), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(0, hex("0102030405060708090a0b0c0d0e0f101112"), 0, hex("aa")), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(9, hex("01"), 77, hex("0203")), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(4, ascii("md\u0000hidden"), 2, ascii("ma\u0001\u00ff")), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(4, new byte[0], 2, new byte[0]), end())));
        f.add(frame(ccm(5, 0x04, 3, 7, maid(4, zeros(43), 2, new byte[0]), end())));      // the longest MD name
        f.add(frame(ccm(5, 0x04, 3, 7, maid(4, zeros(44), 2, new byte[0]), end())));      // one byte too long
        f.add(frame(ccm(5, 0x04, 3, 7, maid(1, new byte[0], 2, zeros(45)), end())));      // the longest MA name
        f.add(frame(ccm(5, 0x04, 3, 7, maid(4, ascii("x"), 2, zeros(44)), end())));       // MA name too long
        // the first TLV offset: past the fixed part (Y.1731 reserves the 16 bytes after the MAID), too small, too large
        f.add(frame(concat(header(5, 0, CCM, 4, 75), ccmBody(9, 1, MAID, hex("00000001 00000002 00000003")),
            hex("0102030405"), STATUS_TLVS)));
        f.add(frame(concat(header(5, 0, CCM, 4, 69), ccmBody(9, 1, MAID, new byte[0]), end())));
        f.add(frame(concat(header(5, 0, CCM, 4, 200), ccmBody(9, 1, MAID, new byte[0]), end())));
        return f;
    }

    /** Loopback and linktrace (802.1ag), Y.1731's opcodes, other versions, and PDUs too short for their parts. */
    static List<Frame> otherFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] data = tlv(4, ascii("0123456789abcdefghij"));
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(0x1234), data, end())));
        f.add(frame(concat(header(3, 0, LBR, 0, 4), u32(0x1234), data, end())));
        f.add(frame(concat(header(4, 0, LTM, 0x80, 17), u32(77), new byte[] {64}, BRIDGE, PEER,
            tlv(7, "0000 0c42a1d3e4f5"), end())));
        f.add(frame(concat(header(4, 0, LTM, 0, 17), u32(78), new byte[] {1}, BRIDGE, PEER, end())));
        for (int action : new int[] {1, 2, 3, 0, 9}) {
            f.add(frame(concat(header(4, 0, LTR, 0x60 | (action == 1 ? 0x80 : 0), 6), u32(77), new byte[] {63,
                (byte) action}, tlv(8, "0000 0c42a1d3e4f5 0000 001b21aabbcc"), tlv(5, "01 001b21aabbcc"),
                tlv(6, "02 0c42a1d3e4f5 05 65746830"), end())));
        }
        f.add(frame(concat(header(4, 0, LTM, 0, 16), u32(78), new byte[] {1}, BRIDGE, PEER, end())));   // too small
        f.add(frame(concat(header(4, 0, LTR, 0, 5), u32(78), hex("01 01"), end())));
        f.add(unpadded(concat(header(4, 0, LTM, 0, 17), u32(78), new byte[] {1}, BRIDGE)));   // shorter than the offset
        // Y.1731: AIS, LCK, TST with a test TLV, LMM, DMM with timestamps, 1DM, SLM, and an opcode nobody uses
        f.add(frame(concat(header(6, 0, 33, 0x04, 0), end())));
        f.add(frame(concat(header(6, 0, 35, 0x06, 0), end())));
        f.add(frame(concat(header(5, 0, 37, 0, 4), u32(5), tlv(32, concat(hex("00"), ascii("test pattern"))), end())));
        f.add(frame(concat(header(5, 0, 43, 0, 12), u32(1000), zeros(8), end())));
        f.add(frame(concat(header(5, 0, 47, 0, 32), hex("65a1b2c3 12345678"), zeros(24), end())));
        f.add(frame(concat(header(5, 0, 45, 0, 16), hex("65a1b2c3 12345678"), zeros(8), end())));
        f.add(frame(concat(header(5, 0, 55, 0, 16), hex("0001 0000 00000005 00000000"), end())));
        f.add(frame(concat(header(5, 0, 255, 0xff, 0), end())));
        // other versions, and the old ethertype
        f.add(frame(concat(header(5, 1, CCM, 4, 70), ccmBody(1, 1, MAID, new byte[0]), end())));
        f.add(frame(concat(header(0, 31, 0, 0, 0))));
        f.add(padded(concat(hex("0180c2000035"), BRIDGE, u16(ETHERTYPE_OLD), ccm(5, 0x04, 1, 101, MAID, end()))));
        f.add(padded(concat(hex("0180c2000035"), BRIDGE, hex("8100 2064"), u16(ETHERTYPE),
            ccm(5, 0x04, 1, 101, MAID, STATUS_TLVS))));
        f.add(unpadded(hex("a001 04")));   // shorter than the common header
        f.add(unpadded(new byte[0]));
        return f;
    }

    /** A sender ID TLV's value: chassis ID length, subtype and ID, then the management address parts given. */
    private static byte[] sender(int chassisType, byte[] chassisId, byte[] management) {
        return concat(new byte[] {(byte) chassisId.length, (byte) chassisType}, chassisId, management);
    }

    /** Every TLV tcpdump decodes, well formed and not, after a loopback message. */
    static List<Frame> tlvFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] domain = hex("05 2b06010201"), mgmt = hex("05 0a000001");
        byte[][] senders = {
            sender(4, BRIDGE, new byte[0]),
            sender(4, hex("0c42a1d3e4"), new byte[0]),
            sender(5, hex("01 c0000201"), new byte[0]),
            sender(5, hex("02 20010db8000000000000000000000001"), new byte[0]),
            sender(5, hex("01 c00002"), new byte[0]),
            sender(5, hex("02 20010db8"), new byte[0]),
            sender(5, hex("06 0c42a1d3e4f5"), new byte[0]),
            sender(6, ascii("ge-0/0/1"), new byte[0]),
            sender(7, ascii("local\u0000x"), concat(domain, mgmt)),
            sender(7, ascii("local"), concat(hex("06 2b06010201"), mgmt)),   // the domain's length one too many
            sender(1, ascii("chassis"), concat(domain, hex("00"))),
            sender(2, ascii("alias"), hex("00")),
            sender(3, ascii("port"), domain),                   // the address length is missing
            sender(0, hex("0102"), new byte[0]),
            sender(9, hex("0102"), new byte[0]),
            hex("00"),                                         // no chassis ID, nothing else
            concat(hex("00"), domain, mgmt),                   // no chassis ID, a management address
            concat(hex("00"), hex("08 2b06")),                 // the domain longer than the TLV
            new byte[0],
            hex("05"),                                         // a chassis length, no subtype
            hex("05 04 0c42"),                                 // an ID longer than the TLV: the next TLV starts early
        };
        for (byte[] value : senders) {
            f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(1, value), tlv(2, "01"), end())));
        }
        // a management address longer than the TLV ends the PDU
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(1, concat(hex("00"), domain, hex("09 0a00"))),
            tlv(2, "01"), end())));
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(2, "01"), tlv(2, "02"), tlv(2, "07 0102"),
            tlv(3, "01"), tlv(3, "02"), tlv(3, "03"), tlv(3, "04"), tlv(3, "05"), tlv(3, "06"), tlv(3, "07"),
            tlv(3, "00"), end())));
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(31, "0080c2 01 0203"), tlv(31, "00000c 07"),
            tlv(31, "123456 ff 01"), tlv(99, "0102"), tlv(5, "01"), tlv(6, ""), end())));
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(2, ""), tlv(3, "01"), end())));    // status too short
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(3, ""), end())));
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(31, "0080c2"), end())));           // OUI, no subtype
        f.add(frame(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(4, 400, ascii("short")))));       // past the PDU
        f.add(unpadded(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(2, "02"), hex("02 00"))));       // header cut
        f.add(unpadded(concat(header(3, 0, LBM, 0, 4), u32(1), tlv(2, "02"))));                     // no End TLV
        return f;
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>(ccmFrames());
        f.addAll(otherFrames());
        f.addAll(tlvFrames());
        return f;
    }

    @Test
    void wholePdusAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-q", "-v", "-vv");
    }

    @Test
    void withLinkHeadersAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames(), Verbosity.NORMAL,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames(), Verbosity.VERBOSE,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), RawDump.NONE, "-e", "-v");
    }

    @Test
    void cutPdusAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 12);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v -x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-vv", "-e");
    }

    /**
     * Every frame above with a few PDU bytes changed at random (a fixed seed), half of them also cut short: TLV
     * lengths, name lengths and offsets no hand-built frame has, against tcpdump too.
     */
    @Test
    void mutatedPdusAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), new Random(0x8902), 30, MutatedFrames::afterEthernet, 4, 8,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x", "-vv", "");
    }

    /** Printing CFM, every TLV decoded and dumped at -vv, allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(frames(), new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE,
            EnumSet.of(PacketPrinter.Option.LINK_HEADERS), TimestampStyle.TIME, RawDump.HEX), 2_000, "CFM");
    }
}
