package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BFD (RFC 5880 control packet layout, RFC 5881/5883/7310 ports) against tcpdump 4.99 itself, in every verbosity,
 * whole and cut after every byte.
 */
class BfdFormatterTest {
    @TempDir
    Path dir;

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

    private static Frame bfd(int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(49152 + 7, dport, payload, IP_A, IP_B))));
    }

    static List<Frame> frames() {
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
        return f;
    }

    @Test
    void wholeMessagesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }

    /** Intervals are padded without a String per packet (%4u). */
    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacket(frames(), new PacketPrinter(java.time.ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, java.util.Set.of(), TimestampStyle.TIME, RawDump.NONE), 200, "BFD");
    }
}
