package dev.fabricscope.lacp;

import java.util.List;

/**
 * What {@link LagHealthAnalyzer#finish} knows at the end of the input (faults went to the consumer).
 *
 * @param links          one entry per end of every link, in the order links were first heard
 * @param timelines      per link, its ends' state changes in time order
 * @param interfaces     capture interfaces that carried LACP
 * @param firstNanos     packet time of the first packet seen
 * @param lastNanos      packet time of the last packet seen
 * @param pdus           LACPDUs analysed
 * @param malformed      slow-protocols frames reported malformed
 * @param ignoredOverCap PDUs of links beyond {@link LagHealthAnalyzer#MAX_LINKS}, not followed
 */
public record LagHealthReport(List<LinkState> links, List<LinkTimeline> timelines, int interfaces, long firstNanos,
                              long lastNanos, long pdus, long malformed, long ignoredOverCap) {

    /** One link's state changes ({@code dropped} more beyond the cap). */
    public record LinkTimeline(int interfaceId, String interfaceName, List<TimelineEntry> entries, int dropped) { }

    /** True when no link had both of its ends' PDUs captured. */
    public boolean oneSided() {
        return !links.isEmpty() && links.stream().noneMatch(LinkState::peerHeard);
    }
}
