package dev.fabricscope.capture;

/** Caps on lengths read from capture files, so a corrupt length can neither exhaust memory nor stall us. */
final class Limits {
    private Limits() { }

    /** No record is ever larger than this (libpcap's bound for a "bogus" record). */
    static final long MAX_RECORD = 256L << 20;
    /** Largest caplen libpcap expects for any link type when the snaplen is smaller. */
    static final long DEFAULT_MAX_SNAPLEN = 262144;

    /** libpcap's max_snaplen_for_dlt: the largest record it accepts for a link type (LINKTYPE = DLT here). */
    static long maxSnapLenFor(int linkType) {
        return switch (linkType) {
            case 231 -> 128L << 20;  // DBUS
            case 279 -> 8L << 20;    // EBHSCR
            case 249 -> 1L << 20;    // USBPCAP
            default -> DEFAULT_MAX_SNAPLEN;
        };
    }

    /**
     * The snaplen libpcap 1.10 holds a pcap file or a pcapng interface to: its own, unless 0 or negative as a C
     * int, which mean the link type's maximum (measured with tcpdump 4.99.3: 300000 stays 300000, 2^31 becomes
     * 262144).
     */
    static long snapshot(int linkType, long snapLen) {
        return snapLen == 0 || snapLen > Integer.MAX_VALUE ? maxSnapLenFor(linkType) : snapLen;
    }
}
