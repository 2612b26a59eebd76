package dev.fabricscope.print;

/**
 * The AVPs of an L2TP control message (RFC 2661 section 4.4, RFC 3145's PPP Disconnect Cause Code) as tcpdump 4.99
 * prints them (print-l2tp.c): {@code *MSGTYPE(SCCRQ)}, "*" for the mandatory bit, "?" for the hidden one (whose value
 * shows as "???"), a vendor's AVP as {@code VENDOR0009:ATTR0001(0102)}. An AVP whose length is under 6 or runs past
 * the message or the capture ends the list with " [|l2tp]" (tcpdump's own check: the raw dump keeps the link header);
 * only a cut length field jumps. Reads through the L2TP printer's {@link SnapshotBytes}.
 */
final class L2tpAvps {
    private static final int MANDATORY = 0x8000, HIDDEN = 0x4000, LENGTH_MASK = 0x03ff, HEADER = 6;
    private static final int MESSAGE_TYPE = 0, RESULT_CODE = 1, PROTOCOL_VERSION = 2, FRAMING_CAPABILITIES = 3,
            BEARER_CAPABILITIES = 4, TIE_BREAKER = 5, FIRMWARE_REVISION = 6, HOST_NAME = 7, VENDOR_NAME = 8,
            ASSIGNED_TUNNEL_ID = 9, RECEIVE_WINDOW_SIZE = 10, CHALLENGE = 11, Q931_CAUSE_CODE = 12,
            CHALLENGE_RESPONSE = 13, ASSIGNED_SESSION_ID = 14, CALL_SERIAL_NUMBER = 15, MINIMUM_BPS = 16,
            MAXIMUM_BPS = 17, BEARER_TYPE = 18, FRAMING_TYPE = 19, PACKET_PROCESSING_DELAY = 20, CALLED_NUMBER = 21,
            CALLING_NUMBER = 22, SUB_ADDRESS = 23, TX_CONNECT_SPEED = 24, PHYSICAL_CHANNEL_ID = 25,
            INITIAL_RECEIVED_LCP = 26, LAST_SENT_LCP = 27, LAST_RECEIVED_LCP = 28, PROXY_AUTH_TYPE = 29,
            PROXY_AUTH_NAME = 30, PROXY_AUTH_CHALLENGE = 31, PROXY_AUTH_ID = 32, PROXY_AUTH_RESPONSE = 33,
            CALL_ERRORS = 34, ACCM = 35, RANDOM_VECTOR = 36, PRIVATE_GROUP_ID = 37, RX_CONNECT_SPEED = 38,
            SEQUENCING_REQUIRED = 39, PPP_DISCONNECT_CAUSE = 46;
    /** print-l2tp.c's names of the AVPs numbered 0 to 39 (46 is named apart). */
    private static final String[] NAMES = {"MSGTYPE", "RESULT_CODE", "PROTO_VER", "FRAMING_CAP", "BEARER_CAP",
        "TIE_BREAKER", "FIRM_VER", "HOST_NAME", "VENDOR_NAME", "ASSND_TUN_ID", "RECV_WIN_SIZE", "CHALLENGE", "Q931_CC",
        "CHALLENGE_RESP", "ASSND_SESS_ID", "CALL_SER_NUM", "MINIMUM_BPS", "MAXIMUM_BPS", "BEARER_TYPE", "FRAMING_TYPE",
        "PACKET_PROC_DELAY", "CALLED_NUMBER", "CALLING_NUMBER", "SUB_ADDRESS", "TX_CONN_SPEED", "PHY_CHANNEL_ID",
        "INI_RECV_LCP", "LAST_SENT_LCP", "LAST_RECV_LCP", "PROXY_AUTH_TYPE", "PROXY_AUTH_NAME", "PROXY_AUTH_CHAL",
        "PROXY_AUTH_ID", "PROXY_AUTH_RESP", "CALL_ERRORS", "ACCM", "RANDOM_VECTOR", "PRIVATE_GRP_ID", "RX_CONN_SPEED",
        "SEQ_REQUIRED"};
    /** Message types 1 to 16 (5 and 13 are unassigned). */
    private static final String[] MESSAGE_TYPES = {null, "SCCRQ", "SCCRP", "SCCCN", "StopCCN", null, "HELLO", "OCRQ",
        "OCRP", "OCCN", "ICRQ", "ICRP", "ICCN", null, "CDN", "WEN", "SLI"};
    private static final String[] AUTH_TYPES = {"Reserved", "Textual", "CHAP", "PAP", "No Auth", "MS-CHAPv1"};
    private static final String[] DIRECTIONS = {"global error", "at peer", "at local"};
    private static final String[] CALL_ERROR_COUNTERS = {"CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout",
        "AlignErr"};
    private static final String[] ACCM_MAPS = {"send", "recv"};
    private static final String TOO_SHORT = "AVP too short";

    private final SnapshotBytes bytes;

    L2tpAvps(SnapshotBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * The AVP at {@code at}, {@code left} bytes of the message from there; the bytes it took, or 0 when the list ends
     * here (the marker printed).
     */
    int print(int at, int left, StringBuilder out) {
        out.append(' ');
        int word = bytes.u16(at);
        int length = word & LENGTH_MASK;
        if (length < HEADER || length > left || !bytes.has(at, length)) {
            out.append(" [|l2tp]");
            return 0;
        }
        if ((word & MANDATORY) != 0) out.append('*');
        if ((word & HIDDEN) != 0) out.append('?');
        int vendor = bytes.u16(at + 2), type = bytes.u16(at + 4);
        int value = at + HEADER, valueLength = length - HEADER;
        if (vendor != 0) {
            out.append("VENDOR");
            Text.hex(out, vendor, 4);
            out.append(":ATTR");
            Text.hex(out, type, 4);
            out.append('(');
            Text.hexBytes(out, bytes.packet(), value, valueLength);
            out.append(')');
            return length;
        }
        name(type, out);
        out.append('(');
        if ((word & HIDDEN) != 0) out.append("???");
        else value(type, value, valueLength, out);
        out.append(')');
        return length;
    }

    private static void name(int type, StringBuilder out) {
        if (type < NAMES.length) out.append(NAMES[type]);
        else if (type == PPP_DISCONNECT_CAUSE) out.append("PPP_DISCON_CC");
        else out.append("AVP-#").append(type);
    }

    /** The value of an IETF AVP, all {@code n} bytes of it captured. */
    private void value(int type, int at, int n, StringBuilder out) {
        switch (type) {
            case MESSAGE_TYPE -> {
                if (n < 2) {
                    out.append(TOO_SHORT);
                    return;
                }
                int message = bytes.u16(at);
                String name = message < MESSAGE_TYPES.length ? MESSAGE_TYPES[message] : null;
                if (name != null) out.append(name);
                else out.append("MSGTYPE-#").append(message);
            }
            case RESULT_CODE -> resultCode(at, n, out);
            case PROTOCOL_VERSION -> {
                if (n < 2) out.append(TOO_SHORT);
                else out.append(bytes.u8(at)).append('.').append(bytes.u8(at + 1));
            }
            case FRAMING_CAPABILITIES, FRAMING_TYPE -> twoBits(at, n, "A", "S", out);
            case BEARER_CAPABILITIES, BEARER_TYPE -> twoBits(at, n, "A", "D", out);
            case TIE_BREAKER -> octets(at, n, 8, out);
            case CHALLENGE_RESPONSE -> octets(at, n, 16, out);
            case FIRMWARE_REVISION, ASSIGNED_TUNNEL_ID, RECEIVE_WINDOW_SIZE, ASSIGNED_SESSION_ID -> {
                if (n < 2) out.append(TOO_SHORT);
                else out.append(bytes.u16(at));
            }
            case HOST_NAME, VENDOR_NAME, CALLING_NUMBER, CALLED_NUMBER, SUB_ADDRESS, PROXY_AUTH_NAME,
                 PRIVATE_GROUP_ID -> bytes.printn(out, at, n);
            case CHALLENGE, INITIAL_RECEIVED_LCP, LAST_SENT_LCP, LAST_RECEIVED_LCP, PROXY_AUTH_CHALLENGE,
                 PROXY_AUTH_RESPONSE, RANDOM_VECTOR -> Text.hexBytes(out, bytes.packet(), at, n);
            case Q931_CAUSE_CODE -> {
                if (n < 3) {
                    out.append(TOO_SHORT);
                    return;
                }
                out.append(bytes.u16(at)).append(", ");
                Text.hex(out, bytes.u8(at + 2), 2);
                text(at + 3, n - 3, out);
            }
            case CALL_SERIAL_NUMBER, MINIMUM_BPS, MAXIMUM_BPS, TX_CONNECT_SPEED, PHYSICAL_CHANNEL_ID,
                 RX_CONNECT_SPEED -> {
                if (n < 4) out.append(TOO_SHORT);
                else out.append(bytes.u32(at));
            }
            case PACKET_PROCESSING_DELAY -> out.append("obsolete");
            case PROXY_AUTH_TYPE -> {
                if (n < 2) {
                    out.append(TOO_SHORT);
                    return;
                }
                int auth = bytes.u16(at);
                if (auth < AUTH_TYPES.length) out.append(AUTH_TYPES[auth]);
                else out.append("AuthType-#").append(auth);
            }
            case PROXY_AUTH_ID -> {
                if (n < 2) out.append(TOO_SHORT);
                else out.append(bytes.u8(at + 1));   // the low byte of the 16-bit field
            }
            case CALL_ERRORS -> counters(at, n, CALL_ERROR_COUNTERS, false, out);
            case ACCM -> counters(at, n, ACCM_MAPS, true, out);
            case PPP_DISCONNECT_CAUSE -> disconnectCause(at, n, out);
            default -> { }   // SEQ_REQUIRED has no value; the rest tcpdump leaves empty
        }
    }

    /** Result code, then optionally "/error code", then optionally the message. */
    private void resultCode(int at, int n, StringBuilder out) {
        if (n < 2) {
            out.append(TOO_SHORT);
            return;
        }
        out.append(bytes.u16(at));
        if (n == 2) return;
        if (n < 4) {
            out.append(' ').append(TOO_SHORT);
            return;
        }
        out.append('/').append(bytes.u16(at + 2));
        text(at + 4, n - 4, out);
    }

    /** A 32-bit capability or type word: {@code high} for bit 1, then {@code low} for bit 0. */
    private void twoBits(int at, int n, String high, String low, StringBuilder out) {
        if (n < 4) {
            out.append(TOO_SHORT);
            return;
        }
        long word = bytes.u32(at);
        if ((word & 2) != 0) out.append(high);
        if ((word & 1) != 0) out.append(low);
    }

    /** The first {@code want} bytes in hex, or the complaint when there are fewer. */
    private void octets(int at, int n, int want, StringBuilder out) {
        if (n < want) out.append(TOO_SHORT);
        else Text.hexBytes(out, bytes.packet(), at, want);
    }

    /** A space and the rest as text, if there is a rest. */
    private void text(int at, int n, StringBuilder out) {
        if (n == 0) return;
        out.append(' ');
        bytes.printn(out, at, n);
    }

    /**
     * Two reserved bytes, then 32-bit counters "name=N " (or "name=%08x " for {@code hex}), each while there are 4
     * bytes left; tcpdump complains at the first that is missing.
     */
    private void counters(int at, int n, String[] names, boolean hex, StringBuilder out) {
        if (n < 2) {
            out.append(TOO_SHORT);
            return;
        }
        at += 2;
        n -= 2;
        for (String name : names) {
            if (n < 4) {
                out.append(TOO_SHORT);
                return;
            }
            out.append(name).append('=');
            if (hex) Text.hex(out, bytes.u32(at), 8);
            else out.append(bytes.u32(at));
            out.append(' ');
            at += 4;
            n -= 4;
        }
    }

    /** RFC 3145: disconnect code and control protocol in hex, the direction, then the message. */
    private void disconnectCause(int at, int n, StringBuilder out) {
        if (n < 5) {
            out.append(TOO_SHORT);
            return;
        }
        Text.hex(out, bytes.u16(at), 4);
        out.append(", ");
        Text.hex(out, bytes.u16(at + 2), 4);
        out.append(' ');
        int direction = bytes.u8(at + 4);
        if (direction < DIRECTIONS.length) out.append(DIRECTIONS[direction]);
        else out.append("Direction-#").append(direction);
        text(at + 5, n - 5, out);
    }
}
