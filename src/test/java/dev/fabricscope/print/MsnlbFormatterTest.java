package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * MS NLB heartbeats (ethertype 0x886f: 8 undocumented bytes, a little-endian host priority, the cluster and host
 * IPv4 addresses) against tcpdump 4.99 itself, after an Ethernet header or a VLAN tag, whole, cut after every byte
 * and mutated.
 */
class MsnlbFormatterTest extends TcpdumpConformance {
    static Frame heartbeat(String body) {
        return new Frame(ethernet(MsnlbFormatter.ETHERTYPE, hex(body)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(heartbeat("c0de0101 02000000 01000000 0a00000a 0a000001 0000000000000000"));
        f.add(heartbeat("00000000 00000000 ffffffff c0a80001 c0a80002"));
        f.add(heartbeat("00000000 00000000 20000000 00000000 ffffffff"));
        f.add(new Frame(vlan(4, MsnlbFormatter.ETHERTYPE, hex("00000000 00000000 03000000 0a00000a 0a000003"))));
        return f;
    }

    /** Cut after the Ethernet header for every frame, as before; mutated after it and a VLAN tag. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MSNLB", 0x886f, 50, 4, 0, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e")
            .cut("-x", "-v")
            .allocation("-v");
    }
}
