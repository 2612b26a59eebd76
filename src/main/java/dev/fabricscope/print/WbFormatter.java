package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LBL's distributed whiteboard (wb) under tcpdump's {@code -T wb} (print-wb.c): "*" for flags, then the message:
 * {@code  wb-id: 1/10.0.0.1:2 (max 3/10.0.0.2:4) <10.0.0.3:5> "site"}, {@code  wb-rreq: please repair ...},
 * {@code  wb-rrep: for ...}, {@code  wb-dop: 10.0.0.1:2<3:4>} (-v adds the drawing operations of repair replies and
 * drawing-op messages), {@code  wb-preq: need ...}, {@code  wb-prep: ...}, {@code  wb-kill}, else {@code  wb-N!}; a
 * message shorter than its layout ends with " (invalid)". tcpdump's quirks kept: a page state's id count is read
 * from the first byte of its 16-bit field, and page vector replies run on to the capture's end (their count is not
 * checked against the length). Fetches past the capture end the line with " [|wb]" ({@link EarlyEnd}).
 */
final class WbFormatter {
    private static final int HEADER = 12;
    private static final int DRAWOP = 0, ID = 1, RREQ = 2, RREP = 3, KILL = 4, PREQ = 5, PREP = 7;
    private static final int SKIP = 14, HOLE = 15;
    private static final String[] DRAWING_OPERATIONS = {null, null, "RECT", "LINE", "ML", "DEL", "XFORM", "ELL",
        "CHAR", "STR", "NOP", "PSCODE", "PSCOMP", "REF", "SKIP", "HOLE"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    WbFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}, {@code length} bytes by the UDP header. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            if (!message(off, length, out)) out.append(" (invalid)");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "wb");
        }
    }

    /** Whether the message was long enough for its layout. */
    private boolean message(int off, long len, StringBuilder out) {
        if (len < HEADER) return false;
        bytes.need(off, HEADER);
        len -= HEADER;
        if (bytes.u8(off + 11) != 0) out.append('*');
        int type = bytes.u8(off + 10);
        long body = off + HEADER;
        return switch (type) {
            case KILL -> {
                out.append(" wb-kill");
                yield true;
            }
            case ID -> id(body, len, out);
            case RREQ -> repairRequest(body, len, out);
            case RREP -> repairReply(body, len, out);
            case DRAWOP -> drawOp(body, len, out);
            case PREQ -> pageRequest(body, len, out);
            case PREP -> pageReply(body, len, out);
            default -> {
                out.append(" wb-").append(type).append('!');
                yield false;
            }
        };
    }

    private boolean id(long id, long len, StringBuilder out) {
        out.append(" wb-id:");
        if (len < 28) return false;
        len -= 28;
        long slot = bytes.u32(id + 12), uid = bytes.u32(id + 20), maxSlot = bytes.u32(id), maxUid = bytes.u32(id + 8);
        bytes.need(id + 16, 4);
        bytes.need(id + 4, 4);
        out.append(' ').append(slot).append('/');
        bytes.ip4(out, id + 16);
        out.append(':').append(uid).append(" (max ").append(maxSlot).append('/');
        bytes.ip4(out, id + 4);
        out.append(':').append(maxUid).append(") ");
        bytes.need(id, 28);
        int ids = bytes.u16(id + 24);
        if (len < 8L * ids) return false;
        len -= 8L * ids;
        long io = id + 28;
        char c = '<';
        for (int i = 0; i < ids; i++, io += 8) {
            idOffset(io, c, out);
            c = ',';
        }
        out.append("> \"");
        for (long at = io; len > 0; at++, len--) {   // nd_printjnp: up to a NUL
            int b = bytes.u8(at);
            if (b == 0) break;
            Text.printableChar(out, b);
        }
        out.append('"');
        return true;
    }

    /** "%c%s:%u": a site id and its offset, both fetched first. */
    private void idOffset(long io, char c, StringBuilder out) {
        bytes.need(io, 8);
        out.append(c);
        bytes.ip4(out, io);
        out.append(':').append(bytes.u32(io + 4));
    }

    private boolean repairRequest(long rreq, long len, StringBuilder out) {
        out.append(" wb-rreq:");
        if (len < 20) return false;
        bytes.need(rreq, 20);
        out.append(" please repair ");
        bytes.ip4(out, rreq);
        out.append(' ');
        bytes.ip4(out, rreq + 4);
        out.append(':').append(bytes.u32(rreq + 8)).append('<').append(bytes.u32(rreq + 12)).append(':')
            .append(bytes.u32(rreq + 16)).append('>');
        return true;
    }

    private boolean repairReply(long rrep, long len, StringBuilder out) {
        out.append(" wb-rrep:");
        if (len < 20) return false;
        bytes.need(rrep, 20);
        out.append(" for ");
        bytes.ip4(out, rrep);
        out.append(' ');
        page(rrep + 4, out);
        return true;
    }

    private boolean drawOp(long dop, long len, StringBuilder out) {
        out.append(" wb-dop:");
        if (len < 16) return false;
        bytes.need(dop, 16);
        out.append(' ');
        page(dop, out);
        return true;
    }

    /** A drawing-op block's "sid:uid<sseq:eseq>", then with -v its operations. */
    private void page(long dop, StringBuilder out) {
        bytes.ip4(out, dop);
        long start = bytes.u32(dop + 8), last = bytes.u32(dop + 12);
        out.append(':').append(bytes.u32(dop + 4)).append('<').append(start).append(':').append(last).append('>');
        if (verbosity.verbose()) drawingOperations(dop + 16, start, last, out);
    }

    /** tcpdump's wb_dops: one operation per sequence number, skips and holes jumping ahead. */
    private void drawingOperations(long dh, long ss, long es, StringBuilder out) {
        out.append(" <");
        for (; ss <= es; ss++) {
            int t = bytes.u8(dh + 7);
            if (t < DRAWING_OPERATIONS.length && DRAWING_OPERATIONS[t] != null) {
                out.append(' ').append(DRAWING_OPERATIONS[t]);
            } else {
                out.append(" dop-").append(t).append('!');
            }
            if (t == SKIP || t == HOLE) {
                long ts = bytes.u32(dh);
                out.append((ts - ss + 1) & 0xffffffffL);
                if (ss > ts || ts > es) {
                    out.append("[|]");
                    if (ts < ss) return;
                }
                ss = ts;
            }
            dh += (bytes.u16(dh + 4) + 8 + 3) & ~3L;
            if (ss == 0xffffffffL) {   // ++ss wraps to 0 in tcpdump's uint32_t, and 0 <= es again
                ss = -1;
            }
        }
        out.append(" >");
    }

    private boolean pageRequest(long preq, long len, StringBuilder out) {
        out.append(" wb-preq:");
        if (len < 16) return false;
        long low = bytes.u32(preq + 8);
        bytes.need(preq, 8);
        out.append(" need ").append(low).append('/');
        bytes.ip4(out, preq);
        out.append(':').append(bytes.u32(preq + 4));
        bytes.need(preq, 16);
        return true;
    }

    private boolean pageReply(long prep, long len, StringBuilder out) {
        out.append(" wb-prep:");
        if (len < 4) return false;
        long n = bytes.u32(prep);
        long ps = prep + 4;
        for (; n != 0; n--) {
            bytes.need(ps, 12);
            out.append(' ').append(bytes.u32(ps)).append('/');
            bytes.ip4(out, ps + 4);
            out.append(':').append(bytes.u32(ps + 8));
            bytes.need(ps, 16);
            int ids = bytes.u8(ps + 12);   // the first byte of the 16-bit count, as tcpdump reads it
            long io = ps + 16;
            char c = '<';
            for (int i = 0; i < ids; i++, io += 8) {
                idOffset(io, c, out);
                c = ',';
            }
            out.append('>');
            ps = io;
        }
        return true;
    }
}
