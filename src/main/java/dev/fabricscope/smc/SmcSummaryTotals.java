package dev.fabricscope.smc;

import java.util.List;
import java.util.Map;

/**
 * Counts over all connections of a {@link SmcConnectionSummary}.
 *
 * @param connections      connections reported
 * @param outcomes         {@link SmcConnectionReport#outcomeKey()} to count, most frequent first
 * @param declinedByServer Declines sent by the server
 * @param declinedByClient Declines sent by the client
 * @param declines         decline codes counted, most frequent first (then by code)
 * @param notEchoed        SYNs with the SMC option answered by a SYN-ACK without it (not counted as connections)
 * @param synUnanswered    SYNs with the SMC option without a captured SYN-ACK nor CLC (not counted as connections)
 * @param roceFlows        the QPs announced by SMC-R Accept/Confirm messages that RoCE packets of the capture went
 *                         to, with their counts, in announcement order
 * @param roceFull         more than {@link SmcrRoceLinks#MAX_ENDPOINTS} QPs were announced: later ones not followed
 */
public record SmcSummaryTotals(long connections, List<Map.Entry<String, Long>> outcomes, long declinedByServer,
                               long declinedByClient, List<DeclineCount> declines, long notEchoed,
                               long synUnanswered, List<SmcrRoceLinks.Endpoint> roceFlows,
                               boolean roceFull) {

    /** One decline code and how often it was seen. */
    public record DeclineCount(long code, long count) {
        public String hex() { return code < 0 ? "other" : SmcConnectionReport.hex(code); }
        public String reason() { return code < 0 ? "(more distinct codes than counted one by one)" : ClcNames.declineReason(code); }
    }
}
