package dev.fabricscope.dissect;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.dissect.Frames.*;
import static dev.fabricscope.testing.InfinibandFrames.*;

import dev.fabricscope.capture.LinkType;
import java.util.List;

/**
 * Hand-built frames for every link type and encapsulation the dissector handles. The tests assert
 * the values written here; {@link DissectorTsharkTest} checks tshark reads these bytes the same way.
 */
final class SampleFrames {
    private SampleFrames() { }

    record Sample(String name, int linkType, byte[] bytes) { }

    static final int ACK = 0x010;
    static final int PSH = 0x008;
    static final int SYN = 0x002;
    /** TCP options: NOP, NOP, timestamps (kind 8, len 10). */
    static final byte[] TCP_TS = hex("01 01 08 0a 00 00 00 01 00 00 00 02");
    /** TCP SYN options: MSS 1460, SACK permitted, NOP, window scale 7 (12 bytes, padded with EOL). */
    static final byte[] TCP_SYN_OPTS = hex("02 04 05 b4 04 02 01 03 03 07 00 00");
    /** IPv4 Router Alert option (RFC 2113). */
    static final byte[] IP_ROUTER_ALERT = hex("94 04 00 00");
    /** A BTH (IBTA vol.1 9.2): opcode 0x04 RC SEND only, pkey 0xffff, dest QP 0x11, PSN 5. */
    static final byte[] BTH = hex("04 00 ff ff 00 00 00 11 00 00 00 05");
    static final byte[] ICRC = hex("de ad be ef");

    static final Sample ETH_IPV4_TCP = new Sample("eth-ipv4-tcp-options", LinkType.EN10MB,
        eth(0x0800, ipv4(6, tcp(40000, 80, 1000, 2000, ACK | PSH, TCP_TS, ascii("hello")))));
    /** A SYN: 54 bytes of headers padded to the 60-byte minimum, plus a 4-byte FCS. */
    static final Sample ETH_IPV4_TCP_PADDED = new Sample("eth-ipv4-tcp-syn-padded", LinkType.EN10MB,
        concat(eth(0x0800, ipv4(6, tcp(40001, 443, 77, 0, SYN, NONE, NONE))), zeros(6), hex("11 22 33 44")));
    static final Sample ETH_IPV4_OPTIONS_UDP = new Sample("eth-ipv4-options-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(0xb8, 0, 1, 17, IP_ROUTER_ALERT, udp(5000, 53, hex("01 02 03 04")))));
    /** First fragment: MF, offset 0; the UDP length (8 + 40) covers more than this fragment's 16 payload bytes. */
    static final Sample ETH_IPV4_FIRST_FRAGMENT = new Sample("eth-ipv4-first-fragment", LinkType.EN10MB,
        eth(0x0800, ipv4(0, 0x2000, 64, 17, NONE, concat(u16(6000), u16(7000), u16(48), u16(0), zeros(16)))));
    static final Sample ETH_IPV4_LATER_FRAGMENT = new Sample("eth-ipv4-later-fragment", LinkType.EN10MB,
        eth(0x0800, ipv4(0, 3, 64, 17, NONE, zeros(24))));
    /** IPv6: hop-by-hop (PadN), routing (type 4 segment routing, 24 bytes), destination options, AH, TCP. */
    static final Sample ETH_IPV6_EXT_TCP = new Sample("eth-ipv6-ext-chain-tcp", LinkType.EN10MB,
        eth(0x86dd, ipv6(0, concat(
            ext6(43, 0, hex("01 04 00 00 00 00")),
            ext6(60, 2, hex("04 00 00 00")),
            ext6(51, 0, hex("01 04 00 00 00 00")),
            concat(new byte[] {6, 4}, zeros(2), u32(0x100), u32(1), zeros(12)),   // AH: (4+2)*4 = 24 bytes
            tcp(50000, 22, 1, 2, ACK, NONE, ascii("ssh"))))));
    static final Sample ETH_IPV6_FIRST_FRAGMENT = new Sample("eth-ipv6-first-fragment-udp", LinkType.EN10MB,
        eth(0x86dd, ipv6(44, concat(frag6(17, 0, true), concat(u16(6001), u16(7001), u16(100), u16(0), zeros(8))))));
    static final Sample ETH_IPV6_LATER_FRAGMENT = new Sample("eth-ipv6-later-fragment", LinkType.EN10MB,
        eth(0x86dd, ipv6(44, concat(frag6(17, 2, false), zeros(16)))));
    static final Sample ETH_VLAN_IPV4_UDP = new Sample("eth-8021q-ipv4-udp", LinkType.EN10MB,
        eth(new int[][] {tag(0x8100, 5, 0, 100)}, 0x0800, ipv4(17, udp(1234, 4321, ascii("abcdef")))));
    static final Sample ETH_QINQ_IPV6_UDP = new Sample("eth-8021ad-8021q-ipv6-udp", LinkType.EN10MB,
        eth(new int[][] {tag(0x88a8, 3, 1, 10), tag(0x8100, 0, 0, 20)}, 0x86dd, ipv6(17, udp(546, 547, zeros(4)))));
    static final Sample ETH_THREE_TAGS_TCP = new Sample("eth-9100-8100-88a8-ipv4-tcp", LinkType.EN10MB,
        eth(new int[][] {tag(0x9100, 7, 0, 4094), tag(0x8100, 1, 1, 1), tag(0x88a8, 2, 0, 300)}, 0x0800,
            ipv4(6, tcp(179, 33000, 5, 6, ACK, NONE, NONE))));
    static final Sample ETH_NINE_TAGS = new Sample("eth-nine-vlan-tags", LinkType.EN10MB,
        eth(new int[][] {tag(0x8100, 0, 0, 1), tag(0x8100, 0, 0, 2), tag(0x8100, 0, 0, 3), tag(0x8100, 0, 0, 4),
            tag(0x8100, 0, 0, 5), tag(0x8100, 0, 0, 6), tag(0x8100, 0, 0, 7), tag(0x8100, 0, 0, 8),
            tag(0x8100, 0, 0, 9)}, 0x0800, ipv4(17, udp(1, 2, NONE))));
    static final Sample ETH_MPLS_IPV4_UDP = new Sample("eth-mpls2-ipv4-udp", LinkType.EN10MB,
        eth(0x8847, concat(mpls(16, 5, false, 255), mpls(1048575, 0, true, 64), ipv4(17, udp(3784, 3784, zeros(24))))));
    static final Sample ETH_MPLS_NULL_IPV6_TCP = new Sample("eth-mpls-explicit-null-ipv6-tcp", LinkType.EN10MB,
        eth(0x8847, concat(mpls(2, 0, true, 1), ipv6(6, tcp(8080, 50001, 9, 10, ACK | PSH, NONE, ascii("x"))))));
    /** VLAN 30, MPLS label 100, control word, inner Ethernet with VLAN 40, IPv4, TCP. */
    static final Sample ETH_MPLS_PW_ETH = new Sample("eth-vlan-mpls-pw-eth-vlan-ipv4-tcp", LinkType.EN10MB,
        eth(new int[][] {tag(0x8100, 0, 0, 30)}, 0x8847, concat(mpls(100, 0, true, 200), hex("00 00 00 00"),
            eth(new int[][] {tag(0x8100, 0, 0, 40)}, 0x0800, ipv4(6, tcp(1111, 2222, 3, 4, ACK, NONE, ascii("pw")))))));
    static final Sample ETH_PPPOE_IPV4_TCP = new Sample("eth-pppoe-ipv4-tcp", LinkType.EN10MB,
        eth(0x8864, pppoe(0x1234, 0x0021, ipv4(6, tcp(3333, 80, 11, 12, ACK, NONE, ascii("GET /"))))));
    static final Sample ETH_PPPOE_IPV6_UDP = new Sample("eth-pppoe-ipv6-udp", LinkType.EN10MB,
        eth(0x8864, pppoe(0x0001, 0x0057, ipv6(17, udp(5353, 5353, zeros(3))))));
    /** GRE with key and sequence (RFC 2890) carrying IPv4/TCP. */
    static final Sample ETH_GRE_IPV4 = new Sample("eth-ipv4-gre-key-seq-ipv4-tcp", LinkType.EN10MB,
        eth(0x0800, ipv4(47, concat(u16(0x3000), u16(0x0800), u32(0x11223344), u32(7),
            innerIpv4(6, tcp(4444, 5555, 1, 1, ACK, NONE, NONE))))));
    /** GRE with checksum (RFC 2784) carrying transparent Ethernet bridging (0x6558). */
    static final Sample ETH_GRE_ETH = new Sample("eth-ipv4-gre-csum-teb-eth-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(47, concat(u16(0x8000), u16(0x6558), u16(0), u16(0),
            eth(new int[][] {tag(0x8100, 0, 0, 50)}, 0x0800, innerIpv4(17, udp(67, 68, zeros(8))))))));
    /** VXLAN (RFC 7348: flags with I set, VNI 4242) carrying Ethernet/IPv4/UDP. */
    static final Sample ETH_VXLAN_ETH = new Sample("eth-ipv4-udp-vxlan-eth-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(49152, 4789, concat(hex("08 00 00 00"), u32(4242 << 8),
            eth(0x0800, innerIpv4(17, udp(4444, 5555, ascii("vxlan")))))))));
    /** Geneve (RFC 8926: version 0, 2 words of options, protocol 0x6558, VNI 4242; one 4-byte option). */
    static final Sample ETH_GENEVE_ETH = new Sample("eth-ipv4-udp-geneve-opt-eth-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(49153, 6081, concat(hex("02 00 65 58"), u32(4242 << 8),
            u16(0x0102), hex("80 01"), u32(0xdeadbeefL), eth(0x0800, innerIpv4(17, udp(5000, 6000, zeros(6)))))))));
    /** VXLAN's header on UDP port 8472 (Linux's default VXLAN port; Cisco OTV: overlay 0, instance 7). */
    static final Sample ETH_VXLAN_8472_ETH = new Sample("eth-ipv4-udp-8472-vxlan-eth-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(49154, 8472, concat(hex("08 00 00 00"), u32(7 << 8),
            eth(0x0800, innerIpv4(17, udp(4446, 5557, ascii("otv")))))))));
    /** VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe: version 0, I and P flags, next protocol 1 IPv4, VNI 99) carrying IPv4/UDP. */
    static final Sample ETH_VXLAN_GPE_IPV4 = new Sample("eth-ipv4-udp-vxlan-gpe-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(49155, 4790, concat(hex("0c 00 00 01"), u32(99 << 8),
            innerIpv4(17, udp(5004, 6004, ascii("gpe"))))))));
    /** VXLAN-GPE with next protocol 3, Ethernet. */
    static final Sample ETH_VXLAN_GPE_ETH = new Sample("eth-ipv4-udp-vxlan-gpe-eth-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(49156, 4790, concat(hex("0c 00 00 03"), u32(100 << 8),
            eth(0x0800, innerIpv4(17, udp(5005, 6005, zeros(5)))))))));
    /** Geneve over IPv6 carrying IPv6 (protocol 0x86dd), no options. */
    static final Sample ETH_GENEVE_IPV6 = new Sample("eth-ipv6-udp-geneve-ipv6-udp", LinkType.EN10MB,
        eth(0x86dd, ipv6(17, udp(49157, 6081, concat(hex("00 00 86 dd"), u32(4243 << 8),
            ipv6(17, udp(5006, 6006, ascii("geneve"))))))));
    /** ERSPAN type I (draft-foschiano-erspan: GRE 0x88be without a sequence number, no ERSPAN header). */
    static final Sample ETH_ERSPAN_I = new Sample("eth-ipv4-gre-erspan1-eth-ipv4-udp", LinkType.EN10MB,
        eth(0x0800, ipv4(47, concat(u16(0x0000), u16(0x88be), eth(0x0800, innerIpv4(17, udp(5001, 6001, zeros(4))))))));
    /** ERSPAN type II: GRE with a sequence number; header version 1, VLAN 100, session 1, index 5. */
    static final Sample ETH_ERSPAN_II = new Sample("eth-ipv4-gre-seq-erspan2-eth-ipv4-tcp", LinkType.EN10MB,
        eth(0x0800, ipv4(47, concat(u16(0x1000), u16(0x88be), u32(77), hex("10 64 00 01"), u32(5),
            eth(0x0800, innerIpv4(6, tcp(4445, 5556, 1, 1, ACK, NONE, ascii("erspan2"))))))));
    /** ERSPAN type III: version 2, timestamp, SGT, O flag set, then the 8-byte platform-specific subheader. */
    static final Sample ETH_ERSPAN_III_PLATFORM = new Sample("eth-ipv4-gre-seq-erspan3-o-eth-ipv4-udp",
        LinkType.EN10MB, eth(0x0800, ipv4(47, concat(u16(0x1000), u16(0x22eb), u32(78), hex("20 64 00 02"),
            u32(123456), u16(0), hex("00 01"), hex("18 00 00 00 00 00 00 00"),
            eth(0x0800, innerIpv4(17, udp(5002, 6002, zeros(4))))))));
    /** ERSPAN type III without the platform-specific subheader (O flag clear). */
    static final Sample ETH_ERSPAN_III = new Sample("eth-ipv4-gre-seq-erspan3-eth-ipv4-tcp", LinkType.EN10MB,
        eth(0x0800, ipv4(47, concat(u16(0x1000), u16(0x22eb), u32(79), hex("20 64 00 03"),
            u32(123457), u16(0), hex("00 00"), eth(0x0800, innerIpv4(6, tcp(5003, 6003, 1, 1, ACK, NONE, NONE)))))));
    /** RoCEv2: UDP source port 69 (the proxy_roce pitfall), destination 4791, BTH, payload, ICRC. */
    static final Sample ETH_ROCE_V2 = new Sample("eth-ipv4-udp-rocev2", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(69, 4791, concat(BTH, zeros(16), ICRC)))));
    static final Sample ETH_UDP_SRC_4791 = new Sample("eth-ipv4-udp-src-4791-not-roce", LinkType.EN10MB,
        eth(0x0800, ipv4(17, udp(4791, 5000, concat(BTH, ICRC)))));
    /** RoCEv1: ethertype 0x8915, GRH (IPv6-like, next header 0x1b), BTH. */
    static final Sample ETH_ROCE_V1 = new Sample("eth-rocev1", LinkType.EN10MB,
        eth(0x8915, concat(hex("60 00 00 00"), u16(12 + 8 + 4), hex("1b 40"), IP6_SRC, IP6_DST, BTH, zeros(8), ICRC)));
    /** Slow protocols, LACP subtype 1 version 1, then zeros to the 60-byte minimum. */
    static final Sample ETH_SLOW = new Sample("eth-slow-protocols", LinkType.EN10MB,
        eth(0x8809, concat(hex("01 01"), zeros(44))));
    /** Arista's 48-bit timestamp header (0xd28b, subtype 1) between two VLAN tags, then IPv6 UDP. */
    static final Sample ETH_VLAN_ARISTA_VLAN_IPV6 = new Sample("eth-8021q-arista48-8021q-ipv6-udp", LinkType.EN10MB,
        eth(new int[][] {tag(0x8100, 0, 0, 10)}, 0xd28b, concat(hex("0001 0020 0001 5f5e0fff"), u16(0x8100), u16(20),
            u16(0x86dd), ipv6(17, udp(1000, 2000, zeros(4))))));
    /** An integrity-only MACsec SecTAG with SCI, a VLAN tag and IPv4 TCP inside, the 16-byte ICV at the end. */
    static final Sample ETH_MACSEC_VLAN_IPV4_TCP = new Sample("eth-macsec-sci-8021q-ipv4-tcp", LinkType.EN10MB,
        eth(0x88e5, concat(hex("20 00 00000007 0011223344550001"), u16(0x8100), u16(30), u16(0x0800),
            ipv4(6, tcp(40000, 445, 1, 2, 0x018, NONE, ascii("hello"))), hex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0"))));

    static final Sample SLL_IPV4_UDP = new Sample("linux-sll-ipv4-udp", LinkType.LINUX_SLL,
        concat(u16(0), u16(1), u16(6), SRC_MAC, zeros(2), u16(0x0800), ipv4(17, udp(1000, 2000, ascii("sll")))));
    static final Sample SLL2_IPV6_TCP = new Sample("linux-sll2-ipv6-tcp", LinkType.LINUX_SLL2,
        concat(u16(0x86dd), u16(0), u32(2), u16(1), new byte[] {4, 6}, SRC_MAC, zeros(2),
            ipv6(6, tcp(22, 60000, 100, 200, ACK, TCP_TS, ascii("sll2")))));
    static final Sample SLL2_VLAN_IPV4 = new Sample("linux-sll2-8021q-ipv4-udp", LinkType.LINUX_SLL2,
        concat(u16(0x8100), u16(0), u32(3), u16(1), new byte[] {0, 6}, SRC_MAC, zeros(2),
            u16(0x0064), u16(0x0800), ipv4(17, udp(7, 9, NONE))));
    static final Sample RAW_IPV4 = new Sample("raw101-ipv4-udp", LinkType.RAW, ipv4(17, udp(111, 222, zeros(2))));
    static final Sample RAW12_IPV6 = new Sample("raw12-ipv6-udp", LinkType.RAW_12, ipv6(17, udp(333, 444, NONE)));
    static final Sample RAW14_IPV4 = new Sample("raw14-ipv4-tcp", LinkType.RAW_14,
        ipv4(6, tcp(555, 666, 1, 0, SYN, TCP_SYN_OPTS, NONE)));
    static final Sample NULL_LE_IPV4 = new Sample("null-le-ipv4-udp", LinkType.NULL,
        concat(hex("02 00 00 00"), ipv4(17, udp(53, 5353, zeros(4)))));
    static final Sample NULL_BE_IPV6 = new Sample("null-be-ipv6-24-udp", LinkType.NULL,
        concat(hex("00 00 00 18"), ipv6(17, udp(123, 123, zeros(48)))));
    static final Sample NULL_LE_IPV6_28 = new Sample("null-le-ipv6-28-tcp", LinkType.NULL,
        concat(hex("1c 00 00 00"), ipv6(6, tcp(80, 1025, 1, 1, ACK, NONE, NONE))));
    static final Sample NULL_LE_IPV6_30 = new Sample("null-le-ipv6-30-udp", LinkType.NULL,
        concat(hex("1e 00 00 00"), ipv6(17, udp(9, 9, NONE))));
    static final Sample LOOP_IPV4 = new Sample("loop-ipv4-tcp", LinkType.LOOP,
        concat(hex("00 00 00 02"), ipv4(6, tcp(25, 2525, 1, 1, ACK, NONE, ascii("EHLO")))));
    static final Sample PPP_IPV4 = new Sample("ppp-ff03-ipv4-udp", LinkType.PPP,
        concat(hex("ff 03 00 21"), ipv4(17, udp(1701, 1702, zeros(3)))));
    /** Address and control left out, the protocol compressed to one byte (RFC 1661 ACFC and PFC). */
    static final Sample PPP_COMPRESSED_IPV6 = new Sample("ppp-pfc-ipv6-tcp", LinkType.PPP,
        concat(hex("57"), ipv6(6, tcp(179, 50000, 7, 8, ACK, NONE, ascii("bgp")))));
    static final Sample PPP_SERIAL_IPV4 = new Sample("ppp-serial-ipv4-tcp", LinkType.PPP_SERIAL,
        concat(hex("ff 03 00 21"), ipv4(6, tcp(22, 40000, 1, 2, ACK, NONE, ascii("x")))));
    static final Sample PPP_SERIAL_CHDLC_IPV6 = new Sample("ppp-serial-chdlc-ipv6-udp", LinkType.PPP_SERIAL,
        concat(hex("8f 00 86 dd"), ipv6(17, udp(521, 521, zeros(6)))));
    static final Sample CHDLC_IPV4 = new Sample("chdlc-ipv4-udp", LinkType.C_HDLC,
        concat(hex("0f 00 08 00"), ipv4(17, udp(646, 646, zeros(8)))));
    static final Sample CHDLC_IPV6 = new Sample("chdlc-ipv6-tcp", LinkType.C_HDLC,
        concat(hex("0f 00 86 dd"), ipv6(6, tcp(646, 33000, 3, 4, SYN, TCP_SYN_OPTS, NONE))));
    /** LINKTYPE_IPOIB's 44-byte header: two 20-byte IPoIB hardware addresses (QPN, GID), the type, 2 reserved. */
    static byte[] ipoib(int type, byte[] payload) {
        return concat(hex("00 00 04 48 fe80 0000 0000 0000 0002 c903 0001 0002"),
            hex("80 00 05 50 fe80 0000 0000 0000 0010 e000 664a b451"), u16(type), u16(0), payload);
    }

    static final Sample IPOIB_IPV4_UDP = new Sample("ipoib-ipv4-udp", LinkType.IPOIB,
        ipoib(0x0800, ipv4(17, udp(9000, 7000, zeros(6)))));
    static final Sample IPOIB_IPV6_TCP = new Sample("ipoib-ipv6-tcp", LinkType.IPOIB,
        ipoib(0x86dd, ipv6(6, tcp(40000, 22, 9, 10, ACK | PSH, TCP_TS, ascii("ipoib")))));
    /** ARP with 20-byte InfiniBand hardware addresses (hardware type 32, RFC 4391 section 5). */
    static final Sample IPOIB_ARP = new Sample("ipoib-arp-request", LinkType.IPOIB,
        ipoib(0x0806, concat(hex("0020 0800 14 04 0001"), zeros(20), IP4_SRC, zeros(20), IP4_DST)));
    /** An NFLOG TLV as Linux writes it on a little-endian host: length (before padding) and type, value, padding. */
    static byte[] nflogTlv(int type, byte[] value) {
        int length = 4 + value.length;
        return concat(new byte[] {(byte) length, (byte) (length >>> 8), (byte) type, (byte) (type >>> 8)}, value,
            zeros((4 - length % 4) % 4));
    }

    /** LINKTYPE_NFLOG: family, version 0, resource ID; packet header, prefix (padded), UID TLVs; the payload TLV. */
    static byte[] nflog(int family, byte[] packet) {
        return concat(new byte[] {(byte) family, 0}, u16(7), nflogTlv(1, hex("0800 01 00")),
            nflogTlv(10, ascii("in:\0")), nflogTlv(11, u32(0)), nflogTlv(9, packet));
    }

    static final Sample NFLOG_IPV4_UDP = new Sample("nflog-ipv4-udp", LinkType.NFLOG,
        nflog(2, ipv4(17, udp(53, 41000, zeros(12)))));
    static final Sample NFLOG_IPV6_TCP = new Sample("nflog-ipv6-tcp", LinkType.NFLOG,
        nflog(10, ipv6(6, tcp(443, 50000, 1, 2, ACK, NONE, ascii("nflog")))));
    /** LINKTYPE_PFLOG: pf's header of {@code length} bytes (64 captured at least: Linux's struct), the packet. */
    static byte[] pflog(int length, int family, byte[] packet) {
        byte[] header = java.util.Arrays.copyOf(new byte[] {(byte) length, (byte) family, 1, 0, 'e', 'm', '0'},
            Math.max(64, length + 3 & ~3));
        return concat(header, packet);
    }

    static final Sample PFLOG_IPV4_UDP = new Sample("pflog-ipv4-udp", LinkType.PFLOG,
        pflog(61, 2, ipv4(17, udp(53, 41000, zeros(12)))));
    static final Sample PFLOG_IPV6_TCP = new Sample("pflog-ipv6-tcp", LinkType.PFLOG,
        pflog(69, 28, ipv6(6, tcp(443, 50000, 1, 2, ACK, NONE, ascii("pflog")))));
    /** LINKTYPE_PKTAP: macOS's little-endian header ({@code length} bytes, a record type, the DLT), the packet. */
    static byte[] pktap(int length, int recordType, int dlt, byte[] packet) {
        byte[] header = java.util.Arrays.copyOf(new byte[] {(byte) length, (byte) (length >>> 8), 0, 0,
            (byte) recordType, 0, 0, 0, (byte) dlt, (byte) (dlt >>> 8), 0, 0, 'e', 'n', '0'}, Math.max(length, 12));
        return concat(header, packet);
    }

    static final Sample PKTAP_ETH_IPV4_UDP = new Sample("pktap-eth-ipv4-udp", LinkType.PKTAP,
        pktap(108, 1, 1, eth(0x0800, ipv4(17, udp(53, 41000, zeros(12))))));
    /** LINKTYPE_FRELAY: DLCI 100's Q.922 address, then UI and NLPID, Cisco's ethertype, or UI, NLPID SNAP and OUI 0. */
    static final Sample FRELAY_IPV4_UDP = new Sample("frelay-nlpid-ipv4-udp", LinkType.FRELAY,
        concat(hex("1841 03 cc"), ipv4(17, udp(53, 41000, zeros(12)))));
    static final Sample FRELAY_SNAP_IPV6_TCP = new Sample("frelay-snap-ipv6-tcp", LinkType.FRELAY,
        concat(hex("1841 03 80 000000 86dd"), ipv6(6, tcp(443, 50000, 1, 2, ACK, NONE, ascii("fr")))));
    static final Sample FRELAY_CISCO_IPV4_TCP = new Sample("frelay-cisco-ipv4-tcp", LinkType.FRELAY,
        concat(hex("1841 0800"), ipv4(6, tcp(179, 1024, 7, 8, ACK, NONE, zeros(3)))));
    /** LINKTYPE_MFR: an FRF.16 fragment that is a whole frame (B and E), sequence 5, then the Frame Relay frame. */
    static final Sample MFR_IPV6_UDP = new Sample("mfr-whole-ipv6-udp", LinkType.MFR,
        concat(hex("c1 05 1841 03 00 8e"), ipv6(17, udp(5000, 5001, zeros(8)))));
    static final Sample IPV4_LINK = new Sample("linktype-ipv4-udp", LinkType.IPV4, ipv4(17, udp(161, 162, zeros(5))));
    static final Sample IPV6_LINK = new Sample("linktype-ipv6-tcp", LinkType.IPV6,
        ipv6(6, tcp(179, 179, 1, 1, ACK, NONE, zeros(19))));

    /** ERF record header: timestamp (LE), type, flags (varying length), rlen, lctr, wlen. */
    static byte[] erfHeader(int type, int rlen, int wlen) {
        return concat(hex("00 00 00 80 ef 41 2b 48"), new byte[] {(byte) type, 0x04}, u16(rlen), u16(0), u16(wlen));
    }

    static final byte[] ERF_ETH_FRAME = eth(0x0800, ipv4(17, udp(2152, 2152, zeros(12))));
    /** ERF type ETH with two extension headers (the first's top bit says another follows), 2 pad bytes. */
    static final Sample ERF_ETH = new Sample("erf-eth-2ext-ipv4-udp", LinkType.ERF,
        concat(erfHeader(0x80 | 2, 16 + 16 + 2 + ERF_ETH_FRAME.length, ERF_ETH_FRAME.length),
            hex("84 00 00 00 00 00 00 01"), hex("04 00 00 00 00 00 00 02"), hex("00 00"), ERF_ETH_FRAME));
    /** LRH: VL 0, LVer 0, SL 0, LNH 3 (GRH follows), DLID 0x0001, length, SLID 0x0002; GRH; BTH. */
    static final byte[] IB_GLOBAL = concat(hex("03 03 00 01 00 10 00 02"),
        hex("60 00 00 00"), u16(12 + 4), hex("1b 01"), IP6_SRC, IP6_DST, BTH, ICRC, hex("00 00"));
    static final Sample ERF_IB = new Sample("erf-infiniband-lrh-grh-bth", LinkType.ERF,
        concat(erfHeader(21, 16 + IB_GLOBAL.length, IB_GLOBAL.length), IB_GLOBAL));
    static final Sample ERF_UNSUPPORTED = new Sample("erf-hdlc-pos-unsupported", LinkType.ERF,
        concat(erfHeader(1, 24, 8), hex("0f 00 08 00 45 00 00 00")));
    /** LRH with LNH 2 (BTH follows), VL 15 (management), DLID 0xffff, SLID 5. */
    static final Sample IB_LOCAL = new Sample("infiniband-lrh-bth", LinkType.INFINIBAND,
        concat(hex("f0 02 ff ff 00 08 00 05"), BTH, zeros(4), ICRC, hex("00 00")));
    static final Sample IB_GLOBAL_LINK = new Sample("infiniband-lrh-grh-bth", LinkType.INFINIBAND, IB_GLOBAL);

    /** IPoIB datagram mode: UD SEND ONLY to the broadcast QPN, from QP 0x48. */
    static final Sample IB_IPOIB_UD_IPV4_UDP = new Sample("infiniband-ipoib-ud-ipv4-udp", LinkType.INFINIBAND,
        ipOverIb(0x64, 0xffffff, deth(0x48), 0x0800, 0, ipv4(17, udp(49501, 49504, ascii("ipoib!")))));
    /** IPoIB connected mode: RC SEND ONLY. */
    static final Sample IB_IPOIB_RC_IPV6_TCP = new Sample("infiniband-ipoib-rc-ipv6-tcp", LinkType.INFINIBAND,
        ipOverIb(0x04, 0x870408, NONE, 0x86dd, 0, ipv6(6, tcp(40000, 22, 5, 6, ACK | PSH, NONE, ascii("ssh")))));
    /** A MAD to QP1 whose first bytes look like an IPoIB header: a MAD for tshark and for us. */
    static final Sample IB_QP1_LOOKS_LIKE_IPOIB = new Sample("infiniband-qp1-mad-not-ipoib", LinkType.INFINIBAND,
        ipOverIb(0x64, 1, deth(1), 0x0800, 0, ipv4(17, udp(1, 2, zeros(4)))));

    static final List<Sample> ALL = List.of(ETH_IPV4_TCP, ETH_IPV4_TCP_PADDED, ETH_IPV4_OPTIONS_UDP,
        ETH_IPV4_FIRST_FRAGMENT, ETH_IPV4_LATER_FRAGMENT, ETH_IPV6_EXT_TCP, ETH_IPV6_FIRST_FRAGMENT,
        ETH_IPV6_LATER_FRAGMENT, ETH_VLAN_IPV4_UDP, ETH_QINQ_IPV6_UDP, ETH_THREE_TAGS_TCP, ETH_NINE_TAGS,
        ETH_MPLS_IPV4_UDP, ETH_MPLS_NULL_IPV6_TCP, ETH_MPLS_PW_ETH, ETH_PPPOE_IPV4_TCP, ETH_PPPOE_IPV6_UDP,
        ETH_GRE_IPV4, ETH_GRE_ETH, ETH_ROCE_V2, ETH_UDP_SRC_4791, ETH_ROCE_V1, ETH_SLOW,
        ETH_VLAN_ARISTA_VLAN_IPV6, ETH_MACSEC_VLAN_IPV4_TCP,   // not 0x9200 tags: tshark does not take them as VLAN
        SLL_IPV4_UDP, SLL2_IPV6_TCP, SLL2_VLAN_IPV4, RAW_IPV4, RAW12_IPV6, RAW14_IPV4,
        NULL_LE_IPV4, NULL_BE_IPV6, NULL_LE_IPV6_28, NULL_LE_IPV6_30, LOOP_IPV4, IPV4_LINK, IPV6_LINK,
        PPP_IPV4, PPP_COMPRESSED_IPV6, PPP_SERIAL_IPV4, PPP_SERIAL_CHDLC_IPV6, CHDLC_IPV4, CHDLC_IPV6,
        IPOIB_IPV4_UDP, IPOIB_IPV6_TCP, IPOIB_ARP, NFLOG_IPV4_UDP, NFLOG_IPV6_TCP,
        FRELAY_IPV4_UDP, FRELAY_SNAP_IPV6_TCP, FRELAY_CISCO_IPV4_TCP, MFR_IPV6_UDP,
        ERF_ETH, ERF_IB, ERF_UNSUPPORTED, IB_LOCAL, IB_GLOBAL_LINK,
        IB_IPOIB_UD_IPV4_UDP, IB_IPOIB_RC_IPV6_TCP, IB_QP1_LOOKS_LIKE_IPOIB);
}
