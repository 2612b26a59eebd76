package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fabricscope.capture.ReadBack.Way;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage to valid files (a cheap, deterministic stand-in for the Jazzer runs): the
 * readers must end every input quickly, throw nothing but CaptureFormatException at open, and
 * report problems as one line each.
 */
class ReaderMutationTest {
    @TempDir Path dir;

    private static byte[] samplePcap() {
        Bytes b = PcapReaderTest.header(Bytes.be(), 0xa1b2c3d4L, 128, 1);
        for (int i = 0; i < 12; i++) PcapReaderTest.record(b, i, i, 20 + i, 60, Bytes.seq(20 + i, i));
        return b.toArray();
    }

    private static byte[] samplePcapng() {
        Bytes b = Pcapng.shb(Bytes.le());
        Pcapng.idb(b, 1, 96, Pcapng.option(Pcapng.option(b.like(), 2, Pcapng.text("eth0")), 9, new byte[] {9}));
        for (int i = 0; i < 4; i++) Pcapng.epb(b, 0, 1000L * i, 10 + i, 60, Bytes.seq(10 + i, i));
        Pcapng.spb(b, 5, Bytes.seq(5, 0));
        Pcapng.block(b, Pcapng.ISB, b.like().u32(0).u32(0).u32(0));
        Pcapng.opb(b, 0, 7, 3, 3, Bytes.seq(3, 0));
        Bytes be = Pcapng.shb(Bytes.be());
        Pcapng.idb(be, 113, 0, null);
        Pcapng.epb(be, 0, 1, 4, 4, Bytes.seq(4, 0));
        return b.raw(be).toArray();
    }

    private void mutateAndRead(byte[] original, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 1500; round++) {
                byte[] bytes = original.clone();
                int changes = 1 + random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    int at = random.nextInt(bytes.length);
                    switch (random.nextInt(3)) {
                        case 0 -> bytes[at] = (byte) random.nextInt(256);
                        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                        default -> bytes[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
                    }
                }
                if (random.nextInt(4) == 0) bytes = Bytes.cut(bytes, random.nextInt(bytes.length));
                Way way = random.nextBoolean() ? Way.FILE : Way.STREAM;
                readAll(bytes, way, "seed " + seed + " round " + round);
            }
        });
    }

    private void readAll(byte[] bytes, Way way, String what) throws IOException {
        List<String> problems = new ArrayList<>();
        try (PacketSource src = ReadBack.open(bytes, way, dir, problems::add)) {
            Packet p = new Packet();
            long frames = 0;
            while (src.next(p)) {
                frames++;
                assertTrue(p.capLen() >= 0 && p.offset() >= 0 && p.offset() + p.capLen() <= p.bytes().length, what);
                assertTrue(p.interfaceId() < src.interfaces().size(), what);
                if (p.capLen() > 0) p.u8(p.capLen() - 1);
                if (frames > bytes.length / 12 + 1) fail(what + ": more packets than the input can hold");
            }
        } catch (CaptureFormatException e) {
            assertTrue(!e.getMessage().contains("\n"), what);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": raw exception " + e, e);
        }
        assertTrue(problems.size() <= 2, what + ": " + problems);
        for (String problem : problems) assertTrue(!problem.contains("\n"), problem);
    }

    @Test
    void damagedPcap() {
        mutateAndRead(samplePcap(), 1);
    }

    @Test
    void damagedPcapng() {
        mutateAndRead(samplePcapng(), 2);
    }
}
