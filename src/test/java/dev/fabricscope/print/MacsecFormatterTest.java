package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.dissect.MacsecSecTag;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * MACsec (IEEE 802.1AE-2006 9.3 SecTAG on ethertype 0x88e5) against tcpdump 4.99 itself: integrity-only frames whose
 * payload (IPv4, ARP, VLAN-tagged, 802.3/LLC, unknown types) is printed without the 16-byte ICV, short lengths that
 * fit, are too long or leave no type, encrypted and changed-text payloads dumped, invalid version or short-length
 * bits, SecTAGs with and without an SCI, with and without -e, whole, cut after every byte and mutated.
 */
class MacsecFormatterTest extends TcpdumpConformance {
    private static final byte[] SCI = hex("0011223344550001");
    private static final byte[] ICV = hex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0");

    /** A SecTAG (TCI/AN, SL, PN, the SCI when the TCI's SC bit is set), then {@code secure} and the ICV. */
    static Frame macsec(int tci, int shortLength, long pn, byte[] secure, byte[] icv) {
        byte[] tag = concat(new byte[] {(byte) tci, (byte) shortLength}, u32(pn), (tci & 0x20) != 0 ? SCI : new byte[0]);
        return new Frame(ethernet(MacsecSecTag.ETHERTYPE, concat(tag, secure, icv)));
    }

    static byte[] udp4(String data) {
        return concat(u16(0x0800), ipv4(17, udp(40000, 53, hex(data), IP_A, IP_B)));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] echo = concat(u16(0x0800), ipv4(1, icmpEcho(8, 948, 1, hex("0001020304050607"))));
        f.add(macsec(0x20, 0, 68, echo, ICV));                                       // I: SCI, integrity only
        f.add(macsec(0x00, 0, 0xfffffffeL, echo, ICV));                              // no SCI, no flags
        f.add(macsec(0x73, 0, 7, echo, ICV));                                        // S, B, I, AN 3
        f.add(macsec(0x2c, 0, 72, hex("50c68aabf6822b69adc7f4bca4d8af675437"), ICV)); // E, C: encrypted
        f.add(macsec(0x08, 0, 9, hex("0011"), ICV));                                 // E alone, no SCI
        f.add(macsec(0x24, 0, 6, echo, ICV));                                        // C alone: "changed text"
        byte[] shortUdp = udp4("01020304");
        f.add(macsec(0x20, shortUdp.length, 66, shortUdp, ICV));                     // short length that fits
        f.add(macsec(0x20, shortUdp.length, 66, concat(shortUdp, zeros(6)), ICV));   // ... padding after it
        f.add(macsec(0x20, shortUdp.length, 69, java.util.Arrays.copyOf(shortUdp, 20), ICV));  // longer than the data
        f.add(macsec(0x20, 1, 70, hex("08004500"), ICV));                            // no room for the type
        f.add(macsec(0x20, 2, 71, hex("0800"), ICV));                                // the type alone
        f.add(macsec(0xa0, 0, 1, echo, ICV));                                        // version bit
        f.add(macsec(0x20, 0x40, 1, echo, ICV));                                     // bits above the short length
        f.add(macsec(0x20, 0, 2, concat(u16(0x0806), arp(1, MAC_B, IP_A, zeros(6), IP_B)), ICV));
        f.add(macsec(0x20, 0, 3, concat(u16(0x8100), u16(0x2064), echo), ICV));      // VLAN 100, p 1 inside
        f.add(macsec(0x20, 0, 4, concat(u16(0x88a8), u16(0x1007), u16(0x8100), u16(5), echo), ICV));
        f.add(macsec(0x20, 0, 5, concat(u16(0x8100), hex("00")), ICV));              // tag cut by the ICV
        f.add(macsec(0x20, 0, 6, concat(u16(0x1234), hex("0102030405060708090a")), ICV));  // unknown type
        f.add(macsec(0x20, 0, 7, concat(u16(0x88e5), hex("2000000000010011223344550001")), ICV));  // MACsec in MACsec
        f.add(macsec(0x20, 0, 8, concat(u16(6), hex("aaaa03000000 0800"), hex("ffff")), ICV));  // 802.3 length, SNAP
        f.add(macsec(0x20, 0, 9, concat(u16(0x0800), hex("4500")), ICV));            // IP cut by the ICV
        f.add(macsec(0x20, 0, 10, new byte[0], hex("a1a2a3a4a5a6a7a8a9aaabac")));    // no room for the ICV
        f.add(new Frame(ethernet(MacsecSecTag.ETHERTYPE, hex("2000000000"))));    // SecTAG cut
        f.add(new Frame(ethernet(MacsecSecTag.ETHERTYPE, hex("20000000000100112233"))));  // SCI cut
        f.add(new Frame(vlan(10, MacsecSecTag.ETHERTYPE, concat(hex("200000000001"), SCI, echo, ICV))));  // after a tag
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The SecTAG: after the Ethernet header. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MACSEC", 0x88e5, 12, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e", "-e -v -x", "-e -q", "-x")
            .cut("-x", "-v", "-e -x")
            .mutated("-x", "-v", "-e -v -x")
            .allocation("-v", "-e -x");
    }
}
