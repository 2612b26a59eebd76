package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CLC framing over a byte stream cut in every way. Messages are built here from the CLC header layout. */
class ClcStreamFramerTest {
    /** A CLC message: eyecatcher, type, length (big-endian), version byte, body, trailer. */
    static byte[] message(int eyecatcher, int type, int length, boolean trailer) {
        byte[] m = new byte[length];
        for (int i = 0; i < 4; i++) m[i] = (byte) (eyecatcher >>> (24 - 8 * i));
        m[4] = (byte) type;
        m[5] = (byte) (length >>> 8);
        m[6] = (byte) length;
        m[7] = 0x10;
        for (int i = 8; i < length - 4; i++) m[i] = (byte) (i * 7);
        if (trailer) for (int i = 0; i < 4; i++) m[length - 4 + i] = m[i];
        return m;
    }

    static final class Events implements ClcStreamFramer.Events {
        final List<byte[]> messages = new ArrayList<>();
        final List<Long> frames = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int notClc;

        @Override
        public void message(byte[] b, int off, int len, int type, long t, long frame) {
            messages.add(Arrays.copyOfRange(b, off, off + len));
            frames.add(frame);
        }

        @Override
        public void problem(String reason, long t, long frame, boolean stopped) {
            problems.add(frame + " " + reason + (stopped ? " [stopped]" : ""));
        }

        @Override
        public void notClc(long t, long frame) { notClc++; }
    }

    private static void feed(ClcStreamFramer f, byte[] b, int from, int to, long frame, Events e) {
        f.feed(b, from, to - from, 0, frame, e);
    }

    @Test
    void everySplitPointIncludingInsideTheHeader() {
        byte[] a = message(ClcStreamFramer.EYECATCHER_SMC_R, 1, 52, true);
        byte[] b = message(ClcStreamFramer.EYECATCHER_SMC_D, 2, 48, true);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(a);
        s.writeBytes(b);
        byte[] stream = s.toByteArray();
        for (int cut1 = 0; cut1 <= stream.length; cut1++) {
            for (int cut2 = cut1; cut2 <= stream.length; cut2 += 5) {
                var f = new ClcStreamFramer();
                var e = new Events();
                feed(f, stream, 0, cut1, 1, e);
                feed(f, stream, cut1, cut2, 2, e);
                feed(f, stream, cut2, stream.length, 3, e);
                assertEquals(2, e.messages.size(), "cuts " + cut1 + "," + cut2);
                assertArrayEquals(a, e.messages.get(0));
                assertArrayEquals(b, e.messages.get(1));
                long firstDone = cut1 >= 52 ? 1 : cut2 >= 52 ? 2 : 3;
                assertEquals(firstDone, e.frames.get(0));
                assertTrue(e.problems.isEmpty());
            }
        }
    }

    @Test
    void declineStopsAndTheFollowingPlainDataIsIgnored() {
        byte[] d = message(ClcStreamFramer.EYECATCHER_SMC_R, 4, 28, true);
        byte[] stream = new byte[d.length + 16];
        System.arraycopy(d, 0, stream, 0, d.length);
        System.arraycopy("GET / HTTP/1.1\r\n".getBytes(), 0, stream, d.length, 16);
        var f = new ClcStreamFramer();
        var e = new Events();
        feed(f, stream, 0, stream.length, 7, e);
        assertEquals(1, e.messages.size());
        assertEquals(ClcStreamFramer.Stop.DECLINE, f.stop());
        assertEquals(0, e.notClc);
    }

    @Test
    void plainDataAtAMessageStartStops() {
        var f = new ClcStreamFramer();
        var e = new Events();
        byte[] p = "SSH-2.0-OpenSSH_9.2\r\n".getBytes();
        feed(f, p, 0, 2, 1, e);      // "SS" is not an eyecatcher prefix
        assertEquals(1, e.notClc);
        assertEquals(ClcStreamFramer.Stop.NOT_CLC, f.stop());
        var g = new ClcStreamFramer();
        byte[] near = {(byte) 0xE2, (byte) 0xD4, (byte) 0xC3, 0x00, 1, 0, 52, 0};
        feed(g, near, 0, 3, 1, e);   // a prefix: undecided
        assertEquals(ClcStreamFramer.Stop.NONE, g.stop());
        feed(g, near, 3, 8, 2, e);
        assertEquals(ClcStreamFramer.Stop.NOT_CLC, g.stop());
    }

    @Test
    void lengthBelowHeaderOrAbove1024IsMalformedWithFrame() {
        for (int len : new int[] {0, 4, 7, 1025, 65535}) {
            byte[] h = message(ClcStreamFramer.EYECATCHER_SMC_R, 1, 16, true);
            h[5] = (byte) (len >>> 8);
            h[6] = (byte) len;
            for (int cut : new int[] {16, 6}) {
                var f = new ClcStreamFramer();
                var e = new Events();
                feed(f, h, 0, cut, 84, e);
                feed(f, h, cut, 16, 85, e);
                assertEquals(ClcStreamFramer.Stop.MALFORMED, f.stop());
                assertEquals(1, e.problems.size(), e.problems.toString());
                assertTrue(e.problems.get(0).startsWith((cut == 16 ? 84 : 85) + " CLC header Length " + len), e.problems.get(0));
                assertTrue(e.messages.isEmpty());
            }
        }
    }

    @Test
    void zeroedTrailerIsReportedAndTheMessageStillDelivered() {
        byte[] d = message(ClcStreamFramer.EYECATCHER_SMC_R, 4, 28, false);
        var f = new ClcStreamFramer();
        var e = new Events();
        feed(f, d, 0, d.length, 76, e);
        assertEquals(1, e.messages.size());
        assertEquals(List.of("76 zeroed trailer does not match eyecatcher E2D4C3D9"), e.problems);
    }

    @Test
    void maximumLengthMessageInTinyPieces() {
        byte[] m = message(ClcStreamFramer.EYECATCHER_SMC_R, 1, 1024, true);
        var f = new ClcStreamFramer();
        var e = new Events();
        for (int i = 0; i < m.length; i++) feed(f, m, i, i + 1, i + 1, e);
        assertEquals(1, e.messages.size());
        assertArrayEquals(m, e.messages.get(0));
        assertEquals(1024L, e.frames.get(0));
    }
}
