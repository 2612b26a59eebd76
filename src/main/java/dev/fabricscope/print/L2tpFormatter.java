package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * L2TP version 2 (RFC 2661, UDP 1701) as tcpdump 4.99 prints it (print-l2tp.c), the same at every verbosity:
 * {@code  l2tp:[TLS](1/0)Ns=0,Nr=0 *MSGTYPE(SCCRQ) *PROTO_VER(1.0) ...}, the flags (type, length, sequence, offset,
 * priority), tunnel and session ids, Ns/Nr, then a control message's AVPs ({@link L2tpAvps}) or " ZLB", or a data
 * message's PPP frame between braces ({@code  {IP 10.0.0.1 > 10.0.0.2: ...}}, printed as tcpdump's ppp_print by
 * {@link PppFormatter} through {@link Encapsulated#PPP}, so -v and -e show there what they show for PPP). L2F
 * (version 1) prints as " l2f:" alone and other versions, L2TPv3 among them (tcpdump 4.99 decodes L2TPv3 only over
 * IP, protocol 115), as " Unknown Version, neither L2F(1) nor L2TP(2)".
 *
 * <p>tcpdump's reads of the header jump out of its printer: a cut header ends with " [|l2tp]" and the raw dump then
 * starts at byte 0 ({@link EarlyEnd}); a cut offset pad or AVP gets the same marker from tcpdump's own check, which
 * keeps the link header in the dump. No known difference from tcpdump.
 */
final class L2tpFormatter {
    static final int PORT = 1701;
    private static final int TYPE = 0x8000, LENGTH = 0x4000, SEQUENCE = 0x0800, OFFSET = 0x0200, PRIORITY = 0x0100;
    private static final int VERSION_MASK = 0x000f, L2F = 1, L2TP = 2;

    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final L2tpAvps avps = new L2tpAvps(bytes);

    L2tpFormatter(EarlyEnd earlyEnd, Encapsulated inner) {
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /** The L2TP message at {@code off}: {@code length} bytes of UDP payload, {@code end} the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        int ppp;
        try (var _ = bytes.reading(p, end)) {
            ppp = message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "l2tp");
            return;
        }
        if (ppp < 0) return;
        // the data message's PPP frame, printed last: it may come back here (L2TP in IP in PPP in L2TP)
        out.append(" {");
        if (!inner.print(p, ppp, pppLength, end - ppp, Encapsulated.PPP, out)) {
            out.append(" [|l2tp]");
            return;
        }
        if (!earlyEnd.happened()) out.append('}');   // tcpdump's jump out of the PPP frame skips the brace
    }

    private int pppLength;

    /** The header and a control message's AVPs; where a data message's PPP frame starts, or -1. */
    private int message(int off, int length, StringBuilder out) {
        int flags = bytes.u16(off);
        switch (flags & VERSION_MASK) {
            case L2TP -> out.append(" l2tp:");
            case L2F -> {
                out.append(" l2f:");
                return -1;
            }
            default -> {
                out.append(" Unknown Version, neither L2F(1) nor L2TP(2)");
                return -1;
            }
        }
        out.append('[');
        if ((flags & TYPE) != 0) out.append('T');
        if ((flags & LENGTH) != 0) out.append('L');
        if ((flags & SEQUENCE) != 0) out.append('S');
        if ((flags & OFFSET) != 0) out.append('O');
        if ((flags & PRIORITY) != 0) out.append('P');
        out.append(']');
        int at = off + 2;
        int messageLength = 0;
        if ((flags & LENGTH) != 0) {
            messageLength = bytes.u16(at);
            at += 2;
        }
        // each field is fetched before its text is printed: a cut one leaves the text before it only
        int tunnel = bytes.u16(at);
        out.append('(').append(tunnel).append('/');
        int session = bytes.u16(at + 2);
        out.append(session).append(')');
        at += 4;
        if ((flags & SEQUENCE) != 0) {
            int ns = bytes.u16(at);
            out.append("Ns=").append(ns).append(',');
            int nr = bytes.u16(at + 2);
            out.append("Nr=").append(nr);
            at += 4;
        }
        if ((flags & OFFSET) != 0) {
            int pad = bytes.u16(at);
            if (!bytes.has(at + 2, pad)) {   // tcpdump's own check: no jump
                out.append(" [|l2tp]");
                return -1;
            }
            at += 2 + pad;
        }
        if ((flags & LENGTH) != 0) {
            if (Integer.compareUnsigned(length, messageLength) < 0) {   // unsigned: a jumbogram's can pass 2^31
                out.append(" Length ").append(messageLength).append(" larger than packet");
                return -1;
            }
            length = messageLength;
        }
        int header = at - off;
        if (Integer.compareUnsigned(length, header) < 0) {
            out.append(" Length ").append(length).append(" smaller than header length");
            return -1;
        }
        if ((flags & TYPE) == 0) {
            pppLength = length - header;
            return at;
        }
        if ((flags & LENGTH) == 0) {
            out.append(" No length");
        } else if (length == header) {
            out.append(" ZLB");
        } else {
            // past 2^31 (a jumbogram's) the AVPs are walked as far as 2^31-1: the capture ends them first
            for (int left = UnsignedLength.clamped(length - header); left != 0; ) {
                int used = avps.print(at, left, out);   // terminates: each AVP takes 6 bytes or more
                if (used == 0) break;
                left -= used;
                at += used;
            }
        }
        return -1;
    }
}
