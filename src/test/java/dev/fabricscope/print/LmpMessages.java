package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * LMP messages built from RFC 4204 (2.1 common header, 2.2 object format, 12 the messages, 13 the objects), RFC 4207
 * (Data Link subobjects' use in SONET/SDH) and OIF UNI 1.0 (Service Config), well formed and broken, over UDP 701 on
 * IPv4 and IPv6: control channel management (Config, Hello), link verification (Begin/End Verify, Test, Test Status),
 * link property correlation (Link Summary) and fault management (Channel Status).
 */
final class LmpMessages {
    private LmpMessages() { }

    static final byte[] NODE_A = {10, 1, 0, 1}, NODE_B = {10, 1, 0, 2};
    /** The N (negotiable) bit of an object's first byte. */
    static final int N = 0x80;

    static byte[] object(int ctype, int classNum, byte[]... body) {
        byte[] b = concat(body);
        return concat(new byte[] {(byte) ctype, (byte) classNum}, u16(4 + b.length), b);
    }

    static byte[] object(int ctype, int classNum, String body) {
        return object(ctype, classNum, hex(body));
    }

    /** Version 1, the flags and type given, the LMP length covering the objects. */
    static byte[] message(int flags, int type, byte[]... objects) {
        byte[] body = concat(objects);
        return concat(hex("1000"), new byte[] {(byte) flags, (byte) type}, u16(8 + body.length), hex("0000"), body);
    }

    static Frame udp(byte[] lmp) {
        return udp(LmpFormatter.PORT, LmpFormatter.PORT, lmp);
    }

    static Frame udp(int sport, int dport, byte[] lmp) {
        return new Frame(ethernet(0x0800, ipv4(17, TestFrames.udp(sport, dport, lmp, NODE_A, NODE_B), 0xc0, 1, 7,
            0, new byte[0], -1, NODE_A, NODE_B)));
    }

    static Frame udp6(byte[] lmp) {
        return new Frame(ethernet(0x86dd, ipv6(17, TestFrames.udp(49999, LmpFormatter.PORT, lmp, IP6_A, IP6_B),
            0x60000000L, IP6_A, IP6_B)));
    }

    // --- objects (RFC 4204 13)
    static byte[] localCcId(long id) {
        return object(1, 1, u32(id));
    }

    static byte[] remoteCcId(long id) {
        return object(2, 1, u32(id));
    }

    static byte[] localNodeId() {
        return object(1, 2, NODE_A);
    }

    static byte[] remoteNodeId() {
        return object(2, 2, NODE_B);
    }

    static byte[] messageId(long id) {
        return object(1, 5, u32(id));
    }

    static byte[] messageIdAck(long id) {
        return object(2, 5, u32(id));
    }

    /** HelloConfig: Hello interval and dead interval in ms; negotiable. */
    static byte[] helloConfig(int interval, int dead) {
        return object(N | 1, 6, u16(interval), u16(dead));
    }

    static byte[] verifyId(long id) {
        return object(1, 10, u32(id));
    }

    // --- control channel management (RFC 4204 12.3)
    static byte[] config() {
        return message(0, 1, localCcId(1), messageId(0x1001), localNodeId(), helloConfig(150, 500));
    }

    static byte[] configAck() {
        return message(0, 2, localCcId(2), localNodeId(), remoteCcId(1), messageIdAck(0x1001), remoteNodeId());
    }

    static byte[] configNack() {
        return message(0, 3, localCcId(2), localNodeId(), remoteCcId(1), messageIdAck(0x1001), remoteNodeId(),
            helloConfig(300, 1200));
    }

    static byte[] hello(long tx, long rx) {
        return message(0, 4, localCcId(1), object(1, 7, u32(tx), u32(rx)));
    }

    // --- link verification (RFC 4204 12.4)
    static byte[] beginVerify(int mechanism) {
        return message(0, 5, object(1, 3, NODE_A), messageId(0x2001), object(2, 3, NODE_B),
            object(1, 8, u16(0x0003), u16(100), u32(4), hex("08 00"), u16(mechanism),
                u32(Float.floatToIntBits(1.25e9f)), u32(1550)));
    }

    static byte[] beginVerifyAck() {
        return message(0, 6, object(1, 3, NODE_A), messageIdAck(0x2001), object(1, 9, u16(1000), u16(0x8000)),
            verifyId(77));
    }

    static byte[] beginVerifyNack(long errors) {
        return message(0, 7, object(1, 3, NODE_A), messageIdAck(0x2001), object(1, 20, u32(errors)));
    }

    static byte[] endVerify() {
        return message(0, 8, messageId(0x2002), verifyId(77));
    }

    static byte[] endVerifyAck() {
        return message(0, 9, messageIdAck(0x2002), verifyId(77));
    }

    static byte[] test() {
        return message(0, 10, object(5, 4, u32(0x00000107)), verifyId(77));
    }

    static byte[] testStatusSuccess() {
        return message(0, 11, object(1, 3, NODE_A), messageId(0x2003), object(1, 4, hex("0a010101")), verifyId(77));
    }

    static byte[] testStatusFailure() {
        return message(0, 12, messageId(0x2004), verifyId(77));
    }

    static byte[] testStatusAck() {
        return message(0, 13, messageIdAck(0x2004), verifyId(77));
    }

    // --- link property correlation (RFC 4204 12.5): TE Link and Data Links with subobjects
    static byte[] switchingType(int cap, int encoding, float min, float max) {
        return concat(new byte[] {1, 12, (byte) cap, (byte) encoding}, u32(Float.floatToIntBits(min)),
            u32(Float.floatToIntBits(max)));
    }

    static byte[] wavelength(long lambda) {
        return concat(new byte[] {2, 8, 0, 0}, u32(lambda));
    }

    static byte[] linkSummary() {
        return message(0, 14, messageId(0x3001),
            object(N | 1, 11, hex("03000000"), NODE_A, NODE_B),
            object(N | 1, 12, hex("03000000 0a010101 0a010102"), switchingType(150, 8, 1.25e9f, 2.5e9f),
                wavelength(1310)),
            object(3, 12, hex("04000000 00000011 00000021"), switchingType(100, 5, 19440000f, 155520000f)));
    }

    static byte[] linkSummaryIpv6() {
        return message(0, 14, messageId(0x3002),
            object(2, 11, hex("01000000"), IP6_A, IP6_B),
            object(2, 12, hex("00000000"), IP6_A, IP6_B, wavelength(1550)),
            object(3, 11, hex("00000000 00000001 00000002")),
            object(5, 4, u32(7)), object(3, 4, IP6_A), object(4, 3, IP6_B), object(6, 3, u32(9)));
    }

    static byte[] linkSummaryAck() {
        return message(0, 15, messageIdAck(0x3001));
    }

    static byte[] linkSummaryNack(long errors) {
        return message(0, 16, messageIdAck(0x3001), object(2, 20, u32(errors)));
    }

    // --- fault management (RFC 4204 12.6)
    static byte[] channelStatus() {
        return message(0, 17, object(1, 3, NODE_A), messageId(0x4001),
            object(1, 13, hex("0a010101 80000001 0a010102 40000002 0a010103 00000003 0a010104 c3fffff7")));
    }

    static byte[] channelStatusIpv6AndUnnumbered() {
        return message(0, 17, object(2, 3, NODE_A), messageId(0x4002),
            object(2, 13, IP6_A, hex("80000002"), IP6_B, hex("00000001 00000000")),
            object(3, 13, hex("00000005 80000003 00000006")));
    }

    static byte[] channelStatusAck() {
        return message(0, 18, messageIdAck(0x4001));
    }

    static byte[] channelStatusRequest() {
        return message(0, 19, object(1, 3, NODE_A), messageId(0x4003), object(1, 14, hex("0a010101 0a010102 0a010103")),
            object(2, 14, IP6_A, hex("00000000")), object(3, 14, hex("00000005 00000006")));
    }

    static byte[] channelStatusResponse() {
        return message(0, 20, object(1, 3, NODE_A), messageIdAck(0x4003),
            object(3, 13, hex("00000005 80000001")));
    }

    // --- OIF UNI 1.0 service discovery
    static byte[] serviceConfig() {
        return message(0, 50, messageId(0x5001), object(1, 51, "03010000"),
            object(2, 51, hex("05 08 07 01 0001 0010 0002 0040"), NODE_A),
            object(2, 51, hex("06 0b 00 00 0000 ffff 0000 0001"), NODE_B),
            object(2, 51, hex("07 05 02 00 0001 0001 0001 0001 0a000001")),
            object(3, 51, "00000003 00000001"), object(4, 51, "00000007"));
    }

    static byte[] serviceConfigAck() {
        return message(0, 51, messageIdAck(0x5001));
    }

    static byte[] serviceConfigNack() {
        return message(0, 52, messageIdAck(0x5001), object(5, 51, "00000000"), object(3, 51, "00000000"));
    }

    /** Well-formed messages of every type tcpdump names, on IPv4 (and one on IPv6). */
    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (byte[] m : List.of(config(), configAck(), configNack(), hello(5, 4), hello(0xffffffffL, 0),
                beginVerify(0x0001), beginVerify(0x8000), beginVerify(0x1f40), beginVerifyAck(),
                beginVerifyNack(0x0a), beginVerifyNack(0x1f), endVerify(), endVerifyAck(), test(),
                testStatusSuccess(), testStatusFailure(), testStatusAck(), linkSummary(), linkSummaryIpv6(),
                linkSummaryAck(), linkSummaryNack(0x3f), linkSummaryNack(0xc0), channelStatus(),
                channelStatusIpv6AndUnnumbered(), channelStatusAck(), channelStatusRequest(), channelStatusResponse(),
                serviceConfig(), serviceConfigAck(), serviceConfigNack())) {
            f.add(udp(m));
        }
        f.add(udp6(linkSummary()));
        f.add(udp(701, 40000, message(0x03, 4, localCcId(9), object(1, 7, "0000000a 00000009"))));
        f.add(udp(40000, 701, message(0x01, 21, localCcId(9))));   // no name for 21
        return f;
    }

    /** Headers, objects and subobjects tcpdump finds fault with, and what it dumps in hex. */
    static List<Frame> brokenFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp(concat(hex("2000 0001 0010 0000"), localCcId(1))));           // version 2
        f.add(udp(concat(hex("1000 0004 0006 0000"), localCcId(1))));           // LMP length below the header
        f.add(udp(concat(hex("1000 0004 0040 0000"), localCcId(1))));           // LMP length past the payload
        f.add(udp(concat(hex("1000 0004 0010 0000"), hex("0101 0002"), localCcId(1))));   // object length 2
        f.add(udp(concat(hex("1000 0004 0014 0000"), hex("0101 0006 0000"), localCcId(1))));   // not a multiple
        f.add(udp(concat(hex("1000 0004 000c 0000"), localCcId(1), localCcId(2))));   // objects past the LMP length
        f.add(udp(concat(hex("1000 0004 000a 0000"), localCcId(1))));           // the object past it by 6
        f.add(udp(message(0, 4, object(1, 99, "01020304 05060708"), object(N | 9, 7, "00000000"),
            object(3, 1, "00000001"), object(1, 1, "00000000 00000000"))));                   // unknown class, C-Types, lengths
        f.add(udp(message(0, 1, object(1, 2, "0a010101 00000000"), object(3, 2, "0a010101"),
            object(1, 3, "0a010101 00000000"), object(3, 3, "0a010102 00000000"), object(7, 3, "00000001"),
            object(5, 3, "00000000 00000000"), object(3, 5, "00000001"), object(1, 6, "00960001 00000000"),
            object(2, 6, "00960000"), object(1, 7, "00000001"), object(2, 7, "00000000"))));
        f.add(udp(message(0, 5, object(1, 8, "00030000"), object(2, 8, "00000000"), object(1, 9, "03e80000 00000000"),
            object(2, 9, ""), object(1, 10, "00000001 00000000"), object(2, 10, ""), object(1, 20, ""),
            object(3, 20, "00000001"))));
        f.add(udp(message(0, 14, object(1, 11, "00000000"), object(2, 11, "00000000"), object(3, 11, ""),
            object(4, 11, "00000000"), object(1, 12, "00000000"), object(2, 12, "00000000 00000000"),
            object(3, 12, "00000000 00000000"), object(4, 12, "00000000"))));
        f.add(udp(message(0, 17, object(4, 13, "00000001"), object(4, 14, "00000001"), object(1, 13, "0a010101"),
            object(2, 14, "0a010101"))));
        // Data Link subobjects: too short, not a multiple of 4, past the object, unknown type (then a dump)
        f.add(udp(message(0, 14, object(1, 12, hex("00000000 0a010101 0a010102 0102 0000")))));
        f.add(udp(message(0, 14, object(1, 12, hex("00000000 0a010101 0a010102 0106 0000 00000000")))));
        f.add(udp(message(0, 14, object(1, 12, hex("00000000 0a010101 0a010102 020c 0000 00000001")))));
        f.add(udp(message(0, 14, object(3, 12, hex("07000000 00000001 00000002"), wavelength(5),
            hex("0904 0000 02080000 00000001")))));
        // a 4-byte Interface Switching Type reads its bandwidths past the subobject: from the next object, or past
        // the capture as the last bytes of the frame
        f.add(udp(message(0, 14, object(3, 12, hex("00000000 00000001 00000002 0104 3302")), messageId(1),
            messageId(2))));
        f.add(udp(message(0, 14, object(3, 12, hex("00000000 00000001 00000002 0104 3302")), messageId(1))));
        f.add(udp(message(0, 14, object(3, 12, hex("00000000 00000001 00000002 0104 3302")))));
        f.add(udp(message(0, 14, object(3, 12, hex("00000000 00000001 00000002 0204 0000")))));
        // bandwidths that are not numbers, infinite or tiny (huge ones: hugeBandwidth)
        f.add(udp(message(0, 14, object(1, 12, hex("00000000 0a010101 0a010102"),
            switchingType(1, 1, Float.NaN, Float.POSITIVE_INFINITY), switchingType(2, 99, -0f, 1e-40f),
            switchingType(51, 11, -125.0625f, 0.0005f)))));
        f.add(hugeBandwidth());
        f.add(udp(message(0, 5, object(1, 8, hex("0000 0000 00000000 63 00 ffff"), u32(0xffc00001L), u32(0)))));
        // Service Config: wrong lengths, unknown C-Type, unknown link and signal types
        f.add(udp(message(0, 50, object(1, 51, "03010000 00000000"), object(2, 51, "05000000"), object(3, 51, ""),
            object(4, 51, ""), object(9, 51, "00000001"),
            object(2, 51, hex("05 63 ff ff ffff ffff ffff ffff"), NODE_B),
            object(2, 51, hex("06 04 00 01 0000 0000 0000 0000"), NODE_B))));
        f.add(udp(message(0, 50, object(1, 51, "fc000000"), object(3, 51, "fffffffc 000000fe"),
            object(4, 51, "000000f8"))));
        return f;
    }

    /** A bandwidth past 2^52 thousandths of a megabit (its exact digits take a BigDecimal to print). */
    static Frame hugeBandwidth() {
        return udp(message(0, 14, object(3, 12, hex("00000000 00000001 00000002"),
            switchingType(200, 9, 3.4e38f, -1e20f))));
    }

    /** Payloads that end before the LMP length, or whose UDP length says less than the IP payload holds. */
    static List<Frame> shortFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp(hex("1000 0001 00")));
        f.add(udp(hex("1000 0004 0010 0000 0101 0008")));
        f.add(udp(hex("")));
        // UDP length 8 + 4: tcpdump's LMP length is then cut to 4 and counts down from below zero
        f.add(withUdpLength(udp(hello(1, 2)), 12));
        f.add(withUdpLength(udp(config()), 8 + 20));
        return f;
    }

    /** The frame with its UDP length field set to {@code length} (the checksum left as it was). */
    static Frame withUdpLength(Frame frame, int length) {
        byte[] b = frame.bytes().clone();
        b[14 + 20 + 4] = (byte) (length >>> 8);
        b[14 + 20 + 5] = (byte) length;
        return new Frame(b);
    }

    /** LMP's place in print-udp.c's order: after BFD and LDP, before VQP and sFlow. */
    static List<Frame> portOrderFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp(701, 1589, hello(1, 1)));
        f.add(udp(6343, 701, hello(1, 1)));
        f.add(udp(701, 646, hello(1, 1)));
        f.add(udp(701, 3784, hex("20c00318 00000001 00000000 000f4240 000f4240 00000000")));
        return f;
    }

    static List<Frame> all() {
        List<Frame> f = new ArrayList<>(frames());
        f.addAll(brokenFrames());
        f.addAll(shortFrames());
        f.addAll(portOrderFrames());
        return f;
    }
}
