package dev.fabricscope.capture;

/** Capture file formats we read and write. LIVE marks a source that is not a file. */
public enum CaptureFormat {
    PCAP, PCAPNG, LIVE
}
