package dev.fabricscope.dissect;

import static dev.fabricscope.testing.ByteArrays.*;
import java.io.ByteArrayOutputStream;
import dev.fabricscope.capture.Packet;

/** Builds test frames field by field, following the published header layouts (RFC 791, 8200, 793, 768...). */
final class Frames {
    private Frames() { }

    static final byte[] NONE = new byte[0];

    static final byte[] DST_MAC = hex("02 00 00 00 00 02");
    static final byte[] SRC_MAC = hex("02 00 00 00 00 01");

    /** Ethernet II: dst, src, then each {tpid, tci} tag, then the ethertype and payload. */
    static byte[] eth(int[][] tags, int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DST_MAC);
        out.writeBytes(SRC_MAC);
        for (int[] t : tags) {
            out.writeBytes(u16(t[0]));
            out.writeBytes(u16(t[1]));
        }
        out.writeBytes(u16(type));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] eth(int type, byte[] payload) {
        return eth(new int[0][], type, payload);
    }

    /** 802.1Q-style tag: TPID and TCI = PCP(3) DEI(1) VID(12). */
    static int[] tag(int tpid, int pcp, int dei, int vid) {
        return new int[] {tpid, (pcp << 13) | (dei << 12) | vid};
    }

    static final byte[] IP4_SRC = hex("0a 00 00 01");   // 10.0.0.1
    static final byte[] IP4_DST = hex("0a 00 00 02");   // 10.0.0.2
    static final byte[] IP6_SRC = hex("2001 0db8 0000 0000 0000 0000 0000 0001");
    static final byte[] IP6_DST = hex("2001 0db8 0000 0000 0000 0000 0000 0002");

    static byte[] ipv4(int proto, byte[] payload) {
        return ipv4(0, 0x4000, 64, proto, NONE, payload);
    }

    /** IPv4 (RFC 791) with a correct header checksum; options must be a multiple of 4 bytes. */
    static byte[] ipv4(int tos, int flagsFragment, int ttl, int proto, byte[] options, byte[] payload) {
        return ipv4(IP4_SRC, IP4_DST, tos, flagsFragment, ttl, proto, options, payload);
    }

    static final byte[] IP4_INNER_SRC = hex("c0 a8 00 01");   // 192.168.0.1
    static final byte[] IP4_INNER_DST = hex("c0 a8 00 02");

    /** An inner (tunnelled) IPv4 packet, with addresses other than the outer one's. */
    static byte[] innerIpv4(int proto, byte[] payload) {
        return ipv4(IP4_INNER_SRC, IP4_INNER_DST, 0, 0x4000, 64, proto, NONE, payload);
    }

    static byte[] ipv4(byte[] src, byte[] dst, int tos, int flagsFragment, int ttl, int proto, byte[] options,
                       byte[] payload) {
        int hl = 20 + options.length;
        byte[] h = concat(new byte[] {(byte) (0x40 | hl / 4), (byte) tos}, u16(hl + payload.length), u16(0x1234),
            u16(flagsFragment), new byte[] {(byte) ttl, (byte) proto}, u16(0), src, dst, options);
        long sum = 0;
        for (int i = 0; i < hl; i += 2) sum += ((h[i] & 0xff) << 8) | (h[i + 1] & 0xff);
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
        int check = (int) ~sum & 0xffff;
        h[10] = (byte) (check >>> 8);
        h[11] = (byte) check;
        return concat(h, payload);
    }

    /** IPv6 (RFC 8200): traffic class 0, flow label 0, hop limit 64. */
    static byte[] ipv6(int nextHeader, byte[] payload) {
        return concat(hex("60 00 00 00"), u16(payload.length), new byte[] {(byte) nextHeader, 64}, IP6_SRC, IP6_DST,
            payload);
    }

    /** An IPv6 extension header of the hop-by-hop/routing/destination kind, padded to {@code 8*(len+1)} bytes. */
    static byte[] ext6(int nextHeader, int hdrExtLen, byte[] body) {
        byte[] h = new byte[(hdrExtLen + 1) * 8];
        h[0] = (byte) nextHeader;
        h[1] = (byte) hdrExtLen;
        System.arraycopy(body, 0, h, 2, body.length);
        return h;
    }

    /** IPv6 fragment header: next header, reserved, offset (in 8-byte units) << 3 | M, identification. */
    static byte[] frag6(int nextHeader, int offsetUnits, boolean more) {
        return concat(new byte[] {(byte) nextHeader, 0}, u16(offsetUnits << 3 | (more ? 1 : 0)), u32(0xabcd));
    }

    /** TCP (RFC 793) with options (padded by the caller to a multiple of 4). */
    static byte[] tcp(int sport, int dport, long seq, long ack, int flags, byte[] options, byte[] payload) {
        int hl = 20 + options.length;
        return concat(u16(sport), u16(dport), u32(seq), u32(ack), u16((hl / 4) << 12 | flags), u16(8192), u16(0),
            u16(0), options, payload);
    }

    /** UDP (RFC 768), checksum 0. */
    static byte[] udp(int sport, int dport, byte[] payload) {
        return concat(u16(sport), u16(dport), u16(8 + payload.length), u16(0), payload);
    }

    /** MPLS label stack entry (RFC 3032): label(20) TC(3) S(1) TTL(8). */
    static byte[] mpls(int label, int tc, boolean bottom, int ttl) {
        return u32(((long) label << 12) | (tc << 9) | ((bottom ? 1 : 0) << 8) | ttl);
    }

    /** PPPoE session (RFC 2516): ver/type 0x11, code 0, session id, length (PPP frame), PPP protocol. */
    static byte[] pppoe(int session, int pppProtocol, byte[] payload) {
        return concat(new byte[] {0x11, 0}, u16(session), u16(2 + payload.length), u16(pppProtocol), payload);
    }

    static Packet packet(int linkType, byte[] bytes) {
        return packet(linkType, bytes, bytes.length);
    }

    static Packet packet(int linkType, byte[] bytes, int capLen) {
        return new Packet().set(bytes, 0, capLen, bytes.length, 0, 0, linkType, 1);
    }
}
