package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.TestPcap.Frame;
import java.lang.management.ManagementFactory;
import java.util.List;

/** The printers' promise: once warmed up, dissecting and printing a packet allocates nothing. */
final class PrinterAllocation {
    private PrinterAllocation() { }

    /**
     * Dissects and prints every Ethernet frame {@code repeats} times, twice; the second round must allocate 0 bytes
     * per packet (the first warms up the JIT, whose escape analysis removes what the code would allocate).
     */
    static void assertNoAllocationPerPacket(List<Frame> frames, PacketPrinter printer, int repeats, String what) {
        assertNoAllocationPerPacket(frames, LinkType.EN10MB, printer, repeats, what);
    }

    /** As above, once with the printer of each tcpdump flag set ({@link TcpdumpOracle.PrinterFlags}: "-v", "-e -x"). */
    static void assertNoAllocationPerPacketWith(List<Frame> frames, String what, String... flagSets) {
        assertNoAllocationPerPacketWith(frames, LinkType.EN10MB, 200, what, flagSets);
    }

    /** As above for frames of {@code linkType}, each printed {@code repeats} times a round. */
    static void assertNoAllocationPerPacketWith(List<Frame> frames, int linkType, int repeats, String what,
                                                String... flagSets) {
        for (String flagSet : flagSets) {
            assertNoAllocationPerPacket(frames, linkType, TcpdumpOracle.PrinterFlags.of(flagSet).printer(), repeats,
                (what + " " + flagSet).strip());
        }
    }

    /** As above for frames of {@code linkType}. */
    static void assertNoAllocationPerPacket(List<Frame> frames, int linkType, PacketPrinter printer, int repeats,
                                            String what) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counter not available");
        Packet[] packets = new Packet[frames.size()];
        for (int i = 0; i < packets.length; i++) {
            byte[] bytes = frames.get(i).bytes();
            packets[i] = new Packet().set(bytes, 0, bytes.length, bytes.length, 0, 0, linkType, i + 1);
        }
        Layers l = new Layers();
        StringBuilder sb = new StringBuilder(1 << 16);
        // round 0 warms up; a printer that allocates per packet does so in every later round, while a one-off
        // allocation of the JVM's own (a compilation or deoptimization landing in a measured round, seen now and
        // then early in a test JVM) shows in one round only: the least of the measured rounds must be 0
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 1 + MEASURED_ROUNDS && least != 0; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < repeats; i++) {
                for (Packet p : packets) {
                    Dissector.dissect(p, l);
                    sb.setLength(0);
                    printer.format(p, l, sb);
                }
            }
            long perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / ((long) repeats * packets.length);
            if (round > 0) least = Math.min(least, perPacket);
        }
        assertEquals(0, least, "bytes allocated per " + what + " packet, in the least of " + MEASURED_ROUNDS + " rounds");
    }

    private static final int MEASURED_ROUNDS = 3;
}
