package dev.fabricscope.capture;

/**
 * A sink writing one capture file (or stdout). Records are written whole: see {@link PacketSink}.
 */
public sealed interface CaptureWriter extends PacketSink permits PcapWriter, PcapngWriter {
    /** Bytes written so far including buffered records: what {@code pcap_dump_ftell} reports, used by -C. */
    long size();

    /** The output's name for messages ("-" for stdout). */
    String name();
}
