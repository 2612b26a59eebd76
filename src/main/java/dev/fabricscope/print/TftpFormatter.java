package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * TFTP (RFC 1350, options RFC 2347; UDP 69) as tcpdump 4.99 prints it (print-tftp.c):
 * {@code TFTP, length 20, RRQ "boot.img" octet blksize 1468}, {@code DATA block 7}, {@code ERROR ENOTFOUND "no file"}.
 * Strings stop at their NUL and show non-printable bytes as tcpdump does; a string the datagram or the capture cuts
 * before its NUL ends the line with {@code [|tftp]}. Fetches past the capture (the opcode, a block number, the first
 * byte of an option) jump out as tcpdump's do ({@link EarlyEnd}).
 */
final class TftpFormatter {
    private static final int RRQ = 1, WRQ = 2, DATA = 3, ACK = 4, ERROR = 5, OACK = 6;
    private static final String[] OPCODES = {null, "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK"};
    private static final String[] ERRORS = {"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID",
        "EEXISTS", "ENOUSER"};

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    TftpFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            out.append("TFTP, length ").append(Integer.toUnsignedLong(length));   // unsigned: a jumbogram's passes 2^31
            if (!body(off, UnsignedLength.clamped(length), end, out)) out.append(" [|tftp]");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "tftp");
        }
    }

    /** False where tcpdump's printer gives up on the datagram (its "trunc" label). */
    private boolean body(int off, int length, int end, StringBuilder out) {
        if (length < 2) return false;
        int opcode = bytes.u16(off);
        if (opcode >= OPCODES.length || OPCODES[opcode] == null) {
            out.append(", tftp-#").append(opcode);
            return true;
        }
        out.append(", ").append(OPCODES[opcode]);
        int at = off + 2;
        int left = length - 2;
        switch (opcode) {
            case RRQ, WRQ -> {
                if (left == 0) return false;
                out.append(" \"");
                int n = string(at, left, end, out);
                out.append('"');
                if (n == 0) return false;
                at += n;
                left -= n;
                if (left == 0) return false;   // no mode
                out.append(' ');
                n = string(at, left, end, out);
                if (n == 0) return false;
                return options(at + n, left - n, end, out);
            }
            case OACK -> {
                return options(at, left, end, out);
            }
            case DATA, ACK -> {
                if (left < 2) return false;
                int block = bytes.u16(at);   // fetched before anything of it is printed, as tcpdump does
                out.append(" block ").append(block);
                return true;
            }
            case ERROR -> {
                if (left < 2) return false;
                int code = bytes.u16(at);
                out.append(' ');
                if (code < ERRORS.length) out.append(ERRORS[code]);
                else out.append("tftp-err-#").append(code).append(" \"");   // tcpdump's fallback format, quote and all
                if (left == 2) return false;   // no message
                out.append(" \"");
                int n = string(at + 2, left - 2, end, out);
                out.append('"');
                return n != 0;
            }
            default -> throw new IllegalStateException("opcode " + opcode);
        }
    }

    /** Option names and values, each NUL-terminated, a space before each non-empty one. */
    private boolean options(int at, int left, int end, StringBuilder out) {
        while (left != 0) {
            if (bytes.u8(at) != 0) out.append(' ');
            int n = string(at, left, end, out);
            if (n == 0) return false;
            at += n;
            left -= n;
        }
        return true;
    }

    /**
     * A NUL-terminated string of at most {@code max} bytes (tcpdump's nd_printztn): prints its characters and returns
     * the bytes used, NUL included, or 0 when the datagram or the capture ends before the NUL.
     */
    private int string(int at, int max, int end, StringBuilder out) {
        int used = 0;
        while (true) {
            if (used == max || at + used >= end) return 0;
            int c = bytes.u8(at + used);
            used++;
            if (c == 0) return used;
            Text.printableChar(out, c);
        }
    }
}
