package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;

/** DHCPv6 messages built by hand from RFC 8415 (messages, options) and the RFCs of the later options. */
final class Dhcp6Frames {
    private Dhcp6Frames() { }

    static final byte[] LINK_ADDRESS = hex("20010db8000100000000000000000001");
    static final byte[] PEER_ADDRESS = hex("fe80000000000000020000fffe5e10aa");

    /** A client/server message: type, 24-bit transaction ID, options. */
    static byte[] message(int type, int xid, byte[]... options) {
        return concat(new byte[] {(byte) type, (byte) (xid >>> 16), (byte) (xid >>> 8), (byte) xid}, concat(options));
    }

    /** A relay message: type, hop count, link and peer addresses, options. */
    static byte[] relay(int type, int hops, byte[]... options) {
        return concat(new byte[] {(byte) type, (byte) hops}, LINK_ADDRESS, PEER_ADDRESS, concat(options));
    }

    static byte[] option(int code, byte[]... value) {
        byte[] v = concat(value);
        return concat(u16(code), u16(v.length), v);
    }

    static byte[] option(int code, String hexValue) {
        return option(code, hex(hexValue));
    }

    /** A DNS wire-format name from dotted text. */
    static byte[] name(String dotted) {
        byte[] out = new byte[0];
        for (String label : dotted.split("\\.")) out = concat(out, new byte[] {(byte) label.length()}, ascii(label));
        return concat(out, new byte[1]);
    }

    static Frame udp6(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, message, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    /** Client to server (546 to 547). */
    static Frame toServer(byte[] message) {
        return udp6(546, 547, message);
    }

    /** Server to client (547 to 546). */
    static Frame toClient(byte[] message) {
        return udp6(547, 546, message);
    }
}
