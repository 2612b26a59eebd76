package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EIGRP over IPv4 and IPv6 (protocol 88) against tcpdump 4.99 itself: packets built from RFC 7868 (6.5 the header,
 * 6.6 TLV encoding, 6.7 the parameter, version and sequence TLVs, 6.8 the classic IPv4 route TLVs) and Cisco's
 * AppleTalk route TLVs, whole in every verbosity, broken TLVs, cut after every byte, and seeded random mutants.
 */
class EigrpFormatterTest extends TcpdumpConformance {
    static byte[] tlv(int type, byte[]... value) {
        byte[] v = concat(value);
        return concat(u16(type), u16(4 + v.length), v);
    }

    static byte[] tlv(int type, String value) {
        return tlv(type, hex(value));
    }

    /** Version 2, the opcode and flags given, a checksum, sequence and acknowledgement, VRID 0, AS 100. */
    static byte[] packet(int version, int opcode, long flags, byte[]... tlvs) {
        return concat(new byte[] {(byte) version, (byte) opcode}, hex("ee5a"), u32(flags), u32(0x2a), u32(0x17),
            u16(0), u16(100), concat(tlvs));
    }

    static byte[] packet(int opcode, byte[]... tlvs) {
        return packet(2, opcode, 0, tlvs);
    }

    static Frame ip(byte[] eigrp) {
        return new Frame(ethernet(0x0800, ipv4(EigrpFormatter.PROTOCOL, eigrp)));
    }

    static Frame ip6(byte[] eigrp) {
        return new Frame(ethernet(0x86dd, ipv6(EigrpFormatter.PROTOCOL, eigrp, 0x6e000000L, IP6_A,
            hex("ff02000000000000000000000000000a"))));
    }

    static final byte[] PARAMETERS = tlv(0x0001, "01 00 01 00 00 00 000f");
    static final byte[] VERSION = tlv(0x0004, "0c04 0102");

    /** An IPv4 internal route (RFC 7868 6.8.1): next hop, delay, bandwidth, MTU, hops, reliability, load, prefix. */
    static byte[] internal(String nextHop, int bits, String destination) {
        return tlv(0x0102, hex(nextHop), hex("0001f400 00002710 0005dc 01 ff 01 0000"), new byte[] {(byte) bits},
            hex(destination));
    }

    static byte[] external(String nextHop, int protocol, int flags, int bits, String destination) {
        return tlv(0x0103, hex(nextHop), hex("0a000003 0000fde8 0000abcd 00000014 0000"),
            new byte[] {(byte) protocol, (byte) flags}, hex("fffffffe ffffffff ffffff 00 00 ff 0000"),
            new byte[] {(byte) bits}, hex(destination));
    }

    static List<Frame> goodFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(ip(packet(5, PARAMETERS, VERSION)));
        f.add(ip(packet(2, 5, 0x01, PARAMETERS)));
        f.add(ip(packet(2, 1, 0x0b, internal("00000000", 24, "c0a801"), internal("0a000002", 0, ""),
            internal("0a000002", 32, "0a0b0c0d"), internal("00000000", 17, "ac10ff"), internal("0a000002", 8, "0a"))));
        f.add(ip(packet(2, 3, 0x02, external("00000000", 1, 0x40, 24, "c0a864"), external("0a000002", 11, 0, 9, "0a80"))));
        for (int proto = 2; proto <= 12; proto++) f.add(ip(packet(4, external("0a000002", proto, proto, 16, "ac10"))));
        f.add(ip(packet(6, tlv(0x0204, "0001 0064 00000007"))));
        f.add(ip(packet(7, tlv(0x0202, "00000000 0001f400 00002710 0005dc 01 ff 01 0000 0001 0064"),
            tlv(0x0202, "00640007 00000001 00000002 000003 04 05 06 0000 0010 0020"))));
        f.add(ip(packet(2, tlv(0x0203, "00640007 00000009 0000ffff 12345678 09 01 0010 00000064 00000001 000400 02"
            + " fe 03 0000 0005 0006"), tlv(0x0203, "00000000 00000009 0000ffff 12345678 30 01 0010 00000064"
            + " 00000001 000400 02 fe 03 0000 0005 0006"))));
        f.add(ip(packet(9, tlv(0x0002, "0002 0010 00000000 00000000 00000000 0000000000000000 0102030405060708"
            + " 090a0b0c0d0e0f10"), tlv(0x0003, "04 0a000001"), tlv(0x0005, "0000002b"))));
        f.add(ip(packet(0, tlv(0x0302, "01020304"), tlv(0x0303, ""), tlv(0x0402, "0000000000000000"),
            tlv(0x00f5, "ff"))));
        f.add(ip(packet(2, 5, 0xfffffff0L)));
        f.add(ip(packet(1, 5, 0, PARAMETERS)));
        f.add(ip(packet(3, 1, 0, PARAMETERS)));
        f.add(ip6(packet(5, PARAMETERS, VERSION)));
        f.add(ip6(packet(1, tlv(0x0402, "00000000 0001f400 00002710 0005dc 01 ff 01 0000 40 20010db8"))));
        return f;
    }

    static List<Frame> brokenFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] header = packet(5);
        f.add(ip(java.util.Arrays.copyOf(header, 12)));                             // shorter than the header
        f.add(ip(concat(header, hex("0001"))));                                     // not a whole TLV header
        f.add(ip(concat(header, hex("0001 0002 0000"))));                           // TLV shorter than its header
        f.add(ip(concat(header, PARAMETERS, hex("0004 0010 0c04 0102"))));          // TLV past the payload
        f.add(ip(packet(1, tlv(0x0001, "0100"), tlv(0x0004, "0c"), tlv(0x0102, "00000000"), tlv(0x0103, "00"),
            tlv(0x0204, "0001"), tlv(0x0202, "00"), tlv(0x0203, "00"))));          // shorter than their structures
        f.add(ip(packet(1, internal("00000000", 33, "0a000000"), external("00000000", 1, 0, 200, ""))));
        // destinations reaching past their TLV: into the next one, or past the capture
        f.add(ip(packet(1, internal("00000000", 32, "0a"), PARAMETERS)));
        f.add(ip(packet(1, internal("0a000002", 32, "0a"))));
        f.add(ip(packet(1, external("0a000002", 2, 0, 24, ""))));
        return f;
    }

    static List<Frame> all() {
        List<Frame> f = new ArrayList<>(goodFrames());
        f.addAll(brokenFrames());
        return f;
    }

    @Override
    List<Frame> frames() {
        return goodFrames();
    }

    /** The EIGRP packet: after the IPv4 header. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    /** The broken frames are cut and mutated too. */
    @Override
    List<Frame> cutFrames() {
        return all();
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("EIGRP", EigrpFormatter.PROTOCOL, 8, 4, 16, MutatedFrames.ALL))
            .cut("-x", "-v -x", "-vv");
    }

    /** The broken frames too. */
    @Override
    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(all(), "EIGRP", "-vv");
    }

    @Test
    void brokenAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, brokenFrames(), "", "-v", "-vv", "-x", "-v -x");
    }
}
