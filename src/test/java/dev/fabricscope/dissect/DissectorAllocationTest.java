package dev.fabricscope.dissect;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.Packet;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dissector allocates nothing per packet (the JMH -prof gc benchmark measures it precisely). */
class DissectorAllocationTest {
    @Test
    void noAllocationPerPacket() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        var threads = (com.sun.management.ThreadMXBean) bean;
        List<SampleFrames.Sample> samples = SampleFrames.ALL;
        Packet[] packets = new Packet[samples.size()];
        for (int i = 0; i < packets.length; i++) {
            byte[] b = samples.get(i).bytes();
            packets[i] = new Packet().set(b, 0, b.length, b.length, 0, 0,
                samples.get(i).linkType(), i + 1);
        }
        Layers l = new Layers();
        for (int round = 0; round < 2000; round++) for (Packet p : packets) Dissector.dissect(p, l);   // warm up
        long tid = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(tid);
        int rounds = 20_000;
        for (int round = 0; round < rounds; round++) for (Packet p : packets) Dissector.dissect(p, l);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        // 820,000 dissections: even 8 bytes each would be 6.5 MB; allow 64 KiB of unrelated VM noise
        assertTrue(allocated < 65_536, allocated + " bytes allocated over " + rounds * packets.length + " packets");
    }
}
