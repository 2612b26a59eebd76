package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

/**
 * Hand-built frames for printer tests: Ethernet, ARP, IPv4/IPv6, TCP/UDP/ICMP with correct checksums
 * (RFC 1071) unless a test breaks them on purpose. Header layouts from RFC 791, 8200, 793, 768, 826.
 */
final class TestFrames {
    private TestFrames() { }

    static final byte[] MAC_A = hex("001122334455");
    static final byte[] MAC_B = hex("66778899aabb");
    static final byte[] IP_A = {10, 0, 0, 1};
    static final byte[] IP_B = {10, 0, 0, 2};
    static final byte[] IP6_A = hex("fd000000000000000000000000000001");
    static final byte[] IP6_B = hex("fd000030001b00000000000000000004");

    static byte[] ethernet(int etherType, byte[] payload) {
        return concat(MAC_A, MAC_B, u16(etherType), payload);
    }

    static byte[] vlan(int vid, int etherType, byte[] payload) {
        return concat(MAC_A, MAC_B, u16(0x8100), u16(vid), u16(etherType), payload);
    }

    static int checksum(byte[]... parts) {
        long sum = 0;
        byte[] all = concat(parts);
        for (int i = 0; i < all.length; i += 2) {
            sum += ((all[i] & 0xff) << 8) | (i + 1 < all.length ? all[i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (~sum & 0xffff);
    }

    /** IPv4 with explicit fields; total length and header checksum computed unless {@code totalLength} >= 0. */
    static byte[] ipv4(int proto, byte[] payload, int tos, int ttl, int id, int flagsFragment, byte[] options,
                       int totalLength, byte[] src, byte[] dst) {
        int ihl = 5 + options.length / 4;
        int total = totalLength >= 0 ? totalLength : ihl * 4 + payload.length;
        byte[] h = concat(new byte[] {(byte) (0x40 | ihl), (byte) tos}, u16(total), u16(id), u16(flagsFragment),
                new byte[] {(byte) ttl, (byte) proto, 0, 0}, src, dst, options);
        int c = checksum(h);
        h[10] = (byte) (c >>> 8);
        h[11] = (byte) c;
        return concat(h, payload);
    }

    static byte[] ipv4(int proto, byte[] payload) {
        return ipv4(proto, payload, 0, 64, 1, 0x4000, new byte[0], -1, IP_A, IP_B);
    }

    static byte[] ipv6(int nextHeader, byte[] payload, long flowWord, byte[] src, byte[] dst) {
        return concat(u32(flowWord), u16(payload.length), new byte[] {(byte) nextHeader, 64}, src, dst, payload);
    }

    /** TCP with a correct checksum over the IPv4 (4-byte addresses) or IPv6 pseudo-header. */
    static byte[] tcp(int sport, int dport, long seq, long ack, int flags, int window, int urgent,
                      byte[] options, byte[] data, byte[] src, byte[] dst) {
        int dataOffset = (20 + options.length) / 4;
        byte[] seg = concat(u16(sport), u16(dport), u32(seq), u32(ack),
                new byte[] {(byte) (dataOffset << 4 | (flags >>> 8)), (byte) flags}, u16(window), u16(0),
                u16(urgent), options, data);
        setChecksum(seg, 16, pseudo(src, dst, 6, seg.length));
        return seg;
    }

    static byte[] tcp(int flags, byte[] options, byte[] data) {
        return tcp(40000, 5001, 3000000000L, 123456789L, flags, 502, 0, options, data, IP_A, IP_B);
    }

    static byte[] udp(int sport, int dport, byte[] data, byte[] src, byte[] dst) {
        byte[] seg = concat(u16(sport), u16(dport), u16(8 + data.length), u16(0), data);
        setChecksum(seg, 6, pseudo(src, dst, 17, seg.length));
        return seg;
    }

    static byte[] pseudo(byte[] src, byte[] dst, int proto, int length) {
        return src.length == 4
                ? concat(src, dst, new byte[] {0, (byte) proto}, u16(length))
                : concat(src, dst, u32(length), new byte[] {0, 0, 0, (byte) proto});
    }

    static void setChecksum(byte[] seg, int at, byte[] pseudo) {
        int c = checksum(pseudo, seg);
        seg[at] = (byte) (c >>> 8);
        seg[at + 1] = (byte) c;
    }

    static byte[] icmpEcho(int type, int id, int seq, byte[] data) {
        byte[] m = concat(new byte[] {(byte) type, 0, 0, 0}, u16(id), u16(seq), data);
        int c = checksum(m);
        m[2] = (byte) (c >>> 8);
        m[3] = (byte) c;
        return m;
    }

    static byte[] arp(int op, byte[] sha, byte[] spa, byte[] tha, byte[] tpa) {
        return concat(hex("0001 0800 06 04"), u16(op), sha, spa, tha, tpa);
    }
}
