package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * PPPoE (RFC 2516; ethertypes 0x8863 discovery, 0x8864 session, and 3Com's 0x3c12/0x3c13) as tcpdump 4.99 prints it
 * (print-pppoe.c): {@code PPPoE PADI [Service-Name] [Host-Uniq 0x4A2F]} for discovery, the tags' values as text when
 * mostly printable; {@code PPPoE  [ses 0x1] } then the PPP frame ({@link PppFormatter}) for session data. The code,
 * not the ethertype, tells them apart, as in tcpdump. Its reads jump out of its printer: a cut header or tag ends with
 * " [|pppoe]" and the raw dump then starts at byte 0 ({@link EarlyEnd}).
 */
final class PppoeFormatter {
    private static final int HEADER = 6;
    private static final int PADI = 0x09;
    /** The longest PADI payload RFC 2516 allows (1484 bytes of Ethernet payload less the header). */
    private static final int MAX_PADI_LENGTH = 1484 - HEADER;
    /** tcpdump shows at most this many characters of a tag's value. */
    private static final int MAX_TAG_TEXT = 79;

    private final EarlyEnd earlyEnd;
    private final PppFormatter ppp;
    private final SnapshotBytes bytes = new SnapshotBytes();

    PppoeFormatter(EarlyEnd earlyEnd, PppFormatter ppp) {
        this.earlyEnd = earlyEnd;
        this.ppp = ppp;
    }

    /**
     * The PPPoE header at {@code off}: {@code length} bytes on the wire, readable up to the captured end. Returns the
     * header bytes tcpdump's pppoe_print counts (LINKTYPE_PPP_ETHER's link header for -x): 0 when invalid or cut, 6
     * for discovery, 6 and the PPP header ({@link PppFormatter#headerLength}) for session data.
     */
    int format(Packet p, int off, int length, StringBuilder out) {
        if (length < HEADER) {
            out.append(" (length ").append(length).append(" < ").append(HEADER).append(") (invalid)");
            return 0;
        }
        length -= HEADER;
        if (!p.has(off, HEADER)) {
            earlyEnd.mark(out, "pppoe");
            return 0;
        }
        int version = p.u8(off) >>> 4, type = p.u8(off) & 0x0f;
        int code = p.u8(off + 1);
        int session = p.u16(off + 2);
        int payloadLength = p.u16(off + 4);
        if (version != 1) out.append(" [ver ").append(version).append(']');
        if (type != 1) out.append(" [type ").append(type).append(']');
        out.append("PPPoE ");
        codeName(code, out);
        if (code == PADI && payloadLength > MAX_PADI_LENGTH) out.append(" [len ").append(payloadLength).append("!]");
        if (payloadLength > length) {
            out.append(" [len ").append(payloadLength).append(" > ").append(length).append("!]");
            payloadLength = length;
        }
        if (session != 0) {
            out.append(" [ses 0x");
            Text.hex(out, session);
            out.append(']');
        }
        int payload = off + HEADER;
        if (code == 0) {   // session data: a PPP frame, no tags
            out.append(' ');
            ppp.format(p, payload, payloadLength, out);
            return HEADER + ppp.headerLength();
        }
        try (var _ = bytes.reading(p, p.capLen())) {
            tags(p, payload, payloadLength, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "pppoe");
        }
        return HEADER;
    }

    /** Discovery tags until the end-of-list tag or the payload's end: " [Name "text"]", " [Name 0xHEX]", " [Name]". */
    private void tags(Packet p, int at, int length, StringBuilder out) {
        int end = at + length;
        int type = -1;
        while (type != 0 && at < end) {   // terminates: each tag advances at least 4 bytes
            type = bytes.u16(at);
            int tagLength = bytes.u16(at + 2);
            at += 4;
            if (tagLength == 0) {
                out.append(" [");
                tagName(type, out);
                out.append(']');
                continue;
            }
            bytes.u8(at + tagLength - 1);   // tcpdump checks the whole value before printing any of it
            int shown = Math.min(tagLength, MAX_TAG_TEXT);
            int printable = 0;
            for (int i = 0; i < shown; i++) if (printable(p.u8(at + i))) printable++;
            out.append(" [");
            tagName(type, out);
            if (printable > shown - printable) {
                out.append(" \"");
                for (int i = 0; i < shown; i++) {
                    int c = p.u8(at + i);
                    out.append(printable(c) ? (char) c : '.');
                }
                out.append('"');
            } else {
                out.append(" 0x");
                for (int i = 0; i < tagLength; i++) hexUpper(p.u8(at + i), out);
            }
            out.append(']');
            at += tagLength;
        }
    }

    private static boolean printable(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    private static void hexUpper(int b, StringBuilder out) {
        out.append(Character.toUpperCase(Character.forDigit(b >>> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }

    private static void codeName(int code, StringBuilder out) {
        switch (code) {
            case 0x09 -> out.append("PADI");
            case 0x07 -> out.append("PADO");
            case 0x19 -> out.append("PADR");
            case 0x65 -> out.append("PADS");
            case 0xa7 -> out.append("PADT");
            case 0 -> { }
            default -> {
                out.append("PAD-");
                Text.hex(out, code);
            }
        }
    }

    private static void tagName(int type, StringBuilder out) {
        String name = switch (type) {
            case 0 -> "EOL";
            case 0x0101 -> "Service-Name";
            case 0x0102 -> "AC-Name";
            case 0x0103 -> "Host-Uniq";
            case 0x0104 -> "AC-Cookie";
            case 0x0105 -> "Vendor-Specific";
            case 0x0110 -> "Relay-Session-ID";
            case 0x0120 -> "PPP-Max-Payload";
            case 0x0201 -> "Service-Name-Error";
            case 0x0202 -> "AC-System-Error";
            case 0x0203 -> "Generic-Error";
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("TAG-0x");
            Text.hex(out, type);
        }
    }
}
