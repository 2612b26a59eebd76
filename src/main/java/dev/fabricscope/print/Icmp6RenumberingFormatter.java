package dev.fabricscope.print;

/**
 * Router renumbering (RFC 2894) as print-icmp6.c prints it: ", command, seq=N", -v adding the header's flags,
 * segment and delay in brackets; a command's match-prefix part ("match(add,...)") and its use-prefix parts
 * ("use(...)"), one per line with -vv. A part cut short by the capture ends in " [|icmp6]", after which tcpdump
 * still prints the message length where it prints one.
 */
final class Icmp6RenumberingFormatter {
    private static final int COMMAND = 0, RESULT = 1, SEQNUM_RESET = 255;
    private static final int HEADER = 16, MATCH_PART = 24, USE_PART = 32;

    private final Verbosity verbosity;
    private final Icmp6Bytes bytes;

    Icmp6RenumberingFormatter(Verbosity verbosity, Icmp6Bytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    void format(int bp, StringBuilder out) {
        if (!bytes.has(bp, HEADER)) {
            Icmp6Formatter.trunc(out);
            return;
        }
        int code = bytes.u8(bp + 1);
        switch (code) {
            case COMMAND -> out.append(", command");
            case RESULT -> out.append(", result");
            case SEQNUM_RESET -> out.append(", sequence number reset");
            default -> out.append(", code-#").append(code);
        }
        out.append(", seq=").append(bytes.u32(bp + 4));
        if (verbosity.verbose()) {
            int flags = bytes.u8(bp + 9);
            out.append('[');
            if (flags != 0) {
                if ((flags & 0x80) != 0) out.append('T');
                if ((flags & 0x40) != 0) out.append('R');
                if ((flags & 0x20) != 0) out.append('A');
                if ((flags & 0x10) != 0) out.append('S');
                if ((flags & 0x08) != 0) out.append('P');
                out.append(',');
            }
            out.append("seg=").append(bytes.u8(bp + 8)).append(",maxdelay=").append(bytes.u16(bp + 10));
            long reserved = bytes.u32(bp + 12);
            if (reserved != 0) {
                out.append("rsvd=0x");
                Text.hex(out, reserved);
            }
            out.append(']');
        }
        if (code == COMMAND) command(bp + HEADER, out);
    }

    private void command(int match, StringBuilder out) {
        if (!bytes.has(match, MATCH_PART)) {
            Icmp6Formatter.trunc(out);
            return;
        }
        out.append(verbosity.veryVerbose() ? "\n\t" : " ").append("match(");
        int operation = bytes.u8(match);
        switch (operation) {
            case 1 -> out.append("add");
            case 2 -> out.append("change");
            case 3 -> out.append("setglobal");
            default -> out.append('#').append(operation);
        }
        if (verbosity.verbose()) {
            out.append(",ord=").append(bytes.u8(match + 2)).append(",min=").append(bytes.u8(match + 4))
                .append(",max=").append(bytes.u8(match + 5));
        }
        bytes.ip6(out, ",", match + 8);
        out.append('/').append(bytes.u8(match + 3)).append(')');
        int n = bytes.u8(match + 1) - 3;   // the part's length in 8-byte units: itself (3) and 4 per use part
        if (n % 4 != 0) {
            Icmp6Formatter.trunc(out);
            return;
        }
        int use = match + MATCH_PART;
        for (n /= 4; n > 0; n--, use += USE_PART) {
            if (!bytes.has(use, USE_PART)) {
                Icmp6Formatter.trunc(out);
                return;
            }
            use(use, out);
        }
    }

    private void use(int use, StringBuilder out) {
        out.append(verbosity.veryVerbose() ? "\n\t" : " ").append("use(");
        // tcpdump tests the first byte of the 32-bit flags word against masks built with htonl: on the
        // little-endian hosts it runs on, those are 0x80 (V) and 0x40 (P) of that byte
        int flags = bytes.u8(use + 12);
        if (flags != 0) {
            if ((flags & 0x80) != 0) out.append('V');
            if ((flags & 0x40) != 0) out.append('P');
            out.append(',');
        }
        if (verbosity.verbose()) {
            out.append("mask=0x");
            Text.hex(out, bytes.u8(use + 2));
            out.append(",raflags=0x");
            Text.hex(out, bytes.u8(use + 3));
            lifetime(out, ",vltime=", bytes.u32(use + 4));
            lifetime(out, ",pltime=", bytes.u32(use + 8));
            out.append(',');
        }
        bytes.ip6(out, "", use + 16);
        out.append('/').append(bytes.u8(use)).append('/').append(bytes.u8(use + 1)).append(')');
    }

    private static void lifetime(StringBuilder out, String name, long value) {
        out.append(name);
        if (value == 0xffffffffL) out.append("infty");
        else out.append(value);
    }
}
