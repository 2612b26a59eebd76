package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Zephyr notices (UDP 2103 and 2104, either side) as tcpdump 4.99 prints them (print-zephyr.c): the header is a run
 * of NUL-terminated text fields; a packet whose version does not start "ZEPH" prints nothing, a version other than
 * 0.2 prints " zephyr v..." and otherwise the kind, the sender and what the class, instance and opcode say (a
 * subscription's triple, a locate, a set-exposure, else " to <class,inst,recipient> op opcode"). A field the UDP length
 * ends before its NUL makes the line " (invalid)"; one whose bytes were not captured, " [|zephyr]" (tcpdump's
 * jumping reads). Text lowered or put in a triple goes through tcpdump's 256-byte buffer: 255 bytes of it show.
 */
final class ZephyrFormatter {
    static final int SERVER_PORT = 2103, CLIENT_PORT = 2104;
    /** The header's fields in order; then the ones some notices carry after it. */
    private static final int VERSION = 0, KIND = 2, CLASS = 8, INST = 9, OPCODE = 10, SENDER = 11, RECIPIENT = 12,
        HEADER_FIELDS = 17, ACK = 17, SUB_CLASS = 18, SUB_INST = 19, SUB_RECIPIENT = 20, FIELDS = 21;
    private static final int SERVACK = 5;
    /** tcpdump's z_buf holds 256 bytes, its NUL included. */
    private static final int BUFFER = 255;

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    /** Each field's first byte and length (its NUL not counted); reused from packet to packet. */
    private final int[] start = new int[FIELDS], length = new int[FIELDS];
    private int parse, left;
    private boolean lose;
    /** Bytes put in tcpdump's buffer so far (for what goes through it). */
    private int buffered;

    ZephyrFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The notice at {@code off}, {@code udpLength} bytes of UDP payload; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int udpLength, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            if (!notice(off, udpLength, out)) out.append(" (invalid)");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "zephyr");
        }
    }

    /** False where tcpdump goes to its "invalid" label. */
    private boolean notice(int off, int udpLength, StringBuilder out) {
        parse = off;
        left = udpLength;
        lose = false;
        field(VERSION);
        if (lose) return false;
        if (!startsWith(VERSION, 0, "ZEPH")) return true;
        for (int f = VERSION + 1; f < HEADER_FIELDS; f++) field(f);
        if (lose) return false;
        out.append(" zephyr");
        if (!startsWith(VERSION, 4, "0.2")) {
            out.append(" v");
            print(start[VERSION] + 4, length[VERSION] - 4, out);
            return true;
        }
        int kind = (int) strtol16(start[KIND], length[KIND]);
        out.append(' ');
        switch (kind) {
            case 0 -> out.append("unsafe");
            case 1 -> out.append("unacked");
            case 2 -> out.append("acked");
            case 3 -> out.append("hm-ack");
            case 4 -> out.append("hm-ctl");
            case SERVACK -> out.append("serv-ack");
            case 6 -> out.append("serv-nak");
            case 7 -> out.append("client-ack");
            case 8 -> out.append("stat");
            default -> out.append("type ").append(kind);
        }
        if (kind == SERVACK) {
            field(ACK);
            if (!lose && !is(ACK, "SENT")) {
                out.append('/');
                lower(ACK, out);
            }
        }
        if (length[SENDER] > 0) {
            out.append(' ');
            print(start[SENDER], length[SENDER], out);
        }
        if (is(CLASS, "USER_LOCATE")) {
            if (is(OPCODE, "USER_HIDE")) {
                out.append(" hide");
            } else if (is(OPCODE, "USER_UNHIDE")) {
                out.append(" unhide");
            } else {
                out.append(" locate ");
                print(start[INST], length[INST], out);
            }
            return true;
        }
        if (is(CLASS, "ZEPHYR_ADMIN")) {
            out.append(" zephyr-admin ");
            lower(OPCODE, out);
            return true;
        }
        if (is(CLASS, "ZEPHYR_CTL")) {
            if (is(INST, "CLIENT")) {
                boolean subscribe = is(OPCODE, "SUBSCRIBE"), nodefs = is(OPCODE, "SUBSCRIBE_NODEFS");
                if (subscribe || nodefs || is(OPCODE, "UNSUBSCRIBE")) {
                    out.append(subscribe ? " sub" : " unsub").append(nodefs ? "-nodefs" : "");
                    if (kind != SERVACK) {
                        field(SUB_CLASS);
                        field(SUB_INST);
                        field(SUB_RECIPIENT);
                        if (!lose) {
                            out.append(' ');
                            triple(SUB_CLASS, SUB_INST, SUB_RECIPIENT, out);
                        }
                    }
                    return true;
                }
                if (is(OPCODE, "GIMME")) {
                    out.append(" ret");
                } else if (is(OPCODE, "GIMMEDEFS")) {
                    out.append(" gimme-defs");
                } else if (is(OPCODE, "CLEARSUB")) {
                    out.append(" clear-subs");
                } else {
                    out.append(' ');
                    lower(OPCODE, out);
                }
                return true;
            }
            if (is(INST, "HM")) {
                out.append(' ');
                lower(OPCODE, out);
                return true;
            }
            if (is(INST, "REALM")) {
                if (is(OPCODE, "ADD_SUBSCRIBE")) out.append(" realm add-subs");
                if (is(OPCODE, "REQ_SUBSCRIBE")) out.append(" realm req-subs");
                if (is(OPCODE, "RLM_SUBSCRIBE")) out.append(" realm rlm-sub");
                if (is(OPCODE, "RLM_UNSUBSCRIBE")) out.append(" realm rlm-unsub");
                return true;
            }
        }
        if (is(CLASS, "HM_CTL") || is(CLASS, "WG_CTL")) {
            out.append(is(CLASS, "HM_CTL") ? " hm_ctl " : " wg_ctl ");
            lower(INST, out);
            out.append(' ');
            lower(OPCODE, out);
            return true;
        }
        if (is(CLASS, "HM_STAT") && is(INST, "HMST_CLIENT") && is(OPCODE, "GIMMESTATS")) {
            out.append(" get-client-stats");
            return true;
        }
        if (is(CLASS, "LOGIN")) {
            if (is(OPCODE, "USER_FLUSH")) {
                out.append(" flush_locs");
                return true;
            }
            if (is(OPCODE, "NONE") || is(OPCODE, "OPSTAFF") || is(OPCODE, "REALM-VISIBLE")
                    || is(OPCODE, "REALM-ANNOUNCED") || is(OPCODE, "NET-VISIBLE") || is(OPCODE, "NET-ANNOUNCED")) {
                out.append(" set-exposure ");
                lower(OPCODE, out);
                return true;
            }
        }
        out.append(" to ");
        triple(CLASS, INST, RECIPIENT, out);
        if (length[OPCODE] > 0) {
            out.append(" op ");
            print(start[OPCODE], length[OPCODE], out);
        }
        return true;
    }

    /**
     * tcpdump's parse_field: the text up to the next NUL, each byte a jumping read; running out of UDP length first
     * loses the field (and every one after it, the length being spent).
     */
    private void field(int f) {
        int s = parse;
        while (true) {
            if (left == 0) {
                lose = true;
                return;
            }
            if (bytes.u8(parse) == 0) break;
            parse++;
            left--;
        }
        start[f] = s;
        length[f] = parse - s;
        parse++;
        left--;
    }

    private boolean is(int f, String text) {
        return length[f] == text.length() && startsWith(f, 0, text);
    }

    /** strncmp(field + from, text, text.length()) == 0: the field holds {@code text} at {@code from}. */
    private boolean startsWith(int f, int from, String text) {
        if (length[f] - from < text.length()) return false;
        for (int i = 0; i < text.length(); i++) {
            if (bytes.u8(start[f] + from + i) != text.charAt(i)) return false;
        }
        return true;
    }

    /** fn_print_str. */
    private void print(int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) Text.printableChar(out, bytes.u8(at + i));
    }

    /** str_to_lower through tcpdump's buffer: ASCII capitals lowered, the first 255 bytes. */
    private void lower(int f, StringBuilder out) {
        int n = Math.min(length[f], BUFFER);
        for (int i = 0; i < n; i++) {
            int c = bytes.u8(start[f] + i);
            Text.printableChar(out, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
    }

    /** z_triple: "<class,inst,recipient>" (an empty recipient "*") as snprintf leaves it in the buffer. */
    private void triple(int c, int i, int r, StringBuilder out) {
        buffered = 0;
        buffer('<', out);
        buffer(c, out);
        buffer(',', out);
        buffer(i, out);
        buffer(',', out);
        if (length[r] == 0) {
            buffer('*', out);
        } else {
            buffer(r, out);
        }
        buffer('>', out);
    }

    private void buffer(int f, StringBuilder out) {
        for (int k = 0; k < length[f] && buffered < BUFFER; k++) buffer((char) bytes.u8(start[f] + k), out);
    }

    private void buffer(char c, StringBuilder out) {
        if (buffered++ < BUFFER) Text.printableChar(out, c);
    }

    /**
     * glibc's strtol(s, NULL, 16) on the field: blanks, a sign, "0x", hex digits; past the range of a long it stops
     * at LONG_MAX or LONG_MIN (tcpdump keeps the low 32 bits of what it returns).
     */
    private long strtol16(int at, int n) {
        int i = 0;
        while (i < n && isSpace(bytes.u8(at + i))) i++;
        boolean negative = false;
        if (i < n && (bytes.u8(at + i) == '-' || bytes.u8(at + i) == '+')) negative = bytes.u8(at + i++) == '-';
        if (i + 1 < n && bytes.u8(at + i) == '0' && (bytes.u8(at + i + 1) | 0x20) == 'x') i += 2;
        long value = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = hexDigit(bytes.u8(at + i));
            if (d < 0) break;
            if (Long.compareUnsigned(value, 0x0fffffffffffffffL) > 0) overflow = true;
            value = value << 4 | d;
        }
        if (negative) {
            return overflow || Long.compareUnsigned(value, Long.MIN_VALUE) > 0 ? Long.MIN_VALUE : -value;
        }
        return overflow || value < 0 ? Long.MAX_VALUE : value;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        c |= 0x20;
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
