package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LINKTYPE_VSOCK (Linux vsock monitor, vsockmon) as tcpdump's vsock_if_print: the 32-byte little-endian
 * af_vsockmon header (source and destination CID and port, operation, transport, transport header length), with -v
 * the virtio transport header after it, with -vv a PAYLOAD's bytes.
 */
final class VsockFormatter {
    static final int HEADER = 32;
    private static final int TRANSPORT_VIRTIO = 2, VIRTIO_HEADER = 44;
    private static final int OP_PAYLOAD = 4;
    private static final String[] TRANSPORTS = {"UNKNOWN", "NO_INFO", "VIRTIO"};
    private static final String[] OPS = {"UNKNOWN", "CONNECT", "DISCONNECT", "CONTROL", "PAYLOAD"};
    private static final String[] VIRTIO_OPS = {"INVALID", "REQUEST", "RESPONSE", "RST", "SHUTDOWN", "RW",
        "CREDIT UPDATE", "CREDIT REQUEST"};

    private final Verbosity verbosity;

    VsockFormatter(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    /** Prints the packet; returns the link-level bytes tcpdump counts for -x: the header, or what was captured. */
    int format(Packet p, StringBuilder out) {
        int capLen = p.capLen();
        if (capLen < HEADER) {
            out.append(" [|vsock]");
            return capLen;
        }
        int transport = p.le16(26);
        if (transport < TRANSPORTS.length) out.append(TRANSPORTS[transport]);
        else out.append("Invalid transport (").append(transport).append(')');
        int transportLength = transport == TRANSPORT_VIRTIO ? VIRTIO_HEADER : 0;
        boolean cut = verbosity.verbose() && capLen < HEADER + transportLength;   // only -v looks at it
        if (verbosity.verbose()) {
            if (!cut) {
                if (transport == TRANSPORT_VIRTIO) virtio(p, HEADER, out);
                out.append("\n\t");
            }   // tcpdump writes no separator when the transport header is cut
        } else {
            out.append(' ');
        }
        Text.u64(out, le64(p, 0));
        out.append('.').append(p.le32(16)).append(" > ");
        Text.u64(out, le64(p, 8));
        out.append('.').append(p.le32(20)).append(' ');
        int op = p.le16(24);
        if (op < OPS.length) out.append(OPS[op]);
        else out.append(" invalid op (").append(op).append(')');
        out.append(", length ").append(capLen);   // the captured length, as tcpdump prints it
        if (cut) {
            out.append(" [|vsock]");
        } else if (verbosity.veryVerbose() && op == OP_PAYLOAD) {
            int from = HEADER + transportLength;
            if (capLen > from) {
                out.append('\n');
                HexDump.hex(p, from, capLen - from, "\t", out);   // print_unknown_data: no newline between lines
            } else {
                out.append(" [|vsock]");
            }
        }
        return HEADER;
    }

    /** vsock_virtio_hdr_print: " (len L, type T, op O, flags F, buf_alloc B, fwd_cnt C)". */
    private static void virtio(Packet p, int off, StringBuilder out) {
        out.append(" (len ").append(p.le32(off + 24));
        int type = p.le16(off + 28);
        out.append(", type ");
        if (type == 1) out.append("STREAM");
        else out.append("Invalid type (").append(type).append(')');
        int op = p.le16(off + 30);
        out.append(", op ");
        if (op < VIRTIO_OPS.length) out.append(VIRTIO_OPS[op]);
        else out.append("Invalid op (").append(op).append(')');
        out.append(", flags ");
        Text.hex(out, p.le32(off + 32));
        out.append(", buf_alloc ").append(p.le32(off + 36)).append(", fwd_cnt ").append(p.le32(off + 40)).append(')');
    }

    private static long le64(Packet p, int off) {
        return p.le32(off) | p.le32(off + 4) << 32;
    }
}
