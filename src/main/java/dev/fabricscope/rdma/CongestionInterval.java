package dev.fabricscope.rdma;

import java.util.List;

/**
 * Congestion seen in one timeline interval of {@link QpStatsTable}: only intervals where something
 * happened are reported, and only the priorities and QPs that had something.
 *
 * @param startNanos    interval start (packet time, ns since the epoch, a multiple of the interval length)
 * @param intervalNanos interval length
 */
public record CongestionInterval(long startNanos, long intervalNanos, List<PriorityCongestion> priorities,
                                 List<QpCongestion> qps) {
    /**
     * @param priority 0-7 (VLAN PCP, else DSCP / 8), or -1 for 802.3x PAUSE (whole link)
     * @param pfcPauses PFC frames pausing this priority (pause time > 0), or 802.3x PAUSE frames
     * @param pfcResumes PFC frames with pause time 0 for this priority (X-ON)
     */
    public record PriorityCongestion(int priority, long ceMarks, long cnps, long pfcPauses, long pfcResumes) { }

    public record QpCongestion(String src, String dst, int destQp, long ceMarks, long cnps) { }
}
