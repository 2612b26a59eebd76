package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** capture -z COMMAND: tcpdump's post-rotation command, run on every file the rotation completed. */
class PostRotateCommandTest {
    @TempDir
    Path dir;

    private static final String LACP = Path.of("samples/lacp.pcap").toAbsolutePath().toString();

    @Test
    void gzipGetsEveryCompletedFileTheLastOneToo() throws Exception {
        Oracles.requireTool("gzip", "gzip");
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path zipped = Files.createDirectory(dir.resolve("zipped"));
        CliRun a = CliRun.of("capture", "-r", LACP, "-w", plain.resolve("p-%M%S.pcap").toString(), "-G", "5");
        CliRun b = CliRun.of("capture", "-r", LACP, "-w", zipped.resolve("p-%M%S.pcap").toString(), "-G", "5",
            "-z", "gzip");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(0, b.exitCode(), b.err());
        List<Path> files = list(plain);
        assertEquals(8, files.size(), "lacp.pcap spans 8 five-second intervals: " + files);
        assertEquals(files.stream().map(f -> f.getFileName() + ".gz").toList(),
            list(zipped).stream().map(f -> f.getFileName().toString()).toList(), "each file compressed, none left");
        for (Path f : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(zipped.resolve(f.getFileName() + ".gz")))) {
                assertArrayEquals(Files.readAllBytes(f), in.readAllBytes(), f.toString());
            }
        }
    }

    @Test
    void aFailingOrMissingCommandIsAProblemPerFile() throws Exception {
        CliRun failing = CliRun.of("capture", "-r", LACP, "-w", dir.resolve("f-%M%S").toString(), "-G", "5", "-z", "false");
        assertEquals(UserError.RUNTIME, failing.exitCode());
        assertEquals(8, failing.err().lines().filter(l -> l.matches("fabricscope: -z false .*f-\\d{4}: exit status 1"))
            .count(), failing.err());
        CliRun missing = CliRun.of("capture", "-r", LACP, "-w", dir.resolve("m").toString(), "-C", "1",
            "-z", dir.resolve("no-such-command").toString());
        assertEquals(UserError.RUNTIME, missing.exitCode());
        assertTrue(missing.err().contains("cannot run it"), missing.err());
    }

    @Test
    void withoutRotationItIsAUsageError() {
        CliRun run = CliRun.of("capture", "-r", LACP, "-w", dir.resolve("x").toString(), "-z", "gzip");
        assertEquals(UserError.USAGE, run.exitCode());
        assertTrue(run.err().contains("-z runs after each rotation: it needs -C or -G"), run.err());
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
