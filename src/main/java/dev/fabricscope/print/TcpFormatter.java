package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * A TCP segment as {@code tcpdump -n} prints it: sequence numbers relative to each conversation's first
 * (see {@link TcpSequenceBases}), or absolute as with {@code -S} when built without bases. Payloads go where
 * tcpdump sends them by port ({@link TcpPorts}): DNS ({@link DnsFormatter}), Redis ({@link RespFormatter}), HTTP,
 * RTSP, FTP, SMTP and whois ({@link TextProtocolFormatter}), BGP ({@link BgpFormatter}), SSH's identification line
 * ({@link SshFormatter}), LDP ({@link LdpFormatter}), Telnet's commands ({@link TelnetFormatter}), OpenFlow
 * ({@link OpenflowFormatter}), MSDP ({@link MsdpFormatter}), RPKI-RTR ({@link RpkiRtrFormatter}), NFS over RPC
 * ({@link NfsFormatter}), PPTP ({@link PptpFormatter}); with -T zmtp1 ZMTP/1.0 ({@link ZmtpFormatter}); the other
 * protocols tcpdump recognises by port (NetBIOS, ...) are not decoded here.
 */
final class TcpFormatter {
    static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20, ECE = 0x40, CWR = 0x80;
    private static final int HEADER = 20;
    private static final int PROTOCOL = 6;
    /** tcpdump prints at most this many bytes of RST data. */
    private static final int MAX_RST_DATA = 30;

    private final Verbosity verbosity;
    /** -v's checksum check (off with -K). */
    private final boolean verifyChecksums;
    private final EarlyEnd earlyEnd;
    private final TcpOptionsFormatter options;
    private final DnsFormatter dns;
    private final TextProtocolFormatter text;
    private final RespFormatter resp;
    private final SshFormatter ssh;
    private final BgpFormatter bgp;
    private final LdpFormatter ldp;
    private final TelnetFormatter telnet;
    private final OpenflowFormatter openflow;
    private final MsdpFormatter msdp;
    private final RpkiRtrFormatter rpkiRtr;
    private final NfsFormatter nfs;
    /** With -T zmtp1 only. */
    private final ZmtpFormatter zmtp;
    private final PptpFormatter pptp;
    /** Null with -S (absolute numbers). */
    private final TcpSequenceBases bases;
    /** -T's type (its TCP printer, if any, replaces the choice by port), or null. */
    private final PacketType forced;

    /**
     * @param inner prints the multicast packet an MSDP Source-Active message carries, and OpenFlow 1.0's Ethernet
     *              frames
     * @param nfs   NFS calls to 2049 and replies from it (its xid map shared with UDP's)
     */
    TcpFormatter(PrintSettings settings, EarlyEnd earlyEnd, Encapsulated inner, NfsFormatter nfs) {
        Verbosity verbosity = settings.verbosity();
        this.verbosity = verbosity;
        this.verifyChecksums = settings.verifyChecksums();
        this.forced = settings.forced();
        this.earlyEnd = earlyEnd;
        this.options = new TcpOptionsFormatter(earlyEnd, settings.tcpSignatureSecret());
        this.dns = new DnsFormatter(verbosity, earlyEnd);
        this.text = new TextProtocolFormatter(verbosity, earlyEnd);
        this.resp = new RespFormatter(earlyEnd);
        this.ssh = new SshFormatter(earlyEnd);
        this.bgp = new BgpFormatter(verbosity, settings.bgpAsdot(), earlyEnd);
        this.ldp = new LdpFormatter(verbosity, earlyEnd);
        this.telnet = new TelnetFormatter(settings.hexAsciiDump() && verbosity.mostVerbose(), earlyEnd);
        this.openflow = new OpenflowFormatter(verbosity, earlyEnd, inner);
        this.msdp = new MsdpFormatter(verbosity, earlyEnd, inner);
        this.rpkiRtr = new RpkiRtrFormatter(verbosity, earlyEnd);
        this.pptp = new PptpFormatter(verbosity, earlyEnd);
        this.zmtp = forced == PacketType.ZMTP1 ? new ZmtpFormatter(verbosity, earlyEnd) : null;
        this.nfs = nfs;
        this.bases = settings.relativeSequenceNumbers() ? new TcpSequenceBases() : null;
    }

    /**
     * @param off    start of the TCP header
     * @param length TCP length per the IP header (header + data), unsigned 32 bits as tcpdump's (an IPv6 jumbo
     *               payload's can pass 2^31)
     */
    void format(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        int end = ip.end;
        if (off + 4 > end) {
            ip.appendAddresses(out, p);
            out.append(" [|tcp]");
            return;
        }
        int sport = p.u16(off), dport = p.u16(off + 2);
        ip.appendEndpoints(out, p, sport, dport);
        if (off + HEADER > end) {
            out.append(" [|tcp]");
            return;
        }
        int hlen = (p.u8(off + 12) >>> 4) * 4;
        if (hlen < HEADER) {
            out.append(" tcp ");
            Text.u32(out, length - hlen);
            out.append(" [bad hdr length ").append(hlen).append(" - too short, < 20]");
            return;
        }
        if (verbosity == Verbosity.QUIET) {
            out.append("tcp ");
            Text.u32(out, length - hlen);
            if (Integer.compareUnsigned(hlen, length) > 0) tooLong(out, hlen, length);
            return;
        }
        int flags = p.u8(off + 13);
        out.append("Flags [");
        appendFlags(out, flags);
        out.append(']');
        long seq = p.u32(off + 4);
        long ack = p.u32(off + 8);
        long sackBase = 0;
        if (bases != null && (flags & ACK) != 0) {
            // before the length checks below, as tcpdump: a packet that prints no numbers still sets the bases
            bases.relate(p, ip, sport, dport, seq, ack, (flags & SYN) != 0);
            seq = bases.seq;
            ack = bases.ack;
            sackBase = bases.sackBase();
        }
        if (Integer.compareUnsigned(hlen, length) > 0) {
            tooLong(out, hlen, length);
            return;
        }
        if (verbosity.verbose() && verifyChecksums && !ip.fragmented && (long) off + Integer.toUnsignedLong(length) <= end) {
            int stored = p.u16(off + 16);
            long sum = InternetChecksum.add(ip.pseudoHeaderSum(p, PROTOCOL, length), p, off, length);
            out.append(", cksum 0x");
            Text.hex(out, stored, 4);
            if (InternetChecksum.verifies(sum)) {
                out.append(" (correct)");
            } else {
                out.append(" (incorrect -> 0x");
                Text.hex(out, InternetChecksum.shouldBe(stored, sum), 4);
                out.append(')');
            }
        }
        int dataLength = length - hlen;   // unsigned, as length
        if (dataLength != 0 || (flags & (SYN | FIN | RST)) != 0 || verbosity.veryVerbose()) {
            out.append(", seq ");
            Text.u32(out, seq);
            if (dataLength != 0) Text.u32(out.append(':'), seq + Integer.toUnsignedLong(dataLength));
        }
        if ((flags & ACK) != 0) Text.u32(out.append(", ack "), ack);
        out.append(", win ").append(p.u16(off + 14));
        if ((flags & URG) != 0) out.append(", urg ").append(p.u16(off + 18));
        if (hlen > HEADER
                && !options.format(p, ip, off, hlen - HEADER, end, flags,
                (int) Math.min(Integer.MAX_VALUE, off + Integer.toUnsignedLong(length)), sackBase, out)) {
            return;
        }
        out.append(", length ").append(Integer.toUnsignedLong(dataLength));
        if (dataLength == 0) return;
        int unsigned = dataLength;   // for the payload printers that take it as tcpdump's u_int (DNS, text)
        dataLength = UnsignedLength.clamped(dataLength);   // past 2^31: the other payload printers take an int
        if (off + hlen > end) {
            // only after an eol: the options loop stops there without reaching the end of the header
            out.append(" [remaining caplen(").append(Math.max(0, end - off)).append(") < header length(").append(hlen)
                .append(")]");
            earlyEnd.mark(out, hlen > HEADER ? options.protocol() : "tcp");
            return;
        }
        if ((flags & RST) != 0 && verbosity.verbose()) {
            rstData(p, off + hlen, dataLength, end, out);
        } else {
            if (forced == null) {
                TcpPorts.Decoder decoder = TcpPorts.decoder(sport, dport);
                if (decoder == TcpPorts.Decoder.NFS) nfs(p, ip, off + hlen, dataLength, end, sport, dport, out);
                else payload(p, off + hlen, dataLength, unsigned, end, decoder, out);
            } else if (forced.tcp != null) {
                payload(p, off + hlen, dataLength, unsigned, end, forced.tcp, out);
            }
        }
    }

    /** The payload printers of tcpdump that we have, chosen by port in its order. */
    private void payload(Packet p, int off, int length, int unsigned, int end, TcpPorts.Decoder decoder,
                         StringBuilder out) {
        switch (decoder) {
            case DNS -> dns.format(p, off, unsigned, end, true, false, out);
            case RESP -> resp.format(p, off, unsigned, end, out);   // tcpdump passes it on as an int: negative past 2^31
            case SSH -> ssh.format(p, off, length, end, out);
            case BGP -> bgp.format(p, off, end, out);
            case MSDP -> msdp.format(p, off, length, end, out);
            case RPKI_RTR -> rpkiRtr.format(p, off, length, end, out);
            case LDP -> ldp.format(p, off, length, end, out);
            case TELNET -> telnet.format(p, off, length, end, out);
            case OPENFLOW -> openflow.format(p, off, length, end, out);
            case HTTP -> text(p, off, unsigned, end, TextProtocolFormatter.Protocol.HTTP, out);
            case RTSP -> text(p, off, unsigned, end, TextProtocolFormatter.Protocol.RTSP, out);
            case FTP -> text(p, off, unsigned, end, TextProtocolFormatter.Protocol.FTP, out);
            case SMTP -> text(p, off, unsigned, end, TextProtocolFormatter.Protocol.SMTP, out);
            case WHOIS -> text(p, off, unsigned, end, TextProtocolFormatter.Protocol.WHOIS, out);
            case ZMTP1 -> zmtp.tcp(p, off, length, end, out);
            case PPTP -> pptp.format(p, off, end, out);
            case BEEP -> beep(p, off, length, end, out);
            default -> { }
        }
    }

    private static final byte[][] BEEP_KEYWORDS = {{'M', 'S', 'G', 0}, {'R', 'P', 'Y', ' '}, {'E', 'R', 'R', ' '},
        {'A', 'N', 'S', ' '}, {'N', 'U', 'L', ' '}, {'S', 'E', 'Q', ' '}, {'E', 'N', 'D', 0}};

    /**
     * BEEP (RFC 3080) as tcpdump's beep_print: the frame's keyword, or "(payload or undecoded)". tcpdump compares 4
     * bytes with "MSG" and "END", their C string's NUL included, so only a NUL after those two matches.
     */
    private static void beep(Packet p, int off, int length, int end, StringBuilder out) {
        out.append(" BEEP ");
        if (length >= 4 && off + 4 <= end) {
            for (byte[] keyword : BEEP_KEYWORDS) {
                if (p.u8(off) == keyword[0] && p.u8(off + 1) == keyword[1] && p.u8(off + 2) == keyword[2]
                        && p.u8(off + 3) == keyword[3]) {
                    out.append((char) keyword[0]).append((char) keyword[1]).append((char) keyword[2]);
                    return;
                }
            }
        }
        out.append("(payload or undecoded)");
    }

    /**
     * An RPC record on the NFS port: the message after the record marker, its length the marker's clipped to the
     * segment (tcpdump looks at the first record only, and only at a segment that starts one).
     */
    private void nfs(Packet p, IpContext ip, int off, int length, int end, int sport, int dport, StringBuilder out) {
        if (length < 4 || off + 4 > end) return;
        long fragment = p.u32(off) & 0x7fffffffL;
        if (fragment > length - 4) fragment = length - 4;
        nfs.format(p, ip, off + 4, fragment, end, sport, dport, ": ", out);
    }

    /** tcpdump prints ": " before each text protocol's own name. */
    private void text(Packet p, int off, int length, int end, TextProtocolFormatter.Protocol protocol, StringBuilder out) {
        text.format(p, off, length, end, protocol, out.append(": "));
    }

    private static void tooLong(StringBuilder out, int hlen, int length) {
        out.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(Integer.toUnsignedLong(length))
            .append(']');
    }

    /** Flag letters in tcpdump's order (F S R P . U E W), or "none". */
    static void appendFlags(StringBuilder out, int flags) {
        if (flags == 0) {
            out.append("none");
            return;
        }
        if ((flags & FIN) != 0) out.append('F');
        if ((flags & SYN) != 0) out.append('S');
        if ((flags & RST) != 0) out.append('R');
        if ((flags & PSH) != 0) out.append('P');
        if ((flags & ACK) != 0) out.append('.');
        if ((flags & URG) != 0) out.append('U');
        if ((flags & ECE) != 0) out.append('E');
        if ((flags & CWR) != 0) out.append('W');
    }

    /** RFC 1122 4.2.2.12 text in a RST, as tcpdump -v shows it: " [RST text]", "!" when not all captured. */
    private static void rstData(Packet p, int off, int length, int end, StringBuilder out) {
        out.append((long) off + length <= end ? " [RST" : " [!RST");   // long: a jumbogram's length is 2^31 - 1 here
        if (length > MAX_RST_DATA) {
            length = MAX_RST_DATA;
            out.append('+');
        }
        out.append(' ');
        for (int i = 0; i < length && off + i < end; i++) Text.printableChar(out, p.u8(off + i));
        out.append(']');
    }
}
