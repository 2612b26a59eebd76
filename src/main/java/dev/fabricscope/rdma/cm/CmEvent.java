package dev.fabricscope.rdma.cm;

/** What {@link CmTracker} reports to its listener, on the writer's thread. */
public sealed interface CmEvent {
    /** RTU seen: the connection is up and answers queries. */
    record Established(CmConnectionInfo connection) implements CmEvent { }

    /** The connection left the table (see {@link CmConnectionInfo#end()}). */
    record Ended(CmConnectionInfo connection) implements CmEvent { }

    /** A CM message that matches no tracked connection (its REQ was not captured, or it already ended). */
    record Unmatched(long frame, long timeNanos, String message, long localCommId, long remoteCommId) implements CmEvent { }

    /** A CM MAD that could not be decoded. */
    record Malformed(long frame, long timeNanos, String reason, int offset) implements CmEvent { }

    /** A SIDR_REQ was answered, or left without an answer (half-open timeout, end of input). */
    record SidrDone(SidrInfo sidr) implements CmEvent { }

    /** A new REQ (or SIDR_REQ) was not tracked because the table holds {@code capacity} entries. */
    record TableFull(long frame, long timeNanos, int capacity) implements CmEvent { }
}
