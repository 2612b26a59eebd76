package dev.fabricscope.smc;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.json.Rfc3339;
import java.util.Locale;
import java.util.Map;

/**
 * Text and JSON of {@code fabricscope smc}: one line per {@link SmcConnectionReport}, then the totals.
 * Renders only; JSON field names are stable (listed in {@code SmcSummaryCommand}'s Javadoc).
 */
public final class SmcSummaryFormatter {
    private SmcSummaryFormatter() { }

    /**
     * "2020-01-02T03:04:05.000004Z 10.0.0.1:10001 -> 10.0.0.2:50000: SMC-R v1 established; proposed v1 SMC-R".
     * The time is the first CLC message's, or the last packet's when there was no CLC.
     */
    public static void appendLine(StringBuilder out, SmcConnectionReport r) {
        out.append(Rfc3339.utc(r.firstSeenNanos() >= 0 ? r.firstSeenNanos() : r.lastSeenNanos())).append(' ')
            .append(r.client()).append(" -> ").append(r.server()).append(": ").append(r.outcomeText());
        if (r.outcome() == SmcOutcome.INCOMPLETE && r.note() != null) out.append(": ").append(r.note());
        out.append("; ").append(proposal(r)).append('\n');
    }

    /** "proposed v1 SMC-R", "proposed v2 SMC-R + SMC-D (v1 SMC-D)", "no Proposal". */
    static String proposal(SmcConnectionReport r) {
        if (r.proposedVersion() == 0) return "no Proposal";
        if (r.proposedPathV2() == null) return "proposed v" + r.proposedVersion() + " " + r.proposedPath();
        return "proposed v" + r.proposedVersion() + " " + r.proposedPathV2() + " (v1 " + r.proposedPath() + ")";
    }

    /** One JSON object for a connection. */
    public static void appendJson(StringBuilder out, SmcConnectionReport r) {
        JsonLine j = new JsonLine(out).begin()
            .field("type", "connection")
            .field("client", r.client())
            .field("server", r.server())
            .field("outcome", r.outcome().key())
            .field("outcome_text", r.outcomeText())
            .field("smc_type", r.smcType());
        number(j, "version", r.version());
        j.field("decline_code", r.declineCodeHex())
            .field("decline_reason", r.declineReason())
            .field("declined_by", r.declinedBy());
        number(j, "proposed_version", r.proposedVersion());
        j.field("proposed_path", r.proposedPath())
            .field("proposed_path_v2", r.proposedPathV2())
            .field("note", r.note())
            .field("messages", r.messages())
            .field("first_seen", r.firstSeenNanos() < 0 ? null : Rfc3339.utc(r.firstSeenNanos()))
            .field("last_seen", Rfc3339.utc(r.lastSeenNanos()))
            .field("first_frame", r.firstFrame())
            .field("end", end(r.end()))
            .end();
    }

    private static void number(JsonLine j, String name, int value) {
        if (value > 0) j.field(name, value);
        else j.field(name, (String) null);
    }

    static String end(ClcFlowEnd end) {
        return switch (end) {
            case NOT_ECHOED, DECIDED -> "decided";
            case FIN -> "fin";
            case RST -> "rst";
            case IDLE -> "idle_timeout";
            case CAPACITY -> "table_full";
            case END_OF_CAPTURE -> "capture_end";
        };
    }

    /** The final table: connections, outcomes counted, decline reasons counted. */
    public static void appendTable(StringBuilder out, SmcSummaryTotals t) {
        out.append('\n').append(t.connections()).append(t.connections() == 1 ? " SMC connection" : " SMC connections");
        out.append(" (declined by server: ").append(t.declinedByServer()).append(", by client: ")
            .append(t.declinedByClient()).append(")\n");
        out.append("Outcomes:\n");
        out.append(String.format(Locale.ROOT, "%8s  %s%n", "count", "outcome"));
        for (Map.Entry<String, Long> e : t.outcomes()) {
            out.append(String.format(Locale.ROOT, "%8d  %s%n", e.getValue(), e.getKey()));
        }
        out.append("Decline reasons:\n");
        if (t.declines().isEmpty()) {
            out.append("    none\n");
        } else {
            out.append(String.format(Locale.ROOT, "%8s  %-10s  %s%n", "count", "code", "reason"));
            for (SmcSummaryTotals.DeclineCount d : t.declines()) {
                out.append(String.format(Locale.ROOT, "%8d  %-10s  %s%n", d.count(), d.hex(), d.reason()));
            }
        }
        if (t.notEchoed() > 0) {
            out.append(t.notEchoed()).append(" more SYN(s) offered SMC, but the SYN-ACK did not echo the option "
                + "(server without SMC): plain TCP, not counted above\n");
        }
        if (t.synUnanswered() > 0) {
            out.append(t.synUnanswered()).append(" more SYN(s) offered SMC without a SYN-ACK in the capture: "
                + "not counted above\n");
        }
        if (!t.roceFlows().isEmpty()) {
            out.append("RoCE traffic of SMC-R links (QPs from Accept/Confirm):\n");
            for (SmcrRoceLinks.Endpoint e : t.roceFlows()) SmcrRoceText.appendTotals(out, e);
        }
        if (t.roceFull()) {
            out.append("more than ").append(SmcrRoceLinks.MAX_ENDPOINTS)
                .append(" SMC-R QPs announced: RoCE traffic to later ones is not counted\n");
        }
    }

    /** A {@code roce_flow_totals} object per SMC-R QP that RoCE packets went to (as smc-clc -json), then the summary object. */
    public static void appendJson(StringBuilder out, SmcSummaryTotals t) {
        for (SmcrRoceLinks.Endpoint e : t.roceFlows()) SmcrRoceText.appendTotalsJson(out, e);
        StringBuilder outcomes = new StringBuilder("{");
        for (Map.Entry<String, Long> e : t.outcomes()) {
            if (outcomes.length() > 1) outcomes.append(',');
            StringBuilder one = new StringBuilder();
            new JsonLine(one).begin().field(e.getKey(), e.getValue()).end();
            outcomes.append(one, 1, one.length() - 2);  // the "key":value inside {...}\n
        }
        outcomes.append('}');
        StringBuilder declines = new StringBuilder("[");
        for (SmcSummaryTotals.DeclineCount d : t.declines()) {
            if (declines.length() > 1) declines.append(',');
            new JsonLine(declines).begin().field("code", d.hex()).field("reason", d.reason())
                .field("count", d.count()).end();
            declines.setLength(declines.length() - 1);  // the line break
        }
        declines.append(']');
        new JsonLine(out).begin()
            .field("type", "summary")
            .field("connections", t.connections())
            .raw("outcomes", outcomes)
            .field("declined_by_server", t.declinedByServer())
            .field("declined_by_client", t.declinedByClient())
            .raw("declines", declines)
            .field("smc_option_not_echoed", t.notEchoed())
            .field("syn_without_answer", t.synUnanswered())
            .field("roce_qps_over_limit", t.roceFull())
            .end();
    }
}
