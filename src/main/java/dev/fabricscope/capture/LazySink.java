package dev.fabricscope.capture;

import java.io.IOException;

/**
 * Opens its real sink on the first packet, when the first interface is known (a pcapng file announces
 * interfaces in blocks before their packets, not in a file header). If no packet ever came, {@link #close}
 * opens it anyway with what is known, so an empty run still leaves a valid, empty capture file.
 */
public final class LazySink implements PacketSink {
    /** Opens the sink for the first interface (null when the input had none). */
    @FunctionalInterface
    public interface Opener {
        PacketSink open(CaptureInterface first) throws IOException;
    }

    private final Opener opener;
    private final CaptureInterface fallback;
    private PacketSink sink;

    public LazySink(Opener opener, CaptureInterface fallback) {
        this.opener = opener;
        this.fallback = fallback;
    }

    @Override
    public void write(Packet packet, CaptureInterface iface) throws IOException {
        if (sink == null) sink = opener.open(iface);
        sink.write(packet, iface);
    }

    @Override
    public boolean limitReached() {
        return sink != null && sink.limitReached();
    }

    @Override
    public void flush() throws IOException {
        if (sink != null) sink.flush();
    }

    @Override
    public void close() throws IOException {
        if (sink == null) sink = opener.open(fallback);
        sink.close();
    }
}
