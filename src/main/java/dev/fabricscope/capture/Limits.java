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

    /** The largest caplen a record may have in a capture with this snaplen (0 = unlimited, as pcapng allows). */
    static long maxCapLen(long snapLen) {
        return Math.min(MAX_RECORD, Math.max(snapLen, DEFAULT_MAX_SNAPLEN));
    }
}
