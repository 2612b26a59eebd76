package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;

/**
 * Hand-built BGP-4 messages (RFC 4271 section 4 layouts: 16-byte marker, length, type) and the TCP segments that
 * carry them to or from port 179. Lengths are computed unless a builder takes one to break on purpose.
 */
final class BgpMessages {
    private BgpMessages() { }

    static final int OPEN = 1, UPDATE = 2, NOTIFICATION = 3, KEEPALIVE = 4, ROUTE_REFRESH = 5;
    static final byte[] MARKER = hex("ffffffffffffffffffffffffffffffff");

    /** A message of {@code type} with its computed length. */
    static byte[] message(int type, byte[] body) {
        return message(type, 19 + body.length, body);
    }

    /** A message whose length field says {@code length}. */
    static byte[] message(int type, int length, byte[] body) {
        return concat(MARKER, u16(length), new byte[] {(byte) type}, body);
    }

    static byte[] keepalive() {
        return message(KEEPALIVE, new byte[0]);
    }

    /** OPEN (RFC 4271 4.2) with version 4 and the optional parameters given. */
    static byte[] open(int myAs, int holdTime, String id, byte[]... parameters) {
        byte[] params = concat(parameters);
        return message(OPEN, concat(new byte[] {4}, u16(myAs), u16(holdTime), hex(id), new byte[] {(byte) params.length},
            params));
    }

    /** An optional parameter (RFC 5492: type 2 holds capabilities). */
    static byte[] parameter(int type, byte[] value) {
        return concat(new byte[] {(byte) type, (byte) value.length}, value);
    }

    static byte[] capabilities(byte[]... caps) {
        return parameter(2, concat(caps));
    }

    static byte[] capability(int code, String value) {
        byte[] v = hex(value);
        return concat(new byte[] {(byte) code, (byte) v.length}, v);
    }

    /** UPDATE (RFC 4271 4.3): withdrawn routes, path attributes, NLRI, each length computed. */
    static byte[] update(byte[] withdrawn, byte[] attributes, byte[] nlri) {
        return message(UPDATE, concat(u16(withdrawn.length), withdrawn, u16(attributes.length), attributes, nlri));
    }

    static byte[] update(String withdrawn, byte[] attributes, String nlri) {
        return update(hex(withdrawn), attributes, hex(nlri));
    }

    /** A path attribute; the extended-length flag (0x10) makes its length two bytes. */
    static byte[] attribute(int flags, int type, byte[] value) {
        byte[] length = (flags & 0x10) != 0 ? u16(value.length) : new byte[] {(byte) value.length};
        return concat(new byte[] {(byte) flags, (byte) type}, length, value);
    }

    static byte[] attribute(int flags, int type, String value) {
        return attribute(flags, type, hex(value));
    }

    /** ORIGIN IGP, AS_PATH, NEXT_HOP: the three well-known mandatory attributes. */
    static byte[] mandatory(String asPath, String nextHop) {
        return concat(attribute(0x40, 1, "00"), attribute(0x40, 2, asPath), attribute(0x40, 3, nextHop));
    }

    /** MP_REACH_NLRI (RFC 4760 3): AFI, SAFI, next hop, reserved byte, NLRI. */
    static byte[] mpReach(int afi, int safi, String nextHop, String nlri) {
        byte[] nh = hex(nextHop);
        return attribute(0x90, 14, concat(u16(afi), new byte[] {(byte) safi, (byte) nh.length}, nh, new byte[1],
            hex(nlri)));
    }

    static byte[] mpUnreach(int afi, int safi, String nlri) {
        return attribute(0x90, 15, concat(u16(afi), new byte[] {(byte) safi}, hex(nlri)));
    }

    static byte[] notification(int code, int subcode, String data) {
        return message(NOTIFICATION, concat(new byte[] {(byte) code, (byte) subcode}, hex(data)));
    }

    static byte[] routeRefresh(int afi, int reserved, int safi) {
        return message(ROUTE_REFRESH, concat(u16(afi), new byte[] {(byte) reserved, (byte) safi}));
    }

    /** A segment from the speaker on port 179 (PSH, ACK) carrying {@code payload}, in IPv4. */
    static Frame segment(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(179, 50123, 1000, 2000, 0x018, 16384, 0, new byte[0], payload,
            IP_A, IP_B))));
    }

    /** The same towards port 179, in IPv6. */
    static Frame segment6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(6, tcp(50123, 179, 1000, 2000, 0x018, 16384, 0, new byte[0], payload,
            IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    /** Text as hex digits, to splice into a hex string. */
    static String text(String s) {
        return java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static Frame segment(byte[]... messages) {
        return segment(concat(messages));
    }
}
