package dev.fabricscope.print;

/**
 * Which printer tcpdump 4.99 hands a TCP payload to, by port (print-tcp.c's chain of checks, in its order: the first
 * match wins, so a segment between ports 22 and 80 is SSH's). We print some of them; the rest are
 * {@link Decoder#UNSUPPORTED} and print nothing after the TCP header fields.
 */
final class TcpPorts {
    private TcpPorts() { }

    enum Decoder { TELNET, SMTP, WHOIS, BGP, PPTP, RESP, SSH, BEEP, OPENFLOW, FTP, HTTP, RTSP, DNS, MSDP, RPKI_RTR, LDP, NFS,
        UNSUPPORTED, NONE,
        /** Only by -T ({@link PacketType}). */
        ZMTP1 }

    /** Telnet first; after SMTP, whois and BGP: PPTP; after RESP: SSH, NetBIOS, SMB, BEEP, OpenFlow. */
    private static final int TELNET = TelnetFormatter.PORT;
    private static final int REDIS = 6379;
    /** SSH comes first of those after RESP; NetBIOS and SMB stay undecoded (Debian's tcpdump has no SMB); BEEP. */
    private static final int SSH = 22;
    private static final int[] BEFORE_BEEP = {139, 445};
    private static final int BEEP = 10288;
    /** After DNS: MSDP, RPKI-RTR, LDP, then NFS (see decoder). */
    private static final int NFS = NfsFormatter.PORT;

    static Decoder decoder(int sport, int dport) {
        if (either(sport, dport, TELNET)) return Decoder.TELNET;
        if (either(sport, dport, 25)) return Decoder.SMTP;
        if (either(sport, dport, 43)) return Decoder.WHOIS;
        if (either(sport, dport, BgpFormatter.PORT)) return Decoder.BGP;
        if (either(sport, dport, PptpFormatter.PORT)) return Decoder.PPTP;
        if (either(sport, dport, REDIS)) return Decoder.RESP;
        if (either(sport, dport, SSH)) return Decoder.SSH;
        for (int port : BEFORE_BEEP) if (either(sport, dport, port)) return Decoder.UNSUPPORTED;
        if (either(sport, dport, BEEP)) return Decoder.BEEP;
        if (either(sport, dport, OpenflowFormatter.PORT_OLD) || either(sport, dport, OpenflowFormatter.PORT_IANA)) {
            return Decoder.OPENFLOW;
        }
        if (either(sport, dport, 21)) return Decoder.FTP;
        if (either(sport, dport, 80) || either(sport, dport, 8080)) return Decoder.HTTP;
        if (either(sport, dport, 554) || either(sport, dport, 8554)) return Decoder.RTSP;
        if (either(sport, dport, 53)) return Decoder.DNS;
        if (either(sport, dport, MsdpFormatter.PORT)) return Decoder.MSDP;
        if (either(sport, dport, RpkiRtrFormatter.PORT)) return Decoder.RPKI_RTR;
        if (either(sport, dport, LdpFormatter.PORT)) return Decoder.LDP;
        return either(sport, dport, NFS) ? Decoder.NFS : Decoder.NONE;
    }

    private static boolean either(int sport, int dport, int port) {
        return sport == port || dport == port;
    }
}
