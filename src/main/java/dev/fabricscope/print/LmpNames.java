package dev.fabricscope.print;

/**
 * tcpdump's names in LMP (print-lmp.c's tables, and gmpls.c's for OIF UNI 1.0 service discovery): message types,
 * object classes and their C-Types, and the flag bits tcpdump names inside objects.
 */
final class LmpNames {
    private LmpNames() { }

    static final int CC_ID = 1, NODE_ID = 2, LINK_ID = 3, INTERFACE_ID = 4, MESSAGE_ID = 5, CONFIG = 6, HELLO = 7,
        VERIFY_BEGIN = 8, VERIFY_BEGIN_ACK = 9, VERIFY_ID = 10, TE_LINK = 11, DATA_LINK = 12, CHANNEL_STATUS = 13,
        CHANNEL_STATUS_REQUEST = 14, ERROR_CODE = 20, SERVICE_CONFIG = 51;

    /** lmp_msg_type_values; null where tcpdump has no name. */
    static String message(int type) {
        return switch (type) {
            case 1 -> "Config";
            case 2 -> "Config ACK";
            case 3 -> "Config NACK";
            case 4 -> "Hello";
            case 5 -> "Begin Verify";
            case 6 -> "Begin Verify ACK";
            case 7 -> "Begin Verify NACK";
            case 8 -> "End Verify";
            case 9 -> "End Verify ACK";
            case 10 -> "Test";
            case 11 -> "Test Status Success";
            case 12 -> "Test Status Failure";
            case 13 -> "Test Status ACK";
            case 14 -> "Link Summary";
            case 15 -> "Link Summary ACK";
            case 16 -> "Link Summary NACK";
            case 17 -> "Channel Status";
            case 18 -> "Channel Status ACK";
            case 19 -> "Channel Status Request";
            case 20 -> "Channel Status Response";
            case 50 -> "Service Config";
            case 51 -> "Service Config ACK";
            case 52 -> "Service Config NACK";
            default -> null;
        };
    }

    /** lmp_obj_values. */
    static String object(int classNum) {
        return switch (classNum) {
            case CC_ID -> "Control Channel ID";
            case NODE_ID -> "Node ID";
            case LINK_ID -> "Link ID";
            case INTERFACE_ID -> "Interface ID";
            case MESSAGE_ID -> "Message ID";
            case CONFIG -> "Configuration";
            case HELLO -> "Hello";
            case VERIFY_BEGIN -> "Verify Begin";
            case VERIFY_BEGIN_ACK -> "Verify Begin ACK";
            case VERIFY_ID -> "Verify ID";
            case TE_LINK -> "TE Link";
            case DATA_LINK -> "Data Link";
            case CHANNEL_STATUS -> "Channel Status";
            case CHANNEL_STATUS_REQUEST -> "Channel Status Request";
            case ERROR_CODE -> "Error Code";
            case SERVICE_CONFIG -> "Service Config";
            default -> "Unknown";
        };
    }

    /** lmp_ctype_values: C-Types are named per class. */
    static String ctype(int classNum, int ctype) {
        return switch (classNum) {
            case CC_ID, NODE_ID -> switch (ctype) {
                case 1 -> "Local";
                case 2 -> "Remote";
                default -> "Unknown";
            };
            case LINK_ID, INTERFACE_ID -> switch (ctype) {
                case 1 -> "IPv4 Local";
                case 2 -> "IPv4 Remote";
                case 3 -> "IPv6 Local";
                case 4 -> "IPv6 Remote";
                case 5 -> "Unnumbered Local";
                case 6 -> "Unnumbered Remote";
                default -> "Unknown";
            };
            case MESSAGE_ID, ERROR_CODE -> numbered(ctype, 2);
            case CONFIG, HELLO, VERIFY_BEGIN, VERIFY_BEGIN_ACK, VERIFY_ID -> numbered(ctype, 1);
            case TE_LINK, DATA_LINK, CHANNEL_STATUS, CHANNEL_STATUS_REQUEST -> switch (ctype) {
                case 1 -> "IPv4";
                case 2 -> "IPv6";
                case 3 -> "Unnumbered";
                default -> "Unknown";
            };
            case SERVICE_CONFIG -> numbered(ctype, 4);
            default -> "Unknown";
        };
    }

    /** C-Types 1 to {@code last}, which tcpdump names by their number. */
    private static String numbered(int ctype, int last) {
        return switch (ctype >= 1 && ctype <= last ? ctype : 0) {
            case 1 -> "1";
            case 2 -> "2";
            case 3 -> "3";
            case 4 -> "4";
            default -> "Unknown";
        };
    }

    /** lmp_data_link_subobj. */
    static String dataLinkSubobject(int type) {
        return switch (type) {
            case 1 -> "Interface Switching Type";
            case 2 -> "Wavelength";
            default -> "Unknown";
        };
    }

    /** lmp_obj_channel_status_values. */
    static String channelStatus(long status) {
        return status == 1 ? "Signal Okay" : status == 2 ? "Signal Degraded" : status == 3 ? "Signal Fail" : "Unknown";
    }

    /** lmp_sd_service_config_cpsa_link_type_values. */
    static String linkType(int type) {
        return type == SDH ? "SDH ITU-T G.707" : type == SONET ? "SONET ANSI T1.105" : "Unknown";
    }

    static final int SDH = 5, SONET = 6;

    private static final String[] SDH_SIGNALS = {"VC-3", "VC-4", "STM-0", "STM-1", "STM-4", "STM-16", "STM-64",
        "STM-256"};
    private static final String[] SONET_SIGNALS = {"STS-1 SPE", "STS-3c SPE", "STS-1", "STM-3", "STM-12", "STM-48",
        "STM-192", "STM-768"};

    /** lmp_sd_service_config_cpsa_signal_type_sdh_values and _sonet_values (both from 5 to 12). */
    static String signalType(int linkType, int signal) {
        String[] names = linkType == SDH ? SDH_SIGNALS : SONET_SIGNALS;
        return signal >= 5 && signal < 5 + names.length ? names[signal - 5] : "Unknown";
    }

    // bittok2str tables: each bit with its name, in the table's order
    static final long[] HEADER_FLAG_BITS = {0x01, 0x02};
    static final String[] HEADER_FLAGS = {"Control Channel Down", "LMP restart"};
    static final long[] TE_LINK_FLAG_BITS = {0x01, 0x02};
    static final String[] TE_LINK_FLAGS = {"Fault Management Supported", "Link Verification Supported"};
    static final long[] DATA_LINK_FLAG_BITS = {0x01, 0x02, 0x04};
    static final String[] DATA_LINK_FLAGS = {"Data Link Port", "Allocated for user traffic", "Failed link"};
    static final long[] BEGIN_VERIFY_FLAG_BITS = {0x01, 0x02};
    static final String[] BEGIN_VERIFY_FLAGS = {"Verify all links", "Data link type"};
    static final long[] BEGIN_VERIFY_ERROR_BITS = {0x01, 0x02, 0x04, 0x08, 0x10};
    static final String[] BEGIN_VERIFY_ERRORS = {"Link Verification Procedure Not supported", "Unwilling to verify",
        "Unsupported verification transport mechanism", "Link-Id configuration error", "Unknown object c-type"};
    static final long[] LINK_SUMMARY_ERROR_BITS = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20};
    static final String[] LINK_SUMMARY_ERRORS = {"Unacceptable non-negotiable LINK-SUMMARY parameters",
        "Renegotiate LINK-SUMMARY parameters", "Invalid TE-LINK Object", "Invalid DATA-LINK Object",
        "Unknown TE-LINK Object c-type", "Unknown DATA-LINK Object c-type"};
    static final long[] PROTOCOL_BITS = {0x01, 0x02};
    static final String[] PROTOCOLS = {"RSVP Supported", "LDP Supported"};
    static final long[] CPSA_TRANSPARENCY_BITS = {0x01, 0x02, 0x04};
    static final String[] CPSA_TRANSPARENCY = {"Path/VC Overhead Transparency Supported",
        "Line/MS Overhead Transparency Supported", "Section/RS Overhead Transparency Supported"};
    static final long[] CONCATENATION_BITS = {0x01};
    static final String[] CONCATENATION = {"Contiguous Concatenation Types Supported"};
    static final long[] NSA_TRANSPARENCY_BITS = {0x01, 0x02};
    static final String[] NSA_TRANSPARENCY = {"Standard SOH/RSOH Transparency Supported",
        "Standard LOH/MSOH Transparency Supported"};
    static final long[] TCM_BITS = {0x01};
    static final String[] TCM = {"Transparent Tandem Connection Monitoring Supported"};
    static final long[] DIVERSITY_BITS = {0x01, 0x02, 0x04};
    static final String[] DIVERSITY = {"Node Diversity Supported", "Link Diversity Supported",
        "SRLG Diversity Supported"};
}
