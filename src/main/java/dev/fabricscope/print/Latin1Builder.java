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
    /** "00" to "99". */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    /** 10^0 to 10^18. */
    private static final long[] POWERS_OF_10 = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        POWERS_OF_10[0] = 1;
        for (int i = 1; i < POWERS_OF_10.length; i++) POWERS_OF_10[i] = POWERS_OF_10[i - 1] * 10;
    }

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

    /**
     * Decimal, as {@link StringBuilder#append(long)}. Two digits per division, and the digit count from the bit
     * length: smc-clc's lines hold ~10 numbers each, many of them 19-digit GIDs and tokens.
     */
    public Latin1Builder append(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) return append("-9223372036854775808");
            append('-');
            value = -value;
        }
        int digits = digits(value);
        ensure(digits);
        int at = length + digits;
        while (value >= 100) {
            int pair = (int) (value % 100) * 2;
            value /= 100;
            bytes[--at] = DIGIT_PAIRS[pair + 1];
            bytes[--at] = DIGIT_PAIRS[pair];
        }
        if (value >= 10) {
            int pair = (int) value * 2;
            bytes[--at] = DIGIT_PAIRS[pair + 1];
            bytes[--at] = DIGIT_PAIRS[pair];
        } else {
            bytes[--at] = (byte) ('0' + value);
        }
        length += digits;
        return this;
    }

    /** Decimal digits of {@code value} >= 0: floor(bits * log10(2)) (1233/4096), plus one at the next power of 10. */
    private static int digits(long value) {
        if (value == 0) return 1;
        int d = (64 - Long.numberOfLeadingZeros(value)) * 1233 >>> 12;
        return value >= POWERS_OF_10[d] ? d + 1 : d;
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
