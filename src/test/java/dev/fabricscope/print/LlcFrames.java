package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built IEEE 802.3 frames: a length field instead of an ethertype, an IEEE 802.2 LLC header (and SNAP), then
 * what switches send that way: STP/RSTP/MSTP/SPB BPDUs (IEEE 802.1Q clause 14), Cisco CDP, DTP, UDLD, VTP and PVST+,
 * and LLC frames of other SAPs. Padded to the 60-byte minimum as a NIC would.
 */
final class LlcFrames {
    private LlcFrames() { }

    static final byte[] BRIDGES = hex("0180c2000000"), CISCO_MULTICAST = hex("01000ccccccc"),
        PVST_MULTICAST = hex("01000ccccccd"), PORT_MAC = hex("0c42a1d3e4f5");
    static final String STP_LLC = "424203", SNAP_CISCO = "aaaa03 00000c";

    /** An 802.3 frame whose length field is the LLC payload's length. */
    static Frame llc(byte[] dst, byte[] llcPdu) {
        return llc(dst, llcPdu.length, llcPdu);
    }

    /** An 802.3 frame whose length field says {@code length}, whatever the LLC PDU's size. */
    static Frame llc(byte[] dst, int length, byte[] llcPdu) {
        byte[] frame = concat(dst, PORT_MAC, u16(length), llcPdu);
        if (frame.length < 60) frame = concat(frame, zeros(60 - frame.length));
        return new Frame(frame);
    }

    static Frame llc(byte[] dst, String llcPduHex) {
        return llc(dst, hex(llcPduHex));
    }

    /** A bridge ID: priority with the system ID extension, then a MAC address. */
    static String bridgeId(int priority, String mac) {
        return String.format("%04x%s", priority, mac);
    }

    /** The fields STP, RSTP and MSTP BPDUs share, from the flags to the forward delay (times in 1/256 s). */
    static String configFields(int flags, String root, long cost, String bridge, int port, int age, int maxAge,
                               int hello, int delay) {
        return String.format("%02x %s %08x %s %04x %04x %04x %04x %04x", flags, root, cost, bridge, port, age, maxAge,
            hello, delay);
    }

    static byte[] stpConfig(int flags, int age) {
        return hex("0000 00 00 " + configFields(flags, bridgeId(0x8000, "001122334455"), 4,
            bridgeId(0x8001, "0c42a1d3e4f5"), 0x8002, age, 20 * 256, 2 * 256, 15 * 256));
    }

    static byte[] rstp(int flags) {
        return hex("0000 02 02 " + configFields(flags, bridgeId(0x1064, "001122334455"), 20000,
            bridgeId(0x8064, "0c42a1d3e4f5"), 0x8011, 256, 20 * 256, 2 * 256, 15 * 256) + " 00");
    }

    /** An MSTP (version 3) or SPB (version 4) BPDU with {@code mstis} MSTI records and, for SPB, its fields. */
    static byte[] mstp(int version, int flags, int mstis, String name) {
        byte[] nameBytes = java.util.Arrays.copyOf(ascii(name), 32);
        List<byte[]> parts = new ArrayList<>();
        parts.add(hex("0000 " + String.format("%02x", version) + " 02 " + configFields(flags,
            bridgeId(0x1000, "001122334455"), 2000, bridgeId(0x2000, "0c42a1d3e4f5"), 0x8005, 3 * 256 + 128,
            20 * 256, 2 * 256, 15 * 256 + 5) + " 00"));
        parts.add(u16(64 + 16 * mstis));
        parts.add(hex("00"));
        parts.add(nameBytes);
        parts.add(hex("0007 00112233445566778899aabbccddeeff 00004e20"));
        parts.add(hex(bridgeId(0x3000, "66778899aabb") + " 14"));
        for (int i = 1; i <= mstis; i++) {
            parts.add(hex(String.format("%02x %04x66778899aabb %08x %02x %02x %02x", 0x7c >> (i % 3), 0x8000 | i,
                i * 1000, 0x80 + i * 16, 0x80, 20 - i)));
        }
        if (version == 4) {
            parts.add(u16(85));
            parts.add(hex("00"));
            parts.add(java.util.Arrays.copyOf(ascii("aux-" + name), 32));
            parts.add(hex("0003 0102030405060708090a0b0c0d0e0f10 e8 00 21 43 0005 00000000 00000000"
                + " 1112131415161718191a1b1c1d1e1f2021222324"));
        }
        return concat(parts.toArray(byte[][]::new));
    }

    /** A CDP TLV: type, length (header included), value. */
    static byte[] cdpTlv(int type, byte[] value) {
        return concat(u16(type), u16(value.length + 4), value);
    }

    static byte[] cdpTlv(int type, String hexValue) {
        return cdpTlv(type, hex(hexValue));
    }

    static Frame cdp(byte[]... tlvs) {
        return llc(CISCO_MULTICAST, concat(hex(SNAP_CISCO + " 2000 02 b4 c0de"), concat(tlvs)));
    }

    /** The CDP a Catalyst access switch sends. */
    static Frame typicalCdp() {
        return cdp(
            cdpTlv(0x01, ascii("access-sw1.example.net")),
            cdpTlv(0x02, "00000002 01 01 cc 0004 0a000101 02 08 aaaa0300000086dd 0010 20010db8000000000000000000000001"),
            cdpTlv(0x03, ascii("GigabitEthernet1/0/24")),
            cdpTlv(0x04, "00000028"),
            cdpTlv(0x05, ascii("Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4\n"
                + "Technical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2021 by Cisco Systems")),
            cdpTlv(0x06, ascii("cisco WS-C2960X-48FPD-L")),
            cdpTlv(0x08, "00000c011200000000ffffffff010221ff000000000000"),
            cdpTlv(0x09, ascii("campus")),
            cdpTlv(0x0a, "0064"),
            cdpTlv(0x0b, "01"),
            cdpTlv(0x0e, "01 00c8"),
            cdpTlv(0x0f, "2000"),
            cdpTlv(0x10, "3a98"),
            cdpTlv(0x11, "000005dc"),
            cdpTlv(0x12, "00"),
            cdpTlv(0x13, "00"),
            cdpTlv(0x14, ascii("sw1")),
            cdpTlv(0x16, "00000001 01 01 cc 0004 c0a80001"),
            cdpTlv(0x17, concat(hex("01"), ascii("rack 7"))));
    }
}
