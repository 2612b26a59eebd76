package dev.fabricscope.capture;

import java.util.Arrays;

/**
 * One captured packet as a <em>view</em>: a source refills the same instance for every packet, so
 * nothing is allocated per packet. The bytes live in {@link #bytes()} from {@link #offset()} for
 * {@link #capLen()} bytes (a slice of a reused read buffer; live packets are copied once out of libpcap's
 * ring into one). Consumers that keep a packet past the next {@code next()} call must copy it
 * ({@link #copyBytes()}).
 *
 * <p>A byte array, not a MemorySegment: indexed loads are what the interpreter, C1 and C2 handle cheapest, and
 * on a whole-file run the JIT's work on MemorySegment accessor trees cost more CPU than the packets
 * themselves (see {@link BigEndian}).
 *
 * <p>Every accessor is bounds-checked against caplen: a read past it throws
 * {@link IndexOutOfBoundsException}, which the dissector turns into a malformed-packet event.
 */
public final class Packet {
    private static final byte[] NONE = new byte[0];

    private byte[] bytes = NONE;
    private int offset;
    private int capLen;
    private int origLen;
    private long timestampNanos;
    private int interfaceId;
    private int linkType;
    private long frameNumber;
    private long fractionField = NO_FRACTION_FIELD;

    /**
     * Points this view at new bytes and metadata; called by sources. {@code capLen} bytes must exist in
     * {@code bytes} from {@code offset}.
     */
    public Packet set(byte[] bytes, int offset, int capLen, int origLen,
                      long timestampNanos, int interfaceId, int linkType, long frameNumber) {
        if (offset < 0 || capLen < 0 || offset > bytes.length - capLen) {
            throw new IllegalArgumentException("packet of " + capLen + " bytes at " + offset + " outside a buffer of "
                + bytes.length);
        }
        this.bytes = bytes;
        this.offset = offset;
        this.capLen = capLen;
        this.origLen = origLen;
        this.timestampNanos = timestampNanos;
        this.interfaceId = interfaceId;
        this.linkType = linkType;
        this.frameNumber = frameNumber;
        this.fractionField = NO_FRACTION_FIELD;
        return this;
    }

    /** {@link #fractionField()} of every sane record. */
    public static final long NO_FRACTION_FIELD = Long.MIN_VALUE;

    /**
     * Marks a pcap record whose time libpcap 1.10 reads otherwise than we do, which tcpdump prints and writes as it
     * reads it: the fraction field is out of range (negative as the signed 32-bit number libpcap reads, or a second
     * or more), or the seconds field has bit 31 set (libpcap: before 1970; we, as the pcap format and Wireshark:
     * 2038-2106). {@code nanos} is the fraction field scaled to nanoseconds; the time stamp already holds it.
     */
    public void fractionField(long nanos) {
        this.fractionField = nanos;
    }

    /** The fraction field of such a pcap record, in nanoseconds; {@link #NO_FRACTION_FIELD} for every other. */
    public long fractionField() { return fractionField; }

    /** The buffer holding this packet at {@link #offset()}; valid until the source's next packet. */
    public byte[] bytes() { return bytes; }
    public int offset() { return offset; }
    public int capLen() { return capLen; }
    public int origLen() { return origLen; }
    /** Packet time in nanoseconds since the Unix epoch (UTC). */
    public long timestampNanos() { return timestampNanos; }
    /** Index of the capture interface (pcapng IDB index, live handle index; 0 for classic pcap). */
    public int interfaceId() { return interfaceId; }
    /** LINKTYPE_* value of this packet's interface. */
    public int linkType() { return linkType; }
    /** 1-based position in the capture, as tshark and tcpdump -# number frames. */
    public long frameNumber() { return frameNumber; }

    public boolean has(int off, int len) {
        return off >= 0 && len >= 0 && (long) off + len <= capLen;
    }

    public int u8(int off) {
        check(off, 1);
        return bytes[offset + off] & 0xff;
    }

    public int u16(int off) {
        check(off, 2);
        return BigEndian.u16(bytes, offset + off);
    }

    public int u24(int off) {
        check(off, 3);
        return u8(off) << 16 | u16(off + 1);
    }

    public long u32(int off) {
        check(off, 4);
        return BigEndian.u32(bytes, offset + off);
    }

    /** Little-endian 16 bits: the byte order of radiotap, PPI, PKTAP, 802.11, 802.15.4, DECnet and vsock fields. */
    public int le16(int off) {
        check(off, 2);
        return (bytes[offset + off] & 0xff) | (bytes[offset + off + 1] & 0xff) << 8;
    }

    /** Little-endian 32 bits, unsigned. */
    public long le32(int off) {
        check(off, 4);
        return le16(off) | (long) le16(off + 2) << 16;
    }

    /** Copies {@code len} bytes at {@code off} into {@code dst} at {@code dstOff}. */
    public void copyTo(int off, byte[] dst, int dstOff, int len) {
        check(off, len);
        System.arraycopy(bytes, offset + off, dst, dstOff, len);
    }

    /** A fresh copy of the captured bytes (allocates: not for hot paths). */
    public byte[] copyBytes() {
        return Arrays.copyOfRange(bytes, offset, offset + capLen);
    }

    private void check(int off, int len) {
        if (off < 0 || len < 0 || (long) off + len > capLen) {
            throw new IndexOutOfBoundsException("read of " + len + " bytes at " + off + " past caplen " + capLen);
        }
    }
}
