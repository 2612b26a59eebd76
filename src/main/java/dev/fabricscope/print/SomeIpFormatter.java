package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * SOME/IP (AUTOSAR, UDP 30490) as tcpdump 4.99 prints it (print-someip.c): service, method or event, length, client,
 * session, versions, message type and return code, and a newline after them, as tcpdump writes one. Each field is
 * fetched as it is printed: a cut header ends with " [|someip]" and the raw dump starts at byte 0 ({@link EarlyEnd}).
 */
final class SomeIpFormatter {
    private static final int HEADER = 16;
    private static final String[] RETURN_CODES = {"E_OK", "E_NOT_OK", "E_UNKNOWN_SERVICE", "E_UNKNOWN_METHOD",
        "E_NOT_READY", "E_NOT_REACHABLE", "E_TIMEOUT", "E_WRONG_PROTOCOL_VERSION", "E_WRONG_INTERFACE_VERSION",
        "E_MALFORMED_MESSAGE", "E_WRONG_MESSAGE_TYPE", "E_E2E_REPEATED", "E_E2E_WRONG_SEQUENCE", "E_E2E",
        "E_E2E_NOT_AVAILABLE", "E_E2E_NO_NEW_DATA"};

    private final EarlyEnd earlyEnd;

    SomeIpFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("SOMEIP");
        if (length < HEADER) {
            out.append(" (invalid)");
            return;
        }
        if (off + 4 > end) {
            earlyEnd.mark(out, "someip");
            return;
        }
        long messageId = p.u32(off);
        out.append(", service ").append(messageId >>> 16).append((messageId & 0x8000) != 0 ? ", event " : ", method ")
            .append(messageId & 0x7fff);
        if (off + 8 > end) {
            earlyEnd.mark(out, "someip");
            return;
        }
        out.append(", len ").append(p.u32(off + 4));
        if (off + 12 > end) {
            earlyEnd.mark(out, "someip");
            return;
        }
        long requestId = p.u32(off + 8);
        out.append(", client ").append(requestId >>> 16).append(", session ").append(requestId & 0xffff);
        for (int i = 0; i < 2; i++) {
            if (off + 13 + i > end) {
                earlyEnd.mark(out, "someip");
                return;
            }
            out.append(i == 0 ? ", pver " : ", iver ").append(p.u8(off + 12 + i));
        }
        if (off + 15 > end) {
            earlyEnd.mark(out, "someip");
            return;
        }
        out.append(", msgtype ").append(messageType(p.u8(off + 14)));
        if (off + 16 > end) {
            earlyEnd.mark(out, "someip");
            return;
        }
        int code = p.u8(off + 15);
        out.append(", retcode ").append(code < RETURN_CODES.length ? RETURN_CODES[code] : "Unknown").append('\n');
    }

    private static String messageType(int type) {
        return switch (type) {
            case 0x00 -> "REQUEST";
            case 0x01 -> "REQUEST_NO_RETURN";
            case 0x02 -> "NOTIFICATION";
            case 0x80 -> "RESPONSE";
            case 0x81 -> "ERROR";
            case 0x20 -> "TP_REQUEST";
            case 0x21 -> "TP_REQUEST_NO_RETURN";
            case 0x22 -> "TP_NOTIFICATION";
            case 0xa0 -> "TP_RESPONSE";
            case 0xa1 -> "TP_ERROR";
            default -> "Unknown";
        };
    }
}
