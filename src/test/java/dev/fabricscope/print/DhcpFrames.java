package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.Arrays;

/** BOOTP/DHCP messages built by hand from RFC 951/2131 (header) and RFC 2132 and successors (options). */
final class DhcpFrames {
    private DhcpFrames() { }

    static final byte[] COOKIE = hex("63825363");
    static final byte[] CLIENT_MAC = hex("02005e1000aa");

    /** The fixed part: op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file. */
    static byte[] header(int op, int htype, int hlen, int hops, long xid, int secs, int flags, String ciaddr,
                         String yiaddr, String siaddr, String giaddr, byte[] chaddr, String sname, String file) {
        return concat(new byte[] {(byte) op, (byte) htype, (byte) hlen, (byte) hops}, u32(xid), u16(secs), u16(flags),
            ip(ciaddr), ip(yiaddr), ip(siaddr), ip(giaddr), Arrays.copyOf(chaddr, 16), field(sname, 64),
            field(file, 128));
    }

    /** A DHCP client's request header from {@link #CLIENT_MAC}. */
    static byte[] request(long xid, String ciaddr, String giaddr, int hops) {
        return header(1, 1, 6, hops, xid, 3, 0x8000, ciaddr, "0.0.0.0", "0.0.0.0", giaddr, CLIENT_MAC, "", "");
    }

    /** A server's reply header to {@link #CLIENT_MAC}. */
    static byte[] reply(long xid, String yiaddr, String siaddr, String giaddr) {
        return header(2, 1, 6, 0, xid, 0, 0, "0.0.0.0", yiaddr, siaddr, giaddr, CLIENT_MAC, "", "");
    }

    /** One option: tag, length, value. */
    static byte[] option(int tag, byte[] value) {
        return concat(new byte[] {(byte) tag, (byte) value.length}, value);
    }

    static byte[] option(int tag, String hexValue) {
        return option(tag, hex(hexValue));
    }

    static byte[] text(int tag, String value) {
        return option(tag, ascii(value));
    }

    /** The RFC 1048 vendor area: cookie, options, END, then zero padding (PADs) to {@code padTo} bytes. */
    static byte[] vendor(int padTo, byte[]... options) {
        byte[] v = concat(COOKIE, concat(options), new byte[] {(byte) 255});
        return v.length >= padTo ? v : Arrays.copyOf(v, padTo);
    }

    static byte[] ip(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) b[i] = (byte) Integer.parseInt(parts[i]);
        return b;
    }

    private static byte[] field(String s, int size) {
        return Arrays.copyOf(ascii(s), size);
    }

    static Frame udp4(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, message, IP_A, IP_B))));
    }

    /** Client to server (68 to 67). */
    static Frame toServer(byte[] message) {
        return udp4(68, 67, message);
    }

    /** Server (or relay) to client (67 to 68). */
    static Frame toClient(byte[] message) {
        return udp4(67, 68, message);
    }
}
