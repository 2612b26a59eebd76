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
        m.addAll(records());
        m.addAll(compression());
        m.addAll(edns());
        return m;
    }

    /** Every type tcpdump's table names, decoded or not (DNSSEC, TKEY, NAPTR, CAA past the table), and unknown ones. */
    static List<byte[]> records() {
        byte[] www = pointer(12);
        List<byte[]> m = new ArrayList<>();
        m.add(response(0x8180, 12, 0, 0,
            rr(www, 43, IN, 1, hex("3039 08 02 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")),
            rr(www, 46, IN, 1, concat(hex("0001 08 03 00000e10 65a1b2c3 659a0000 3039"), pointer(16), hex("abcdef"))),
            rr(www, 47, IN, 1, concat(name("z.example.com"), hex("0006 40000000 0003"))),
            rr(www, 48, IN, 1, hex("0101 03 08 030100010203")),
            rr(www, 249, 255, 1, concat(name("gss-tsig"), hex("65a1b2c3 65a1b2c4 0003 0000 0000 0000"))),
            rr(www, 35, IN, 1, concat(u16(100), u16(10), text("S", "SIP+D2U", ""), name("_sip._udp.example.com"))),
            rr(www, 257, IN, 1, concat(hex("00 05"), ascii("issue"), ascii("ca.example"))),
            rr(www, 44, IN, 1, hex("01 01 00112233")),
            rr(www, 13, IN, 1, text("CPU", "OS")),
            rr(www, 99, IN, 1, text("v=spf1 -all")),
            rr(www, 39, IN, 1, name("example.net")),
            rr(www, 65535, 254, 1, hex("ff"))));
        m.add(response(0x8180, 6, 0, 0,
            rr(www, 50, IN, 1, hex("01 00 000a 00")), rr(www, 52, IN, 1, hex("03 01 01 abcd")),
            rr(www, 64, IN, 1, hex("0001 00")), rr(www, 65, IN, 1, hex("0001 00")),
            rr(www, 0, 2, 1, new byte[0]), rr(www, 248, 5, 1, new byte[0])));
        // -vvv relative times of every size; TXT strings cut by their RDATA length, empty TXT
        m.add(response(0x8180, 5, 0, 0, rr(www, A, IN, 0, hex("01020304")), rr(www, A, IN, 59, hex("01020304")),
            rr(www, A, IN, 3661, hex("01020304")), rr(www, A, IN, 0xffffffffL, hex("01020304")),
            rr(www, TXT, IN, 90061, new byte[0])));
        m.add(response(0x8180, 2, 0, 0, rr(www, TXT, IN, 1, hex("05 616263")), rr(www, A, IN, 1, hex("01020304"))));
        m.add(response(0x8180, 1, 0, 0, concat(www, u16(TXT), u16(IN), u32(1), u16(4), hex("02 6162 03 61"))));
        // records shorter than their fixed fields read the next ones (tcpdump only checks the capture)
        m.add(response(0x8180, 3, 0, 0, rr(www, MX, IN, 1, u16(5)), rr(www, SRV, IN, 1, u16(1)),
            rr(www, SOA, IN, 1, name("a"))));
        m.add(response(0x8180, 2, 0, 0, rr(www, A6, IN, 1, hex("81")), rr(www, A6, IN, 1, hex("7f 01"))));
        // TSIG and SOA fields cut by the end of the message; a TSIG whose MAC runs past it
        m.add(response(0x8180, 1, 0, 0, rr(www, TSIG, 255, 0, concat(name("k"), hex("000065a1b2c3 012c 0040")))));
        m.add(response(0x8180, 1, 0, 0, rr(www, SOA, IN, 1, concat(name("ns"), name("h"), u32(1), u32(2)))));
        // counts beyond the records present, in every section, queries and responses
        m.add(response(0x8180, 5, 0, 0, rr(www, A, IN, 1, hex("01020304"))));
        m.add(response(0x8180, 1, 3, 2, rr(www, A, IN, 1, hex("01020304")), rr(www, NS, IN, 1, name("ns"))));
        m.add(response(0x8180, 1, 1, 4, rr(www, A, IN, 1, hex("01020304")), rr(www, NS, IN, 1, name("ns")),
            rr(www, A, IN, 1, hex("01020305"))));
        m.add(concat(header(30, 0x0100, 3, 0, 0, 0), question(name("a.example"), A, IN)));
        m.add(concat(header(31, 0x0100, 1, 2, 1, 1), question(name("a.example"), A, IN),
            rr(pointer(12), A, IN, 1, hex("01020304"))));
        m.add(concat(header(32, 0x8180, 3, 1, 0, 0), question(name("a.example"), A, IN),
            question(name("b.example"), AAAA, IN), question(pointer(12), MX, 3), rr(pointer(12), A, IN, 1, hex("01020304"))));
        m.add(concat(header(33, 0x8180, 65535, 0, 0, 0), question(name("a.example"), A, IN)));
        m.add(concat(header(34, 0x0900, 0, 1, 0, 0), rr(name("a.example"), A, IN, 1, hex("01020304"))));
        m.add(concat(header(35, 0x0900, 1, 3, 0, 0), question(name("a.example"), A, IN)));
        return m;
    }

    /**
     * Compression and labels: pointers into the header, to themselves, forward, in chains, past the message; EDNS0
     * extended (64-127) and reserved (128-191) label types in answers; names made too long through pointers.
     */
    static List<byte[]> compression() {
        List<byte[]> m = new ArrayList<>();
        // answers at offset 33 pointing back: into the header (2, 6), at 0, at the question's middle, at themselves
        for (int target : new int[] {0, 2, 6, 11, 16, 33, 40, 0x3fff}) {
            m.add(response(0x8180, 1, 0, 0, rr(pointer(target), A, IN, 1, hex("01020304"))));
        }
        // a CNAME's target pointing forward (to the next record's owner), back to itself, and a chain of pointers
        m.add(response(0x8180, 2, 0, 0, rr(pointer(12), CNAME, IN, 1, pointer(47)),
            rr(concat(name("x"), new byte[0]), A, IN, 1, hex("01020304"))));
        m.add(response(0x8180, 1, 0, 0, rr(pointer(12), CNAME, IN, 1, pointer(45))));
        m.add(response(0x8180, 2, 0, 0, rr(concat(hex("01 61"), pointer(16)), CNAME, IN, 1, concat(hex("01 62"),
            pointer(33))), rr(pointer(47), PTR, IN, 1, pointer(45))));
        // label types: bit-string labels of every length class, an unknown ELT and reserved ones, in answers
        m.add(response(0x8180, 5, 0, 0, rr(hex("41 00 " + "ab".repeat(32) + " 00"), A, IN, 1, hex("01020304")),
            rr(hex("41 03 e0 00"), A, IN, 1, hex("01020304")), rr(hex("41 0c abcd 00"), A, IN, 1, hex("01020304")),
            rr(hex("41 11 abcdef 01 61 00"), A, IN, 1, hex("01020304")), rr(www(), NS, IN, 1, hex("41 08 ff 00"))));
        m.add(response(0x8180, 1, 0, 0, rr(hex("7f 00"), A, IN, 1, hex("01020304"))));
        m.add(response(0x8180, 1, 0, 0, rr(hex("01 61 40 00"), A, IN, 1, hex("01020304"))));
        m.add(response(0x8180, 1, 0, 0, rr(hex("01 61 bf 00"), A, IN, 1, hex("01020304"))));
        m.add(response(0x8180, 1, 0, 0, rr(pointer(12), PTR, IN, 1, hex("80 00"))));
        m.add(response(0x8180, 1, 0, 0, rr(pointer(12), CNAME, IN, 1, hex("01 61 41 00"))));
        m.add(concat(header(40, 0x0100, 1, 0, 0, 0), question(hex("41 20 01020304 01 61 00"), A, IN)));
        // a name made longer than 255 characters by following pointers back through long labels
        String label = "b".repeat(63);
        byte[] longName = name(String.join(".", label, label, label));
        m.add(concat(header(41, 0x8180, 1, 1, 0, 0), question(longName, A, IN),
            rr(concat(hex("3f" + "63".repeat(63)), pointer(12)), A, IN, 1,
                hex("01020304"))));
        m.add(concat(header(42, 0x8180, 1, 1, 0, 0), question(longName, A, IN),
            rr(concat(hex("3e" + "63".repeat(62)), pointer(12)), CNAME, IN, 1,
                concat(hex("01 64"), pointer(12 + longName.length + 4)))));
        return m;
    }

    private static byte[] www() {
        return pointer(12);
    }

    /** EDNS0: option lengths at each bound tcpdump checks, options running past the record, OPT outside "ar". */
    static List<byte[]> edns() {
        List<byte[]> m = new ArrayList<>();
        byte[] options = concat(option(8, hex("0001 00 00")), option(8, hex("0003 18 00 0a0000")),
            option(8, hex("0001 21 00 0a000000 00")), option(8, hex("0001 10 21 0a00")), option(8, hex("0001 18 00 0a00")),
            option(8, hex("0002 80 00 20010db8000000000000000000000001")), option(8, hex("00")),
            option(10, new byte[8]), option(10, new byte[9]), option(10, new byte[16]), option(10, new byte[40]),
            option(10, new byte[41]), option(11, hex("00")), option(11, hex("ffff")), option(9, hex("000000")),
            option(12, new byte[0]), option(14, hex("01")), option(14, hex("0001 0002 ffff")),
            option(5, hex("00 03 04 09 0b 11 fc fd fe ff")), option(6, hex("00 04 05")), option(7, hex("00 02")),
            option(13, name("example.com")), option(13, hex("03 61")), option(1, hex("0001")), option(3, new byte[0]),
            option(15, hex("0017")), option(16, hex("ab")), option(17, hex("cd")), option(18, hex("ef")),
            option(65535, new byte[0]));
        m.add(concat(header(50, 0x0100, 1, 0, 0, 1), question(name("e.example"), A, IN),
            rr(name("."), OPT, 512, 0x0000ffffL, options)));
        // an option whose length runs past the record (read from the next record), an option header cut by it
        m.add(concat(header(51, 0x8180, 1, 0, 0, 2), question(name("e.example"), A, IN),
            rr(name("."), OPT, 1232, 0, hex("000a 0008 0102")), rr(pointer(12), A, IN, 1, hex("01020304"))));
        m.add(concat(header(52, 0x8180, 1, 0, 0, 2), question(name("e.example"), A, IN),
            rr(name("."), OPT, 1232, 0, hex("000a 00")), rr(pointer(12), A, IN, 1, hex("01020304"))));
        // OPT as an answer, named owner, two OPTs (the first sets the rcode), an OPT at 0 size with rcode bits
        m.add(concat(header(53, 0x8183, 1, 1, 0, 2), question(name("e.example"), A, IN),
            rr(name("."), OPT, 4096, 0x05008000L, new byte[0]), rr(pointer(12), OPT, 0, 0xff000000L, option(3, hex("ab"))),
            rr(name("."), OPT, 1, 0x02000000L, new byte[0])));
        m.add(concat(header(54, 0x8180, 1, 0, 0, 1), question(name("e.example"), A, IN),
            rr(name("."), OPT, 0, 0xfe7fffffL, new byte[0])));
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
        // mDNS: the cache-flush bit on other classes and types, QU on other classes, OPT, every section at -vv
        frames.add(udpPorts(5353, 5353, concat(header(0, 0, 3, 0, 1, 1), question(www, 255, 0x8003),
            question(pointer(12), A, 0x00ff), question(pointer(12), AAAA, 0xffff),
            rr(pointer(12), SRV, 0x8001, 120, concat(u16(0), u16(0), u16(631), pointer(12))),
            rr(name("."), OPT, 0x8000 | 1440, 0x00008000L, option(4, hex("0000 0102030405 06"))))));
        frames.add(udpPorts(5353, 5353, concat(header(0, 0x8400, 0, 4, 0, 1), rr(www, PTR, 0x8001, 4500, pointer(12)),
            rr(pointer(12), TXT, 0x80ff, 4500, text("")), rr(pointer(12), 47, 0x8001, 120,
                concat(pointer(12), hex("0004 40000008"))), rr(pointer(12), A, 0x0003, 1, hex("c0a80002")),
            rr(pointer(12), AAAA, 0x8001, 120, hex("fe800000000000000000000000000001")))));
        frames.add(udpPorts(5353, 53, concat(header(0, 0x8400, 0, 1, 0, 0), rr(www, A, 0x8001, 120, hex("c0a80002")))));
        frames.add(udpPorts(40000, 5353, concat(header(1, 0, 1, 0, 0, 0), question(www, A, 0x8001))));
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
    Checks checks() {
        return Checks.of(new Mutants("DNS", 53, 12))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-vv");
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

    /** The DNS message (after the TCP header and its length on TCP): the mutations fall in it. */
    @Override
    int mutantStart(byte[] frame) {
        int ip = MutatedFrames.afterIp(frame);
        return frame[14 + 9] == 6 ? ip + 4 * ((frame[ip + 12] & 0xff) >>> 4) : ip + 8;
    }
}
