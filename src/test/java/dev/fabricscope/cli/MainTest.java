package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsCommandsAndExitStatus() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: fabricscope"), run.out());
        assertTrue(run.out().contains("Commands:"), run.out());
        assertTrue(run.out().contains("Exit status"), run.out());
    }

    @Test
    void versionNamesProgramJavaAndLibpcap() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("fabricscope "), run.out());
        assertTrue(run.out().contains("Java 25"), run.out());
        assertTrue(run.out().contains("libpcap: "), run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLinePlusHint() {
        CliRun run = CliRun.of("--no-such-option");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        String[] lines = run.err().strip().split("\n");
        assertEquals(2, lines.length, run.err());
        assertTrue(lines[0].startsWith("fabricscope: Unknown option: '--no-such-option'"), run.err());
        assertTrue(lines[1].contains("--help"), run.err());
    }
}
