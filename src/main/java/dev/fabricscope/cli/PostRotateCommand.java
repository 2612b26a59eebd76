package dev.fabricscope.cli;

import dev.fabricscope.capture.ProblemReporter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * tcpdump's {@code -z COMMAND}: runs {@code COMMAND FILE} for each capture file the rotation closed (e.g. gzip),
 * in the background so the capture goes on. Unlike tcpdump, the last file gets it too, and the capture command
 * waits for every run before it exits, so a script finds the files processed. A command that cannot start or
 * fails is a problem (one line on stderr, exit status 1).
 */
final class PostRotateCommand implements Consumer<String>, AutoCloseable {
    private record Run(String file, Process process) { }

    private final String command;
    private final ProblemReporter problems;
    private final List<Run> runs = new ArrayList<>();

    PostRotateCommand(String command, ProblemReporter problems) {
        this.command = command;
        this.problems = problems;
    }

    @Override
    public synchronized void accept(String file) {
        runs.removeIf(r -> !r.process().isAlive() && reportExit(r));
        try {
            Process p = new ProcessBuilder(command, file).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            runs.add(new Run(file, p));
        } catch (IOException e) {
            problems.report("-z " + command + " " + file + ": cannot run it");
        }
    }

    /** Waits for every command started so far. */
    @Override
    public synchronized void close() {
        for (Run r : runs) {
            try {
                r.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            reportExit(r);
        }
        runs.clear();
    }

    private boolean reportExit(Run r) {
        int status = r.process().exitValue();
        if (status != 0) problems.report("-z " + command + " " + r.file() + ": exit status " + status);
        return true;
    }
}
