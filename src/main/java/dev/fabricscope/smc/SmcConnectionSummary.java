package dev.fabricscope.smc;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.tcp.TcpFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The decoder behind {@code fabricscope smc}: answers "why did SMC fall back?" with one
 * {@link SmcConnectionReport} per connection, handed out when the {@link ClcTracker} stops following it
 * (decided, closed, evicted, or at the end of the capture), then {@link SmcSummaryTotals}.
 *
 * <p>Outcome rules, first match wins: a Decline (by the side that sent it, with its peer diagnosis); an
 * Accept followed by a Confirm ("SMC-R v1 established": type and version of the Accept); the tracker's
 * "SMC option echoed, no CLC" report; a message that could not be framed or decoded; the capture ended
 * ("incomplete"); otherwise the connection went on as TCP ("fell back", with the step that was missing).
 *
 * <p>State is held only for connections the tracker follows, so memory is bounded by its flow table.
 */
public final class SmcConnectionSummary implements ClcListener {
    /** Distinct decline codes counted one by one; beyond, codes from garbage would only grow the table. */
    static final int MAX_DECLINE_CODES = 4096;
    static final long OTHER_CODES = -1;

    private final ClcTracker tracker = new ClcTracker(this);
    /** QPs announced by SMC-R Accept/Confirm, and the RoCE packets to them (counted, reported in the totals). */
    private final SmcrRoceLinks roceLinks = new SmcrRoceLinks(endpoint -> { });
    private final Consumer<SmcConnectionReport> reports;
    private final Map<TcpFlow<?>, Connection> open = new IdentityHashMap<>();
    private final Map<String, Long> outcomes = new HashMap<>();
    private final Map<Long, Long> declines = new HashMap<>();
    private long connections, declinedByServer, declinedByClient, notEchoed, synUnanswered;

    /** Per-connection facts gathered from the messages. */
    private static final class Connection {
        final String client;
        final String server;
        int messages;
        long firstSeen = -1;
        int proposedVersion;
        int proposedPath = -1;
        int proposedPathV2 = -1;
        String smcType;
        int acceptVersion;
        boolean confirmAfterAccept;
        boolean confirmBeforeAccept;
        int declinedBy = -1;
        long declineCode = -1;
        String noClc;
        String problem;

        Connection(TcpFlow<?> flow) {
            client = endpoint(flow, 0);
            server = endpoint(flow, 1);
        }
    }

    public SmcConnectionSummary(Consumer<SmcConnectionReport> reports) {
        this.reports = reports;
    }

    /** One packet, already dissected into {@code layers}. */
    public void packet(Packet packet, Layers layers) {
        tracker.packet(packet, layers);
        if (layers.ibBthOffset >= 0) roceLinks.packet(packet, layers);
    }

    /** End of the capture: reports the connections still open, then returns the totals. */
    public SmcSummaryTotals finish() {
        tracker.finish();
        List<Map.Entry<String, Long>> byOutcome = new ArrayList<>(outcomes.entrySet());
        byOutcome.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<SmcSummaryTotals.DeclineCount> byCode = new ArrayList<>();
        declines.forEach((code, n) -> byCode.add(new SmcSummaryTotals.DeclineCount(code, n)));
        byCode.sort(Comparator.comparingLong(SmcSummaryTotals.DeclineCount::count).reversed()
            .thenComparingLong(SmcSummaryTotals.DeclineCount::code));
        List<SmcrRoceLinks.Endpoint> roceFlows = roceLinks.endpoints().stream().filter(e -> e.packets() > 0).toList();
        return new SmcSummaryTotals(connections, List.copyOf(byOutcome), declinedByServer, declinedByClient,
            List.copyOf(byCode), notEchoed, synUnanswered, roceFlows, roceLinks.full());
    }

    private Connection connection(TcpFlow<?> flow) {
        return open.computeIfAbsent(flow, Connection::new);
    }

    @Override
    public void message(TcpFlow<?> flow, int direction, byte[] bytes, int offset, int length, long timestampNanos,
                        long frameNumber) {
        Connection c = connection(flow);
        c.messages++;
        if (c.firstSeen < 0) c.firstSeen = timestampNanos;
        switch (ClcParser.parse(bytes, offset, length)) {
            case ClcParseResult.Parsed(ClcMessage m) -> {
                learn(c, direction, m);
                if (m instanceof ClcAcceptConfirmSmcr smcr) roceLinks.announce(smcr, flow, direction, frameNumber);
            }
            case ClcParseResult.Failed(String reason, int claimed) -> {
                if (c.problem == null) c.problem = reason + " (frame " + frameNumber + ")";
            }
        }
    }

    private static void learn(Connection c, int direction, ClcMessage m) {
        ClcHeader h = m.header();
        switch (m) {
            case ClcProposalV1 p -> proposal(c, h, -1);
            case ClcProposalV2 p -> proposal(c, h, h.pathv2());
            case ClcAcceptConfirmSmcr a -> acceptOrConfirm(c, h, "SMC-R");
            case ClcAcceptConfirmSmcd a -> acceptOrConfirm(c, h, "SMC-D");
            case ClcDecline d -> {
                if (c.declinedBy < 0) {
                    c.declinedBy = direction;
                    c.declineCode = d.peerDiagnosis();
                }
            }
        }
    }

    private static void proposal(Connection c, ClcHeader h, int pathV2) {
        if (c.proposedVersion != 0) return;
        c.proposedVersion = h.version();
        c.proposedPath = h.path();
        c.proposedPathV2 = pathV2;
    }

    private static void acceptOrConfirm(Connection c, ClcHeader h, String type) {
        if (h.type() == ClcHeader.TYPE_ACCEPT) {
            if (c.smcType == null) {
                c.smcType = type;
                c.acceptVersion = h.version();
            }
        } else if (c.smcType != null) {
            c.confirmAfterAccept = true;
        } else {
            c.confirmBeforeAccept = true;
        }
    }

    @Override
    public void malformed(TcpFlow<?> flow, int direction, String reason, long timestampNanos, long frameNumber) {
        Connection c = connection(flow);
        if (c.problem == null) c.problem = reason + " (frame " + frameNumber + ")";
    }

    @Override
    public void noClc(TcpFlow<?> flow, String reason, long timestampNanos) {
        connection(flow).noClc = reason;
    }

    @Override
    public void ended(TcpFlow<?> flow, ClcFlowEnd why, long timestampNanos) {
        Connection c = open.remove(flow);
        if (c == null) {
            if (why == ClcFlowEnd.NOT_ECHOED) {
                notEchoed++;
                return;
            }
            if (!flow.synAckSeen()) {
                synUnanswered++;
                return;
            }
            c = new Connection(flow);
        }
        SmcConnectionReport r = report(c, flow, why, timestampNanos);
        connections++;
        outcomes.merge(r.outcomeKey(), 1L, Long::sum);
        if (r.outcome() == SmcOutcome.DECLINED) {
            if (c.declinedBy == 0) declinedByClient++;
            else declinedByServer++;
            long key = declines.containsKey(c.declineCode) || declines.size() < MAX_DECLINE_CODES ? c.declineCode
                : OTHER_CODES;
            declines.merge(key, 1L, Long::sum);
        }
        reports.accept(r);
    }

    private static SmcConnectionReport report(Connection c, TcpFlow<?> flow, ClcFlowEnd why, long lastSeen) {
        SmcOutcome outcome;
        String text;
        String note = null;
        String declinedBy = c.declinedBy < 0 ? null : c.declinedBy == 0 ? "client" : "server";
        if (c.declinedBy >= 0) {
            outcome = SmcOutcome.DECLINED;
            text = "declined by " + declinedBy + ": " + SmcConnectionReport.hex(c.declineCode) + " ("
                + ClcNames.declineReason(c.declineCode) + ")";
        } else if (c.confirmAfterAccept) {
            outcome = SmcOutcome.ESTABLISHED;
            text = c.smcType + " v" + c.acceptVersion + " established";
        } else if (c.noClc != null) {
            outcome = SmcOutcome.NO_CLC;
            text = c.noClc;
        } else if (c.problem != null) {
            outcome = SmcOutcome.MALFORMED;
            text = "malformed CLC: " + c.problem;
        } else if (why == ClcFlowEnd.END_OF_CAPTURE) {
            outcome = SmcOutcome.INCOMPLETE;
            text = "incomplete (capture ended)";
            note = missingStep(c);
        } else {
            outcome = SmcOutcome.FELL_BACK;
            note = missingStep(c);
            text = "fell back to TCP: " + note;
        }
        if (note == null && outcome != SmcOutcome.MALFORMED && c.problem != null) note = c.problem;
        return new SmcConnectionReport(c.client, c.server, outcome, text, c.smcType, c.acceptVersion,
            c.proposedVersion, c.proposedPath < 0 ? null : ClcHeader.pathName(c.proposedPath),
            c.proposedPathV2 < 0 ? null : ClcHeader.pathName(c.proposedPathV2), declinedBy, c.declineCode, note,
            c.messages, c.firstSeen, lastSeen, flow.firstFrame(), why);
    }

    /** The step of Proposal / Accept / Confirm that did not happen. */
    private static String missingStep(Connection c) {
        if (c.messages == 0) return "no CLC message";
        if (c.confirmBeforeAccept) return "Confirm before the Accept";
        if (c.smcType != null) return "no Confirm after the Accept";
        if (c.proposedVersion != 0) return "no answer to the Proposal";
        return "no Proposal";
    }

    /** "10.0.0.1:10001" (IPv6 as Go prints it, without brackets, as smc-clc). */
    private static String endpoint(TcpFlow<?> flow, int endpoint) {
        return SmcClcFormatter.endpoint(flow.address(endpoint), flow.port(endpoint));
    }
}
