package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * BFD (RFC 5880 control packet layout, RFC 5881/5883/7310 ports) against tcpdump 4.99 itself, in every verbosity,
 * whole, cut after every byte, and mutated.
 */
class BfdFormatterTest extends TcpdumpConformance {

    /** A 24-byte control header: version and diagnostic, flags (state in the top two bits), timers in microseconds. */
    private static byte[] control(int version, int diagnostic, int flags, int multiplier, long my, long your,
                                  long txMicros, long rxMicros, long echoMicros, byte[] auth) {
        byte[] header = concat(new byte[] {(byte) (version << 5 | diagnostic), (byte) flags, (byte) multiplier,
            (byte) (24 + auth.length)}, u32(my), u32(your), u32(txMicros), u32(rxMicros), u32(echoMicros));
        return concat(header, auth);
    }

    private static byte[] control(int flags, byte[] auth) {
        return control(1, 0, flags, 3, 0x11223344L, 0x55667788L, 300_000, 300_000, 0, auth);
    }

    private static Frame bfd(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    private static Frame bfd(int dport, byte[] payload) {
        return bfd(49152 + 7, dport, payload);
    }

    private static Frame bfd6(int dport, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(49152 + 7, dport, payload, IP6_A, IP6_B), 0x60000000L, IP6_A,
            IP6_B)));
    }

    @Override
    List<Frame> frames() {
        byte[] none = new byte[0];
        List<Frame> f = new ArrayList<>();
        f.add(bfd(3784, control(0xc0, none)));                                                    // Up
        f.add(bfd(3784, control(0x40 | 0x20, none)));                                             // Down, Poll
        f.add(bfd(4784, control(0x80 | 0x10 | 0x08 | 0x02 | 0x01, none)));                        // Init, many flags
        f.add(bfd(6784, control(1, 7, 0x00, 5, 1, 0, 1_000_000, 50_000, 12_345_678, none)));        // AdminDown, diag 7
        f.add(bfd(3784, control(1, 31, 0xc0, 255, 0xffffffffL, 0, 0xffffffffL, 0, 999, none)));   // 32-bit product, diag 31
        f.add(bfd(3784, control(0, 3, 0xff, 3, 1, 2, 100_000, 100_000, 0, none)));                // v0, every flag
        f.add(bfd(3784, control(0, 0, 0x00, 3, 1, 2, 100_000, 100_000, 0, none)));                // v0, no flag
        f.add(bfd(3784, control(2, 0, 0xc0, 3, 1, 2, 100_000, 100_000, 0, none)));                // v2: unknown
        f.add(bfd(3784, control(0xc4, hex("01 0a 05 73656372657421"))));                           // password
        f.add(bfd(3784, control(0xc4, hex("01 03 05"))));                                          // password too short
        f.add(bfd(3784, control(0xc4, hex("01 14 05 000102030405060708090a0b0c0d0e0f1011"))));    // password too long
        f.add(bfd(3784, control(0xc4, concat(hex("02 18 01 00 0000002a"), new byte[16]))));       // keyed MD5
        f.add(bfd(3784, control(0xc4, concat(hex("03 18 01 00 ffffffff"), hex("00112233445566778899aabbccddeeff")))));
        f.add(bfd(3784, control(0xc4, concat(hex("04 1c 02 00 00000001"), new byte[20]))));       // keyed SHA1
        f.add(bfd(3784, control(0xc4, concat(hex("05 1c 02 00 00000002"), new byte[20]))));
        f.add(bfd(3784, control(0xc4, concat(hex("02 1c 01 00 0000002a"), new byte[20]))));       // MD5, wrong length
        f.add(bfd(3784, control(0xc4, hex("09 04 01 00"))));                                       // unknown type
        f.add(bfd(3784, control(0xc4, none)));                                                     // flag, no section
        f.add(bfd(3785, hex("0102030405060708090a0b0c0d0e0f101112")));                             // echo
        f.add(bfd(3785, none));
        f.add(bfd(3784, hex("20c00318")));                                                         // short header
        // each diagnostic code in turn, v1 and v0; the states by port; the reply from port 3784 is not BFD
        for (int diag = 0; diag <= 9; diag++) {
            f.add(bfd(3784, control(1, diag, diag << 6 & 0xc0, 3, diag, diag + 1, 50_000, 50_000, 50_000, none)));
        }
        f.add(bfd(4784, control(0, 8, 0x80, 3, 1, 2, 100_000, 100_000, 0, none)));
        f.add(bfd(6784, control(1, 4, 0x40 | 0x08, 3, 1, 2, 999, 1_999, 2_999_999, none)));
        f.add(bfd(3784, 49152, control(0xc0, none)));
        // v0 and the other ports with authentication; a section longer than the header says; trailing bytes
        f.add(bfd(3784, control(0, 1, 0x04, 3, 1, 2, 100_000, 100_000, 0, concat(hex("04 1c 02 00 00000002"),
            new byte[20]))));
        f.add(bfd(4784, control(0xc4, hex("01 04 07 41"))));
        f.add(bfd(6784, control(0xc4, hex("01 13 07 000102030405060708090a0b0c0d0e0f"))));
        f.add(bfd(3784, control(0xc4, concat(hex("03 18 01 00 00000001"), new byte[16], hex("deadbeef")))));
        f.add(bfd(3784, control(0xc4, hex("05 18 01 00 00000001"))));
        f.add(bfd(3784, control(0xc4, hex("01 02"))));
        f.add(bfd(3784, control(3, 0, 0xc0, 3, 1, 2, 100_000, 100_000, 0, hex("0102030405"))));
        f.add(bfd(3784, control(7, 31, 0xff, 3, 1, 2, 100_000, 100_000, 0, none)));
        f.add(bfd6(3784, control(0xc0, none)));
        f.add(bfd6(3785, hex("0001020304050607")));
        return f;
    }

    /** The BFD packet, after the UDP header. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("BFD", 3784, 10))
            .cut("-x", "-v", "-v -x");
    }
}
