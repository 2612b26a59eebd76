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
 * MS NLB heartbeats (ethertype 0x886f: 8 undocumented bytes, a little-endian host priority, the cluster and host
 * IPv4 addresses) against tcpdump 4.99 itself, after an Ethernet header or a VLAN tag, whole, cut after every byte
 * and mutated.
 */
class MsnlbFormatterTest {
    @TempDir
    Path dir;

    static Frame heartbeat(String body) {
        return new Frame(ethernet(MsnlbFormatter.ETHERTYPE, hex(body)));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(heartbeat("c0de0101 02000000 01000000 0a00000a 0a000001 0000000000000000"));
        f.add(heartbeat("00000000 00000000 ffffffff c0a80001 c0a80002"));
        f.add(heartbeat("00000000 00000000 20000000 00000000 ffffffff"));
        f.add(new Frame(vlan(4, MsnlbFormatter.ETHERTYPE, hex("00000000 00000000 03000000 0a00000a 0a000003"))));
        return f;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v", "-q", "-e");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "MSNLB", 0x886f, 50, MutatedFrames::afterEthernet, 4, 0,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v");
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "MS NLB", "-v");
    }
}
