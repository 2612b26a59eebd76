package dev.fabricscope.print;

/**
 * What the transport printers need to know about the enclosing IP packet; one instance per printer,
 * refilled for each packet (no allocation).
 */
final class IpContext {
    boolean v6;
    /** The IPv4 header's protocol or the IPv6 header's next header (what ESP's decrypted payload is printed after). */
    int headerProtocol;
    int srcOffset;
    int dstOffset;
    /**
     * The destination used in the pseudo-header: the last hop of an IPv4 source route, the final segment of an
     * IPv6 routing header (tcpdump's nextproto6_cksum), else the IP destination.
     */
    int pseudoDstOffset;
    /**
     * tcpdump's snapshot end inside this IP packet: the captured end clipped to the IP length field.
     * Reads at or past it are truncation.
     */
    int end;
    /**
     * Whether the transport printer writes "addr.port > addr.port": only when the IP header itself names the
     * transport (after IPv6 extension headers or AH, tcpdump prints ports only).
     */
    boolean addresses;
    /** A first fragment (IPv4 more-fragments flag, or an IPv6 fragment header): the transport checksum cannot be verified. */
    boolean fragmented;

    void appendAddress(StringBuilder out, dev.fabricscope.capture.Packet p, int off) {
        if (v6) Text.ipv6(out, p, off);
        else Text.ipv4(out, p, off);
    }

    /** "src > dst:" (no trailing space), as tcpdump writes it before a truncation marker. */
    void appendAddresses(StringBuilder out, dev.fabricscope.capture.Packet p) {
        appendAddress(out, p, srcOffset);
        out.append(" > ");
        appendAddress(out, p, dstOffset);
        out.append(':');
    }

    /** "src.sport > dst.dport: " or, when the IP header does not name the transport, "sport > dport: ". */
    StringBuilder appendEndpoints(StringBuilder out, dev.fabricscope.capture.Packet p, int sport, int dport) {
        if (addresses) {
            appendAddress(out, p, srcOffset);
            out.append('.').append(sport).append(" > ");
            appendAddress(out, p, dstOffset);
            out.append('.').append(dport).append(": ");
        } else {
            out.append(sport).append(" > ").append(dport).append(": ");
        }
        return out;
    }

    /** The IPv4 TTL (4 bytes before the source address) or the IPv6 hop limit (just before it). */
    int ttl(dev.fabricscope.capture.Packet p) {
        return p.u8(v6 ? srcOffset - 1 : srcOffset - 4);
    }

    long pseudoHeaderSum(dev.fabricscope.capture.Packet p, int protocol, int length) {
        return v6 ? InternetChecksum.ipv6Pseudo(p, srcOffset, pseudoDstOffset, protocol, length)
                  : InternetChecksum.ipv4Pseudo(p, srcOffset, pseudoDstOffset, protocol, length);
    }
}
