package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * IEEE 802.3 slow protocols headline as tcpdump prints it: "LACPv1, length N", "MARKERv1, length N",
 * "OAM, length N", "unknown (N), length N". tcpdump -v goes on with the TLVs on further lines, and
 * dumps unknown subtypes in hex: we print the headline only (a known difference).
 */
final class SlowProtocolsFormatter {
    private static final int LACP = 1, MARKER = 2, OAM = 3;

    private final Verbosity verbosity;

    SlowProtocolsFormatter(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    void format(Packet p, int off, int length, StringBuilder out) {
        if (length < 1) {
            tooShort(out);
            return;
        }
        if (!p.has(off, 1)) {
            out.append(" [|slow]");
            return;
        }
        int subtype = p.u8(off);
        if (subtype == LACP || subtype == MARKER) {
            if (length < 2) {
                tooShort(out);
                return;
            }
            if (!p.has(off, 2)) {
                out.append(" [|slow]");
                return;
            }
            int version = p.u8(off + 1);
            String name = subtype == LACP ? "LACP" : "MARKER";
            if (version != 1) {
                out.append(name).append(" version ").append(version).append(" packet not supported");
                return;
            }
            out.append(name).append('v').append(version).append(", length ").append(length);
        } else if (subtype == OAM) {
            out.append("OAM, length ").append(length);
        } else {
            out.append("unknown (").append(subtype).append("), length ").append(length);
        }
    }

    private void tooShort(StringBuilder out) {
        out.append(verbosity == Verbosity.VERBOSE ? "\n\t\t packet is too short" : " (packet is too short)");
    }
}
