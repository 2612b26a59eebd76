package dev.fabricscope.tcp;

/**
 * Receives what a {@link TcpReassembler} finds. All calls happen inside {@link TcpReassembler#packet}
 * (or {@link TcpReassembler#finish}); a listener may call {@link TcpReassembler#ignore} on the flow it is
 * told about, and delivery for that flow stops at once.
 *
 * <p>Direction 0 is from endpoint 0 (the SYN's sender; without a SYN, the sender of the first tracked
 * packet) to endpoint 1; direction 1 is the reverse.
 *
 * @param <A> the per-flow state the listener attaches
 */
public interface TcpStreamListener<A> {
    /**
     * A packet of a flow not in the table that is a SYN (with or without ACK) or carries payload. Must not
     * allocate when it answers SKIP or IGNORE_FLOW: it runs for every such packet of untracked flows.
     */
    TcpTrackDecision track(TcpSegment segment);

    /** The flow was added with {@code first} (a SYN when {@link TcpFlow#synSeen()}); returns its attachment. */
    A opened(TcpFlow<A> flow, TcpSegment first);

    /**
     * Every packet of a tracked flow, before it is handled: held (out-of-order) and duplicate segments too, which
     * reach {@link #data} later or never. Must not stop tracking the flow.
     */
    default void segment(TcpFlow<A> flow, int direction, TcpSegment segment) { }

    /** The first SYN-ACK (direction 1) of a tracked flow; its options are in {@code synAck}. */
    default void synAck(TcpFlow<A> flow, TcpSegment synAck) { }

    /**
     * In-order stream bytes, each byte exactly once: {@code length} bytes of {@code bytes} at {@code offset},
     * valid only during the call. Time and frame are those of the segment that made the bytes contiguous.
     */
    void data(TcpFlow<A> flow, int direction, byte[] bytes, int offset, int length,
              long timestampNanos, long frameNumber);

    /** {@code missingBytes} of the stream were skipped (buffer bound hit, or bytes not captured). */
    default void gap(TcpFlow<A> flow, int direction, long missingBytes, long timestampNanos, long frameNumber) { }

    /** The flow left the table (not called after {@link TcpReassembler#ignore}). */
    default void closed(TcpFlow<A> flow, TcpCloseReason reason) { }
}
