package dev.fabricscope.libpcap;

import dev.fabricscope.capture.Packet;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Frames built by hand from the wire formats (IEEE 802.3/802.1Q/802.1ad, RFC 3032 MPLS, RFC 791 IPv4,
 * RFC 8200 IPv6, RFC 9293 TCP, RFC 768 UDP) for filter tests. Checksums are left zero: no filter reads them.
 */
final class TestFrames {
    private TestFrames() { }

    static final byte[] MAC_A = mac("02:00:00:00:00:0a");
    static final byte[] MAC_B = mac("02:00:00:00:00:0b");
    static final byte[] MAC_MCAST = mac("01:80:c2:00:00:02");   // slow-protocols multicast

    record Frame(String name, byte[] bytes) { }

    static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Builder bytes(byte... b) {
            out.writeBytes(b);
            return this;
        }

        Builder u8(int v) {
            out.write(v);
            return this;
        }

        Builder u16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Builder u32(long v) {
            u16((int) (v >>> 16));
            return u16((int) v);
        }

        Builder zeros(int n) {
            out.writeBytes(new byte[n]);
            return this;
        }

        Builder eth(byte[] dst, byte[] src, int type) {
            return bytes(dst).bytes(src).u16(type);
        }

        /** An 802.1Q/802.1ad tag body: TCI (pcp, vid) then the next ethertype. */
        Builder tag(int pcp, int vid, int nextType) {
            return u16(pcp << 13 | vid).u16(nextType);
        }

        Builder mpls(int label, int tc, boolean bottom, int ttl) {
            return u32((long) label << 12 | tc << 9 | (bottom ? 1 << 8 : 0) | ttl);
        }

        /** IPv4 header; {@code options} must be a multiple of 4 bytes. */
        Builder ipv4(int tos, int totalLength, int flagsFrag, int proto, String src, String dst, byte[] options) {
            int ihl = 5 + options.length / 4;
            return u8(0x40 | ihl).u8(tos).u16(totalLength).u16(0x1234).u16(flagsFrag).u8(64).u8(proto).u16(0)
                .bytes(ip(src)).bytes(ip(dst)).bytes(options);
        }

        Builder ipv6(int trafficClass, int payloadLength, int nextHeader, String src, String dst) {
            return u32(6L << 28 | (long) trafficClass << 20).u16(payloadLength).u8(nextHeader).u8(64)
                .bytes(ip(src)).bytes(ip(dst));
        }

        /** TCP header with {@code options} (multiple of 4 bytes). */
        Builder tcp(int sport, int dport, int flags, byte[] options) {
            int off = 5 + options.length / 4;
            return u16(sport).u16(dport).u32(1000).u32(0).u8(off << 4).u8(flags).u16(65535).u16(0).u16(0).bytes(options);
        }

        Builder udp(int sport, int dport, int payloadLength) {
            return u16(sport).u16(dport).u16(8 + payloadLength).u16(0);
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    static Builder frame() {
        return new Builder();
    }

    static byte[] mac(String text) {
        return HexFormat.ofDelimiter(":").parseHex(text);
    }

    static byte[] ip(String text) {
        try {
            return java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Packet packet(byte[] bytes, int caplen, int wirelen) {
        return new Packet().set(bytes, 0, caplen, wirelen, 0, 0, 1, 1);
    }

    /** A broad set of Ethernet frames covering the one-liners and the usual primitives. */
    static List<Frame> ethernetFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] none = new byte[0];
        byte[] tcpTs = HexFormat.of().parseHex("0101080a0000000100000002");  // NOP NOP timestamps: 12 bytes
        byte[] bgpOpen = bgp(1);
        f.add(new Frame("ipv4 tcp syn 10.1.2.3:40000 > 10.9.8.7:80", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 40, 0x4000, 6, "10.1.2.3", "10.9.8.7", none).tcp(40000, 80, 0x02, none).build()));
        f.add(new Frame("ipv4 tcp ack dscp10 port 179 bgp open with timestamps", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0x28, 20 + 32 + bgpOpen.length, 0x4000, 6, "192.168.1.1", "192.168.2.2", none)
            .tcp(179, 50000, 0x18, tcpTs).bytes(bgpOpen).build()));
        f.add(new Frame("ipv4 tcp port 179 bgp keepalive", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 32 + 19, 0x4000, 6, "192.168.1.1", "192.168.2.2", none)
            .tcp(50000, 179, 0x18, tcpTs).bytes(bgp(4)).build()));
        f.add(new Frame("ipv4 with options (ihl 7) tcp rst", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 28 + 20, 0, 6, "10.0.0.1", "10.0.0.2", HexFormat.of().parseHex("94040000" + "01010100"))
            .tcp(1, 2, 0x04, none).build()));
        f.add(new Frame("ipv4 udp 4791 roce", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0x28, 20 + 8 + 16, 0x4000, 17, "172.16.0.1", "172.16.5.9", none).udp(49152, 4791, 16)
            .bytes(HexFormat.of().parseHex("0440ffff000000110000000180000000")).build()));
        f.add(new Frame("ipv4 udp from 4791", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 8 + 4, 0, 17, "172.16.5.9", "172.16.0.1", none).udp(4791, 49152, 4).u32(0).build()));
        f.add(new Frame("l2tp control udp 1701", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 8 + 12, 0, 17, "10.0.0.1", "10.0.0.2", none).udp(1701, 1701, 12)
            .u16(0xc802).u16(12).u16(0).u16(0).u16(0).u16(0).build()));
        f.add(new Frame("l2tp data udp 1701", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 8 + 6, 0, 17, "10.0.0.1", "10.0.0.2", none).udp(1701, 1701, 6)
            .u16(0x0002).u16(5).u16(7).build()));
        f.add(new Frame("ipv4 fragment (offset 185) udp", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 16, 0x00b9, 17, "10.1.1.1", "10.2.2.2", none).zeros(16).build()));
        f.add(new Frame("ipv4 first fragment (more fragments) tcp 443", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 20, 0x2000, 6, "10.1.1.1", "10.2.2.2", none).tcp(443, 1025, 0x10, none).build()));
        f.add(new Frame("vlan 6 pcp 1 ipv4 udp 4791", frame().eth(MAC_B, MAC_A, 0x8100).tag(1, 6, 0x0800)
            .ipv4(0, 20 + 8 + 4, 0, 17, "10.6.0.1", "10.6.0.2", none).udp(1000, 4791, 4).u32(7).build()));
        f.add(new Frame("vlan 7 pcp 0 ipv4 tcp 22", frame().eth(MAC_B, MAC_A, 0x8100).tag(0, 7, 0x0800)
            .ipv4(0, 40, 0, 6, "10.7.0.1", "10.7.0.2", none).tcp(22, 60000, 0x10, none).build()));
        f.add(new Frame("qinq 802.1ad 100 / 802.1q 6 pcp 1 ipv4 tcp", frame().eth(MAC_B, MAC_A, 0x88a8)
            .tag(1, 100, 0x8100).tag(5, 6, 0x0800).ipv4(0, 40, 0, 6, "10.8.0.1", "10.8.0.2", none)
            .tcp(5000, 179, 0x02, none).build()));
        f.add(new Frame("mpls single label bos ipv4 udp", frame().eth(MAC_B, MAC_A, 0x8847).mpls(16, 0, true, 64)
            .ipv4(0, 28, 0, 17, "10.9.0.1", "10.9.0.2", none).udp(53, 53, 0).build()));
        f.add(new Frame("mpls two labels ipv4 tcp", frame().eth(MAC_B, MAC_A, 0x8847).mpls(17, 0, false, 64)
            .mpls(18, 0, true, 64).ipv4(0, 40, 0, 6, "10.9.0.1", "10.9.0.2", none).tcp(80, 81, 0x12, none).build()));
        f.add(new Frame("lacp slow protocols", frame().eth(MAC_MCAST, MAC_A, 0x8809).u8(1).u8(1).u8(1).u8(20)
            .zeros(106).build()));
        f.add(new Frame("ipv6 tcp syn", frame().eth(MAC_B, MAC_A, 0x86dd)
            .ipv6(0, 20, 6, "2001:db8::1", "2001:db8::2").tcp(40000, 443, 0x02, none).build()));
        f.add(new Frame("ipv6 hop-by-hop then udp 4791", frame().eth(MAC_B, MAC_A, 0x86dd)
            .ipv6(0, 8 + 8 + 4, 0, "fe80::1", "ff02::1").u8(17).u8(0).zeros(6).udp(1, 4791, 4).u32(0).build()));
        f.add(new Frame("ipv6 fragment header then tcp", frame().eth(MAC_B, MAC_A, 0x86dd)
            .ipv6(0, 8 + 20, 44, "2001:db8::5", "2001:db8::6").u8(6).u8(0).u16(0).u32(99)
            .tcp(179, 179, 0x02, none).build()));
        f.add(new Frame("arp broadcast", frame().eth(mac("ff:ff:ff:ff:ff:ff"), MAC_A, 0x0806)
            .u16(1).u16(0x0800).u8(6).u8(4).u16(1).bytes(MAC_A).bytes(ip("10.0.0.1")).zeros(6)
            .bytes(ip("10.0.0.2")).build()));
        f.add(new Frame("large ipv4 udp 300 bytes", frame().eth(MAC_B, MAC_A, 0x0800)
            .ipv4(0, 20 + 8 + 272, 0, 17, "10.1.2.3", "10.1.200.1", none).udp(5000, 6000, 272).zeros(272).build()));
        f.add(new Frame("runt 10 bytes", frame().bytes(MAC_B).u32(0).build()));
        return f;
    }

    /** A BGP message (RFC 4271): all-ones marker, length, type, minimal body. */
    private static byte[] bgp(int type) {
        Builder b = frame();
        for (int i = 0; i < 16; i++) b.u8(0xff);
        if (type == 1) {
            return b.u16(29).u8(1).u8(4).u16(65001).u16(90).bytes(ip("192.168.1.1")).u8(0).build();
        }
        return b.u16(19).u8(type).build();
    }
}
