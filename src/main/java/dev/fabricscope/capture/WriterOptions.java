package dev.fabricscope.capture;

/**
 * How to write a capture file.
 *
 * @param format    {@link CaptureFormat#PCAP} or {@link CaptureFormat#PCAPNG}
 * @param snapLen   snaplen for the pcap file header (pcapng takes it from each interface)
 * @param linkType  the pcap file's single link type (pcapng takes it from each interface)
 * @param precision pcap timestamp precision (pcapng always keeps nanoseconds)
 * @param linkTypeExtension FCS bits for the pcap link-type field ({@link CaptureInterface#linkTypeExtension()})
 */
public record WriterOptions(CaptureFormat format, int snapLen, int linkType, TimestampPrecision precision,
                            int linkTypeExtension) {
    /** libpcap's largest snapshot for ordinary link types (MAXIMUM_SNAPLEN). */
    public static final int LIBPCAP_MAX_SNAPLEN = 262144;

    public WriterOptions {
        if (format != CaptureFormat.PCAP && format != CaptureFormat.PCAPNG) {
            throw new IllegalArgumentException("cannot write format " + format);
        }
        if (precision == null) precision = TimestampPrecision.MICRO;
        linkTypeExtension &= CaptureInterface.LINK_TYPE_EXTENSION_MASK;
    }

    /** A file of packets that carry no FCS information. */
    public WriterOptions(CaptureFormat format, int snapLen, int linkType, TimestampPrecision precision) {
        this(format, snapLen, linkType, precision, 0);
    }

    /** Options for writing the packets of {@code iface} with the given snaplen: its link type and FCS bits. */
    public static WriterOptions of(CaptureFormat format, int snapLen, CaptureInterface iface, TimestampPrecision precision) {
        return new WriterOptions(format, snapLen, iface.linkType(), precision, iface.linkTypeExtension());
    }

    /** Options for a pcap file like the one {@code tcpdump -r} would write from an interface, microsecond times. */
    public static WriterOptions pcap(CaptureInterface iface) {
        return of(CaptureFormat.PCAP, tcpdumpSnapLen(iface.snapLen()), iface, TimestampPrecision.MICRO);
    }

    /**
     * The snaplen tcpdump 4.99 / libpcap 1.10 writes into the header of {@code tcpdump -r IN -w OUT} for an
     * input whose header says {@code fileSnapLen}: 0 and values above 2^31-1 become 262144, anything else is
     * kept (measured with tcpdump 4.99.3 on files with snaplen 0, 100, 65535, 262145, 10^6, 2^31, 2^32-1).
     * libpcap also cuts records whose caplen exceeds the snaplen down to it when reading; that is the reader's job.
     */
    public static int tcpdumpSnapLen(long fileSnapLen) {
        long unsigned = fileSnapLen & 0xffffffffL;
        return unsigned == 0 || unsigned > Integer.MAX_VALUE ? LIBPCAP_MAX_SNAPLEN : (int) unsigned;
    }
}
