package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-array packet view and its big-endian reads, checked against ByteBuffer's. */
class PacketViewTest {

    @Test
    void bigEndianReadsEqualByteBuffersAtEveryOffset() {
        byte[] b = new byte[64];
        new SplittableRandom(7).nextBytes(b);
        b[10] = (byte) 0xff;   // sign bits set somewhere for sure
        b[11] = (byte) 0x80;
        ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.length; i++) {
            assertEquals(be.getShort(i) & 0xffff, BigEndian.u16(b, i), "u16 at " + i);
            assertEquals(be.getInt(i), BigEndian.i32(b, i), "i32 at " + i);
            assertEquals(be.getInt(i) & 0xffffffffL, BigEndian.u32(b, i), "u32 at " + i);
            assertEquals(le.getInt(i) & 0xffffffffL, LittleEndian.u32(b, i), "little-endian u32 at " + i);
        }
    }

    @Test
    void readsAreRelativeToTheOffsetAndStopAtCaplen() {
        byte[] buf = {9, 9, 9, 1, 2, 3, 4, 5, 9};
        Packet p = new Packet().set(buf, 3, 5, 60, 7L, 2, LinkType.EN10MB, 11);
        assertEquals(1, p.u8(0));
        assertEquals(0x0102, p.u16(0));
        assertEquals(0x02030405L, p.u32(1));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, p.copyBytes());
        assertTrue(p.has(1, 4));
        assertFalse(p.has(2, 4));
        // the byte after caplen exists in the buffer but is not the packet's
        assertThrows(IndexOutOfBoundsException.class, () -> p.u8(5));
        assertThrows(IndexOutOfBoundsException.class, () -> p.u32(2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.u16(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> p.copyTo(4, new byte[4], 0, 2));
        assertEquals(60, p.origLen());
        assertEquals(11, p.frameNumber());
    }

    @Test
    void aViewOutsideItsBufferIsRefused() {
        Packet p = new Packet();
        assertThrows(IllegalArgumentException.class, () -> p.set(new byte[4], 1, 4, 4, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.set(new byte[4], -1, 1, 1, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.set(new byte[4], 0, -1, 1, 0, 0, 1, 1));
        assertEquals(4, p.set(new byte[4], 0, 4, 4, 0, 0, 1, 1).capLen());
    }
}
