package dev.fabricscope.print;

import static dev.fabricscope.print.OpenflowBytes.hex;
import static dev.fabricscope.print.OpenflowBytes.named;
import static dev.fabricscope.print.OpenflowBytes.num;

/**
 * OpenFlow 1.3 message bodies as tcpdump 4.99 prints them with -v (print-openflow-1.3.c), after the header line:
 * hello elements, errors, echo data, experimenter messages, switch features and configuration, port status and
 * modification, table modification, queue configuration requests, roles and asynchronous configuration. The types
 * tcpdump does not decode (packet-in/out, flow and group modification, multipart, ...) print nothing more. With -vv
 * port details and the data in hex and ASCII.
 */
final class Openflow13 {
    private static final int HELLO = 0, ERROR = 1, ECHO_REQUEST = 2, ECHO_REPLY = 3, EXPERIMENTER = 4,
        FEATURES_REPLY = 6, GET_CONFIG_REPLY = 8, SET_CONFIG = 9, PORT_STATUS = 12, PORT_MOD = 16, TABLE_MOD = 17,
        QUEUE_GET_CONFIG_REQUEST = 22, ROLE_REQUEST = 24, ROLE_REPLY = 25, GET_ASYNC_REPLY = 27, SET_ASYNC = 28;

    private static final String[] CAPABILITIES = {"FLOW_STATS", "TABLE_STATS", "PORT_STATS", "GROUP_STATS", null,
        "IP_REASM", "QUEUE_STATS", null, "PORT_BLOCKED"};
    private static final long CAPABILITIES_U = ~0x16fL & 0xffffffffL;
    private static final String[] CONFIG_FLAGS = {"FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"};
    private static final String[] PORT_CONFIG = {"PORT_DOWN", null, "NO_RECV", null, null, "NO_FWD",
        "NO_PACKET_IN"};
    private static final long PORT_CONFIG_U = ~0x65L & 0xffffffffL;
    private static final String[] PORT_STATE = {"LINK_DOWN", "BLOCKED", "LIVE"};
    private static final long PORT_STATE_U = ~0x7L & 0xffffffffL;
    private static final String[] PORT_FEATURES = {"10MB_HD", "10MB_FD", "100MB_HD", "100MB_FD", "1GB_HD",
        "1GB_FD", "10GB_FD", "40GB_FD", "100GB_FD", "1TB_FD", "OTHER", "COPPER", "FIBER", "AUTONEG", "PAUSE",
        "PAUSE_ASYM"};
    private static final long PORT_FEATURES_U = ~0xffffL & 0xffffffffL;
    private static final String[] VERSIONS = {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"};
    private static final long VERSIONS_U = ~0x3fL & 0xffffffffL;
    private static final String[] ROLES = {"NOCHANGE", "EQUAL", "MASTER", "SLAVE"};
    private static final String[] PACKET_IN_REASONS = {"NO_MATCH", "ACTION", "INVALID_TTL"};
    private static final String[] PORT_REASONS = {"ADD", "DELETE", "MODIFY"};
    private static final long REASONS_U = ~0x7L & 0xffffffffL;
    private static final String[] ERROR_TYPES = {"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "BAD_INSTRUCTION",
        "BAD_MATCH", "FLOW_MOD_FAILED", "GROUP_MOD_FAILED", "PORT_MOD_FAILED", "TABLE_MOD_FAILED",
        "QUEUE_OP_FAILED", "SWITCH_CONFIG_FAILED", "ROLE_REQUEST_FAILED", "METER_MOD_FAILED",
        "TABLE_FEATURES_FAILED"};
    private static final String[][] ERROR_CODES = {
        {"INCOMPATIBLE", "EPERM"},
        {"BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "EPERM", "BAD_LEN",
            "BUFFER_EMPTY", "BUFFER_UNKNOWN", "BAD_TABLE_ID", "IS_SLAVE", "BAD_PORT", "BAD_PACKET",
            "MULTIPART_BUFFER_OVERFLOW"},
        {"BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER", "BAD_EXP_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM",
            "TOO_MANY", "BAD_QUEUE", "BAD_OUT_GROUP", "MATCH_INCONSISTENT", "UNSUPPORTED_ORDER", "BAD_TAG",
            "BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT"},
        {"UNKNOWN_INST", "UNSUP_INST", "BAD_TABLE_ID", "UNSUP_METADATA", "UNSUP_METADATA_MASK", "BAD_EXPERIMENTER",
            "BAD_EXP_TYPE", "BAD_LEN", "EPERM"},
        {"BAD_TYPE", "BAD_LEN", "BAD_TAG", "BAD_DL_ADDR_MASK", "BAD_NW_ADDR_MASK", "BAD_WILDCARDS", "BAD_FIELD",
            "BAD_VALUE", "BAD_MASK", "BAD_PREREQ", "DUP_FIELD", "EPERM"},
        {"UNKNOWN", "TABLE_FULL", "BAD_TABLE_ID", "OVERLAP", "EPERM", "BAD_TIMEOUT", "BAD_COMMAND", "BAD_FLAGS"},
        {"GROUP_EXISTS", "INVALID_GROUP", "WEIGHT_UNSUPPORTED", "OUT_OF_GROUPS", "OUT_OF_BUCKETS",
            "CHAINING_UNSUPPORTED", "WATCH_UNSUPPORTED", "LOOP", "UNKNOWN_GROUP", "CHAINED_GROUP", "BAD_TYPE",
            "BAD_COMMAND", "BAD_BUCKET", "BAD_MATCH", "EPERM"},
        {"BAD_PORT", "BAD_HW_ADDR", "BAD_CONFIG", "BAD_ADVERTISE", "EPERM"},
        {"BAD_TABLE", "BAD_CONFIG", "EPERM"},
        {"BAD_PORT", "BAD_QUEUE", "EPERM"},
        {"BAD_FLAGS", "BAD_LEN", "EPERM"},
        {"STALE", "UNSUP", "BAD_ROLE"},
        {"UNKNOWN", "METER_EXISTS", "INVALID_METER", "UNKNOWN_METER", "BAD_COMMAND", "BAD_FLAGS", "BAD_RATE",
            "BAD_BURST", "BAD_BAND", "BAD_BAND_VALUE", "OUT_OF_METERS", "OUT_OF_BANDS"},
        {"BAD_TABLE", "BAD_METADATA", "BAD_TYPE", "BAD_LEN", "BAD_ARGUMENT", "EPERM"}};

    private final Verbosity verbosity;
    private final OpenflowBytes bytes;

    Openflow13(Verbosity verbosity, OpenflowBytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    /** Whether tcpdump has a -v decoder for this 1.3 message type. */
    static boolean decodes(int type) {
        return switch (type) {
            case HELLO, ERROR, ECHO_REQUEST, ECHO_REPLY, EXPERIMENTER, FEATURES_REPLY, GET_CONFIG_REPLY, SET_CONFIG,
                 PORT_STATUS, PORT_MOD, TABLE_MOD, QUEUE_GET_CONFIG_REQUEST, ROLE_REQUEST, ROLE_REPLY,
                 GET_ASYNC_REPLY, SET_ASYNC -> true;
            default -> false;
        };
    }

    /** The body of a message whose length passed its type's rule: {@code len} bytes at {@code at}. */
    void body(int type, int at, int len, StringBuilder out) {
        switch (type) {
            case HELLO -> helloElements(at, len, out);
            case ERROR -> error(at, len, out);
            case ECHO_REQUEST, ECHO_REPLY -> bytes.data(out, at, len);
            case EXPERIMENTER -> experimenter(at, len, out);
            case FEATURES_REPLY -> featuresReply(at, out);
            case GET_CONFIG_REPLY, SET_CONFIG -> {
                named(out, "\n\t flags ", CONFIG_FLAGS, bytes.u16(at), "invalid", 4);
                int missSendLength = bytes.u16(at + 2);
                out.append(", miss_send_len ");
                if (missSendLength == 0xffe5) out.append("MAX");
                else if (missSendLength == 0xffff) out.append("NO_BUFFER");
                else out.append(missSendLength);
            }
            case PORT_STATUS -> {
                int reason = bytes.u8(at);
                out.append("\n\t reason ");
                // tcpdump's fallback format has no conversion: it prints as is
                out.append(reason < PORT_REASONS.length ? PORT_REASONS[reason] : "invalid (0x02x)");
                port(at + 8, out);
            }
            case PORT_MOD -> portMod(at, out);
            case TABLE_MOD -> {
                int table = bytes.u8(at);
                out.append("\n\t table_id ");
                if (table == 0xfe) out.append("MAX");
                else if (table == 0xff) out.append("ALL");
                else out.append(table);
                hex(out, ", config ", bytes.u32(at + 4), 8);
            }
            case QUEUE_GET_CONFIG_REQUEST -> {
                port(out, "\n\t port ", bytes.u32(at));
                bytes.need(at + 4, 4);
            }
            case ROLE_REQUEST, ROLE_REPLY -> {
                named(out, "\n\t role ", ROLES, bytes.u32(at), "invalid", 8);
                hex(out, ", generation_id ", bytes.u64(at + 8), 16);
            }
            case GET_ASYNC_REPLY, SET_ASYNC -> {
                mask(out, "\n\t packet_in_mask[EM] ", bytes.u32(at), PACKET_IN_REASONS);
                mask(out, "\n\t packet_in_mask[S] ", bytes.u32(at + 4), PACKET_IN_REASONS);
                mask(out, "\n\t port_status_mask[EM] ", bytes.u32(at + 8), PORT_REASONS);
                mask(out, "\n\t port_status_mask[S] ", bytes.u32(at + 12), PORT_REASONS);
                mask(out, "\n\t flow_removed_mask[EM] ", bytes.u32(at + 16), PORT_REASONS);
                mask(out, "\n\t flow_removed_mask[S] ", bytes.u32(at + 20), PORT_REASONS);
            }
            default -> bytes.need(at, len);
        }
    }

    private static void mask(StringBuilder out, String label, long value, String[] names) {
        hex(out, label, value, 8);
        OpenflowBytes.bitmap(out, names, value, REASONS_U);
    }

    /** tok2str(ofpp_str, "%u", port) of 1.3's 32-bit port numbers. */
    private static void port(StringBuilder out, String label, long port) {
        out.append(label);
        String name = port == 0xffffff00L ? "MAX" : port < 0xfffffff8L ? null : switch ((int) (port & 0xf)) {
            case 8 -> "IN_PORT";
            case 9 -> "TABLE";
            case 0xa -> "NORMAL";
            case 0xb -> "FLOOD";
            case 0xc -> "ALL";
            case 0xd -> "CONTROLLER";
            case 0xe -> "LOCAL";
            default -> "ANY";
        };
        if (name != null) out.append(name);
        else Text.u32(out, port);
    }

    private void helloElements(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 4) {
                invalid(at, len, out);
                return;
            }
            int type = bytes.u16(at);
            out.append("\n\t type ");
            if (type == 1) out.append("VERSIONBITMAP");
            else hex(out, "unknown (", type, 4).append(')');
            int elementLength = bytes.u16(at + 2);
            num(out, ", length ", elementLength);
            if (elementLength < 4 || elementLength > len) {
                invalid(at + 4, len - 4, out);
                return;
            }
            if (type == 1 && elementLength == 8) {
                long bitmap = bytes.u32(at + 4);
                hex(out, ", bitmap ", bitmap, 8);
                OpenflowBytes.bitmap(out, VERSIONS, bitmap, VERSIONS_U);
            } else {
                if (type == 1) out.append(" (bogus)");
                bytes.need(at + 4, elementLength - 4);
            }
            at += elementLength;
            len -= elementLength;
        }
    }

    private void invalid(long at, long len, StringBuilder out) {
        out.append(" (invalid)");
        bytes.need(at, len);
    }

    private void error(int at, int len, StringBuilder out) {
        int type = bytes.u16(at);
        if (type == 0xffff) out.append("\n\t type EXPERIMENTER");
        else named(out, "\n\t type ", ERROR_TYPES, type, "invalid", 4);
        int code = bytes.u16(at + 2);
        if (type < ERROR_CODES.length) {
            named(out, ", code ", ERROR_CODES[type], code, "invalid", 4);
        } else {
            hex(out, ", code invalid (", code, 4).append(')');
        }
        bytes.data(out, at + 4, len - 4);
    }

    private void experimenter(int at, int len, StringBuilder out) {
        long experimenter = bytes.u32(at);
        hex(out, "\n\t experimenter ", experimenter, 8);
        out.append(" (").append(OpenflowBytes.vendorName(experimenter)).append(')');
        hex(out, ", exp_type ", bytes.u32(at + 4), 8);
        bytes.data(out, at + 8, len - 8);
    }

    private void featuresReply(int at, StringBuilder out) {
        hex(out, "\n\t dpid ", bytes.u64(at), 16);
        num(out, ", n_buffers ", bytes.u32(at + 8));
        num(out, ", n_tables ", bytes.u8(at + 12));
        num(out, ", auxiliary_id ", bytes.u8(at + 13));
        long capabilities = bytes.u32(at + 16);
        hex(out, "\n\t capabilities ", capabilities, 8);
        OpenflowBytes.bitmap(out, CAPABILITIES, capabilities, CAPABILITIES_U);
        bytes.need(at + 20, 4);
    }

    /** ofp_port (64 bytes). */
    private void port(int at, StringBuilder out) {
        port(out, "\n\t  port_no ", bytes.u32(at));
        bytes.mac(out, ", hw_addr ", at + 8);
        out.append(", name '");
        LldpText.untilNul(bytes, at + 16, 16, out);
        out.append('\'');
        at += 32;
        if (!verbosity.veryVerbose()) {
            bytes.need(at, 32);
            return;
        }
        bitmap(out, "\n\t   config ", bytes.u32(at), PORT_CONFIG, PORT_CONFIG_U);
        bitmap(out, "\n\t   state ", bytes.u32(at + 4), PORT_STATE, PORT_STATE_U);
        bitmap(out, "\n\t   curr ", bytes.u32(at + 8), PORT_FEATURES, PORT_FEATURES_U);
        bitmap(out, "\n\t   advertised ", bytes.u32(at + 12), PORT_FEATURES, PORT_FEATURES_U);
        bitmap(out, "\n\t   supported ", bytes.u32(at + 16), PORT_FEATURES, PORT_FEATURES_U);
        bitmap(out, "\n\t   peer ", bytes.u32(at + 20), PORT_FEATURES, PORT_FEATURES_U);
        num(out, "\n\t   curr_speed ", bytes.u32(at + 24));
        out.append("kbps");
        num(out, "\n\t   max_speed ", bytes.u32(at + 28));
        out.append("kbps");
    }

    private static void bitmap(StringBuilder out, String label, long value, String[] names, long unassigned) {
        hex(out, label, value, 8);
        OpenflowBytes.bitmap(out, names, value, unassigned);
    }

    private void portMod(int at, StringBuilder out) {
        port(out, "\n\t port_no ", bytes.u32(at));
        bytes.mac(out, ", hw_addr ", at + 8);
        bitmap(out, "\n\t  config ", bytes.u32(at + 16), PORT_CONFIG, PORT_CONFIG_U);
        bitmap(out, "\n\t  mask ", bytes.u32(at + 20), PORT_CONFIG, PORT_CONFIG_U);
        bitmap(out, "\n\t  advertise ", bytes.u32(at + 24), PORT_FEATURES, PORT_FEATURES_U);
        bytes.need(at + 28, 4);
    }
}
