package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTP, RTCP and vat under {@code -T rtp}, {@code -T rtcp} and {@code -T vat} against tcpdump 4.99 (print-udp.c):
 * v1 and v2 headers with options, extensions, markers and H.261, RTCP compounds with report blocks and lengths that
 * do not add up, vat and vt (also to vat's port 3456); whole, cut after every byte and mutated, each under its own type and the others'.
 */
class RtpFormatterTest {
    @TempDir
    Path dir;

    static Frame over4(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(5004, 5006, payload, IP_A, IP_B))));
    }

    static Frame over6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(5004, 5006, payload, IP6_A, IP6_B), 0x60000000L, IP6_A,
            IP6_B)));
    }

    /** RTP v2: first byte, second (marker and payload type), then sequence 4660, timestamp and SSRC. */
    static byte[] rtp2(int first, int second, byte[] rest) {
        return concat(new byte[] {(byte) first, (byte) second}, u16(4660), u32(305419896), u32(0xcafef00dL), rest);
    }

    static List<Frame> rtpFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(over4(rtp2(0x80, 0x00, zeros(160))));
        f.add(over4(rtp2(0x80, 0xe0, zeros(20))));   // marker, type 96
        f.add(over4(rtp2(0x90, 0x08, concat(u32(0xbede0001L), u32(0x10203040), zeros(8)))));   // extension
        f.add(over4(rtp2(0x90, 0x08, concat(u32(0xbede0009L), zeros(8)))));   // extension past the end: !ext
        f.add(over4(rtp2(0x80, 0x1f, concat(hex("12345678"), zeros(4)))));   // H.261
        f.add(over4(rtp2(0x90, 0x9f, concat(u32(0x10000001L), u32(7), hex("abcd0000")))));   // H.261 after an extension
        f.add(over4(rtp2(0xc0, 0x00, zeros(4))));   // version 3: read as v2
        f.add(over4(rtp2(0x80, 0x1f, new byte[0])));   // H.261 with nothing after
        f.add(over4(rtp2(0x90, 0x00, new byte[0])));   // extension bit, nothing after
        // v1: options (length in words in the second byte, the last one's top bit set), marker, content type
        f.add(over4(concat(hex("40c31234"), u32(99), u32(0x00010000), u32(0x80020000L), zeros(4), zeros(8))));
        f.add(over4(concat(hex("409f1234"), u32(99), u32(0x80010000L), hex("beef0000"))));   // H.261 after an option
        f.add(over4(concat(hex("40801234"), u32(99), u32(0x00000000), zeros(4))));   // option length 0: !opt
        f.add(over4(concat(hex("40801234"), u32(99), u32(0x00090000), zeros(4))));   // option past the end: !opt
        f.add(over4(concat(hex("40001234"), u32(99))));   // v1 of 8 bytes: -v reads past it
        f.add(over4(hex("80001234567890ab")));   // v2 of 8 bytes
        f.add(over4(hex("8000")));
        f.add(over4(new byte[0]));
        f.add(over6(rtp2(0x80, 0x88, zeros(40))));
        return f;
    }

    /** An RTCP header: version 2, count, type, length in words minus one, SSRC. */
    static byte[] rtcp(int count, int type, int words, long ssrc) {
        return concat(new byte[] {(byte) (0x80 | count), (byte) type}, u16(words), u32(ssrc));
    }

    static byte[] block(long ssrc, long lost, long lsr, long dlsr) {
        return concat(u32(ssrc), u32(lost), u32(0x00010203), u32(77), u32(lsr), u32(dlsr));
    }

    static List<Frame> rtcpFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] sender = concat(u32(3_900_000_000L), u32(0x80000000L), u32(160), u32(3), u32(480));
        f.add(over4(concat(rtcp(1, 200, 12, 0x11111111), sender, block(0x2222, 0x05000010, 0x2000, 0x6000))));
        f.add(over4(concat(rtcp(0, 200, 6, 1), sender, rtcp(1, 202, 3, 1), hex("01046e616d65000000000000"),
            rtcp(1, 203, 1, 1))));   // compound: SR, SDES, BYE
        f.add(over4(concat(rtcp(2, 201, 13, 5), block(6, 0xff000001L, 0x18000, 0xffffffffL),
            block(7, 2, 0x28000, 0x38000))));
        f.add(over4(concat(rtcp(1, 201, 9, 5), block(6, 1, 0, 0), zeros(8))));   // length off: [40]
        f.add(over4(concat(rtcp(0, 200, 6, 1), u32(1), u32(0x20000000), u32(1), u32(2), u32(3))));   // @1.12
        f.add(over4(concat(rtcp(0, 200, 6, 1), u32(0xffffffffL), u32(0xffffffffL), u32(1), u32(2), u32(3))));
        f.add(over4(concat(rtcp(0, 204, 2, 9), ascii("name"))));   // APP: type-0xcc
        f.add(over4(concat(rtcp(3, 201, 19, 5), block(6, 1, 0, 0))));   // three blocks announced, one sent
        f.add(over4(concat(rtcp(0, 200, 6, 1), u32(1), u32(2))));   // sender info cut
        f.add(over4(concat(rtcp(0, 201, 0xffff, 5), zeros(8))));   // a length past the end
        f.add(over4(concat(rtcp(0, 201, 1, 5), hex("8100"))));   // a partial second header
        f.add(over4(new byte[0]));
        f.add(over6(concat(rtcp(1, 201, 7, 5), block(6, 1, 0x8000, 0x4000))));
        return f;
    }

    static List<Frame> vatFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(over4(concat(hex("00831234"), u32(0xdeadbeefL), zeros(160))));
        f.add(over4(concat(hex("0f9f0001"), u32(1), zeros(4))));
        f.add(over4(concat(hex("00000000"), u32(0))));
        f.add(over4(concat(hex("1234"), zeros(170))));   // vt
        f.add(over4(hex("fc07")));   // vt of 2 bytes
        f.add(over4(hex("000000")));   // vat of 3: < 8
        f.add(over4(hex("00")));
        f.add(over4(new byte[0]));
        return f;
    }

    static List<Frame> all() {
        List<Frame> f = new ArrayList<>(rtpFrames());
        f.addAll(rtcpFrames());
        f.addAll(vatFrames());
        return f;
    }

    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        for (String type : new String[] {"rtp", "rtcp", "vat"}) {
            TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, all(), "-T " + type, "-T " + type + " -v",
                "-T " + type + " -q", "-T " + type + " -e -x");
        }
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(all(), 14 + 20);
        for (String type : new String[] {"rtp", "rtcp", "vat"}) {
            TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-T " + type + " -x", "-T " + type + " -v");
        }
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(all(), "RTP", 5004, 10, RtpFormatterTest::payload, 4, 16,
            MutatedFrames.ALL);
        for (String type : new String[] {"rtp", "rtcp", "vat"}) {
            TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-T " + type + " -v -x");
        }
    }

    /** vat also by port: to 3456, after NetBIOS, before Zephyr, RX and RIPng. */
    @Test
    void vatOnItsPortAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (Frame v : vatFrames()) {
            byte[] b = v.bytes().clone();
            b[14 + 20 + 2] = 0x0d;   // destination port 3456 (the checksum is only checked with -vv)
            b[14 + 20 + 3] = (byte) 0x80;
            f.add(new Frame(b));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-q");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(f, 14 + 20), "-x");
        assertEquals(UdpPorts.Decoder.VAT, UdpPorts.decoder(40000, 3456));
        assertEquals(UdpPorts.Decoder.NONE, UdpPorts.decoder(3456, 40000));
        assertEquals(UdpPorts.Decoder.VAT, UdpPorts.decoder(137, 3456));   // NetBIOS: only with --enable-smb
        assertEquals(UdpPorts.Decoder.VAT, UdpPorts.decoder(2103, 3456));
    }

    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(all(), "rtp", "-T rtp -v", "-T rtcp -v", "-T vat");
    }

    /** C's %.2f rounds the exact binary value half to even. */
    @Test
    void twoDecimalsAsC() {
        Random random = new Random(2);
        double[] fixed = {0, 0.125, 0.375, 0.005, 1.005, 2.675, 4294967296.0, 4294967295.995, 1e-300, 65535.99998};
        List<Double> values = new ArrayList<>();
        for (double d : fixed) values.add(d);
        for (int i = 0; i < 2000; i++) values.add(random.nextInt(1 << 20) / 65536.0);
        for (int i = 0; i < 2000; i++) values.add((random.nextLong() >>> 32) + (random.nextLong() >>> 32) / 4294967296.0);
        for (double d : values) {
            StringBuilder out = new StringBuilder();
            Text.twoDecimals(out, d);
            assertEquals(new BigDecimal(d).setScale(2, RoundingMode.HALF_EVEN).toPlainString(), out.toString(), "" + d);
        }
    }
}
