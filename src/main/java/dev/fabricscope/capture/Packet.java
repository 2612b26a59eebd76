package dev.fabricscope.capture;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * One captured packet as a <em>view</em>: a source refills the same instance for every packet, so
 * nothing is allocated per packet. The bytes live in {@link #segment()} from {@link #offset()} for
 * {@link #capLen()} bytes (a slice of a reused read buffer, or of libpcap's ring). Consumers that keep a packet
 * past the next {@code next()} call must copy it ({@link #copyBytes()}).
 *
 * <p>Every accessor is bounds-checked against caplen: a read past it throws
 * {@link IndexOutOfBoundsException}, which the dissector turns into a malformed-packet event.
 */
public final class Packet {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;
    private int capLen;
    private int origLen;
    private long timestampNanos;
    private int interfaceId;
    private int linkType;
    private long frameNumber;

    /** Points this view at new bytes and metadata; called by sources. */
    public Packet set(MemorySegment segment, long offset, int capLen, int origLen,
                      long timestampNanos, int interfaceId, int linkType, long frameNumber) {
        this.segment = segment;
        this.offset = offset;
        this.capLen = capLen;
        this.origLen = origLen;
        this.timestampNanos = timestampNanos;
        this.interfaceId = interfaceId;
        this.linkType = linkType;
        this.frameNumber = frameNumber;
        return this;
    }

    public MemorySegment segment() { return segment; }
    public long offset() { return offset; }
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
        return segment.get(ValueLayout.JAVA_BYTE, offset + off) & 0xff;
    }

    public int u16(int off) {
        check(off, 2);
        return segment.get(U16, offset + off) & 0xffff;
    }

    public long u32(int off) {
        check(off, 4);
        return segment.get(U32, offset + off) & 0xffffffffL;
    }

    /** Copies {@code len} bytes at {@code off} into {@code dst} at {@code dstOff}. */
    public void copyTo(int off, byte[] dst, int dstOff, int len) {
        check(off, len);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset + off, dst, dstOff, len);
    }

    /** A fresh copy of the captured bytes (allocates: not for hot paths). */
    public byte[] copyBytes() {
        byte[] out = new byte[capLen];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, out, 0, capLen);
        return out;
    }

    private void check(int off, int len) {
        if (off < 0 || (long) off + len > capLen) {
            throw new IndexOutOfBoundsException("read of " + len + " bytes at " + off + " past caplen " + capLen);
        }
    }
}
