package dev.fabricscope.print;

/**
 * The GMPLS and DiffServ-TE names tcpdump's IS-IS, OSPF and RSVP printers share (gmpls.c's tables, and
 * diffserv_te_bc_values): switching capabilities, LSP encodings, payload types (G-PIDs), bandwidth constraint models.
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

    /** gmpls_payload_values (RFC 3471's G-PIDs, and G.709's), indexed by G-PID. */
    private static final String[] PAYLOADS = {
        "Unknown", "Reserved", "Reserved", "Reserved", "Reserved", "Asynchronous mapping of E4",
        "Asynchronous mapping of DS3/T3", "Asynchronous mapping of E3", "Bit synchronous mapping of E3",
        "Byte synchronous mapping of E3", "Asynchronous mapping of DS2/T2", "Bit synchronous mapping of DS2/T2",
        "Reserved", "Asynchronous mapping of E1", "Byte synchronous mapping of E1",
        "Byte synchronous mapping of 31 * DS0", "Asynchronous mapping of DS1/T1", "Bit synchronous mapping of DS1/T1",
        "Byte synchronous mapping of DS1/T1", "VC-11 in VC-12", "Reserved", "Reserved", "DS1 SF Asynchronous",
        "DS1 ESF Asynchronous", "DS3 M23 Asynchronous", "DS3 C-Bit Parity Asynchronous", "VT/LOVC", "STS SPE/HOVC",
        "POS - No Scrambling, 16 bit CRC", "POS - No Scrambling, 32 bit CRC", "POS - Scrambling, 16 bit CRC",
        "POS - Scrambling, 32 bit CRC", "ATM mapping", "Ethernet PHY", "SONET/SDH", "Reserved (SONET deprecated)",
        "Digital Wrapper", "Lambda", "ANSI/ETSI PDH", "Reserved", "Link Access Protocol SDH (X.85 and X.86)", "FDDI",
        "DQDB (ETSI ETS 300 216)", "FiberChannel-3 (Services)", "HDLC", "Ethernet V2/DIX (only)",
        "Ethernet 802.3 (only)", "G.709 ODUj", "G.709 OTUk(v)", "CBR/CBRa", "CBRb", "BSOT", "BSNT", "IP/PPP (GFP)",
        "Ethernet MAC (framed GFP)", "Ethernet PHY (transparent GFP)", "ESCON", "FICON", "Fiber Channel"};

    /** gmpls_payload_values. */
    static String payload(int gpid) {
        return gpid >= 0 && gpid < PAYLOADS.length ? PAYLOADS[gpid] : "Unknown";
    }
}
