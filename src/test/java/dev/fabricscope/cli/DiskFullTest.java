package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing onto a full disk, for real: a 256 KiB tmpfs (root only; CI runs as root). The run must say
 * so in one line, exit 1, and leave a file that tcpdump reads without complaint, ending on a whole record.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    private Path mount;

    @AfterEach
    void unmount() {
        if (mount != null) Oracles.run("umount", mount.toString());
    }

    @Test
    void fullDiskIsReportedAndTheFileEndsOnAWholeRecord() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root (CI runs as root)");
        Oracles.requireTcpdump();
        Oracles.requireTool("python3", "python3");
        Path small = Files.createDirectories(tmp.resolve("small"));
        assumeTrue(Oracles.run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString()).exitCode() == 0,
            "cannot mount a tmpfs here");
        mount = small;
        Path gen = Oracles.sharedCaptures().getParent().resolve("bench/gen_smc_bench.py");
        assumeTrue(Files.exists(gen), gen + " missing");
        Path input = tmp.resolve("in.pcap");
        assertEquals(0, Oracles.run("python3", gen.toString(), "--connections", "60", "--seed", "4", "-o",
            input.toString(), "-q").exitCode());
        assumeTrue(Files.size(input) > 600_000, "input too small to fill the disk");

        Path out = small.resolve("out.pcap");
        CliRun run = CliRun.of("capture", "-r", input.toString(), "-w", out.toString());
        assertEquals(1, run.exitCode(), run.err());
        String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("fabricscope: ") && last.contains("out.pcap") && last.contains("disk full"), run.err());

        Oracles.Run read = Oracles.run("tcpdump", "-n", "-r", out.toString());
        assertEquals(0, read.exitCode(), "tcpdump must read the cut file cleanly: " + read.err());
        long packets = read.out().lines().count();
        assertTrue(packets > 100, "only " + packets + " packets kept");
        // the kept packets are the input's first ones, unchanged
        Oracles.Run first = Oracles.run("tcpdump", "-n", "-c", String.valueOf(packets), "-r", input.toString());
        assertEquals(first.out(), read.out());
    }
}
