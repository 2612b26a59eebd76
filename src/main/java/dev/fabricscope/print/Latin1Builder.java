package dev.fabricscope.print;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A StringBuilder whose characters are single bytes (ISO-8859-1): text that is written out as bytes, built as
 * bytes. smc-clc's output is 125 MB on the benchmark; through a StringBuilder each line was copied into a String,
 * encoded into a new array and copied again into the output buffer, and C2 spent ~0.1 s compiling the JDK's
 * string methods. Here digits and hex are written in place and the bytes go to the output as they are, which
 * is also what Go writes for raw bytes in a name (an EID byte 0xe9 stays one byte 0xe9).
 *
 * <p>Characters above 0xff cannot be held: {@link #append(CharSequence)} writes '?' for them. One thread.
 */
public final class Latin1Builder {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    public Latin1Builder(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes built so far are {@code array()[0 .. length())}; valid until the next append. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Empties the builder (keeps its capacity). */
    public void clear() {
        length = 0;
    }

    /** Each char of {@code s} as one byte; {@code s} must be Latin-1 text (string constants, {@link #toString}s). */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a plain copy for Latin-1 strings
    public Latin1Builder append(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    /** Any text, checked char by char: characters above 0xff become '?'. */
    public Latin1Builder append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes[length++] = c <= 0xff ? (byte) c : (byte) '?';
        }
        return this;
    }

    /** {@code c} must be Latin-1 (at most 0xff). */
    public Latin1Builder append(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Raw bytes, one char each. */
    public Latin1Builder append(byte[] raw, int offset, int count) {
        ensure(count);
        System.arraycopy(raw, offset, bytes, length, count);
        length += count;
        return this;
    }

    /** Decimal, as {@link StringBuilder#append(int)}. */
    public Latin1Builder append(int value) {
        return append((long) value);
    }

    /** Decimal, as {@link StringBuilder#append(long)}. */
    public Latin1Builder append(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) return append("-9223372036854775808");
            append('-');
            value = -value;
        }
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) digits++;
        ensure(digits);
        int end = length + digits;
        for (int at = end - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
        return this;
    }

    /** Decimal of {@code value} read as unsigned 64 bits, as {@link Long#toUnsignedString(long)}. */
    public Latin1Builder appendUnsigned(long value) {
        if (value >= 0) return append(value);
        long quotient = (value >>> 1) / 5;   // value / 10, unsigned
        append(quotient);
        return append((char) ('0' + (value - quotient * 10)));
    }

    /** Lower-case hex without leading zeros, as {@link Long#toHexString(long)} ("0" for zero). */
    public Latin1Builder appendHex(long value) {
        int digits = 1;
        while (digits < 16 && (value >>> (4 * digits)) != 0) digits++;
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) bytes[length++] = HEX[(int) (value >>> (4 * i)) & 15];
        return this;
    }

    /** Two lower-case hex digits of the byte {@code value}. */
    public Latin1Builder appendHexByte(int value) {
        ensure(2);
        bytes[length++] = HEX[(value >> 4) & 15];
        bytes[length++] = HEX[value & 15];
        return this;
    }

    /** The text as a String (one char per byte). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void ensure(int more) {
        if (more > bytes.length - length) {
            long wanted = Math.max((long) bytes.length * 2, (long) length + more);
            if (wanted > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("text longer than 2 GiB");
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
