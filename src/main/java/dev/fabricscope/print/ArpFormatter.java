package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.FrameRelayHeader;

/**
 * ARP (RFC 826), and Reverse ARP (RFC 903, ethertype 0x8035) as tcpdump also prints it, lines as tcpdump prints them: "ARP, Request who-has A tell B, length N",
 * "ARP, Reply A is-at MAC, length N"; -v adds the hardware/protocol types. The fields sit at fixed
 * offsets after the ethertype the dissector located. An unknown operation's name is followed by the ARP packet's
 * captured bytes in hex and ASCII and no length, as tcpdump's arp_print calls its default print unconditionally
 * (even with -q, -x and -X, unlike the dumps of unknown ethertypes). ATM ARP (hardware type 19, RFC 2225) has its
 * own layout and lines (tcpdump's atmarp_print). Frame Relay (15) hardware addresses print as Q.922 DLCIs
 * (tcpdump's q922_string).
 */
final class ArpFormatter {
    private static final int FIXED = 8;
    /** RFC 2225's fixed part: types, operation, and the six type/length bytes of the addresses. */
    private static final int ATM_FIXED = 12;
    private static final int HARDWARE_FRAME_RELAY = 15, HARDWARE_ATM = 19;
    /** The low bits of an ATM number's or subaddress's type/length byte (0x40 flags E.164). */
    private static final int ATM_LENGTH = 0x3f;
    private static final int ETHERTYPE_IPV4 = 0x0800, ETHERTYPE_TRAIL = 0x1000;
    private static final int REQUEST = 1, REPLY = 2, REVERSE_REQUEST = 3, REVERSE_REPLY = 4,
            INVERSE_REQUEST = 8, INVERSE_REPLY = 9, NAK = 10;

    private final Verbosity verbosity;
    /** tcpdump -e: no "ARP, " (the link-level header named the protocol). */
    private final boolean linkHeaders;

    private final EarlyEnd earlyEnd;

    ArpFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
    }

    /** @param length bytes on the wire from {@code off}, unsigned (tcpdump's u_int: a jumbogram's carried frame) */
    void format(Packet p, int off, int length, StringBuilder out) {
        if (!p.has(off, FIXED)) {
            earlyEnd.mark(out, "arp");   // print-arp.c fetches what it checks
            return;
        }
        int hrd = p.u16(off), pro = p.u16(off + 2), hln = p.u8(off + 4), pln = p.u8(off + 5), op = p.u16(off + 6);
        if (hrd == HARDWARE_ATM) {
            atm(p, off, length, out);
            return;
        }
        int sha = off + FIXED, spa = sha + hln, tha = spa + pln, tpa = tha + hln;
        if (!p.has(tpa, pln)) {
            earlyEnd.mark(out, "arp");
            return;
        }
        if (!linkHeaders) out.append("ARP, ");
        boolean ipv4 = (pro == ETHERTYPE_IPV4 || pro == ETHERTYPE_TRAIL) && pln == 4;
        if (!ipv4 || hln == 0 || verbosity.verbose()) {
            appendHardware(out, hrd);
            out.append(" (len ").append(hln).append("), ");
            appendProtocol(out, pro);
            out.append(" (len ").append(pln).append(')');
            if (typesOnly(length, out)) return;
        }
        appendOperation(out, op);
        switch (op) {
            case REQUEST -> {
                out.append("who-has ");
                protocolAddress(p, tpa, pro, pln, out);
                if (nonZero(p, tha, hln)) {
                    out.append(" (");
                    linkAddress(out, p, tha, hln, hrd);
                    out.append(')');
                }
                out.append(" tell ");
                protocolAddress(p, spa, pro, pln, out);
            }
            case REPLY -> {
                protocolAddress(p, spa, pro, pln, out);
                out.append(" is-at ");
                linkAddress(out, p, sha, hln, hrd);
            }
            case REVERSE_REQUEST, INVERSE_REQUEST -> {
                out.append("who-is ");
                linkAddress(out, p, tha, hln, hrd);
                out.append(" tell ");
                linkAddress(out, p, sha, hln, hrd);
            }
            case REVERSE_REPLY -> {
                linkAddress(out, p, tha, hln, hrd);
                out.append(" at ");
                protocolAddress(p, tpa, pro, pln, out);
            }
            case INVERSE_REPLY -> {
                linkAddress(out, p, sha, hln, hrd);
                out.append(" at ");
                protocolAddress(p, spa, pro, pln, out);
            }
            default -> {
                // tcpdump's default print of the captured ARP bytes (padding too), then no length
                HexDump.hexAndAscii(p, off, p.capLen() - off, "\n\t", out);
                return;
            }
        }
        appendLength(out, length);
    }

    /**
     * ATM ARP as tcpdump's atmarp_print: the types and both protocol lengths ("len S/T") unless both addresses are
     * IPv4 (and always with -v); ATM numbers with their subaddresses after a comma. Reverse operations and unknown
     * ones dump the captured bytes, as in plain ARP.
     */
    private void atm(Packet p, int off, int length, StringBuilder out) {
        if (!p.has(off, ATM_FIXED)) {
            earlyEnd.mark(out, "arp");
            return;
        }
        int hrd = p.u16(off), pro = p.u16(off + 2), op = p.u16(off + 6);
        int shl = p.u8(off + 4) & ATM_LENGTH, ssl = p.u8(off + 5) & ATM_LENGTH, spl = p.u8(off + 8);
        int thl = p.u8(off + 9) & ATM_LENGTH, tsl = p.u8(off + 10) & ATM_LENGTH, tpl = p.u8(off + 11);
        int sha = off + ATM_FIXED, ssa = sha + shl, spa = ssa + ssl, tha = spa + spl, tsa = tha + thl, tpa = tsa + tsl;
        if (!p.has(tpa, tpl)) {
            earlyEnd.mark(out, "arp");
            return;
        }
        if (!linkHeaders) out.append("ARP, ");
        boolean ip = pro == ETHERTYPE_IPV4 || pro == ETHERTYPE_TRAIL;
        if (!ip || spl != 4 || tpl != 4 || verbosity.verbose()) {
            appendHardware(out, hrd);
            out.append(", ");
            appendProtocol(out, pro);
            out.append(" (len ").append(spl).append('/').append(tpl).append(')');
            if (typesOnly(length, out)) return;
        }
        appendOperation(out, op);
        switch (op) {
            case REQUEST -> {
                out.append("who-has ");
                atmProtocolAddress(p, tpa, ip, tpl, "<wrong tplen>", out);
                if (thl != 0) {
                    out.append(" (");
                    atmAddress(p, tha, thl, tsa, tsl, out);
                    out.append(')');
                }
                out.append(" tell ");
                atmProtocolAddress(p, spa, ip, spl, "<wrong splen>", out);
            }
            case REPLY -> {
                atmProtocolAddress(p, spa, ip, spl, "<wrong splen>", out);
                out.append(" is-at ");
                atmAddress(p, sha, shl, ssa, ssl, out);
            }
            case INVERSE_REQUEST -> {
                out.append("who-is ");
                atmAddress(p, tha, thl, tsa, tsl, out);
                out.append(" tell ");
                atmAddress(p, sha, shl, ssa, ssl, out);
            }
            case INVERSE_REPLY -> {
                atmAddress(p, sha, shl, ssa, ssl, out);
                out.append("at ");   // tcpdump's spacing: no blank before "at"
                atmProtocolAddress(p, spa, ip, spl, "<wrong splen>", out);
            }
            case NAK -> {
                out.append("for ");
                atmProtocolAddress(p, spa, ip, spl, "<wrong splen>", out);
            }
            default -> {
                HexDump.hexAndAscii(p, off, p.capLen() - off, "\n\t", out);
                return;
            }
        }
        appendLength(out, length);
    }

    private static void atmProtocolAddress(Packet p, int off, boolean ip, int len, String wrongLength,
            StringBuilder out) {
        if (!ip) out.append("<wrong proto type>");
        else if (len != 4) out.append(wrongLength);
        else Text.ipv4(out, p, off);
    }

    /** tcpdump's atmarp_addr_print: the ATM number, then ",subaddress" when there is one. */
    private static void atmAddress(Packet p, int number, int numberLength, int sub, int subLength, StringBuilder out) {
        if (numberLength == 0) {
            out.append("<No address>");
            return;
        }
        Text.linkAddress(out, p, number, numberLength);
        if (subLength != 0) {
            out.append(',');
            Text.linkAddress(out, p, sub, subLength);
        }
    }

    private static void protocolAddress(Packet p, int off, int pro, int pln, StringBuilder out) {
        if (pro != ETHERTYPE_IPV4 && pro != ETHERTYPE_TRAIL) out.append("<wrong proto type>");
        else if (pln != 4) out.append("<wrong len>");
        else Text.ipv4(out, p, off);
    }

    /** tcpdump's linkaddr_string: "<empty>" for a zero-length address, a Frame Relay one as a DLCI. */
    private static void linkAddress(StringBuilder out, Packet p, int off, int len, int hrd) {
        if (len == 0) out.append("<empty>");
        else if (hrd == HARDWARE_FRAME_RELAY) q922(out, p, off, len);
        else Text.linkAddress(out, p, off, len);
    }

    /**
     * tcpdump's q922_string: "DLCI n" of a valid Q.922 address, "<Invalid DLCI>" when the extension bit ends it on the
     * first byte or it goes on past the fourth, "<Truncated>" when it runs past {@code len} (the address is
     * captured: its length was checked).
     */
    private static void q922(StringBuilder out, Packet p, int off, int len) {
        int n = FrameRelayHeader.addressLength(p, off, len);
        if (n == 0) out.append("<Invalid DLCI>");
        else if (n < 0) out.append("<Truncated>");
        else out.append("DLCI ").append(FrameRelayHeader.dlci(p, off, n));
    }

    private static boolean nonZero(Packet p, int off, int len) {
        for (int i = 0; i < len; i++) if (p.u8(off + i) != 0) return true;
        return false;
    }

    private static void appendHardware(StringBuilder out, int hrd) {
        switch (hrd) {
            case 1 -> out.append("Ethernet");
            case 6 -> out.append("TokenRing");
            case 7 -> out.append("ArcNet");
            case 15 -> out.append("FrameRelay");
            case 23 -> out.append("Strip");
            case 24 -> out.append("IEEE 1394");
            case 19 -> out.append("ATM");
            case 32 -> out.append("InfiniBand");
            default -> out.append("Unknown Hardware (").append(hrd).append(')');
        }
    }

    /** The protocol type by tcpdump's ethertype names (as -e shows them), else "Unknown Protocol (0x....)". */
    private static void appendProtocol(StringBuilder out, int pro) {
        String name = EtherTypeNames.of(pro);
        if (name != null) {
            out.append(name);
            return;
        }
        out.append("Unknown Protocol (0x");
        Text.hex(out, pro, 4);
        out.append(')');
    }

    private static void appendOperation(StringBuilder out, int op) {
        switch (op) {
            case REQUEST -> out.append("Request");
            case REPLY -> out.append("Reply");
            case REVERSE_REQUEST -> out.append("Reverse Request");
            case REVERSE_REPLY -> out.append("Reverse Reply");
            case INVERSE_REQUEST -> out.append("Inverse Request");
            case INVERSE_REPLY -> out.append("Inverse Reply");
            case NAK -> out.append("NACK Reply");
            default -> out.append("Unknown (").append(op).append(')');
        }
        out.append(' ');
    }

    /** After the types (always shown with -v): without -v the line ends with the length (true), with -v the operation follows. */
    private boolean typesOnly(int length, StringBuilder out) {
        if (verbosity.verbose()) {
            out.append(", ");
            return false;
        }
        appendLength(out, length);
        return true;
    }

    private static void appendLength(StringBuilder out, int length) {
        out.append(", length ").append(Integer.toUnsignedLong(length));   // tcpdump's u_int
    }
}
