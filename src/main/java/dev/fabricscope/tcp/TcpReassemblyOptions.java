package dev.fabricscope.tcp;

/**
 * Bounds of a {@link TcpReassembler}. Times are packet times (capture timestamps), never the clock.
 *
 * @param maxFlows                  flows tracked at once; one more evicts the least recently active flow
 * @param idleTimeoutNanos          a flow without packets for this long (packet time) is evicted
 * @param maxBufferedBytesPerDirection out-of-order bytes held per direction before a resync
 * @param maxSegmentsPerDirection   out-of-order segments held per direction (bounds thousands of tiny ones)
 * @param maxBufferedBytesTotal     out-of-order buffer bytes allocated over all flows
 * @param ignoredFlowSlots          capacity of the set that remembers ignored/closed flows (rounded up to 4096)
 */
public record TcpReassemblyOptions(int maxFlows, long idleTimeoutNanos, int maxBufferedBytesPerDirection,
                                   int maxSegmentsPerDirection, long maxBufferedBytesTotal, int ignoredFlowSlots) {
    public static final TcpReassemblyOptions DEFAULTS =
        new TcpReassemblyOptions(65_536, 60_000_000_000L, 256 * 1024, 256, 32L * 1024 * 1024, 1 << 18);

    public TcpReassemblyOptions {
        if (maxFlows < 1 || maxFlows > 1 << 24) throw new IllegalArgumentException("maxFlows out of range: " + maxFlows);
        if (idleTimeoutNanos < 0) throw new IllegalArgumentException("negative idle timeout");
        if (maxBufferedBytesPerDirection < 0 || maxSegmentsPerDirection < 0 || maxBufferedBytesTotal < 0) {
            throw new IllegalArgumentException("negative buffer bound");
        }
        if (ignoredFlowSlots < 0 || ignoredFlowSlots > 1 << 26) {
            throw new IllegalArgumentException("ignoredFlowSlots out of range: " + ignoredFlowSlots);
        }
    }

    public TcpReassemblyOptions withMaxFlows(int n) {
        return new TcpReassemblyOptions(n, idleTimeoutNanos, maxBufferedBytesPerDirection, maxSegmentsPerDirection,
            maxBufferedBytesTotal, ignoredFlowSlots);
    }

    public TcpReassemblyOptions withIdleTimeoutNanos(long t) {
        return new TcpReassemblyOptions(maxFlows, t, maxBufferedBytesPerDirection, maxSegmentsPerDirection,
            maxBufferedBytesTotal, ignoredFlowSlots);
    }

    public TcpReassemblyOptions withBufferBounds(int bytesPerDirection, int segmentsPerDirection, long bytesTotal) {
        return new TcpReassemblyOptions(maxFlows, idleTimeoutNanos, bytesPerDirection, segmentsPerDirection,
            bytesTotal, ignoredFlowSlots);
    }
}
