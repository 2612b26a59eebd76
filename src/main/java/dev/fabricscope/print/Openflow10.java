package dev.fabricscope.print;

import static dev.fabricscope.print.OpenflowBytes.hex;
import static dev.fabricscope.print.OpenflowBytes.named;
import static dev.fabricscope.print.OpenflowBytes.num;

import dev.fabricscope.capture.Packet;

/**
 * OpenFlow 1.0 message bodies as tcpdump 4.99 prints them with -v (print-openflow-1.0.c), after the header line
 * that {@link OpenflowFormatter} prints: switch features with their ports, configuration, packet-in/out, flow
 * modifications with their match and actions, flow removal, port status and modification, statistics requests
 * and replies, errors, queue configuration, vendor messages (Big Switch Networks' decoded). With -vv the data
 * of echo, hello, error and vendor messages in hex and ASCII, port details, port statistics counters and queue
 * properties. With -vvv the Ethernet frame inside PACKET_IN/PACKET_OUT, as tcpdump prints it at its vflag - 3.
 * Each helper that finds a length it cannot use prints " (invalid)", checks the rest and returns to its caller, as
 * tcpdump's do.
 */
final class Openflow10 {
    private static final int HELLO = 0, ERROR = 1, ECHO_REQUEST = 2, ECHO_REPLY = 3, VENDOR = 4,
        FEATURES_REPLY = 6, GET_CONFIG_REPLY = 8, SET_CONFIG = 9, PACKET_IN = 10, FLOW_REMOVED = 11,
        PORT_STATUS = 12, PACKET_OUT = 13, FLOW_MOD = 14, PORT_MOD = 15, STATS_REQUEST = 16, STATS_REPLY = 17,
        QUEUE_GET_CONFIG_REQUEST = 20, QUEUE_GET_CONFIG_REPLY = 21;

    private static final int PHY_PORT = 48, ACTION_MIN = 8, MATCH = 40;
    private static final int OFPP_CONTROLLER = 0xfffd;
    private static final long BSN = 0x5c16c7;
    /** What {@link #vendor} decodes: statistics' vendor data, a vendor action, a vendor message. */
    private static final int VENDOR_DATA = 0, VENDOR_ACTION = 1, VENDOR_MESSAGE = 2;

    private static final String[] PORT_CONFIG = {"PORT_DOWN", "NO_STP", "NO_RECV", "NO_RECV_STP", "NO_FLOOD",
        "NO_FWD", "NO_PACKET_IN"};
    private static final long PORT_CONFIG_U = ~0x7fL & 0xffffffffL;
    private static final String[] PORT_FEATURES = {"10MB_HD", "10MB_FD", "100MB_HD", "100MB_FD", "1GB_HD",
        "1GB_FD", "10GB_FD", "COPPER", "FIBER", "AUTONEG", "PAUSE", "PAUSE_ASYM"};
    private static final long PORT_FEATURES_U = ~0xfffL & 0xffffffffL;
    private static final String[] STP_STATES = {"STP_LISTEN", "STP_LEARN", "STP_FORWARD", "STP_BLOCK"};
    private static final long PORT_STATE_U = ~0x301L & 0xffffffffL;
    private static final String[] WILDCARDS = {"IN_PORT", "DL_VLAN", "DL_SRC", "DL_DST", "DL_TYPE", "NW_PROTO",
        "TP_SRC", "TP_DST", null, null, null, null, null, null, null, null, null, null, null, null, "DL_VLAN_PCP",
        "NW_TOS"};
    private static final long WILDCARDS_U = ~((1L << 22) - 1) & 0xffffffffL;
    private static final int FW_IN_PORT = 1, FW_DL_VLAN = 1 << 1, FW_DL_SRC = 1 << 2, FW_DL_DST = 1 << 3,
        FW_DL_TYPE = 1 << 4, FW_NW_PROTO = 1 << 5, FW_TP_SRC = 1 << 6, FW_TP_DST = 1 << 7, FW_DL_VLAN_PCP = 1 << 20,
        FW_NW_TOS = 1 << 21;
    private static final String[] ACTIONS = {"OUTPUT", "SET_VLAN_VID", "SET_VLAN_PCP", "STRIP_VLAN", "SET_DL_SRC",
        "SET_DL_DST", "SET_NW_SRC", "SET_NW_DST", "SET_NW_TOS", "SET_TP_SRC", "SET_TP_DST", "ENQUEUE"};
    private static final long ACTIONS_U = ~0xfffL & 0xffffffffL;
    private static final String[] CAPABILITIES = {"FLOW_STATS", "TABLE_STATS", "PORT_STATS", "STP", "RESERVED",
        "IP_REASM", "QUEUE_STATS", "ARP_MATCH_IP"};
    private static final long CAPABILITIES_U = ~0xefL & 0xffffffffL;
    private static final String[] CONFIG_FLAGS = {"FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"};
    private static final String[] FLOW_MOD_COMMANDS = {"ADD", "MODIFY", "MODIFY_STRICT", "DELETE", "DELETE_STRICT"};
    private static final String[] FLOW_MOD_FLAGS = {"SEND_FLOW_REM", "CHECK_OVERLAP", "EMERG"};
    private static final long FLOW_MOD_FLAGS_U = ~0x7L & 0xffffffffL;
    private static final String[] STATS = {"DESC", "FLOW", "AGGREGATE", "TABLE", "PORT", "QUEUE"};
    private static final int ST_DESC = 0, ST_FLOW = 1, ST_AGGREGATE = 2, ST_TABLE = 3, ST_PORT = 4, ST_QUEUE = 5,
        ST_VENDOR = 0xffff;
    private static final String[] STATS_REPLY_FLAGS = {"MORE"};
    private static final long STATS_REPLY_FLAGS_U = ~0x1L & 0xffffffffL;
    private static final String[] PACKET_IN_REASONS = {"NO_MATCH", "ACTION"};
    private static final String[] FLOW_REMOVED_REASONS = {"IDLE_TIMEOUT", "HARD_TIMEOUT", "DELETE"};
    private static final String[] PORT_STATUS_REASONS = {"ADD", "DELETE", "MODIFY"};
    private static final String[] ERROR_TYPES = {"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "FLOW_MOD_FAILED",
        "PORT_MOD_FAILED", "QUEUE_OP_FAILED"};
    private static final String[][] ERROR_CODES = {
        {"INCOMPATIBLE", "EPERM"},
        {"BAD_VERSION", "BAD_TYPE", "BAD_STAT", "BAD_VENDOR", "BAD_SUBTYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY",
            "BUFFER_UNKNOWN"},
        {"BAD_TYPE", "BAD_LEN", "BAD_VENDOR", "BAD_VENDOR_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY",
            "BAD_QUEUE"},
        {"ALL_TABLES_FULL", "OVERLAP", "EPERM", "BAD_EMERG_TIMEOUT", "BAD_COMMAND", "UNSUPPORTED"},
        {"BAD_PORT", "BAD_HW_ADDR"},
        {"BAD_PORT", "BAD_QUEUE", "EPERM"}};
    private static final String[] QUEUE_PROPERTIES = {"NONE", "MIN_RATE"};
    private static final String[] BSN_SUBTYPES = {"SET_IP_MASK", "GET_IP_MASK_REQUEST", "GET_IP_MASK_REPLY",
        "SET_MIRRORING", "GET_MIRRORING_REQUEST", "GET_MIRRORING_REPLY", "SHELL_COMMAND", "SHELL_OUTPUT",
        "SHELL_STATUS", "GET_INTERFACES_REQUEST", "GET_INTERFACES_REPLY", "SET_PKTIN_SUPPRESSION_REQUEST",
        "SET_L2_TABLE_REQUEST", "GET_L2_TABLE_REQUEST", "GET_L2_TABLE_REPLY", "VIRTUAL_PORT_CREATE_REQUEST",
        "VIRTUAL_PORT_CREATE_REPLY", "VIRTUAL_PORT_REMOVE_REQUEST", "BW_ENABLE_SET_REQUEST", "BW_ENABLE_GET_REQUEST",
        "BW_ENABLE_GET_REPLY", "BW_CLEAR_DATA_REQUEST", "BW_CLEAR_DATA_REPLY", "BW_ENABLE_SET_REPLY",
        "SET_L2_TABLE_REPLY", "SET_PKTIN_SUPPRESSION_REPLY", "VIRTUAL_PORT_REMOVE_REPLY", "HYBRID_GET_REQUEST",
        "HYBRID_GET_REPLY", null, null, "PDU_TX_REQUEST", "PDU_TX_REPLY", "PDU_RX_REQUEST", "PDU_RX_REPLY",
        "PDU_RX_TIMEOUT"};

    /** ofp_port_stats' twelve 64-bit counters, in order. */
    private static final String[] PORT_COUNTERS = {", rx_packets ", ", tx_packets ", ", rx_bytes ", ", tx_bytes ",
        ", rx_dropped ", ", tx_dropped ", ", rx_errors ", ", tx_errors ", ", rx_frame_err ", ", rx_over_err ",
        ", rx_crc_err ", ", collisions "};

    private final Verbosity verbosity;
    private final OpenflowBytes bytes;
    private final EarlyEnd earlyEnd;
    private final Encapsulated frames;

    Openflow10(Verbosity verbosity, OpenflowBytes bytes, EarlyEnd earlyEnd, Encapsulated frames) {
        this.verbosity = verbosity;
        this.bytes = bytes;
        this.earlyEnd = earlyEnd;
        this.frames = frames;
    }

    /** Whether tcpdump has a -v decoder for this 1.0 message type. */
    static boolean decodes(int type) {
        return switch (type) {
            case HELLO, ERROR, ECHO_REQUEST, ECHO_REPLY, VENDOR, FEATURES_REPLY, GET_CONFIG_REPLY, SET_CONFIG,
                 PACKET_IN, FLOW_REMOVED, PORT_STATUS, PACKET_OUT, FLOW_MOD, PORT_MOD, STATS_REQUEST, STATS_REPLY,
                 QUEUE_GET_CONFIG_REQUEST, QUEUE_GET_CONFIG_REPLY -> true;
            default -> false;
        };
    }

    /** The body of a message whose length passed its type's rule: {@code len} bytes at {@code at}. */
    void body(int type, int at, int len, StringBuilder out) {
        switch (type) {
            case HELLO, ECHO_REQUEST, ECHO_REPLY -> bytes.data(out, at, len);
            case ERROR -> error(at, len, out);
            case VENDOR -> vendor(VENDOR_MESSAGE, at, len, out);
            case FEATURES_REPLY -> featuresReply(at, len, out);
            case GET_CONFIG_REPLY, SET_CONFIG -> switchConfig(at, out);
            case PACKET_IN -> packetIn(at, len, out);
            case FLOW_REMOVED -> flowRemoved(at, out);
            case PORT_STATUS -> portStatus(at, out);
            case PACKET_OUT -> packetOut(at, len, out);
            case FLOW_MOD -> flowMod(at, len, out);
            case PORT_MOD -> portMod(at, out);
            case STATS_REQUEST -> statsRequest(at, len, out);
            case STATS_REPLY -> statsReply(at, len, out);
            case QUEUE_GET_CONFIG_REQUEST -> {
                port(out, "\n\t port ", bytes.u16(at));
                bytes.need(at + 2, 2);
            }
            case QUEUE_GET_CONFIG_REPLY -> {
                port(out, "\n\t port ", bytes.u16(at));
                bytes.need(at + 2, 6);
                queues(at + 8, len - 8, out);
            }
            default -> bytes.need(at, len);
        }
    }

    /** nd_print_invalid, then the check of what is left (tcpdump's "invalid:" labels). */
    private void invalid(long at, long len, StringBuilder out) {
        out.append(" (invalid)");
        bytes.need(at, len);
    }

    /** tok2str(ofpp_str, "%u", port). */
    private static void port(StringBuilder out, String label, int port) {
        out.append(label);
        String name = switch (port) {
            case 0xff00 -> "MAX";
            case 0xfff8 -> "IN_PORT";
            case 0xfff9 -> "TABLE";
            case 0xfffa -> "NORMAL";
            case 0xfffb -> "FLOOD";
            case 0xfffc -> "ALL";
            case 0xfffd -> "CONTROLLER";
            case 0xfffe -> "LOCAL";
            case 0xffff -> "NONE";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append(port);
    }

    private static void tableId(StringBuilder out, String label, int id) {
        out.append(label);
        if (id == 0xfe) out.append("EMERG");
        else if (id == 0xff) out.append("ALL");
        else out.append(id);
    }

    private static void vlan(StringBuilder out, String label, int vid) {
        out.append(label);
        if (vid == 0xffff) {
            out.append("NONE");
            return;
        }
        out.append(vid);
        if (vid == 0 || vid >= 0xfff) out.append(" (bogus)");
    }

    private static void pcp(StringBuilder out, String label, int pcp) {
        out.append(label);
        out.append(pcp);
        if (pcp > 7) out.append(" (bogus)");
    }

    private void error(int at, int len, StringBuilder out) {
        int type = bytes.u16(at);
        named(out, "\n\t type ", ERROR_TYPES, type, "invalid", 4);
        int code = bytes.u16(at + 2);
        out.append(", code ");
        if (type < ERROR_CODES.length) {
            named(out, "", ERROR_CODES[type], code, "invalid", 4);
        } else {
            out.append("invalid (0x");
            Text.hex(out, code, 4);
            out.append(')');
        }
        bytes.data(out, at + 4, len - 4);
    }

    private void featuresReply(int at, int len, StringBuilder out) {
        hex(out, "\n\t dpid ", bytes.u64(at), 16);
        num(out, ", n_buffers ", bytes.u32(at + 8));
        num(out, ", n_tables ", bytes.u8(at + 12));
        long capabilities = bytes.u32(at + 16);
        hex(out, "\n\t capabilities ", capabilities, 8);
        OpenflowBytes.bitmap(out, CAPABILITIES, capabilities, CAPABILITIES_U);
        long actions = bytes.u32(at + 20);
        hex(out, "\n\t actions ", actions, 8);
        OpenflowBytes.bitmap(out, ACTIONS, actions, ACTIONS_U);
        at += 24;
        len -= 24;
        while (len > 0) {
            if (len < PHY_PORT) {
                invalid(at, len, out);
                return;
            }
            phyPort(at, out);
            at += PHY_PORT;
            len -= PHY_PORT;
        }
    }

    private void phyPort(int at, StringBuilder out) {
        port(out, "\n\t  port_no ", bytes.u16(at));
        bytes.mac(out, ", hw_addr ", at + 2);
        out.append(", name '");
        LldpText.untilNul(bytes, at + 8, 16, out);
        out.append('\'');
        at += 24;
        if (!verbosity.veryVerbose()) {
            bytes.need(at, 24);
            return;
        }
        long config = bytes.u32(at);
        hex(out, "\n\t   config ", config, 8);
        OpenflowBytes.bitmap(out, PORT_CONFIG, config, PORT_CONFIG_U);
        long state = bytes.u32(at + 4);
        hex(out, "\n\t   state ", state, 8);
        out.append(" (");
        long stp = state & 0x300;
        if ((stp & 0xff) == 0) out.append(STP_STATES[(int) (stp >>> 8)]);
        if ((state & 1) != 0) out.append(", LINK_DOWN");
        out.append(')');
        if ((state & PORT_STATE_U) != 0) out.append(" (bogus)");
        features(out, "\n\t   curr ", bytes.u32(at + 8));
        features(out, "\n\t   advertised ", bytes.u32(at + 12));
        features(out, "\n\t   supported ", bytes.u32(at + 16));
        features(out, "\n\t   peer ", bytes.u32(at + 20));
    }

    private static void features(StringBuilder out, String label, long value) {
        hex(out, label, value, 8);
        OpenflowBytes.bitmap(out, PORT_FEATURES, value, PORT_FEATURES_U);
    }

    private void switchConfig(int at, StringBuilder out) {
        named(out, "\n\t flags ", CONFIG_FLAGS, bytes.u16(at), "invalid", 4);
        num(out, ", miss_send_len ", bytes.u16(at + 2));
    }

    /** of10_match_print: the fields the wildcards do not cover, each after {@code pfx}. */
    private void match(String pfx, int at, StringBuilder out) {
        long wildcards = bytes.u32(at);
        if ((wildcards & WILDCARDS_U) != 0) {
            hex(out.append(pfx), "wildcards ", wildcards, 8);
            out.append(" (bogus)");
        }
        if ((wildcards & FW_IN_PORT) == 0) {
            int inPort = bytes.u16(at + 4);
            port(out.append(pfx), "match in_port ", inPort);
        }
        if ((wildcards & FW_DL_SRC) == 0) {
            bytes.mac(out, pfx, "match dl_src ", at + 6);
        }
        if ((wildcards & FW_DL_DST) == 0) {
            bytes.mac(out, pfx, "match dl_dst ", at + 12);
        }
        if ((wildcards & FW_DL_VLAN) == 0) {
            int vid = bytes.u16(at + 18);
            vlan(out.append(pfx), "match dl_vlan ", vid);
        }
        if ((wildcards & FW_DL_VLAN_PCP) == 0) {
            int pcp = bytes.u8(at + 20);
            pcp(out.append(pfx), "match dl_vlan_pcp ", pcp);
        }
        int dlType = bytes.u16(at + 22);
        if ((wildcards & FW_DL_TYPE) == 0) hex(out.append(pfx), "match dl_type ", dlType, 4);
        if ((wildcards & FW_NW_TOS) == 0) {
            int tos = bytes.u8(at + 24);
            hex(out.append(pfx), "match nw_tos ", tos, 2);
        }
        int nwProto = bytes.u8(at + 25);
        if ((wildcards & FW_NW_PROTO) == 0) {
            boolean arp = (wildcards & FW_DL_TYPE) == 0 && dlType == 0x0806;
            out.append(pfx).append("match ").append(arp ? "arp_opcode " : "nw_proto ").append(nwProto);
        }
        int bits = (int) (wildcards >>> 8) & 0x3f;
        if (bits < 32) {
            bytes.ip(out, pfx, "match nw_src ", at + 28);
            out.append('/').append(32 - bits);
        }
        bits = (int) (wildcards >>> 14) & 0x3f;
        if (bits < 32) {
            bytes.ip(out, pfx, "match nw_dst ", at + 32);
            out.append('/').append(32 - bits);
        }
        boolean icmp = (wildcards & FW_DL_TYPE) == 0 && dlType == 0x0800 && (wildcards & FW_NW_PROTO) == 0
            && nwProto == 1;
        if ((wildcards & FW_TP_SRC) == 0) {
            int v = bytes.u16(at + 36);
            out.append(pfx).append("match ").append(icmp ? "icmp_type " : "tp_src ").append(v);
        }
        if ((wildcards & FW_TP_DST) == 0) {
            int v = bytes.u16(at + 38);
            out.append(pfx).append("match ").append(icmp ? "icmp_code " : "tp_dst ").append(v);
        } else {
            bytes.need(at + 38, 2);
        }
    }

    /** of10_actions_print over {@code len} bytes. */
    private void actions(String pfx, int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < ACTION_MIN) {
                invalid(at, len, out);
                return;
            }
            int type = bytes.u16(at);
            at += 2;
            len -= 2;
            out.append(pfx).append("action type ");
            if (type == 0xffff) out.append("VENDOR");
            else named(out, "", ACTIONS, type, "invalid", 4);
            int alen = bytes.u16(at);
            at += 2;
            len -= 2;
            out.append(", len ").append(alen);
            if (alen < ACTION_MIN || alen > len + 4) {
                invalid(at, len, out);
                return;
            }
            boolean bogus;
            switch (type) {
                case 0, 1, 2, 3, 6, 7, 8, 9, 10 -> bogus = alen != 8;
                case 4, 5, 11 -> bogus = alen != 16;
                case 0xffff -> bogus = alen % 8 != 0;
                default -> {
                    bytes.need(at, alen - 4);
                    at += alen - 4;
                    len -= alen - 4;
                    continue;
                }
            }
            if (bogus) {
                out.append(" (bogus)");
                bytes.need(at, alen - 4);
                at += alen - 4;
                len -= alen - 4;
                continue;
            }
            switch (type) {
                case 0 -> {
                    int output = bytes.u16(at);
                    port(out, ", port ", output);
                    if (output == OFPP_CONTROLLER) num(out, ", max_len ", bytes.u16(at + 2));
                    else bytes.need(at + 2, 2);
                }
                case 1 -> {
                    vlan(out, ", vlan_vid ", bytes.u16(at));
                    bytes.need(at + 2, 2);
                }
                case 2 -> {
                    pcp(out, ", vlan_pcp ", bytes.u8(at));
                    bytes.need(at + 1, 3);
                }
                case 3 -> bytes.need(at, 4);
                case 4, 5 -> {
                    bytes.mac(out, ", dl_addr ", at);
                    bytes.need(at + 6, 6);
                }
                case 6, 7 -> bytes.ip(out, ", nw_addr ", at);
                case 8 -> {
                    hex(out, ", nw_tos ", bytes.u8(at), 2);
                    bytes.need(at + 1, 3);
                }
                case 9, 10 -> {
                    num(out, ", tp_port ", bytes.u16(at));
                    bytes.need(at + 2, 2);
                }
                case 11 -> {
                    port(out, ", port ", bytes.u16(at));
                    long queue = bytes.u32(at + 8);
                    out.append(", queue_id ");
                    if (queue == 0xffffffffL) out.append("ALL");
                    else Text.u32(out, queue);
                }
                default -> vendor(VENDOR_ACTION, at, alen - 4, out);
            }
            at += alen - 4;
            len -= alen - 4;
        }
    }

    /**
     * of10_vendor_data_print, of10_vendor_action_print and of10_vendor_message_print: the vendor ID, required (a
     * message's length rule already holds it), then its data; in an action or a message Big Switch Networks' subtype,
     * required too, and what follows it decoded.
     */
    private void vendor(int kind, int at, int len, StringBuilder out) {
        if (len < 4) {
            invalid(at, len, out);
            return;
        }
        long vendor = bytes.u32(at);
        bytes.vendor(out, at);
        at += 4;
        len -= 4;
        if (vendor != BSN || kind == VENDOR_DATA) {
            bytes.data(out, at, len);
            return;
        }
        if (len < 4) {
            invalid(at, len, out);
            return;
        }
        long subtype = bytes.u32(at);
        if (kind == VENDOR_ACTION) bsnAction(subtype, at + 4, len - 4, out);
        else bsnMessage(subtype, at + 4, len - 4, out);
    }

    private void bsnAction(long subtype, int at, int len, StringBuilder out) {
        out.append("\n\t  subtype ");
        if (subtype == 1) out.append("MIRROR");
        else if (subtype == 2) out.append("SET_TUNNEL_DST");
        else if (subtype == 4) out.append("CHECKSUM");
        else hex(out, "unknown (", subtype, 8).append(')');
        if (subtype != 1) {
            bytes.need(at, len);
            return;
        }
        if (len != 12) {
            invalid(at, len, out);
            return;
        }
        num(out, ", dest_port ", bytes.u32(at));
        long tag = bytes.u32(at + 4);
        int tpid = (int) (tag >>> 16);
        if (tpid == 0) {
            out.append(", vlan_tag none");
        } else if (tpid == 0x8100) {
            int tci = (int) tag & 0xffff;
            out.append(", vlan_tag 802.1Q (vlan ").append(tci & 0xfff).append(", p ").append(tci >>> 13);
            if ((tci & 0x1000) != 0) out.append(", DEI");
            out.append(')');
        } else {
            hex(out, ", vlan_tag unknown (", tpid, 4);
            out.append(')');
        }
        int stage = bytes.u8(at + 8);
        out.append(", copy_stage ");
        if (stage == 0) out.append("INGRESS");
        else if (stage == 1) out.append("EGRESS");
        else out.append("unknown (").append(stage).append(')');
        bytes.need(at + 9, 3);
    }

    private void bsnMessage(long subtype, int at, int len, StringBuilder out) {
        out.append("\n\t subtype ");
        if (subtype < BSN_SUBTYPES.length && BSN_SUBTYPES[(int) subtype] != null) {
            out.append(BSN_SUBTYPES[(int) subtype]);
        } else {
            hex(out, "unknown (", subtype, 8).append(')');
        }
        switch ((int) subtype) {
            case 1 -> {
                if (len != 8) {
                    invalid(at, len, out);
                    return;
                }
                num(out, ", index ", bytes.u8(at));
                bytes.need(at + 1, 7);
            }
            case 0, 2 -> {
                if (len != 8) {
                    invalid(at, len, out);
                    return;
                }
                num(out, ", index ", bytes.u8(at));
                bytes.ip(out, ", mask ", at + 4);
            }
            case 3, 4, 5 -> {
                if (len != 4) {
                    invalid(at, len, out);
                    return;
                }
                int on = bytes.u8(at);
                out.append(", report_mirror_ports ");
                if (on == 0) out.append("OFF");
                else if (on == 1) out.append("ON");
                else out.append("bogus (").append(on).append(')');
                bytes.need(at + 1, 3);
            }
            case 9, 13, 19, 21, 27 -> {
                if (len != 0) invalid(at, len, out);
            }
            case 17 -> {
                if (len != 4) {
                    invalid(at, len, out);
                    return;
                }
                num(out, ", vport_no ", bytes.u32(at));
            }
            case 6 -> {
                if (len < 4) {
                    invalid(at, len, out);
                    return;
                }
                num(out, ", service ", bytes.u32(at));
                out.append(", data '");
                bytes.printn(out, at + 4, len - 4);
                out.append('\'');
            }
            case 7 -> {
                out.append(", data '");
                bytes.printn(out, at, len);
                out.append('\'');
            }
            case 8 -> {
                if (len != 4) {
                    invalid(at, len, out);
                    return;
                }
                hex(out, ", status ", bytes.u32(at), 8);
            }
            default -> bytes.need(at, len);
        }
    }

    /**
     * of10_packet_data_print: the length; with -vvv the Ethernet frame, printed at tcpdump's vflag - 3 and inside the
     * data (the capture clamped to its end), else a check.
     */
    private void packetData(int at, int len, StringBuilder out) {
        if (len == 0) return;
        out.append("\n\t data (").append(len).append(" octets)");
        if (!verbosity.mostVerbose()) {
            bytes.need(at, len);
            return;
        }
        out.append(", frame decoding below\n");
        Packet p = bytes.packet();
        int capLen = (int) Math.clamp((long) bytes.end() - at, 0, len);
        boolean endedBefore = earlyEnd.happened();
        int printedFrom = out.length();
        if (!frames.print(p, at, len, capLen, Encapsulated.OPENFLOW_FRAME, out)) {
            bytes.need(at, len);   // nested too deep to print it
            return;
        }
        if (!endedBefore && earlyEnd.happened()) {
            bytes.protocol = null;
            bytes.need(-1, 0);   // the jump that ended the carried frame ends the packet
        }
        String marked = CarriedProtocol.fromMarker(out, printedFrom);
        // the frame was printed at tcpdump's vflag - 3: verbose from -vvvv
        bytes.protocol = marked != null ? marked
            : CarriedProtocol.ethernet(p, at, len, capLen, verbosity.extraVerbose());
    }

    private void packetIn(int at, int len, StringBuilder out) {
        long buffer = bytes.u32(at);
        out.append("\n\t buffer_id ");
        bufferId(out, buffer);
        num(out, ", total_len ", bytes.u16(at + 4));
        port(out, ", in_port ", bytes.u16(at + 6));
        named(out, ", reason ", PACKET_IN_REASONS, bytes.u8(at + 8), "invalid", 2);
        bytes.need(at + 9, 1);
        packetData(at + 10, len - 10, out);
    }

    private static void bufferId(StringBuilder out, long buffer) {
        if (buffer == 0xffffffffL) out.append("NONE");
        else hex(out, "", buffer, 8);
    }

    private void packetOut(int at, int len, StringBuilder out) {
        hex(out, "\n\t buffer_id ", bytes.u32(at), 8);
        port(out, ", in_port ", bytes.u16(at + 4));
        int actionsLength = bytes.u16(at + 6);
        at += 8;
        len -= 8;
        if (actionsLength > len) {
            invalid(at, len, out);
            return;
        }
        actions("\n\t ", at, actionsLength, out);
        packetData(at + actionsLength, len - actionsLength, out);
    }

    private void flowMod(int at, int len, StringBuilder out) {
        match("\n\t ", at, out);
        at += MATCH;
        hex(out, "\n\t cookie ", bytes.u64(at), 16);
        int command = bytes.u16(at + 8);
        named(out, ", command ", FLOW_MOD_COMMANDS, command, "invalid", 4);
        nonZero(out, ", idle_timeout ", at + 10);
        nonZero(out, ", hard_timeout ", at + 12);
        nonZero(out, ", priority ", at + 14);
        if (command <= 2) {
            long buffer = bytes.u32(at + 16);
            out.append(", buffer_id ");
            bufferId(out, buffer);
        }
        if (command == 3 || command == 4) port(out, ", out_port ", bytes.u16(at + 20));
        int flags = bytes.u16(at + 22);
        hex(out, ", flags ", flags, 4);
        OpenflowBytes.bitmap(out, FLOW_MOD_FLAGS, flags, FLOW_MOD_FLAGS_U);
        actions("\n\t ", at + 24, len - MATCH - 24, out);
    }

    private void nonZero(StringBuilder out, String label, int at) {
        int v = bytes.u16(at);
        if (v != 0) out.append(label).append(v);
    }

    private void flowRemoved(int at, StringBuilder out) {
        match("\n\t ", at, out);
        at += MATCH;
        hex(out, "\n\t cookie ", bytes.u64(at), 16);
        nonZero(out, ", priority ", at + 8);
        named(out, ", reason ", FLOW_REMOVED_REASONS, bytes.u8(at + 10), "unknown", 2);
        num(out, ", duration_sec ", bytes.u32(at + 12));
        num(out, ", duration_nsec ", bytes.u32(at + 16));
        nonZero(out, ", idle_timeout ", at + 20);
        long packets = bytes.u64(at + 24);
        Text.u64(out.append(", packet_count "), packets);
        long octets = bytes.u64(at + 32);
        Text.u64(out.append(", byte_count "), octets);
    }

    private void portStatus(int at, StringBuilder out) {
        named(out, "\n\t reason ", PORT_STATUS_REASONS, bytes.u8(at), "invalid", 2);
        phyPort(at + 8, out);
    }

    private void portMod(int at, StringBuilder out) {
        port(out, "\n\t port_no ", bytes.u16(at));
        bytes.mac(out, ", hw_addr ", at + 2);
        long config = bytes.u32(at + 8);
        hex(out, "\n\t config ", config, 8);
        OpenflowBytes.bitmap(out, PORT_CONFIG, config, PORT_CONFIG_U);
        long mask = bytes.u32(at + 12);
        hex(out, "\n\t mask ", mask, 8);
        OpenflowBytes.bitmap(out, PORT_CONFIG, mask, PORT_CONFIG_U);
        long advertise = bytes.u32(at + 16);
        hex(out, "\n\t advertise ", advertise, 8);
        OpenflowBytes.bitmap(out, PORT_FEATURES, advertise, PORT_FEATURES_U);
        bytes.need(at + 20, 4);
    }

    private void queues(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 8) {
                invalid(at, len, out);
                return;
            }
            long id = bytes.u32(at);
            out.append("\n\t  queue_id ");
            Text.u32(out, id);
            int descLength = bytes.u16(at + 4);
            out.append(", len ").append(descLength);
            if (descLength < 8 || descLength > len) {
                invalid(at + 6, len - 6, out);
                return;
            }
            bytes.need(at + 6, 2);
            if (verbosity.veryVerbose()) queueProperties(at + 8, descLength - 8, out);
            else bytes.need(at + 8, descLength - 8);
            at += descLength;
            len -= descLength;
        }
    }

    private void queueProperties(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 8) {
                invalid(at, len, out);
                return;
            }
            int property = bytes.u16(at);
            named(out, "\n\t   property ", QUEUE_PROPERTIES, property, "invalid", 4);
            int plen = bytes.u16(at + 2);
            out.append(", len ").append(plen);
            if (plen < 8 || plen > len) {
                invalid(at + 4, len - 4, out);
                return;
            }
            bytes.need(at + 4, 4);
            boolean skip = property > 1;
            if (!skip && plen != (property == 0 ? 8 : 16)) {
                out.append(" (bogus)");
                skip = true;
            }
            if (skip) {
                bytes.need(at + 8, plen - 8);
            } else if (property == 1) {
                int rate = bytes.u16(at + 8);
                if (rate > 1000) out.append(", rate disabled");
                else out.append(", rate ").append(rate / 10).append('.').append(rate % 10).append('%');
                bytes.need(at + 10, 6);
            }
            at += plen;
            len -= plen;
        }
    }

    private void statsRequest(int at, int len, StringBuilder out) {
        int type = bytes.u16(at);
        out.append("\n\t type ");
        statsType(out, type);
        int flags = bytes.u16(at + 2);
        hex(out, ", flags ", flags, 4);
        if (flags != 0) out.append(" (bogus)");
        at += 4;
        len -= 4;
        switch (type) {
            case ST_DESC, ST_TABLE -> {
                if (len != 0) invalid(at, len, out);
            }
            case ST_FLOW, ST_AGGREGATE -> {
                if (len != 44) {
                    invalid(at, len, out);
                    return;
                }
                match("\n\t ", at, out);
                tableId(out, "\n\t table_id ", bytes.u8(at + MATCH));
                port(out, ", out_port ", bytes.u16(at + MATCH + 2));
            }
            case ST_PORT -> {
                if (len != 8) {
                    invalid(at, len, out);
                    return;
                }
                port(out, "\n\t port_no ", bytes.u16(at));
                bytes.need(at + 2, 6);
            }
            case ST_QUEUE -> {
                if (len != 8) {
                    invalid(at, len, out);
                    return;
                }
                port(out, "\n\t port_no ", bytes.u16(at));
                long queue = bytes.u32(at + 4);
                out.append(", queue_id ");
                if (queue == 0xffffffffL) out.append("ALL");
                else Text.u32(out, queue);
            }
            case ST_VENDOR -> vendor(VENDOR_DATA, at, len, out);
            default -> { }
        }
    }

    private static void statsType(StringBuilder out, int type) {
        if (type == ST_VENDOR) out.append("VENDOR");
        else named(out, "", STATS, type, "invalid", 4);
    }

    private void statsReply(int at, int len, StringBuilder out) {
        int type = bytes.u16(at);
        out.append("\n\t type ");
        statsType(out, type);
        int flags = bytes.u16(at + 2);
        hex(out, ", flags ", flags, 4);
        OpenflowBytes.bitmap(out, STATS_REPLY_FLAGS, flags, STATS_REPLY_FLAGS_U);
        at += 4;
        len -= 4;
        switch (type) {
            case ST_DESC -> descStats(at, len, out);
            case ST_FLOW -> flowStats(at, len, out);
            case ST_AGGREGATE -> aggregateStats(at, len, out);
            case ST_TABLE -> tableStats(at, len, out);
            case ST_PORT -> portStats(at, len, out);
            case ST_QUEUE -> queueStats(at, len, out);
            case ST_VENDOR -> vendor(VENDOR_DATA, at, len, out);
            default -> bytes.need(at, len);
        }
    }

    private void descStats(int at, int len, StringBuilder out) {
        if (len != 1056) {
            invalid(at, len, out);
            return;
        }
        description(out, "\n\t  mfr_desc '", at, 256);
        description(out, "\n\t  hw_desc '", at + 256, 256);
        description(out, "\n\t  sw_desc '", at + 512, 256);
        description(out, "\n\t  serial_num '", at + 768, 32);
        description(out, "\n\t  dp_desc '", at + 800, 256);
    }

    private void description(StringBuilder out, String label, int at, int n) {
        out.append(label);
        LldpText.untilNul(bytes, at, n, out);
        out.append('\'');
    }

    private void flowStats(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 88) {
                invalid(at, len, out);
                return;
            }
            int entry = bytes.u16(at);
            out.append("\n\t length ").append(entry);
            if (entry < 88 || entry > len) {
                invalid(at, len, out);
                return;
            }
            tableId(out, ", table_id ", bytes.u8(at + 2));
            match("\n\t  ", at + 4, out);
            int p = at + 4 + MATCH;
            num(out, "\n\t  duration_sec ", bytes.u32(p));
            num(out, ", duration_nsec ", bytes.u32(p + 4));
            num(out, ", priority ", bytes.u16(p + 8));
            num(out, ", idle_timeout ", bytes.u16(p + 10));
            num(out, ", hard_timeout ", bytes.u16(p + 12));
            hex(out, ", cookie ", bytes.u64(p + 20), 16);
            long packets = bytes.u64(p + 28);
            Text.u64(out.append(", packet_count "), packets);
            long octets = bytes.u64(p + 36);
            Text.u64(out.append(", byte_count "), octets);
            actions("\n\t  ", at + 88, entry - 88, out);
            at += entry;
            len -= entry;
        }
    }

    private void aggregateStats(int at, int len, StringBuilder out) {
        if (len != 24) {
            invalid(at, len, out);
            return;
        }
        long packets = bytes.u64(at);
        Text.u64(out.append("\n\t packet_count "), packets);
        long octets = bytes.u64(at + 8);
        Text.u64(out.append(", byte_count "), octets);
        num(out, ", flow_count ", bytes.u32(at + 16));
        bytes.need(at + 20, 4);
    }

    private void tableStats(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 64) {
                invalid(at, len, out);
                return;
            }
            tableId(out, "\n\t table_id ", bytes.u8(at));
            out.append(", name '");
            LldpText.untilNul(bytes, at + 4, 32, out);
            out.append('\'');
            long wildcards = bytes.u32(at + 36);
            hex(out, "\n\t  wildcards ", wildcards, 8);
            OpenflowBytes.bitmap(out, WILDCARDS, wildcards, WILDCARDS_U);
            num(out, "\n\t  max_entries ", bytes.u32(at + 40));
            num(out, ", active_count ", bytes.u32(at + 44));
            long lookups = bytes.u64(at + 48);
            Text.u64(out.append(", lookup_count "), lookups);
            long matches = bytes.u64(at + 56);
            Text.u64(out.append(", matched_count "), matches);
            at += 64;
            len -= 64;
        }
    }

    private void portStats(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 104) {
                invalid(at, len, out);
                return;
            }
            port(out, "\n\t  port_no ", bytes.u16(at));
            if (!verbosity.veryVerbose()) {
                bytes.need(at + 2, 102);
            } else {
                for (int i = 0; i < PORT_COUNTERS.length; i++) {
                    long v = bytes.u64(at + 8 + 8 * i);
                    Text.u64(out.append(PORT_COUNTERS[i]), v);
                }
            }
            at += 104;
            len -= 104;
        }
    }

    private void queueStats(int at, int len, StringBuilder out) {
        while (len > 0) {
            if (len < 32) {
                invalid(at, len, out);
                return;
            }
            port(out, "\n\t  port_no ", bytes.u16(at));
            num(out, ", queue_id ", bytes.u32(at + 4));
            long v = bytes.u64(at + 8);
            Text.u64(out.append(", tx_bytes "), v);
            v = bytes.u64(at + 16);
            Text.u64(out.append(", tx_packets "), v);
            v = bytes.u64(at + 24);
            Text.u64(out.append(", tx_errors "), v);
            at += 32;
            len -= 32;
        }
    }
}
