package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NTP (RFC 5905 layouts) on UDP 123 against tcpdump 4.99 itself, in every verbosity, whole and cut after every byte. */
class NtpFormatterTest {
    @TempDir
    Path dir;

    /** A 48-byte time message: status, stratum, poll, precision, root delay/dispersion, refid, four timestamps. */
    private static byte[] time(int status, int stratum, int poll, int precision, String refid, long... stamps) {
        byte[] m = concat(new byte[] {(byte) status, (byte) stratum, (byte) poll, (byte) precision},
            hex("0001 8000"), hex("0000 4000"), hex(refid), new byte[32]);
        for (int i = 0; i < stamps.length; i++) System.arraycopy(u32(stamps[i]), 0, m, 16 + 4 * i, 4);
        return m;
    }

    private static Frame ntp(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(123, 123, message, IP_A, IP_B))));
    }

    static List<Frame> frames() {
        long now = 3_913_056_000L;   // 2024-01-01T00:00:00Z in NTP seconds
        List<Frame> f = new ArrayList<>();
        f.add(ntp(time(0x23, 0, 6, -20, "00000000", 0, 0, 0, 0, 0, 0, now, 0x80000000L)));        // client
        f.add(ntp(time(0x24, 2, 10, -24, "c0000201", now - 50, 1, now, 0x40000000L, now, 0x40001000L, now,
            0x50000000L)));                                                                           // server
        f.add(ntp(time(0x1c, 1, -3, 0, "47505300", now, 0, now + 5, 0, now + 4, 0xffffffffL, now + 4, 1))); // GPS, v3
        f.add(ntp(time(0xe4, 0, 40, 0, "52415445", 1, 2, 3, 4, 5, 6, 7, 8)));                      // alarm, RATE
        f.add(ntp(time(0x61, 16, -40, 0, "01020304", 0, 0, now, 2, now, 1, now, 3)));               // reserved
        f.add(ntp(time(0x22, 62, 0, 0, "0a000001")));                                              // INFO_QUERY
        f.add(ntp(time(0x25, 63, 0, 0, "0a000002")));                                              // INFO_REPLY
        f.add(ntp(time(0x27, 3, 0, 0, "00000000")));                                               // private mode
        f.add(ntp(time(0x20, 3, 0, 0, "00000000", 100, 0, 200, 0)));                               // mode 0
        f.add(ntp(concat(time(0x23, 3, 4, -6, "0a000003"), hex("0000002a"))));                      // key id
        f.add(ntp(concat(time(0x23, 3, 4, -6, "0a000003"), hex("0000002a"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9,
            10, 11, 12, 13, 14, 15, 16})));                                                          // MD5
        f.add(ntp(concat(time(0x23, 3, 4, -6, "0a000003"), hex("0000002a"), new byte[20])));         // SHA-1
        f.add(ntp(concat(time(0x23, 3, 4, -6, "0a000003"), new byte[12])));                          // extension
        f.add(ntp(Arrays.copyOf(time(0x23, 3, 4, -6, "0a000003"), 47)));                            // too short
        f.add(ntp(hex("16 02 0001 0000 0000 0000 0000")));                                           // control request
        f.add(ntp(hex("16 c1 0002 0615 0001 0000 0004 61626364")));                                  // response, data
        f.add(ntp(hex("16 a1 0003 0000 0000 0000 0010 6162")));                                      // count too large
        f.add(ntp(hex("16 01 0001 0000 0000")));                                                     // too short
        f.add(ntp(new byte[0]));
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

    /** p_ntp_time's date, computed without java.time, against java.time for random and edge NTP seconds. */
    @Test
    void datesAsJavaTime() {
        java.util.Random random = new java.util.Random(123);
        long[] edges = {1, 59, 86_399, 86_400, 2_208_988_799L, 2_208_988_800L, 3_913_056_000L, 0xffffffffL};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            long seconds = i < edges.length ? edges[i] : random.nextLong(1, 1L << 32);
            out.setLength(0);
            NtpFormatter.timestamp(seconds, 0, out);
            java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds - 2_208_988_800L, 0,
                java.time.ZoneOffset.UTC);
            String expected = String.format("%d.000000000 (%04d-%02d-%02dT%02d:%02d:%02dZ)", seconds, t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            assertEquals(expected, out.toString());
        }
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacket(frames(), new PacketPrinter(java.time.ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, java.util.Set.of(), TimestampStyle.TIME, RawDump.NONE), 200, "NTP");
    }
}
