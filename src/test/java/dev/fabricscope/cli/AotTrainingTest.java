package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The launcher's AOT training run works on the bundled samples (else the cache would silently be missing). */
class AotTrainingTest {
    @Test
    void trainsOnTheSamplesAndRefusesAMissingDirectory() {
        CliRun ok = CliRun.of(AotTraining.NAME, "samples");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("", ok.out());
        assertEquals(1, CliRun.of(AotTraining.NAME, "no-such-dir").exitCode());
    }
}
