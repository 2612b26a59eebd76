package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;
import java.util.EnumSet;

/**
 * The analyzers' {@code --decap}: the packet carried in a GRE, VXLAN (also VXLAN-GPE and UDP port 8472), Geneve or
 * ERSPAN tunnel is analysed in place of the tunnel packet, so traffic mirrored by a switch or carried in an overlay
 * reads as if captured inside (as {@code fabricscope strip} would write it; see {@link EncapsulationStripper}).
 * Packets that cannot carry a tunnel cost one test of their dissected transport. One instance per thread.
 */
public final class Decapsulator {
    private final EncapsulationStripper stripper;

    public Decapsulator() {
        this(VxlanPorts.STANDARD);
    }

    /** VXLAN also on the extra ports of {@code vxlanPorts} (--vxlan-port). */
    public Decapsulator(VxlanPorts vxlanPorts) {
        stripper = new EncapsulationStripper(EnumSet.of(Encapsulation.GRE, Encapsulation.VXLAN, Encapsulation.GENEVE,
            Encapsulation.ERSPAN), vxlanPorts);
    }

    /**
     * The packet to analyse: {@code packet} itself, or the one its tunnel carries, in which case {@code layers}
     * (which describe {@code packet} on entry) are redone for it. The inner packet is a view valid until the next
     * call; it keeps the outer packet's time, frame number and interface.
     */
    public Packet inner(Packet packet, Layers layers) {
        if (!mayCarryTunnel(layers)) return packet;
        Packet inner = stripper.strip(packet, layers);
        if (inner != packet) Dissector.dissect(inner, layers);
        return inner;
    }

    private boolean mayCarryTunnel(Layers l) {
        return l.transportKind == TransportKind.GRE
            || l.transportKind == TransportKind.UDP && stripper.tunnelPort(l.dstPort);
    }
}
