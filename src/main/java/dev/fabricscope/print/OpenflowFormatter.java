package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * OpenFlow over TCP 6633 and 6653 as tcpdump 4.99 prints it (print-openflow.c): ": OpenFlow", then for each message
 * of the segment (the segment is taken to start on a message) a line {@code version 1.0, type HELLO, length 8, xid
 * 0x00000001}. Type names are known for versions 1.0 and 1.3 only. A message whose length breaks its type's rule
 * gets " (invalid)"; a length under 8 ends the segment with " (invalid)"; a header cut by the segment's end gets
 * " (end of TCP payload)"; a message running past the segment ends the loop. With -v the bodies of OpenFlow 1.0
 * ({@link Openflow10}) and 1.3 ({@link Openflow13}) that tcpdump decodes, with -vvv 1.0's carried Ethernet frames.
 * Every fetch or check past the capture ends the packet with " [|openflow]" (after a carried frame, the name its
 * printers left).
 */
final class OpenflowFormatter {
    static final int PORT_OLD = 6633, PORT_IANA = 6653;
    private static final int HEADER = 8;
    private static final int V10 = 1, V13 = 4;
    private static final String[] VERSIONS = {null, "1.0", "1.1", "1.2", "1.3", "1.4", "1.5"};

    /** tcpdump's rule for a message body's length: none, exactly, or at least {@code value}. */
    private static final int NONE = 0, FIX = 1, MIN = 2;

    private static final String[] TYPES10 = {"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "VENDOR",
        "FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST", "GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN",
        "FLOW_REMOVED", "PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "PORT_MOD", "STATS_REQUEST", "STATS_REPLY",
        "BARRIER_REQUEST", "BARRIER_REPLY", "QUEUE_GET_CONFIG_REQUEST", "QUEUE_GET_CONFIG_REPLY"};
    /** Per 1.0 type: rule, body length (the message's less the 8-byte header); PACKET_IN's excludes 2 pad bytes. */
    private static final int[] RULES10 = {MIN, 0, MIN, 4, MIN, 0, MIN, 0, MIN, 4, FIX, 0, MIN, 24, FIX, 0, FIX, 4,
        FIX, 4, MIN, 10, FIX, 80, FIX, 56, MIN, 8, MIN, 64, FIX, 24, MIN, 4, MIN, 4, FIX, 0, FIX, 0, FIX, 4, MIN, 8};

    private static final String[] TYPES13 = {"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "EXPERIMENTER",
        "FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST", "GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN",
        "FLOW_REMOVED", "PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "GROUP_MOD", "PORT_MOD", "TABLE_MOD",
        "MULTIPART_REQUEST", "MULTIPART_REPLY", "BARRIER_REQUEST", "BARRIER_REPLY", "QUEUE_GET_CONFIG_REQUEST",
        "QUEUE_GET_CONFIG_REPLY", "ROLE_REQUEST", "ROLE_REPLY", "GET_ASYNC_REQUEST", "GET_ASYNC_REPLY", "SET_ASYNC",
        "METER_MOD"};
    private static final int[] RULES13 = {MIN, 0, MIN, 4, MIN, 0, MIN, 0, MIN, 8, FIX, 0, FIX, 24, FIX, 0, FIX, 4,
        FIX, 4, NONE, 0, NONE, 0, FIX, 72, NONE, 0, NONE, 0, NONE, 0, FIX, 32, FIX, 8, NONE, 0, NONE, 0, FIX, 0, FIX,
        0, FIX, 8, NONE, 0, FIX, 16, FIX, 16, FIX, 0, FIX, 24, FIX, 24, NONE, 0};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final OpenflowBytes bytes;
    private final Openflow10 of10;
    private final Openflow13 of13;

    /** {@code frames} prints 1.0's PACKET_IN and PACKET_OUT Ethernet frames ({@link Encapsulated#OPENFLOW_FRAME}). */
    OpenflowFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated frames) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.bytes = new OpenflowBytes(verbosity);
        this.of10 = new Openflow10(verbosity, bytes, earlyEnd, frames);
        this.of13 = new Openflow13(verbosity, bytes);
    }

    /** The messages in {@code length} bytes of TCP payload at {@code off}; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        out.append(": OpenFlow");
        bytes.protocol = "openflow";
        try (var _ = bytes.reading(packet, end)) {
            messages(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            // a carried frame's printer that jumped has said its marker: tcpdump's one jump ended both
            if (bytes.protocol != null) earlyEnd.mark(out, bytes.protocol);
        }
    }

    private void messages(int at, int len, StringBuilder out) {
        while (len > 0) {
            int version = bytes.u8(at);
            at++;
            len--;
            out.append("\n\tversion ");
            if (version > 0 && version < VERSIONS.length) {
                out.append(VERSIONS[version]);
            } else {
                out.append("unknown (0x");
                Text.hex(out, version, 2);
                out.append(')');
            }
            if (len < 1) {
                partialHeader(at, len, out);
                return;
            }
            int type = bytes.u8(at);
            at++;
            len--;
            String[] names = version == V10 ? TYPES10 : version == V13 ? TYPES13 : null;
            int[] rules = version == V10 ? RULES10 : RULES13;
            boolean known = names != null && type < names.length;
            if (known) {
                out.append(", type ").append(names[type]);
            } else {
                out.append(", type unknown (0x");
                Text.hex(out, type, 2);
                out.append(')');
            }
            if (len < 2) {
                partialHeader(at, len, out);
                return;
            }
            int length = bytes.u16(at);
            at += 2;
            len -= 2;
            out.append(", length ").append(length);
            if (length < HEADER) out.append(" (too short!)");
            if (len < 4) {
                partialHeader(at, len, out);
                return;
            }
            long xid = bytes.u32(at);
            out.append(", xid 0x");
            Text.hex(out, xid, 8);
            at += 4;
            len -= 4;
            if (length < HEADER) {
                out.append(" (invalid)");
                bytes.need(at, len);
                return;
            }
            int body = length - HEADER;
            if (!known) {
                bytes.need(at, body);
            } else if (!fits(rules[2 * type], rules[2 * type + 1], body)) {
                out.append(" (invalid)");
                bytes.need(at, body);
            } else if (verbosity.verbose() && version == V10 && Openflow10.decodes(type)) {
                of10.body(type, at, body, out);
            } else if (verbosity.verbose() && version == V13 && Openflow13.decodes(type)) {
                of13.body(type, at, body, out);
            } else {
                bytes.need(at, body);
            }
            if (body > len) return;
            at += body;
            len -= body;
        }
    }

    private static boolean fits(int rule, int value, int body) {
        return rule == FIX ? body == value : rule != MIN || body >= value;
    }

    private void partialHeader(int at, int len, StringBuilder out) {
        out.append(" (end of TCP payload)");
        bytes.need(at, len);
    }
}
