package dev.fabricscope.print;

import static dev.fabricscope.print.LmpNames.*;

/**
 * OIF UNI 1.0's Service Config object (LMP service discovery) as tcpdump 4.99 prints it: supported signalling
 * protocols (C-Type 1), client port service attributes (2), transparency and TCM (3), network diversity (4). Its
 * lines start with "\n\t " (tcpdump's own, shallower than the other objects'), but the local interface ID's.
 */
final class LmpServiceConfig {
    private LmpServiceConfig() { }

    private static final String INDENT = "\n\t ";

    /** The body, {@code len} bytes at {@code at}, captured whole; true for an unknown C-Type (dumped in hex). */
    static boolean print(SnapshotBytes b, int ctype, int at, int len, StringBuilder out) {
        int expected = switch (ctype) {
            case 1, 4 -> 4;
            case 2 -> 16;
            case 3 -> 8;
            default -> -1;
        };
        if (expected < 0) return true;
        if (len != expected) {
            out.append(" (not correct for object)");
            return false;
        }
        switch (ctype) {
            case 1 -> {
                flags(out.append(INDENT).append("Flags: "), b.u8(at), PROTOCOL_BITS, PROTOCOLS);
                out.append(INDENT).append(" UNI Version: ").append(b.u8(at + 1));
            }
            case 2 -> clientPort(b, at, out);
            case 3 -> {
                flags(out.append(INDENT).append("Transparency Flags: "), b.u32(at), NSA_TRANSPARENCY_BITS,
                    NSA_TRANSPARENCY);
                flags(out.append(INDENT).append("TCM Monitoring Flags: "), b.u8(at + 7), TCM_BITS, TCM);
            }
            default -> flags(out.append(INDENT).append("Diversity: Flags: "), b.u8(at + 3), DIVERSITY_BITS, DIVERSITY);
        }
        return false;
    }

    /** Client Port Service Attributes: link and signal type, transparency, concatenation, NCC/NVC bounds, interface. */
    private static void clientPort(SnapshotBytes b, int at, StringBuilder out) {
        int linkType = b.u8(at);
        out.append(INDENT).append("Link Type: ").append(LmpNames.linkType(linkType)).append(" (").append(linkType)
            .append(')');
        if (linkType == SDH || linkType == SONET) {
            int signal = b.u8(at + 1);
            out.append(INDENT).append("Signal Type: ").append(signalType(linkType, signal)).append(" (").append(signal)
                .append(')');
        }
        flags(out.append(INDENT).append("Transparency: "), b.u8(at + 2), CPSA_TRANSPARENCY_BITS, CPSA_TRANSPARENCY);
        flags(out.append(INDENT).append("Contiguous Concatenation Types: "), b.u8(at + 3), CONCATENATION_BITS,
            CONCATENATION);
        out.append(INDENT).append("Minimum NCC: ").append(b.u16(at + 4));
        out.append(INDENT).append("Maximum NCC: ").append(b.u16(at + 6));
        out.append(INDENT).append("Minimum NVC:").append(b.u16(at + 8));   // no space, as tcpdump
        out.append(INDENT).append("Maximum NVC:").append(b.u16(at + 10));
        b.ip4(out.append(LmpObjects.INDENT).append("Local Interface ID: "), at + 12);
        out.append(" (0x");
        Text.hex(out, b.u32(at + 12), 8);
        out.append(')');
    }

    private static void flags(StringBuilder out, long value, long[] bits, String[] names) {
        Icmp6Formatter.flagNames(out, value, bits, names);
    }
}
