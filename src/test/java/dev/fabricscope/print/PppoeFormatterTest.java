package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * PPPoE discovery (RFC 2516 PADI/PADO/PADR/PADS/PADT and their tags) and session data, with the PPP frames it carries
 * (RFC 1661 LCP, RFC 1332 IPCP, RFC 5072 IP6CP, RFC 1962 CCP, RFC 2125 BACP, RFC 1994 CHAP, RFC 1334 PAP, RFC 1990
 * multilink, IPv4, IPv6, MPLS), against tcpdump 4.99 itself, in every verbosity, with -e, cut after every byte, and
 * seeded mutants from the PPPoE header on.
 */
class PppoeFormatterTest extends TcpdumpConformance {
    private static final int DISCOVERY = 0x8863, SESSION = 0x8864;

    static byte[] pppoe(int versionType, int code, int session, int length, byte[] payload) {
        return concat(new byte[] {(byte) versionType, (byte) code}, u16(session), u16(length), payload);
    }

    static Frame discovery(int code, int session, byte[]... tags) {
        byte[] payload = concat(tags);
        return new Frame(ethernet(DISCOVERY, pppoe(0x11, code, session, payload.length, payload)));
    }

    static byte[] tag(int type, byte[] value) {
        return concat(u16(type), u16(value.length), value);
    }

    static Frame session(byte[]... ppp) {
        byte[] frame = concat(ppp);
        return new Frame(ethernet(SESSION, pppoe(0x11, 0, 0x2a, frame.length, frame)));
    }

    /** A control-protocol message (code, id, length) after its 2-byte PPP protocol. */
    static byte[] control(int protocol, int code, int id, byte[]... data) {
        byte[] body = concat(data);
        return concat(u16(protocol), new byte[] {(byte) code, (byte) id}, u16(4 + body.length), body);
    }

    static byte[] option(int type, String valueHex) {
        byte[] value = hex(valueHex);
        return concat(new byte[] {(byte) type, (byte) (2 + value.length)}, value);
    }

    static byte[] ipUdp() {
        return ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B));
    }

    static List<Frame> discoveryFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(discovery(0x09, 0, tag(0x0101, new byte[0]), tag(0x0103, hex("4a2f0001"))));
        f.add(discovery(0x07, 0, tag(0x0102, ascii("bras-01.example")), tag(0x0101, ascii("isp")),
            tag(0x0104, hex("00112233445566778899aabbccddeeff"))));
        f.add(discovery(0x19, 0, tag(0x0110, hex("00000001")), tag(0x0999, ascii("x\u0001y")),
            tag(0x0105, hex("00000de9 0102"))));
        f.add(discovery(0x65, 0x1234, tag(0x0101, ascii("isp"))));
        f.add(discovery(0xa7, 0x1234, tag(0x0203, ascii("session closed by peer"))));
        f.add(discovery(0x09, 0, tag(0x0102, ascii("a".repeat(100))), tag(0x0202, ascii("ab\tc"))));
        f.add(discovery(0x07, 0, tag(0x0120, hex("05dc")), tag(0, new byte[0]), tag(0x0101, ascii("after EOL"))));
        f.add(discovery(0x42, 7, tag(0x0201, ascii("no"))));                                  // unknown code
        f.add(new Frame(ethernet(DISCOVERY, pppoe(0x11, 0x09, 0, 1500, tag(0x0101, new byte[0])))));   // long PADI
        f.add(new Frame(ethernet(DISCOVERY, pppoe(0x23, 0x09, 0, 4, tag(0x0101, new byte[0])))));      // ver, type
        f.add(new Frame(ethernet(DISCOVERY, pppoe(0x11, 0x07, 0, 8, concat(u16(0x0102), u16(40), ascii("ab"))))));
        f.add(new Frame(ethernet(DISCOVERY, hex("1109"))));                                   // shorter than header
        f.add(new Frame(ethernet(DISCOVERY, pppoe(0x11, 0x07, 0, 6, concat(tag(0x0101, ascii("ab")),
            tag(0x0103, hex("01020304")))))));                                               // a tag past the length
        f.add(new Frame(ethernet(DISCOVERY, pppoe(0x11, 0x19, 0, 6, concat(tag(0x0101, new byte[0]), hex("0102"))))));
        f.add(discovery(0x09, 0, tag(0x0101, hex("41ff42ff43")), tag(0x0104, hex("41ff42ff")), tag(0x0203, new byte[0]),
            tag(0x0105, new byte[0]), tag(0x0110, new byte[0]), tag(0x0120, new byte[0]), tag(0x0201, new byte[0]),
            tag(0x0202, new byte[0]), tag(0x0102, new byte[0]), tag(0x0103, new byte[0]), tag(0x0104, new byte[0])));
        f.add(new Frame(ethernet(0x3c12, pppoe(0x11, 0x09, 0, 4, tag(0x0101, new byte[0])))));   // 3Com's types
        f.add(new Frame(ethernet(0x3c13, pppoe(0x11, 0, 0x2a, 6, concat(u16(0x0021), hex("45000004"))))));
        return f;
    }

    static List<Frame> sessionFrames() {
        byte[] ip6Udp = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] lcpOptions = concat(option(1, "05d4"), option(3, "c22305"), option(5, "1a2b3c4d"), option(7, ""),
            option(8, ""), option(2, "00000000"));
        List<Frame> f = new ArrayList<>();
        f.add(session(u16(0x0021), ipUdp()));
        f.add(session(u16(0x0057), ip6Udp));
        f.add(session(hex("21"), ipUdp()));                                                    // compressed protocol
        f.add(session(hex("ff03 0021"), ipUdp()));                                             // address and control
        f.add(session(u16(0x0281), label(100), ipUdp()));                                      // MPLS
        f.add(session(control(0xc021, 1, 1, lcpOptions)));
        f.add(session(control(0xc021, 2, 1, lcpOptions)));
        f.add(session(control(0xc021, 3, 2, option(3, "c223 80"), option(3, "c023"), option(3, "1234"),
            option(4, "c025 0000"), option(4, "0001"), option(0, "00000c 01"))));
        f.add(session(control(0xc021, 4, 3, option(13, "06"), option(17, "05dc"), option(19, "00"),
            option(19, "02 0a000001"), option(19, "03 001122334455"), option(19, "07"), option(23, "0001"),
            option(9, "03"), option(40, "00"))));
        f.add(session(control(0xc021, 1, 4, option(1, "05d4 00"), option(5, "01"), option(23, "01"))));   // bogus
        f.add(session(control(0xc021, 1, 5, option(1, "05d4"), hex("0101"))));                // option length < 2
        f.add(session(control(0xc021, 1, 6, option(1, "05d4"), hex("0310 c223"))));            // past the message
        f.add(session(control(0xc021, 9, 7, hex("1a2b3c4d"), ascii("ping"))));                 // echo request
        f.add(session(control(0xc021, 10, 7, hex("4d3c2b1a"))));
        f.add(session(control(0xc021, 5, 8, ascii("bye"))));
        f.add(session(control(0xc021, 8, 9, hex("8057 01020304"))));                          // protocol reject
        f.add(session(control(0xc021, 12, 10, hex("1a2b3c4d"), ascii("hello peer"))));         // identification
        f.add(session(control(0xc021, 13, 11, hex("1a2b3c4d 00000e10"))));                     // time remaining
        f.add(session(control(0xc021, 0, 12, hex("1a2b3c4d 00000c 01 02"))));                 // vendor extension
        f.add(session(control(0xc021, 14, 13, hex("0102030405"))));                            // other codes
        f.add(session(u16(0xc021), hex("0101 0002 0000")));                                    // encoded length < 4
        f.add(session(u16(0xc021), hex("0101 0040 0000")));                                    // encoded length too long
        f.add(session(control(0x8021, 1, 1, option(3, "00000000"), option(129, "00000000"), option(131, "08080404"),
            option(130, "00000000"), option(132, "0a0a0a0a"), option(4, "01020304"))));
        f.add(session(control(0x8021, 3, 1, option(3, "0a000002"), option(1, "0a000001 0a000002"),
            option(2, "002d 0f01"), option(99, "ab"))));
        f.add(session(control(0x8021, 1, 2, option(2, "0061 000f 0010 0020 0030 0040 0104 0204 0300"),
            option(3, "0a00"))));
        f.add(session(control(0x8057, 1, 1, option(1, "0211 22ff fe33 4455"), option(2, "00"))));
        f.add(session(control(0x80fd, 1, 1, option(26, "7808"), option(21, "2f"), option(24, "a504"),
            option(18, "01000060"))));
        f.add(session(control(0xc02b, 1, 1, option(1, "1a2b3c4d"), option(2, "00"))));
        f.add(session(control(0x8023, 1, 1, hex("0102"))));                                    // OSICP
        f.add(session(u16(0xc223), hex("01 05 0015 08 0001020304050607"), ascii("server")));
        f.add(session(u16(0xc223), hex("02 05 0012 04 0a0b0c0d"), ascii("client")));
        f.add(session(u16(0xc223), hex("03 05 000a"), ascii("ok!\u0001\u00ff")));
        f.add(session(u16(0xc223), hex("04 05 0004")));
        f.add(session(u16(0xc023), hex("01 01 0010 04"), ascii("user"), hex("05"), ascii("pass!")));
        f.add(session(u16(0xc023), hex("02 01 0009 04"), ascii("fine")));
        f.add(session(u16(0xc023), hex("03 01 0005 00")));
        f.add(session(u16(0xc023), hex("01 01 0040 00")));                                     // length > packet
        f.add(session(u16(0x003d), hex("c0000123"), ipUdp()));                                // multilink
        f.add(session(u16(0x00fd), hex("0102030405")));
        f.add(session(u16(0x1234), hex("0102030405")));                                       // unknown
        f.add(session(u16(0xc227), hex("01020004")));                                         // EAP: named only
        f.add(session(u16(0xc02d), hex("01020004")));                                         // BAP: nothing
        f.add(session(u16(0x002f), ipUdp()));                                                 // VJ uncompressed
        f.add(new Frame(ethernet(SESSION, pppoe(0x11, 0, 0x2a, 200, concat(u16(0x0021), ipUdp())))));  // too long
        f.add(new Frame(ethernet(SESSION, pppoe(0x11, 0, 0x2a, 1, hex("00")))));               // PPP too short
        // protocol 0x7eXX: an HDLC flag, the rest unescaped from the protocol's second byte and guessed at
        byte[] escapable = ipv4(17, udp(1000, 2000, hex("7d7e 7d00 7e"), IP_A, IP_B));
        f.add(session(hex("7e21"), hdlcEscaped(escapable)));
        f.add(session(hex("7e57"), hdlcEscaped(ip6Udp)));
        f.add(session(hex("7e7d 01"), hdlcEscaped(escapable)));                               // 0x21 escaped
        f.add(session(hex("7eff 03c0 21"), hdlcEscaped(hex("0101 000a 0104 05d4 0506"))));     // LCP after ff03
        f.add(session(hex("7e00 c021"), hex("0901 0008 1a2b 3c4d")));                          // LCP: 2-byte guess
        f.add(session(hex("7e00 0021"), hdlcEscaped(escapable)));
        f.add(session(hex("7eff 037e 01"), hex("0102")));                                     // 0x7e01 invalid
        f.add(session(hex("7e00 7e21"), hex("0102")));
        f.add(session(hex("7e00 1234"), hex("0102 7d")));                                     // lone escape last
        f.add(session(hex("7e00"), hex("")));                                                  // one byte left
        f.add(session(hex("7eff 03")));                                                         // no protocol after
        f.add(session(hex("7e00 00")));
        // HDLC inside HDLC: the unescaped IPv4 carries PPTP's GRE with PPP 0x7e21 again, once and twice over
        f.add(session(hex("7e21"), hdlcEscaped(hdlcInGre(hdlcInGre(ipUdp())))));
        f.add(session(hex("7e21"), hdlcEscaped(hdlcInGre(hdlcInGre(hdlcInGre(ipUdp()))))));
        return f;
    }

    /** IPv4 with PPTP's GRE (version 1, key and sequence number) carrying PPP protocol 0x7e21: {@code ip} escaped. */
    static byte[] hdlcInGre(byte[] ip) {
        byte[] ppp = concat(hex("7e21"), hdlcEscaped(ip));
        return ipv4(47, concat(hex("3001 880b"), u16(ppp.length), hex("0007 00000001"), ppp));
    }

    /** A frame's HDLC payload inside another's is unescaped into a buffer of its own, kept for the next frame. */
    @org.junit.jupiter.api.Test
    void hdlcInsideHdlcAllocatesNothing() {
        List<Frame> nested = List.of(session(hex("7e21"), hdlcEscaped(hdlcInGre(ipUdp()))),
            session(hex("7e21"), hdlcEscaped(hdlcInGre(hdlcInGre(ipUdp())))));
        PrinterAllocation.assertNoAllocationPerPacketWith(nested, "PPP HDLC in HDLC", "", "-v", "-e -x");
    }

    /** HDLC's transparency: 0x7d and 0x7e as 0x7d then the byte xor 0x20. */
    static byte[] hdlcEscaped(byte[] raw) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte x : raw) {
            if (x == 0x7d || x == 0x7e) {
                b.write(0x7d);
                b.write(x ^ 0x20);
            } else {
                b.write(x);
            }
        }
        return b.toByteArray();
    }

    static byte[] label(int label) {
        return u32((long) label << 12 | 0x100 | 64);
    }

    @Override
    List<Frame> frames() {
        List<Frame> all = new ArrayList<>(discoveryFrames());
        all.addAll(sessionFrames());
        return all;
    }

    /** From the ethertype: the cuts as before; the mutants from the PPPoE header on. */
    @Override
    int start(byte[] frame) {
        return 12;
    }

    @Override
    int mutantStart(byte[] frame) {
        return 14;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("PPPOE", 0x8863, 8))
            .whole("", "-v", "-vv", "-q", "-e", "-e -vv")
            .cut("-x", "-v", "-e -vv")
            .mutated("-x", "-vv -x");
    }
}
