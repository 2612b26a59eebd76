package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sFlow v5 on UDP 6343 ({@link SflowMessages}) against tcpdump 4.99 itself: every sample and record kind whole in
 * every verbosity, malformed datagrams, cut after every byte, seeded random mutants, and sFlow's place in tcpdump's
 * UDP port order.
 */
class SflowFormatterTest extends TcpdumpConformance {
    @Override
    List<Frame> frames() {
        return SflowMessages.frames();
    }

    /** Cut after the UDP header of an IPv4 packet for every frame, as before; mutated after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("SFLOW", 6343, 10, 4, 48, MutatedFrames.ALL))
            .cut("-x", "-v")
            .mutated("-x", "-v", "-vv")
            .allocation("-v")
            .repeats(500);
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
}
