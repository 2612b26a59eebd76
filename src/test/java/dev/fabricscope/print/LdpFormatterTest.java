package dev.fabricscope.print;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LDP on UDP and TCP 646 ({@link LdpMessages}) against tcpdump 4.99 itself: every message kind whole in every
 * verbosity, several PDUs to a segment, cut after every byte, and seeded random mutants.
 */
class LdpFormatterTest {
    @TempDir
    Path dir;

    private static List<Frame> all() {
        List<Frame> f = new ArrayList<>(LdpMessages.udpFrames());
        f.addAll(LdpMessages.tcpFrames());
        return f;
    }

    @Test
    void wholeOverUdpAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, LdpMessages.udpFrames(), "", "-v", "-vv", "-vvv", "-q");
    }

    @Test
    void wholeOverTcpAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, LdpMessages.tcpFrames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = new ArrayList<>(TcpdumpOracle.cutAfterEveryByte(LdpMessages.udpFrames(), 14 + 20 + 8));
        cut.addAll(TcpdumpOracle.cutAfterEveryByte(LdpMessages.tcpFrames(), 14 + 20 + 20));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v", "-vv");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(all(), "LDP", 646, 6, LdpFormatterTest::payload, 4, 24, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v", "-vv");
    }

    /** Where the LDP payload starts: after the UDP header or the 20-byte TCP header of our frames. */
    private static int payload(byte[] frame) {
        int transport = MutatedFrames.afterIp(frame);
        return transport + (frame[(frame[12] & 0xff) == 0x86 ? 14 + 6 : 14 + 9] == 17 ? 8 : 20);
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(all(), "LDP", "-vv");
    }
}
