package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NTP (RFC 5905 layouts) on UDP 123 against tcpdump 4.99 itself: time messages of every mode, stratum and poll
 * range, with and without key id and digest, control messages with every flag and counts that do and do not fit, in
 * every verbosity, whole, cut after every byte and mutated.
 */
class NtpFormatterTest extends TcpdumpConformance {

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

    static List<Frame> allFrames() {
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
        // every poll sign and range, stratum 15 and 255, primary reference IDs with unprintable bytes
        for (int poll : new int[] {-128, -33, -32, -31, -1, 31, 32, 127}) {
            f.add(ntp(time(0x1b, 15, poll, poll, "0a000004", now, 0, now, 0, now, 0, now, 0)));
        }
        f.add(ntp(time(0xdd, 255, 4, -6, "0a000005", now, 0, now, 0, now, 0, now, 0)));
        f.add(ntp(time(0x0c, 1, 4, -6, "00ff7f41", now, 0, now, 0, now, 0, now, 0)));
        f.add(ntp(time(0x3c, 1, 4, -6, "80e20a09", now, 0, now, 0, now, 0, now, 0)));
        // timestamps before 1970 and after 2036, fractions at the edges; the deltas' signs and borrows
        f.add(ntp(time(0x24, 2, 6, -20, "c0000201", 1, 0xffffffffL, 0x7fffffffL, 1, 0xffffffffL, 0xffffffffL, 5,
            0)));
        f.add(ntp(time(0x24, 2, 6, -20, "c0000201", now, 0, now, 0x80000000L, now, 0x80000000L, now, 0x7fffffffL)));
        f.add(ntp(time(0x24, 2, 6, -20, "c0000201", now, 0, now, 5, now - 1, 6, now + 1, 4)));
        f.add(ntp(time(0x24, 2, 6, -20, "c0000201", now, 0, 0, 1, now, 6, 0, 0)));
        // key id with digests of other lengths: "more bytes"
        f.add(ntp(concat(time(0x23, 3, 4, -6, "0a000003"), hex("0000002a"), new byte[24])));
        f.add(ntp(concat(time(0x23, 3, 4, -6, "0a000003"), new byte[4 + 16 + 1])));
        // control messages: every R/E/M flag and opcode bits, status, counts that fit, overrun or are zero
        for (int control : new int[] {0x00, 0x1f, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0, 0xff}) {
            f.add(ntp(hex(String.format("0e %02x ffff 1234 ffff 8000 0002 6162 0000", control))));
        }
        f.add(ntp(hex("1e 81 0001 0001 0002 0000 0000")));
        f.add(ntp(hex("36 82 0001 0000 0000 0000 0001 41")));
        f.add(ntp(hex("f6 82 0001 0000 0000 0000 0001")));
        f.add(ntp(hex("16 82 0001 0000 0000 0000 ffff 00")));
        f.add(ntp(hex("16 82 0001")));
        // mode 7 (private): nothing after the leap indicator
        f.add(ntp(hex("17 00 0001 0002")));
        f.add(ntp(hex("ff")));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The NTP message: after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("NTP", 123, 8));
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
}
