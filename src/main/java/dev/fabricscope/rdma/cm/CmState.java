package dev.fabricscope.rdma.cm;

/**
 * Where a tracked connection stands: REQ_SENT -> (MRA_RCVD) -> REP_RCVD -> ESTABLISHED -> DREQ_SENT ->
 * DISCONNECTED; REJECTED (REJ seen) and TIMED_OUT (setup or disconnect never completed within the
 * half-open timeout, on packet time) end it early.
 */
public enum CmState {
    REQ_SENT, MRA_RCVD, REP_RCVD, ESTABLISHED, DREQ_SENT, DISCONNECTED, REJECTED, TIMED_OUT;

    public boolean terminal() {
        return this == DISCONNECTED || this == REJECTED || this == TIMED_OUT;
    }
}
