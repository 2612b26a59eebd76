package dev.fabricscope.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Small byte-array builders for tests that write frames and files by hand, following the specs. */
public final class ByteArrays {
    private ByteArrays() { }

    /** Bytes from hex digits; anything else (spaces, colons, dashes) is ignored. */
    public static byte[] hex(String s) {
        String h = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Big-endian (network order) 16 bits. */
    public static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    /** Big-endian (network order) 32 bits. */
    public static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    public static byte[] zeros(int n) {
        return new byte[n];
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Where {@code part} starts in {@code data}, every occurrence (overlapping ones too), in order. */
    public static java.util.List<Integer> offsetsOf(byte[] data, byte[] part) {
        java.util.List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) offsets.add(i);
        }
        return offsets;
    }
}
