package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * PPTP control messages (RFC 2637; TCP port 1723) as tcpdump 4.99 prints it (print-pptp.c): ": pptp", the magic
 * cookie when it is wrong, the control message type and each field of the fifteen messages by name; -v adds the
 * length, the message type, the cookie and the names of result, error and reason codes. tcpdump reads the message
 * to the capture end whatever the segment's length; a field past it ends the line with " [|pptp]"
 * ({@link EarlyEnd}). Each field is fetched before its text is printed, as tcpdump's ND_PRINT arguments are.
 */
final class PptpFormatter {
    static final int PORT = 1723;
    private static final long MAGIC_COOKIE = 0x1a2b3c4dL;
    private static final int SCCRQ = 1, SCCRP = 2, STOP_CCRQ = 3, STOP_CCRP = 4, ECHORQ = 5, ECHORP = 6, OCRQ = 7,
            OCRP = 8, ICRQ = 9, ICRP = 10, ICCN = 11, CCRQ = 12, CDN = 13, WEN = 14, SLI = 15;
    private static final String[] MESSAGE_TYPES = {"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
        "ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN", "WEN", "SLI"};
    private static final String[] ERROR_CODES = {"None", "Not-Connected", "Bad-Format", "Bad-Value", "No-Resource",
        "Bad-Call-ID", "PAC-Error"};
    /** Result code names by message (index 0 unused, as tcpdump's tables start at 1). */
    private static final String[] SCCRP_RESULTS = {null, "Successful channel establishment", "General error",
        "Command channel already exists", "Requester is not authorized to establish a command channel",
        "The protocol version of the requester is not supported"};
    private static final String[] ECHORP_RESULTS = {null, "OK", "General Error"};
    private static final String[] OCRP_RESULTS = {null, "Connected", "General Error", "No Carrier", "Busy",
        "No Dial Tone", "Time-out", "Do Not Accept"};
    private static final String[] ICRP_RESULTS = {null, "Connect", "General Error", "Do Not Accept"};
    private static final String[] CDN_RESULTS = {null, "Lost Carrier", "General Error", "Admin Shutdown", "Request"};
    private static final String[] STOP_REASONS = {null, "None", "Stop-Protocol", "Stop-Local-Shutdown"};
    /** Bearer and framing types 1..3. */
    private static final String[] BEARER_TYPES = {null, "A", "D", "Any"};
    private static final String[] FRAMING_TYPES = {null, "A", "S", "E"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    PptpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The TCP payload at {@code off}; {@code end} the snapshot end (the message is read up to it). */
    void format(Packet p, int off, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(off, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "pptp");
        }
    }

    private void message(int at, StringBuilder out) {
        out.append(": pptp");
        boolean verbose = verbosity.verbose();
        if (verbose) {
            int length = bytes.u16(at);
            out.append(" Length=").append(length);
            int type = bytes.u16(at + 2);
            out.append(type == 1 ? " CTRL-MSG" : type == 2 ? " MGMT-MSG" : " UNKNOWN-MSG-TYPE");
        }
        long cookie = bytes.u32(at + 4);
        if (cookie != MAGIC_COOKIE) {
            out.append(" UNEXPECTED Magic-Cookie!!(");
            Text.hex(out, cookie, 8);
            out.append(')');
        }
        if (verbose || cookie != MAGIC_COOKIE) {
            out.append(" Magic-Cookie=");
            Text.hex(out, cookie, 8);
        }
        int control = bytes.u16(at + 8);
        if (control < MESSAGE_TYPES.length) out.append(" CTRL_MSGTYPE=").append(MESSAGE_TYPES[control]);
        else out.append(" UNKNOWN_CTRL_MSGTYPE(").append(control).append(')');
        reserved16(at + 10, out);
        int d = at + 12;
        switch (control) {
            case SCCRQ -> {
                protocolVersion(d, out);
                reserved16(d + 2, out);
                connectionFields(d, out);
            }
            case SCCRP -> {
                protocolVersion(d, out);
                result(d + 2, SCCRP_RESULTS, out);
                error(d + 3, out);
                connectionFields(d, out);
            }
            case STOP_CCRQ -> {
                int reason = bytes.u8(d);
                out.append(" REASON(").append(reason);
                if (verbose) {
                    out.append(':').append(reason >= 1 && reason <= 3 ? STOP_REASONS[reason] : "?");
                }
                out.append(')');
                reserved8(d + 1, out);
                reserved16(d + 2, out);
            }
            case STOP_CCRP -> {
                result(d, ECHORP_RESULTS, out);
                error(d + 1, out);
                reserved16(d + 2, out);
            }
            case ECHORQ -> u32(" ID(", d, out);
            case ECHORP -> {
                u32(" ID(", d, out);
                result(d + 4, ECHORP_RESULTS, out);
                error(d + 5, out);
                reserved16(d + 6, out);
            }
            case OCRQ -> {
                u16(" CALL_ID(", d, out);
                u16(" CALL_SER_NUM(", d + 2, out);
                u32(" MIN_BPS(", d + 4, out);
                u32(" MAX_BPS(", d + 8, out);
                named(" BEARER_TYPE(", d + 12, BEARER_TYPES, out);
                named(" FRAME_TYPE(", d + 16, FRAMING_TYPES, out);
                u16(" RECV_WIN(", d + 20, out);
                u16(" PROC_DELAY(", d + 22, out);
                u16(" PHONE_NO_LEN(", d + 24, out);
                reserved16(d + 26, out);
                text(" PHONE_NO(", d + 28, Math.min(64, bytes.u16(d + 24)), out);
                text(" SUB_ADDR(", d + 92, 64, out);
            }
            case OCRP -> {
                u16(" CALL_ID(", d, out);
                u16(" PEER_CALL_ID(", d + 2, out);
                result(d + 4, OCRP_RESULTS, out);
                error(d + 5, out);
                u16(" CAUSE_CODE(", d + 6, out);
                u32(" CONN_SPEED(", d + 8, out);
                u16(" RECV_WIN(", d + 12, out);
                u16(" PROC_DELAY(", d + 14, out);
                u32(" PHY_CHAN_ID(", d + 16, out);
            }
            case ICRQ -> {
                u16(" CALL_ID(", d, out);
                u16(" CALL_SER_NUM(", d + 2, out);
                named(" BEARER_TYPE(", d + 4, BEARER_TYPES, out);
                u32(" PHY_CHAN_ID(", d + 8, out);
                u16(" DIALED_NO_LEN(", d + 12, out);
                u16(" DIALING_NO_LEN(", d + 14, out);
                text(" DIALED_NO(", d + 16, Math.min(64, bytes.u16(d + 12)), out);
                text(" DIALING_NO(", d + 80, Math.min(64, bytes.u16(d + 14)), out);
                text(" SUB_ADDR(", d + 144, 64, out);
            }
            case ICRP -> {
                u16(" CALL_ID(", d, out);
                u16(" PEER_CALL_ID(", d + 2, out);
                result(d + 4, ICRP_RESULTS, out);
                error(d + 5, out);
                u16(" RECV_WIN(", d + 6, out);
                u16(" PROC_DELAY(", d + 8, out);
                reserved16(d + 10, out);
            }
            case ICCN -> {
                u16(" PEER_CALL_ID(", d, out);
                reserved16(d + 2, out);
                u32(" CONN_SPEED(", d + 4, out);
                u16(" RECV_WIN(", d + 8, out);
                u16(" PROC_DELAY(", d + 10, out);
                named(" FRAME_TYPE(", d + 12, FRAMING_TYPES, out);
            }
            case CCRQ -> {
                u16(" CALL_ID(", d, out);
                reserved16(d + 2, out);
            }
            case CDN -> {
                u16(" CALL_ID(", d, out);
                result(d + 2, CDN_RESULTS, out);
                error(d + 3, out);
                u16(" CAUSE_CODE(", d + 4, out);
                reserved16(d + 6, out);
                text(" CALL_STATS(", d + 8, 128, out);
            }
            case WEN -> {
                u16(" PEER_CALL_ID(", d, out);
                reserved16(d + 2, out);
                u32(" CRC_ERR(", d + 4, out);
                u32(" FRAMING_ERR(", d + 8, out);
                u32(" HARDWARE_OVERRUN(", d + 12, out);
                u32(" BUFFER_OVERRUN(", d + 16, out);
                u32(" TIMEOUT_ERR(", d + 20, out);
                u32(" ALIGN_ERR(", d + 24, out);
            }
            case SLI -> {
                u16(" PEER_CALL_ID(", d, out);
                reserved16(d + 2, out);
                long send = bytes.u32(d + 4);
                out.append(" SEND_ACCM(0x");
                Text.hex(out, send, 8);
                out.append(')');
                long receive = bytes.u32(d + 8);
                out.append(" RECV_ACCM(0x");
                Text.hex(out, receive, 8);
                out.append(')');
            }
            default -> { }
        }
    }

    /** SCCRQ's and SCCRP's framing and bearer capabilities, channels, firmware, host name and vendor. */
    private void connectionFields(int d, StringBuilder out) {
        out.append(" FRAME_CAP(");   // printed before the field is fetched
        long framing = bytes.u32(d + 4);
        if ((framing & 1) != 0) out.append('A');
        if ((framing & 2) != 0) out.append('S');
        out.append(')');
        long bearer = bytes.u32(d + 8);
        out.append(" BEARER_CAP(").append((bearer & 2) != 0 ? "D" : "").append((bearer & 1) != 0 ? "A" : "")
           .append(')');
        u16(" MAX_CHAN(", d + 12, out);
        u16(" FIRM_REV(", d + 14, out);
        text(" HOSTNAME(", d + 16, 64, out);
        text(" VENDOR(", d + 80, 64, out);
    }

    private void protocolVersion(int at, StringBuilder out) {
        int version = bytes.u16(at);
        out.append(" PROTO_VER(").append(version >>> 8).append('.').append(version & 0xff).append(')');
    }

    private void result(int at, String[] names, StringBuilder out) {
        int code = bytes.u8(at);
        out.append(" RESULT_CODE(").append(code);
        if (verbosity.verbose()) out.append(':').append(code < names.length && code > 0 ? names[code] : "?");
        out.append(')');
    }

    private void error(int at, StringBuilder out) {
        int code = bytes.u8(at);
        out.append(" ERR_CODE(").append(code);
        if (verbosity.verbose()) out.append(':').append(code < ERROR_CODES.length ? ERROR_CODES[code] : "?");
        out.append(')');
    }

    private void named(String label, int at, String[] names, StringBuilder out) {
        long value = bytes.u32(at);
        out.append(label).append(value >= 1 && value < names.length ? names[(int) value] : "?").append(')');
    }

    private void u16(String label, int at, StringBuilder out) {
        int value = bytes.u16(at);
        out.append(label).append(value).append(')');
    }

    private void u32(String label, int at, StringBuilder out) {
        long value = bytes.u32(at);
        out.append(label).append(value).append(')');
    }

    private void reserved8(int at, StringBuilder out) {
        int value = bytes.u8(at);
        if (value != 0) out.append(" [ERROR: reserved=").append(value).append(" must be zero]");
    }

    private void reserved16(int at, StringBuilder out) {
        int value = bytes.u16(at);
        if (value != 0) out.append(" [ERROR: reserved=").append(value).append(" must be zero]");
    }

    /** tcpdump's nd_printjnp inside "LABEL(...)": up to {@code n} characters, to a NUL; each byte fetched. */
    private void text(String label, int at, int n, StringBuilder out) {
        out.append(label);
        for (int i = 0; i < n; i++) {
            int c = bytes.u8(at + i);
            if (c == 0) break;
            Text.printableChar(out, c);
        }
        out.append(')');
    }
}
