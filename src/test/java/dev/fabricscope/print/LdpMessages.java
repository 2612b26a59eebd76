package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * LDP PDUs, messages and TLVs built from RFC 5036 (3.1 PDU header, 3.4 message header, 3.3 TLV encoding, 3.4.1 FEC,
 * 3.4.2 labels, 3.4.6 status, 3.5 the messages), RFC 3988 (MTU), RFC 3478 (fault tolerance) and RFC 4447 (PWid FEC
 * and interface parameters), well formed and broken, over UDP (Hellos) and TCP (sessions).
 */
final class LdpMessages {
    private LdpMessages() { }

    static final byte[] LSR_A = {10, 0, 0, 1}, LSR_B = {10, 0, 0, 2};

    static byte[] tlv(int type, String value) {
        return tlv(type, hex(value));
    }

    static byte[] tlv(int type, byte[] value) {
        return concat(u16(type), u16(value.length), value);
    }

    static byte[] message(int type, long id, byte[]... tlvs) {
        byte[] body = concat(tlvs);
        return concat(u16(type), u16(4 + body.length), u32(id), body);
    }

    static byte[] pdu(byte[] lsr, int labelSpace, byte[]... messages) {
        byte[] body = concat(messages);
        return concat(u16(1), u16(6 + body.length), lsr, u16(labelSpace), body);
    }

    static Frame udp(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, TestFrames.udp(646, 646, payload, IP_A, IP_B))));
    }

    static Frame tcp(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, TestFrames.tcp(646, 50123, 1000, 2000, 0x018, 16384, 0, new byte[0],
            payload, IP_A, IP_B))));
    }

    static Frame tcp6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(6, TestFrames.tcp(50123, 646, 1000, 2000, 0x018, 16384, 0, new byte[0],
            payload, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    // RFC 5036 3.5.2 Hello: Common Hello Parameters (hold time, T and R flags), then optional transport address
    // and configuration sequence number
    static byte[] linkHello() {
        return pdu(LSR_A, 0, message(0x0100, 1, tlv(0x0400, "000f 0000"), tlv(0x0401, "0a000001")));
    }

    static byte[] targetedHello() {
        return pdu(LSR_A, 0, message(0x0100, 0x12345678L, tlv(0x0400, "005a c000"), tlv(0x0401, "c0000201"),
            tlv(0x0402, "00000007"), tlv(0x0403, "fd000000000000000000000000000001")));
    }

    /** Initialization with Common Session Parameters (RFC 5036 3.5.3), fault tolerance (RFC 3479) and others. */
    static byte[] initialization() {
        return pdu(LSR_A, 0, message(0x0200, 2,
            tlv(0x0500, "0001 00b4 00 00 1000 0a000002 0000"),
            tlv(0x0503, "800f 0000 00001388 00002710"),
            tlv(0x0501, "0001 0002 0003 0004"),
            tlv(0x3e01, "00000009 0102 03")));
    }

    static byte[] keepalive(long id) {
        return pdu(LSR_B, 0, message(0x0201, id));
    }

    static List<byte[]> sessionPdus() {
        List<byte[]> p = new ArrayList<>();
        p.add(initialization());
        p.add(pdu(LSR_B, 0, message(0x0200, 3, tlv(0x0500, "0001 001e c000 0000 01020304 0001"),
            tlv(0x4503, "0000 0000 00000000 00000000"), tlv(0xc503, "000a 0000 00000000 00000001"))));
        p.add(keepalive(4));
        p.add(pdu(LSR_A, 0, message(0x0300, 5, tlv(0x0101, "0001 0a000001 c0a80001 ac100001"))));
        p.add(pdu(LSR_A, 0, message(0x0300, 6, tlv(0x0101, "0002 fd000000000000000000000000000001 fe80"))));
        p.add(pdu(LSR_A, 0, message(0x0301, 7, tlv(0x0101, "0001 0a000001 0a0000"))));
        p.add(pdu(LSR_A, 0, message(0x0301, 8, tlv(0x0101, "0063 01020304"))));
        p.add(pdu(LSR_A, 0, message(0x0301, 8, tlv(0x0101, "00c4 01020304"))));
        // Label Mapping: FEC (RFC 5036 3.4.1: prefix, host address, wildcard) and Generic Label (3.4.2.1)
        p.add(pdu(LSR_A, 0, message(0x0400, 9, tlv(0x0100, "02 0001 18 0a0001"), tlv(0x0200, "00000003"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 10, tlv(0x0100, "02 0001 1d 0a0001ff 02 0001 20 0a000001"),
            tlv(0x0200, "fff12345"), tlv(0x0103, "05"), tlv(0x0104, "0a000001 0a000002"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 11, tlv(0x0100, "02 0002 40 20010db800000001"), tlv(0x0200, "00000010"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 12, tlv(0x0100, "02 0001 00"), tlv(0x0200, "00000000"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 13, tlv(0x0100, "02 0001 21 0a000001 00"))));   // prefix too long
        p.add(pdu(LSR_A, 0, message(0x0400, 14, tlv(0x0100, "02 0002 81"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 15, tlv(0x0100, "02 0003 08 0a"))));           // other family
        p.add(pdu(LSR_A, 0, message(0x0400, 16, tlv(0x0100, "03 0001 04 0a000001"))));     // host address
        p.add(pdu(LSR_A, 0, message(0x0402, 17, tlv(0x0100, "01"))));                      // withdraw, wildcard
        p.add(pdu(LSR_A, 0, message(0x0402, 18, tlv(0x0100, "42 0102"), tlv(0x0200, "00000011"))));   // unknown FEC
        // RFC 4447 PWid FEC: C bit and PW type, info length, group ID, PW ID, interface parameters
        p.add(pdu(LSR_A, 0, message(0x0400, 19, tlv(0x0100,
            "80 8005 1a 00000001 00000064 0104 05dc 030a 6c696e6b2d31 2001 0c04 0602 0904 0102"),
            tlv(0x0200, "00000310"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 20, tlv(0x0100, "80 0004 00 00000007"))));     // no PW ID
        p.add(pdu(LSR_A, 0, message(0x0400, 21, tlv(0x0100, "80 0041 02 00000007 00000008"))));   // length < 4
        p.add(pdu(LSR_A, 0, message(0x0400, 22, tlv(0x0100, "80 0040 0c 00000007 00000008 0104"))));   // past TLV
        p.add(pdu(LSR_A, 0, message(0x0400, 23, tlv(0x0100, "80 7fff 0a 00000007 00000008 0101 0306"))));
        p.add(pdu(LSR_A, 0, message(0x0400, 24, tlv(0x0100, "80 0005 08 0000"))));          // shorter than 7
        p.add(pdu(LSR_A, 0, message(0x0400, 25, tlv(0x0100, "80 0005 08 00000001 0000"))));   // shorter than 11
        p.add(pdu(LSR_A, 0, message(0x0400, 26, tlv(0x0100, ""), tlv(0x0100, "02 00"), tlv(0x0200, "0001"),
            tlv(0x0601, "05dc"), tlv(0x0601, "05"))));
        // the messages tcpdump dumps: Label Request, Release, Abort Request, vendor-private and unknown
        p.add(pdu(LSR_A, 0, message(0x0401, 27, tlv(0x0100, "02 0001 18 0a0001"))));
        p.add(pdu(LSR_A, 0, message(0x0403, 28, tlv(0x0100, "02 0001 18 0a0001"), tlv(0x0200, "00000003"))));
        p.add(pdu(LSR_A, 0, message(0x0404, 29, tlv(0x0100, "01"), tlv(0x0600, "0000001b"))));
        p.add(pdu(LSR_A, 0, message(0xbe00, 30, hex("00000009 0102 0304"))));
        p.add(pdu(LSR_A, 0, message(0x0777, 31)));
        // Notification with Status (RFC 5036 3.4.6): status code, message ID and type
        p.add(pdu(LSR_B, 0, message(0x0001, 32, tlv(0x0300, "80000001 00000020 0100"))));
        p.add(pdu(LSR_B, 0, message(0x8001, 33, tlv(0x0300, "00000019 00000000 0000"), tlv(0x0301, "00000001"),
            tlv(0x0302, "0001 0006 0a000001 0000"))));
        p.add(pdu(LSR_B, 0, message(0x0001, 34, tlv(0x0300, "40000010 0000"))));          // too short
        // broken lengths: a TLV past its message, a message shorter than its header, a PDU past the payload
        p.add(pdu(LSR_A, 0, concat(u16(0x0100), u16(12), u32(35), tlv(0x0400, "000f 0000 0000"))));
        p.add(pdu(LSR_A, 0, concat(u16(0x0201), u16(2), u32(36))));
        p.add(pdu(LSR_A, 0, concat(u16(0x0201), u16(0), u32(37))));
        p.add(concat(u16(1), u16(40), LSR_A, u16(0), message(0x0201, 38)));
        p.add(concat(u16(1), u16(4), LSR_A, u16(0), message(0x0201, 39)));
        p.add(concat(u16(1), u16(6), LSR_A, u16(0), message(0x0201, 40)));
        p.add(concat(u16(2), u16(14), LSR_A, u16(0), message(0x0201, 41)));
        // a message longer than its PDU: tcpdump's 16-bit count of what is left wraps and it reads on
        p.add(concat(u16(1), u16(14), LSR_A, u16(0), u16(0x0201), u16(8), u32(42), hex("0000 0000"),
            message(0x0201, 43)));
        p.add(pdu(LSR_A, 1, message(0x0201, 44), message(0x0201, 45)));
        return p;
    }

    static List<Frame> udpFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp(linkHello()));
        f.add(udp(targetedHello()));
        f.add(udp(pdu(LSR_A, 0, message(0x0100, 1, tlv(0x0400, "000f"), tlv(0x0401, "0a00"), tlv(0x0402, ""),
            tlv(0x0403, "fd00"), tlv(0x0500, "0001"), tlv(0x0503, "00"), tlv(0x0300, "00"), tlv(0x0200, "00")))));
        f.add(udp(concat(linkHello(), linkHello())));
        f.add(udp(hex("0001 0006 0a000001 0000 0000 0000 0000")));   // 18 bytes: too short to decode
        f.add(udp(hex("0001 0006 0a000001 0000 0000 0000 0000 00")));
        f.add(udp(new byte[0]));
        for (byte[] p : sessionPdus()) f.add(udp(p));
        return f;
    }

    static List<Frame> tcpFrames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] p : sessionPdus()) f.add(tcp(p));
        f.add(tcp(concat(keepalive(50), keepalive(51))));
        f.add(tcp(concat(initialization(), keepalive(52), sessionPdus().get(8))));
        f.add(tcp6(concat(keepalive(53), sessionPdus().get(3))));
        f.add(tcp(concat(keepalive(54), hex("0001 0040"))));   // the next PDU goes on in a later segment
        return f;
    }
}
