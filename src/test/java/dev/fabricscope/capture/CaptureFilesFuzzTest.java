package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the pcap and pcapng readers through both inputs (a regular file and a stream) with arbitrary
 * bytes. Whatever the bytes: opening either succeeds or fails with a CaptureFormatException; reading
 * never throws, never returns a packet outside the input, never loops (each packet consumes input) and
 * both inputs yield the same packets. `./build test` fuzzes for a short time (see pom.xml, fuzz.duration);
 * longer: {@code ./build test-compile surefire:test@fuzz-capture-files -Dfuzz.duration=30m}.
 */
class CaptureFilesFuzzTest {
    private static final Path FILE = tempFile();

    private static Path tempFile() {
        try {
            Path p = Files.createTempFile("fuzz", ".cap");
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void readersNeverCrashAndAgree(byte[] input) throws IOException {
        List<String> streamed = readAll(() -> CaptureFiles.open(new ByteArrayInputStream(input), "fuzz", ProblemReporter.IGNORE),
            input.length);
        Files.write(FILE, input);
        List<String> fromFile = readAll(() -> CaptureFiles.open(FILE.toString(), ProblemReporter.IGNORE), input.length);
        if (streamed != null && fromFile != null) {
            assertTrue(streamed.equals(fromFile), "stream and file input disagree");
        }
    }

    private interface Opener {
        PacketSource open() throws IOException;
    }

    /** Packet summaries, or null when the input is rejected at open. */
    private static List<String> readAll(Opener opener, int inputLength) throws IOException {
        PacketSource source;
        try {
            source = opener.open();
        } catch (CaptureFormatException e) {
            return null;
        }
        List<String> packets = new ArrayList<>();
        try (source) {
            Packet p = new Packet();
            while (source.next(p)) {
                assertTrue(p.capLen() >= 0 && p.capLen() <= inputLength, "caplen beyond the input");
                assertTrue(p.interfaceId() >= 0 && p.interfaceId() < source.interfaces().size(), "unknown interface");
                assertTrue(packets.size() < inputLength, "more packets than input bytes: a loop");
                int sum = 0;
                for (int i = 0; i < p.capLen(); i++) sum = sum * 31 + p.u8(i);
                packets.add(p.timestampNanos() + "/" + p.capLen() + "/" + p.origLen() + "/" + p.linkType() + "/" + sum);
            }
        }
        return packets;
    }
}
