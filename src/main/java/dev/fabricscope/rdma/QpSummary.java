package dev.fabricscope.rdma;

import java.util.List;

/**
 * Health of one (source, destination, destination QP) flow: everything sent to that QP. Replies go to the
 * other side's QP and so are another row: the NAKs, RNR-NAKs and CNPs a row counts are the ones its
 * destination QP <em>received</em>: for NAKs, the requester QP that they acknowledge; for CNPs, the QP being
 * throttled (the sender of the congested flow).
 *
 * @param src          source address as text (IPv4, IPv6 or, native IB without GRH, "lid N")
 * @param dst          destination address, same form
 * @param destQp       BTH destination QP
 * @param opcodes      BTH opcode → packets, in order of first appearance (at most 8; the rest in {@code otherOpcodes})
 * @param psnGaps      request PSN jumps forward (loss before the capture point, or reordering)
 * @param psnSkipped   PSNs skipped by those jumps
 * @param duplicates   request PSNs seen again (retransmissions)
 * @param outOfOrder   request PSNs arriving after a later one (filling a gap)
 * @param nakCodes     NAKs by code: PSN sequence error, invalid request, remote access error, remote
 *                     operational error, invalid RD request
 * @param ceMarks      packets with ECN CE (congestion experienced)
 * @param cnps         CNPs (BTH opcode 0x81; 0x80 too) received for this QP
 * @param dscp         DSCP values seen, ascending
 * @param priority     last 802.1p priority (VLAN PCP), else DSCP / 8, -1 when unknown
 * @param firstNanos   packet time of the first packet (ns since the epoch)
 * @param lastNanos    packet time of the last packet
 */
public record QpSummary(String src, String dst, int destQp, long packets, long bytes, List<OpcodeCount> opcodes,
                        long otherOpcodes, long psnGaps, long psnSkipped, long duplicates, long outOfOrder,
                        long acks, long naks, long rnrNaks, List<Long> nakCodes, long ceMarks, long cnps,
                        List<Integer> dscp, int priority, long firstNanos, long lastNanos) {
    public record OpcodeCount(int opcode, long packets) { }

    /**
     * Worst-first rank: 1000 × (NAKs + RNR-NAKs) + 100 × (PSN gaps + duplicates + out-of-order) + 10 × CNPs +
     * CE marks. Transport errors first, then loss/retransmission, then congestion signals.
     */
    public long score() {
        return 1000 * (naks + rnrNaks) + 100 * (psnGaps + duplicates + outOfOrder) + 10 * cnps + ceMarks;
    }
}
