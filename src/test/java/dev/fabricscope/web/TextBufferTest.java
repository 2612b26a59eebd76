package dev.fabricscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TextBufferTest {
    private static String text(TextBuffer.Snapshot s) {
        return new String(s.text(), StandardCharsets.UTF_8);
    }

    @Test
    void keepsEverythingUntilClearedLikeSmcGosBuffer() {
        // the sequence of hwipl/smc-go pkg/http/buffer_test.go: empty, write, append, reset
        TextBuffer b = new TextBuffer(1000, () -> { });
        assertEquals("", text(b.snapshot(false)));
        b.append("hello world");
        assertEquals("hello world", text(b.snapshot(false)));
        b.append("hello world");
        assertEquals("hello worldhello world", text(b.snapshot(true)));
        assertEquals("", text(b.snapshot(false)));
    }

    @Test
    void dropsOldestWritesPastTheLimitAndCountsThem() {
        AtomicInteger warnings = new AtomicInteger();
        TextBuffer b = new TextBuffer(10, warnings::incrementAndGet);
        b.append("aaaa\n");
        b.append("bbbb\n");
        assertEquals(0, warnings.get());
        b.append("cccc\n");
        b.append("dddd\n");
        TextBuffer.Snapshot s = b.snapshot(true);
        assertEquals("cccc\ndddd\n", text(s));
        assertEquals(10, s.droppedBytes());
        assertEquals(2, s.droppedWrites());
        assertEquals(1, warnings.get(), "warned once");
        // clearing also forgets the drop count
        b.append("e\n");
        assertEquals(0, b.snapshot(false).droppedBytes());
        assertEquals(2, b.size());
    }

    @Test
    void aWriteLargerThanTheLimitKeepsItsEnd() {
        TextBuffer b = new TextBuffer(4, () -> { });
        b.append("0123456789");
        TextBuffer.Snapshot s = b.snapshot(false);
        assertEquals("6789", text(s));
        assertEquals(6, s.droppedBytes());
    }

    /** smc-clc's lines arrive as bytes (a raw EID byte stays one byte); text is UTF-8; both in order. */
    @Test
    void bytesAsTheyAreAndTextAsUtf8() {
        TextBuffer b = new TextBuffer(100, () -> { });
        b.append(new byte[] {'x', 'E', (byte) 0xe9, '\n', 'y'}, 1, 3);
        b.append("\u00e9\n");
        b.append(new byte[0], 0, 0);
        assertEquals(java.util.HexFormat.of().formatHex(new byte[] {'E', (byte) 0xe9, '\n', (byte) 0xc3, (byte) 0xa9, '\n'}),
            java.util.HexFormat.of().formatHex(b.snapshot(false).text()));
        assertEquals(6, b.size());
    }

    @Test
    void limitMustFitOneArray() {
        assertThrows(IllegalArgumentException.class, () -> new TextBuffer(0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> new TextBuffer(1L << 31, () -> { }));
    }
}
