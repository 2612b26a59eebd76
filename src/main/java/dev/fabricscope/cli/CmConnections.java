package dev.fabricscope.cli;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.dissect.Decapsulator;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.cm.CmTracker;
import java.io.IOException;

/** The RDMA-CM connections of a capture file, for the commands that answer from them (rdma query, rdma cnp --for-flow). */
final class CmConnections {
    private CmConnections() { }

    /**
     * Tracks every packet of {@code file} (with a {@code decap}, the packet a tunnel carries instead of the tunnel's);
     * problems with single records go to {@code problems}, an unreadable file is a {@link UserError}.
     */
    static CmTracker track(String file, Decapsulator decapsulator, ProblemCounter problems) {
        CmTracker tracker = new CmTracker(event -> { });
        try (PacketSource source = Inputs.open(file, problems)) {
            Packet packet = new Packet();
            Layers layers = new Layers();
            while (source.next(packet)) {
                Dissector.dissect(packet, layers);
                tracker.process(decapsulator == null ? packet : decapsulator.inner(packet, layers), layers);
            }
        } catch (IOException e) {
            throw UserError.runtime(file + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
        }
        return tracker;
    }
}
