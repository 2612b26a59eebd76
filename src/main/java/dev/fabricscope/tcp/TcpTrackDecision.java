package dev.fabricscope.tcp;

/** What a {@link TcpStreamListener} wants done with a packet of a flow that is not in the table. */
public enum TcpTrackDecision {
    /** Start tracking the flow with this packet. */
    TRACK,
    /** Not this packet; ask again for the next one of the flow. */
    SKIP,
    /** Never ask again for this flow (remembered until a new SYN reuses the 4-tuple, or the set forgets it). */
    IGNORE_FLOW
}
