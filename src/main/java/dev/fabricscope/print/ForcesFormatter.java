package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.print.ForcesNames.MessageType;
import dev.fabricscope.print.ForcesNames.Operation;

import static dev.fabricscope.print.ForcesNames.APPND;
import static dev.fabricscope.print.ForcesNames.INVALID_ALEN;
import static dev.fabricscope.print.ForcesNames.INVALID_LTLN;
import static dev.fabricscope.print.ForcesNames.INVALID_RLEN;
import static dev.fabricscope.print.ForcesNames.INVALID_STLN;
import static dev.fabricscope.print.ForcesNames.KEYIN;
import static dev.fabricscope.print.ForcesNames.TLV_FULLDATA;
import static dev.fabricscope.print.ForcesNames.TLV_KEYINFO;
import static dev.fabricscope.print.ForcesNames.TLV_METADATA;
import static dev.fabricscope.print.ForcesNames.TLV_PATH_DATA;
import static dev.fabricscope.print.ForcesNames.TLV_REDIRECTDATA;
import static dev.fabricscope.print.ForcesNames.TLV_RESULT;
import static dev.fabricscope.print.ForcesNames.TLV_SPARSEDATA;
import static dev.fabricscope.print.ForcesNames.TRNG;

/**
 * A ForCES message (RFC 5810) in an SCTP DATA chunk, as tcpdump 4.99's print-forces.c prints it: "\n\tForCES type ",
 * at -v the version, length, flags, IDs and correlator, at -vv the flags spelled out, then the top-level TLVs
 * (LFB selectors with their operation TLVs and path data, teardown and setup results, redirect metadata and data),
 * which print mostly at -vvv; tcpdump's complaints about malformed TLVs print at every level, and those that end
 * the message are followed by a hex dump of it. Lengths are tcpdump's unsigned ones. tcpdump's length checks that print " [|forces]" end only
 * the TLV they are in; its fetches past the capture end the whole packet (then {@link #format} returns false).
 * -vvvv adds a raw dump of the whole message after it.
 */
final class ForcesFormatter {
    private static final int HEADER = 24, TLV_HEADER = 4, ILV_HEADER = 8;
    /** tcpdump's indent_pr builds its indent in a 256-byte buffer. */
    private static final int MAX_INDENT = 255;
    private static final String[] SPACES = new String[MAX_INDENT + 1], NEWLINE_SPACES = new String[MAX_INDENT + 1];

    static {
        for (int i = 0; i <= MAX_INDENT; i++) {
            SPACES[i] = " ".repeat(i);
            NEWLINE_SPACES[i] = "\n" + " ".repeat(Math.max(0, i - 1));
        }
    }

    private final int vflag;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes b = new SnapshotBytes();

    ForcesFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.vflag = verbosity.vflag();
        this.earlyEnd = earlyEnd;
    }

    /**
     * The message of {@code len} bytes at {@code off}; the capture counts up to {@code snapshotEnd}. False where
     * tcpdump's fetch past the capture ended the whole packet (" [|forces]" printed).
     */
    boolean format(Packet p, int snapshotEnd, int off, int len, StringBuilder out) {
        try (var _ = b.reading(p, snapshotEnd)) {
            message(off, len, out);
            return true;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "forces");
            return false;
        }
    }

    private void message(long pptr, long len, StringBuilder out) {
        if (!b.has(pptr, HEADER)) {
            truncated(out);
            return;
        }
        int tom = b.u8(pptr + 1);
        if (!ForcesNames.validType(tom)) {
            out.append("Invalid ForCES message type ").append(tom).append('\n');
            error(pptr, len, out);
            return;
        }
        long mlen = (long) b.u16(pptr + 2) << 2;
        MessageType tops = ForcesNames.messageType(tom);
        if (tops == null) {
            out.append("\n\tUnknown ForCES message type=0x");
            Text.hex(out, tom);
            error(pptr, len, out);
            return;
        }
        out.append("\n\tForCES ").append(tops.name()).append(' ');
        if (!(len >= HEADER && mlen >= HEADER && mlen == len)) {
            out.append("Illegal ForCES pkt len - min ").append(HEADER).append(", total recvd ").append(len)
                .append(", advertised ").append(mlen).append(' ');
            error(pptr, len, out);
            return;
        }
        long flags = b.u32(pptr + 20);
        if (vflag >= 1) {
            out.append("\n\tForCES Version ").append(b.u8(pptr) >> 4).append(" len ").append(mlen)
                .append("B flags 0x");
            Text.hex(out, flags, 8);
            long sid = b.u32(pptr + 4), did = b.u32(pptr + 8);
            out.append(" \n\tSrcID 0x");
            Text.hex(out, sid);
            out.append('(').append(ForcesNames.node(sid)).append(") DstID 0x");
            Text.hex(out, did);
            out.append('(').append(ForcesNames.node(did)).append(") Correlator 0x");
            Text.hex(out, b.u64(pptr + 12));
        }
        if (vflag >= 2) {
            int ack = (int) (flags >>> 30) & 3, em = (int) (flags >>> 22) & 3;
            int at = (int) (flags >>> 21) & 1, tp = (int) (flags >>> 19) & 3;
            out.append("\n\tForCES flags:\n\t  ").append(ForcesNames.ack(ack)).append("(0x").append(ack)
                .append("), prio=").append((flags >>> 27) & 7).append(", ").append(ForcesNames.executionMode(em))
                .append("(0x").append(em).append("),\n\t  ").append(ForcesNames.atomicity(at)).append("(0x")
                .append(at).append("), ").append(ForcesNames.transactionPhase(tp)).append("(0x").append(tp)
                .append(")\n\t  Extra flags: rsv(b5-7) 0x");
            Text.hex(out, (flags >>> 24) & 7);
            out.append(" rsv(b13-31) 0x");
            Text.hex(out, flags & 0x7ffff);
            out.append('\n');
        }
        if (typePrint(pptr, mlen, tops, out) < 0) {
            error(pptr, len, out);
        } else if (vflag >= 4) {
            b.hexPrint(out.append("\n\t  Raw ForCES message\n\t ["), pptr, "\n\t ", len);
            out.append("\n\t ]");
        }
    }

    /** The message's hex dump after a complaint (forces_print's error label). */
    private void error(long pptr, long len, StringBuilder out) {
        b.hexPrint(out, pptr, "\n\t[", len);
        out.append("\n\t]");
    }

    /** tcpdump's nd_print_trunc: the marker, without ending the packet. */
    private static void truncated(StringBuilder out) {
        out.append(" [|forces]");
    }

    private static String indent(int n) {
        return SPACES[Math.min(n, MAX_INDENT)];
    }

    /** indent_pr(n, 1): a newline and n - 1 spaces; {@code .substring(1)} of it is tcpdump's "ib + 1". */
    private static String newlineIndent(int n) {
        return NEWLINE_SPACES[Math.max(0, Math.min(n, MAX_INDENT))];
    }

    private static String newlineIndentRest(int n) {
        return SPACES[Math.max(0, Math.min(n, MAX_INDENT) - 1)];
    }

    private static long aligned(long len) {
        return (len + 3) & ~3L;
    }

    private static int tlvValid(long tlvl, long rlen) {
        if (rlen < TLV_HEADER) return INVALID_RLEN;
        if (tlvl < TLV_HEADER) return INVALID_STLN;
        if (tlvl > rlen) return INVALID_LTLN;
        if (rlen < aligned(tlvl)) return INVALID_ALEN;
        return 0;
    }

    private int ilvValid(long ilv, long rlen) {
        if (rlen < ILV_HEADER) return INVALID_RLEN;
        long length = b.u32(ilv + 4);
        if (length < ILV_HEADER) return INVALID_STLN;
        if (length > rlen) return INVALID_LTLN;
        if (rlen < aligned(length)) return INVALID_ALEN;
        return 0;
    }

    private int typePrint(long pptr, long mlen, MessageType tops, StringBuilder out) {
        long rlen = mlen - HEADER;
        int flags = tops.flags();
        if (rlen > TLV_HEADER) {
            if ((flags & ForcesNames.ZERO_TTLV) != 0) {
                out.append("<0x");
                Text.hex(out, flags);
                out.append(">Illegal Top level TLV!\n");
                return -1;
            }
        } else {
            if ((flags & ForcesNames.ZERO_MORE_TTLV) != 0) return 0;
            if ((flags & ForcesNames.ONE_MORE_TTLV) != 0) {
                out.append("\tTop level TLV Data missing!\n");
                return -1;
            }
        }
        if ((flags & ForcesNames.ZERO_TTLV) != 0) return 0;
        int ttlv = flags >> 4;
        long tlv = pptr + HEADER;
        while (rlen != 0) {
            int type = b.u16(tlv), tlvl = b.u16(tlv + 2);
            if (tlvValid(tlvl, rlen) != 0) break;
            if (!ForcesNames.validTopTlv(type)) {
                out.append("\n\tInvalid ForCES Top TLV type=0x");
                Text.hex(out, type);
                return -1;
            }
            if (vflag >= 3) {
                out.append('\t');
                ForcesNames.appendTlv(out, type);
                out.append(", length ").append(tlvl).append(" (data length ").append(tlvl - TLV_HEADER)
                    .append(" Bytes)");
            }
            long data = tlv + TLV_HEADER;
            int rc = switch (tops.printer()) {
                case LFB_SELECT -> lfbSelect(data, tlvl, tops.opMask(), 9, out);
                case TEARDOWN -> teardown(data, tlvl, 9, out);
                case REDIRECT -> redirect(data, tlvl, 9, out);
                case SETUP_RESULT -> setupResult(data, tlvl, 9, out);
                case NONE -> 0;
            };
            if (rc < 0) return -1;
            rlen -= aligned(tlvl);
            tlv += aligned(tlvl);
            if (--ttlv <= 0) break;
        }
        if (rlen != 0) {
            out.append("\tMess TopTLV header: min ").append(TLV_HEADER).append(", total ").append(rlen)
                .append(" advertised ").append(b.u16(tlv + 2)).append(' ');
            return -1;
        }
        return 0;
    }

    private int lfbSelect(long pptr, long len, int opMask, int indent, StringBuilder out) {
        String ib = indent(indent);
        long dlen = len - TLV_HEADER;
        if (dlen <= 12) {
            out.append("\n\t\ttruncated lfb selector: ").append(12 - dlen).append(" bytes missing! ");
            return -1;
        }
        long rlen = dlen - 8;
        if (!b.has(pptr, 8)) {
            truncated(out);
            return -1;
        }
        if (vflag >= 3) {
            long classId = b.u32(pptr);
            out.append('\n').append(ib);
            ForcesNames.appendLfb(out, classId);
            out.append("(Classid ");
            Text.hex(out, classId);
            out.append(") instance ");
            Text.hex(out, b.u32(pptr + 4));
            out.append('\n');
        }
        long otlv = pptr + 8;
        indent++;
        while (rlen != 0) {
            int type = b.u16(otlv), tlvl = b.u16(otlv + 2);
            if (tlvValid(tlvl, rlen) != 0) break;
            if (ForcesNames.validOperation(type, opMask)) {
                operationTlv(otlv, indent, out);
            } else {
                if (vflag < 3) out.append('\n');
                out.append("\t\tINValid oper-TLV type 0x");
                Text.hex(out, type);
                out.append(" length ").append(tlvl).append(" for this ForCES message\n");
                invalidOperation(otlv, rlen, indent, out);
            }
            rlen -= aligned(tlvl);
            otlv += aligned(tlvl);
        }
        return messy(out, "oper", otlv, rlen);
    }

    /** The complaint about bytes left after the last valid TLV: -1, or 0 where none are left. */
    private int messy(StringBuilder out, String what, long tlv, long rlen) {
        if (rlen == 0) return 0;
        out.append("\n\t\tMessy ").append(what).append(" TLV header, type (0x");
        Text.hex(out, b.u16(tlv));
        out.append(")\n\t\texcess of ").append((rlen - b.u16(tlv + 2)) & 0xffffffffL).append(" Bytes ");
        return -1;
    }

    private void operationTlv(long otlv, int indent, StringBuilder out) {
        long dp = otlv + TLV_HEADER;
        int type = b.u16(otlv), length = b.u16(otlv + 2);
        long tll = (length - TLV_HEADER) & 0xffffffffL;
        Operation ops = ForcesNames.operation(type);
        if (vflag >= 3) {
            out.append(indent(indent)).append("Oper TLV ").append(ops.name()).append("(0x");
            Text.hex(out, type);
            out.append(") length ").append(length).append('\n');
        }
        if (tll < 8) {
            out.append("\t\tOper TLV ").append(ops.name()).append("(0x");
            Text.hex(out, type);
            out.append(") length ").append(length).append("\n\t\tTruncated data size ").append(tll)
                .append(" minimum required 8\n");
            invalidOperation(dp, tll, indent, out);
            return;
        }
        switch (ops.printer()) {
            case INVALID -> invalidOperation(dp, tll, indent + 1, out);
            case PATH_DATA -> pathDataTlvs(dp, tll, ops.dataMask(), indent + 1, out);
            case GENERIC -> genericOperation(dp, tll, ops.dataMask(), indent + 1, out);
            case NONE -> { }
        }
    }

    /** invoptlv_print: at -vvv the bytes as hex; always -1. */
    private int invalidOperation(long pptr, long len, int indent, StringBuilder out) {
        if (vflag >= 3) {
            String ib = newlineIndent(indent);
            out.append(newlineIndentRest(indent)).append("Data[");
            b.hexPrint(out, pptr, ib, len);
            out.append(ib).append("]\n");
        }
        return -1;
    }

    private int genericOperation(long pptr, long len, int opMask, int indent, StringBuilder out) {
        String ib = indent(indent);
        int type = b.u16(pptr), tlvl = b.u16(pptr + 2);
        int invtlv = tlvValid(tlvl, len);
        out.append("genoptlvprint - ");
        ForcesNames.appendTlv(out, type);
        out.append(" TLV type 0x");
        Text.hex(out, type);
        out.append(" len ").append(tlvl).append('\n');
        if (invtlv != 0) {
            out.append("\t\t\tInvalid ForCES TLV type=");
            Text.hex(out, type);
            return -1;
        }
        if (!ForcesNames.validTopTlv(type)) {
            ForcesNames.appendTlvError(out, invtlv);
            out.append(" TLV type 0x");
            Text.hex(out, type);
            out.append(" len ").append(tlvl).append('\n');
            return -1;
        }
        if (vflag >= 3) {
            out.append(ib);
            ForcesNames.appendTlv(out, type);
            out.append(", length ").append(tlvl).append(" (data length ").append(tlvl - TLV_HEADER)
                .append(" Bytes)");
        }
        return pathData(pptr + TLV_HEADER, tlvl - TLV_HEADER, opMask, indent + 1, out);
    }

    /*
     * tcpdump recurses through path data (recpdoptlv_print -> pdata_print -> pdatacnt_print -> recpdoptlv_print),
     * up to thousands deep in a big packet; here the runs of PATH-DATA TLVs in progress are a stack of their own.
     * A run is entered by pdata_print after the path data's content (a "tail" run: its result is pdata_print's) or
     * as the content itself (an inner PATH-DATA TLV: pdatacnt_print's -1 makes pdata_print return 0, and on success
     * the bytes after it form a tail run).
     */

    /** What {@link #pathDataStep} left to do: nothing, or a run to push (a tail one, or an inner content one). */
    private static final int ABORT = -1, DONE = 0, TAIL = 1, CONTENT = 2;

    private long nextPtr, nextLen, afterBase, afterLen, afterMore;
    private int nextMask, nextIndent, afterMask, afterIndent;
    private int depth;
    private long[] runPtr = new long[16], runLen = new long[16], runAfterBase = new long[16],
        runAfterLen = new long[16], runAfterMore = new long[16];
    private int[] runMask = new int[16], runIndent = new int[16], runAfterMask = new int[16],
        runAfterIndent = new int[16];
    private boolean[] runContent = new boolean[16];

    /** recpdoptlv_print: a run of PATH-DATA TLVs. */
    private int pathDataTlvs(long pptr, long len, int opMask, int indent, StringBuilder out) {
        depth = 0;
        nextPtr = pptr;
        nextLen = len;
        nextMask = opMask;
        nextIndent = indent;
        push(false);
        return run(out);
    }

    /** pdata_print: a path data header, its IDs and what follows them. */
    private int pathData(long pptr, long len, int opMask, int indent, StringBuilder out) {
        depth = 0;
        int step = pathDataStep(pptr, len, opMask, indent, out);
        if (step == ABORT) return -1;
        if (step == DONE) return 0;
        push(step == CONTENT);
        return run(out);
    }

    /** The runs on the stack to their end: 0, or -1 as the outermost call returns it. */
    private int run(StringBuilder out) {
        while (depth > 0) {
            int top = depth - 1;
            long pptr = runPtr[top], len = runLen[top];
            if (len != 0) {
                int tlvl = b.u16(pptr + 2);
                if (tlvValid(tlvl, len) == 0) {
                    int type = b.u16(pptr), indent = runIndent[top];
                    if (vflag >= 3) {
                        out.append(indent(indent));
                        ForcesNames.appendTlv(out, type);
                        out.append(", length ").append(tlvl).append(" (data encapsulated ").append(tlvl - TLV_HEADER)
                            .append(" Bytes)");
                    }
                    runPtr[top] = pptr + aligned(tlvl);
                    runLen[top] = len - aligned(tlvl);
                    int step = pathDataStep(pptr + TLV_HEADER, tlvl - TLV_HEADER, runMask[top], indent + 1, out);
                    if (step == ABORT) {
                        if (fail()) return -1;
                    } else if (step != DONE) {
                        push(step == CONTENT);
                    }
                    continue;
                }
            }
            if (messy(out, "PATHDATA", pptr, len) < 0) {
                if (fail()) return -1;
                continue;
            }
            depth--;
            if (runContent[top] && runAfterMore[top] > 0) {
                // pdata_print goes on after its content with the bytes left
                nextPtr = runAfterBase[top] + (runAfterLen[top] - runAfterMore[top]);
                nextLen = runAfterMore[top];
                nextMask = runAfterMask[top];
                nextIndent = runAfterIndent[top];
                push(false);
            }
        }
        return 0;
    }

    /** The run on top returned -1: unwinds to where that is not passed on; true where the outermost call returns -1. */
    private boolean fail() {
        while (depth > 0) {
            depth--;
            if (runContent[depth]) return false;   // pdatacnt_print's -1: pdata_print returns 0, its caller goes on
        }
        return true;
    }

    private void push(boolean content) {
        if (depth == runPtr.length) grow();
        runPtr[depth] = nextPtr;
        runLen[depth] = nextLen;
        runMask[depth] = nextMask;
        runIndent[depth] = nextIndent;
        runContent[depth] = content;
        if (content) {
            runAfterBase[depth] = afterBase;
            runAfterLen[depth] = afterLen;
            runAfterMore[depth] = afterMore;
            runAfterMask[depth] = afterMask;
            runAfterIndent[depth] = afterIndent;
        }
        depth++;
    }

    /** Deeper path data than any packet before: the stack grows (once, not per packet). */
    private void grow() {
        int n = runPtr.length * 2;
        runPtr = java.util.Arrays.copyOf(runPtr, n);
        runLen = java.util.Arrays.copyOf(runLen, n);
        runAfterBase = java.util.Arrays.copyOf(runAfterBase, n);
        runAfterLen = java.util.Arrays.copyOf(runAfterLen, n);
        runAfterMore = java.util.Arrays.copyOf(runAfterMore, n);
        runMask = java.util.Arrays.copyOf(runMask, n);
        runIndent = java.util.Arrays.copyOf(runIndent, n);
        runAfterMask = java.util.Arrays.copyOf(runAfterMask, n);
        runAfterIndent = java.util.Arrays.copyOf(runAfterIndent, n);
        runContent = java.util.Arrays.copyOf(runContent, n);
    }

    /**
     * pdata_print up to its recursion: ABORT where it returns -1 itself, DONE where it returns 0, or the run it
     * would go on with in {@code next*} (TAIL: the bytes after the content; CONTENT: an inner PATH-DATA TLV as the
     * content, with what pdata_print does after it in {@code after*}).
     */
    private int pathDataStep(long pptr, long len, int opMask, int indent, StringBuilder out) {
        if (!b.has(pptr, 4) || len < 4) {
            truncated(out);
            return ABORT;
        }
        int pflags = b.u16(pptr), idcnt = b.u16(pptr + 2);
        if (vflag >= 3) {
            out.append('\n').append(indent(indent)).append("Pathdata: Flags 0x");
            Text.hex(out, pflags);
            out.append(" ID count ").append(idcnt).append('\n');
        }
        if ((pflags & 1) != 0) opMask |= KEYIN;
        if ((pflags & 2) != 0) opMask |= TRNG;
        if ((pflags & 4) != 0) opMask |= APPND;
        opMask &= 0xffff;
        pptr += 4;
        len -= 4;
        long minsize = idcnt * 4L;
        if (len < minsize) {
            out.append("\t\t\ttruncated IDs expected ").append(minsize).append("B got ").append(len).append("B\n");
            b.hexPrint(out, pptr, "\t\t\tID Data[", len);
            out.append("]\n");
            return ABORT;
        }
        if ((opMask & TRNG) != 0 && (opMask & KEYIN) != 0) {
            out.append("\t\t\tIllegal to have both Table ranges and keys\n");
            return ABORT;
        }
        long more = pathDataContent(pptr, len, idcnt, opMask, indent, out);
        if (more == CONTENT_RUN) {
            afterBase = pptr;
            afterLen = len;
            afterMask = opMask;
            afterIndent = indent + 1;
            return CONTENT;
        }
        if (more > 0) {
            nextPtr = pptr + (len - more);
            nextLen = more;
            nextMask = opMask;
            nextIndent = indent + 1;
            return TAIL;
        }
        return DONE;
    }

    /** {@link #pathDataContent}'s answer where the content is an inner PATH-DATA TLV, left in {@code next*}. */
    private static final int CONTENT_RUN = -2;

    /**
     * pdatacnt_print: the IDs, a table range or key, then one content TLV; the bytes left over, -1, or CONTENT_RUN
     * where the content is a run of path data for the caller to go through.
     */
    private long pathDataContent(long pptr, long len, int idcnt, int opMask, int indent, StringBuilder out) {
        String ib = indent(indent);
        if ((opMask & APPND) != 0 && vflag >= 3) out.append(ib).append("TABLE APPEND\n");
        for (int i = 0; i < idcnt; i++) {
            if (!b.has(pptr, 4) || len < 4) {
                truncated(out);
                return -1;
            }
            long id = b.u32(pptr);
            if (vflag >= 3) {
                out.append(ib).append("ID#");
                Text.zeroPadded(out, i + 1, 2);
                out.append(": ").append(id).append('\n');
            }
            len -= 4;
            pptr += 4;
        }
        if ((opMask & TRNG) != 0) {
            if (len < 12) {
                out.append("pathlength ").append(len).append(" with key/range too short 12\n");
                return -1;
            }
            long start = b.u32(pptr + 4), end = b.u32(pptr + 8);
            pptr += 12;
            len -= 12;
            if (vflag >= 3) out.append(ib).append("Table range: [").append(start).append(',').append(end).append("]\n");
        }
        if ((opMask & KEYIN) != 0) {
            if (len < 12) {
                out.append("pathlength ").append(len).append(" with key/range too short 12\n");
                return -1;
            }
            long keytlv = pptr + 4;
            pptr += 8;
            len -= 8;
            int tll = b.u16(keytlv + 2);
            if (tll < TLV_HEADER) {
                out.append("key content length ").append(tll).append(" < 4\n");
                return -1;
            }
            tll -= TLV_HEADER;
            if (len < tll) {
                out.append("key content too short\n");
                return -1;
            }
            pptr += tll;
            len -= tll;
        }
        if (len == 0) return 0;
        int type = b.u16(pptr), tlvl = b.u16(pptr + 2);
        int invtlv = tlvValid(tlvl, len);
        if (invtlv != 0) {
            ForcesNames.appendTlvError(out, invtlv);
            out.append(" Outstanding bytes ").append(len).append(" for TLV type 0x");
            Text.hex(out, type);
            out.append(" TLV len ").append(tlvl).append('\n');
            return badData(pptr, len, tlvl, out);
        }
        int tll = tlvl - TLV_HEADER;
        long aln = aligned(tlvl), pad = 0;
        if (aln > tlvl) {
            if (aln > len) {
                out.append("Invalid padded pathdata TLV type 0x");
                Text.hex(out, type);
                out.append(" len ").append(tlvl).append(" missing ").append(aln - len).append(" pad bytes\n");
            } else {
                pad = aln - tlvl;
            }
        }
        if (type < TLV_PATH_DATA || type > TLV_RESULT) {
            out.append("Invalid path data content type 0x");
            Text.hex(out, type);
            out.append(" len ").append(tlvl).append('\n');
            return badData(pptr, len, tlvl, out);
        }
        if (vflag >= 3 && type != TLV_PATH_DATA) {
            out.append(ib).append("  ").append(ForcesNames.pathDataName(type)).append(" (Length ").append(tlvl)
                .append(" DataLen ").append(tll);
            if (pad != 0) out.append(" pad ").append(pad);
            out.append(" Bytes)\n");
        }
        checkOperationType(type, opMask, ForcesNames.pathDataMask(type), out);
        long contentLength = tll + pad + TLV_HEADER;
        int rc = switch (type) {
            case TLV_KEYINFO -> keyInfo(pptr, contentLength, indent + 2, out);
            case TLV_FULLDATA -> fullData(pptr, contentLength, indent + 2, out);
            case TLV_SPARSEDATA -> sparseData(pptr, contentLength, indent + 2, out);
            case TLV_RESULT -> result(pptr, contentLength, indent + 2, out);
            default -> {
                nextPtr = pptr;
                nextLen = contentLength;
                nextMask = opMask;
                nextIndent = indent + 2;
                afterMore = len - contentLength;
                yield CONTENT_RUN;
            }
        };
        if (rc == CONTENT_RUN) return CONTENT_RUN;
        if (rc == -1) return -1;
        return len - contentLength;
    }

    /** The pd_err label: bytes dumped, -1; a zero TLV length goes on with the bytes left (as tcpdump's). */
    private long badData(long pptr, long len, int tlvl, StringBuilder out) {
        if (tlvl == 0) return len;
        b.hexPrint(out, pptr, "Bad Data val\n\t  [", len);
        out.append("]\n");
        return -1;
    }

    private static void checkOperationType(int type, int mask, int expected, StringBuilder out) {
        if (type == TLV_PATH_DATA) return;
        if ((mask & KEYIN) != 0) {
            if (type != TLV_KEYINFO) out.append("Based on flags expected KEYINFO TLV!\n");
        } else if ((mask & expected) == 0) {
            out.append("Illegal DATA encoding for type 0x");
            Text.hex(out, type);
            out.append(" programmed ");
            Text.hex(out, expected);
            out.append(" got ");
            Text.hex(out, mask);
            out.append('\n');
        }
    }

    /** prestlv_print: a RESULT TLV. */
    private int result(long pptr, long len, int indent, StringBuilder out) {
        long dlen = len - TLV_HEADER;
        if (dlen != 4) {
            out.append("illegal RESULT-TLV: ").append(dlen & 0xffffffffL).append(" bytes!\n");
            return -1;
        }
        if (!b.has(pptr + TLV_HEADER, 4)) {
            truncated(out);
            return -1;
        }
        int result = b.u8(pptr + TLV_HEADER);
        if (result >= 0x18 && result <= 0xfe) {
            out.append("illegal reserved result code: 0x");
            Text.hex(out, result);
            out.append("!\n");
            return -1;
        }
        if (vflag >= 3) {
            out.append(indent(indent)).append("  Result: ").append(ForcesNames.result(result)).append(" (code 0x");
            Text.hex(out, result);
            out.append(")\n");
        }
        return 0;
    }

    /** fdatatlv_print: a FULLDATA TLV, its data as hex at -vvv. */
    private int fullData(long pptr, long len, int indent, StringBuilder out) {
        long rlen = (len - TLV_HEADER) & 0xffffffffL;
        if (!b.has(pptr, 4)) {
            truncated(out);
            return -1;
        }
        if (b.u16(pptr) != TLV_FULLDATA) {
            out.append("Error: expecting FULLDATA!\n");
            return -1;
        }
        if (vflag >= 3) {
            String ib = newlineIndent(indent + 2), rest = newlineIndentRest(indent + 2);
            out.append(rest).append('[');
            b.hexPrint(out, pptr + TLV_HEADER, ib, rlen);
            out.append('\n').append(rest).append(']');
        }
        return 0;
    }

    /** sdatatlv_print and sdatailv_print: a SPARSEDATA TLV and its ILVs. */
    private int sparseData(long pptr, long len, int indent, StringBuilder out) {
        long rlen = len - TLV_HEADER;
        if (!b.has(pptr, 4)) {
            truncated(out);
            return -1;
        }
        if (b.u16(pptr) != TLV_SPARSEDATA) {
            out.append("Error: expecting SPARSEDATA!\n");
            return -1;
        }
        long ilv = pptr + TLV_HEADER;
        if (rlen < ILV_HEADER) {
            out.append("Error: BAD SPARSEDATA-TLV!\n");
            return -1;
        }
        indent++;
        while (rlen != 0) {
            int invilv = ilvValid(ilv, rlen);
            if (invilv != 0) {
                out.append("Error: ");
                ForcesNames.appendTlvError(out, invilv);
                out.append(", rlen ").append(rlen).append('\n');
                return -1;
            }
            long ilvl = b.u32(ilv + 4);
            if (vflag >= 3) {
                out.append('\n').append(newlineIndentRest(indent)).append(" ILV: type ");
                Text.hex(out, b.u32(ilv));
                out.append(" length ").append(ilvl).append('\n');
                b.hexPrint(out, ilv + ILV_HEADER, "\t\t[", ilvl - ILV_HEADER);
            }
            rlen -= aligned(ilvl);
            ilv += aligned(ilvl);
        }
        return 0;
    }

    /** pkeyitlv_print: a KEYINFO TLV, its key ID, then its key data read as a FULLDATA TLV. */
    private int keyInfo(long pptr, long len, int indent, StringBuilder out) {
        long tdp = pptr + TLV_HEADER, kdtlv = tdp + 4;
        out.append(indent(indent)).append("Keyinfo: Key 0x");
        Text.hex(out, b.u32(tdp));
        out.append('\n');
        int type = b.u16(kdtlv), tll = b.u16(kdtlv + 2);
        int invtlv = tlvValid(tll, len);
        if (invtlv != 0) {
            ForcesNames.appendTlvError(out, invtlv);
            out.append(" TLV type 0x");
            Text.hex(out, type);
            out.append(" len ").append(tll).append('\n');
            return -1;
        }
        return fullData(kdtlv + TLV_HEADER, tll, indent, out);
    }

    /** asttlv_print: an Association TearDown reason. */
    private int teardown(long pptr, long len, int indent, StringBuilder out) {
        long dlen = len - TLV_HEADER;
        if (dlen != 4) {
            out.append("illegal ASTresult-TLV: ").append(dlen & 0xffffffffL).append(" bytes!\n");
            return -1;
        }
        long rescode = b.u32(pptr);
        if (rescode > 255) {
            out.append("illegal ASTresult result code: ").append(rescode).append("!\n");
            return -1;
        }
        if (vflag >= 3) {
            String ib = indent(indent);
            out.append("Teardown reason:\n").append(ib).append(ForcesNames.teardownReason(rescode)).append('(');
            Text.hex(out, rescode);
            out.append(")\n").append(ib);
        }
        return 0;
    }

    /** asrtlv_print: an Association Response result. */
    private int setupResult(long pptr, long len, int indent, StringBuilder out) {
        long dlen = len - TLV_HEADER;
        if (dlen != 4) {
            out.append("illegal ASRresult-TLV: ").append(dlen & 0xffffffffL).append(" bytes!\n");
            return -1;
        }
        long rescode = b.u32(pptr);
        if (rescode > 3) {
            out.append("illegal ASRresult result code: ").append(rescode).append("!\n");
            return -1;
        }
        if (vflag >= 3) {
            String ib = indent(indent);
            out.append('\n').append(ib).append(ForcesNames.setupResult(rescode)).append('(');
            Text.hex(out, rescode);
            out.append(")\n").append(ib);
        }
        return 0;
    }

    /** redirect_print: the METADATA and REDIRECTDATA TLVs of a Packet Redirect. */
    private int redirect(long pptr, long len, int indent, StringBuilder out) {
        long dlen = len - TLV_HEADER;
        if (dlen <= 8) {
            out.append("\n\t\ttruncated Redirect TLV: ").append(8 - dlen).append(" bytes missing! ");
            return -1;
        }
        long rlen = dlen, tlv = pptr;
        indent++;
        while (rlen != 0) {
            int type = b.u16(tlv), tlvl = b.u16(tlv + 2);
            if (tlvValid(tlvl, rlen) != 0) {
                out.append("Bad Redirect data\n");
                break;
            }
            if (type == TLV_METADATA) {
                metadata(tlv + TLV_HEADER, tlvl, indent, out);
            } else if (type == TLV_REDIRECTDATA) {
                String ib = indent(indent);
                long dataLength = tlvl - TLV_HEADER;
                out.append('\n').append(ib).append(" Redirect Data length ").append(dataLength).append('\n');
                if (vflag >= 3) {
                    out.append("\t\t[");
                    b.hexPrint(out, tlv + TLV_HEADER, "\n\t\t", dataLength);
                    out.append("\n\t\t]");
                }
            } else {
                out.append("Unknown REDIRECT TLV 0x");
                Text.hex(out, type);
                out.append(" len ").append(tlvl).append('\n');
            }
            rlen -= aligned(tlvl);
            tlv += aligned(tlvl);
        }
        return messy(out, "Redirect", tlv, rlen);
    }

    /** print_metatlv and print_metailv: a METADATA TLV's ILVs. */
    private void metadata(long pptr, long len, int indent, StringBuilder out) {
        long rlen = len - TLV_HEADER, ilv = pptr;
        out.append('\n').append(indent(indent)).append(" METADATA length ").append(rlen).append('\n');
        while (rlen != 0) {
            if (ilvValid(ilv, rlen) != 0) break;
            long ilvl = b.u32(ilv + 4);
            out.append(indent(indent + 1)).append("MetaID 0x");
            Text.hex(out, b.u32(ilv));
            out.append(" length ").append(ilvl).append('\n');
            if (vflag >= 3) {
                b.hexPrint(out, ilv + ILV_HEADER, "\t\t[", ilvl - ILV_HEADER);
                out.append(" ]\n");
            }
            rlen -= aligned(ilvl);
            ilv += aligned(ilvl);
        }
    }
}
