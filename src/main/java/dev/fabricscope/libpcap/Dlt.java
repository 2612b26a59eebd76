package dev.fabricscope.libpcap;

/**
 * LINKTYPE_* (file) values to the DLT_* values libpcap's APIs take, as libpcap's linktype_to_dlt does on
 * Linux: the few LINKTYPEs below 104 whose DLT differs by platform map to Linux's DLT; others are equal.
 */
public final class Dlt {
    private Dlt() { }

    public static int fromLinkType(int linkType) {
        return switch (linkType) {
            case 100 -> 11;   // LINKTYPE_ATM_RFC1483 -> DLT_ATM_RFC1483
            case 101 -> 12;   // LINKTYPE_RAW -> DLT_RAW (12 on Linux)
            case 102 -> 15;   // LINKTYPE_SLIP_BSDOS -> DLT_SLIP_BSDOS
            case 103 -> 16;   // LINKTYPE_PPP_BSDOS -> DLT_PPP_BSDOS
            default -> linkType;
        };
    }
}
