package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * VQP (Cisco's VLAN Query Protocol, UDP 1589: version, message type, error code, item count, sequence, then objects
 * of a 4-byte type, a 2-byte length and a value) against tcpdump 4.99 itself: a switch's join request and the VMPS
 * server's response, every message type and error code, unknown objects (hex with -v only), objects of the wrong
 * size, too long or of length 0, fewer items than objects, another version; whole at every verbosity, cut after
 * every byte and mutated.
 */
class VqpFormatterTest extends TcpdumpConformance {
    static byte[] object(int type, byte[] value) {
        return concat(u32(type), u16(value.length), value);
    }

    static byte[] object(int type, String hexValue) {
        return object(type, hex(hexValue));
    }

    static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static byte[] vqp(int type, int error, int items, long sequence, byte[]... objects) {
        return concat(new byte[] {1, (byte) type, (byte) error, (byte) items}, u32(sequence), concat(objects));
    }

    static Frame udp(byte[] payload) {
        return udp(1589, payload);
    }

    static Frame udp(int sport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, TestFrames.udp(sport, VqpFormatter.PORT, payload, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] join = vqp(1, 0, 6, 0x1234,
            object(0x0c01, "0a000001"), object(0x0c02, text("Fa0/1")), object(0x0c03, new byte[0]),
            object(0x0c04, text("campus")), object(0x0c05, concat(hex("ffffffffffff 001122334455 0800"), text("x\u0001"))),
            object(0x0c06, "001122334455"));
        f.add(udp(1589, join));
        f.add(udp(32768, vqp(2, 0, 2, 0x1234, object(0x0c03, text("engineering\0pad")), object(0x0c08, "001122334455"))));
        f.add(udp(vqp(3, 3, 1, 0xfffffffeL, object(0x0c01, "c0a80001"))));
        f.add(udp(vqp(4, 4, 0, 7)));
        f.add(udp(vqp(5, 5, 1, 8, object(0x0c07, "0102030405"))));                // unknown type and object
        f.add(udp(vqp(1, 6, 2, 9, object(0x1c01, "01020304050607080910111213141516 17"),
            object(0x0c01, "0a000002"))));                                          // unknown object: -v dumps it
        f.add(udp(vqp(1, 0, 1, 10, object(0x0c01, "0a0000"))));                    // an address of 3 bytes
        f.add(udp(vqp(1, 0, 1, 10, object(0x0c08, "0011223344"))));                // a MAC of 5 bytes
        f.add(udp(vqp(1, 0, 2, 11, object(0, "01"), object(0x0c01, "0a000001")))); // type 0 ends the objects
        f.add(udp(vqp(1, 0, 2, 12, object(0x0c02, ""), object(0x0c01, "0a000001"))));  // length 0 too
        f.add(udp(vqp(1, 0, 1, 13, object(0x0c01, "0a000001"), object(0x0c02, text("left")))));  // one item of two
        f.add(udp(vqp(1, 0, 5, 14, object(0x0c01, "0a000001"))));                  // more items than objects
        f.add(udp(concat(vqp(1, 0, 2, 15, object(0x0c01, "0a000001")), hex("00000c02"))));  // object header cut
        f.add(udp(concat(vqp(1, 0, 1, 16), hex("00000c02 0010 6162"))));           // object longer than the payload
        f.add(udp(concat(new byte[] {2, 1, 0, 0}, u32(1))));                       // version 2
        f.add(udp(hex("01010000 0000")));                                          // shorter than the header
        f.add(udp(new byte[0]));
        return f;
    }

    /** The VQP message: after the UDP header (all frames are IPv4). */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("VQP", VqpFormatter.PORT, 20, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-v -x")
            .cut("-x", "-v", "-vv")
            .allocation("", "-v");
    }
}
