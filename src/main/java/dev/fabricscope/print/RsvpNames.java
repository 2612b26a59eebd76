package dev.fabricscope.print;

/** tcpdump's names in RSVP (print-rsvp.c's tables): message types, objects, their C-Types, the codes inside them. */
final class RsvpNames {
    private RsvpNames() { }

    static final int BUNDLE = 12;

    /** rsvp_msg_type_values; null where tcpdump has no name. */
    static String message(int type) {
        return switch (type) {
            case 1 -> "Path";
            case 2 -> "Resv";
            case 3 -> "PathErr";
            case 4 -> "ResvErr";
            case 5 -> "PathTear";
            case 6 -> "ResvTear";
            case 7 -> "ResvConf";
            case BUNDLE -> "Bundle";
            case 13 -> "Acknowledgement";
            case 14 -> "Hello (Old)";
            case 15 -> "Refresh";
            case 20 -> "Hello";
            default -> null;
        };
    }

    /** The message types whose objects tcpdump decodes (a Bundle's are whole messages; the rest it dumps). */
    static boolean hasObjects(int type) {
        return switch (type) {
            case 1, 2, 3, 4, 5, 6, 7, 13, 14, 15, 20 -> true;
            default -> false;
        };
    }

    static final int SESSION = 1, HOP = 3, INTEGRITY = 4, TIME_VALUES = 5, ERROR_SPEC = 6, SCOPE = 7, STYLE = 8,
        FLOWSPEC = 9, FILTERSPEC = 10, SENDER_TEMPLATE = 11, SENDER_TSPEC = 12, ADSPEC = 13, POLICY_DATA = 14,
        CONFIRM = 15, LABEL = 16, LABEL_REQUEST = 19, ERO = 20, RRO = 21, HELLO = 22, MESSAGE_ID = 23,
        MESSAGE_ID_ACK = 24, MESSAGE_ID_LIST = 25, RECOVERY_LABEL = 34, UPSTREAM_LABEL = 35, LABEL_SET = 36,
        PROTECTION = 37, S2L = 50, DETOUR = 63, CLASSTYPE = 66, CLASSTYPE_OLD = 125, SUGGESTED_LABEL = 129,
        ACCEPT_LABEL_SET = 130, RESTART_CAPABILITY = 131, CAPABILITY = 134, NOTIFY_REQUEST = 195, ADMIN_STATUS = 196,
        PROPERTIES = 204, FAST_REROUTE = 205, SESSION_ATTRIBUTE = 207, GENERALIZED_UNI = 229, CALL_ID = 230,
        CALL_OPS = 236;

    /** rsvp_obj_values. */
    static String object(int classNum) {
        return switch (classNum) {
            case SESSION -> "Session";
            case HOP -> "RSVP Hop";
            case INTEGRITY -> "Integrity";
            case TIME_VALUES -> "Time Values";
            case ERROR_SPEC -> "Error Spec";
            case SCOPE -> "Scope";
            case STYLE -> "Style";
            case FLOWSPEC -> "Flowspec";
            case FILTERSPEC -> "FilterSpec";
            case SENDER_TEMPLATE -> "Sender Template";
            case SENDER_TSPEC -> "Sender TSpec";
            case ADSPEC -> "Adspec";
            case POLICY_DATA -> "Policy Data";
            case CONFIRM -> "Confirm";
            case LABEL -> "Label";
            case LABEL_REQUEST -> "Label Request";
            case ERO -> "ERO";
            case RRO -> "RRO";
            case HELLO -> "Hello";
            case MESSAGE_ID -> "Message ID";
            case MESSAGE_ID_ACK -> "Message ID Ack";
            case MESSAGE_ID_LIST -> "Message ID List";
            case RECOVERY_LABEL -> "Recovery Label";
            case UPSTREAM_LABEL -> "Upstream Label";
            case LABEL_SET -> "Label Set";
            case ACCEPT_LABEL_SET -> "Acceptable Label Set";
            case DETOUR -> "Detour";
            case CLASSTYPE -> "Class Type";
            case CLASSTYPE_OLD -> "Class Type (old)";
            case SUGGESTED_LABEL -> "Suggested Label";
            case PROPERTIES -> "Properties";
            case FAST_REROUTE -> "Fast Re-Route";
            case SESSION_ATTRIBUTE -> "Session Attribute";
            case GENERALIZED_UNI -> "Generalized UNI";
            case CALL_ID -> "Call-ID";
            case CALL_OPS -> "Call Capability";
            case RESTART_CAPABILITY -> "Restart Capability";
            case CAPABILITY -> "Capability";
            case NOTIFY_REQUEST -> "Notify Request";
            case PROTECTION -> "Protection";
            case ADMIN_STATUS -> "Administrative Status";
            case S2L -> "Sub-LSP to LSP";
            default -> "Unknown";
        };
    }

    private static final String[] ADDRESS_TYPES = {"IPv4", "IPv6", "IPv4 plus opt. TLVs", "IPv6 plus opt. TLVs"};
    private static final String[] ONE = {"1"};
    private static final String[] INTSERV = {"obsolete", "IntServ"};
    private static final String[] ACKS = {"Message id ack", "Message id nack"};
    private static final String[] HELLOS = {"Hello Request", "Hello Ack"};
    private static final String[] LABEL_REQUESTS = {"without label range", "with ATM label range",
        "with FR label range", "Generalized Label"};
    private static final String[] LABELS = {"Label", "Generalized Label", "Waveband Switching"};
    private static final String[] SUB_LSPS = {"IPv4 sub-LSP", "IPv6 sub-LSP"};

    /** rsvp_ctype_values: C-Type numbers mean different things in each class. */
    static String classType(int classNum, int ctype) {
        String name = switch (classNum) {
            case HOP, ERROR_SPEC -> pick(ADDRESS_TYPES, 4, ctype);
            case NOTIFY_REQUEST, CONFIRM -> pick(ADDRESS_TYPES, 2, ctype);
            case TIME_VALUES, MESSAGE_ID, MESSAGE_ID_LIST, STYLE, CAPABILITY, PROPERTIES, ADMIN_STATUS, CLASSTYPE,
                 CLASSTYPE_OLD, LABEL_SET, GENERALIZED_UNI -> pick(ONE, 1, ctype);
            case FLOWSPEC -> pick(INTSERV, 2, ctype);
            case SENDER_TSPEC, ADSPEC -> ctype == 2 ? "IntServ" : null;
            case FILTERSPEC -> switch (ctype) {
                case 3 -> "IPv6 Flow-label";
                case 7 -> "Tunnel IPv4";
                case 12 -> "IPv4 P2MP LSP Tunnel";
                case 13 -> "IPv6 P2MP LSP Tunnel";
                default -> pick(ADDRESS_TYPES, 2, ctype);
            };
            case SESSION -> switch (ctype) {
                case 7 -> "Tunnel IPv4";
                case 11 -> "UNI IPv4";
                case 13 -> "IPv4 P2MP LSP Tunnel";
                case 14 -> "IPv6 P2MP LSP Tunnel";
                default -> pick(ADDRESS_TYPES, 2, ctype);
            };
            case SENDER_TEMPLATE -> switch (ctype) {
                case 7 -> "Tunnel IPv4";
                case 12 -> "IPv4 P2MP LSP Tunnel";
                case 13 -> "IPv6 P2MP LSP Tunnel";
                default -> pick(ADDRESS_TYPES, 2, ctype);
            };
            case MESSAGE_ID_ACK -> pick(ACKS, 2, ctype);
            case HELLO -> pick(HELLOS, 2, ctype);
            case LABEL_REQUEST -> pick(LABEL_REQUESTS, 4, ctype);
            case LABEL, SUGGESTED_LABEL, UPSTREAM_LABEL, RECOVERY_LABEL -> pick(LABELS, 3, ctype);
            case ERO, RRO, RESTART_CAPABILITY -> pick(ADDRESS_TYPES, 1, ctype);
            case SESSION_ATTRIBUTE, DETOUR -> ctype == 7 ? "Tunnel IPv4" : null;
            case FAST_REROUTE -> ctype == 7 ? "Tunnel IPv4" : pick(ONE, 1, ctype);
            case S2L -> pick(SUB_LSPS, 2, ctype);
            default -> null;
        };
        return name == null ? "Unknown" : name;
    }

    /** {@code names[ctype - 1]} for the first {@code count} names, else null. */
    private static String pick(String[] names, int count, int ctype) {
        return ctype >= 1 && ctype <= count ? names[ctype - 1] : null;
    }

    /** rsvp_obj_xro_values, of the subobject type without its L bit; null where tcpdump has no name. */
    static String routeSubobject(int type) {
        return switch (type) {
            case 0 -> "Reserved";
            case 1 -> "IPv4 prefix";
            case 2 -> "IPv6 prefix";
            case 3 -> "Label";
            case 32 -> "Autonomous system number";
            case 64 -> "MPLS label switched path termination";
            default -> null;
        };
    }

    /** rsvp_obj_rro_flag_values (RFC 4090), in the table's order. */
    static final long[] ROUTE_FLAG_BITS = {0x01, 0x02, 0x04, 0x08};
    static final String[] ROUTE_FLAGS = {"Local protection available", "Local protection in use",
        "Bandwidth protection", "Node protection"};
    static final long[] GLOBAL_LABEL_BIT = {0x01};
    static final String[] GLOBAL_LABEL = {"Global"};
    static final long[] SESSION_ATTRIBUTE_BITS = {0x01, 0x02, 0x04, 0x08, 0x10};
    static final String[] SESSION_ATTRIBUTE_FLAGS = {"Local Protection", "Label Recording", "SE Style",
        "Bandwidth protection", "Node protection"};
    static final long[] HEADER_FLAG_BITS = {0x01};
    static final String[] HEADER_FLAGS = {"Refresh reduction capable"};
    static final long[] CAPABILITY_BITS = {0x04, 0x02, 0x01};
    static final String[] CAPABILITY_FLAGS = {"RecoveryPath Transmit Enabled", "RecoveryPath Desired",
        "RecoveryPath Srefresh Capable"};
    static final long[] ADMIN_STATUS_BITS = {0x80000000L, 0x04, 0x02, 0x01};
    static final String[] ADMIN_STATUS_FLAGS = {"Reflect", "Testing", "Admin-down", "Delete-in-progress"};
    static final long[] INTEGRITY_BITS = {0x80};
    static final String[] INTEGRITY_FLAGS = {"Handshake"};

    /** rsvp_resstyle_values. */
    static String reservationStyle(int style) {
        return switch (style) {
            case 17 -> "Wildcard Filter";
            case 10 -> "Fixed Filter";
            case 18 -> "Shared Explicit";
            default -> "Unknown";
        };
    }

    /** rsvp_intserv_service_type_values. */
    static String intServService(int type) {
        return switch (type) {
            case 1 -> "Default/Global Information";
            case 2 -> "Guaranteed Service";
            case 5 -> "Controlled Load";
            default -> "unknown";
        };
    }

    /** rsvp_intserv_parameter_id_values. */
    static String intServParameter(int id) {
        return switch (id) {
            case 4 -> "IS hop cnt";
            case 6 -> "Path b/w estimate";
            case 8 -> "Minimum path latency";
            case 10 -> "Composed MTU";
            case 127 -> "Token Bucket TSpec";
            case 130 -> "Guaranteed Service RSpec";
            case 133 -> "End-to-end composed value for C";
            case 134 -> "End-to-end composed value for D";
            case 135 -> "Since-last-reshaping point composed C";
            case 136 -> "Since-last-reshaping point composed D";
            default -> "unknown";
        };
    }

    /** rsvp_obj_prop_tlv_values (Juniper's Properties object). */
    static String propertyTlv(int type) {
        return switch (type) {
            case 0x01 -> "Cos";
            case 0x02 -> "Metric 1";
            case 0x04 -> "Metric 2";
            case 0x08 -> "CCC Status";
            case 0x10 -> "Path Type";
            default -> "unknown";
        };
    }

    static final int ERROR_ROUTING = 24, ERROR_DIFFSERV_TE = 28, ERROR_DIFFSERV_TE_OLD = 125;

    /** rsvp_obj_error_code_values. */
    static String errorCode(int code) {
        return switch (code) {
            case ERROR_ROUTING -> "Routing Problem";
            case 25 -> "Notify Error";
            case ERROR_DIFFSERV_TE -> "Diffserv TE Error";
            case ERROR_DIFFSERV_TE_OLD -> "Diffserv TE Error (Old)";
            default -> "unknown";
        };
    }

    /** rsvp_obj_error_code_routing_values. */
    static String routingError(int value) {
        return switch (value) {
            case 1 -> "Bad EXPLICIT_ROUTE object";
            case 2 -> "Bad strict node";
            case 3 -> "Bad loose node";
            case 4 -> "Bad initial subobject";
            case 5 -> "No route available toward destination";
            case 6 -> "Unacceptable label value";
            case 7 -> "RRO indicated routing loops";
            case 8 -> "non-RSVP-capable router in the path";
            case 9 -> "MPLS label allocation failure";
            case 10 -> "Unsupported L3PID";
            default -> "unknown";
        };
    }

    /** rsvp_obj_error_code_diffserv_te_values. */
    static String diffServTeError(int value) {
        return switch (value) {
            case 1 -> "Unexpected CT object";
            case 2 -> "Unsupported CT";
            case 3 -> "Invalid CT value";
            case 4 -> "CT/setup priority do not form a configured TE-Class";
            case 5 -> "CT/holding priority do not form a configured TE-Class";
            case 6 -> "CT/setup priority and CT/holding priority do not form a configured TE-Class";
            case 7 -> "Inconsistency between signaled PSC and signaled CT";
            case 8 -> "Inconsistency between signaled PHBs and signaled CT";
            default -> "unknown";
        };
    }

    static final int LABEL_SET_INCLUSIVE_RANGE = 2, LABEL_SET_EXCLUSIVE_RANGE = 3;

    /** rsvp_obj_label_set_action_values. */
    static String labelSetAction(int action) {
        return switch (action) {
            case 0 -> "Inclusive list";
            case 1 -> "Exclusive list";
            case LABEL_SET_INCLUSIVE_RANGE -> "Inclusive range";
            case LABEL_SET_EXCLUSIVE_RANGE -> "Exclusive range";
            default -> "Unknown";
        };
    }

    static final int UNI_SOURCE_TNA = 1, UNI_DESTINATION_TNA = 2, UNI_DIVERSITY = 3, UNI_EGRESS_LABEL = 4,
        UNI_SERVICE_LEVEL = 5;

    /** rsvp_obj_generalized_uni_values. */
    static String uniSubobject(int type) {
        return switch (type) {
            case UNI_SOURCE_TNA -> "Source TNA address";
            case UNI_DESTINATION_TNA -> "Destination TNA address";
            case UNI_DIVERSITY -> "Diversity";
            case UNI_EGRESS_LABEL -> "Egress label";
            case UNI_SERVICE_LEVEL -> "Service level";
            default -> "Unknown";
        };
    }
}
