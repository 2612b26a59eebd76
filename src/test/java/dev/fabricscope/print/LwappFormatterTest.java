package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LWAPP on UDP 12223 (control: to it with the AP's address first, from it without) and 12222 (data) against tcpdump
 * 4.99 itself: every flag and radio id, versions other than 0, every message type, messages longer than the header's
 * length or the capture, data headers of every kind of length, LWAPP's place among the UDP ports, in every
 * verbosity, cut after every byte, and seeded mutants.
 */
class LwappFormatterTest extends TcpdumpConformance {
    private static final byte[] AP = hex("0017df1a2b3c");

    /** The transport header: version, radio id and flags in one byte, fragment id, length, status. */
    static byte[] header(int flags, int fragment, int length) {
        return concat(new byte[] {(byte) flags, (byte) fragment}, u16(length), u16(0x0001));
    }

    /** A control message: type, sequence number, element length, session id, the elements. */
    static byte[] message(int type, int seq, byte[] elements) {
        return concat(new byte[] {(byte) type, (byte) seq}, u16(elements.length), u32(0x12345678L + type), elements);
    }

    /** A control PDU whose header's length covers its messages. */
    static byte[] control(int flags, byte[]... messages) {
        byte[] body = concat(messages);
        return concat(header(flags, 7, body.length), body);
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    /** From the AP to the controller: the AP's address first. */
    static Frame toController(byte[] pdu) {
        return udp4(40000, LwappFormatter.CONTROL_PORT, concat(AP, pdu));
    }

    static Frame fromController(byte[] pdu) {
        return udp4(LwappFormatter.CONTROL_PORT, 40000, pdu);
    }

    static Frame data(byte[] payload) {
        return udp4(40000, LwappFormatter.DATA_PORT, payload);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>(flagFrames());
        f.addAll(otherFrames());
        return f;
    }

    /** Every flag and radio id combination; versions 1 to 3 are not supported. */
    static List<Frame> flagFrames() {
        List<Frame> f = new ArrayList<>();
        for (int b = 0; b < 256; b += 3) {
            f.add(toController(control(b, message(22, 1, hex("")))));
            f.add(data(concat(header(b, 2, 30), hex("08010000ffffffffffff0017df1a2b3c0017df1a2b3c1000aaaa0300"))));
        }
        return f;
    }

    static List<Frame> otherFrames() {
        List<Frame> f = new ArrayList<>();
        // every message type (and unknown ones), several to a PDU
        List<byte[]> messages = new ArrayList<>();
        for (int type = 0; type <= 42; type++) messages.add(message(type, type * 3, hex(type % 3 == 0 ? "" : "0a0b0c")));
        f.add(toController(control(0x04, messages.subList(0, 22).toArray(byte[][]::new))));
        f.add(fromController(control(0x04, messages.subList(22, 43).toArray(byte[][]::new))));
        f.add(toController(control(0x04, message(255, 1, hex("00112233")))));
        // messages longer than what is left of the header's length; a header's length of less than a message header
        f.add(toController(concat(header(0x04, 0, 20), message(22, 1, hex("0102")), message(23, 2, hex("01020304")))));
        f.add(fromController(concat(header(0x04, 0, 13), message(22, 1, hex("0102")), hex("17020000"))));
        f.add(fromController(concat(header(0x04, 0, 4), hex("1702000000000000"))));
        f.add(fromController(header(0x04, 0, 0)));
        // a header's length past the captured bytes: the next message header or the message itself not captured
        f.add(fromController(concat(header(0x04, 0, 40), message(22, 1, hex("0102")))));
        f.add(fromController(concat(header(0x04, 0, 40), message(22, 1, hex("0102")), hex("17020020"))));
        f.add(fromController(concat(header(0x04, 0, 48), message(22, 1, hex("0102")), message(23, 2, hex("")),
            hex("1702002000000000"), hex("01020304"))));
        // short datagrams: the AP's address or the header not whole
        f.add(toController(hex("0400")));
        f.add(udp4(40000, LwappFormatter.CONTROL_PORT, hex("0017df1a2b")));
        f.add(fromController(hex("0400000000")));
        f.add(data(hex("0000")));
        f.add(data(hex("")));
        // data: the header's length short of the header, the payload, past the capture; the 802.11 frame in hex
        for (int length : new int[] {0, 5, 6, 7, 20, 200}) {
            f.add(data(concat(header(0x00, 1, length), hex("88410000aabbccddeeff0017df1a2b3c0011223344556677"))));
        }
        f.add(udp4(LwappFormatter.DATA_PORT, 40000, concat(header(0x03, 9, 6 + 64), new byte[64])));
        return f;
    }

    /** The same PDU from and to ports print-udp.c tries before or after LWAPP's. */
    static List<Frame> portOrderFrames() {
        byte[] pdu = concat(AP, control(0x04, message(22, 1, hex("0102"))));
        List<Frame> f = new ArrayList<>();
        for (int[] ports : new int[][] {{12222, 12223}, {12223, 12222}, {12223, 12223}, {12222, 12222},
            {6343, 12223}, {12223, 6343}, {12222, 1589}, {12223, 5060}, {5060, 12222}, {12223, 514}, {514, 12222}}) {
            f.add(udp4(ports[0], ports[1], pdu));
        }
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** print-udp.c: sFlow, then control to 12223, control from it, data either side, then SIP and syslog. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.LWAPP_CONTROL_WITH_AP, UdpPorts.decoder(12222, 12223));
        assertEquals(UdpPorts.Decoder.LWAPP_CONTROL, UdpPorts.decoder(12223, 12222));
        assertEquals(UdpPorts.Decoder.LWAPP_DATA, UdpPorts.decoder(5060, 12222));
        assertEquals(UdpPorts.Decoder.LWAPP_DATA, UdpPorts.decoder(12222, 40000));
        assertEquals(UdpPorts.Decoder.SFLOW, UdpPorts.decoder(6343, 12223));
        assertEquals(UdpPorts.Decoder.VQP, UdpPorts.decoder(12222, 1589));
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("LWAPP", 12223, 4));
    }

    /** The frames cut after every byte: the flag sweep's first few only. */
    @Override
    List<Frame> cutFrames() {
        List<Frame> f = new ArrayList<>(flagFrames().subList(0, 6));
        f.addAll(otherFrames());
        return f;
    }

    /** The datagram, after the UDP header. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
