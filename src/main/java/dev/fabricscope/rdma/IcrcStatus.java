package dev.fabricscope.rdma;

/** Outcome of an ICRC (or VCRC) check of one packet. */
public enum IcrcStatus {
    VALID,
    INVALID,
    /** The packet ends (caplen) before the CRC, or its length fields point outside it: not checked. */
    TRUNCATED,
    /** Not a RoCE/IB transport packet, or one that carries no such CRC. */
    NOT_APPLICABLE;

    /** True for VALID and INVALID: a result exists. */
    public boolean checked() {
        return this == VALID || this == INVALID;
    }
}
