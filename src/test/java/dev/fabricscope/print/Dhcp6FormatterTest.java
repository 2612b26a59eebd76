package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.Dhcp6Frames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DHCPv6 (UDP 546/547) against tcpdump 4.99 itself: a relayed exchange with DUIDs, IA_NA and IA_PD with addresses,
 * prefixes and status codes, DNS servers and search lists; every other message type and option tcpdump decodes, each
 * of its length complaints, in every verbosity, whole and cut after every byte.
 */
class Dhcp6FormatterTest extends TcpdumpConformance {
    private static final byte[] CLIENT_DUID = option(1, "0001 0001 2d5e1f00 02005e1000aa");
    private static final byte[] SERVER_DUID = option(2, "0003 0001 02005e2000bb");

    static List<Frame> exchange() {
        byte[] iaNaAddress = option(3, hex("0000000a 00000e10 00001518"), option(5, hex("20010db8000100000000000000000042"
            + "00001c20 00002a30"), option(13, concat(hex("0000"), ascii("assigned")))));
        byte[] iaPdPrefix = option(25, hex("00000014 00000000 00000000"), option(26, hex("00001c20 00002a30 38"
            + "20010db8ff0000000000000000000000")));
        byte[] solicit = message(1, 0x123456, CLIENT_DUID, option(8, "0000"), option(6, "0017 0018 0038 0040 0011"),
            option(3, "0000000a 00000000 00000000"), option(14, ""), option(25, hex("00000014 00000000 00000000"),
                option(26, hex("00000000 00000000 38 00000000000000000000000000000000"))));
        byte[] advertise = message(2, 0x123456, SERVER_DUID, CLIENT_DUID, iaNaAddress, iaPdPrefix, option(7, "ff"),
            option(23, concat(hex("20010db8000000000000000000000053"), hex("20010db8000000000000000000005300"))),
            option(24, concat(name("example.net"), name("corp.example.net"))));
        List<Frame> f = new ArrayList<>();
        f.add(toServer(solicit));
        f.add(toServer(relay(12, 0, option(18, ascii("Ethernet1/5")), option(37, concat(hex("00000009"),
            ascii("leaf-3:Ethernet1/5"))), option(38, "0102"), option(9, solicit))));
        f.add(toClient(relay(13, 0, option(18, ascii("Ethernet1/5")), option(9, advertise))));
        f.add(toClient(advertise));
        f.add(toServer(message(3, 0x654321, CLIENT_DUID, SERVER_DUID, option(8, "0064"), iaNaAddress, iaPdPrefix)));
        f.add(toClient(message(7, 0x654321, SERVER_DUID, CLIENT_DUID, iaNaAddress, option(13, concat(hex("0002"),
            ascii("no addresses"))), option(12, "20010db8000000000000000000000001"))));
        for (int type = 4; type <= 15; type++) {
            if (type == 7 || type == 12 || type == 13) continue;
            f.add(toServer(message(type, type, CLIENT_DUID)));
        }
        f.add(toServer(message(0, 1)));
        f.add(toServer(message(200, 0xffffff)));
        f.add(toServer(relay(12, 1, option(9, relay(12, 0, option(9, message(11, 7, CLIENT_DUID)))))));
        return f;
    }

    /** Each option layout, its length complaints, and messages the capture or their own lengths cut. */
    static List<Frame> oddities() {
        List<Frame> f = new ArrayList<>();
        f.add(toClient(message(10, 1, option(19, "05"), option(19, "0b"), option(19, "07"), option(19, "0505"),
            option(20, ""), option(11, "02 01 00 0000000000000001"), option(11, concat(hex("02 01 00 0000000000000002"),
                ascii("realm"), hex("00000001 00112233445566778899aabbccddeeff"))),
            option(11, hex("02 01 00 0000000000000003 0102")), option(11, hex("03 01 00 0000000000000004 01"
                + "00112233445566778899aabbccddeeff")), option(11, hex("03 02 01 0000000000000005 02"
                + "00112233445566778899aabbccddeeff")), option(11, hex("03 01 00 0000000000000006 07"
                + "00112233445566778899aabbccddeeff")), option(11, hex("03 01 00 0000000000000006 07")),
            option(11, hex("09 01 00 0000000000000007")), option(11, "0203"))));
        f.add(toClient(message(7, 2, option(1, "00"), option(1, "0001 0001 2d5e1f"), option(1, "0002 00000009 0102"),
            option(2, "0002 00000009 01020304 0506"), option(2, "0003 00"), option(2, "0004 0123456789abcdef"),
            option(5, "20010db8"), option(6, "001700"), option(7, ""), option(8, "00"), option(13, "00"),
            option(13, "0100"), option(13, "000b"), option(3, "00000001"), option(4, "000000"),
            option(4, hex("00000003"), option(5, hex("20010db8000000000000000000000003 00000000 ffffffff"))),
            option(26, "00"), option(32, "00000e10"), option(32, "0e10"), option(46, "00000005"), option(37, "0000"),
            option(47, "20010db8"), option(23, "20010db8"), option(44, "01"), option(99, "0102"), option(21,
                concat(name("sip.example.net"))), option(22, "20010db8000000000000000000000005"),
            option(31, "20010db8000000000000000000000006"), option(18, "00112233445566778899aabbcc"),
            option(38, ""))));
        f.add(toClient(message(15, 3, option(44, concat(hex("01 20010db8000000000000000000000042"), CLIENT_DUID)),
            option(44, hex("02 00000000000000000000000000000000")), option(44, hex("07 00000000000000000000000000000000")),
            option(45, concat(CLIENT_DUID, option(46, "0000003c"))), option(45, ""),
            option(47, hex("20010db8000000000000000000000001 0102030405060708090a0b0c")),
            option(48, hex("20010db8000000000000000000000001")))));
        f.add(toClient(message(7, 4, option(56, concat(option(1, "20010db8000000000000000000000123"),
            option(2, "ff050000000000000000000000000101"), option(3, name("ntp.example.net")), option(1, "0102"),
            option(9, "00"))), option(56, "0001"), option(56, "00010010 0102"),
            option(64, concat(name("aftr.example.net"))), option(64, "00"), option(64, "05 6162 6364 00"),
            option(64, "0161 0000"), option(41, ascii("EST5EDT,M3.2.0/2:00,M11.1.0/2:00")), option(42, ascii("Europe")),
            option(112, ascii("https://mud.example.net/x")), option(112, "61626364"), option(41, "6162006364"))));
        f.add(toClient(message(7, 5, option(24, hex("04 636f7270 c0 02")), option(24, hex("03 6e6574")),
            option(24, hex("80")), option(21, hex("")))));
        byte[] cutRelay = relay(12, 0, option(9, relay(12, 0)));
        f.add(toServer(Arrays.copyOf(cutRelay, cutRelay.length - 20)));
        f.add(toServer(relay(12, 0, option(9, hex("0c00 0102")), option(18, "ab"))));
        f.add(toServer(concat(message(1, 6, CLIENT_DUID), hex("0008 0004 0000"))));
        f.add(toServer(concat(message(1, 6, CLIENT_DUID), hex("00"))));
        f.add(toServer(concat(message(1, 7, option(3, hex("00000001 00000002 00000003"), hex("0005 0020"))),
            CLIENT_DUID)));
        f.add(toServer(hex("0112")));
        f.add(toServer(new byte[0]));
        f.add(Dhcp6Frames.udp6(546, 546, message(1, 8, option(8, "0001"))));
        // tcpdump's port order: VAT only to its port, DHCPv6 before RADIUS, NTP before DHCPv6
        byte[] small = message(1, 8, option(8, "0001"));
        f.add(Dhcp6Frames.udp6(3456, 546, small));
        f.add(Dhcp6Frames.udp6(547, 1812, small));
        f.add(Dhcp6Frames.udp6(123, 546, small));
        f.add(new Frame(TestFrames.ethernet(0x0800, TestFrames.ipv4(17, TestFrames.udp(546, 547, message(1, 9,
            option(8, "0001")), TestFrames.IP_A, TestFrames.IP_B)))));
        return f;
    }

    /** A value whose prefixes make sub-options, names and addresses where each option's layout looks for them. */
    private static final byte[] VALUE = hex("00 01 00 02 00 00 00 03 00 00 00 04 00 0d 00 03 00 00 61 01 62 00 01 02"
        + " 03 04 05 06 07 08 09 0a");

    /**
     * Every option code tcpdump names (and a few past them), ten to a message, each with a value of 0, 1, 2, 4, 11,
     * 12, 17, 24, 25 and 32 bytes: each length check and what a layout makes of the bytes after its fixed fields.
     */
    static List<Frame> everyOption() {
        List<Frame> f = new ArrayList<>();
        int[] lengths = {0, 1, 2, 4, 11, 12, 17, 24, 25, 32};
        for (int first = 0; first < 120; first += 10) {
            List<byte[]> options = new ArrayList<>();
            for (int code = first; code < first + 10; code++) {
                if (code == 9) continue;   // relay messages have frames of their own
                for (int length : lengths) options.add(option(code, Arrays.copyOf(VALUE, length)));
            }
            f.add(toClient(message(7, first, options.toArray(byte[][]::new))));
        }
        f.add(toClient(message(7, 200, option(65535, "01"), option(143, ""), option(112, "00"))));
        return f;
    }

    /** Options nested in options (IA_TA, IA_ADDR, prefixes, lease queries, client data) and in relays, cut inside. */
    static List<Frame> nested() {
        List<Frame> f = new ArrayList<>();
        byte[] status = option(13, concat(hex("0006"), ascii("x")));
        byte[] address = option(5, hex("20010db8000000000000000000000007 00000001 00000002"), status, option(8, "0001"));
        f.add(toClient(message(7, 10, option(4, hex("00000009"), address, option(5, "20010db8")),
            option(3, hex("00000001 00000002 00000003"), address, option(3, hex("00000004 00000005 00000006"), address)),
            option(25, hex("00000014 00000000 00000000"), option(26, hex("00000001 00000002 30"
                + "20010db8000100000000000000000000"), status, option(11, "0203")), option(26, hex("00000001"))))));
        for (int code : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}) {
            f.add(toClient(message(7, 20 + code, option(13, concat(u16(code), ascii("s"))))));
        }
        f.add(toClient(message(15, 11, option(44, concat(hex("01 20010db8000000000000000000000001"), CLIENT_DUID,
            option(6, "0017 0018"))), option(45, concat(CLIENT_DUID, address, option(46, "00000e10"),
            option(45, concat(SERVER_DUID, option(5, "ff"))))), option(45, "0001"))));
        // the NTP server option's sub-options: each kind, wrong lengths, one past the option, a name past its own end
        f.add(toClient(message(7, 12, option(56, concat(option(1, "20010db8000000000000000000000001"), option(2, ""),
            option(3, hex("03 6e7470 00")), option(3, hex("05 6e7470")), option(4, "00"))),
            option(56, concat(option(1, "0102"), hex("0001 0010"))), option(56, "0003 0001 00 0000"))));
        // the AFTR name: labels to its end, a label past it, an empty name, a zero-length option end
        f.add(toClient(message(7, 13, option(64, "03 616263 02 6465"), option(64, "03 616263 02 6465 00 ff"),
            option(64, "00 61 62"), option(64, "01 2e 01 5c 00"), option(64, "02 6162"))));
        // relays nested three deep, the innermost cut by its option, and options after a relay message
        byte[] inner = message(1, 14, CLIENT_DUID, option(8, "0000"));
        byte[] relay1 = relay(12, 0, option(18, "01"), option(9, inner));
        byte[] relay2 = relay(12, 1, option(9, relay1), option(37, "00000009 0102"));
        f.add(toServer(relay(12, 2, option(9, relay2), option(18, "6574683000"))));
        f.add(toServer(relay(13, 2, option(9, Arrays.copyOf(relay2, relay2.length - 7)))));
        f.add(toServer(relay(12, 0, option(9, ""), option(9, "01"), option(9, "0c"), option(9, "0d 00 0102"))));
        f.add(toServer(relay(12, 0, option(9, hex("01 000001 0008 0004 0000")))));
        return f;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>(exchange());
        f.addAll(oddities());
        f.addAll(everyOption());
        f.addAll(nested());
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("DHCP6", 547, 12))
            .whole("", "-v", "-vv", "-q")
            .cut("-x", "-v");
    }

    /** Each message cut after every byte from its UDP payload on. */
    @Override
    int start(byte[] frame) {
        return 14 + 40 + 8;
    }

    /** The message after the UDP header, on IPv4 or IPv6. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
