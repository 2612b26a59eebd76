package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSink;
import java.io.IOException;

/** One sink shared by several capture threads (one per live interface). */
final class SynchronizedSink implements PacketSink {
    private final PacketSink sink;

    SynchronizedSink(PacketSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(Packet packet, CaptureInterface iface) throws IOException {
        sink.write(packet, iface);
    }

    @Override
    public synchronized boolean limitReached() {
        return sink.limitReached();
    }

    @Override
    public synchronized void flush() throws IOException {
        sink.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        sink.close();
    }
}
