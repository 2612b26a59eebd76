package dev.fabricscope.smc;

/**
 * The outcome of one SMC connection setup (see {@link SmcConnectionSummary}).
 *
 * @param client          "ip:port" of the SYN's sender (without a captured SYN: of the first CLC sender)
 * @param server          "ip:port" of the other end
 * @param outcome         the category
 * @param outcomeText     the one-phrase answer: "SMC-R v1 established", "declined by server: 0x03030000 (...)"
 * @param smcType         "SMC-R" or "SMC-D" from the Accept, null without Accept
 * @param version         CLC version of the Accept, 0 without Accept
 * @param proposedVersion CLC version of the Proposal, 0 without Proposal
 * @param proposedPath    the Proposal's (v1) path name, null without Proposal
 * @param proposedPathV2  an SMCv2 Proposal's v2 path name, else null
 * @param declinedBy      "client" or "server", null without Decline
 * @param declineCode     the Decline's peer diagnosis code, -1 without Decline
 * @param note            why it fell back, what was malformed, or the no-CLC symptom; null when nothing to add
 * @param messages        CLC messages seen
 * @param firstSeenNanos  capture time of the first CLC message, -1 when none
 * @param lastSeenNanos   capture time of the connection's last packet seen
 * @param firstFrame      frame number of the connection's first packet seen
 * @param end             why the connection left the tracker
 */
public record SmcConnectionReport(String client, String server, SmcOutcome outcome, String outcomeText, String smcType,
                                  int version, int proposedVersion, String proposedPath, String proposedPathV2,
                                  String declinedBy, long declineCode, String note, int messages, long firstSeenNanos,
                                  long lastSeenNanos, long firstFrame, ClcFlowEnd end) {

    /** The decline reason's name, null without Decline. */
    public String declineReason() {
        return declineCode < 0 ? null : ClcNames.declineReason(declineCode);
    }

    /** "0x03030000", null without Decline. */
    public String declineCodeHex() {
        return declineCode < 0 ? null : hex(declineCode);
    }

    static String hex(long code) {
        return ClcNames.codeHex(code);
    }

    /** The key under which {@link SmcSummaryTotals#outcomes} counts this connection (decline codes apart). */
    public String outcomeKey() {
        return switch (outcome) {
            case DECLINED -> "declined by " + declinedBy;
            case FELL_BACK -> "fell back to TCP";
            case MALFORMED -> "malformed CLC";
            default -> outcomeText;
        };
    }
}
