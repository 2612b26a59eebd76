package dev.fabricscope.smc;

/** Which TCP connections a {@link ClcTracker} follows. */
public enum ClcTrackingRule {
    /** smc-clc's rule: only connections whose SYN carried the SMC option (kind 254, E2 D4 C3 D9). */
    SYN_OPTION,
    /**
     * {@link #SYN_OPTION}, plus connections whose SYN is not in the capture when the first payload seen
     * starts with a CLC eyecatcher (a capture that started mid-connection).
     */
    SYN_OPTION_OR_EYECATCHER
}
