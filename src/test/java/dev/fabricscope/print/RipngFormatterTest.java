package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RIPng on UDP 521 (RFC 2080 layouts) against tcpdump 4.99 itself: requests (the whole-table one too) and responses
 * whole in every verbosity, over IPv6 and IPv4 (tcpdump's port check does not look at the IP version), malformed
 * messages, cut after every byte, seeded random mutants, and RIPng's place in tcpdump's UDP port order.
 */
class RipngFormatterTest extends TcpdumpConformance {
    static byte[] ripng(int command, int version, byte[]... entries) {
        return concat(new byte[] {(byte) command, (byte) version, 0, 0}, concat(entries));
    }

    /** A route table entry: prefix, route tag, prefix length, metric. */
    static byte[] entry(String prefix, int tag, int length, int metric) {
        return concat(hex(prefix), u16(tag), new byte[] {(byte) length, (byte) metric});
    }

    private static final String UNSPECIFIED = "00000000000000000000000000000000";

    private static Frame ipv6Frame(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, payload, IP6_A, IP6_B), 0x60000000L, IP6_A,
            IP6_B)));
    }

    private static Frame ripng(byte[] message) {
        return ipv6Frame(521, 521, message);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(ripng(ripng(2, 1, entry("20010db8000000000000000000000000", 0, 32, 1),
            entry("fd000000000000000000000000000000", 7, 8, 2),
            entry("fe800000000000000000000000000001", 0, 0, 0xff),      // a next hop entry
            entry("20010db8000100000000000000000000", 65535, 128, 0),
            entry("00000000000000000000ffff0a000001", 1, 255, 16))));
        f.add(ripng(ripng(1, 1, entry(UNSPECIFIED, 0, 0, 16))));                  // the whole table
        f.add(ripng(ripng(1, 1, entry(UNSPECIFIED, 3, 0, 16))));
        f.add(ripng(ripng(1, 1, entry("20010db8000000000000000000000000", 0, 0, 16))));
        f.add(ripng(ripng(1, 1, entry(UNSPECIFIED, 0, 0, 15))));
        f.add(ripng(ripng(1, 1, entry("20010db8000000000000000000000000", 9, 48, 3),
            entry(UNSPECIFIED, 0, 0, 16))));
        f.add(ripng(ripng(2, 1)));
        f.add(ripng(ripng(1, 1)));
        f.add(ripng(ripng(2, 1, entry("20010db8000000000000000000000000", 0, 32, 1), hex("0102030405"))));
        f.add(ripng(ripng(1, 1, entry(UNSPECIFIED, 0, 0, 16), hex("00"))));
        f.add(ripng(ripng(1, 1, hex("2001"))));
        f.add(ripng(ripng(2, 2, entry(UNSPECIFIED, 0, 0, 16))));                  // other versions
        f.add(ripng(ripng(2, 0)));
        f.add(ripng(ripng(3, 1, entry(UNSPECIFIED, 0, 0, 16))));                  // other commands
        f.add(ripng(ripng(0, 1)));
        f.add(ripng(hex("0101")));
        f.add(ripng(hex("01")));
        f.add(ripng(new byte[0]));
        // over IPv4, and a UDP length shorter than the IP payload
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(521, 521, ripng(2, 1, entry("20010db8000000000000000000000000",
            0, 32, 1)), IP_A, IP_B)))));
        byte[] shortUdp = udp(521, 521, ripng(2, 1, entry("20010db8000000000000000000000000", 0, 32, 1),
            entry("fd000000000000000000000000000000", 0, 8, 1)), IP6_A, IP6_B);
        shortUdp[5] = (byte) (shortUdp[5] - 10);
        f.add(new Frame(ethernet(0x86dd, ipv6(17, shortUdp, 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** Where RIPng stands in tcpdump's UDP port order (print-udp.c), against the printers we both have. */
    static List<Frame> portOrderFrames() {
        byte[] m = ripng(2, 1, entry("20010db8000000000000000000000000", 0, 32, 1));
        List<Frame> f = new ArrayList<>();
        f.add(ipv6Frame(123, 521, m));      // NTP first
        f.add(ipv6Frame(521, 161, m));      // SNMP first
        f.add(ipv6Frame(521, 547, m));      // then RIPng before DHCPv6
        f.add(ipv6Frame(546, 521, m));
        f.add(ipv6Frame(521, 1812, m));     // and RADIUS
        f.add(ipv6Frame(521, 40000, m));
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** The neighbours that come first in print-udp.c's order: Kerberos, L2TP, Zephyr, VAT and RX (not NetBIOS here). */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.L2TP, UdpPorts.decoder(521, 1701));
        assertEquals(UdpPorts.Decoder.L2TP, UdpPorts.decoder(1701, 521));
        for (int port : new int[] {88, 750}) {
            assertEquals(UdpPorts.Decoder.KRB, UdpPorts.decoder(521, port), "521 and " + port);
            assertEquals(UdpPorts.Decoder.KRB, UdpPorts.decoder(port, 521), port + " and 521");
        }
        for (int port : new int[] {2103, 2104}) {
            assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(521, port), "521 and " + port);
            assertEquals(UdpPorts.Decoder.ZEPHYR, UdpPorts.decoder(port, 521), port + " and 521");
        }
        for (int port : new int[] {7000, 7009}) {   // AFS Rx before RIPng
            assertEquals(UdpPorts.Decoder.RX, UdpPorts.decoder(521, port), "521 and " + port);
            assertEquals(UdpPorts.Decoder.RX, UdpPorts.decoder(port, 521), port + " and 521");
        }
        for (int port : new int[] {137, 138}) {   // NetBIOS comes first only in a tcpdump built with --enable-smb
            assertEquals(UdpPorts.Decoder.RIPNG, UdpPorts.decoder(521, port), "521 and " + port);
            assertEquals(UdpPorts.Decoder.RIPNG, UdpPorts.decoder(port, 521), port + " and 521");
        }
        assertEquals(UdpPorts.Decoder.VAT, UdpPorts.decoder(521, 3456));   // VAT, to its port only
        assertEquals(UdpPorts.Decoder.RIPNG, UdpPorts.decoder(3456, 521));
        assertEquals(UdpPorts.Decoder.RIPNG, UdpPorts.decoder(521, 5359));         // AHCP after RIPng
    }

    /** Cut after the UDP header of an IPv6 packet for every frame, as before; mutated after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 40 + 8;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("RIPNG", 521, 12, 4, 4, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v", "-vv")
            .mutated("-x", "-vv")
            .allocation("-vv")
            .repeats(1_000);
    }
}
