package dev.fabricscope.rdma;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** ICRC checks and the BTH/AETH hot-path accessors allocate nothing per packet. */
class IcrcAllocationTest {
    @Test
    void noAllocationPerPacket() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        var threads = (com.sun.management.ThreadMXBean) bean;
        Packet[] packets = {
            RdmaTestFrames.packet(RdmaTestFrames.LIBCONNTRACK_CNP, LinkType.RAW),
            RdmaTestFrames.ethernet(RdmaTestFrames.PCAPPLUSPLUS_READ_REQUEST),
            RdmaTestFrames.ethernet(RdmaTestFrames.SCAPY_ROCEV1_WRITE_ONLY),
            RdmaTestFrames.ethernet(RdmaTestFrames.SCAPY_ROCEV1_ACK),
        };
        Layers l = new Layers();
        Icrc icrc = new Icrc();
        long[] sink = new long[1];
        Runnable round = () -> {
            for (Packet p : packets) {
                Dissector.dissect(p, l);
                int bth = l.ibBthOffset;
                if (icrc.check(p, l) == IcrcStatus.VALID) sink[0]++;
                sink[0] += Bth.destQp(p, bth) + Bth.psn(p, bth) + Bth.opcode(p, bth) + (Bth.becn(p, bth) ? 1 : 0)
                    + Opcode.payloadOffset(bth, Bth.opcode(p, bth));
                if (Bth.opcode(p, bth) == Opcode.RC_ACKNOWLEDGE) sink[0] += Aeth.syndrome(p, bth + Bth.LENGTH);
            }
        };
        for (int i = 0; i < 5000; i++) round.run();   // warm up (JIT)
        long tid = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(tid);
        int rounds = 50_000;
        for (int i = 0; i < rounds; i++) round.run();
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 65_536, allocated + " bytes allocated over " + rounds * packets.length + " packets");
        assertTrue(sink[0] > 0);
    }
}
