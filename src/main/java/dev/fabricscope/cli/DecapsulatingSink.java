package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSink;
import dev.fabricscope.dissect.Decapsulator;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.EncapsulationStripper;
import dev.fabricscope.dissect.Layers;
import java.io.IOException;

/**
 * capture --decap -w: writes the packet a tunnel carries (GRE, VXLAN, Geneve, ERSPAN) in place of the tunnel
 * packet, as {@code strip} would. Not thread-safe: several live loops share it behind a SynchronizedSink.
 */
final class DecapsulatingSink implements PacketSink {
    private final PacketSink target;
    private final Decapsulator decap;
    private final Layers layers = new Layers();

    DecapsulatingSink(PacketSink target, Decapsulator decap) {
        this.target = target;
        this.decap = decap;
    }

    @Override
    public void write(Packet packet, CaptureInterface iface) throws IOException {
        Dissector.dissect(packet, layers);
        target.write(EncapsulationStripper.forFile(packet, decap.inner(packet, layers)), iface);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public boolean limitReached() {
        return target.limitReached();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
