package dev.fabricscope.libpcap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.fabricscope.capture.Packet;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interpreter allocates nothing per packet (the JMH benchmark measures speed; this guards allocation). */
class BpfInterpreterAllocationTest {
    @Test
    void runningAProgramAllocatesNothingPerPacket() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean, "no allocation counter in this JVM");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        // "tcp" as tcpdump -dd prints it for EN10MB (hand-copied from tcpdump -dd -r eth.pcap tcp): no libpcap needed
        BpfProgram tcp = BpfProgram.of(List.of(
            BpfInstruction.jump(0x28, 12, 0, 0), BpfInstruction.jump(0x15, 0x800, 0, 2),
            BpfInstruction.jump(0x30, 23, 0, 0), BpfInstruction.jump(0x15, 6, 6, 7),
            BpfInstruction.jump(0x15, 0x86dd, 0, 6), BpfInstruction.jump(0x30, 20, 0, 0),
            BpfInstruction.jump(0x15, 6, 3, 0), BpfInstruction.jump(0x15, 0x2c, 0, 3),
            BpfInstruction.jump(0x30, 54, 0, 0), BpfInstruction.jump(0x15, 6, 0, 1),
            BpfInstruction.jump(0x6, 262144, 0, 0), BpfInstruction.jump(0x6, 0, 0, 0)));
        List<TestFrames.Frame> frames = TestFrames.ethernetFrames();
        Packet[] packets = frames.stream().map(f -> TestFrames.packet(f.bytes(), f.bytes().length, f.bytes().length))
            .toArray(Packet[]::new);
        BpfInterpreter in = new BpfInterpreter(tcp);
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) sink += in.run(packets[i % packets.length]);   // warm up (JIT)
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        long t0 = System.nanoTime();
        int n = 5_000_000;
        for (int i = 0; i < n; i++) sink += in.run(packets[i % packets.length]);
        long nanos = System.nanoTime() - t0;
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.printf("tcp filter: %.1f ns/packet, %d bytes allocated over %d packets (sink %d)%n",
            (double) nanos / n, allocated, n, sink);
        assertTrue(allocated < 64 * 1024, allocated + " bytes allocated over " + n + " packets");
    }
}
