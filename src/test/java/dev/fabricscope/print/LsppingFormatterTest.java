package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LSP ping on UDP 3503 against tcpdump 4.99 itself: echo requests and replies built from RFC 8029 (3 the packet
 * format, 3.2 the Target FEC Stack sub-TLVs, 3.3 the Downstream Mapping, 3.7 the Vendor Enterprise Number) and RFC 5884
 * (BFD discriminator), whole in every verbosity, broken TLVs and sub-TLVs, short payloads, LSP ping's place among the
 * UDP ports, cut after every byte, and seeded random mutants.
 */
class LsppingFormatterTest extends TcpdumpConformance {
    private static final int PORT = LsppingFormatter.PORT;

    // --- building blocks (RFC 8029 3)

    /** A TLV or sub-TLV: type, length (of the value), value, zero padding to 4 bytes. */
    static byte[] tlv(int type, byte[]... value) {
        byte[] v = concat(value);
        return concat(u16(type), u16(v.length), v, zeros((4 - v.length % 4) % 4));
    }

    static byte[] tlv(int type, String value) {
        return tlv(type, hex(value));
    }

    /** Version 1, the header fields given, a sender's timestamp, the receiver's (zero for a request), the TLVs. */
    static byte[] message(int type, int replyMode, int code, int subcode, long seq, long received, byte[]... tlvs) {
        return concat(u16(1), u16(0), new byte[] {(byte) type, (byte) replyMode, (byte) code, (byte) subcode},
            u32(0x4a2b), u32(seq), u32(0xe7a3c2f1L), u32(0x80000000L), u32(received), u32(received == 0 ? 0 : 0x1234),
            concat(tlvs));
    }

    static byte[] request(long seq, byte[]... tlvs) {
        return message(1, 2, 0, 0, seq, 0, tlvs);
    }

    static byte[] fec(byte[]... subTlvs) {
        return tlv(1, subTlvs);
    }

    static Frame udp(byte[] lsp) {
        return udp(PORT, PORT, lsp);
    }

    static Frame udp(int sport, int dport, byte[] lsp) {
        return new Frame(ethernet(0x0800, ipv4(17, TestFrames.udp(sport, dport, lsp, IP_A, IP_B))));
    }

    static Frame udp6(byte[] lsp) {
        return new Frame(ethernet(0x86dd, ipv6(17, TestFrames.udp(49152, PORT, lsp, IP6_A, IP6_B), 0x60000000L,
            IP6_A, IP6_B)));
    }

    // --- Target FEC Stack sub-TLVs (RFC 8029 3.2)
    static final byte[] LDP4 = tlv(1, concat(IP_B, hex("20")));
    static final byte[] LDP6 = tlv(2, concat(IP6_B, hex("40")));
    static final byte[] RSVP4 = tlv(3, concat(IP_B, hex("0000 0011"), IP_A, IP_A, hex("0000 0003")));
    static final byte[] RSVP6 = tlv(4, concat(IP6_B, hex("0000 abcd"), IP6_A, IP6_A, hex("0000 8001")));
    static final byte[] VPN4 = tlv(6, concat(hex("0000 fde8 0000 0064"), IP_B, hex("18")));
    static final byte[] VPN6 = tlv(7, concat(hex("0001 0a000001 0007"), IP6_B, hex("30")));
    static final byte[] L2VPN = tlv(8, hex("0002 0001fbd0 0009 0001 0002 0005"));
    static final byte[] L2VPN_UNKNOWN_RD = tlv(8, hex("0003 0001fbd0 0009 0001 0002 7777"));
    static final byte[] PW_OLD = tlv(9, concat(IP_B, hex("00000064 0004")));
    static final byte[] PW = tlv(10, concat(IP_A, IP_B, hex("00000064 0040")));
    static final byte[] BGP4 = tlv(12, concat(IP_B, hex("20")));
    static final byte[] BGP6 = tlv(13, concat(IP6_B, hex("80")));
    static final byte[] FEC129 = tlv(11, hex("0005 0000 0401020304 0401020304"));
    static final byte[] NIL = tlv(16, hex("00001000"));

    // --- other TLVs
    static byte[] downstream(int addressType, String rest) {
        return tlv(2, hex("05dc"), new byte[] {(byte) addressType, 0}, hex(rest));
    }

    static final byte[] DS4 = downstream(1, "0a000002 0a000101 00 00 0000 00012 003");
    static final byte[] DS4_UNNUMBERED = downstream(2, "0a000002 00000007 00 01 0000 00013 003 00014 103");
    static final byte[] DS6 = downstream(3, "fd000000000000000000000000000002 fd000000000000000000000000000003 "
        + "00 00 0000 00015 003");
    static final byte[] DS6_UNNUMBERED = downstream(4, "fd000000000000000000000000000002 00000009 00 00 0000");
    static final byte[] DS_UNKNOWN = downstream(9, "0a000002");
    static final byte[] BFD = tlv(15, u32(0x12345678L));
    static final byte[] VENDOR = tlv(5, u32(9));
    static final byte[] VENDOR_UNKNOWN = tlv(5, u32(0xfedcba98L), hex("aa"));
    static final byte[] PAD = tlv(3, hex("01 000000 0000"));
    static final byte[] ERROR = tlv(9, hex("00000002"));
    static final byte[] TOS = tlv(10, hex("c0000000"));
    static final byte[] LABELS = tlv(7, hex("05dc0100 0a000002 0a000101 00012000"));
    static final byte[] PRIVATE = tlv(0xfc00, hex("0000000901"));
    static final byte[] UNKNOWN = tlv(0x8003, hex("0102030405060708"));

    @Override
    List<Frame> frames() {
        return goodFrames();
    }

    static List<Frame> goodFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp(request(1, fec(LDP4))));
        f.add(udp(message(2, 2, 3, 1, 1, 0xe7a3c2f2L, fec(LDP6))));
        f.add(udp(request(2, fec(RSVP4), DS4)));
        f.add(udp(message(2, 3, 8, 2, 2, 0xe7a3c2f2L, fec(RSVP6), DS6)));
        f.add(udp(request(3, fec(VPN4), DS4_UNNUMBERED)));
        f.add(udp(request(4, fec(VPN6), DS6_UNNUMBERED)));
        f.add(udp(request(5, fec(L2VPN))));
        f.add(udp(request(6, fec(L2VPN_UNKNOWN_RD))));
        f.add(udp(request(7, fec(PW_OLD), BFD)));
        f.add(udp(request(8, fec(PW), VENDOR)));
        f.add(udp(request(9, fec(BGP4), VENDOR_UNKNOWN)));
        f.add(udp(request(10, fec(BGP6), PAD, ERROR)));
        f.add(udp(request(11, fec(FEC129), TOS, LABELS)));
        f.add(udp(request(12, fec(NIL), PRIVATE, UNKNOWN, DS_UNKNOWN)));
        // two sub-TLVs: tcpdump reads the second one 4 bytes early (its walk skips the value, not the header)
        f.add(udp(request(13, fec(LDP4, LDP6))));
        f.add(udp(request(14, fec(RSVP4, BGP4))));
        f.add(udp(request(15, tlv(0), tlv(3), BFD)));
        f.add(udp6(message(2, 4, 12, 1, 16, 0xe7a3c2f2L, fec(LDP6), DS6)));
        for (int code = 0; code <= 14; code++) f.add(udp(message(2, code % 6, code, code + 1, 20 + code, 0)));
        f.add(udp(message(3, 0, 99, 0, 0xffffffffL, 0xffffffffL)));
        f.add(udp(message(0, 1, 10, 255, 0x80000000L, 1)));
        return f;
    }

    static List<Frame> brokenFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] ok = request(1, fec(LDP4));
        f.add(udp(concat(u16(2), slice(ok, 2, ok.length))));                      // another version
        f.add(udp(slice(ok, 0, 20)));                                               // shorter than the header
        f.add(udp(slice(ok, 0, 32)));                                               // header alone
        f.add(udp(concat(slice(ok, 0, 32), hex("0001"))));                          // not a whole TLV header
        f.add(udp(concat(slice(ok, 0, 32), hex("0001 0010 00000000"))));            // TLV past the payload
        f.add(udp(concat(slice(ok, 0, 32), hex("000f 0005 12345678 00"))));         // its padding past the payload
        f.add(udp(request(2, tlv(1, hex("0001 00")))));                             // sub-TLV header past the TLV
        f.add(udp(request(3, tlv(1, hex("0001 0009 0a000001 20")))));               // sub-TLV past the TLV
        f.add(udp(request(4, tlv(1, hex("0001 0005 0a000001 20")))));               // its padding past the TLV
        f.add(udp(request(5, fec(tlv(1, hex("0a00000120"), hex("00")), tlv(2, "0a000001 20"), tlv(3, "00"),
            tlv(4, "00"), tlv(6, "00"), tlv(7, "00"), tlv(8, "00"), tlv(9, "00"), tlv(10, "00"), tlv(12, "00"),
            tlv(13, "00")))));                                                      // wrong sub-TLV lengths
        f.add(udp(request(6, fec(tlv(0x1234, "01020304050607")))));
        f.add(udp(request(7, tlv(2, "05dc"), tlv(2, "05dc 01 00 0a000002"), tlv(2, "05dc 03 00 0a000002"),
            tlv(2, "05dc 02 00 0a000002 00000001"), tlv(2, "05dc 04 00 0a000002"), tlv(2, "05dc 07 00"))));
        f.add(udp(request(8, tlv(15, "1234"), tlv(5, "0009"))));
        f.add(udp(request(9, fec())));
        return f;
    }

    static List<Frame> all() {
        List<Frame> f = new ArrayList<>(goodFrames());
        f.addAll(brokenFrames());
        return f;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("LSPPING", PORT, 6, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v -x", "-vv");
    }

    /** The broken frames are cut and mutated too. */
    @Override
    List<Frame> cutFrames() {
        return all();
    }

    /** The LSP ping message: after the UDP header on IPv4 or IPv6. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    /** The broken frames too. */
    @Override
    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(all(), "LSP ping", "-vv");
    }

    @Test
    void brokenAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, brokenFrames(), "", "-v", "-vv", "-v -x");
    }

    /** LDP before LSP ping, LSP ping before the Broadcom LI shim and BFD, OLSR (698) before LSP ping. */
    @Test
    void portOrderAsTcpdump() throws Exception {
        byte[] lsp = request(1, fec(LDP4));
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, List.of(udp(646, PORT, lsp), udp(PORT, 3784, lsp),
            udp(49152, PORT, lsp), udp(PORT, 40000, lsp), udp(40000, PORT, lsp), udp(1812, PORT, lsp),
            udp(698, PORT, lsp)), "", "-v");
    }

    /** print-udp.c: LDP, then OLSR, then LSP ping, then the Broadcom LI shim and BFD, either side. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.LSP_PING, UdpPorts.decoder(PORT, 40000));
        assertEquals(UdpPorts.Decoder.LSP_PING, UdpPorts.decoder(40000, PORT));
        assertEquals(UdpPorts.Decoder.LSP_PING, UdpPorts.decoder(49152, PORT));
        assertEquals(UdpPorts.Decoder.LSP_PING, UdpPorts.decoder(PORT, 3784));
        assertEquals(UdpPorts.Decoder.LSP_PING, UdpPorts.decoder(PORT, 701));
        assertEquals(UdpPorts.Decoder.LDP, UdpPorts.decoder(PORT, 646));
        assertEquals(UdpPorts.Decoder.OLSR, UdpPorts.decoder(698, PORT));
        assertEquals(UdpPorts.Decoder.OLSR, UdpPorts.decoder(PORT, 698));
    }
}
