package dev.fabricscope.smc;

/** How an SMC connection setup ended, as {@code fabricscope smc} reports it; {@link #key} is the JSON value. */
public enum SmcOutcome {
    /** Accept, then Confirm: the connection uses SMC-R or SMC-D. */
    ESTABLISHED("established"),
    /** A Decline: fallback to TCP with the peer's reason. */
    DECLINED("declined"),
    /** SYN and SYN-ACK carried the SMC option but CLC was missing on one or both sides (a middlebox symptom). */
    NO_CLC("no_clc"),
    /** The handshake stopped without Decline (no answer, plain data, no Confirm): TCP was used. */
    FELL_BACK("fell_back"),
    /** The capture ended before the handshake did. */
    INCOMPLETE("incomplete"),
    /** A CLC message could not be framed or decoded, and no later message decided the outcome. */
    MALFORMED("malformed");

    private final String key;

    SmcOutcome(String key) {
        this.key = key;
    }

    public String key() { return key; }
}
