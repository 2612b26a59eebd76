package dev.fabricscope.capture;

import java.io.IOException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Writes packets to a series of files named from a pattern, rotating by size (-C), packet time (-G) and
 * file count (-W) as {@link RotationPolicy} documents. Every packet goes to exactly one file (or, once
 * {@link #limitReached()}, to none: the caller must stop); a file is closed completely before the next
 * one opens. A write failure (disk full) leaves the current file ending at its last complete record and
 * is thrown with the file's name; the sink is then unusable.
 */
public final class RotatingSink implements PacketSink {
    /** Creates one output file. */
    @FunctionalInterface
    public interface FileOpener {
        CaptureWriter open(String fileName) throws IOException;
    }

    private final String pattern;
    private final RotationPolicy policy;
    private final FileOpener opener;
    private final ZoneId zone;
    private final InstantSource clock;
    private final Consumer<String> closedFiles;
    private CaptureWriter current;
    private long intervalStart;
    private int intervalFiles;   // -G rotations so far (tcpdump's Gflag_count)
    private int counter;         // -C file counter within the interval (tcpdump's Cflag_count)
    private boolean limitReached;
    private IOException failure;

    /** Files written with {@link CaptureWriters#open}; local time zone for names; clock only for an empty -G run. */
    public RotatingSink(String pattern, RotationPolicy policy, WriterOptions options) throws IOException {
        this(pattern, policy, options, name -> { });
    }

    /** {@code closedFiles} gets each file's name once it is completely written and closed (tcpdump's -z). */
    public RotatingSink(String pattern, RotationPolicy policy, WriterOptions options, Consumer<String> closedFiles)
            throws IOException {
        this(pattern, policy, name -> CaptureWriters.open(name, options), ZoneId.systemDefault(), InstantSource.system(),
            closedFiles);
    }

    public RotatingSink(String pattern, RotationPolicy policy, FileOpener opener, ZoneId zone, InstantSource clock)
            throws IOException {
        this(pattern, policy, opener, zone, clock, name -> { });
    }

    public RotatingSink(String pattern, RotationPolicy policy, FileOpener opener, ZoneId zone, InstantSource clock,
                        Consumer<String> closedFiles) throws IOException {
        if (pattern.equals("-") && policy.rotates()) {
            throw new IllegalArgumentException("-C and -G need a file name, not standard output");
        }
        this.pattern = pattern;
        this.policy = policy;
        this.opener = opener;
        this.zone = zone;
        this.clock = clock;
        this.closedFiles = closedFiles;
        // tcpdump opens its first file before any packet; with -G the name needs the first packet's time
        if (policy.periodSeconds() == 0) current = open(0);
    }

    @Override
    public void write(Packet packet, CaptureInterface iface) throws IOException {
        if (limitReached) throw new IllegalStateException("rotation file limit reached; stop writing");
        if (failure != null) throw new IOException(failure.getMessage(), failure);
        try {
            if (policy.periodSeconds() > 0 && rotateByTime(Math.floorDiv(packet.timestampNanos(), 1_000_000_000L))) {
                return;
            }
            if (policy.maxBytes() > 0 && current.size() > policy.maxBytes()) {
                closeCurrent();
                counter++;
                if (policy.maxFiles() > 0 && counter >= policy.maxFiles()) counter = 0;
                current = open(counter);
            }
            current.write(packet, iface);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Applies -G before a packet of this second; true when the -W limit stops the run instead. */
    private boolean rotateByTime(long second) throws IOException {
        if (current == null) {
            startInterval(second);
        } else if (second - intervalStart >= policy.periodSeconds()) {
            closeCurrent();
            intervalFiles++;
            if (policy.maxBytes() == 0 && policy.maxFiles() > 0 && intervalFiles >= policy.maxFiles()) {
                limitReached = true;
                return true;
            }
            startInterval(second);
        }
        return false;
    }

    private void startInterval(long second) throws IOException {
        intervalStart = policy.intervalStart(second);
        counter = 0;
        current = open(0);
    }

    /** True once -G with -W has written its last file: tcpdump says "Maximum file limit reached: W" and stops. */
    public boolean limitReached() {
        return limitReached;
    }

    /** Name of the file being written, or null before the first -G file and after the limit. */
    public String currentFileName() {
        return current == null ? null : current.name();
    }

    @Override
    public void flush() throws IOException {
        if (current != null && failure == null) current.flush();
    }

    /** Closes the current file; a -G run that saw no packet still leaves one empty file, as tcpdump does. */
    @Override
    public void close() throws IOException {
        if (current == null && !limitReached && failure == null) {
            startInterval(Math.floorDiv(clock.millis(), 1000L));
        }
        if (current != null) closeCurrent();
    }

    private CaptureWriter open(int fileCounter) throws IOException {
        return opener.open(policy.fileName(pattern, intervalStart, fileCounter, zone));
    }

    private void closeCurrent() throws IOException {
        CaptureWriter closing = current;
        current = null;
        closing.close();
        closedFiles.accept(closing.name());
    }
}
