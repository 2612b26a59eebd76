package dev.fabricscope.capture;

/**
 * A capture interface: the single implicit one of a classic pcap file, a pcapng IDB, or a live handle.
 *
 * @param name        if_name, or a synthetic name ("file", the device name) when the capture has none
 * @param description if_description or pcap_findalldevs' description; may be empty
 * @param linkType    LINKTYPE_* value
 * @param snapLen     snapshot length (0 = unlimited, as pcapng allows)
 * @param tsResolutionNanos nanoseconds per timestamp unit as stored (1000 for µs, 1 for ns); informative
 */
public record CaptureInterface(String name, String description, int linkType, int snapLen, long tsResolutionNanos) {
    public CaptureInterface {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }
}
