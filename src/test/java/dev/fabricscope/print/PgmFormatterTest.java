package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * PGM (RFC 3208 layouts) against tcpdump 4.99 itself: every message type over IPv4 and IPv6, each option, options
 * tcpdump calls bad, unknown address families, and UDP payloads under -T pgm; whole, cut after every byte, mutated.
 */
class PgmFormatterTest extends TcpdumpConformance {
    static final byte[] GROUP = hex("effe0010");
    static final byte[] GROUP6 = hex("ff0e0000000000000000000000000010");
    static final String GSID = "3329041eba74";

    /** A PGM header (ports, type, options byte, zero checksum, global source id, TSDU length) and its body. */
    static byte[] pgm(int sport, int dport, int type, int options, int tsduLength, byte[] body) {
        return concat(u16(sport), u16(dport), new byte[] {(byte) type, (byte) options}, u16(0), hex(GSID),
            u16(tsduLength), body);
    }

    static Frame v4(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(PgmFormatter.PROTOCOL, message, 0xb8, 16, 0, 0x4000, new byte[0], -1,
            IP_A, GROUP)));
    }

    static Frame v6(byte[] message) {
        return new Frame(ethernet(0x86dd, ipv6(PgmFormatter.PROTOCOL, message, 0x60000000L, IP6_A, GROUP6)));
    }

    static Frame udp4(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, message, IP_A, GROUP), 0, 16, 0, 0x4000,
            new byte[0], -1, IP_A, GROUP)));
    }

    /** An address with its AFI (1 IPv4, 2 IPv6) and the reserved field. */
    static byte[] nla(int afi, byte[] address) {
        return concat(u16(afi), u16(0), address);
    }

    static byte[] spm(int afi, byte[] address) {
        return concat(u32(92190), u32(21618), u32(54950), nla(afi, address));
    }

    static byte[] poll(int afi, byte[] address, boolean tail) {
        return concat(u32(7), u16(3), u16(0), nla(afi, address), tail ? concat(u32(5000), hex("a1b2c3d4"),
            hex("ffff0000")) : new byte[0]);
    }

    static byte[] data(long seq, long trail, byte[] payload) {
        return concat(u32(seq), u32(trail), payload);
    }

    /** tcpdump reads the group's family from the group address's first two bytes: 00 01 makes it IPv4. */
    static byte[] nak(long seq, int sourceAfi, byte[] source, byte[] group) {
        return concat(u32(seq), nla(sourceAfi, source), nla(1, group));
    }

    /** The options: an OPT_LENGTH with the total, then each option (type with the end bit on the last, length). */
    static byte[] options(byte[]... each) {
        int total = 4;
        for (byte[] o : each) total += o.length;
        byte[] all = concat(hex("0004"), u16(total));
        for (int i = 0; i < each.length; i++) {
            byte[] o = each[i].clone();
            if (i == each.length - 1) o[0] |= (byte) 0x80;
            all = concat(all, o);
        }
        return all;
    }

    static byte[] opt(int type, String body) {
        byte[] b = hex(body);
        return concat(new byte[] {(byte) type, (byte) (2 + b.length)}, b);
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(v4(pgm(13320, 5563, 0, 0, 0, spm(1, IP_A))));
        f.add(v4(pgm(13320, 5563, 0, 0, 0, spm(2, IP6_B))));
        f.add(v4(pgm(13320, 5563, 0, 0, 0, spm(3, IP_A))));
        f.add(v4(pgm(1234, 5678, 1, 0, 0, poll(1, IP_A, true))));
        f.add(v4(pgm(1234, 5678, 1, 0, 0, poll(2, IP6_A, true))));
        f.add(v4(pgm(1234, 5678, 1, 0, 0, poll(1, IP_A, false))));
        f.add(v4(pgm(5678, 1234, 2, 0, 0, concat(u32(9), u16(4), u16(0)))));
        f.add(v4(pgm(13320, 5563, 4, 0, 5, data(54951, 21618, ascii("hello")))));
        f.add(v4(pgm(13320, 5563, 5, 0, 5, data(54951, 21618, ascii("hello")))));
        f.add(v4(pgm(5563, 13320, 8, 0, 0, nak(54952, 1, IP_A, hex("00010203")))));
        f.add(v4(pgm(5563, 13320, 9, 0, 0, nak(54952, 2, IP6_A, hex("00020000000000000000000000000010")))));
        f.add(v4(pgm(5563, 13320, 10, 0, 0, nak(54952, 1, IP_A, GROUP))));
        f.add(v4(pgm(5563, 13320, 8, 0, 0, nak(54952, 7, IP_A, GROUP))));
        f.add(v4(pgm(5563, 13320, 11, 0, 0, concat(u32(77), hex("0000ffff")))));
        f.add(v4(pgm(5563, 13320, 12, 0, 0, new byte[0])));
        f.add(v4(pgm(0x8004, 0x000c, 12, 1, 0, new byte[0])));   // options read from the header itself
        f.add(v4(pgm(5563, 13320, 7, 0, 0, hex("01020304"))));
        f.add(v6(pgm(13320, 5563, 0, 0, 0, spm(2, IP6_A))));
        f.add(v6(pgm(13320, 5563, 4, 1, 3, concat(data(1, 1, new byte[0]), options(opt(0x0d, "0000")), ascii("abc")))));
        // options, each kind
        f.add(v4(pgm(13320, 5563, 4, 1, 0, concat(data(10, 9, new byte[0]), options(opt(0x01, "0000 00000001 00000010 00000400"),
            opt(0x02, "0000 00000005 00000006 00000007"), opt(0x03, "0000 0000002a"), opt(0x04, "0000 00000064 00000002"),
            opt(0x05, "0000 000003e8 0000000a"))))));
        f.add(v4(pgm(13320, 5563, 5, 1, 0, concat(data(10, 9, new byte[0]), options(opt(0x07, "0000 0001 0000 0a000001"),
            opt(0x07, "0000 0002 0000 fd000000000000000000000000000009"), opt(0x08, "0000 00000010"),
            opt(0x09, "0000 00000020"), opt(0x0a, "0000 00000030"), opt(0x0b, "0000"), opt(0x0d, "0000"),
            opt(0x0e, "0000"), opt(0x0f, "0000"), opt(0x11, "0000"))))));
        f.add(v4(pgm(13320, 5563, 11, 1, 0, concat(u32(5), u32(0), options(opt(0x12, "0000 00000011 0001 0000 0a000002"),
            opt(0x13, "0000 00000012 0002 0000 fd000000000000000000000000000003"), opt(0x00, "0010"))))));
        f.add(v4(pgm(13320, 5563, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x0c, "0000 0a000001"),
            opt(0x1f, "0000 00000000"))))));
        f.add(v4(pgm(13320, 5563, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x10, "0000 0000"),
            opt(0x20, "0000"))))));
        f.add(v4(pgm(13320, 5563, 2, 1, 0, concat(u32(9), u16(4), u16(0), options(opt(0x0d, "0000"), opt(0x0e, "0000"))))));
        // options tcpdump finds bad
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("01040008 0d040000")))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("00050008 0d040000")))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("00040003")))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("00040006 8d04")))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("0004000a 8d030000 0000")))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("00040008 8d080000 00000000")))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x01, "0000 00000001"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x02, "0000 00000005 0006"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x07, "0000 0001 0000 0a00"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x07, "0000 0003 0000 0a000001"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x12, "0000 00000011 0002 0000 0a000002"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x13, "0000 00000011"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), options(opt(0x09, "0000 0000"))))));
        f.add(v4(pgm(1, 2, 4, 1, 0, concat(data(1, 1, new byte[0]), hex("00040010 0d040000")))));   // more than captured
        f.add(v4(pgm(1, 2, 4, 1, 0, data(1, 1, new byte[0]))));   // options flagged, none there
        f.add(v4(hex("0001")));
        f.add(v4(pgm(1, 2, 4, 0, 0, hex("0000"))));
        // PGM in UDP (-T pgm)
        f.add(udp4(40000, 7500, pgm(13320, 5563, 0, 0, 0, spm(1, IP_A))));
        f.add(udp4(40000, 7500, pgm(13320, 5563, 4, 1, 2, concat(data(3, 2, new byte[0]), options(opt(0x0e, "0000")), hex("abcd")))));
        f.add(udp4(40000, 7500, hex("0102")));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the IPv4 header's length for every frame, as before; mutated after the IP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("PGM", 0x71, 8, 4, 24, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-T pgm", "-T pgm -v", "-e -v -x")
            .cut("-x", "-v", "-T pgm -v -x")
            .mutated("-v -x", "-T pgm -v")
            .allocation("-v", "-T pgm -v", "-T pgm_zmtp1 -vv");
    }
}
