package dev.fabricscope.capture;

/**
 * Little-endian reads from byte arrays: pcap and pcapng files written on little-endian machines. Plain indexed
 * loads, for the reasons given in {@link BigEndian}.
 */
public final class LittleEndian {
    private LittleEndian() { }

    /** The 4 bytes at {@code i}, unsigned. */
    public static long u32(byte[] b, int i) {
        return (b[i] & 0xff | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | b[i + 3] << 24) & 0xffffffffL;
    }
}
