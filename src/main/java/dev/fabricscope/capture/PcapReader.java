package dev.fabricscope.capture;

import java.io.IOException;
import java.util.List;

/**
 * Classic pcap (tcpdump.org "PCAP Capture File Format"): a 24-byte file header, then records of a
 * 16-byte header (seconds, µs or ns fraction, caplen, origlen) and caplen bytes. This is the hot
 * path of file reading: {@link #next} allocates nothing and copies nothing beyond the buffered read.
 */
final class PcapReader implements PacketSource {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    /** Alexey Kuznetzov's patched libpcap (Red Hat 6 era): µs times, and 8 more bytes in each record header. */
    static final int MAGIC_KUZNETZOV = 0xa1b2cd34;
    static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int KUZNETZOV_RECORD_HEADER = 24;
    /** Bits 16-25 of the link-type field, which must be zero (libpcap 1.10 takes them for part of the link type). */
    private static final int LINK_TYPE_RESERVED = 0x03FF0000;

    /** Where caplen and len are in a record header: libpcap swapped them at version 2.3 (its rules, sf-pcap.c). */
    private enum Lengths { IN_ORDER, SWAPPED, SWAPPED_IF_CAPLEN_EXCEEDS_LEN }

    private final ByteInput in;
    private final String name;
    private final ProblemReporter problems;
    private final boolean bigEndian;
    private final long fracNanos;
    private final int linkType;
    private final long maxCapLen;
    private final long cutAt;
    private final List<CaptureInterface> interfaces;
    private final int recordHeader;
    private final Lengths lengths;
    private long frame;
    private boolean done;

    private PcapReader(ByteInput in, String name, ProblemReporter problems, boolean bigEndian, boolean nanos,
                       boolean kuznetzov, Lengths lengths, int linkType, int linkTypeExtension, long snapLen) {
        this.in = in;
        this.recordHeader = kuznetzov ? KUZNETZOV_RECORD_HEADER : RECORD_HEADER;
        this.lengths = lengths;
        this.name = name;
        this.problems = problems;
        this.bigEndian = bigEndian;
        this.fracNanos = nanos ? 1 : 1000;
        this.linkType = linkType;
        // libpcap 1.10's rules (checked with tcpdump -r ... -w): a record longer than the link type's maximum
        // ends the file with an error; one longer than the snaplen is cut to it; a snaplen of 0, or one that
        // is negative as a C int, means that maximum (Limits.snapshot).
        this.maxCapLen = Limits.maxSnapLenFor(linkType);
        this.cutAt = Limits.snapshot(linkType, snapLen);
        this.interfaces = List.of(new CaptureInterface("", "", linkType, (int) cutAt, fracNanos, linkTypeExtension));
    }

    /** Reads the file header at the input's position; bad headers throw, naming the file. */
    static PcapReader open(ByteInput in, String name, ProblemReporter problems) throws IOException {
        long at = in.fill(FILE_HEADER);
        if (at < 0) {
            throw new CaptureFormatException(name + ": truncated pcap file header (" + in.available()
                    + " of " + FILE_HEADER + " bytes)");
        }
        byte[] s = in.array();
        int h = (int) at;
        int magicBe = BigEndian.i32(s, h);
        int magicLe = Integer.reverseBytes(magicBe);
        boolean bigEndian = isMagic(magicBe);
        if (!bigEndian && !isMagic(magicLe)) {
            throw new CaptureFormatException(name + ": not a pcap file (starts with 0x"
                    + String.format("%08x", magicBe) + ")");
        }
        int magic = bigEndian ? magicBe : magicLe;
        int versions = (int) u32(s, h + 4, bigEndian);
        int major = bigEndian ? versions >>> 16 : versions & 0xffff;
        int minor = bigEndian ? versions & 0xffff : versions >>> 16;
        // libpcap 1.10 reads 2.0-2.4, and 543.0 (DG/UX tcpdump); before 2.3 caplen came after len
        Lengths lengths;
        if (major == 2 && minor <= 4) {
            lengths = minor < 3 ? Lengths.SWAPPED
                : minor == 3 ? Lengths.SWAPPED_IF_CAPLEN_EXCEEDS_LEN : Lengths.IN_ORDER;
        } else if (major == 543 && minor == 0) {
            lengths = Lengths.SWAPPED;
        } else {
            throw new CaptureFormatException(name + ": unsupported pcap version " + major + "." + minor);
        }
        long snapLen = u32(s, h + 16, bigEndian);
        // Upper bits of the link-type field carry FCS length information, not the link type; they are kept
        // for the files we write from this one, as tcpdump -r ... -w keeps them.
        int linkTypeField = (int) u32(s, h + 20, bigEndian);
        if ((linkTypeField & LINK_TYPE_RESERVED) != 0) {
            throw new CaptureFormatException(name + ": link-type field 0x" + String.format("%08x", linkTypeField)
                    + " has reserved bits set (16-25 must be zero)");
        }
        in.advance(FILE_HEADER);
        return new PcapReader(in, name, problems, bigEndian, magic == MAGIC_NANOS, magic == MAGIC_KUZNETZOV, lengths,
                linkTypeField & 0xffff, linkTypeField & CaptureInterface.LINK_TYPE_EXTENSION_MASK, snapLen);
    }

    /** A pcap magic number as read in the file's byte order. */
    static boolean isMagic(int magic) {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS || magic == MAGIC_KUZNETZOV;
    }

    @Override
    public boolean next(Packet packet) throws IOException {
        if (done) return false;
        ByteInput in = this.in;
        int header = recordHeader;
        long at = in.fill(header);
        if (at < 0) return endAtHeader();
        byte[] s = in.array();
        int h = (int) at;
        long sec = u32(s, h, bigEndian);
        long frac = u32(s, h + 4, bigEndian);
        long capLen = u32(s, h + 8, bigEndian);
        long origLen = u32(s, h + 12, bigEndian);
        if (lengths != Lengths.IN_ORDER && (lengths == Lengths.SWAPPED || capLen > origLen)) {
            long len = capLen;
            capLen = origLen;
            origLen = len;
        }
        if (capLen > maxCapLen) return absurdCapLen(capLen);
        long total = header + capLen;
        at = in.fill(total);
        if (at < 0) return truncated(capLen);
        in.advance(total);
        // libpcap reads the field as a signed 32-bit number (struct pcap_timeval): 0x80000000 and up are negative
        long fraction = (int) frac * fracNanos;
        // caplen > origlen is kept as written, as tshark 4.0 shows it (frame.cap_len 20, frame.len 10).
        packet.set(in.array(), (int) at + header, (int) Math.min(capLen, cutAt),
                (int) Math.min(origLen, Integer.MAX_VALUE),
                sec * 1_000_000_000L + fraction, 0, linkType, ++frame);
        if (fraction < 0 || fraction >= 1_000_000_000L || sec >= 0x8000_0000L) packet.fractionField(fraction);
        if (bigEndian) HostOrderHeaders.fromBigEndian(packet);
        return true;
    }

    private static long u32(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? BigEndian.u32(b, i) : LittleEndian.u32(b, i);
    }

    private boolean endAtHeader() {
        long left = in.available();
        if (left > 0) {
            problems.report(name + ": truncated record header at offset " + in.position() + " (" + left
                    + " of " + recordHeader + " bytes)");
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
                + ", " + Math.max(0, in.available() - recordHeader) + " bytes left)");
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
