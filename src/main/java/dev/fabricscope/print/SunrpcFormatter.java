package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ONC-RPC over UDP under tcpdump's {@code -T rpc} (print-udp.c, print-sunrpc.c): by the message's direction, a call
 * as a portmapper call, {@code 10.0.0.1.0x1234 > 10.0.0.2.0x6f: 72 getport 100003.3} (the xid as the source port,
 * 111 as the destination's, the UDP length, the procedure and, for set, unset, getport and call, the program and
 * version; an RPC version other than 2 in brackets), anything else as an NFS reply ({@link NfsFormatter#rpcReply}).
 * The datagram's own endpoints are not printed. A message cut before its direction ends with " [|udp]", a call
 * shorter than its 32-byte header with " [|sunrpc]" (both tcpdump's jumps, {@link EarlyEnd}).
 */
final class SunrpcFormatter {
    private static final int CALL_HEADER = 32;
    private static final int RPC_VERSION = 2;
    private static final int PORTMAPPER_PORT = 111;
    private static final String[] PROCEDURES = {"null", "set", "unset", "getport", "dump", "call"};

    private final EarlyEnd earlyEnd;
    private final NfsFormatter nfs;

    SunrpcFormatter(EarlyEnd earlyEnd, NfsFormatter nfs) {
        this.earlyEnd = earlyEnd;
        this.nfs = nfs;
    }

    /** The message at {@code rp}, {@code length} bytes by the UDP header, in the IP packet {@code ip}. */
    void format(Packet p, IpContext ip, int rp, long length, StringBuilder out) {
        int end = ip.end;
        if (rp + 8 > end) {
            earlyEnd.mark(out, "udp");
            return;
        }
        if (p.u32(rp + 4) != 0) {
            nfs.rpcReply(p, ip, rp, length, end, out);
            return;
        }
        if (rp + CALL_HEADER > end) {
            earlyEnd.mark(out, "sunrpc");
            return;
        }
        ip.appendAddress(out, p, ip.srcOffset);
        out.append(".0x");
        Text.hex(out, p.u32(rp));
        out.append(" > ");
        ip.appendAddress(out, p, ip.dstOffset);
        out.append(".0x");
        Text.hex(out, PORTMAPPER_PORT);
        Text.u32(out.append(": "), length);
        long procedure = p.u32(rp + 20);
        if (procedure < PROCEDURES.length) out.append(' ').append(PROCEDURES[(int) procedure]);
        else Text.u32(out.append("  proc #"), procedure);   // tok2str's " proc #%u" after " %s"
        long version = p.u32(rp + 8);
        if (version != RPC_VERSION) {
            Text.u32(out.append(" [rpcver "), version);
            out.append(']');
        }
        if (procedure == 1 || procedure == 2 || procedure == 3 || procedure == 5) {
            Text.u32(out.append(' '), p.u32(rp + 12));
            Text.u32(out.append('.'), p.u32(rp + 16));
        }
    }
}
