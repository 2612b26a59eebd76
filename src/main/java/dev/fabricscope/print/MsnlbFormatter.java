package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Microsoft Network Load Balancing heartbeats (ethertype 0x886f) as tcpdump 4.99's print-msnlb.c: "MS NLB heartbeat,
 * host priority: 1, cluster IP: 10.0.0.10, host IP: 10.0.0.1" (the protocol is undocumented: tcpdump reads these
 * three fields only). Fetches past the capture end the line with " [|msnlb]".
 */
final class MsnlbFormatter {
    static final int ETHERTYPE = 0x886f;
    private static final int HOST_PRIORITY = 8, CLUSTER_IP = 12, HOST_IP = 16;

    private final EarlyEnd earlyEnd;

    MsnlbFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    void format(Packet p, int off, StringBuilder out) {
        out.append("MS NLB heartbeat");
        if (!p.has(off + HOST_PRIORITY, 4)) {
            earlyEnd.mark(out, "msnlb");
            return;
        }
        out.append(", host priority: ").append(Integer.toUnsignedLong(Integer.reverseBytes((int) p.u32(off + HOST_PRIORITY))));
        if (!p.has(off + CLUSTER_IP, 4)) {
            earlyEnd.mark(out, "msnlb");
            return;
        }
        out.append(", cluster IP: ");
        Text.ipv4(out, p, off + CLUSTER_IP);
        if (!p.has(off + HOST_IP, 4)) {
            earlyEnd.mark(out, "msnlb");
            return;
        }
        out.append(", host IP: ");
        Text.ipv4(out, p, off + HOST_IP);
    }
}
