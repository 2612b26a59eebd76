package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.ascii;
import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * capture --json (also with -x's packet_hex, and Arista and MACsec fields) allocates nothing per packet once compiled (times, addresses, numbers
 * and bytes go straight to text).
 */
class PacketJsonAllocationTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void formattingAllocatesNothingPerPacket(boolean withBytes) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean, "no allocation counter in this JVM");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[][] frames = {
            ethernet(0x0800, ipv4(6, tcp(0x18, new byte[0], ascii("hello")))),
            vlan(100, 0x0800, ipv4(17, udp(4000, 4791, ascii("roce?"), IP_A, IP_B))),
            ethernet(0x86dd, ipv6(6, tcp(0x02, new byte[0], new byte[0]), 0x60000000L, IP6_A, IP6_B)),
            // an Arista timestamp header, then an integrity-only SecTAG with an SCI, IPv4 and the ICV
            ethernet(0xd28b, concat(hex("0001 0010 5e0be100 075bcd15 88e5 2000 00000009 0011223344550001 0800"),
                ipv4(17, udp(4000, 4791, ascii("roce?"), IP_A, IP_B)), new byte[16])),
        };
        Packet[] packets = new Packet[frames.length];
        Layers[] layers = new Layers[frames.length];
        for (int i = 0; i < frames.length; i++) {
            packets[i] = new Packet().set(frames[i], 0, frames[i].length, frames[i].length,
                1_577_934_245_000_004_000L + i * 1_001_000L, 0, 1, i + 1);
            layers[i] = new Layers();
            Dissector.dissect(packets[i], layers[i]);
        }
        PacketJson json = new PacketJson(withBytes);
        StringBuilder line = new StringBuilder(1024);
        long sink = 0;
        for (int i = 0; i < 300_000; i++) {   // warm up (JIT)
            line.setLength(0);
            json.format(packets[i % frames.length], layers[i % frames.length], "eth0", line);
            sink += line.length();
        }
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            json.format(packets[i % frames.length], layers[i % frames.length], "eth0", line);
            sink += line.length();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.printf("capture --json: %d bytes allocated over %d packets (sink %d)%n", allocated, n, sink);
        assertTrue(allocated < 64 * 1024, allocated + " bytes allocated over " + n + " packets");
    }
}
