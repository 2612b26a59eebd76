package dev.fabricscope.print;

import static dev.fabricscope.print.JuniperLinkTest.magic;
import static dev.fabricscope.print.JuniperLinkTest.tlv;
import static dev.fabricscope.print.JuniperLinkTest.withExtensions;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ATM against tcpdump 4.99 itself: ATM_RFC1483's LLC/SNAP PDUs, SUNATM's pseudo-header and what its VC carries
 * (signalling, OAM F4 cells, ILMI, LANE, LLC), JUNIPER_ATM1's and JUNIPER_ATM2's cookie and payload (OAM cells, LLC,
 * Ethernet, OSI, PPP, IP); whole, cut after every byte, mutated.
 */
class AtmLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int IN = 0x01, NO_L2 = 0x02;
    private static final byte[] ISIS_HELLO = hex("83 1b 01 00 11 01 00 00 02 0000000000a1 001e 001b 40 0000000000a2 01");

    private static byte[] udpPacket() {
        return ipv4(17, udp(1000, 2000, ascii("atm"), IP_A, IP_B));
    }

    private static byte[] ipv6Packet() {
        return ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
    }

    /** An SNMPv1 get-request for sysDescr.0, community "public" (what ILMI carries). */
    private static final byte[] SNMP_GET = hex("3026 020100 0406 7075626c6963 a019 020101 020100 020100"
        + " 300e 300c 0608 2b06010201010100 0500");

    /** A UNI 3.1 Q.2931 message: protocol 9, call reference length 3 and value, message type, flags, length. */
    private static byte[] q2931(int callRef, int type) {
        return concat(hex("09 03"), new byte[] {(byte) (callRef >> 16), (byte) (callRef >> 8), (byte) callRef,
            (byte) type}, hex("80 0005 5e 80 0001 10"));
    }

    /** An ATM cell header (without HEC): GFC 0, VPI, VCI, payload type, CLP. */
    private static byte[] cellHeader(int vpi, int vci, int payloadType, int clp) {
        return u32((long) vpi << 20 | (long) vci << 4 | payloadType << 1 | clp);
    }

    /** The CRC-10 remainder over an OAM payload, as ITU-T I.610 computes it (bitwise, polynomial 0x633). */
    private static int crc10(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                int in = b[i] >> bit & 1;
                int top = crc >> 9 & 1;
                crc = crc << 1 & 0x3ff | in;
                if (top == 1) crc ^= 0x233;
            }
        }
        return crc;
    }

    /**
     * An OAM cell's 48-byte payload: cell and function type, 45 function-specific bytes, and a CRC-10 the receiver
     * finds correct (or, with {@code badCrc}, one off).
     */
    private static byte[] oamPayload(int types, byte[] specific, boolean badCrc) {
        byte[] payload = concat(new byte[] {(byte) types}, specific, new byte[45 - specific.length], new byte[2]);
        for (int crc = 0; crc < 1024; crc++) {
            payload[46] = (byte) (crc >> 8);
            payload[47] = (byte) crc;
            if (crc10(payload, 0, 48) == 0) break;
        }
        if (badCrc) payload[47] ^= 1;
        return payload;
    }

    private static final byte[] LOOPBACK = concat(hex("01 0badcafe"), hex("0102030405060708090a0b0c"),
        hex("f1f2f3f4f5f6f7f8f9fafbfc"));
    private static final byte[] AIS = concat(hex("6a"), hex("00112233445566778899aabbccddeeff"));

    /** OAM cells' payloads of every kind tcpdump names. */
    private static List<byte[]> oamPayloads() {
        return List.of(oamPayload(0x18, LOOPBACK, false), oamPayload(0x18, hex("00 00000001"), true),
            oamPayload(0x10, AIS, false), oamPayload(0x11, AIS, true), oamPayload(0x14, hex(""), false),
            oamPayload(0x1f, hex("01"), false), oamPayload(0x20, hex("01"), false), oamPayload(0x22, hex("01"), false),
            oamPayload(0x29, hex(""), false), oamPayload(0x81, hex(""), false), oamPayload(0xf3, hex(""), true),
            oamPayload(0x35, hex(""), false));
    }

    static List<Frame> rfc1483Frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(hex("aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(hex("aaaa03 000000 86dd"), ipv6Packet())));
        f.add(new Frame(concat(hex("aaaa03 0080c2 0007 0000"), ethernet(0x0800, udpPacket()))));
        f.add(new Frame(concat(hex("aaaa03 00000c 9999 0102030405"))));
        f.add(new Frame(concat(hex("aaaa03 000000 1234 0102"))));
        f.add(new Frame(concat(hex("aaaa03 000000 0800"), ipv4(77, hex("0102030405")))));   // Sun ND: "nd" and length
        f.add(new Frame(concat(hex("fefe03"), ISIS_HELLO)));
        f.add(new Frame(concat(hex("060603"), udpPacket())));
        f.add(new Frame(concat(hex("03"), ISIS_HELLO)));
        f.add(new Frame(concat(hex("03 cc"), udpPacket())));
        // tcpdump's Fore 802.6 header: 20 bytes before the LLC header
        f.add(new Frame(concat(hex("0102030405060708090a0b0c0d0e0f1011121314 aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(hex("aaaa13 0405060708090a0b0c0d0e0f1011121314 fefe03"), ISIS_HELLO)));
        f.add(new Frame(hex("4242 03 0000 0000 000000000000 0000 000000000000 0000 0000 0000 0000")));
        f.add(new Frame(hex("aaaa")));
        f.add(new Frame(hex("03")));
        return f;
    }

    /** The SunATM pseudo-header: direction (0x80 transmit) and traffic type (1 LANE, 2 LLC), VPI, VCI. */
    private static byte[] sun(int dirType, int vpi, int vci) {
        return concat(new byte[] {(byte) dirType, (byte) vpi}, u16(vci));
    }

    static List<Frame> sunatmFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(sun(0x82, 1, 100), hex("aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(sun(0x02, 0, 32), hex("aaaa03 000000 86dd"), ipv6Packet())));
        f.add(new Frame(concat(sun(0x00, 2, 200), hex("fefe03"), ISIS_HELLO)));
        f.add(new Frame(concat(sun(0x80, 0, 5), q2931(0x000001, 0x05))));
        f.add(new Frame(concat(sun(0x00, 0, 5), q2931(0x800102, 0x5a))));
        f.add(new Frame(concat(sun(0x00, 0, 5), q2931(0x000003, 0x33))));
        f.add(new Frame(concat(sun(0x00, 0, 5), hex("0a 03 000001 05"))));
        f.add(new Frame(concat(sun(0x00, 0, 2), hex("0102"))));
        f.add(new Frame(concat(sun(0x00, 0, 1), hex("0102"))));
        f.add(new Frame(concat(sun(0x02, 0, 16), SNMP_GET)));
        for (byte[] payload : oamPayloads()) {
            f.add(new Frame(concat(sun(0x00, 0, 3), hex("55"), cellHeader(0, 3, 0, 0), payload)));   // tcpdump skips a byte first
        }
        f.add(new Frame(concat(sun(0x00, 0, 4), hex("00"), cellHeader(7, 4, 5, 1), oamPayload(0x18, LOOPBACK, false))));
        f.add(new Frame(concat(sun(0x00, 0, 4), hex("00"), cellHeader(0, 40, 4, 0), oamPayload(0x10, AIS, false))));
        // LANE: LE control frames, then a data frame's LEC ID and Ethernet frame
        f.add(new Frame(concat(sun(0x81, 1, 40), hex("ff00 01 01 0001"), zeros(8))));
        f.add(new Frame(concat(sun(0x01, 1, 40), hex("ff00 02 03 0106"), zeros(8))));
        f.add(new Frame(concat(sun(0x01, 1, 40), hex("ff00 01 01 0042"))));
        f.add(new Frame(concat(sun(0x01, 1, 41), hex("0005"), ethernet(0x0800, udpPacket()))));
        f.add(new Frame(concat(sun(0x01, 1, 41), hex("01ab"), ethernet(0x1234, hex("0102")))));
        f.add(new Frame(concat(sun(0x01, 1, 41), hex("0005 0102030405"))));
        f.add(new Frame(concat(sun(0x03, 1, 42), hex("aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(sun(0x02, 1, 42), hex("4242 03 0000"))));
        f.add(new Frame(sun(0x02, 1, 42)));
        return f;
    }

    private static byte[] oamCellNoHec(int vpi, int vci, byte[] payload) {
        return concat(cellHeader(vpi, vci, 4, 0), payload);
    }

    static List<Frame> atm1Frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(magic(IN), hex("80 000102"), oamCellNoHec(1, 100, oamPayload(0x18, LOOPBACK, false)))));
        f.add(new Frame(concat(magic(0), hex("80 000102"), oamCellNoHec(1, 100, oamPayload(0x10, AIS, true)))));
        f.add(new Frame(concat(magic(IN), hex("00 000102"), hex("aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(magic(0), hex("00 000102"), hex("aaaa03 0080c2 0007 0000"), ethernet(0x0800,
            udpPacket()))));
        f.add(new Frame(concat(magic(0), hex("00 000102"), hex("fefe03"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(0), hex("00 000102"), hex("aaaa03 00000c 9999 0102"))));
        f.add(new Frame(concat(magic(0), hex("00 000102"), hex("03"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(0), hex("00 000102"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("00 000102"), ipv6Packet())));
        f.add(new Frame(concat(magic(IN), hex("00 000102"), hex("99 0102"))));
        f.add(new Frame(concat(magic(IN), hex("54 01 000102 00"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("47 00000000000000"), udpPacket())));
        f.add(new Frame(concat(withExtensions(IN, tlv(1, hex("05")), tlv(3, hex("08")), tlv(6, hex("02"))),
            hex("00 000102"), hex("aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(magic(IN | NO_L2), zeros(4), udpPacket())));
        return f;
    }

    static List<Frame> atm2Frames() {
        List<Frame> f = new ArrayList<>();
        byte[] oamCookie = hex("00000102 00000010");
        f.add(new Frame(concat(magic(IN), oamCookie, hex("00000000"), oamCellNoHec(2, 200, oamPayload(0x18, LOOPBACK,
            false)))));
        f.add(new Frame(concat(magic(0), oamCookie, hex("08380000"), oamCellNoHec(2, 200, oamPayload(0x11, AIS,
            false)))));
        f.add(new Frame(concat(magic(0), oamCookie, hex("08000000"), oamCellNoHec(2, 200, oamPayload(0x20, hex(""),
            false)))));
        f.add(new Frame(concat(magic(0), hex("00000102 00000070"), oamCellNoHec(2, 200, oamPayload(0x14, hex(""),
            false)))));
        f.add(new Frame(concat(magic(IN), hex("00000100 00000000"), hex("aaaa03 000000 0800"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("00000100 00000000"), hex("fefe03"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(0), hex("00000105 00000000"), ethernet(0x0800, udpPacket()))));
        f.add(new Frame(concat(magic(0), hex("00000105 00000000"), hex("0102030405"))));
        f.add(new Frame(concat(magic(IN), hex("00000105 00000000"), hex("03"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(IN), hex("00000100 00000000"), hex("0021"), udpPacket())));
        f.add(new Frame(concat(magic(0), hex("00000100 00000000"), hex("c021 01 01 0008 01 04 05dc"))));
        f.add(new Frame(concat(magic(0), hex("00000100 00000000"), hex("0057"), ipv6Packet())));
        f.add(new Frame(concat(magic(0), hex("00000100 00000000"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("00000105 00000000"), ipv6Packet())));
        f.add(new Frame(concat(magic(IN), hex("00000100 00000000"), hex("ff03 0021"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("54 0000000000000000 00"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("47 00000000000010"), hex("00000000"), oamCellNoHec(2, 3,
            oamPayload(0x18, LOOPBACK, false)))));
        f.add(new Frame(concat(withExtensions(0, tlv(1, hex("05")), tlv(3, hex("08"))), hex("00000100 00000000"),
            udpPacket())));
        f.add(new Frame(concat(magic(0), hex("00000100 00000000"), hex("0102"))));
        return f;
    }

    private static List<Frame> frames(int linkType) {
        return switch (linkType) {
            case LinkType.ATM_RFC1483, LinkType.ATM_RFC1483_100 -> rfc1483Frames();
            case LinkType.SUNATM -> sunatmFrames();
            case LinkType.JUNIPER_ATM1 -> atm1Frames();
            case LinkType.JUNIPER_ATM2 -> atm2Frames();
            default -> throw new IllegalArgumentException("link type " + linkType);
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.ATM_RFC1483, LinkType.ATM_RFC1483_100, LinkType.SUNATM, LinkType.JUNIPER_ATM1,
        LinkType.JUNIPER_ATM2})
    void wholeFramesAsTcpdump(int linkType) throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "whole", linkType, frames(linkType),
            "", "-e", "-v", "-vv", "-e -vv", "-q", "-x", "-e -x", "-e -XX", "-X");
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.ATM_RFC1483, LinkType.SUNATM, LinkType.JUNIPER_ATM1, LinkType.JUNIPER_ATM2})
    void cutFramesAsTcpdump(int linkType) throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cut", linkType,
            TcpdumpOracle.cutAfterEveryByte(frames(linkType), 1), "-x", "-e -x", "-v", "-q");
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.ATM_RFC1483, LinkType.SUNATM, LinkType.JUNIPER_ATM1, LinkType.JUNIPER_ATM2})
    void mutantsAsTcpdump(int linkType) throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(linkType), "ATM_" + linkType, 20_261_123L + linkType, 12,
            b -> 0, 3, 20, MutatedFrames.ALL);
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mutants", linkType, mutants, "-e -x", "-v");
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.ATM_RFC1483, LinkType.SUNATM, LinkType.JUNIPER_ATM1, LinkType.JUNIPER_ATM2})
    void noAllocationPerPacket(int linkType) {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(linkType), linkType, 500, "ATM " + linkType, "-v",
            "-e -vv", "-e -x", "");
    }

    @Test
    void namesAreLibpcaps() {
        var libpcap = dev.fabricscope.libpcap.Libpcap.load();
        for (int linkType : new int[] {LinkType.ATM_RFC1483, LinkType.SUNATM}) {   // 100 reads as 11
            org.junit.jupiter.api.Assertions.assertEquals(libpcap.datalinkName(linkType), LinkType.name(linkType));
            org.junit.jupiter.api.Assertions.assertEquals(libpcap.datalinkDescription(linkType),
                LinkType.description(linkType));
            org.junit.jupiter.api.Assertions.assertEquals(LinkType.name(linkType),
                LinkType.name(LinkType.parse(LinkType.name(linkType))));   // "ATM_RFC1483" parses as LINKTYPE 100
        }
    }
}
