package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * A UDP datagram as tcpdump prints it: DNS on port 53 and mDNS on 5353 ({@link DnsFormatter}), VXLAN on 4789
 * ({@link VxlanFormatter}) unless tcpdump's own port order hands the datagram to another printer first, else
 * {@code UDP, length N} (tcpdump -q never decodes by port). Other ports tcpdump decodes (NTP, syslog, BFD,
 * Geneve, ...) are not decoded here; RoCEv2 (4791) prints what tcpdump prints for it. IPv6 checksums are
 * verified with -v as tcpdump does, IPv4 ones with -vv.
 */
final class UdpFormatter {
    private static final int HEADER = 8;
    private static final int PROTOCOL = 17;
    private static final int DNS = 53, MDNS = 5353, VXLAN = 4789, NFS = 2049;
    /** Ports print-udp.c tries before VXLAN's, on either side (137/138: NetBIOS, when tcpdump has SMB printing). */
    private static final int[] BEFORE_VXLAN = {53, 5353, 525, 69, 68, 67, 520, 654, 500, 4500, 7500, 8500, 161, 162,
        123, 88, 750, 1701, 137, 138, 2103, 2104, 521, 546, 547, 5359, 6696, 6697, 8231, 496, 1645, 1812, 1646, 1813,
        1700, 3799, 921, 646, 698, 3503, 701, 1589, 6343, 12223, 12222, 5060, 514, 8472};
    /** ... and those it tries as the destination only (VAT, WB, HSRP, BFD). */
    private static final int[] BEFORE_VXLAN_DESTINATION = {3456, 4567, 1985, 3784, 4784, 6784, 3785};
    private static final int RX_LOW = 7000, RX_HIGH = 7009, BCM_LI_SOURCE = 49152;

    private final Verbosity verbosity;
    private final DnsFormatter dns;
    private final VxlanFormatter vxlan;

    UdpFormatter(Verbosity verbosity, EarlyEnd earlyEnd, VxlanFormatter.InnerEthernet inner) {
        this.verbosity = verbosity;
        this.dns = new DnsFormatter(verbosity, earlyEnd);
        this.vxlan = new VxlanFormatter(earlyEnd, inner);
    }

    /** @param length UDP length per the IP header (header + data) */
    void format(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        int end = ip.end;
        if (off + 4 > end) {
            ip.appendAddresses(out, p);
            out.append("  [|udp]");
            return;
        }
        int sport = p.u16(off), dport = p.u16(off + 2);
        if (length < HEADER) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append("truncated-udp ").append(length);
            return;
        }
        if (off + 6 > end) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append(" [|udp]");
            return;
        }
        int ulen = p.u16(off + 4);
        if (ulen < HEADER) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append("truncated-udplength ").append(ulen);
            return;
        }
        ulen -= HEADER;
        length -= HEADER;
        if (ulen < length) length = ulen;
        ip.appendEndpoints(out, p, sport, dport);
        if (off + HEADER > end) {
            out.append(" [|udp]");
            return;
        }
        // IPv6 (where the checksum is mandatory) from -v, IPv4 from -vv, where a zero checksum means none
        boolean check = ip.v6 ? verbosity.verbose() : verbosity.veryVerbose();
        if (check && !ip.fragmented && !ip.v6 && p.u16(off + 6) == 0) {
            out.append("[no cksum] ");
        } else if (check && !ip.fragmented && off + HEADER + length <= end) {
            long sum = InternetChecksum.add(ip.pseudoHeaderSum(p, PROTOCOL, length + HEADER), p, off, length + HEADER);
            ChecksumText.bracketed(out, "udp", p.u16(off + 6), sum);
        }
        boolean decode = verbosity != Verbosity.QUIET && !nfs(p, off + HEADER, end, sport, dport);
        if (decode && (sport == DNS || dport == DNS || sport == MDNS || dport == MDNS)) {
            dns.format(p, off + HEADER, length, end, false, sport != DNS && dport != DNS, out);
        } else if (decode && (sport == VXLAN || dport == VXLAN) && !decodedBeforeVxlan(sport, dport)) {
            vxlan.format(p, off + HEADER, length, end, out);
        } else if (ulen > length && !ip.fragmented) {
            out.append("UDP, bad length ").append(ulen).append(" > ").append(length);
        } else {
            out.append("UDP, length ").append(ulen);
        }
    }

    /** tcpdump's first look at a datagram: an NFS call to port 2049 or reply from it (RPC direction word). */
    private static boolean nfs(Packet p, int payload, int end, int sport, int dport) {
        if (payload + 8 > end || (sport != NFS && dport != NFS)) return false;
        long direction = p.u32(payload + 4);
        return (dport == NFS && direction == 0) || (sport == NFS && direction == 1);
    }

    private static boolean decodedBeforeVxlan(int sport, int dport) {
        for (int port : BEFORE_VXLAN) if (sport == port || dport == port) return true;
        for (int port : BEFORE_VXLAN_DESTINATION) if (dport == port) return true;
        return (sport >= RX_LOW && sport <= RX_HIGH) || (dport >= RX_LOW && dport <= RX_HIGH) || sport == BCM_LI_SOURCE;
    }
}
