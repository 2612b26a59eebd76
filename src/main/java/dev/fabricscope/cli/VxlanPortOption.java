package dev.fabricscope.cli;

import dev.fabricscope.dissect.Decapsulator;
import dev.fabricscope.dissect.VxlanPorts;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --vxlan-port}: a mixin of the commands that take tunnels off (--decap, strip). */
final class VxlanPortOption {
    static final String DESCRIPTION = "Also take UDP PORT as VXLAN (besides 4789 and 8472): a site's own VXLAN port, "
        + "e.g. 65330 (repeatable, or comma-separated). It is VXLAN before any other tunnel.";

    @Option(names = "--vxlan-port", paramLabel = "PORT", split = ",", description = DESCRIPTION)
    List<Integer> ports = new ArrayList<>();

    /**
     * The VXLAN ports to use; a usage error when a port is out of range, or when ports were given but
     * {@code used} is false (the option {@code usedBy} that looks at them is off).
     */
    VxlanPorts ports(boolean used, String usedBy) {
        if (ports.isEmpty()) return VxlanPorts.STANDARD;
        if (!used) throw UserError.usage("--vxlan-port goes with " + usedBy);
        try {
            return VxlanPorts.with(ports);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--vxlan-port: " + e.getMessage());
        }
    }

    /** --decap's decapsulator (null without --decap), checking the ports as {@link #ports} does. */
    Decapsulator decapsulator(boolean decap) {
        VxlanPorts checked = ports(decap, "--decap");
        return decap ? new Decapsulator(checked) : null;
    }
}
