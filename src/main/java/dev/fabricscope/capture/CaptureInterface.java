package dev.fabricscope.capture;

/**
 * A capture interface: the single implicit one of a classic pcap file, a pcapng IDB, or a live handle.
 *
 * @param name        if_name, or a synthetic name ("file", the device name) when the capture has none
 * @param description if_description or pcap_findalldevs' description; may be empty
 * @param linkType    LINKTYPE_* value
 * @param snapLen     snapshot length (0 = unlimited, as pcapng allows)
 * @param tsResolutionNanos nanoseconds per timestamp unit as stored (1000 for µs, 1 for ns); informative
 * @param linkTypeExtension the upper six bits ({@link #LINK_TYPE_EXTENSION_MASK}) of a classic pcap file's
 *                    link-type field, which say whether packets end in an FCS and how long it is; 0 elsewhere.
 *                    Pcap files written from this interface carry them, as libpcap's pcap_dump does
 */
public record CaptureInterface(String name, String description, int linkType, int snapLen, long tsResolutionNanos,
                               int linkTypeExtension) {
    /** libpcap's LT_LINKTYPE_EXT: FCS length in 16-bit words (bits 28-31), a reserved bit, "FCS length present" (26). */
    public static final int LINK_TYPE_EXTENSION_MASK = 0xFC000000;

    public CaptureInterface {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        linkTypeExtension &= LINK_TYPE_EXTENSION_MASK;
    }

    /** The snapshot length libpcap holds this interface's packets to, and tcpdump reports: 0 is the link type's maximum. */
    public long libpcapSnapLen() {
        return Limits.snapshot(linkType, snapLen);
    }

    /** An interface whose link type says nothing about an FCS (pcapng, live, pcap files without those bits). */
    public CaptureInterface(String name, String description, int linkType, int snapLen, long tsResolutionNanos) {
        this(name, description, linkType, snapLen, tsResolutionNanos, 0);
    }
}
