package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sFlow v5 on UDP 6343 ({@link SflowMessages}) against tcpdump 4.99 itself: every sample and record kind whole in
 * every verbosity, malformed datagrams, cut after every byte, seeded random mutants, and sFlow's place in tcpdump's
 * UDP port order.
 */
class SflowFormatterTest {
    @TempDir
    Path dir;

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, SflowMessages.frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, SflowMessages.portOrderFrames(), "", "-v");
    }

    /** The neighbours, in print-udp.c's order: LMP and VQP before sFlow, LWAPP and SIP after it. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.LMP, UdpPorts.decoder(701, 6343));
        assertEquals(UdpPorts.Decoder.VQP, UdpPorts.decoder(6343, 1589));
        assertEquals(UdpPorts.Decoder.SFLOW, UdpPorts.decoder(6343, 12223));
        assertEquals(UdpPorts.Decoder.SFLOW, UdpPorts.decoder(12222, 6343));
        assertEquals(UdpPorts.Decoder.SFLOW, UdpPorts.decoder(5060, 6343));
        assertEquals(UdpPorts.Decoder.LWAPP_CONTROL_WITH_AP, UdpPorts.decoder(5060, 12223));
        assertEquals(UdpPorts.Decoder.VQP, UdpPorts.decoder(1589, 40000));
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(SflowMessages.frames(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(SflowMessages.frames(), "SFLOW", 6343, 10, frame -> MutatedFrames.afterIp(frame) + 8, 4, 48,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v", "-vv");
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacket(SflowMessages.frames(), new PacketPrinter(ZoneOffset.UTC,
            Verbosity.VERBOSE, Set.of(), TimestampStyle.TIME, RawDump.NONE), 500, "sFlow");
    }
}
