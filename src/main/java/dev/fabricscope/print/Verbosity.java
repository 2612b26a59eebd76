package dev.fabricscope.print;

/** How much {@link PacketPrinter} says per packet, as tcpdump's {@code -q}, default and {@code -v}. */
public enum Verbosity {
    /** {@code tcpdump -q}: protocol and length only ("tcp 52", "UDP, length 32"). */
    QUIET,
    /** {@code tcpdump -n -S}: flags, sequence numbers, window, options. */
    NORMAL,
    /** {@code tcpdump -n -S -v}: also the IP header fields and the TCP/UDP checksum verdict. */
    VERBOSE,
    /**
     * {@code tcpdump -vv} (and -vvv): as -v, plus the sequence number of every TCP segment and a hex dump of each
     * slow-protocols TLV (the protocols printed here show nothing more at -vvv).
     */
    VERY_VERBOSE;

    /** -v or more. */
    public boolean verbose() {
        return this == VERBOSE || this == VERY_VERBOSE;
    }
}
