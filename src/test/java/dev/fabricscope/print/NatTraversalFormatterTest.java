package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UDP port 4500 (RFC 3948: ESP in UDP, NAT keep-alives, IKE after a zero non-ESP marker) against tcpdump 4.99
 * itself: ESP over IPv4 and IPv6 from and to 4500, keep-alives, datagrams too short for the marker or for ESP's
 * header, bad UDP lengths; whole, cut after every byte and mutated. IKE after the non-ESP marker is
 * {@link IkeFormatterTest}'s (kept out of these mutants).
 */
class NatTraversalFormatterTest extends TcpdumpConformance {
    private static final int PORT = NatTraversalFormatter.PORT;
    private static final int UDP = 14 + 20, PAYLOAD = UDP + 8;

    static Frame udp4(int sport, int dport, String payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, hex(payload), IP_A, IP_B))));
    }

    static Frame udp6(int sport, int dport, String payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, hex(payload), IP6_A, IP6_B), 0x60000000L,
            IP6_A, IP6_B)));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp4(PORT, PORT, "12345678 00000001 00112233445566778899aabbccddeeff"));   // ESP
        f.add(udp4(PORT, 61000, "fedcba98 ffffffff 0102030405060708"));                  // ESP from 4500
        f.add(udp4(61000, PORT, "00000100 0000a000 01"));                                // ESP to 4500
        f.add(udp4(PORT, PORT, "12345678 00000002"));                                    // just ESP's header
        f.add(udp4(PORT, PORT, "12345678 000000"));                                      // less than it
        f.add(udp4(PORT, PORT, "ff"));                                                   // keep-alive
        f.add(udp4(PORT, PORT, "fe"));                                                   // one byte, not one
        f.add(udp4(PORT, PORT, "ffff"));                                                 // too short
        f.add(udp4(PORT, PORT, "ffffff"));                                               // too short
        f.add(udp4(PORT, PORT, ""));                                                     // empty
        f.add(udp4(PORT, PORT, "00000001"));                                             // a marker's length
        f.add(udp4(PORT, 161, "0a0b0c0d 00000007 3006020100"));                          // before SNMP
        f.add(udp4(7500, PORT, "0a0b0c0d 00000007 3006020100"));                         // before ISAKMP's user ports
        f.add(udp6(PORT, PORT, "c0ffee00 00000003 00112233445566778899"));               // over IPv6
        f.add(udp6(PORT, PORT, "ff"));                                                   // keep-alive over IPv6
        byte[] bad = udp4(PORT, PORT, "12345678 00000004 aabbccdd").bytes();
        bad[UDP + 5] = 40;                                                                // UDP length past the IP's
        f.add(new Frame(bad));
        return f;
    }

    /** tcpdump tries AODV and ISAKMP (500) before 4500, and 4500 before ISAKMP's user ports and SNMP. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.ISAKMP, UdpPorts.decoder(500, PORT));
        assertEquals(UdpPorts.Decoder.AODV, UdpPorts.decoder(PORT, 654));
        assertEquals(UdpPorts.Decoder.RIP, UdpPorts.decoder(PORT, 520));
        assertEquals(UdpPorts.Decoder.ISAKMP_NATT, UdpPorts.decoder(PORT, 7500));
        assertEquals(UdpPorts.Decoder.ISAKMP_NATT, UdpPorts.decoder(8500, PORT));
        assertEquals(UdpPorts.Decoder.ISAKMP, UdpPorts.decoder(8500, 161));
        assertEquals(UdpPorts.Decoder.AODV, UdpPorts.decoder(654, 500));
        assertEquals(UdpPorts.Decoder.ISAKMP_NATT, UdpPorts.decoder(PORT, 161));
        assertEquals(UdpPorts.Decoder.ISAKMP_NATT, UdpPorts.decoder(123, PORT));
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the Ethernet header; mutated from the UDP length on (the length, the checksum and the payload). */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    @Override
    int mutantStart(byte[] frame) {
        return UDP + 4;
    }

    /** Never a zero marker over IPv4, which would be IKE. */
    private Mutants mutants() {
        MutatedFrames.Keep notIke = (original, mutant, start) -> !(mutant.length >= PAYLOAD + 4
            && (mutant[12] & 0xff) == 0x08 && mutant[PAYLOAD] == 0 && mutant[PAYLOAD + 1] == 0
            && mutant[PAYLOAD + 2] == 0 && mutant[PAYLOAD + 3] == 0);
        return new Mutants("NATT", 4500, 20, 3, 10, notIke);
    }

    /** The IPv4 frames only (the offsets above are IPv4's). */
    @Override
    List<Frame> mutantBases() {
        List<Frame> v4 = new ArrayList<>();
        for (Frame frame : frames()) if ((frame.bytes()[12] & 0xff) == 0x08) v4.add(frame);
        return v4;
    }

    @Override
    Checks checks() {
        return Checks.of(mutants())
            .cut("-x -v", "-v")
            .mutated("-x -v", "")
            .allocation("-v");
    }
}
