package dev.fabricscope.cli;

import dev.fabricscope.capture.PacketSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A progress line on stderr for long file work ("big.pcap: 41% of 1.58 GB, 1.9M packets, 1.7M matched,
 * 610 MB/s"), redrawn at most once a second and only when stderr is a terminal, so scripts and logs get no
 * carriage-return noise. The reading loop calls {@link #read} after each packet.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final PacketSource source;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private boolean shown;

    Progress(PrintWriter err, PacketSource source) {
        this(err, source, INTERVAL_NANOS);
    }

    /** {@code intervalNanos}: the least time between two draws (the first one too). */
    Progress(PrintWriter err, PacketSource source, long intervalNanos) {
        this.err = err;
        this.source = source;
        this.intervalNanos = intervalNanos;
    }

    /** For `capture -w`, whose packets go to a file: a progress reporter when stderr is a terminal, else null. */
    static Progress forTerminal(PrintWriter err, PacketSource source) {
        return isTerminal(STDERR) ? new Progress(err, source) : null;
    }

    /**
     * For runs that print on stdout as they go (the analyzers, capture without -w or with --print): a progress
     * reporter when stderr is a terminal and stdout goes to a file (`fabricscope rdma qps -r big.pcap >
     * report.txt`), else null. Not into a pipe: its reader (less, head, jq) shares the terminal, where a progress
     * line would break its lines or screen.
     */
    static Progress whenStdoutIsAFile(PrintWriter err, PacketSource source) {
        return isTerminal(STDERR) && isFile(STDOUT) ? new Progress(err, source) : null;
    }

    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    /** Whether this process's file descriptor {@code fd} is a terminal. */
    static boolean isTerminal(int fd) {
        String target = target(fd);
        if (target != null) return namesTerminal(target);
        java.io.Console console = System.console();   // no /proc: stdin and stdout both terminals
        return console != null && console.isTerminal();
    }

    /** Whether {@code fd} is a file or a device other than a terminal (not a pipe or a socket); false unknown. */
    static boolean isFile(int fd) {
        String target = target(fd);
        return target != null && namesFile(target);
    }

    /** Where Linux's /proc says {@code fd} points ("/dev/pts/1", "pipe:[123]", a path), null when unknown. */
    private static String target(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    static boolean namesFile(String target) {
        return target.startsWith("/") && !namesTerminal(target);
    }

    /** A device path of a terminal: a pseudo-terminal, a virtual console or a serial line. */
    static boolean namesTerminal(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** After each packet, {@code read} counting it: every 65536 packets, {@link #update}. */
    void read(long read, long matched) {
        if ((read & 0xffff) == 0) update(read, matched);
    }

    /** {@code matched} below 0: a run without a filter, whose line counts packets only. */
    private void update(long read, long matched) {
        long now = System.nanoTime();
        if (now - lastShown < intervalNanos) return;
        lastShown = now;
        shown = true;
        err.print("\r" + line(read, matched, now - started) + "   ");
        err.flush();
    }

    String line(long read, long matched, long elapsedNanos) {
        StringBuilder s = new StringBuilder(source.name()).append(": ");
        long done = source.bytesRead();
        long total = source.totalBytes();
        if (done >= 0 && total > 0) {
            s.append(done * 100 / total).append("% of ").append(bytes(total)).append(", ");
        }
        s.append(count(read)).append(" packets");
        if (matched >= 0) s.append(", ").append(count(matched)).append(" matched");
        if (done > 0 && elapsedNanos > 0) s.append(", ").append(bytes(done * 1_000_000_000L / elapsedNanos)).append("/s");
        return s.toString();
    }

    private static String bytes(long n) {
        if (n >= 1_000_000_000L) return String.format("%.2f GB", n / 1e9);
        if (n >= 1_000_000L) return (n / 1_000_000L) + " MB";
        return (n / 1000L) + " kB";
    }

    private static String count(long n) {
        return n >= 1_000_000L ? String.format("%.1fM", n / 1e6) : String.valueOf(n);
    }

    /** Ends the progress line so that later messages start on a fresh line. */
    void finish() {
        if (shown) {
            err.println();
            err.flush();
        }
    }
}
