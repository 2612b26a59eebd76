package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ETSI GeoNetworking (EN 302 636-4-1 36-byte common header with the sender's long position vector, the multi-hop
 * broadcast's extended header, EN 302 636-5-1 BTP and an ITS PDU header) and CALM FAST (ISO 29281 network
 * references) against tcpdump 4.99 itself: every header type and next header, lengths too short for each part, the
 * old ethertype, behind VLAN tags and SNAP, whole, cut after every byte and mutated.
 */
class GeonetFormatterTest extends TcpdumpConformance {
    /** A common header: version and next header, type and subtype, payload length, hop limit; then {@code rest}. */
    static byte[] common(int version, int nextHeader, int type, int subtype, int payload, int hopLimit, String rest) {
        return concat(new byte[] {(byte) (version << 4 | nextHeader), (byte) (type << 4 | subtype), 0x02, 0x00},
            u16(payload), new byte[] {0x01, (byte) hopLimit}, hex("bc00 0c42a1d3e4f5"), u32(0x12345678L),
            u32(0x1e8f6a40L), u32(0xfb6c4b00L), hex("8000 0123 0000 0000"), hex(rest));
    }

    static Frame geonet(byte[] message) {
        return new Frame(ethernet(GeonetFormatter.ETHERTYPE, message));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        String btpCam = "07d1 0000 01 00 0102030405";
        f.add(geonet(common(0, 2, 5, 0, 12, 1, btpCam)));                            // SHB: BTP-B, CAM
        f.add(geonet(common(1, 1, 1, 0, 0, 1, btpCam)));                            // beacon, BTP-A
        f.add(geonet(common(0, 2, 5, 1, 12, 10, "00".repeat(32) + btpCam)));       // TSB multi-hop
        f.add(geonet(common(0, 2, 5, 1, 12, 10, "00".repeat(31))));                // extended header cut by length
        f.add(geonet(common(0, 1, 0, 0, 4, 1, "07d2 0000")));                       // BTP without a PDU header
        f.add(geonet(common(0, 1, 0, 0, 4, 1, "07d2 00")));                         // BTP too short
        f.add(geonet(common(0, 1, 0, 0, 5, 1, "07d2 0000 01")));                    // one byte of PDU header
        for (int type : new int[] {1, 2, 101, 102, 103, 104, 105, 106, 107, 150, 99, 255}) {
            f.add(geonet(common(0, 2, 5, 0, 6, 1, String.format("07d1 0000 02 %02x", type))));
        }
        f.add(geonet(common(0, 0, 5, 0, 3, 1, "aabbcc")));                          // next header Any
        f.add(geonet(common(0, 3, 5, 0, 3, 1, "6000")));                            // IPv6: not decoded
        f.add(geonet(common(0, 7, 5, 0, 3, 1, "6000")));                            // unknown next header
        for (int[] t : new int[][] {{2, 0}, {3, 0}, {3, 1}, {3, 2}, {3, 3}, {4, 0}, {4, 1}, {4, 2}, {4, 9}, {5, 2},
                {6, 0}, {6, 1}, {6, 5}, {7, 0}, {15, 15}}) {
            f.add(geonet(common(0, 2, t[0], t[1], 8, 3, "0011223344556677 " + btpCam)));
        }
        f.add(geonet(Arrays.copyOf(common(0, 2, 5, 0, 0, 1, ""), 35)));             // shorter than the header
        f.add(geonet(new byte[0]));
        f.add(new Frame(ethernet(GeonetFormatter.ETHERTYPE_OLD, common(0, 2, 5, 0, 12, 1, btpCam))));
        f.add(new Frame(vlan(5, GeonetFormatter.ETHERTYPE, common(0, 2, 5, 0, 12, 1, btpCam))));
        f.add(LlcFrames.llc(hex("ffffffffffff"), concat(hex("aaaa03 000000 8947"), common(0, 2, 5, 0, 12, 1, btpCam))));
        f.add(new Frame(ethernet(GeonetFormatter.ETHERTYPE_CALM_FAST, hex("0102 a1a2a3a4a5a6a7a8a9"))));
        f.add(new Frame(ethernet(GeonetFormatter.ETHERTYPE_CALM_FAST, hex("ff00"))));
        f.add(new Frame(ethernet(GeonetFormatter.ETHERTYPE_CALM_FAST, hex("01"))));   // padded: length from the frame
        f.add(new Frame(vlan(9, GeonetFormatter.ETHERTYPE_CALM_FAST, hex("0304 0506"))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("GEONET", 0x8947, 8, 4, 40, MutatedFrames.ALL))
            .whole("", "-v", "-e", "-q", "-e -x")
            .cut("-x", "-v", "-e -x")
            .mutated("-x", "-v", "-e -v -x")
            .allocation("-v", "-e -x");
    }

    /** Cut from byte 14 on, a VLAN tag too. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** The GeoNetworking packet: after the Ethernet header and its VLAN tag. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    /** Linux cooked captures have no Ethernet source: tcpdump prints none ("GeoNet ; ", "CALM FAST; "). */
    @Test
    void cookedCapturesAsTcpdump() throws Exception {
        byte[] sll = hex("0000 0001 0006 0c42a1d3e4f50000");
        List<Frame> frames = List.of(
            new Frame(concat(sll, u16(GeonetFormatter.ETHERTYPE), common(0, 2, 5, 0, 12, 1, "07d1 0000 01 00 0102030405"))),
            new Frame(concat(sll, u16(GeonetFormatter.ETHERTYPE_CALM_FAST), hex("0102 a1a2"))),
            new Frame(concat(sll, u16(RealtekFormatter.ETHERTYPE), hex("01 00 2379"))));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cooked", dev.fabricscope.capture.LinkType.LINUX_SLL,
            frames, "", "-v", "-e");
    }
}
