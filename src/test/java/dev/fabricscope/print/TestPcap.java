package dev.fabricscope.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a little-endian microsecond classic pcap (24-byte file header, 16-byte record headers). */
final class TestPcap {
    private TestPcap() { }

    /** A frame with its on-wire length (larger than the bytes when the capture truncated it). */
    record Frame(byte[] bytes, int origLen) {
        Frame(byte[] bytes) {
            this(bytes, bytes.length);
        }

        Frame cut(int capLen) {
            return new Frame(java.util.Arrays.copyOf(bytes, Math.min(capLen, bytes.length)), origLen);
        }
    }

    /** Frame i gets the time {@code firstSecond + i} seconds and 5 µs. */
    static void write(Path file, int linkType, long firstSecond, List<Frame> frames) throws IOException {
        int size = 24 + frames.stream().mapToInt(f -> 16 + f.bytes().length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType);
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            b.putInt((int) (firstSecond + i)).putInt(5).putInt(f.bytes().length).putInt(f.origLen()).put(f.bytes());
        }
        Files.write(file, b.array());
    }
}
