package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Redis's RESP (TCP 6379) as tcpdump 4.99 prints it (print-resp.c): {@code : RESP "SET" "key" "value"}, each
 * simple string, error, integer, bulk string and inline command quoted, arrays flattened, several commands in one
 * segment one after another; "empty", "null" and the length problems in words. Anything that does not parse ends
 * the line with " [|resp]"; where tcpdump's fetch macros jump out (a cut opcode, length or inline command), the raw
 * dump also starts at byte 0 ({@link EarlyEnd}).
 */
final class RespFormatter {
    private static final int TRUNCATED = -2, TOO_LARGE = -3, NEGATIVE = -4, INVALID = -5;
    /** An array nests parses; tcpdump recurses without a limit, a hostile segment could nest thousands deep. */
    private static final int MAX_DEPTH = 1000;


    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    /** Where {@link #length} stopped reading (tcpdump's endp). */
    private int lengthEnd;
    private int depth;

    RespFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        this.depth = 0;
        out.append(": RESP");
        try (var _ = bytes.reading(packet, end)) {
            // tcpdump's loop takes the length unsigned, its parser as an int: past 2^31 (an IPv6 jumbogram) negative
            while (length != 0) {
                int used = parse(off, length, out);
                if (used < 0) {
                    out.append(" [|resp]");
                    return;
                }
                off += used;
                length -= used;
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "resp");
        }
    }

    /** tcpdump's resp_parse: one item at {@code bp}; the bytes it took, or -1. */
    private int parse(int bp, int length, StringBuilder out) {
        if (length < 1) return -1;
        return switch (bytes.u8(bp)) {
            case '+', '-', ':' -> line(bp, length, out);
            case '$' -> bulkString(bp, length, out);
            case '*' -> array(bp, length, out);
            default -> inline(bp, length, out);
        };
    }

    /** "+OK\r\n", "-ERR x\r\n", ":42\r\n": the text up to CR LF, quoted. */
    private int line(int bp, int length, StringBuilder out) {
        int start = bp + 1;
        int at = findCrLf(start, length - 1);
        if (at < 0) return -1;
        int len = at - start;
        if (!segment(start, len, out)) return -1;
        return 1 + len + 2;
    }

    private int bulkString(int bp, int length, StringBuilder out) {
        int stringLength = length(bp + 1, length - 1);
        int at = lengthEnd;
        int cur = length - (at - bp);
        if (stringLength >= 0) {
            if (stringLength == 0) {
                out.append(" empty");
            } else {
                if (cur < stringLength || at + (long) stringLength > bytes.end()) return -1;
                if (!segment(at, stringLength, out)) return -1;
                at += stringLength;
                cur -= stringLength;
            }
            int crlf = findCrLf(at, cur);
            if (crlf < 0) return -1;
            cur -= crlf - at + 2;
        } else if (!problem(stringLength, out)) {
            return -1;
        }
        return length - cur;
    }

    private int array(int bp, int length, StringBuilder out) {
        int count = length(bp + 1, length - 1);
        int at = lengthEnd;
        int cur = length - (at - bp);
        if (count > 0) {
            if (++depth > MAX_DEPTH) return -1;
            try {
                for (int i = 0; i < count; i++) {
                    int used = parse(at, cur, out);
                    if (used < 0) return -1;
                    at += used;
                    cur -= used;
                }
            } finally {
                depth--;
            }
        } else if (count == 0) {
            out.append(" empty");
        } else if (!problem(count, out)) {
            return -1;
        }
        return length - cur;
    }

    /** An inline command: leading CR/LF skipped, the text up to CR or LF quoted, the line end skipped. */
    private int inline(int bp, int length, StringBuilder out) {
        int cur = length;
        int skipped = skipCrLf(bp, cur);
        if (skipped < 0) return -1;
        bp += skipped;
        cur -= skipped;
        int at = bp;
        while (true) {
            if (cur < 1) return -1;
            int c = bytes.u8(at);
            if (c == '\r' || c == '\n') break;
            at++;
            cur--;
        }
        if (!segment(bp, at - bp, out)) return -1;
        int after = skipCrLf(at, cur);
        if (after < 0) return -1;
        cur -= after;
        return length - cur;
    }

    /** tcpdump's CONSUME_CR_OR_LF: how many CR/LF bytes are at {@code at}; -1 when the data ends before one. */
    private int skipCrLf(int at, int len) {
        int n = 0;
        while (true) {
            if (len - n == 0 || at + n >= bytes.end()) return n > 0 ? n : -1;
            int c = bytes.packet().u8(at + n);
            if (c != '\r' && c != '\n') return n;
            n++;
        }
    }

    /** tcpdump's FIND_CRLF: the position of the next CR LF within {@code len} bytes, or -1. */
    private int findCrLf(int at, int len) {
        Packet p = bytes.packet();
        while (true) {
            if (len < 2 || at + 2 > bytes.end()) return -1;
            if (p.u8(at) == '\r' && p.u8(at + 1) == '\n') return at;
            at++;
            len--;
        }
    }

    /** " \"text\"" with tcpdump's escapes; false when the capture ends inside it. */
    private boolean segment(int at, int len, StringBuilder out) {
        out.append(" \"");
        for (int i = 0; i < len; i++) {
            if (at + i >= bytes.end()) return false;
            Text.printableChar(out, bytes.packet().u8(at + i));
        }
        out.append('"');
        return true;
    }

    /** The words for a negative length; false for a cut one (the item is then truncated). */
    private static boolean problem(int length, StringBuilder out) {
        switch (length) {
            case -1 -> out.append(" null");
            case TRUNCATED -> {
                return false;
            }
            case TOO_LARGE -> out.append(" length too large");
            case NEGATIVE -> out.append(" length negative and not -1");
            default -> out.append(" invalid");
        }
        return true;
    }

    /**
     * tcpdump's resp_get_length: "[-]digits\r\n" at {@code bp}; the value, -1 for "-1", or {@link #TRUNCATED},
     * {@link #TOO_LARGE}, {@link #NEGATIVE}, {@link #INVALID}; {@link #lengthEnd} is where reading stopped.
     */
    private int length(int bp, int len) {
        if (len == 0) {
            lengthEnd = bp;
            return TRUNCATED;
        }
        boolean negative = false;
        boolean tooLarge = false;
        if (bytes.u8(bp) == '-') {
            negative = true;
            bp++;
            len--;
        }
        int result = 0;
        boolean digit = false;
        while (true) {
            if (len == 0) {
                lengthEnd = bp;
                return TRUNCATED;
            }
            int c = bytes.u8(bp);
            if (c < '0' || c > '9') {
                if (!digit) {
                    lengthEnd = bp + 1;
                    return INVALID;
                }
                break;
            }
            c -= '0';
            if (result > Integer.MAX_VALUE / 10) {
                tooLarge = true;
            } else {
                result *= 10;
                if (result == (Integer.MAX_VALUE / 10) * 10 && c > Integer.MAX_VALUE % 10) tooLarge = true;
                else result += c;
            }
            bp++;
            len--;
            digit = true;
        }
        if (bytes.u8(bp) != '\r') {
            lengthEnd = bp + 1;
            return INVALID;
        }
        bp++;
        len--;
        if (len == 0) {
            lengthEnd = bp;
            return TRUNCATED;
        }
        if (bytes.u8(bp) != '\n') {
            lengthEnd = bp + 1;
            return INVALID;
        }
        lengthEnd = bp + 1;
        if (negative) return tooLarge || result != 1 ? NEGATIVE : -1;
        return tooLarge ? TOO_LARGE : result;
    }

}
