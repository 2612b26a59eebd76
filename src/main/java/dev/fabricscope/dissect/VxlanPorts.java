package dev.fabricscope.dissect;

import java.util.Collection;

/**
 * The UDP destination ports a VXLAN header is looked for on: IANA's 4789 and Linux's 8472 always, and a site's own
 * (tshark's "decode as"; e.g. Azure's 65330), which are tried first, so a port named here is VXLAN even where
 * VXLAN-GPE or Geneve would be expected. Immutable.
 */
public final class VxlanPorts {
    /** IANA's port. */
    static final int IANA = 4789;
    /** Linux's VXLAN port when none is configured (before IANA's 4789), and Cisco OTV's, which has VXLAN's header. */
    static final int LINUX = 8472;
    public static final VxlanPorts STANDARD = new VxlanPorts(new int[0]);

    private final int[] extra;

    private VxlanPorts(int[] extra) {
        this.extra = extra;
    }

    /** The standard ports and {@code ports}; throws IllegalArgumentException for a port outside 1-65535. */
    public static VxlanPorts with(Collection<Integer> ports) {
        int[] extra = ports.stream().mapToInt(Integer::intValue).distinct().toArray();
        for (int port : extra) {
            if (port < 1 || port > 0xffff) throw new IllegalArgumentException("not a UDP port: " + port);
        }
        return extra.length == 0 ? STANDARD : new VxlanPorts(extra);
    }

    boolean isVxlan(int port) {
        if (port == IANA || port == LINUX) return true;
        for (int p : extra) {
            if (p == port) return true;
        }
        return false;
    }
}
