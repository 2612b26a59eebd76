package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * A PPP frame as tcpdump 4.99's ppp_print prints it (print-ppp.c), as PPPoE sessions, GRE version 1 (PPTP) and
 * LINKTYPE_PPP carry it (LINKTYPE_PPP_HDLC reads the header itself and calls {@link #payload}): the optional address and control bytes, the protocol (one byte when compressed), with -e its name and the
 * frame length, then IPv4, IPv6, MPLS, OSI ({@link OsiFormatter}), the control protocols (LCP, IPCP, IP6CP, CCP,
 * BACP, OSICP, MPLSCP: {@code LCP, Conf-Request (0x01), id 1, length 20}, with -v the encoded length, the options and
 * the echo, identification, time-remaining and protocol-reject fields), CHAP, PAP and multilink headers; other
 * protocols by name with their bytes in hex. tcpdump's reads jump out of its printer here: a cut frame ends with " [|ppp]" and the raw dump then
 * starts at byte 0 ({@link EarlyEnd}).
 *
 * <p>With -v the configuration options of LCP, IPCP, IP6CP, CCP and BACP are listed ({@link PppOptions}).
 * IPX (0x002b and 0x8137) is {@link IpxFormatter}'s. A protocol 0x7eXX is an HDLC flag: as tcpdump's ppp_hdlc the
 * captured bytes from the protocol's second byte on are unescaped into a buffer of this printer's, and what it holds
 * is printed by a guess at its protocol.
 */
final class PppFormatter {
    private static final int ADDRESS_CONTROL = 0xff03, PPPD_IN = 0x0003, PPPD_OUT = 0x0103;
    private static final int ETHERTYPE_IPV4 = 0x0800, ETHERTYPE_IPV6 = 0x86dd, ETHERTYPE_IPX = IpxFormatter.ETHERTYPE;
    private static final int CHAP_CHALLENGE = 1, CHAP_RESPONSE = 2, CHAP_SUCCESS = 3, CHAP_FAILURE = 4;
    private static final int PAP_REQUEST = 1, PAP_ACK = 2, PAP_NAK = 3;
    private static final int CODE_VENDOR = 0, CODE_CONFIGURE_REQUEST = 1, CODE_CONFIGURE_ACK = 2,
            CODE_CONFIGURE_NAK = 3, CODE_CONFIGURE_REJECT = 4, CODE_TERMINATE_REQUEST = 5, CODE_TERMINATE_ACK = 6,
            CODE_CODE_REJECT = 7, CODE_PROTOCOL_REJECT = 8,
            CODE_ECHO_REQUEST = 9, CODE_ECHO_REPLY = 10, CODE_DISCARD = 11, CODE_IDENTIFICATION = 12,
            CODE_TIME_REMAINING = 13;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final PppOptions options;
    /**
     * ppp_hdlc's private copies of the unescaped bytes, and the views the printers read them through: one per HDLC
     * frame inside another being printed (grown to the deepest nesting yet, then reused).
     */
    private byte[][] unescaped = {new byte[2048]};
    private Packet[] hdlc = {new Packet()};
    /** How many HDLC frames' carried packets are being printed: the index of the buffer the next one goes to. */
    private int hdlcDepth;
    /** The packet the carried packet is in: the frame's, or {@link #hdlc}'s buffer. */
    private Packet carriedPacket;
    /** The protocol a cut frame names (" [|ppp]"). */
    private String marker;

    PppFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd, Encapsulated inner) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
        this.options = new PppOptions(verbosity, bytes);
    }

    /** The PPP frame at {@code off}: {@code length} bytes on the wire, readable up to the packet's captured end. */
    void format(Packet p, int off, int length, StringBuilder out) {
        print(p, -1, off, length, "ppp", out);
    }

    /**
     * What follows a PPP header that another printer read (tcpdump's handle_ppp, as LINKTYPE_PPP_SERIAL's printer
     * calls it): the packet of {@code protocol} at {@code off}; a read past the capture ends the line with
     * {@code marker}'s " [|marker]" (the protocol tcpdump was printing).
     */
    void payload(Packet p, int protocol, int off, int length, String marker, StringBuilder out) {
        print(p, protocol, off, length, marker, out);
    }

    /** A whole frame ({@code protocol} -1) or the payload of {@code protocol}. */
    private void print(Packet p, int protocol, int off, int length, String marker, StringBuilder out) {
        int carried;
        carriedPacket = p;
        this.marker = marker;
        try (var _ = bytes.reading(p, p.capLen())) {
            carried = protocol < 0 ? frame(off, length, out) : handle(protocol, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, marker);
            return;
        }
        // what the frame carries is printed last: it may come back here (PPP over GRE over IP over PPP)
        if (carried < 0) return;
        Packet in = carriedPacket;
        boolean inHdlc = in != p;   // in the buffer of this depth, which an HDLC frame inside it leaves alone
        if (inHdlc) hdlcDepth++;
        int header = headerLength;   // a PPP frame inside the carried packet sets it for itself
        try {
            // tcpdump's u_int (a jumbogram's passes 2^31): Encapsulated's printer clamps it for IPv4 and IPX
            if (!inner.print(in, carriedOffset, carriedLength, in.capLen() - carriedOffset, carried, out)) {
                out.append(" [|ppp]");
            }
        } finally {
            if (inHdlc) hdlcDepth--;
            headerLength = header;
        }
    }

    private int carriedOffset, carriedLength;
    private int headerLength;

    /**
     * The last frame's PPP header length as tcpdump's ppp_print returns it: the address and control bytes (or pppd's
     * direction) and the protocol; 0 when the frame is shorter than its header.
     */
    int headerLength() {
        return headerLength;
    }

    /** The header and anything but a carried packet; returns the link type of the carried packet, or -1. */
    private int frame(int off, int length, StringBuilder out) {
        // lengths unsigned, as tcpdump's u_int (a jumbogram's carried frame passes 2^31)
        int frameLength = length, start = off;
        headerLength = 0;
        if (Integer.compareUnsigned(length, 2) < 0) {
            out.append(" [|ppp]");
            return -1;
        }
        switch (bytes.u16(off)) {
            case PPPD_IN, PPPD_OUT, ADDRESS_CONTROL -> {
                if (linkHeaders && bytes.u16(off) == PPPD_IN) out.append("In  ");
                if (linkHeaders && bytes.u16(off) == PPPD_OUT) out.append("Out ");
                off += 2;
                length -= 2;
            }
            default -> { }
        }
        if (Integer.compareUnsigned(length, 2) < 0) {
            out.append(" [|ppp]");
            return -1;
        }
        int protocol;
        if ((bytes.u8(off) & 1) != 0) {   // protocol field compression
            protocol = bytes.u8(off);
            off++;
            length--;
        } else {
            protocol = bytes.u16(off);
            off += 2;
            length -= 2;
        }
        headerLength = off - start;
        if (linkHeaders) {
            String name = PppNames.protocol(protocol);
            out.append(name == null ? "unknown" : name).append(" (0x");
            Text.hex(out, protocol, 4);
            out.append("), length ").append(Integer.toUnsignedLong(frameLength));
            if (name == null) return -1;
            out.append(": ");
        }
        return handle(protocol, off, length, out);
    }

    /** tcpdump's handle_ppp: the protocol's packet at {@code off}; returns the link type of a carried packet, or -1. */
    private int handle(int protocol, int off, int length, StringBuilder out) {
        if ((protocol & 0xff00) == 0x7e00) return hdlc(off - 1, length, out);
        carriedOffset = off;
        carriedLength = length;
        // the control protocols, multilink and an OSI PDU take the length unsigned as tcpdump's u_int; the others get
        // the int clamped to 2^31-1
        int clamped = UnsignedLength.clamped(length);
        switch (protocol) {
            case PppNames.LCP, PppNames.IPCP, PppNames.OSICP, PppNames.MPLSCP, PppNames.IPV6CP, PppNames.CCP,
                 PppNames.BACP -> controlProtocol(protocol, off, length, out);
            case PppNames.MULTILINK -> multilink(off, length, out);
            case PppNames.CHAP -> chap(off, clamped, out);
            case PppNames.PAP -> pap(off, clamped, out);
            case PppNames.BAP -> { }   // tcpdump prints nothing of it
            case ETHERTYPE_IPV4, PppNames.VJNC, PppNames.IP -> {
                return LinkType.IPV4;
            }
            case ETHERTYPE_IPV6, PppNames.IPV6 -> {
                return LinkType.IPV6;
            }
            case PppNames.MPLS_UNICAST, PppNames.MPLS_MULTICAST -> {
                return Encapsulated.MPLS;
            }
            case ETHERTYPE_IPX, PppNames.IPX -> {
                return Encapsulated.IPX;
            }
            case PppNames.OSI -> {
                return Encapsulated.OSI;
            }
            case PppNames.COMPRESSED -> out.append("compressed PPP data");
            default -> {
                String name = PppNames.protocol(protocol);
                if (name != null) {
                    out.append(name);
                } else {
                    out.append("unknown PPP protocol (0x");
                    Text.hex(out, protocol, 4);
                    out.append(')');
                }
                out.append(' ');
                unknownData(off, "\n\t", clamped, out);
            }
        }
        return -1;
    }

    /**
     * tcpdump's ppp_hdlc: every captured byte from {@code at} on unescaped (0x7d then the byte xor 0x20; a lone 0x7d
     * at the end dropped), then printed as IPv4 or IPv6 by its first byte, else as a PPP frame with or without the
     * address and control bytes; {@code length} only matters when 0. Returns the carried packet's link type, or -1.
     */
    private int hdlc(int at, int length, StringBuilder out) {
        int available = bytes.end() - at;
        if (available <= 0 || length == 0) return -1;
        // an HDLC frame inside the one being printed gets a buffer of its own, as each of tcpdump's does
        if (hdlcDepth == unescaped.length) {
            unescaped = java.util.Arrays.copyOf(unescaped, hdlcDepth + 1);
            unescaped[hdlcDepth] = new byte[2048];
            hdlc = java.util.Arrays.copyOf(hdlc, hdlcDepth + 1);
            hdlc[hdlcDepth] = new Packet();
        }
        byte[] buffer = unescaped[hdlcDepth];
        if (buffer.length < available) {
            buffer = unescaped[hdlcDepth] = new byte[Math.max(available, 2 * buffer.length)];
        }
        Packet view = hdlc[hdlcDepth];
        Packet p = bytes.packet();
        int n = 0;
        for (int s = at, i = available; i != 0; i--) {
            int c = p.u8(s++);
            if (c == 0x7d) {
                if (i <= 1) break;
                i--;
                c = p.u8(s++) ^ 0x20;
            }
            buffer[n++] = (byte) c;
        }
        view.set(buffer, 0, n, n, p.timestampNanos(), p.interfaceId(), p.linkType(), p.frameNumber());
        bytes.set(view, n);
        carriedPacket = view;
        // tcpdump's guesses: one byte of protocol, the address and control bytes, else two bytes of protocol
        if (n < 1) return hdlcTruncated(out);
        switch (view.u8(0)) {
            case PppNames.IP -> {
                return hdlcCarried(1, n - 1, LinkType.IPV4);
            }
            case PppNames.IPV6 -> {
                return hdlcCarried(1, n - 1, LinkType.IPV6);
            }
            default -> { }
        }
        if (n < 2) return hdlcTruncated(out);
        int protocol = view.u16(0);
        int from = 2;
        if (protocol == ADDRESS_CONTROL) {
            if (n < 4) return hdlcTruncated(out);
            protocol = view.u16(2);
            from = 4;
        }
        if ((protocol & 0xff00) == 0x7e00) {
            out.append("(protocol 0x");
            Text.hex(out, protocol, 4);
            out.append(" invalid)");
            return -1;
        }
        return handle(protocol, from, n - from, out);
    }

    private int hdlcCarried(int off, int length, int linkType) {
        carriedOffset = off;
        carriedLength = length;
        return linkType;
    }

    /** ppp_hdlc's "goto trunc": a plain " [|ppp]", not a jump. */
    private int hdlcTruncated(StringBuilder out) {
        out.append(" [|").append(marker).append(']');
        return -1;
    }

    /**
     * LCP, IPCP and the other control protocols (RFC 1661): code, id and length, with -v the encoded length and the
     * fields of some codes.
     */
    private void controlProtocol(int protocol, int off, int length, StringBuilder out) {
        String name = PppNames.protocol(protocol);
        out.append(name).append(", ");
        if (Integer.compareUnsigned(length, 4) < 0 || off + 2 > bytes.end()) {
            out.append("[|").append(name).append(']');
            return;
        }
        int code = bytes.u8(off);
        String codeName = PppNames.code(code);
        out.append(codeName == null ? "Unknown Opcode" : codeName).append(" (0x");
        Text.hex(out, code, 2);
        out.append("), id ").append(bytes.u8(off + 1)).append(", length ").append(Integer.toUnsignedLong(length + 2));
        if (!verbosity.verbose()) return;
        int encoded = bytes.u16(off + 2);
        if (encoded < 4) {
            out.append("\n\tencoded length ").append(encoded).append(" (< 4))");
            return;
        }
        if (Integer.compareUnsigned(encoded, length) > 0) {
            out.append("\n\tencoded length ").append(encoded).append(" (> packet length ").append(length).append("))");
            return;
        }
        length = encoded;
        out.append("\n\tencoded length ").append(encoded).append(" (=Option(s) length ").append(encoded - 4)
            .append(')');
        if (length == 4) return;
        if (verbosity.veryVerbose()) unknownData(off - 2, "\n\t", 6, out);
        int data = off + 4;
        switch (code) {
            case CODE_VENDOR -> {
                if (length < 11) return;
                magicNumber(data, out);
                int oui = bytes.u24(data + 4);
                out.append(" Vendor: ").append(TcpdumpOuis.name(oui)).append(" (").append(oui)
                    .append(')');
            }
            case CODE_CONFIGURE_REQUEST, CODE_CONFIGURE_ACK, CODE_CONFIGURE_NAK, CODE_CONFIGURE_REJECT ->
                options.list(protocol, data, encoded, out);
            case CODE_TERMINATE_REQUEST, CODE_TERMINATE_ACK, CODE_CODE_REJECT -> { }
            case CODE_PROTOCOL_REJECT -> {
                if (length < 6) return;
                int rejected = bytes.u16(data);
                String rejectedName = PppNames.protocol(rejected);
                out.append("\n\t  Rejected ").append(rejectedName == null ? "unknown" : rejectedName)
                    .append(" Protocol (0x");
                Text.hex(out, rejected, 4);
                out.append(')');
                if (encoded > 6) {
                    out.append("\n\t  Rejected Packet");
                    unknownData(data + 2, "\n\t    ", encoded - 2, out);
                }
            }
            case CODE_ECHO_REQUEST, CODE_ECHO_REPLY, CODE_DISCARD -> {
                if (length < 8) return;
                magicNumber(data, out);
                if (encoded > 8) {
                    out.append("\n\t  -----trailing data-----");
                    if (data + 4 + (encoded - 8) > bytes.end()) {
                        out.append("[|").append(name).append(']');
                        return;
                    }
                    unknownData(data + 4, "\n\t  ", encoded - 8, out);
                }
            }
            case CODE_IDENTIFICATION -> {
                if (length < 8) return;
                magicNumber(data, out);
                if (encoded > 8) {
                    out.append("\n\t  Message\n\t    ");
                    // sic: tcpdump prints encoded - 4 characters from after the magic number, to the capture's end
                    int at = data + 4;
                    int n = encoded - 4;
                    while (n > 0 && at < bytes.end()) {
                        n--;
                        Text.printableChar(out, bytes.u8(at++));
                    }
                    if (n > 0) out.append("[|").append(name).append(']');
                }
            }
            case CODE_TIME_REMAINING -> {
                if (length < 12) return;
                magicNumber(data, out);
                long seconds = bytes.u32(data + 4);
                out.append(", Seconds-Remaining ").append(seconds).append('s');
            }
            default -> {
                if (!verbosity.veryVerbose()) unknownData(off - 2, "\n\t  ", length + 2, out);
            }
        }
    }

    private void magicNumber(int at, StringBuilder out) {
        long magic = bytes.u32(at);
        out.append("\n\t  Magic-Num 0x");
        Text.hex(out, magic, 8);
    }

    /** Multilink PPP (RFC 1990): the 12-bit sequence number and the begin/end flags. */
    private void multilink(int off, int length, StringBuilder out) {
        if (!linkHeaders) out.append("MLPPP, ");
        if (Integer.compareUnsigned(length, 2) < 0 || off + 2 > bytes.end()) {
            out.append("[|mlppp]");
            return;
        }
        int first = bytes.u8(off);
        out.append("seq 0x");
        Text.hex(out, bytes.u16(off) & 0xfff, 3);
        out.append(", Flags [");
        if ((first & 0xc0) == 0) out.append("none");
        else if ((first & 0xc0) == 0xc0) out.append("begin, end");
        else out.append((first & 0x80) != 0 ? "begin" : "end");
        out.append("], length ").append(Integer.toUnsignedLong(length));
    }

    /**
     * CHAP's and PAP's code, or -1 after tcpdump's marker when the message is shorter than their common
     * 4-byte header (code, id, length): "[|chap]" without a code, "[|chap 0xNN]" with one.
     */
    private int authCode(int off, int length, String protocol, StringBuilder out) {
        if (length < 1) {
            out.append("[|").append(protocol).append(']');
            return -1;
        }
        int code = bytes.u8(off);
        if (length < 4) {
            out.append("[|").append(protocol).append(" 0x");
            Text.hex(out, code, 2);
            out.append(']');
            return -1;
        }
        return code;
    }

    /** "CHAP, Challenge (0x01), id 7": the code's name and number, then the id. */
    private void authHeader(int off, int code, String protocol, String codeName, StringBuilder out) {
        out.append(protocol).append(codeName).append(" (0x");
        Text.hex(out, code, 2);
        out.append(')');
        int id = bytes.u8(off + 1);
        out.append(", id ").append(id);
    }

    /** CHAP (RFC 1994): code and id, then the value and name, or the message. */
    private void chap(int off, int length, StringBuilder out) {
        int code = authCode(off, length, "chap", out);
        if (code < 0) return;
        authHeader(off, code, "CHAP, ", switch (code) {
            case CHAP_CHALLENGE -> "Challenge";
            case CHAP_RESPONSE -> "Response";
            case CHAP_SUCCESS -> "Success";
            case CHAP_FAILURE -> "Fail";
            default -> "unknown";
        }, out);
        long encoded = bytes.u16(off + 2);
        int at = off + 4;
        switch (code) {
            case CHAP_CHALLENGE, CHAP_RESPONSE -> {
                if (length - 4 < 1) return;
                int valueSize = bytes.u8(at++);
                if (length - 5 < valueSize) return;
                out.append(", Value ");
                for (int i = 0; i < valueSize; i++) Text.hex(out, bytes.u8(at++), 2);
                out.append(", Name ");
                characters(at, (encoded - (at - off)) & 0xffffffffL, out);
            }
            case CHAP_SUCCESS, CHAP_FAILURE -> {
                out.append(", Msg ");
                characters(at, (encoded - 4) & 0xffffffffL, out);
            }
            default -> { }
        }
    }

    /** PAP (RFC 1334): code and id, then the peer and password, or the message. */
    private void pap(int off, int length, StringBuilder out) {
        int code = authCode(off, length, "pap", out);
        if (code < 0) return;
        authHeader(off, code, "PAP, ", switch (code) {
            case PAP_REQUEST -> "Auth-Req";
            case PAP_ACK -> "Auth-ACK";
            case PAP_NAK -> "Auth-NACK";
            default -> "unknown";
        }, out);
        int encoded = bytes.u16(off + 2);
        if (encoded > length) {
            out.append(", length ").append(encoded).append(" > packet size");
            return;
        }
        length = encoded;
        if (length < 4) {
            out.append(", length ").append(length).append(" < PAP header length");
            return;
        }
        int at = off + 4;
        switch (code) {
            case PAP_REQUEST -> {
                if (encoded < 6) {
                    out.append("[|pap]");
                    return;
                }
                int peerLength = bytes.u8(at++);
                if (length - (at - off) < peerLength) return;
                out.append(", Peer ");
                characters(at, peerLength, out);
                at += peerLength;
                if (length - (at - off) < 1) return;
                int passwordLength = bytes.u8(at++);
                if (length - (at - off) < passwordLength) return;
                out.append(", Name ");
                characters(at, passwordLength, out);
            }
            case PAP_ACK, PAP_NAK -> {
                if (encoded < 5) {
                    out.append("[|pap]");
                    return;
                }
                int messageLength = bytes.u8(at++);
                if (length - (at - off) < messageLength) return;
                out.append(", Msg ");
                characters(at, messageLength, out);
            }
            default -> { }
        }
    }

    /** {@code n} bytes as tcpdump's fn_print_char shows them, each read as it is printed. */
    private void characters(int at, long n, StringBuilder out) {
        for (long i = 0; i < n; i++) Text.printableChar(out, bytes.u8(at++));
    }

    private void unknownData(int at, String indent, long length, StringBuilder out) {
        PppOptions.unknownData(bytes.packet(), bytes.end(), at, indent, length, out);
    }
}
