package dev.fabricscope.smc;

import dev.fabricscope.tcp.TcpFlow;

/**
 * What a {@link ClcTracker} reports. The flow gives the endpoints: a message in {@code direction} goes from
 * {@code flow.srcAddress(direction)}:{@code flow.srcPort(direction)} to
 * {@code flow.dstAddress(direction)}:{@code flow.dstPort(direction)} (addresses as 4 or 16 bytes).
 * Direction 0 is from the SYN's sender (the client); without a captured SYN, from the sender of the
 * first CLC payload seen.
 */
public interface ClcListener {
    /**
     * One complete CLC message, exactly once: its {@code length} bytes (header to trailer) at {@code offset} of
     * {@code bytes}, valid only during the call (copy to keep). Time and frame are those of the segment that
     * completed it.
     */
    void message(TcpFlow<?> flow, int direction, byte[] bytes, int offset, int length, long timestampNanos,
                 long frameNumber);

    /**
     * A framing problem: a header Length below 8 or above 1024 (framing of that direction stops), a trailer
     * that does not match the eyecatcher (reported after the message, which was still delivered), or stream
     * bytes missing (framing of that direction stops).
     */
    void malformed(TcpFlow<?> flow, int direction, String reason, long timestampNanos, long frameNumber);

    /**
     * SYN and SYN-ACK both carried the SMC option but no CLC message followed, or only one side sent CLC
     * (and no Decline): the "SMC option echoed, no CLC" middlebox symptom. {@code reason} says which;
     * {@code timestampNanos} is the flow's last packet time. Reported when the flow shows plain data where
     * CLC was due, or closes (FIN, RST, idle or capacity eviction), not at the end of the capture.
     */
    void noClc(TcpFlow<?> flow, String reason, long timestampNanos);

    /**
     * The tracker stopped following {@code flow}, once per followed connection and after all its other calls;
     * {@code timestampNanos} is the flow's last packet time. For summaries (one outcome per connection).
     */
    default void ended(TcpFlow<?> flow, ClcFlowEnd why, long timestampNanos) { }
}
