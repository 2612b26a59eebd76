package dev.fabricscope.tcp;

/** Why a tracked flow left the table. */
public enum TcpCloseReason {
    /** Both directions sent FIN. */
    FIN,
    /** A RST was seen. */
    RST,
    /** No packet for the idle timeout (packet time). */
    IDLE,
    /** The table was full and this flow was the least recently active. */
    CAPACITY,
    /** {@link TcpReassembler#finish()} at the end of the capture. */
    END_OF_CAPTURE
}
