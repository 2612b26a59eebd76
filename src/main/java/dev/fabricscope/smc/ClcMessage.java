package dev.fabricscope.smc;

/**
 * One decoded CLC (SMC connection layer control) message. Layouts follow the Linux kernel's
 * net/smc/smc_clc.h; byte arrays held by the records are the message's own copies and must not be modified.
 */
public sealed interface ClcMessage
    permits ClcProposalV1, ClcProposalV2, ClcAcceptConfirmSmcr, ClcAcceptConfirmSmcd, ClcDecline {

    ClcHeader header();

    /** The last four bytes of the message (an eyecatcher when well formed). */
    int trailer();

    /** The message bytes exactly as received (header to trailer), for hex dumps. */
    byte[] raw();

    /** "SMC-R", "SMC-D" or "Unknown", as smc-clc names the trailer. */
    default String trailerName() {
        return ClcHeader.eyecatcherName(trailer());
    }

    /** Whether the trailer is an SMC-R or SMC-D eyecatcher (smc-clc logs "invalid trailer" otherwise). */
    default boolean trailerValid() {
        return ClcHeader.isEyecatcher(trailer());
    }
}
