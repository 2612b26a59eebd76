package dev.fabricscope.print;

import static dev.fabricscope.print.RadiusMessages.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RADIUS on its UDP ports ({@link RadiusMessages}: RFC 2865/2866 and the attribute RFCs, and lengths broken on
 * purpose) against tcpdump 4.99 itself, in every verbosity, whole, cut after every byte, and mutated at random.
 */
class RadiusFormatterTest extends TcpdumpConformance {
    private static final int ACCESS_REQUEST = 1, ACCESS_ACCEPT = 2, ACCESS_REJECT = 3, ACCOUNTING_REQUEST = 4,
        ACCOUNTING_RESPONSE = 5, ACCESS_CHALLENGE = 11;

    private static Frame toServer(int port, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(51000, port, message, IP_A, IP_B))));
    }

    private static Frame fromServer(int port, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(port, 51000, message, IP_B, IP_A), 0, 64, 1, 0x4000,
            new byte[0], -1, IP_B, IP_A)));
    }

    /** 802.1X authentication, accounting and change of authorization as a switch and its server exchange them. */
    static List<Frame> messages() {
        List<Frame> f = new ArrayList<>();
        f.add(toServer(1812, message(ACCESS_REQUEST, 0x2a, text(1, "alice@example.org"), attribute(4, IP_A),
            number(5, 50101), number(6, 2), number(7, 1), text(30, "00-11-22-33-44-55:corp"),
            text(31, "66-77-88-99-AA-BB"), text(32, "sw1.example.org"), number(61, 15),
            text(87, "GigabitEthernet1/0/1"),
            number(12, 1500), attribute(80, hex("00112233445566778899aabbccddeeff")),
            attribute(79, eap(2, 7, concat(hex("01"), ascii("alice@example.org")))))));
        f.add(fromServer(1812, message(ACCESS_CHALLENGE, 0x2a, attribute(79, eap(1, 8, hex("0d 20"))),
            attribute(24, hex("c0ffee00 4142")), attribute(80, hex("9e0a0b0c0d0e0f101112131415161718")))));
        f.add(toServer(1812, message(ACCESS_REQUEST, 0x2b, attribute(79, eap(2, 8,
            hex("0d 80 00000c00 16030100"))), attribute(79, eap(2, 9, hex("15 81 00000400"))),
            attribute(79, eap(2, 10, hex("15 c1"))), attribute(79, eap(2, 11, hex("2b 21"))),
            attribute(79, eap(2, 12, hex("2b a1 00000020"))), attribute(79, eap(2, 13, hex("03 0d 15 19 fe 00"))),
            attribute(79, eap(1, 14, concat(hex("02"), ascii("Press any key\u0001")))),
            attribute(79, eap(2, 15, hex("12 0a 0000"))), attribute(79, eap(2, 16, hex("17 0e 0000"))),
            attribute(79, eap(1, 17, hex("17 63"))),
            attribute(79, eap(2, 18, hex("04 10 00112233445566778899aabbccdd"))), attribute(79, eap(2, 19, hex("01"))),
            attribute(79, eap(2, 20, concat(hex("01"), ascii("bob"), hex("00 41")))),
            attribute(79, eap(7, 21, new byte[0])), attribute(79, eap(2, 22, new byte[0])),
            attribute(79, hex("02 17 0009 01")), attribute(79, hex("02 18 0003 01")), attribute(79, hex("01")),
            attribute(79, eap(1, 23, hex("02"))), attribute(79, eap(2, 24, hex("03"))),
            attribute(79, eap(2, 25, hex("0d"))), attribute(79, eap(2, 26, hex("15 80 00"))),
            attribute(79, eap(2, 27, hex("2b"))), attribute(79, eap(2, 28, hex("2b 80"))),
            attribute(79, eap(2, 29, hex("12"))), attribute(79, eap(1, 30, hex("06"))))));
        f.add(fromServer(1812, message(ACCESS_ACCEPT, 0x2b, number(6, 2), number(7, 1), attribute(8, hex("fffffffe")),
            attribute(8, hex("ffffffff")), attribute(8, hex("0a000063")), attribute(9, hex("ffffff00")),
            number(27, 3600), number(28, 59), number(85, 300), number(29, 1), tagged(64, 0, 13), tagged(65, 1, 6),
            text(81, "10"), attribute(81, concat(hex("02"), ascii("20"))),
            attribute(81, concat(hex("00"), ascii("30"))),
            text(25, "CACHE:1"), text(11, "acl-staff.in"), text(18, "Welcome, alice\r\n"),
            vendor(9, sub(1, ascii("shell:priv-lvl=15")), sub(1, ascii("ip:inacl#1=permit ip any any"))),
            vendor(311, sub(16, hex("8a12 00112233445566778899aabbccddeeff")), sub(17, hex("8a13 0102"))),
            vendor(14122, sub(1, ascii("x"))), vendor(99999, sub(7, new byte[0])), vendor(35632),
            vendor(46098, sub(1, hex("01"))), attribute(79, eap(3, 30, new byte[0])))));
        f.add(fromServer(1812, message(ACCESS_REJECT, 0x2c, text(18, "Authentication failed"),
            attribute(79, eap(4, 31, new byte[0])), number(101, 404), number(101, 999), number(101, 0xffffffffL))));
        f.add(toServer(1813, message(ACCOUNTING_REQUEST, 0x01, number(40, 1), text(44, "0000001A"), number(41, 0),
            number(45, 1), attribute(4, IP_A), number(5, 50101), number(61, 15), text(1, "alice"))));
        f.add(toServer(1813, message(ACCOUNTING_REQUEST, 0x02, number(40, 2), text(44, "0000001A"), number(42, 123456),
            number(43, 654321), number(47, 100), number(48, 200), number(52, 1), number(53, 0), number(46, 90061),
            number(46, 61), number(49, 1), number(49, 23), number(49, 24), number(49, 0), number(51, 2),
            text(50, "multi-1"), number(41, 0xffffffffL))));
        f.add(toServer(1813, message(ACCOUNTING_REQUEST, 0x03, number(40, 3), number(40, 7), number(40, 15),
            number(40, 16), number(40, 0), number(45, 4), number(45, 5))));
        f.add(fromServer(1813, message(ACCOUNTING_RESPONSE, 0x03)));
        f.add(toServer(1645, message(ACCESS_REQUEST, 0x04, number(23, 0xfffffffeL), number(23, 0x1234), number(37, 0),
            number(37, 5), number(38, 0), number(38, 7), tagged(83, 0, 2), tagged(83, 3, 1), tagged(56, 0x31, 100),
            tagged(56, 0x32, 200), tagged(56, 0x33, 300), attribute(58, concat(hex("31"), ascii("staff"))),
            attribute(58, concat(hex("32"), ascii("guest"))), attribute(58, concat(hex("40"), ascii("x"))),
            number(57, 1), number(57, 2), number(57, 3), number(15, 0), number(15, 8), number(15, 9),
            attribute(14, hex("ffffffff")), attribute(14, hex("fffffffe")), attribute(14, hex("c0000201")),
            number(16, 23), number(10, 3), number(10, 4), number(13, 1), number(76, 0), number(76, 1), number(76, 2),
            number(72, 1), number(72, 5), number(62, 4), number(61, 43), number(61, 44), number(64, 14),
            tagged(64, 0x20, 1), tagged(65, 0, 15), tagged(65, 0, 16), number(6, 0), number(6, 19), number(6, 20),
            number(7, 7), number(7, 8), number(75, 3), number(86, 1), number(23, 0))));
        f.add(toServer(1646, message(ACCOUNTING_REQUEST, 0x05, attribute(69, hex("01 8001 2233445566778899")),
            attribute(69, hex("00 8002 41")), attribute(69, hex("20 8003")), attribute(69, hex("05 80")),
            attribute(66, concat(hex("01"), ascii("192.0.2.1"))), attribute(67, concat(hex("00"), ascii("192.0.2.2"))),
            attribute(66, ascii("192.0.2.3")), attribute(82, concat(hex("1f"), ascii("t1"))),
            attribute(90, concat(hex("03"), ascii("lac"))), attribute(91, ascii("lns")), text(68, "conn-7"),
            attribute(90, hex("05")))));
        f.add(toServer(3799, message(40, 0x06, text(1, "alice"), text(44, "0000001A"), attribute(4, IP_A))));
        f.add(fromServer(3799, message(41, 0x06)));
        f.add(fromServer(3799, message(42, 0x06, number(101, 503))));
        f.add(toServer(1700, message(43, 0x07, text(1, "alice"), text(11, "acl-quarantine.in"))));
        f.add(fromServer(1700, message(44, 0x07)));
        f.add(fromServer(1700, message(45, 0x07, number(101, 202))));
        f.add(toServer(1812, message(12, 0x08, attribute(80, hex("00000000000000000000000000000001")))));
        f.add(toServer(1812, message(13, 0x09)));
        f.add(toServer(1812, message(99, 0x0a)));
        f.add(toServer(1812, message(255, 0x0b)));
        f.add(toServer(1812, message(ACCESS_REQUEST, 0x0c, attribute(95, hex("fd000000000000000000000000000001")),
            attribute(95, hex("fd00")), attribute(98, hex("20010db8000000000000000000000001")),
            attribute(97, hex("00 40 20010db800000001")), attribute(97, hex("00 80 20010db8000000000000000000000001")),
            attribute(97, hex("00 00")), attribute(97, hex("00 81 20010db8")), attribute(97, hex("00")),
            attribute(97, hex("00 40 20010db8000000000000000000000000 0000")),
            attribute(123, hex("00 38 20010db80001")),
            attribute(123, hex("00 40 20010db8")), attribute(96, hex("0011 22ff fe33 4455")),
            attribute(124, hex("0000 0f00 0000 0003")), attribute(124, hex("0000 0000 0000 0000")),
            attribute(124, hex("ffff")), attribute(125, hex("40 20010db8000000010000000000000000")),
            attribute(125, hex("81 20010db8000000010000000000000000")), attribute(125, hex("40 20010db8")),
            attribute(99, ascii("2001:db8:1::/48 2001:db8::1 1")), attribute(100, ascii("pool6")))));
        f.add(toServer(1812, message(ACCESS_REQUEST, 0x0d, attribute(126, concat(hex("31"), ascii("example.org"))),
            attribute(126, concat(hex("30"), ascii("ABCDE"))), attribute(126, concat(hex("7a"), ascii("x\u0007y"))),
            attribute(126, hex("31")),
            attribute(127, hex("0001 00 01"), u32(3_913_056_000L), u32(0x80000000L), u32(0), u32(0), ascii("GPS")),
            attribute(127, hex("0002 07 09"), u32(1), u32(1), u32(2), u32(2), hex("00")),
            attribute(127, hex("0001 00 01"), zeros(15)),
            attribute(128, hex("0001"), ascii("civic location: 1 Main St, Springfield; more text here")),
            attribute(128, hex("0001")),
            attribute(129, hex("8000"), u32(3_913_056_000L), u32(0), ascii("no forwarding")),
            attribute(129, hex("0000"), u32(0), u32(0)), attribute(129, hex("7fff"), u32(1), u32(1)),
            attribute(129, hex("8000 0000")))));
        f.add(toServer(1812, message(ACCESS_REQUEST, 0x0e, attribute(70, hex("0102030405060708 a1b2c3d4e5f60718")),
            attribute(70, hex("01")), attribute(71, hex("01 08 5e000000 0000ffff 5f000001")),
            attribute(71, hex("00 00 00000000 00000000 00000000")), attribute(71, hex("01 08")),
            attribute(84, hex("0102030405060708 ff")), attribute(84, hex("0102")), attribute(73, ascii("sec")),
            attribute(74, hex("00ff")), number(101, 201), attribute(101, hex("0102")), attribute(2, hex("7a9b")),
            attribute(3, hex("01 00112233445566778899aabbccddeeff")), attribute(60, hex("0011223344556677")),
            attribute(59, hex("0001020304050607")), attribute(102, ascii("key")), attribute(94, ascii("00")),
            attribute(17, ascii("x")), attribute(21, ascii("y")), attribute(54, ascii("z")),
            attribute(93, ascii("w")))));
        byte[] status = message(12, 0x10);
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(1813, 514, status, IP_A, IP_B)))));    // RADIUS before syslog
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(4789, 3799, status, IP_A, IP_B)))));   // and before VXLAN
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(51000, 1812, message(ACCESS_REQUEST, 0x0f, text(1, "v6")),
            IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** Lengths and values that break the rules. */
    static List<Frame> malformed() {
        List<Frame> f = new ArrayList<>();
        f.add(toServer(1812, new byte[0]));
        f.add(toServer(1812, hex("01 01 0014 0011223344556677")));                             // shorter than a header
        f.add(toServer(1812, concat(hex("01 01 0013"), AUTHENTICATOR)));                       // length below 20
        f.add(toServer(1812, concat(hex("01 01 0000"), AUTHENTICATOR, text(1, "x"))));
        f.add(toServer(1812, concat(hex("01 01 0100"), AUTHENTICATOR, text(1, "past the end"))));   // clamped
        f.add(toServer(1812, concat(hex("01 01 0018"), AUTHENTICATOR, text(1, "shorter"))));        // ends inside
        f.add(toServer(1812, concat(hex("01 01 0015"), AUTHENTICATOR, hex("01"))));            // one byte left
        f.add(toServer(1812, message(1, 2, hex("0100"))));                                     // length 0
        f.add(toServer(1812, message(1, 2, hex("0101"))));                                     // length 1
        f.add(toServer(1812, message(1, 2, hex("0105 41"))));                                  // past the end
        f.add(toServer(1812, message(1, 2, attribute(0, ascii("zero")), attribute(200, ascii("unknown")),
            attribute(130, hex("01")), attribute(255, new byte[0]), attribute(1, new byte[0]), attribute(26, hex("00")),
            attribute(26, hex("000009")), attribute(26, hex("00000009 01")), attribute(26, hex("00000009 0101")),
            attribute(26, hex("00000009 0109 41")), attribute(26, hex("00000009 0102 0103 41 ff")),
            attribute(5, hex("01")), attribute(5, hex("0102030405")), attribute(4, hex("0a00")),
            attribute(55, hex("01")), attribute(124, hex("01")), attribute(6, hex("0001")),
            attribute(101, hex("0001")))));
        return f;
    }

    /** Event-Timestamp prints in the printer's zone (tcpdump's ctime: the process's); the oracle runs both in UTC. */
    static List<Frame> eventTimestamps() {
        return List.of(toServer(1813, message(ACCOUNTING_REQUEST, 0x11, number(40, 1), number(55, 1_700_000_000L),
            number(55, 0), number(55, 0xffffffffL), number(55, 951_782_400L), number(55, 4_107_542_400L))));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>(messages());
        f.addAll(eventTimestamps());
        f.addAll(malformed());
        return f;
    }

    /** Event-Timestamps in zones with and without summer time, tcpdump's TZ and the printer's zone the same. */
    @Test
    void eventTimestampsInOtherZonesAsTcpdump() throws Exception {
        for (String zone : new String[] {"Asia/Kolkata", "Europe/Berlin", "America/New_York"}) {
            TcpdumpOracle.assertPrintsAsTcpdump(dir, eventTimestamps(), ZoneId.of(zone), Verbosity.VERBOSE,
                EnumSet.noneOf(PacketPrinter.Option.class), RawDump.NONE, "-v");
        }
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the UDP header of an IPv4 packet for every frame, as before; mutated after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    int mutantStart(byte[] frame) {
        return (frame[12] & 0xff) == 0x86 ? 14 + 40 + 8 : 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        // Every frame with a few bytes of its message changed at random (a fixed seed), half of them also cut short:
        // lengths, types and values no hand-built frame has, against tcpdump too.
        return Checks.of(new Mutants("RADIUS", 1812, 20, 4, 0, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v -x", "-vv")
            .mutated("-v -x", "-vv", "")
            // Every attribute kind at -vv.
            .allocation("-vv")
            .repeats(2_000);
    }
}
