package dev.fabricscope.print;

/** How much {@link PacketPrinter} says per packet, as tcpdump's {@code -q}, default and {@code -v} to {@code -vvvv}. */
public enum Verbosity {
    /** {@code tcpdump -q}: protocol and length only ("tcp 52", "UDP, length 32"). */
    QUIET,
    /** {@code tcpdump -n -S}: flags, sequence numbers, window, options. */
    NORMAL,
    /** {@code tcpdump -n -S -v}: also the IP header fields and the TCP/UDP checksum verdict. */
    VERBOSE,
    /**
     * {@code tcpdump -vv}: as -v, plus the sequence number of every TCP segment, a hex dump of each slow-protocols
     * TLV, and the question, authority and additional sections of DNS responses.
     */
    VERY_VERBOSE,
    /** {@code tcpdump -vvv}: as -vv, plus the TTL of each DNS record. */
    MOST_VERBOSE,
    /**
     * {@code tcpdump -vvvv} (and more v's: no printer of tcpdump 4.99.3 tells 4 from 5): as -vvv, plus the raw
     * ForCES message, the contents of IEEE 802.15.4 IEs, and IKE payload data in hex.
     */
    EXTRA_VERBOSE;

    /** tcpdump's level for -q and a count of -v's: -q wins, and four or more v's are -vvvv. */
    public static Verbosity of(boolean quiet, int verboseCount) {
        return quiet ? QUIET : switch (Math.min(verboseCount, 4)) {
            case 0 -> NORMAL;
            case 1 -> VERBOSE;
            case 2 -> VERY_VERBOSE;
            case 3 -> MOST_VERBOSE;
            default -> EXTRA_VERBOSE;
        };
    }

    /** tcpdump's ndo_vflag for this level: 0 (-q and the default) to 4 (-vvvv), for printers that follow its tests. */
    public int vflag() {
        return this == QUIET ? 0 : ordinal() - NORMAL.ordinal();
    }

    /** -v or more. */
    public boolean verbose() {
        return compareTo(VERBOSE) >= 0;
    }

    /** -vv or more. */
    public boolean veryVerbose() {
        return compareTo(VERY_VERBOSE) >= 0;
    }

    /** -vvv or more (tcpdump's {@code ndo_vflag > 2}). */
    public boolean mostVerbose() {
        return compareTo(MOST_VERBOSE) >= 0;
    }

    /** -vvvv or more (tcpdump's {@code ndo_vflag > 3}). */
    public boolean extraVerbose() {
        return compareTo(EXTRA_VERBOSE) >= 0;
    }
}
