package dev.fabricscope.capture;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes classic pcap as libpcap's pcap_dump does on a little-endian host: a 24-byte header
 * (magic by precision, version 2.4, thiszone 0, sigfigs 0, snaplen, link type with the input's FCS bits, as
 * {@link DltNames#fileLinkType} says libpcap writes it) and one 16-byte record
 * header per packet. Nanosecond packet times are truncated to microseconds in a µs file, as libpcap
 * does when it scales a ns capture down. A record read with a fraction field of a second or more keeps that
 * field (tcpdump -r -w copies it; tcpdump prints it as it is).
 */
public final class PcapWriter implements CaptureWriter {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private final RecordOutput out;
    private final int linkType;
    private final TimestampPrecision precision;

    PcapWriter(RecordOutput out, int snapLen, int linkType, int linkTypeExtension, TimestampPrecision precision)
            throws IOException {
        this.out = out;
        this.linkType = linkType;
        this.precision = precision;
        ByteBuffer b = out.begin(FILE_HEADER);
        b.putInt(precision.magic()).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snapLen).putInt(DltNames.fileLinkType(linkType) | linkTypeExtension);
        out.end();
    }

    @Override
    public void write(Packet packet, CaptureInterface iface) throws IOException {
        if (packet.linkType() != linkType) {
            throw new IOException(out.name() + ": frame " + packet.frameNumber() + " has link type "
                    + LinkType.name(packet.linkType()) + " but the file has " + LinkType.name(linkType)
                    + "; pcap holds one link type; use --format pcapng");
        }
        long ts = packet.timestampNanos();
        long seconds = Math.floorDiv(ts, 1_000_000_000L);
        long fraction = Math.floorMod(ts, 1_000_000_000L) / precision.nanosPerUnit();
        long fieldNanos = packet.fractionField();
        if (fieldNanos != Packet.NO_FRACTION_FIELD) {
            // an out-of-range fraction field is written back as pcap_dump does: in the output's unit (libpcap
            // divides toward zero), as it was read, if libpcap can read it back the same (a signed 32-bit number)
            long field = fieldNanos / precision.nanosPerUnit();
            if (field == (int) field) {
                seconds = Math.floorDiv(ts - fieldNanos, 1_000_000_000L);
                fraction = field;
            }
        }
        int capLen = packet.capLen();
        ByteBuffer b = out.begin(RECORD_HEADER + capLen);
        b.putInt((int) seconds).putInt((int) fraction).putInt(capLen).putInt(packet.origLen());
        out.putBytes(packet.bytes(), packet.offset(), capLen);
        out.end();
    }

    @Override
    public long size() { return out.size(); }

    @Override
    public String name() { return out.name(); }

    @Override
    public void flush() throws IOException { out.flush(); }

    @Override
    public void close() throws IOException { out.close(); }
}
