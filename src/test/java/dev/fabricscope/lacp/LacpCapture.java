package dev.fabricscope.lacp;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A multi-interface pcapng capture of LACP links, written with our own {@link CaptureWriters} pcapng writer
 * the way dumpcap or {@code fabricscope capture -i a -i b} writes one: one interface (IDB) per link, both
 * directions of a link on that link's interface, packets in time order.
 */
public final class LacpCapture {
    /** Seconds to nanoseconds from the start of the capture (2026-01-01T00:00:00Z). */
    public static final long START = 1_767_225_600L * 1_000_000_000L;

    private record Frame(long tsNanos, int iface, byte[] bytes, long seq) { }

    private final List<String> interfaces = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();

    /** Adds an interface named {@code name}; returns its index. */
    public int link(String name) {
        interfaces.add(name);
        return interfaces.size() - 1;
    }

    public int frameCount() {
        return frames.size();
    }

    /** One frame at {@code tsNanos} (absolute, ns since the epoch) on interface {@code iface}. */
    public LacpCapture add(long tsNanos, int iface, byte[] frame) {
        frames.add(new Frame(tsNanos, iface, frame, frames.size()));
        return this;
    }

    /** One LACPDU at {@code seconds} after {@link #START}. */
    public LacpCapture pdu(double seconds, int iface, long srcMac, LacpPduBuilder.Port actor, LacpPduBuilder.Port partner) {
        return add(at(seconds), iface, LacpPduBuilder.lacpdu(srcMac, actor, partner));
    }

    /** LACPDUs every {@code interval} seconds from {@code from} (inclusive) to {@code to} (exclusive). */
    public LacpCapture periodic(double from, double to, double interval, int iface, long srcMac,
                                LacpPduBuilder.Port actor, LacpPduBuilder.Port partner) {
        byte[] frame = LacpPduBuilder.lacpdu(srcMac, actor, partner);
        long step = Math.round(interval * 1e9);
        for (long t = at(from); t < at(to); t += step) add(t, iface, frame);
        return this;
    }

    public static long at(double seconds) {
        return START + Math.round(seconds * 1e9);
    }

    /** Writes the frames sorted by time (stable) to {@code file} as pcapng. */
    public Path write(Path file) throws IOException {
        List<CaptureInterface> ifaces = interfaces.stream()
            .map(n -> new CaptureInterface(n, "", LinkType.EN10MB, 262144, 1)).toList();
        List<Frame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingLong(Frame::tsNanos).thenComparingLong(Frame::seq));
        WriterOptions options = new WriterOptions(CaptureFormat.PCAPNG, 262144, LinkType.EN10MB, TimestampPrecision.NANO);
        Packet p = new Packet();
        try (CaptureWriter w = CaptureWriters.open(file.toString(), options)) {
            long n = 0;
            for (Frame f : sorted) {
                p.set(f.bytes(), 0, f.bytes().length, f.bytes().length, f.tsNanos(), f.iface(),
                    LinkType.EN10MB, ++n);
                w.write(p, ifaces.get(f.iface()));
            }
        }
        return file;
    }
}
