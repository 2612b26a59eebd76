package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

/**
 * Hand-built IPv6 extension headers (RFC 8200 section 4, RFC 8754 for segment routing, RFC 6275 for mobility),
 * AH (RFC 4302), ESP (RFC 4303), IPComp (RFC 3173), and an ICMPv6 echo with its RFC 4443 checksum.
 */
final class Ip6ExtensionFrames {
    private Ip6ExtensionFrames() { }

    static final int HOP_BY_HOP = 0, TCP = 6, UDP = 17, ROUTING = 43, FRAGMENT = 44, ESP = 50, AH = 51,
            ICMPV6 = 58, NONE = 59, DESTINATION = 60, IPCOMP = 108, MOBILITY = 135;
    static final byte[] SEGMENT_1 = hex("20010db8000000000000000000000001");
    static final byte[] SEGMENT_2 = hex("20010db8000000000000000000000002");

    /** An options-style header (hop-by-hop, destination, mobility): next header, length in 8-octet units less 1. */
    static byte[] options(int nextHeader, byte[] body) {
        if ((body.length + 2) % 8 != 0) throw new IllegalArgumentException("length " + (body.length + 2));
        return concat(new byte[] {(byte) nextHeader, (byte) ((body.length + 2) / 8 - 1)}, body);
    }

    /** A routing header: next header, length, type, segments left, 4 type-specific bytes, then the addresses. */
    static byte[] routing(int nextHeader, int type, int segmentsLeft, byte[] typeSpecific, byte[]... addresses) {
        byte[] all = concat(addresses);
        return concat(new byte[] {(byte) nextHeader, (byte) (all.length / 8), (byte) type, (byte) segmentsLeft},
                typeSpecific, all);
    }

    static byte[] fragment(int nextHeader, int offset, boolean more, long identification) {
        return concat(new byte[] {(byte) nextHeader, 0}, u16(offset | (more ? 1 : 0)), u32(identification));
    }

    /** AH: payload length in 32-bit words less 2, reserved, SPI, sequence number, ICV. */
    static byte[] ah(int nextHeader, int reserved, long spi, long sequence, byte[] icv) {
        return concat(new byte[] {(byte) nextHeader, (byte) ((12 + icv.length) / 4 - 2)}, u16(reserved), u32(spi),
                u32(sequence), icv);
    }

    static byte[] esp(long spi, long sequence, byte[] rest) {
        return concat(u32(spi), u32(sequence), rest);
    }

    /** IPv6 with an explicit payload length field. */
    static byte[] ipv6WithLength(int nextHeader, int payloadLength, byte[] payload, byte[] src, byte[] dst) {
        return concat(u32(0x60000000L), u16(payloadLength), new byte[] {(byte) nextHeader, 64}, src, dst, payload);
    }

    static byte[] icmp6Echo(int type, int id, int seq, byte[] data, byte[] src, byte[] dst) {
        byte[] m = concat(new byte[] {(byte) type, 0, 0, 0}, u16(id), u16(seq), data);
        setChecksum(m, 2, pseudo(src, dst, ICMPV6, m.length));
        return m;
    }
}
