package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LMP on UDP 701 ({@link LmpMessages}) against tcpdump 4.99 itself: every message type whole in every verbosity,
 * broken headers, objects and subobjects, short payloads, LMP's place among the UDP ports, cut after every byte, and
 * seeded random mutants (bandwidth floats among them).
 */
class LmpFormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, LmpMessages.frames(), "", "-v", "-vv", "-vvv", "-q");
    }

    @Test
    void brokenAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>(LmpMessages.brokenFrames());
        f.addAll(LmpMessages.shortFrames());
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v", "-vv", "-v -x");
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, LmpMessages.portOrderFrames(), "", "-v");
    }

    /** print-udp.c: BFD (destination) and LDP before LMP, LMP before VQP and sFlow, either side. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.LMP, UdpPorts.decoder(701, 40000));
        assertEquals(UdpPorts.Decoder.LMP, UdpPorts.decoder(40000, 701));
        assertEquals(UdpPorts.Decoder.LMP, UdpPorts.decoder(1589, 701));
        assertEquals(UdpPorts.Decoder.LMP, UdpPorts.decoder(701, 6343));
        assertEquals(UdpPorts.Decoder.BFD, UdpPorts.decoder(701, 3784));
        assertEquals(UdpPorts.Decoder.LMP, UdpPorts.decoder(3784, 701));
        assertEquals(UdpPorts.Decoder.LDP, UdpPorts.decoder(701, 646));
        assertEquals(UdpPorts.Decoder.VQP, UdpPorts.decoder(1589, 6343));
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> whole = new ArrayList<>(LmpMessages.frames());
        whole.addAll(LmpMessages.brokenFrames());
        List<Frame> cut = new ArrayList<>();
        for (Frame f : whole) cut.addAll(TcpdumpOracle.cutAfterEveryByte(List.of(f), payload(f.bytes())));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-v -x", "-vv");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(LmpMessages.all(), "LMP", 701, 6, LmpFormatterTest::payload, 4, 16,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v -x", "-vv");
    }

    /** Random float bit patterns (NaNs, infinities, subnormals, ties at a thousandth) as bandwidths. */
    @Test
    void bandwidthsAsTcpdump() throws Exception {
        Random random = new Random(MutatedFrames.fromEnvironment("LMP_SEED", 701));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            float[] f = new float[3];
            for (int j = 0; j < f.length; j++) {
                f[j] = switch (random.nextInt(4)) {
                    case 0 -> Float.intBitsToFloat(random.nextInt());
                    case 1 -> random.nextInt(1 << 24) / (float) (1 << random.nextInt(30));
                    case 2 -> random.nextInt(100_000) * 125f;
                    default -> random.nextInt(2_000_000) * 0.0625f;
                };
            }
            frames.add(LmpMessages.udp(LmpMessages.message(0, 14, LmpMessages.object(3, 12,
                hex("00000000 00000001 00000002"),
                LmpMessages.switchingType(150, 8, f[0], f[1])),
                LmpMessages.object(1, 8, hex("0000 0000 00000000 08 00 0000"),
                    u32(Float.floatToRawIntBits(f[2])),
                    u32(0)))));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-v");
    }

    /** Where the LMP message starts: after the UDP header on IPv4 or IPv6. */
    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    /**
     * All but the huge bandwidth, which {@link BgpAttributes#fixed3} prints through a BigDecimal, and the port-order
     * frames, which other printers (BFD, LDP) print.
     */
    @Test
    void printsWithoutAllocating() {
        List<Frame> frames = new ArrayList<>(LmpMessages.frames());
        frames.addAll(LmpMessages.brokenFrames());
        frames.addAll(LmpMessages.shortFrames());
        frames.removeIf(f -> java.util.Arrays.equals(f.bytes(), LmpMessages.hugeBandwidth().bytes()));
        PrinterAllocation.assertNoAllocationPerPacket(frames, new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERY_VERBOSE, Set.of(), TimestampStyle.TIME, RawDump.NONE), 200, "LMP");
    }
}
