package dev.fabricscope.lacp;

import static dev.fabricscope.json.Rfc3339.utcWithFraction;

import dev.fabricscope.json.JsonLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text and JSON of {@code fabricscope lacp health}: the LAGs with their links, the faults, a verdict. Renders
 * only; JSON field names are stable (listed in {@code LacpHealthCommand}'s Javadoc).
 */
public final class LagHealthFormatter {
    private LagHealthFormatter() { }

    private static String mac(long mac) {
        return mac < 0 ? null : LacpPortInfo.formatMac(mac);
    }

    /** How a link is named: its interface in a multi-interface capture, else its MAC pair. */
    static String linkName(LagHealthReport r, int interfaceId, String interfaceName, long mac, long peerMac) {
        if (r.interfaces() > 1 && !interfaceName.isEmpty()) return interfaceName;
        return LacpPortInfo.formatMac(mac) + " <-> " + (peerMac < 0 ? "?" : LacpPortInfo.formatMac(peerMac));
    }

    private static String linkName(LagHealthReport r, LinkState s) {
        return linkName(r, s.interfaceId(), s.interfaceName(), s.mac(), s.peerMac());
    }

    /** A fault's link; an end not yet heard when it was detected is named from the final state if heard later. */
    private static String linkName(LagHealthReport r, LagFault f) {
        long peer = f.peerMac();
        if (peer < 0) {
            for (LinkState s : r.links()) {
                if (s.interfaceId() == f.interfaceId() && s.mac() == f.localMac() && s.peerMac() >= 0) peer = s.peerMac();
            }
        }
        return linkName(r, f.interfaceId(), f.interfaceName(), f.localMac(), peer);
    }

    /** LAGs of each side: ends grouped by actor system and key, in first-heard order. */
    static Map<String, List<LinkState>> lags(LagHealthReport r) {
        Map<String, List<LinkState>> lags = new LinkedHashMap<>();
        for (LinkState s : r.links()) {
            String name = s.actor().aggregation()
                ? s.actor().systemMac() + " key " + s.actor().key()
                : s.actor().systemMac() + " key " + s.actor().key() + " port " + s.actor().port() + " (individual)";
            lags.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
        }
        return lags;
    }

    public static void appendText(StringBuilder out, String input, LagHealthReport r, List<LagFault> faults, boolean timeline) {
        Map<String, List<LinkState>> lags = lags(r);
        out.append("LACP health of ").append(input).append(": ").append(r.pdus()).append(" LACPDUs");
        if (r.pdus() > 0) {
            out.append(", ").append(utcWithFraction(r.firstNanos())).append(" to ").append(utcWithFraction(r.lastNanos()));
        }
        out.append('\n');
        for (Map.Entry<String, List<LinkState>> lag : lags.entrySet()) {
            long cd = lag.getValue().stream().filter(LinkState::collectingDistributing).count();
            out.append("\nLAG ").append(lag.getKey()).append(": ").append(lag.getValue().size())
                .append(lag.getValue().size() == 1 ? " link, " : " links, ").append(cd).append(" collecting+distributing\n");
            for (LinkState s : lag.getValue()) {
                LacpPortInfo a = s.actor();
                out.append("  ").append(linkName(r, s)).append(": port ").append(a.port()).append(' ')
                    .append(LagHealthAnalyzer.flags(a.state()));
                if (s.partnerSystem() != 0) {
                    out.append(", partner ").append(LacpPortInfo.formatMac(s.partnerSystem())).append(" key ").append(s.partnerKey())
                        .append(" port ").append(s.peer() != null ? s.peer().port() : s.partner().port());
                } else {
                    out.append(", no partner");
                }
                long due = s.peer() != null && s.peer().timeout() ? 3_000_000_000L : 90_000_000_000L;
                boolean silent = r.lastNanos() - s.lastNanos() > due;
                String traffic = s.collectingDistributing() ? "carrying traffic" : "NOT carrying traffic";
                if (silent) out.append(", SILENT since ").append(utcWithFraction(s.lastNanos())).append(" (then ").append(traffic).append(')');
                else out.append(", ").append(traffic);
                out
                    .append(", state since ").append(utcWithFraction(s.sinceNanos())).append(" (").append(s.pdus()).append(" PDUs)\n");
            }
        }
        if (timeline) appendTimelineText(out, r);
        List<LinkState> oneEnd = r.links().stream().filter(s -> !s.peerHeard()).toList();
        if (!oneEnd.isEmpty()) {
            out.append("\nOnly one end captured on ").append(oneEnd.size()).append(oneEnd.size() == 1 ? " link" : " links").append(":\n");
            for (LinkState s : oneEnd) {
                LacpPortInfo a = s.actor();
                boolean receiving = !a.expired() && !a.defaulted() && s.partner().system() != 0;
                out.append("  ").append(linkName(r, s)).append(": only ").append(a.systemMac()).append(" port ").append(a.port())
                    .append("'s PDUs; ").append(receiving
                        ? "by its own state it receives its partner's PDUs (not Expired/Defaulted; partner "
                            + s.partner().systemMac() + " key " + s.partner().key() + " " + LagHealthAnalyzer.flags(s.partner().state())
                            + "), so the capture holds one direction only"
                        : "by its own state it does NOT receive partner PDUs (" + LagHealthAnalyzer.flags(a.state()) + ")")
                    .append('\n');
            }
            out.append("  Can conclude: each captured end's own state, timers and partner as it sees them (split, crossed, looped,"
                + " individual, stuck states, churn).\n"
                + "  Cannot conclude: the uncaptured ends' own states and timers, whether their PDUs stop (unidirectional,"
                + " partner_timeout, slow sender), and anything about LAG members that are not in the capture.\n");
        }
        out.append('\n');
        if (faults.isEmpty()) {
            out.append("Faults: none\n");
        } else {
            out.append("Faults:\n");
            for (LagFault f : faults) {
                out.append("  ").append(utcWithFraction(f.sinceNanos())).append(' ').append(f.kind().jsonName())
                    .append(f.kind().warning() ? " (warning)" : "").append(" on ").append(linkName(r, f)).append(": ")
                    .append(f.evidence()).append('\n');
            }
        }
        out.append('\n').append(verdict(r, faults, lags.size())).append('\n');
    }

    private static void appendTimelineText(StringBuilder out, LagHealthReport r) {
        out.append("\nTimeline:\n");
        List<Object[]> all = new ArrayList<>();
        for (LagHealthReport.LinkTimeline t : r.timelines()) {
            for (TimelineEntry e : t.entries()) all.add(new Object[] {t, e});
        }
        all.sort((x, y) -> Long.compare(((TimelineEntry) x[1]).timeNanos(), ((TimelineEntry) y[1]).timeNanos()));
        for (Object[] o : all) {
            LagHealthReport.LinkTimeline t = (LagHealthReport.LinkTimeline) o[0];
            TimelineEntry e = (TimelineEntry) o[1];
            out.append("  ").append(utcWithFraction(e.timeNanos())).append(" frame ").append(e.frame()).append(' ')
                .append(r.interfaces() > 1 && !t.interfaceName().isEmpty() ? t.interfaceName() + " " : "")
                .append(LacpPortInfo.formatMac(e.system())).append(" port ").append(e.port()).append(": ")
                .append(e.oldState() < 0 ? "first PDU" : LagHealthAnalyzer.flags(e.oldState())).append(" -> ")
                .append(LagHealthAnalyzer.flags(e.newState())).append('\n');
        }
        for (LagHealthReport.LinkTimeline t : r.timelines()) {
            if (t.dropped() > 0) out.append("  (").append(t.dropped()).append(" more changes on interface ").append(t.interfaceId()).append(" not kept)\n");
        }
    }

    static String verdict(LagHealthReport r, List<LagFault> faults, int lagCount) {
        long errors = faults.stream().filter(f -> !f.kind().warning()).count();
        long warnings = faults.size() - errors;
        long links = r.links().size();
        long carrying = r.links().stream().filter(LinkState::collectingDistributing).count();
        StringBuilder v = new StringBuilder("Verdict: ");
        if (r.pdus() == 0) return v.append("no LACPDUs in the input").toString();
        v.append(errors == 0 ? (warnings == 0 ? "healthy" : "healthy with warnings") : "FAULTY").append(": ")
            .append(lagCount).append(lagCount == 1 ? " LAG side, " : " LAG sides, ").append(links).append(links == 1 ? " port, " : " ports, ")
            .append(carrying).append(" carrying traffic at the end; ").append(errors).append(errors == 1 ? " fault, " : " faults, ")
            .append(warnings).append(warnings == 1 ? " warning" : " warnings");
        if (r.oneSided()) v.append("; only one end of each link captured (see above)");
        if (r.ignoredOverCap() > 0) v.append("; ").append(r.ignoredOverCap()).append(" PDUs beyond the link cap not analysed");
        return v.toString();
    }

    /** One fault as the moment it is detected (live): link named by interface when {@code multiInterface}. */
    public static void appendFaultLine(StringBuilder out, LagFault f, boolean multiInterface) {
        out.append(utcWithFraction(f.sinceNanos())).append(' ').append(f.kind().jsonName()).append(f.kind().warning() ? " (warning)" : "")
            .append(" on ").append(f.link(multiInterface)).append(": ").append(f.evidence()).append('\n');
    }

    /** One fault object (live), fields as in {@link #appendJson}. */
    public static void appendJsonFault(StringBuilder out, LagFault f, boolean multiInterface) {
        faultObject(new JsonLine(out), f, f.link(multiInterface));
    }

    /** As {@link #appendJson(StringBuilder, LagHealthReport, List, boolean)}; {@code counted} are the faults the summary counts. */
    public static void appendJson(StringBuilder out, LagHealthReport r, List<LagFault> faults, boolean timeline, List<LagFault> counted) {
        appendJson(out, r, faults, timeline);
        int cut = out.lastIndexOf("{\"type\":\"summary\"");
        out.setLength(cut);
        summary(new JsonLine(out), r, counted);
    }

    public static void appendJson(StringBuilder out, LagHealthReport r, List<LagFault> faults, boolean timeline) {
        JsonLine j = new JsonLine(out);
        for (LinkState s : r.links()) {
            LacpPortInfo a = s.actor(), p = s.peer() != null ? s.peer() : s.partner();
            j.begin().field("type", "link").field("interface", s.interfaceName()).field("link", linkName(r, s))
                .field("mac", mac(s.mac())).field("peer_mac", mac(s.peerMac()))
                .field("actor_system", a.systemMac()).field("actor_system_priority", a.systemPriority())
                .field("actor_key", a.key()).field("actor_port", a.port()).field("actor_state", hex(a.state()))
                .field("actor_flags", flagList(a.state()))
                .field("partner_system", p.systemMac()).field("partner_key", p.key()).field("partner_port", p.port())
                .field("partner_state", hex(p.state())).field("partner_flags", flagList(p.state()))
                .field("partner_heard", s.peerHeard()).field("collecting_distributing", s.collectingDistributing())
                .field("since", utcWithFraction(s.sinceNanos())).field("last_pdu", utcWithFraction(s.lastNanos())).field("pdus", s.pdus())
                .end();
        }
        if (timeline) {
            for (LagHealthReport.LinkTimeline t : r.timelines()) {
                for (TimelineEntry e : t.entries()) {
                    j.begin().field("type", "state_change").field("interface", t.interfaceName()).field("mac", mac(e.mac()))
                        .field("actor_system", LacpPortInfo.formatMac(e.system())).field("actor_port", e.port())
                        .field("time", utcWithFraction(e.timeNanos())).field("frame", e.frame())
                        .field("old_state", e.oldState() < 0 ? null : hex(e.oldState())).field("new_state", hex(e.newState()))
                        .end();
                }
            }
        }
        for (LagFault f : faults) faultObject(j, f, linkName(r, f));
        summary(j, r, faults);
    }

    private static void faultObject(JsonLine j, LagFault f, String link) {
        j.begin().field("type", "fault").field("fault", f.kind().jsonName())
            .field("severity", f.kind().warning() ? "warning" : "error")
            .field("interface", f.interfaceName()).field("link", link)
            .field("mac", mac(f.localMac())).field("peer_mac", mac(f.peerMac()))
            .field("actor_system", mac(f.actorSystem()))
            .raw("actor_key", f.actorKey() < 0 ? "null" : Integer.toString(f.actorKey()))
            .field("partner_system", mac(f.partnerSystem()))
            .raw("partner_key", f.partnerKey() < 0 ? "null" : Integer.toString(f.partnerKey()))
            .field("since", utcWithFraction(f.sinceNanos())).field("detected", utcWithFraction(f.detectedNanos()))
            .field("frame", f.frame()).field("evidence", f.evidence()).end();
    }

    private static void summary(JsonLine j, LagHealthReport r, List<LagFault> faults) {
        long errors = faults.stream().filter(f -> !f.kind().warning()).count();
        j.begin().field("type", "summary").field("pdus", r.pdus()).field("ports", (long) r.links().size())
            .field("lag_sides", (long) lags(r).size())
            .field("carrying_traffic", r.links().stream().filter(LinkState::collectingDistributing).count())
            .field("faults", errors).field("warnings", faults.size() - errors).field("one_sided", r.oneSided())
            .field("malformed", r.malformed()).field("ignored_over_cap", r.ignoredOverCap()).end();
    }

    private static String hex(int state) {
        return String.format("0x%02x", state);
    }

    private static String flagList(int state) {
        String f = LagHealthAnalyzer.flags(state);
        return f.substring(1, f.length() - 1).replace(", ", ",").replace("none", "");
    }
}
