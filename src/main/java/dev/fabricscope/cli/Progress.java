package dev.fabricscope.cli;

import dev.fabricscope.capture.PacketSource;
import java.io.PrintWriter;

/**
 * A progress line on stderr for long file work ("big.pcap: 41% of 1.58 GB, 1.9M packets, 1.7M matched,
 * 610 MB/s"), redrawn at most once a second and only when stderr is a terminal, so scripts and logs get no
 * carriage-return noise. The loop calls {@link #update} every 65536 packets.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final PacketSource source;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private boolean shown;

    Progress(PrintWriter err, PacketSource source) {
        this.err = err;
        this.source = source;
    }

    /** A progress reporter when stderr is a terminal, else null. */
    static Progress forTerminal(PrintWriter err, PacketSource source) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() ? new Progress(err, source) : null;
    }

    void update(long read, long matched) {
        long now = System.nanoTime();
        if (now - lastShown < INTERVAL_NANOS) return;
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
        s.append(count(read)).append(" packets, ").append(count(matched)).append(" matched");
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
