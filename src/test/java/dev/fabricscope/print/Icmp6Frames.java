package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;

/**
 * Hand-built ICMPv6 messages (RFC 4443 header, RFC 4861 neighbor discovery options, RFC 3810 MLDv2 records) in
 * Ethernet + IPv6 frames, with the checksum over the IPv6 pseudo-header (RFC 8200 section 8.1) unless a test breaks
 * it on purpose.
 */
final class Icmp6Frames {
    private Icmp6Frames() { }

    static final byte[] LINK_LOCAL_A = hex("fe80 0000 0000 0000 0211 22ff fe33 4455");
    static final byte[] LINK_LOCAL_B = hex("fe80 0000 0000 0000 6677 88ff fe99 aabb");
    static final byte[] ALL_NODES = hex("ff02 0000 0000 0000 0000 0000 0000 0001");
    static final byte[] ALL_ROUTERS = hex("ff02 0000 0000 0000 0000 0000 0000 0002");
    static final byte[] MLDV2_ROUTERS = hex("ff02 0000 0000 0000 0000 0000 0000 0016");
    static final byte[] MDNS_GROUP = hex("ff02 0000 0000 0000 0000 0000 0000 00fb");
    static final byte[] DOC_A = hex("2001 0db8 0000 0000 0000 0000 0000 0001");
    static final byte[] DOC_B = hex("2001 0db8 00aa 0000 0000 0000 0000 0002");

    /** Type, code, checksum (computed for {@code src} to {@code dst}), then {@code body}. */
    static byte[] icmp6(int type, int code, byte[] body, byte[] src, byte[] dst) {
        byte[] m = concat(new byte[] {(byte) type, (byte) code, 0, 0}, body);
        setChecksum(m, 2, pseudo(src, dst, 58, m.length));
        return m;
    }

    static Frame frame(byte[] icmp, byte[] src, byte[] dst) {
        return new Frame(ethernet(0x86dd, ipv6(58, icmp, 0x60000000L, src, dst)));
    }

    /** An ICMPv6 message from {@code src} to {@code dst}, its checksum right. */
    static Frame message(int type, int code, byte[] body, byte[] src, byte[] dst) {
        return frame(icmp6(type, code, body, src, dst), src, dst);
    }

    /** The same between the two documentation addresses. */
    static Frame message(int type, int code, byte[] body) {
        return message(type, code, body, DOC_A, DOC_B);
    }

    /** An ND option: type, length in 8-byte units (the body must fill them), body. */
    static byte[] option(int type, byte[] body) {
        if ((body.length + 2) % 8 != 0) throw new IllegalArgumentException("option of " + (body.length + 2) + " bytes");
        return concat(new byte[] {(byte) type, (byte) ((body.length + 2) / 8)}, body);
    }

    /** An IPv6 header as quoted in an error message: payload length, next header, hop limit 64, addresses. */
    static byte[] quotedIpv6(int nextHeader, int payloadLength, byte[] src, byte[] dst) {
        return concat(u32(0x60000000L), u16(payloadLength), new byte[] {(byte) nextHeader, 64}, src, dst);
    }

    /** DNS wire-format labels, each with its length byte, then the root. */
    static byte[] dnsName(String... labels) {
        byte[] out = new byte[0];
        for (String l : labels) out = concat(out, new byte[] {(byte) l.length()}, ascii(l));
        return concat(out, new byte[1]);
    }
}
