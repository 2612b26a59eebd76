package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Latin1Builder writes what StringBuilder and the JDK's number renderings write, one byte per char. */
class Latin1BuilderTest {
    private static final long[] EDGES = {0, 1, -1, 9, 10, 11, 99, 100, 255, 256, 65535, 65536, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 4294967295L, 4294967296L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -10, -999};

    private static long[] values() {
        SplittableRandom random = new SplittableRandom(7);
        long[] all = Arrays.copyOf(EDGES, EDGES.length + 2000 + 19 * 3);
        int n = EDGES.length;
        // every power of ten and its neighbours (where the digit count changes), 10^0 .. 10^18
        for (long p = 1, i = 0; i < 19; i++, p *= 10) {
            all[n++] = p - 1;
            all[n++] = p;
            all[n++] = p + 1;
        }
        for (int i = n; i < all.length; i++) {
            // every magnitude: random bits shifted to 1..64 significant bits
            all[i] = random.nextLong() >>> random.nextInt(64);
            if (i % 3 == 0) all[i] = -all[i];
        }
        return all;
    }

    @Test
    void numbersAsTheJdkWritesThem() {
        for (long v : values()) {
            assertEquals(Long.toString(v), new Latin1Builder(1).append(v).toString());
            assertEquals(Long.toUnsignedString(v), new Latin1Builder(1).appendUnsigned(v).toString());
            assertEquals(Long.toHexString(v), new Latin1Builder(1).appendHex(v).toString());
            assertEquals(Integer.toString((int) v), new Latin1Builder(1).append((int) v).toString());
        }
        assertEquals("0f", new Latin1Builder(1).appendHexByte(0x0f).toString());
        assertEquals("e9", new Latin1Builder(1).appendHexByte((byte) 0xe9).toString());
    }

    @Test
    void growsAndKeepsEverythingInOrder() {
        Latin1Builder b = new Latin1Builder(1);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            b.append("field ").append(i).append(',').append(' ');
            expected.append("field ").append(i).append(", ");
        }
        assertEquals(expected.toString(), b.toString());
        assertEquals(expected.length(), b.length());
        b.clear();
        assertEquals("", b.append("").toString());
    }

    @Test
    void bytesStayBytes() {
        Latin1Builder b = new Latin1Builder(4);
        b.append(new byte[] {'x', 'E', (byte) 0xe9, 0, 'y'}, 1, 3);
        assertArrayEquals(new byte[] {'E', (byte) 0xe9, 0}, Arrays.copyOf(b.array(), b.length()));
        assertEquals("E\u00e9\u0000", b.toString());
        // any text: a char beyond Latin-1 cannot be one byte
        b.clear();
        b.append((CharSequence) new StringBuilder("a\u00e9\u20acb"));
        assertArrayEquals(new byte[] {'a', (byte) 0xe9, '?', 'b'}, Arrays.copyOf(b.array(), b.length()));
    }
}
