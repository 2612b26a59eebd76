package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARP and Reverse ARP against tcpdump 4.99 itself: every operation it names, unknown ones (whose captured bytes
 * tcpdump dumps in hex and ASCII in every mode, -q, -x and -X included), other hardware and protocol types, over
 * Ethernet, a VLAN tag and LLC/SNAP, whole and cut after every byte; Reverse ARP mutated too.
 */
class ArpFormatterTest {
    private static final byte[] ZERO_MAC = new byte[6];

    @TempDir
    Path dir;

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (int op : new int[] {1, 2, 3, 4, 8, 9, 10, 0, 5, 11, 0xffff}) {
            f.add(new Frame(ethernet(0x0806, arp(op, MAC_B, IP_A, MAC_A, IP_B))));
        }
        f.add(new Frame(ethernet(0x0806, concat(arp(7, MAC_B, IP_A, ZERO_MAC, IP_B), new byte[18]))));   // padded
        f.add(new Frame(vlan(30, 0x0806, arp(6, MAC_B, IP_A, ZERO_MAC, IP_B))));
        // other hardware and protocol types: the types printed, the operation only with -v
        f.add(new Frame(ethernet(0x0806, concat(hex("0006 86dd 06 10 0005"), MAC_B, IP6_A, MAC_A, IP6_B))));
        f.add(new Frame(ethernet(0x0806, concat(hex("0006 0800 02 04 0009"), hex("0102"), IP_A, hex("0304"), IP_B))));
        f.add(new Frame(ethernet(0x0806, concat(hex("0001 0800 00 04 000c"), IP_A, IP_B))));
        // protocol types named by tcpdump's ethertype table, and one it does not name
        for (String pro : new String[] {"9200", "8137", "88cc", "0806", "4242"}) {
            f.add(new Frame(ethernet(0x0806, concat(hex("0001" + pro + "06 04 0001"), MAC_B, IP_A, MAC_A, IP_B))));
        }
        // in LLC/SNAP, where the 802.3 length bounds what the dump may show
        f.add(LlcFrames.llc(MAC_A, concat(hex("aaaa03 000000 0806"), arp(1, MAC_B, IP_A, ZERO_MAC, IP_B))));
        f.add(LlcFrames.llc(MAC_A, concat(hex("aaaa03 000000 0806"), arp(5, MAC_B, IP_A, MAC_A, IP_B))));
        byte[] snap = concat(hex("aaaa03 000000 0806"), arp(12, MAC_B, IP_A, MAC_A, IP_B));
        f.add(LlcFrames.llc(MAC_A, snap.length - 2, snap));   // the length ends before the target address
        // Frame Relay hardware (15): Q.922 addresses of 2, 3 and 4 bytes, invalid and cut short, in each operation
        for (String[] a : new String[][] {{"02", "0c11"}, {"02", "0c10"}, {"03", "0c1003"}, {"04", "0c100401"},
                {"04", "0c100400"}, {"03", "0c1004"}, {"02", "0d11"}, {"01", "0c"}, {"06", "000000000058"}}) {
            byte[] hw = hex(a[1]);
            for (int op : new int[] {1, 2, 3, 4, 8, 9}) {
                f.add(new Frame(ethernet(op == 3 || op == 4 ? 0x8035 : 0x0806,
                    concat(hex("000f 0800" + a[0] + "04"), u16(op), hw, IP_A, hw, IP_B))));
            }
        }
        f.addAll(reverseArp());
        return f;
    }

    /** Reverse ARP (RFC 903, ethertype 0x8035): ARP's layout, which tcpdump prints with the ARP printer. */
    static List<Frame> reverseArp() {
        List<Frame> f = new ArrayList<>();
        for (int op : new int[] {3, 4, 1, 2, 8, 9, 10, 5}) {
            f.add(new Frame(ethernet(0x8035, arp(op, MAC_B, IP_A, MAC_A, IP_B))));
        }
        f.add(new Frame(ethernet(0x8035, concat(arp(3, MAC_B, ZERO_IP, MAC_B, ZERO_IP), new byte[18]))));   // padded
        f.add(new Frame(vlan(30, 0x8035, arp(4, MAC_B, IP_A, MAC_A, IP_B))));
        f.add(new Frame(ethernet(0x8035, concat(hex("0006 86dd 06 10 0004"), MAC_B, IP6_A, MAC_A, IP6_B))));
        f.add(LlcFrames.llc(MAC_A, concat(hex("aaaa03 000000 8035"), arp(3, MAC_B, IP_A, MAC_B, IP_B))));
        // no hardware address (length 0): tcpdump's "<empty>", in ARP's reply too
        for (int op : new int[] {3, 4, 8, 9, 2}) {
            f.add(new Frame(ethernet(op == 2 ? 0x0806 : 0x8035, concat(hex("0001 0800 00 04"), u16(op), IP_A, IP_B))));
        }
        return f;
    }

    private static final byte[] ZERO_IP = new byte[4];

    @Test
    void reverseArpMutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(reverseArp(), "RARP", 0x8035, 20, MutatedFrames::afterEthernet, 3, 28,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v");
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "ARP", "", "-v", "-e");
    }

    @Test
    void wholeFramesAsTcpdump() throws Exception {
        List<Frame> frames = frames();
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames, "", "-q", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-x", "-q -X");
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 12);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e");
    }
}
