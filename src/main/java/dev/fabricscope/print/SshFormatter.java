package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The SSH identification string (RFC 4253 section 4.2; TCP 22) as tcpdump 4.99 prints it (print-ssh.c):
 * {@code : SSH: SSH-2.0-OpenSSH_9.2p1} after the TCP fields, when a segment starts with "SSH-" and the line ends
 * (LF or CR LF) within the segment with only printable ASCII before it; anything else prints nothing. A segment the
 * capture cuts before that decision ends with " [|ssh]" ({@link EarlyEnd}).
 */
final class SshFormatter {
    private static final String PREFIX = "SSH-";

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    SshFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The payload at {@code off} of {@code length} bytes; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            int line = lineLength(off, length);
            if (line < 0) return;
            out.append(": SSH: ");
            for (int i = 0; i < line; i++) out.append((char) p.u8(off + i));
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ssh");
        }
    }

    /** The length of the identification line before its end of line, or -1 when this is not one. */
    private int lineLength(int off, int length) {
        for (int i = 0; i < PREFIX.length(); i++) if (bytes.u8(off + i) != PREFIX.charAt(i)) return -1;
        for (int i = PREFIX.length(); i < length; i++) {
            int c = bytes.u8(off + i);
            if (c == '\n') return i;
            if (c == '\r') return i + 1 < length && bytes.u8(off + i + 1) == '\n' ? i : -1;
            if (c < 0x20 || c > 0x7e) return -1;
        }
        return -1;
    }
}
