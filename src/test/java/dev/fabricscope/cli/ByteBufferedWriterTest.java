package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The same bytes as OutputStreamWriter with the same charset, whatever the sizes and kinds of writes. */
class ByteBufferedWriterTest {
    private static byte[] through(Function<ByteArrayOutputStream, Writer> writer, String... texts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(writer.apply(bytes));
        for (String t : texts) {
            out.append(new StringBuilder(t));  // as smc-clc's output hands over its text
            out.print(t.toCharArray());
            out.write(t, Math.min(1, t.length()), Math.max(0, t.length() - 1));
            out.write('|');
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void sameAsOutputStreamWriter(Charset charset, int buffer, String... texts) {
        byte[] expected = through(b -> new OutputStreamWriter(b, charset), texts);
        byte[] actual = through(b -> new ByteBufferedWriter(b, charset, buffer), texts);
        assertArrayEquals(expected, actual, charset + ", buffer " + buffer);
    }

    @Test
    void asciiLatin1AndWiderTextInEveryCharset() {
        String ascii = "10.0.0.1:10001 -> 10.0.0.2:50000: Proposal: Eyecatcher: SMC-R\n";
        String latin1 = "Hostname: h\u00f4te-\u00e9\u00ff\n";                // EIDs map bytes to ISO-8859-1 chars
        String wide = "\u2192 \ud83d\ude00 \u0416\n";                          // beyond Latin-1
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII}) {
            sameAsOutputStreamWriter(cs, 64 * 1024, ascii, latin1, wide, "");
        }
    }

    @Test
    void textLargerThanTheBufferAndManySmallWrites() {
        String big = "x".repeat(10_000) + "\n";
        sameAsOutputStreamWriter(StandardCharsets.UTF_8, 16, big, "a", "bc", big);
        String[] many = new String[2_000];
        for (int i = 0; i < many.length; i++) many[i] = "line " + i + "\n";
        sameAsOutputStreamWriter(StandardCharsets.UTF_8, 100, many);
    }

    @Test
    void nothingReachesTheStreamBeforeFlushOrAFullBuffer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBufferedWriter w = new ByteBufferedWriter(bytes, StandardCharsets.UTF_8, 8);
        w.write("abc", 0, 3);
        assertEquals(0, bytes.size());
        w.write("defghi", 0, 6);   // does not fit: the first three go out
        assertEquals("abc", bytes.toString(StandardCharsets.UTF_8));
        w.close();
        assertEquals("abcdefghi", bytes.toString(StandardCharsets.UTF_8));
    }

    /** smc-clc's lines come as bytes (EIDs raw, as Go writes them) between encoded text, in order. */
    @Test
    void bytesAndTextKeepTheirOrderAndBytesAreNotReencoded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BytePrintWriter out = new BytePrintWriter(bytes, StandardCharsets.UTF_8, 8);
        out.print("\u00e9:");                                              // text: UTF-8, two bytes
        out.writeBytes(new byte[] {'-', 'E', (byte) 0xe9, '-'}, 1, 2);    // bytes: one byte as it is
        out.print(":" + "y".repeat(20));                                   // larger than the buffer
        out.writeBytes(new byte[20], 0, 20);
        out.flush();
        byte[] expected = new byte[3 + 2 + 21 + 20];
        System.arraycopy(new byte[] {(byte) 0xc3, (byte) 0xa9, ':', 'E', (byte) 0xe9, ':'}, 0, expected, 0, 6);
        java.util.Arrays.fill(expected, 6, 26, (byte) 'y');
        assertArrayEquals(expected, bytes.toByteArray());
        assertEquals(false, out.checkError());
        out.close();
        out.writeBytes(new byte[1], 0, 1);
        assertEquals(true, out.checkError(), "a write after close is an error, as for PrintWriter");
    }
}
