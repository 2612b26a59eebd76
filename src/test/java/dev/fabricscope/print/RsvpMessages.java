package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * RSVP messages built from RFC 2205 (3.1 common header and object formats, A.1-A.13 the objects), RFC 2210 (IntServ
 * TSpec and Flowspec), RFC 3209 (tunnel Session, Sender Template, Filter Spec, Label Request, Label, ERO, RRO,
 * Session Attribute, Hello), RFC 2961 (Bundle, Message ID, Ack, Srefresh), RFC 3473 (GMPLS labels, Label Set, Restart
 * Capability, Admin Status, Notify Request), RFC 4090 (Fast Re-Route, Detour), RFC 2747 (Integrity) and others, well
 * formed and broken, over IPv4 (with the Router Alert option RSVP uses) and IPv6: an RSVP-TE LSP's setup (Path, Resv),
 * its errors (PathErr), Hellos and refresh reduction.
 */
final class RsvpMessages {
    private RsvpMessages() { }

    static final byte[] R1 = {10, 0, 0, 1}, R9 = {10, 0, 0, 9}, R5 = {10, 0, 0, 5};
    private static final byte[] ROUTER_ALERT = hex("94040000");

    static byte[] object(int classNum, int ctype, byte[]... body) {
        byte[] b = concat(body);
        return concat(u16(4 + b.length), new byte[] {(byte) classNum, (byte) ctype}, b);
    }

    static byte[] object(int classNum, int ctype, String body) {
        return object(classNum, ctype, hex(body));
    }

    /** A message (version 1) with its length and checksum filled in. */
    static byte[] message(int flags, int type, int ttl, byte[]... objects) {
        byte[] body = concat(objects);
        byte[] m = concat(new byte[] {(byte) (0x10 | flags), (byte) type, 0, 0, (byte) ttl, 0}, u16(8 + body.length),
            body);
        int c = checksum(m);
        m[2] = (byte) (c >>> 8);
        m[3] = (byte) c;
        return m;
    }

    static Frame v4(byte[] rsvp) {
        return new Frame(ethernet(0x0800, ipv4(46, rsvp, 0xc0, 255, 7, 0, ROUTER_ALERT, -1, R1, R9)));
    }

    static Frame v6(byte[] rsvp) {
        return new Frame(ethernet(0x86dd, ipv6(46, rsvp, 0x60000000L, IP6_A, IP6_B)));
    }

    /** IPv6 with a hop-by-hop header carrying the Router Alert option (value 1: RSVP), as RFC 2711 has it. */
    static Frame v6RouterAlert(byte[] rsvp) {
        return new Frame(ethernet(0x86dd, ipv6(0, concat(hex("2e00 05020001 0100"), rsvp), 0x60000000L, IP6_A, IP6_B)));
    }

    // --- objects of an RSVP-TE LSP (RFC 3209)
    static byte[] tunnelSession() {
        return object(1, 7, concat(R9, hex("0000 0001"), R1));
    }

    static byte[] hop(byte[] address, long handle) {
        return object(3, 1, concat(address, u32(handle)));
    }

    static byte[] timeValues(long ms) {
        return object(5, 1, u32(ms));
    }

    static byte[] explicitRoute() {
        return object(20, 1, concat(hex("0108"), new byte[] {10, 0, 1, 2}, hex("2000"),
            hex("8108"), R9, hex("200f"),
            hex("2004 0001"),        // an AS number: named, not decoded
            hex("0308 0101 00004e20")));   // a label
    }

    static byte[] labelRequest(int l3pid) {
        return object(19, 1, concat(u16(0), u16(l3pid)));
    }

    static byte[] sessionAttribute(int setup, int hold, int flags, String name) {
        byte[] n = ascii(name);
        byte[] padded = concat(n, zeros((4 - n.length % 4) % 4));
        return object(207, 7, concat(new byte[] {(byte) setup, (byte) hold, (byte) flags, (byte) n.length}, padded));
    }

    static byte[] tunnelSender(byte[] address, int lspId) {
        return object(11, 7, concat(address, u16(0), u16(lspId)));
    }

    /** RFC 2210 3.1: the TSpec, token bucket (127) of the default/global service (1). */
    static byte[] senderTspec(float rate, float bucket, float peak, long minUnit, long maxPacket) {
        return object(12, 2, concat(hex("0000 0007 0100 0006 7f00 0005"), f32(rate), f32(bucket), f32(peak),
            u32(minUnit), u32(maxPacket)));
    }

    static byte[] f32(float f) {
        return u32(Float.floatToRawIntBits(f) & 0xffffffffL);
    }

    static byte[] recordRoute() {
        return object(21, 1, concat(hex("0108"), R1, hex("2001"), hex("0308 0101 00049000"),
            hex("0308 0002 00000003")));
    }

    static byte[] path() {
        return message(0, 1, 255, tunnelSession(), hop(R1, 0), timeValues(30000), explicitRoute(),
            labelRequest(0x0800), sessionAttribute(7, 7, 0x06, "lsp-to-r9"), tunnelSender(R1, 1),
            senderTspec(1.25e6f, 1000f, Float.POSITIVE_INFINITY, 20, 1500), recordRoute(),
            object(205, 1, concat(hex("07 07 10 00"), f32(1.25e7f), hex("00000001 00000002 00000004"))),
            object(196, 1, "80000003"),
            object(200, 1, "deadbeef 01020304"));   // unknown, "ignore silently": dumped
    }

    static byte[] resv() {
        return message(1, 2, 254, tunnelSession(), hop(new byte[] {10, 0, 1, 2}, 7), timeValues(30000),
            object(8, 1, "00 000012"),
            // RFC 2210 3.3 Flowspec: controlled load (5) with a token bucket, then guaranteed service (2) rspec (130)
            object(9, 2, concat(hex("0000 000d 0500 0006 7f00 0005"), f32(2.5e5f), f32(3000f), f32(1e9f), u32(64),
                u32(9000), hex("0280 0003 8200 0002"), f32(123456.7f), u32(10))),
            object(10, 7, concat(R1, u16(0), u16(1))), object(16, 1, "00049000"), recordRoute(),
            object(23, 1, "01 000005 0000002a"));
    }

    static byte[] pathErr() {
        return message(0, 3, 64, tunnelSession(),
            object(6, 1, concat(R5, hex("00 18 0005"))),            // routing problem: no route
            object(6, 3, concat(R5, hex("01 1c 0003"))),            // Diffserv-TE: invalid CT
            object(6, 1, concat(R5, hex("02 19 0001"))),            // notify error: no named value
            object(6, 1, concat(R5, hex("00 7d 0063"))),            // old Diffserv-TE, unknown value
            tunnelSender(R1, 1), senderTspec(0f, 0f, -0f, 0, 0));
    }

    static byte[] hello(int ctype, long source, long destination) {
        return message(0, 20, 1, object(22, ctype, concat(u32(source), u32(destination))),
            object(131, 1, "0001d4c0 00007530"), object(134, 1, "00000007"));
    }

    /** Path over IPv6 (RFC 2205 A.1-A.9's IPv6 C-Types), with a flow-label filter spec and an IPv6 hop. */
    static byte[] pathV6() {
        return message(0, 1, 63, object(1, 2, concat(IP6_B, hex("11 00 0035"))),
            object(3, 2, concat(IP6_A, u32(3))), timeValues(45000),
            object(11, 2, concat(IP6_A, hex("0000 1388"))),
            object(10, 3, concat(IP6_A, hex("00 012345"))),
            object(12, 2, concat(hex("0000 0007 0100 0006 7f00 0005"), f32(1e5f), f32(512f), f32(2e5f), u32(40),
                u32(1280))),
            object(15, 2, IP6_B), object(6, 2, concat(IP6_B, hex("00 18 0002"))),
            object(6, 4, concat(IP6_B, hex("00 1c 0002"))));
    }

    /** GMPLS (RFC 3473) and the rest of what tcpdump decodes. */
    static byte[] gmplsPath() {
        return message(0, 1, 200,
            object(1, 8, concat(IP6_B, hex("0000 0042"), IP6_A)),
            object(1, 13, concat(R9, hex("0000 0003"), R1)),
            object(1, 14, concat(hex("00000064 0000 0003"), IP6_A, hex("00000000"))),
            object(1, 11, concat(R9, hex("0000 0009"), R1)),
            object(19, 4, "02 33 0021"), object(19, 2, "0000 0800 8005 0010 0abc 0fff"),
            object(19, 3, "0000 86dd 00000010 00000400"), object(19, 3, "0000 0800 01000010 007fffff"),
            object(16, 2, "00000102"), object(16, 3, "00000001 00000010 00000020"), object(35, 1, "00000011 00000012"),
            object(129, 2, "00000103"), object(34, 3, "00000005 00000006 00000007"),
            object(36, 1, "00000001 00000100 00000200"), object(36, 1, "02000002 00000010 00000020"),
            object(195, 1, R5), object(195, 2, IP6_B), object(15, 1, R9),
            object(37, 1, "00000000 00000003"),   // Protection: not decoded
            object(66, 1, "00000005"), object(125, 1, "0000000f"),
            object(63, 7, concat(R1, R5, R9, R1)),
            object(205, 7, concat(hex("03 04 05 00"), f32(1e6f), hex("000000ff 00000f00"))),
            object(50, 1, R5), object(50, 2, IP6_A),
            object(11, 12, concat(R1, hex("0000 0005"), R9, hex("0000 0006"))),
            object(10, 12, concat(R1, hex("0000 0005"), R9, hex("0000 0006"))),
            object(11, 13, concat(IP6_A, hex("0000 0007"), IP6_B, hex("0000 0008"))),
            object(10, 8, concat(R1, zeros(14), hex("0009"))),
            object(10, 2, concat(IP6_A, hex("0000 0063"))), object(10, 1, concat(R5, hex("0000 0064"))),
            object(134, 1, "80000005"), object(196, 1, "00000000"),
            object(204, 1, "0002 0000 0104 0000 0204 0102"),
            object(229, 1, "0008 0101", R1, "0014 0202", IP6_B, "0004 0300", "0010 0400 80000005 00000007 00000009",
                "0008 0500 07000000"),
            object(229, 1, "0008 0303 01020304"),
            object(3, 3, concat(R1, u32(1), hex("00010004"))), object(3, 4, concat(IP6_A, u32(2))),
            object(3, 1, concat(R1, u32(1))), object(3, 9, "00000000"));
    }

    static byte[] object(int classNum, int ctype, Object... parts) {
        List<byte[]> bytes = new ArrayList<>();
        for (Object p : parts) bytes.add(p instanceof String s ? hex(s) : (byte[]) p);
        return object(classNum, ctype, bytes.toArray(byte[][]::new));
    }

    /** A Path whose TSpec, guaranteed-service Flowspec and Fast Re-Route carry the five floats given. */
    static byte[] floats(float[] f) {
        return message(0, 1, 1, senderTspec(f[0], f[1], f[2], 1, 2),
            object(9, 2, concat(hex("0000 0004 0200 0003 8200 0002"), f32(f[3]), u32(0))),
            object(205, 1, concat(hex("00 00 00 00"), f32(f[4]), zeros(12))));
    }

    /** RFC 2961: Srefresh and Ack in a Bundle, each with its own header. */
    static byte[] bundle() {
        byte[] srefresh = message(1, 15, 1, object(25, 1, "00 000005 00000001 00000002 00000003"));
        byte[] ack = message(1, 13, 1, object(24, 1, "00 000005 00000007"), object(24, 2, "00 000005 00000008"));
        return message(1, 12, 1, srefresh, ack);
    }

    static byte[] integrity() {
        return message(0, 6, 1, tunnelSession(), object(4, 1, "80 00 0102030405 06", "1122334455667788",
            "00112233445566778899aabbccddeeff"), hop(R1, 0));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(v4(path()));
        f.add(v4(resv()));
        f.add(v4(pathErr()));
        f.add(v4(hello(1, 0x12345678L, 0)));
        f.add(v4(hello(2, 0x9abcdef0L, 0x12345678L)));
        f.add(v6(pathV6()));
        f.add(v6RouterAlert(path()));
        f.add(v4(gmplsPath()));
        f.add(v4(bundle()));
        f.add(v4(integrity()));
        f.add(v4(message(0, 5, 1, tunnelSession(), hop(R1, 0), tunnelSender(R1, 1))));          // PathTear
        f.add(v4(message(0, 7, 1, tunnelSession(), object(6, 1, concat(R9, hex("00 00 0000"))),
            object(15, 1, R1), object(8, 1, "00 00000a"))));                                       // ResvConf
        f.add(v4(message(0, 4, 1, tunnelSession(), object(8, 1, "00 000011"))));                  // ResvErr
        f.add(v4(message(0, 14, 1, object(22, 1, "00000001 00000000"))));                          // Hello (old)
        f.add(v4(message(0, 99, 1, object(1, 1, "0a000009 11000050"))));                           // unknown type
        f.add(v4(hex("20 01 0000 01 00 0008")));                                                    // version 2
        f.add(v4(hex("10 01 0000 01 00 0004")));                                                    // length < 8
        f.add(v4(message(0, 1, 1, object(1, 1, "0a000009 11000050"), hex("0006 0101 0000"))));    // not a multiple of 4
        f.add(v4(message(0, 1, 1, hex("0000 0101"))));                                             // object length 0
        f.add(v4(message(0, 1, 1, object(1, 1, "0a000009 11000050"), hex("0010 0101 0a000009"))));  // past the end
        f.add(v4(message(0, 2, 1, object(1, 1, "0a000009"))));                                    // too short
        f.add(v4(message(0, 1, 1, object(36, 1, "03000003"))));                                   // range too short
        f.add(v4(message(0, 1, 1, object(20, 1, "0106 0a000001 0000"))));                         // ERO length != 8
        f.add(v4(message(0, 1, 1, object(21, 1, "0108 0a000001 1800"))));                         // prefix != 32
        f.add(v4(message(0, 1, 1, object(20, 1, "0100 0a000001 0000"))));                         // zero length
        f.add(v4(message(0, 1, 1, object(20, 1, "0110 0a000001 0000"))));                         // longer than object
        f.add(v4(message(0, 1, 1, object(207, 7, "07 07 00 09 6c73 7000"))));                     // name too long
        f.add(v4(message(0, 1, 1, object(204, 1, "0001 0000 0101 0000"))));                      // property too short
        f.add(v4(message(0, 1, 1, object(229, 1, "0003 0101 01020304"))));                       // UNI sub-object < 4
        f.add(v4(message(0, 1, 1, object(229, 1, "0006 0101 01020304"))));                       // UNI TNA too short
        f.add(v4(message(0, 1, 1, object(12, 2, "00000001 01000002 0a000001 ff000000"))));        // IntServ bare values
        f.add(v4(message(0, 1, 1, object(12, 2, "00000009 01000007 04000001 00000003 06000001", f32(3.5e6f),
            "08000001 ffffffff 08000001 00000064 85000001 00000009 63000001 aabbccdd 86000002 00000001"))));
        f.add(v4(concat(message(0, 1, 1, object(5, 1, "00007530")), hex("0000 0000"))));         // IP longer than RSVP
        f.add(v4(java.util.Arrays.copyOf(path(), 100)));                                        // RSVP longer than IP
        f.add(v4(message(1, 12, 1, message(0, 13, 1), hex("10 0d 0000 01 00 0010"))));           // bundle: too large
        f.add(v4(message(1, 12, 1, message(0, 13, 1), hex("10 0d 0000 01 00 0004"))));           // ... too short
        f.add(v4(message(1, 12, 1, hex("30 0d 0000 01 00 0008"))));                              // ... version 3
        return f;
    }
}
