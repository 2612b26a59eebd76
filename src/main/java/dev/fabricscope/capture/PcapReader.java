package dev.fabricscope.capture;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Classic pcap (tcpdump.org "PCAP Capture File Format"): a 24-byte file header, then records of a
 * 16-byte header (seconds, µs or ns fraction, caplen, origlen) and caplen bytes. This is the hot
 * path of file reading: {@link #next} allocates nothing and copies nothing beyond the buffered read.
 */
final class PcapReader implements PacketSource {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private static final ValueLayout.OfInt BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final ByteInput in;
    private final String name;
    private final ProblemReporter problems;
    private final boolean bigEndian;
    private final long fracNanos;
    private final int linkType;
    private final long maxCapLen;
    private final long cutAt;
    private final List<CaptureInterface> interfaces;
    private long frame;
    private boolean done;

    private PcapReader(ByteInput in, String name, ProblemReporter problems, boolean bigEndian,
                       boolean nanos, int linkType, long snapLen) {
        this.in = in;
        this.name = name;
        this.problems = problems;
        this.bigEndian = bigEndian;
        this.fracNanos = nanos ? 1 : 1000;
        this.linkType = linkType;
        // libpcap 1.10's rules (checked with tcpdump -r ... -w): a record longer than the link type's maximum
        // ends the file with an error; one longer than the snaplen is cut to it; a snaplen of 0, or one that
        // is negative as a C int, means that maximum.
        this.maxCapLen = Limits.maxSnapLenFor(linkType);
        long snap = snapLen == 0 || snapLen > Integer.MAX_VALUE ? maxCapLen : snapLen;
        this.cutAt = snap;
        this.interfaces = List.of(new CaptureInterface("", "", linkType, (int) snap, fracNanos));
    }

    /** Reads the file header at the input's position; bad headers throw, naming the file. */
    static PcapReader open(ByteInput in, String name, ProblemReporter problems) throws IOException {
        long at = in.fill(FILE_HEADER);
        if (at < 0) {
            throw new CaptureFormatException(name + ": truncated pcap file header (" + in.available()
                    + " of " + FILE_HEADER + " bytes)");
        }
        MemorySegment s = in.segment();
        int magicBe = s.get(BE, at);
        boolean bigEndian;
        boolean nanos;
        if (magicBe == MAGIC_MICROS || magicBe == MAGIC_NANOS) {
            bigEndian = true;
            nanos = magicBe == MAGIC_NANOS;
        } else {
            int magicLe = s.get(LE, at);
            if (magicLe != MAGIC_MICROS && magicLe != MAGIC_NANOS) {
                throw new CaptureFormatException(name + ": not a pcap file (starts with 0x"
                        + String.format("%08x", magicBe) + ")");
            }
            bigEndian = false;
            nanos = magicLe == MAGIC_NANOS;
        }
        int versions = bigEndian ? s.get(BE, at + 4) : s.get(LE, at + 4);
        int major = bigEndian ? versions >>> 16 : versions & 0xffff;
        int minor = bigEndian ? versions & 0xffff : versions >>> 16;
        if (major != 2) {
            throw new CaptureFormatException(name + ": unsupported pcap version " + major + "." + minor);
        }
        long snapLen = Integer.toUnsignedLong(bigEndian ? s.get(BE, at + 16) : s.get(LE, at + 16));
        // Upper bits of the link-type field carry FCS length information, not the link type.
        int linkType = (bigEndian ? s.get(BE, at + 20) : s.get(LE, at + 20)) & 0xffff;
        in.advance(FILE_HEADER);
        return new PcapReader(in, name, problems, bigEndian, nanos, linkType, snapLen);
    }

    @Override
    public boolean next(Packet packet) throws IOException {
        if (done) return false;
        ByteInput in = this.in;
        long at = in.fill(RECORD_HEADER);
        if (at < 0) return endAtHeader();
        MemorySegment s = in.segment();
        long sec, frac, capLen, origLen;
        if (bigEndian) {
            sec = Integer.toUnsignedLong(s.get(BE, at));
            frac = Integer.toUnsignedLong(s.get(BE, at + 4));
            capLen = Integer.toUnsignedLong(s.get(BE, at + 8));
            origLen = Integer.toUnsignedLong(s.get(BE, at + 12));
        } else {
            sec = Integer.toUnsignedLong(s.get(LE, at));
            frac = Integer.toUnsignedLong(s.get(LE, at + 4));
            capLen = Integer.toUnsignedLong(s.get(LE, at + 8));
            origLen = Integer.toUnsignedLong(s.get(LE, at + 12));
        }
        if (capLen > maxCapLen) return absurdCapLen(capLen);
        long total = RECORD_HEADER + capLen;
        at = in.fill(total);
        if (at < 0) return truncated(capLen);
        in.advance(total);
        // caplen > origlen is kept as written, as tshark 4.0 shows it (frame.cap_len 20, frame.len 10).
        packet.set(in.segment(), at + RECORD_HEADER, (int) Math.min(capLen, cutAt), (int) Math.min(origLen, Integer.MAX_VALUE),
                sec * 1_000_000_000L + frac * fracNanos, 0, linkType, ++frame);
        return true;
    }

    private boolean endAtHeader() {
        long left = in.available();
        if (left > 0) {
            problems.report(name + ": truncated record header at offset " + in.position() + " (" + left
                    + " of " + RECORD_HEADER + " bytes)");
        }
        return stop();
    }

    private boolean absurdCapLen(long capLen) {
        problems.report(name + ": record at offset " + in.position() + " has caplen " + capLen
                + ", larger than the maximum " + maxCapLen + "; stopping");
        return stop();
    }

    private boolean truncated(long capLen) {
        problems.report(name + ": truncated record at offset " + in.position() + " (caplen " + capLen
                + ", " + Math.max(0, in.available() - RECORD_HEADER) + " bytes left)");
        return stop();
    }

    private boolean stop() {
        done = true;
        return false;
    }

    @Override public List<CaptureInterface> interfaces() { return interfaces; }

    @Override public CaptureFormat format() { return CaptureFormat.PCAP; }

    @Override public String name() { return name; }

    @Override public long bytesRead() { return in.position(); }

    @Override public long totalBytes() { return in.size(); }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
