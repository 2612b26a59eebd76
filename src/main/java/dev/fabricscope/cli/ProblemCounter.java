package dev.fabricscope.cli;

import dev.fabricscope.capture.ProblemReporter;
import java.io.PrintWriter;

/**
 * Prints input problems (a truncated or corrupt record, a filter that cannot apply to a link type) as
 * "fabricscope: ..." lines on stderr, and counts them: a command that met any ends with exit status 1, after
 * printing what it read, as tcpdump does for a truncated file.
 */
final class ProblemCounter implements ProblemReporter {
    private final PrintWriter err;
    private int count;

    ProblemCounter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void report(String message) {
        count++;
        err.println("fabricscope: " + message);
        err.flush();
    }

    /** {@code status} if it is not 0, else 1 when a problem was reported, else 0. */
    synchronized int exitStatus(int status) {
        return status != 0 ? status : count > 0 ? UserError.RUNTIME : 0;
    }
}
