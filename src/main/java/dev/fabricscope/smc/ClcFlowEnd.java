package dev.fabricscope.smc;

/** Why a {@link ClcTracker} stopped following a connection ({@link ClcListener#ended}). */
public enum ClcFlowEnd {
    /** The SYN carried the SMC option, the SYN-ACK did not: SMC was not agreed, no CLC follows. */
    NOT_ECHOED,
    /** The tracker had its answer: a Decline, plain data where CLC was due, or both directions done. */
    DECIDED,
    /** Both directions sent FIN. */
    FIN,
    /** A RST was seen. */
    RST,
    /** No packet for the idle timeout (packet time). */
    IDLE,
    /** The flow table was full and this connection was the least recently active. */
    CAPACITY,
    /** The capture ended while the connection was followed. */
    END_OF_CAPTURE
}
