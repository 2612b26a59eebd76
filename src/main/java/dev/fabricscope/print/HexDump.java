package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * tcpdump's raw-byte printers (print-ascii.c), over the captured part of a range: {@link #hex} (hex_print: -x,
 * and the dumps of TLVs it cannot decode), {@link #hexAndAscii} (-X) and {@link #ascii} (-A). Each line starts
 * with {@code indent}; offsets count from the start of the range.
 */
final class HexDump {
    private HexDump() { }

    private static final int BYTES_PER_LINE = 16;
    /** " hhhh" per byte pair, eight pairs: the hex column of -X is padded to this width. */
    private static final int HEX_COLUMN = 40;

    /** Lines of 16 bytes: "0xOOOO: " then " hhhh" per byte pair (a lone last byte as " hh"). */
    static void hex(Packet p, int off, int len, String indent, StringBuilder out) {
        hex(p, off, len, indent, 0, out);
    }

    /** As the one above with the offsets counted from {@code base} (tcpdump's hex_print_with_offset). */
    static void hex(Packet p, int off, int len, String indent, int base, StringBuilder out) {
        int n = captured(p, off, len);
        for (int i = 0; i < n; i += 2) {
            if (i % BYTES_PER_LINE == 0) offset(indent, base + i, out);
            out.append(' ');
            Text.hex(out, p.u8(off + i), 2);
            if (i + 1 < n) Text.hex(out, p.u8(off + i + 1), 2);
        }
    }

    /** As {@link #hex}, each line's hex padded to 40 columns, then two spaces and the bytes as ASCII ('.' if not graphic). */
    static void hexAndAscii(Packet p, int off, int len, String indent, StringBuilder out) {
        int n = captured(p, off, len);
        for (int line = 0; line < n; line += BYTES_PER_LINE) {
            int end = Math.min(n, line + BYTES_PER_LINE);
            offset(indent, line, out);
            int hexStart = out.length();
            for (int i = line; i < end; i += 2) {
                out.append(' ');
                Text.hex(out, p.u8(off + i), 2);
                if (i + 1 < end) Text.hex(out, p.u8(off + i + 1), 2);
            }
            for (int pad = HEX_COLUMN - (out.length() - hexStart); pad > 0; pad--) out.append(' ');
            out.append("  ");
            for (int i = line; i < end; i++) {
                int c = p.u8(off + i);
                out.append(graphic(c) ? (char) c : '.');
            }
        }
    }

    /**
     * A newline, then the bytes as text: graphic characters, space, tab and newline as they are, others as '.';
     * a carriage return prints nothing when the byte after it is a newline or is the last one (tcpdump's rule).
     */
    static void ascii(Packet p, int off, int len, StringBuilder out) {
        int n = captured(p, off, len);
        out.append('\n');
        for (int i = 0; i < n; i++) {
            int c = p.u8(off + i);
            int left = n - i - 1;
            if (c == '\r') {
                if (left > 1 && p.u8(off + i + 1) != '\n') out.append('.');
            } else {
                out.append(graphic(c) || c == '\t' || c == ' ' || c == '\n' ? (char) c : '.');
            }
        }
    }

    private static void offset(String indent, int at, StringBuilder out) {
        out.append(indent).append("0x");
        Text.hex(out, at, 4);
        out.append(": ");
    }

    private static boolean graphic(int c) {
        return c > 0x20 && c < 0x7f;
    }

    /** How much of {@code len} bytes from {@code off} was captured. */
    private static int captured(Packet p, int off, int len) {
        return Math.max(0, Math.min(len, p.capLen() - off));
    }
}
