package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.NflogHeader;

/**
 * LINKTYPE_NFLOG (Linux netfilter log, what {@code tcpdump -i nflog:N} captures from NFLOG rules) as tcpdump's
 * nflog_if_print: a 4-byte header (family, version, resource ID), then TLVs up to the payload one, whose value (IPv4
 * or IPv6 by the header's family) goes to the IP printer; -e prints the header first. The TLV length and type are
 * in the capturing host's byte order, read here as little-endian ({@link NflogHeader}, the layout the dissector
 * shares).
 */
final class NflogFormatter {

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final boolean defaultPrint;
    private final IpFormatter ip;

    NflogFormatter(Verbosity verbosity, boolean linkHeaders, boolean defaultPrint, IpFormatter ip) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.ip = ip;
    }

    /**
     * Prints the record ({@code length}: on the wire) and returns the link-level bytes tcpdump counts for -x: the
     * header and the TLVs walked up to the payload's value; what was captured of a cut header.
     */
    int format(Packet p, int length, StringBuilder out) {
        int capLen = p.capLen();
        if (capLen < NflogHeader.LENGTH) {
            out.append(" [|nflog]");
            return capLen;
        }
        int version = p.u8(1);
        if (version != 0) {
            out.append("version ").append(version).append(" (unknown)");
            return NflogHeader.LENGTH;
        }
        if (linkHeaders) header(p, length, out);
        int off = NflogHeader.LENGTH;
        int left = length - NflogHeader.LENGTH;
        while (left > 0) {
            if (capLen - off < NflogHeader.TLV_HEADER) return truncated(off, out);
            int size = NflogHeader.paddedTlvLength(p, off);
            if (size < NflogHeader.TLV_HEADER || capLen - off < size) return truncated(off, out);
            if (NflogHeader.tlvType(p, off) == NflogHeader.TLV_PAYLOAD) {
                off += NflogHeader.TLV_HEADER;
                left -= NflogHeader.TLV_HEADER;
                break;
            }
            off += size;
            left -= size;
        }
        switch (p.u8(0)) {
            case NflogHeader.AF_INET -> ip.ipv4(p, off, left, out);
            case NflogHeader.AF_INET6 -> ip.ipv6(p, off, left, out);
            default -> {
                if (!linkHeaders) header(p, left + NflogHeader.LENGTH, out);   // tcpdump's length here: what follows the TLVs, + 4
                if (defaultPrint) HexDump.hexAndAscii(p, off, capLen - off, "\n\t", out);
            }
        }
        return off;
    }

    private static int truncated(int off, StringBuilder out) {
        out.append(" [|nflog]");   // tcpdump's own check: the walked TLVs still count as link-level bytes
        return off;
    }

    /** nflog_hdr_print: "version V, resource ID R, family NAME (F), length N: " (-q: ", NAME" only). */
    private void header(Packet p, int length, StringBuilder out) {
        int family = p.u8(0);
        out.append("version ").append(p.u8(1)).append(", resource ID ").append(p.u16(2));
        String name = family == NflogHeader.AF_INET ? "IPv4" : family == NflogHeader.AF_INET6 ? "IPv6" : null;
        if (verbosity != Verbosity.QUIET) {
            out.append(", family ").append(name == null ? "Unknown" : name).append(" (").append(family).append(')');
        } else if (name != null) {
            out.append(", ").append(name);
        } else {
            out.append(", Unknown NFLOG (0x");
            Text.hex(out, family, 2);
            out.append(')');
        }
        out.append(", length ").append(length).append(": ");
    }
}
