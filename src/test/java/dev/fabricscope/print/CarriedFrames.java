package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import java.util.List;

/**
 * IPv4 packets whose UDP or GRE payload carries another frame or packet (VXLAN, Geneve, GRE), for the printers that
 * carry a packet and name its last printer in a marker after it (MSDP's SA data, OpenFlow 1.0's frames).
 */
final class CarriedFrames {
    private CarriedFrames() { }

    /**
     * From {@code src} to {@code dst}: VXLAN with an ARP request, a VLAN-tagged one and IPv4/UDP DNS; Geneve with a
     * bridged ARP frame (with and without an option), ARP and IPv4/UDP NTP by their ethertypes; GRE with a bridged
     * ARP frame, IPv4/UDP DNS after a key and sequence number, IPv6/UDP DNS after a checksum.
     */
    static List<byte[]> tunnels(byte[] src, byte[] dst) {
        byte[] arp = arp(1, MAC_A, hex("c0a80a01"), zeros(6), hex("c0a80a02"));
        byte[] arpFrame = ethernet(0x0806, arp);
        byte[] tagged = vlan(100, 0x0806, arp);
        byte[] dnsQuery = hex("1234 0100 0001 0000 0000 0000 03777777 00 0001 0001");
        byte[] dns = ipv4(17, udp(40000, 53, dnsQuery, IP_A, IP_B));
        byte[] dns6 = ipv6(17, udp(40000, 53, dnsQuery, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] ntp = ipv4(17, udp(123, 123, concat(hex("e3"), zeros(47)), IP_A, IP_B));
        return List.of(
            ip(17, udp(40000, 4789, concat(hex("08000000 00000100"), arpFrame), src, dst), src, dst),
            ip(17, udp(40000, 4789, concat(hex("08000000 00000100"), tagged), src, dst), src, dst),
            ip(17, udp(40000, 4789, concat(hex("08000000 00000100"), ethernet(0x0800, dns)), src, dst), src, dst),
            ip(17, udp(40000, 6081, concat(hex("00006558 00000b00"), arpFrame), src, dst), src, dst),
            ip(17, udp(40000, 6081, concat(hex("02006558 00000b00 01040101 00000000"), arpFrame), src, dst), src,
                dst),
            ip(17, udp(40000, 6081, concat(hex("00000806 00000b00"), arp), src, dst), src, dst),
            ip(17, udp(40000, 6081, concat(hex("00000800 00000b00"), ntp), src, dst), src, dst),
            ip(47, concat(hex("0000 6558"), arpFrame), src, dst),
            ip(47, concat(hex("3000 0800 00000001 00000002"), dns), src, dst),
            ip(47, concat(hex("8000 86dd 00000000"), dns6), src, dst));
    }

    private static byte[] ip(int protocol, byte[] payload, byte[] src, byte[] dst) {
        return ipv4(protocol, payload, 0, 16, 7, 0, new byte[0], -1, src, dst);
    }
}
