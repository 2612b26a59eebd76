package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS lines against tcpdump 4.99 itself: messages built here (RFC 1035 layouts, EDNS0 of RFC 6891, mDNS of RFC 6762)
 * on UDP 53, UDP 5353 and TCP 53, printed by {@code tcpdump -n -S [-v|-vv|-vvv]}, whole and cut after every byte.
 */
class DnsFormatterTest extends TcpdumpConformance {
    private static final int A = 1, NS = 2, CNAME = 5, SOA = 6, PTR = 12, MX = 15, TXT = 16, AAAA = 28, SRV = 33,
            A6 = 38, OPT = 41, UNSPECA = 104, TSIG = 250, URI = 256, IN = 1;

    // ---- message building

    private static byte[] name(String dotted) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (!dotted.equals(".")) {
            for (String label : dotted.split("\\.")) {
                b.write(label.length());
                b.writeBytes(label.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        b.write(0);
        return b.toByteArray();
    }

    private static byte[] pointer(int offset) {
        return new byte[] {(byte) (0xc0 | offset >>> 8), (byte) offset};
    }

    private static byte[] header(int id, int flags, int qd, int an, int ns, int ar) {
        return concat(u16(id), u16(flags), u16(qd), u16(an), u16(ns), u16(ar));
    }

    private static byte[] question(byte[] name, int type, int klass) {
        return concat(name, u16(type), u16(klass));
    }

    private static byte[] rr(byte[] name, int type, int klass, long ttl, byte[] rdata) {
        return concat(name, u16(type), u16(klass), u32(ttl), u16(rdata.length), rdata);
    }

    private static byte[] text(String... strings) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String s : strings) {
            b.write(s.length());
            b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.toByteArray();
    }

    private static byte[] option(int code, byte[] data) {
        return concat(u16(code), u16(data.length), data);
    }

    private static Frame udp53(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(40053, 53, message, IP_A, IP_B))));
    }

    private static Frame udpPorts(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, message, IP_A, IP_B))));
    }

    private static Frame tcp53(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(41000, 53, 1000, 2000, 0x018, 502, 0, new byte[0], payload,
            IP_A, IP_B))));
    }

    /** A response to "www.example.com A" (question at offset 12, so pointers to 12 name it). */
    private static byte[] response(int flags, int an, int ns, int ar, byte[]... records) {
        return concat(header(0x1234, flags, 1, an, ns, ar), question(name("www.example.com"), A, IN), concat(records));
    }

    static List<byte[]> messages() {
        byte[] www = pointer(12);
        List<byte[]> m = new ArrayList<>();
        m.add(concat(header(0xabcd, 0x0100, 1, 0, 0, 0), question(name("www.example.com"), A, IN)));
        m.add(response(0x8180, 3, 0, 0,
            rr(www, CNAME, IN, 300, concat(name("edge"), pointer(16))),
            rr(pointer(33), A, IN, 60, hex("c0000201")),
            rr(pointer(33), AAAA, IN, 3725, hex("20010db8000000000000000000000001"))));
        m.add(response(0x8583, 0, 1, 0, rr(pointer(16), SOA, IN, 90061, concat(name("ns1.example.com"),
            name("hostmaster.example.com"), u32(2024010101), u32(7200), u32(900), u32(1209600), u32(86400)))));
        m.add(response(0x8180, 4, 0, 0,
            rr(www, MX, IN, 0, concat(u16(10), name("mail.example.com"))),
            rr(www, TXT, IN, 31_536_000 + 604_800 * 2 + 5, text("v=spf1 -all", "a\u0001b\u00e9\"")),
            rr(www, SRV, IN, 1, concat(u16(5), u16(7), u16(5060), name("sip.example.com"))),
            rr(www, NS, IN, 2, name("ns2.example.com"))));
        m.add(concat(header(7, 0x8180, 1, 1, 0, 0), question(name("1.2.0.192.in-addr.arpa"), PTR, IN),
            rr(pointer(12), PTR, IN, 3600, name("host.example.com"))));
        // EDNS0 query with options of every kind tcpdump names
        byte[] options = concat(option(8, hex("0001 18 00 c00002")), option(8, hex("0002 38 00 20010db8000000")),
            option(8, hex("0001 18")), option(10, hex("0102030405060708")),
            option(10, hex("0102030405060708 1112131415161718")), option(10, hex("01020304")),
            option(11, hex("0096")), option(12, new byte[5]), option(9, hex("00000e10")), option(14, hex("4f664f67")),
            option(5, hex("080d0ffe")), option(6, hex("0102")), option(7, hex("01")), option(3, hex("abcd")),
            option(65001, hex("00ff")), option(2, new byte[0]));
        m.add(concat(header(9, 0x0120, 1, 0, 0, 1), question(name("example.com"), 255, IN),
            rr(name("."), OPT, 4096, 0x00008000L, options)));
        // extended response codes: BADVERS (16), BADCOOKIE (23), beyond the table (33); and plain Resp11
        m.add(response(0x8180, 0, 0, 1, rr(name("."), OPT, 1232, 0x01000000L, new byte[0])));
        m.add(response(0x8187, 0, 0, 1, rr(name("."), OPT, 1232, 0x01000000L, new byte[0])));
        m.add(response(0x8182, 0, 0, 1, rr(name("."), OPT, 1232, 0x02000000L, new byte[0])));
        m.add(response(0x818b, 0, 0, 0));
        // flags and opcodes
        m.add(response(0x8780 | 0x0200 | 0x0020, 0, 0, 0));
        m.add(response(0x8000, 0, 0, 0));
        m.add(concat(header(11, 0x2000 | 0x0010 | 0x0040, 1, 0, 0, 0), question(name("example.com"), SOA, IN)));
        m.add(concat(header(12, 0x0800, 0, 2, 0, 0)));
        m.add(concat(header(13, 0x2800, 1, 1, 1, 1), question(name("example.com"), SOA, IN),
            rr(pointer(12), A, IN, 1, hex("0a000001")), rr(pointer(12), NS, IN, 1, name("ns.example.com")),
            rr(pointer(12), A, IN, 1, hex("0a000002"))));
        m.add(concat(header(14, 0x0100, 2, 0, 0, 0), question(name("a.example"), A, IN),
            question(concat(name("b"), new byte[0]), AAAA, 3)));
        m.add(concat(header(15, 0x8180, 0, 0, 0, 0)));
        // names: forward and self pointers, bit-string label, unknown EDNS label, reserved label, over 255 characters
        m.add(concat(header(16, 0x0100, 1, 0, 0, 0), question(pointer(20), A, IN), new byte[4]));
        m.add(concat(header(17, 0x0100, 1, 0, 0, 0), question(pointer(12), A, IN)));
        m.add(concat(header(18, 0x0100, 1, 0, 0, 0), question(concat(hex("41 0c abcd"), name("x")), A, IN)));
        m.add(concat(header(19, 0x0100, 1, 0, 0, 0), question(concat(hex("41 00"), new byte[32], name(".")), A, IN)));
        m.add(concat(header(20, 0x0100, 1, 0, 0, 0), question(concat(hex("42 01"), name("x")), A, IN)));
        m.add(concat(header(21, 0x0100, 1, 0, 0, 0), question(concat(hex("81"), name("x")), A, IN)));
        String label = "a".repeat(63);
        m.add(concat(header(22, 0x0100, 1, 0, 0, 0),
            question(name(String.join(".", label, label, label, label, "tail")), A, IN)));
        // other record types, classes and lengths
        m.add(response(0x8180, 9, 0, 0,
            rr(www, A6, IN, 1, concat(hex("00"), hex("20010db8000000000000000000000001"))),
            rr(www, A6, IN, 1, concat(hex("40"), hex("0000000000000001"), name("prefix.example"))),
            rr(www, A6, IN, 1, concat(hex("80"), name("all.example"))),
            rr(www, A6, IN, 1, hex("82")),
            rr(www, URI, IN, 1, concat(u16(10), u16(1), "ftp://ftp.example/".getBytes(StandardCharsets.US_ASCII))),
            rr(www, UNSPECA, IN, 1, "free text".getBytes(StandardCharsets.US_ASCII)),
            rr(www, TSIG, 255, 0, concat(name("hmac-sha256"), hex("000065a1b2c3"), u16(300), u16(4), hex("01020304"),
                u16(0x1234), u16(0), u16(0))),
            rr(www, A, 3, 1, hex("0a0a0a0a")),
            rr(www, 999, 7, 1, hex("00"))));
        m.add(response(0x8180, 1, 0, 0, rr(www, A, IN, 1, hex("0a00"))));
        m.add(response(0x8180, 1, 0, 0, rr(www, URI, IN, 1, hex("0001"))));          // URI fields past the message
        m.add(response(0x8180, 2, 0, 0, rr(www, A, IN, 1, hex("0a000001")), rr(www, AAAA, IN, 1, new byte[40])));
        m.add(hex("0102030405"));
        return m;
    }

    static List<Frame> allFrames() {
        List<Frame> frames = new ArrayList<>();
        for (byte[] message : messages()) frames.add(udp53(message));
        byte[] www = name("printer.local");
        frames.add(udpPorts(5353, 5353, concat(header(0, 0, 2, 0, 0, 0), question(www, 12, 0x8001),
            question(name("b.local"), 16, IN))));
        frames.add(udpPorts(5353, 5353, concat(header(0, 0x8400, 0, 2, 0, 0), rr(www, A, 0x8001, 120, hex("c0a80002")),
            rr(pointer(12), TXT, 0x8001, 120, text("path=/")))));
        byte[] query = concat(header(0x4242, 0x0100, 1, 0, 0, 0), question(name("tcp.example"), A, IN));
        frames.add(tcp53(concat(u16(query.length), query)));
        frames.add(tcp53(concat(u16(query.length + 3), query)));
        frames.add(tcp53(hex("00")));
        frames.add(new Frame(ethernet(0x0800, ipv4(6, tcp(53, 22, 1000, 2000, 0x018, 502, 0, new byte[0],
            concat(u16(query.length), query), IP_A, IP_B)))));
        return frames;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    @Override
    List<String> wholeFlags() {
        return List.of("", "-v", "-vv", "-vvv", "-q");
    }

    /** Not the last frame: tcpdump's SSH printer marks a cut one. */
    @Override
    List<Frame> cutFrames() {
        List<Frame> all = frames();
        return all.subList(0, all.size() - 1);
    }

    /** Each message cut after every byte from its UDP payload on (TCP: inside the header too). */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    List<String> cutFlags() {
        return List.of("-x", "-vv");
    }

    /** The DNS message (after the TCP header and its length on TCP): the mutations fall in it. */
    @Override
    int mutantStart(byte[] frame) {
        int ip = MutatedFrames.afterIp(frame);
        return frame[14 + 9] == 6 ? ip + 4 * ((frame[ip + 12] & 0xff) >>> 4) : ip + 8;
    }

    @Override
    Mutants mutants() {
        return new Mutants("DNS", 53, 12);
    }
}
