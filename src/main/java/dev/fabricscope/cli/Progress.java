package dev.fabricscope.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr for long file work, redrawn at most once a second, only when stderr is a
 * terminal (scripts and logs get no carriage-return noise). Called every 65536 packets by the loop.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final String name;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private boolean shown;

    private Progress(PrintWriter err, String name) {
        this.err = err;
        this.name = name;
    }

    /** A progress reporter when stderr is a terminal, else null. */
    static Progress forTerminal(PrintWriter err, String name) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() ? new Progress(err, name) : null;
    }

    void update(long read, long matched) {
        long now = System.nanoTime();
        if (now - lastShown < INTERVAL_NANOS) return;
        lastShown = now;
        shown = true;
        long seconds = (now - started) / 1_000_000_000L;
        err.print("\r" + name + ": " + read + " packets read, " + matched + " matched, " + seconds + " s");
        err.flush();
    }

    /** Ends the progress line so that later messages start on a fresh line. */
    void finish() {
        if (shown) {
            err.println();
            err.flush();
        }
    }
}
