package dev.fabricscope.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Builds test inputs byte by byte in a chosen byte order. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    Bytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static Bytes le() { return new Bytes(false); }
    /** An empty builder with this one's byte order. */
    Bytes like() { return new Bytes(bigEndian); }

    static Bytes be() { return new Bytes(true); }

    Bytes u8(int v) {
        out.write(v);
        return this;
    }

    Bytes u16(int v) {
        if (bigEndian) { u8(v >>> 8); u8(v); } else { u8(v); u8(v >>> 8); }
        return this;
    }

    Bytes u32(long v) {
        if (bigEndian) { u16((int) (v >>> 16)); u16((int) v); } else { u16((int) v); u16((int) (v >>> 16)); }
        return this;
    }

    Bytes u64(long v) {
        if (bigEndian) { u32(v >>> 32); u32(v); } else { u32(v); u32(v >>> 32); }
        return this;
    }

    Bytes raw(byte... b) {
        out.writeBytes(b);
        return this;
    }

    Bytes raw(Bytes b) {
        return raw(b.toArray());
    }

    /** Pads with zeros to a multiple of 4. */
    Bytes pad4() {
        while (out.size() % 4 != 0) out.write(0);
        return this;
    }

    int size() { return out.size(); }

    byte[] toArray() { return out.toByteArray(); }

    static byte[] seq(int len, int first) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = (byte) (first + i);
        return b;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bo.toByteArray();
    }

    static byte[] cut(byte[] data, int len) {
        return java.util.Arrays.copyOf(data, len);
    }
}
