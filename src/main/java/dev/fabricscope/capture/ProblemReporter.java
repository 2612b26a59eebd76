package dev.fabricscope.capture;

/**
 * Receives one-line, user-facing descriptions of non-fatal input problems ("file x.pcap, offset 1234:
 * record length 4294967295 exceeds 262144, stopping"). The CLI prints them on stderr; tests collect them.
 */
@FunctionalInterface
public interface ProblemReporter {
    void report(String message);

    ProblemReporter IGNORE = message -> { };
}
