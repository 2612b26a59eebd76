package dev.fabricscope.print;

import static dev.fabricscope.dissect.FrameRelayHeader.*;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.FrameRelayHeader;

/**
 * Frame Relay as tcpdump 4.99's print-fr.c: LINKTYPE_FRELAY's frames (fr_print: the Q.922 address with its DLCI and
 * FECN/BECN/DE flags, Cisco's ethertype encapsulation, the UI control byte and optional pad, then by the NLPID IPv4,
 * IPv6, the OSI protocols, SNAP, Q.933 signalling, FRF.15 fragments or PPP), LINKTYPE_MFR's FRF.16 multilink frames
 * (mfr_print: bundle control messages and their information elements, fragments). -e prints the Q.922 header
 * first.
 *
 * <p>Each printing method returns the link-level length tcpdump counts for -x. Every read is checked against the
 * capture; where tcpdump's fetch would jump out the line ends with " [|proto]" and {@link EarlyEnd} is marked.
 * Allocates nothing. One per printer.
 */
final class FrameRelayFormatter {
    /** A SNAP header and its payload as tcpdump's snap_print (no addresses, no bridge pad); false: not decoded. */
    interface Snap {
        boolean print(Packet p, int off, int length, StringBuilder out);
    }

    private static final int CR = 0x02000000, DE = 0x00020000, BECN = 0x00040000, FECN = 0x00080000, SDLC = 0x2;
    private static final int MFR_ID_MAX = 50, TIMEVAL = 16;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    /** tcpdump's default print of what it cannot decode (off with -q, -x, -X and -A). */
    private final boolean defaultPrint;
    /** -x (tcpdump's ndo_xflag): FR's own dump of an unknown NLPID's payload is left out only then. */
    private final boolean hexFlag;
    private final EarlyEnd earlyEnd;
    private final IpFormatter ip;
    private final OsiFormatter osi;
    private final PppFormatter ppp;
    private final LlcFormatter.EtherTypes etherTypes;
    private final Snap snap;
    private final TimestampFormatter times;
    private final Q933Formatter q933;

    /** The last Q.922 address parsed: its length, DLCI and flags (tcpdump's parse_q922_header results). */
    private int addrLen, dlci, flags;

    FrameRelayFormatter(Verbosity verbosity, boolean linkHeaders, boolean defaultPrint, boolean hexFlag,
                        EarlyEnd earlyEnd, IpFormatter ip, OsiFormatter osi, PppFormatter ppp,
                        LlcFormatter.EtherTypes etherTypes, Snap snap, TimestampFormatter times) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.hexFlag = hexFlag;
        this.earlyEnd = earlyEnd;
        this.ip = ip;
        this.osi = osi;
        this.ppp = ppp;
        this.etherTypes = etherTypes;
        this.snap = snap;
        this.times = times;
        this.q933 = new Q933Formatter(verbosity, linkHeaders, earlyEnd);
    }

    /** LINKTYPE_FRELAY (fr_if_print): fewer than 4 bytes captured is " [|fr]" with all of them counted. */
    int link(Packet p, int length, StringBuilder out) {
        if (p.capLen() < 4) {
            out.append(" [|fr]");
            return p.capLen();
        }
        return frame(p, 0, length, out);
    }

    /** LINKTYPE_MFR (mfr_if_print): fewer than 2 bytes captured is " [|mfr]" with all of them counted. */
    int multilink(Packet p, int length, StringBuilder out) {
        if (p.capLen() < 2) {
            out.append(" [|mfr]");
            return p.capLen();
        }
        return mfr(p, 0, length, out);
    }

    /** tcpdump's fr_print of a frame at {@code off} (after a Juniper header): no minimum length first. */
    int frameAt(Packet p, int off, int length, StringBuilder out) {
        return frame(p, off, length, out);
    }

    /** tcpdump's mfr_print of a frame at {@code off} (after a Juniper header): no minimum length first. */
    int multilinkAt(Packet p, int off, int length, StringBuilder out) {
        return mfr(p, off, length, out);
    }

    /** tcpdump's parse_q922_header: 1 on success (the fields set), 0 for an invalid address, -1 when cut. */
    private int q922(Packet p, int off, int length) {
        int n = FrameRelayHeader.addressLength(p, off, length);
        if (n <= 0) return n;
        addrLen = n;
        dlci = FrameRelayHeader.dlci(p, off, n);
        flags = (p.u8(off) & 0x02) << 24 | (p.u8(off + 1) & 0x0e) << 16;
        if (n > 2) flags |= p.u8(off + n - 1) & 0x02;   // the SDLC bit of the last byte
        return 1;
    }

    /** tcpdump's fr_print: the frame at {@code off}; returns its header length (0 where it gave up). */
    private int frame(Packet p, int off, int length, StringBuilder out) {
        int ret = q922(p, off, length);
        if (ret < 0) return truncated(out);
        if (ret == 0) {
            out.append("Q.922, invalid address");
            return 0;
        }
        if (!p.has(off + addrLen, 1) || length < addrLen + 1) return truncated(out);
        if (p.u8(off + addrLen) != UI && dlci != 0) {
            // Cisco's encapsulation: an ethertype right after the address
            if (!p.has(off + addrLen, 2) || length < addrLen + 2) {
                notUi(p.u8(off + addrLen), out);
            } else {
                int type = p.u16(off + addrLen);
                if (linkHeaders) header(length, addrLen, type, out);
                if (etherTypes.print(p, type, off + addrLen + 2, length - addrLen - 2, out)) return addrLen + 2;
                notUi(p.u8(off + addrLen), out);
            }
        }
        if (!p.has(off + addrLen + 1, 1) || length < addrLen + 2) return truncated(out);
        int hdrLen;
        if (p.u8(off + addrLen + 1) == 0) {   // a pad byte after UI, meant for 3-byte addresses only
            if (addrLen != 3) out.append("Pad! ");
            hdrLen = addrLen + 3;
        } else {
            if (addrLen == 3) out.append("No pad! ");
            hdrLen = addrLen + 2;
        }
        if (!p.has(off + hdrLen - 1, 1) || length < hdrLen) return truncated(out);
        int nlpid = p.u8(off + hdrLen - 1);
        if (linkHeaders) header(length, addrLen, nlpid, out);
        int at = off + hdrLen;
        int rest = length - hdrLen;
        switch (nlpid) {
            case NLPID_IP -> ip.ipv4(p, at, rest, out);
            case NLPID_IP6 -> ip.ipv6(p, at, rest, out);
            case NLPID_CLNP, NLPID_ESIS, NLPID_ISIS -> osi.format(p, at - 1, rest + 1, out);   // from the NLPID
            case NLPID_SNAP -> {
                if (!snap.print(p, at, rest, out)) {
                    if (!linkHeaders) header(length, hdrLen, nlpid, out);   // sic: tcpdump passes hdr_len
                    if (defaultPrint) defaultDump(p, off, length, "snap", out);
                }
            }
            case NLPID_Q933 -> q933.format(p, at, rest, out);
            case NLPID_MFR -> frf15(p, at, rest, out);
            case NLPID_PPP -> ppp.format(p, at, rest, out);
            default -> {
                if (!linkHeaders) header(length, addrLen, nlpid, out);
                if (!hexFlag) defaultDump(p, at, rest, "fr", out);
            }
        }
        return hdrLen;
    }

    private static void notUi(int control, StringBuilder out) {
        out.append("UI ");
        Text.hex(out, control, 2);
        out.append("! ");
    }

    private static int truncated(StringBuilder out) {
        out.append(" [|fr]");
        return 0;
    }

    /**
     * tcpdump's default print (hex_and_ascii_print): what was captured of {@code length}; when that is less, it
     * jumps out with " [|proto]" (so -x then dumps from the frame's start).
     */
    private void defaultDump(Packet p, int off, int length, String protocol, StringBuilder out) {
        HexDump.hexAndAscii(p, off, length, "\n\t", out);
        if (length > Math.max(0, p.capLen() - off)) earlyEnd.mark(out, protocol);
    }

    /** fr_hdr_print: "Q.922, hdr-len N, DLCI N, Flags [...], NLPID NAME (0xNN), length N: " (-q: DLCI and length). */
    private void header(int length, int hdrLen, int nlpid, StringBuilder out) {
        if (verbosity == Verbosity.QUIET) {
            out.append("Q.922, DLCI ").append(dlci).append(", length ").append(length).append(": ");
            return;
        }
        out.append("Q.922, hdr-len ").append(hdrLen).append(", DLCI ").append(dlci).append(", Flags [");
        q922Flags(out);
        if (nlpid <= 0xff) {
            out.append("], NLPID ").append(OsiFields.nlpidName(nlpid, "unknown")).append(" (0x");
            Text.hex(out, nlpid, 2);
        } else {
            String name = EtherTypeNames.of(nlpid);
            out.append("], cisco-ethertype ").append(name == null ? "unknown" : name).append(" (0x");
            Text.hex(out, nlpid, 4);
        }
        out.append("), length ").append(length).append(": ");
    }

    /** bittok2str of fr_header_flag_values, in its order. */
    private void q922Flags(StringBuilder out) {
        int start = out.length();
        if ((flags & CR) != 0) out.append("C!");
        if ((flags & DE) != 0) separated(out, start, "DE");
        if ((flags & BECN) != 0) separated(out, start, "BECN");
        if ((flags & FECN) != 0) separated(out, start, "FECN");
        if ((flags & SDLC) != 0) separated(out, start, "sdlcore");
        if (out.length() == start) out.append("none");
    }

    private static void separated(StringBuilder out, int start, String name) {
        if (out.length() > start) out.append(", ");
        out.append(name);
    }

    /** bittok2str of frf_flag_values (Begin, End, Control). */
    private static void mfrFlags(int bits, StringBuilder out) {
        int start = out.length();
        if ((bits & MFR_B) != 0) out.append("Begin");
        if ((bits & MFR_E) != 0) separated(out, start, "End");
        if ((bits & MFR_C) != 0) separated(out, start, "Control");
        if (out.length() == start) out.append("none");
    }

    /** frf15_print: an FRF.15 fragment's 2-byte header. */
    private void frf15(Packet p, int off, int length, StringBuilder out) {
        if (length < 2) {
            out.append(" [|fr]");
            return;
        }
        if (!p.has(off, 2)) {
            earlyEnd.mark(out, "fr");
            return;
        }
        int b0 = p.u8(off);
        out.append("FRF.15, seq 0x");
        Text.hex(out, (b0 & 0x1e) << 7 | p.u8(off + 1), 3);
        out.append(", Flags [");
        mfrFlags(b0 & MFR_BEC, out);
        out.append("],").append((b0 & 0x01) != 0 ? "Interface" : "End-to-End").append(" Fragmentation, length ")
            .append(length);
    }

    /** mfr_print: an FRF.16 control frame or fragment at {@code off}; returns what tcpdump counts for -x. */
    private int mfr(Packet p, int off, int length, StringBuilder out) {
        if (length < 4) {
            out.append("[length ").append(length).append(" < 4] (invalid)");
            return length;
        }
        if (!p.has(off, 4)) {
            out.append(" [|mfr]");
            return length;
        }
        int b0 = p.u8(off);
        if ((b0 & MFR_BEC) == MFR_BEC && p.u8(off + 1) == 0) return control(p, off, length, out);
        int sequence = (b0 & 0x1e) << 7 | p.u8(off + 1);
        out.append("FRF.16 Frag, seq ").append(sequence).append(", Flags [");
        mfrFlags(b0 & MFR_BEC, out);
        if ((b0 & MFR_BEC) == (MFR_B | MFR_E) || (b0 & MFR_BEC) == MFR_B) {   // a whole packet or a first fragment
            out.append("], ");
            frame(p, off + 2, length - 2, out);
            return 2;
        }
        out.append(']');
        HexDump.hex(p, off, length, "\n\t", out);   // print_unknown_data
        return 0;
    }

    /** An FRF.16 control message and, with -v, its information elements. */
    private int control(Packet p, int off, int length, StringBuilder out) {
        int type = p.u8(off + 2);
        out.append("FRF.16 Control, Flags [");
        mfrFlags(p.u8(off) & MFR_BEC, out);
        out.append("], ");
        String name = switch (type) {
            case 1 -> "Add Link";
            case 2 -> "Add Link ACK";
            case 3 -> "Add Link Reject";
            case 4 -> "Hello";
            case 5 -> "Hello ACK";
            case 6 -> "Remove Link";
            case 7 -> "Remove Link ACK";
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown Message (0x");
            Text.hex(out, type, 2);
            out.append(')');
        }
        out.append(", length ").append(length);
        if (!verbosity.verbose()) return 3;
        int at = off + 3;
        int left = length - 3;
        while (left > 2) {
            if (!p.has(at, 2)) {
                out.append(" [|mfr]");
                return length;
            }
            int ieType = p.u8(at), ieLength = p.u8(at + 1);
            out.append("\n\tIE ").append(ieName(ieType)).append(" (").append(ieType).append("), length ")
                .append(ieLength).append(": ");
            if (ieType == 0 || ieLength <= 2) return 3;   // tcpdump's guard against an endless loop
            if (!p.has(at, ieLength)) {
                out.append(" [|mfr]");
                return length;
            }
            at += 2;
            int data = ieLength - 2;
            left -= 2;
            switch (ieType) {
                case 3 -> {   // magic number
                    if (data != 4) {
                        out.append("[IE data length ").append(data).append(" != 4] (invalid)");
                    } else {
                        out.append("0x");
                        Text.hex(out, p.u32(at), 8);
                    }
                }
                case 1, 2 -> {   // bundle and link IDs: text up to a NUL
                    for (int i = 0; i < data && i < MFR_ID_MAX; i++) {
                        int c = p.u8(at + i);
                        if (c == 0) break;
                        Text.printableChar(out, c);
                    }
                }
                case 5 -> {
                    if (data == TIMEVAL) timestamp(p, at, out);
                    else if (verbosity == Verbosity.VERBOSE) HexDump.hex(p, at, data, "\n\t  ", out);
                }
                default -> {
                    if (verbosity == Verbosity.VERBOSE) HexDump.hex(p, at, data, "\n\t  ", out);
                }
            }
            if (verbosity.veryVerbose()) HexDump.hex(p, at, data, "\n\t  ", out);
            left -= data;
            at += data;
        }
        return 3;
    }

    private static String ieName(int type) {
        return switch (type) {
            case 1 -> "Bundle ID";
            case 2 -> "Link ID";
            case 3 -> "Magic Number";
            case 5 -> "Timestamp";
            case 6 -> "Vendor Extension";
            case 7 -> "Cause";
            default -> "Unknown";
        };
    }

    /**
     * The timestamp IE as tcpdump's ts_print of the struct timeval it holds (a 64-bit little-endian host's: seconds,
     * then microseconds), in the printer's time stamp style, then a space.
     */
    private void timestamp(Packet p, int at, StringBuilder out) {
        long seconds = le64(p, at), micros = le64(p, at + 8);
        times.formatCarried(seconds, micros, out);
    }

    private static long le64(Packet p, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | p.u8(at + i);
        return v;
    }
}
