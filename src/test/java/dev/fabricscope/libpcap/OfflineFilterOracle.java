package dev.fabricscope.libpcap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** libpcap's own pcap_offline_filter (its bpf_filter), the oracle our interpreter is compared with. */
final class OfflineFilterOracle implements AutoCloseable {
    private final Libpcap lib = Libpcap.load();
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment program;
    private final MemorySegment header = arena.allocate(PcapLayouts.PCAP_PKTHDR);

    OfflineFilterOracle(BpfProgram bpf) {
        this.program = BpfCompiler.toNative(bpf, arena);
    }

    /** pcap_offline_filter's return value for {@code caplen} bytes of {@code bytes}, original length {@code wirelen}. */
    int run(byte[] bytes, int caplen, int wirelen) {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment data = tmp.allocate(Math.max(1, caplen));
            MemorySegment.copy(bytes, 0, data, ValueLayout.JAVA_BYTE, 0, caplen);
            header.set(ValueLayout.JAVA_INT, PcapLayouts.PKTHDR_CAPLEN, caplen);
            header.set(ValueLayout.JAVA_INT, PcapLayouts.PKTHDR_LEN, wirelen);
            try {
                return (int) lib.pcapOfflineFilter.handle().invokeExact(program, header, data);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
