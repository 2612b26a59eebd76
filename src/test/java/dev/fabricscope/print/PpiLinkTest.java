package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_PPI (per-packet information) against tcpdump 4.99 itself: the 8-byte little-endian header (version,
 * flags, length, DLT) and its fields (an 802.11-Common field: type 2, length 20), then packets of the DLT: 802.11
 * (bare and after radiotap), Ethernet, NULL, raw IP; DLTs tcpdump has no printer for; invalid and cut lengths;
 * with and without -e, whole, cut after every byte and mutated.
 */
class PpiLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    static byte[] le32(long v) {
        return concat(le16((int) v), le16((int) (v >> 16)));
    }

    /** The 802.11-Common field: TSF timer, flags, rate, channel frequency and flags, FHSS, signal and noise. */
    static final byte[] COMMON = concat(le16(2), le16(20), hex("0102030405060708"), le16(1), le16(4), le16(2437),
        le16(0x00a0), hex("0000"), hex("c5a0"));

    static byte[] ppi(int version, int length, long dlt, byte[] fields, byte[] packet) {
        return concat(new byte[] {(byte) version, 0}, le16(length), le32(dlt), fields, packet);
    }

    static byte[] ppi(long dlt, byte[] packet) {
        return ppi(0, 8 + COMMON.length, dlt, COMMON, packet);
    }

    @Override
    List<Frame> frames() {
        byte[] v4 = ipv4(1, icmpEcho(8, 0x0d0e, 1, new byte[16]));
        byte[] beacon = Ieee80211LinkTest.managementFrames().get(0);
        byte[] data = Ieee80211LinkTest.dataFrames().get(0);
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ppi(105, beacon)));
        f.add(new Frame(ppi(105, data)));
        f.add(new Frame(ppi(127, concat(Ieee80211LinkTest.usualRadiotap(0), beacon))));
        f.add(new Frame(ppi(1, ethernet(0x0800, ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B))))));
        f.add(new Frame(ppi(0, concat(new byte[] {2, 0, 0, 0}, v4))));
        f.add(new Frame(ppi(12, v4)));
        f.add(new Frame(ppi(0, 8, 228, new byte[0], v4)));                                  // no fields
        f.add(new Frame(ppi(3, 12, 105, hex("00000000"), beacon)));
        f.add(new Frame(ppi(101, v4)));                                                     // no printer: dump
        f.add(new Frame(ppi(19, concat(hex("aaaa03 000000 0800"), v4))));                   // Linux's ATM_CLIP
        f.add(new Frame(ppi(189, UsbLinkTest.header('S', 2, 0x80, 3, 1, UsbFormatter.HEADER))));
        f.add(new Frame(ppi(201, hex("00000001 01 030c 00"))));                             // Bluetooth H4
        f.add(new Frame(ppi(147, hex("0102030405060708090a0b0c0d0e0f1011"))));
        f.add(new Frame(ppi(0x80000001L, hex("ab"))));
        f.add(new Frame(ppi(105, new byte[0])));                                            // the header alone
        f.add(new Frame(ppi(0, 7, 105, COMMON, beacon)));                                  // invalid lengths
        f.add(new Frame(ppi(0, 0, 105, COMMON, beacon)));
        f.add(new Frame(ppi(0, 65533, 105, COMMON, beacon)));
        f.add(new Frame(ppi(0, 0xffff, 105, COMMON, beacon)));
        f.add(new Frame(ppi(0, 400, 105, COMMON, beacon)));                                // longer than captured
        return f;
    }

    @Override
    int linkType() {
        return LinkType.PPI;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("PPI", 20_261_126L, 16, 3, 8, MutatedFrames.ALL))
            .mutated("-e -x", "-v", "-e -q");
    }

    /** A mutant whose DLT (at 4) tcpdump prints without a printer or with one we have too. */
    @Override
    boolean comparesMutant(byte[] mutant) {
        return PktapLinkTest.printedDlt(mutant, 4);
    }
}
