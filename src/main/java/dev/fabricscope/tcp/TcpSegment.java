package dev.fabricscope.tcp;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;

/**
 * The TCP segment being handled, as a reused view over the current {@link Packet} and its {@link Layers}:
 * valid only during a listener call. Gives flags, sequence numbers, payload bytes and the TCP options.
 */
public final class TcpSegment {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    private Packet packet;
    private Layers layers;

    void bind(Packet packet, Layers layers) {
        this.packet = packet;
        this.layers = layers;
    }

    public Packet packet() { return packet; }
    public Layers layers() { return layers; }
    public int flags() { return layers.tcpFlags; }
    public boolean syn() { return (layers.tcpFlags & SYN) != 0; }
    public boolean ack() { return (layers.tcpFlags & ACK) != 0; }
    public boolean fin() { return (layers.tcpFlags & FIN) != 0; }
    public boolean rst() { return (layers.tcpFlags & RST) != 0; }
    public long seq() { return layers.tcpSeq; }
    public int srcPort() { return layers.srcPort; }
    public int dstPort() { return layers.dstPort; }
    public boolean ipv6() { return layers.networkKind == NetworkKind.IPV6; }
    public long timestampNanos() { return packet.timestampNanos(); }
    public long frameNumber() { return packet.frameNumber(); }
    /** Captured payload bytes (may be fewer than on the wire). */
    public int payloadLength() { return layers.payloadLength; }

    /** Payload byte {@code i} (0 <= i < payloadLength), unsigned. */
    public int payloadByte(int i) {
        if (i < 0 || i >= layers.payloadLength) throw new IndexOutOfBoundsException("payload byte " + i);
        return packet.u8(layers.payloadOffset + i);
    }

    /**
     * Packet offset of the first TCP option of this kind (its kind byte), or -1. Walks the options as
     * RFC 9293 lays them out (EOL ends, NOP is one byte, others have a length >= 2); a bad length stops.
     */
    public int findOption(int kind) {
        int off = layers.transportOffset + 20;
        int end = layers.transportOffset + layers.transportHeaderLength;
        while (off < end && packet.has(off, 1)) {
            int k = packet.u8(off);
            if (k == 0) return -1;
            if (k == 1) {
                off++;
                continue;
            }
            if (off + 1 >= end || !packet.has(off + 1, 1)) return -1;
            int len = packet.u8(off + 1);
            if (len < 2 || off + len > end) return -1;
            if (k == kind) return off;
            off += len;
        }
        return -1;
    }

    /**
     * True when the first option of {@code kind} has total length {@code length} (kind and length bytes
     * included, at least 6) and its first 4 data bytes are {@code value} (big-endian), e.g. SMC's
     * kind 254, length 6, 0xE2D4C3D9.
     */
    public boolean hasOption(int kind, int length, int value) {
        int off = findOption(kind);
        if (off < 0 || length < 6 || !packet.has(off, length)) return false;
        return packet.u8(off + 1) == length && (int) packet.u32(off + 2) == value;
    }
}
