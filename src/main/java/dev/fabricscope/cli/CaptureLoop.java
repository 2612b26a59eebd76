package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSink;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.libpcap.PacketFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves packets from one source through the filter to a sink (writer) or a printer, until the source
 * ends, the packet limit is reached or a stop is requested. Several loops (one per live interface) may
 * share a sink, the output and the packet count; they then synchronise on the shared objects. The
 * per-packet path allocates nothing: one reused Packet, Layers and StringBuilder per loop.
 */
final class CaptureLoop {
    /** Appends the line of a dissected packet, without its newline; one per loop (renderers reuse buffers). */
    interface Lines {
        void append(Packet p, Layers l, CaptureInterface iface, StringBuilder line);
    }

    private final PacketSource source;
    private final PacketFilter filter;
    private final PacketSink sink;
    private final Lines lines;
    private final PrintWriter out;
    private final boolean flushLines;
    private final boolean flushRecords;
    private final long limit;
    private final AtomicLong sharedCount;
    private final StopSignal stop;
    private final Progress progress;

    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    private final StringBuilder line = new StringBuilder(256);
    private long matched;
    private long read;

    /**
     * @param filter      null when the handle filters (live capture)
     * @param sink        null when nothing is written
     * @param lines       what to print, null to print nothing (-w without --print, or --count)
     * @param flushLines  flush the printed line after each packet (-l, live)
     * @param flushRecords flush the written record after each packet (-U)
     * @param limit       -c, 0 for no limit
     * @param sharedCount non-null when several loops share one -c limit
     */
    CaptureLoop(PacketSource source, PacketFilter filter, PacketSink sink, Lines lines, PrintWriter out,
                boolean flushLines, boolean flushRecords, long limit, AtomicLong sharedCount, StopSignal stop, Progress progress) {
        this.source = source;
        this.filter = filter;
        this.sink = sink;
        this.lines = lines;
        this.out = out;
        this.flushLines = flushLines;
        this.flushRecords = flushRecords;
        this.limit = limit;
        this.sharedCount = sharedCount;
        this.stop = stop;
        this.progress = progress;
    }

    /** Packets that passed the filter and were written, printed or (--count) just counted. */
    long matched() {
        return matched;
    }

    long read() {
        return read;
    }

    /** Runs to the end; I/O failures of the sink propagate (the sink has already cut back to whole records). */
    void run() throws IOException {
        Packet p = packet;
        // a live source ends itself on a stop (pcap_breakloop), after draining what the kernel holds
        boolean pollStop = source.format() != CaptureFormat.LIVE;
        while (!(pollStop && stop.stopped()) && source.next(p)) {
            read++;
            if (progress != null) progress.read(read, matched);
            if (filter != null && !filter.matches(p)) continue;
            if (!take()) break;
            matched++;
            if (sink != null) {
                sink.write(p, source.interfaces().get(p.interfaceId()));
                if (flushRecords) sink.flush();
            }
            if (lines != null) print(p);   // after the write, as tcpdump --print
            if (sink != null && sink.limitReached()) {
                stop.stop();
                break;
            }
            if (limit > 0 && sharedCount == null && matched >= limit) break;
        }
    }

    /** With a shared -c limit: claims one packet of the budget, stopping everyone when it is spent. */
    private boolean take() {
        if (sharedCount == null) return true;
        long n = sharedCount.incrementAndGet();
        if (limit > 0 && n >= limit) stop.stop();
        return limit == 0 || n <= limit;
    }

    private void print(Packet p) {
        line.setLength(0);
        Dissector.dissect(p, layers);
        try {
            lines.append(p, layers, source.interfaces().get(p.interfaceId()), line);
        } catch (RuntimeException e) {   // e.g. -E's bad secret at the first ESP packet: as tcpdump, the line so far
            synchronized (out) {
                out.append(line);
                out.flush();
            }
            throw e;
        }
        line.append('\n');
        synchronized (out) {
            out.append(line);
            if (flushLines) out.flush();
        }
    }
}
