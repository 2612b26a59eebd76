package dev.fabricscope.print;

/**
 * The GMPLS and DiffServ-TE names tcpdump's IS-IS and OSPF printers share (gmpls.c's tables, and
 * diffserv_te_bc_values): switching capabilities, LSP encodings, bandwidth constraint models.
 */
final class GmplsNames {
    private GmplsNames() { }

    /** diffserv_te_bc_values. */
    static String bandwidthConstraintModel(int model) {
        return switch (model) {
            case 0 -> "Russian dolls";
            case 1 -> "Maximum allocation";
            case 254 -> "Maximum allocation with E-LSP support";
            default -> "unknown";
        };
    }

    static final int PSC1 = 1, PSC2 = 2, PSC3 = 3, PSC4 = 4, TSC = 100;

    /** gmpls_switch_cap_values. */
    static String switchingCapability(int capability) {
        return switch (capability) {
            case PSC1 -> "Packet-Switch Capable-1";
            case PSC2 -> "Packet-Switch Capable-2";
            case PSC3 -> "Packet-Switch Capable-3";
            case PSC4 -> "Packet-Switch Capable-4";
            case 51 -> "Layer-2 Switch Capable";
            case TSC -> "Time-Division-Multiplex";
            case 150 -> "Lambda-Switch Capable";
            case 200 -> "Fiber-Switch Capable";
            default -> "Unknown";
        };
    }

    /** gmpls_encoding_values. */
    static String lspEncoding(int encoding) {
        return switch (encoding) {
            case 1 -> "Packet";
            case 2 -> "Ethernet V2/DIX";
            case 3 -> "ANSI/ETSI PDH";
            case 4, 6, 10 -> "Reserved";
            case 5 -> "SDH ITU-T G.707/SONET ANSI T1.105";
            case 7 -> "Digital Wrapper";
            case 8 -> "Lambda (photonic)";
            case 9 -> "Fiber";
            case 11 -> "FiberChannel";
            default -> "Unknown";
        };
    }
}
