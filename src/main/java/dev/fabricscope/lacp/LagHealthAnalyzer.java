package dev.fabricscope.lacp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Diagnoses link aggregation from LACPDUs: groups the ends it hears into links (per capture interface) and
 * aggregators (actor system + key, per side), follows each end's state over <em>packet</em> time and emits a
 * {@link LagFault} to the consumer when it detects one. It never prints; {@link #finish} returns the final state.
 *
 * <p>Links: every end (actor system + port) belongs to a link on the interface its PDUs were captured on; two
 * ends form one link when one names the other as partner (or, on an interface with a single half-heard link,
 * when one of them names no partner yet). A multi-interface capture thus has a link per interface (name =
 * interface); a single-interface capture of several links is split by MAC pair.
 *
 * <p>Rules and limits (each fault is reported once per end, link or aggregator, malformed frames up to
 * {@value #MALFORMED_CAP} per interface):
 * <ul>
 *   <li>{@code split_lag} / {@code crossed_lag}: two ends of one aggregator (both Aggregation 1) report
 *   partners (taken from PDUs that are neither Defaulted nor Expired) with different systems / same system and
 *   different keys.</li>
 *   <li>{@code looped}: an end's partner system equals its own system, or both ends of a link have the same
 *   system.</li>
 *   <li>{@code unidirectional}: end X was heard, then nothing from X for longer than its partner P's timeout
 *   (3 missed PDUs: 3 s when P asks fast, 90 s when slow) while P kept sending (a PDU more than one period,
 *   1 s or 30 s, after X's last); or P says Expired/Defaulted
 *   although 3 of X's PDUs were captured within P's timeout (lost after the capture point).
 *   {@code partner_timeout}: the same silence, but P sent nothing either (the whole link went quiet).
 *   Silence is checked every {@value #SCAN_MILLIS} ms of packet time and at the end of input (against the last
 *   packet's time). Both ends passive: no periodic PDUs are due, nothing is checked. An end that has never sent
 *   two PDUs less than 1.5 s apart gets a 90 s deadline even when asked for fast PDUs (it may be a slow sender,
 *   below).</li>
 *   <li>{@code timeout_mismatch} (warning): the ends' Timeout bits differ; or an end that never sent faster than
 *   every 1.5 s leaves more than 3 s between two PDUs while its partner asked for fast PDUs (slow sender).</li>
 *   <li>{@code passive_passive}: both ends heard with Activity 0 and neither ever in sync, once the link is older
 *   than {@value #NEGOTIATION_SECONDS} s or at the end of input.</li>
 *   <li>{@code churn}: {@value #CHURN_LOSSES} losses of Synchronization (1 to 0) by one end within
 *   {@value #NEGOTIATION_SECONDS} s.</li>
 *   <li>{@code individual}: Aggregation 0 on an end whose partner has Aggregation 1.</li>
 *   <li>{@code expired}, {@code defaulted}, {@code not_synchronized}: one end's PDUs show the state (in this
 *   priority: Expired, else Defaulted, else Synchronization 0) for longer than {@value #NEGOTIATION_SECONDS} s,
 *   802.1AX's Churn Detection Time: a negotiation takes a few PDU exchanges, well under a minute.
 *   {@code not_synchronized} is not reported on a passive/passive link.</li>
 *   <li>{@code malformed}: a slow-protocols frame the parser rejected or decoded only in part, with its reason.</li>
 * </ul>
 *
 * <p>State is bounded: at most {@value #MAX_LINKS} links (PDUs of further links are counted, not followed),
 * {@link LagLink#TIMELINE_CAP} timeline entries per link. No allocation per PDU on known links except timeline
 * entries on state changes.
 */
public final class LagHealthAnalyzer {
    public static final int MAX_LINKS = 65_536;
    public static final int MALFORMED_CAP = 16;
    public static final int NEGOTIATION_SECONDS = 60;
    public static final int CHURN_LOSSES = 3;
    static final int SCAN_MILLIS = 250;
    private static final long S = 1_000_000_000L;
    private static final long NEGOTIATION = NEGOTIATION_SECONDS * S;
    private static final long FAST_TIMEOUT = 3 * S, SLOW_TIMEOUT = 90 * S, FAST_SENDER = 1_500_000_000L;

    private final Consumer<LagFault> faults;
    private final List<List<LagLink>> byInterface = new ArrayList<>();
    private final List<LagLink> links = new ArrayList<>();
    private final Map<Long, Aggregator> aggregators = new HashMap<>();
    private final List<Integer> malformedPerInterface = new ArrayList<>();
    private final List<RepeatCache> repeatCache = new ArrayList<>();
    private LinkEnd lastEnd;
    private long nextScan = Long.MIN_VALUE;
    private long now = Long.MIN_VALUE, firstTime = Long.MIN_VALUE, frame;
    private long pduCount, malformedCount, ignoredOverCap;

    private final int maxLinks;

    public LagHealthAnalyzer(Consumer<LagFault> faults) {
        this(faults, MAX_LINKS);
    }

    /** With a smaller link cap (tests). */
    LagHealthAnalyzer(Consumer<LagFault> faults, int maxLinks) {
        this.faults = faults;
        this.maxLinks = maxLinks;
    }

    /** Lets packet time advance (any packet, LACP or not): silence deadlines are checked on it. */
    public void advance(long timeNanos, long frameNumber) {
        frame = frameNumber;
        if (firstTime == Long.MIN_VALUE) firstTime = timeNanos;
        if (timeNanos > now) now = timeNanos;
        if (now >= nextScan) {
            scanSilences();
            nextScan = now + SCAN_MILLIS * 1_000_000L;
        }
    }

    /** A decoded LACPDU from {@code srcMac} captured on interface {@code interfaceId}. */
    public void pdu(long timeNanos, long frameNumber, int interfaceId, String interfaceName, long srcMac, LacpPdu pdu) {
        advance(timeNanos, frameNumber);
        pduCount++;
        LinkEnd end = find(interfaceId, interfaceName, srcMac, pdu.actor(), pdu.partner(), timeNanos);
        lastEnd = end;
        if (end == null) {
            ignoredOverCap++;
            return;
        }
        update(end, timeNanos, frameNumber, pdu.actor(), pdu.partner());
    }

    /**
     * The same bytes as the last PDU {@link #remember remembered} from {@code srcMac} on this interface (the
     * common case: a steady port repeats its PDU every period)? Then it counts as that PDU again, without parsing,
     * and this returns true; otherwise false and the caller parses it and calls {@link #pdu} then {@link #remember}.
     */
    public boolean repeated(long timeNanos, long frameNumber, int interfaceId, long srcMac,
                            byte[] bytes, int offset, int length) {
        if (interfaceId >= repeatCache.size()) return false;
        RepeatCache.Entry c = repeatCache.get(interfaceId).find(srcMac);
        if (c == null || c.length != length
                || !Arrays.equals(bytes, offset, offset + length, c.bytes, 0, length)) {
            return false;
        }
        advance(timeNanos, frameNumber);
        pduCount++;
        update(c.end, timeNanos, frameNumber, c.end.actor, c.end.partner);
        return true;
    }

    /** Remembers the bytes of the PDU just given to {@link #pdu} (decoded without error) for {@link #repeated}. */
    public void remember(int interfaceId, long srcMac, byte[] bytes, int offset, int length) {
        if (lastEnd == null || length > RepeatCache.MAX_BYTES) return;
        while (repeatCache.size() <= interfaceId) repeatCache.add(new RepeatCache());
        repeatCache.get(interfaceId).put(srcMac, lastEnd, bytes, offset, length);
    }

    /** A slow-protocols frame the parser could not decode (or only in part): reported with its reason. */
    public void malformed(long timeNanos, long frameNumber, int interfaceId, String interfaceName, long srcMac, String reason) {
        advance(timeNanos, frameNumber);
        malformedCount++;
        while (malformedPerInterface.size() <= interfaceId) malformedPerInterface.add(0);
        int n = malformedPerInterface.get(interfaceId);
        malformedPerInterface.set(interfaceId, n + 1);
        if (n >= MALFORMED_CAP) return;
        faults.accept(new LagFault(FaultKind.MALFORMED, interfaceId, interfaceName, srcMac, -1, -1, -1, -1, -1,
            timeNanos, timeNanos, frameNumber, "frame " + frameNumber + ": " + reason
                + (n + 1 == MALFORMED_CAP ? " (further malformed PDUs on this interface not reported)" : "")));
    }

    /** End of input: final checks against the last packet's time, then the state of every LAG and link. */
    public LagHealthReport finish() {
        if (now != Long.MIN_VALUE) scanSilences();
        for (LagLink link : links) {
            if (passivePassive(link) && link.once(FaultKind.PASSIVE_PASSIVE)) reportPassive(link);
        }
        List<LinkState> states = new ArrayList<>();
        for (LagLink link : links) {
            for (int i = 0; i < link.endCount; i++) states.add(LinkState.of(link.ends[i]));
        }
        return new LagHealthReport(states, links.stream().map(LagHealthAnalyzer::timelineOf).toList(),
            byInterface.size(), firstTime, now, pduCount, malformedCount, ignoredOverCap);
    }

    private static LagHealthReport.LinkTimeline timelineOf(LagLink l) {
        return new LagHealthReport.LinkTimeline(l.interfaceId, l.interfaceName, List.copyOf(l.timeline), l.timelineDropped);
    }

    // --- link and end lookup

    private LinkEnd find(int ifId, String ifName, long srcMac, LacpPortInfo actor, LacpPortInfo partner, long t) {
        while (byInterface.size() <= ifId) byInterface.add(new ArrayList<>(1));
        List<LagLink> onIf = byInterface.get(ifId);
        for (int i = 0; i < onIf.size(); i++) {
            LagLink l = onIf.get(i);
            for (int j = 0; j < l.endCount; j++) {
                LinkEnd e = l.ends[j];
                if (e.actor.system() == actor.system() && e.actor.port() == actor.port()) return e;
            }
        }
        // a new end: pair it with the half-heard link that names it (or that it names), else a lone half link
        LagLink half = null;
        int halves = 0;
        for (LagLink l : onIf) {
            if (l.endCount != 1) continue;
            LinkEnd other = l.ends[0];
            if (names(other.partner, actor) || names(partner, other.actor)) return l.add(srcMac);
            halves++;
            half = l;
        }
        if (halves == 1 && (half.ends[0].partner.system() == 0 || partner.system() == 0)
                && !names(half.ends[0].partner, half.ends[0].actor)) {
            return half.add(srcMac);
        }
        if (links.size() >= maxLinks) return null;
        LagLink l = new LagLink(ifId, ifName == null ? "" : ifName, t);
        onIf.add(l);
        links.add(l);
        return l.add(srcMac);
    }

    private static boolean names(LacpPortInfo partnerInfo, LacpPortInfo actor) {
        return partnerInfo != null && partnerInfo.system() == actor.system() && partnerInfo.port() == actor.port();
    }

    // --- per PDU

    private void update(LinkEnd e, long t, long frameNumber, LacpPortInfo actor, LacpPortInfo partner) {
        LinkEnd peer = e.peer();
        int oldState = e.actor == null ? -1 : e.actor.state();
        long prevPdu = e.lastPdu;
        if (prevPdu >= 0) {
            long gap = t - prevPdu;
            if (gap > FAST_TIMEOUT && e.minGap > FAST_SENDER && e.requestedFastSince >= 0
                    && e.requestedFastSince <= prevPdu && peer != null && e.once(FaultKind.TIMEOUT_MISMATCH)) {
                emit(FaultKind.TIMEOUT_MISMATCH, e, peer, prevPdu, frameNumber, describe(e) + " sent PDUs "
                    + seconds(gap) + " s apart although its partner asks for fast PDUs (every 1 s, 3 s timeout)");
            }
            if (gap < e.minGap) e.minGap = gap;
        }
        e.silenceReported = false;
        e.actor = actor;
        e.partner = partner;
        if (e.firstPdu < 0) e.firstPdu = t;
        e.lastPdu = t;
        e.lastFrame = frameNumber;
        e.recent[(int) (e.pdus % 3)] = t;
        e.pdus++;
        if (peer != null) {
            e.peerPdusAtLast = peer.pdus;
            boolean fast = actor.timeout();
            if (fast && peer.requestedFastSince < 0) peer.requestedFastSince = t;
            else if (!fast) peer.requestedFastSince = -1;
        }
        if (oldState != actor.state()) {
            e.stateSince = t;
            e.link.record(new TimelineEntry(t, frameNumber, e.srcMac, actor.system(), actor.port(), oldState, actor.state()));
            if (oldState >= 0 && (oldState & LacpPortInfo.SYNCHRONIZATION) != 0 && !actor.synchronization()) syncLost(e, t, frameNumber);
        }
        if (actor.synchronization()) e.everSync = true;
        membership(e, t, frameNumber);
        checkLink(e, peer, t, frameNumber);
        checkCondition(e, t, frameNumber);
    }

    private void syncLost(LinkEnd e, long t, long frameNumber) {
        e.syncLosses[e.syncLossCount % CHURN_LOSSES] = t;
        e.syncLossCount++;
        if (e.syncLossCount >= CHURN_LOSSES) {
            long oldest = e.syncLosses[e.syncLossCount % CHURN_LOSSES];
            if (t - oldest <= NEGOTIATION && e.once(FaultKind.CHURN)) {
                emit(FaultKind.CHURN, e, e.peer(), oldest, frameNumber, describe(e) + " lost Synchronization "
                    + CHURN_LOSSES + " times in " + seconds(t - oldest) + " s (" + e.syncLossCount + " losses so far)");
            }
        }
    }

    private void membership(LinkEnd e, long t, long frameNumber) {
        LacpPortInfo a = e.actor;
        if (!a.aggregation()) {
            leave(e);
            return;
        }
        if (e.aggregator == null || e.aggregator.system != a.system() || e.aggregator.key != a.key()) {
            leave(e);
            e.aggregator = aggregators.computeIfAbsent((a.system() << 16) | a.key(), k -> new Aggregator(a.system(), a.key()));
            e.aggregator.members.add(e);
            e.checkedPartner = -1;
        }
        if (!e.partnerValid()) return;
        long partnerId = (e.partner.system() << 16) | e.partner.key();
        if (partnerId == e.checkedPartner) return; // compared with the other members when it last changed
        e.checkedPartner = partnerId;
        Aggregator g = e.aggregator;
        for (LinkEnd other : g.members) {
            if (other == e || !other.partnerValid()) continue;
            LacpPortInfo p = e.partner, q = other.partner;
            if (p.system() != q.system() && !g.splitReported) {
                g.splitReported = true;
                emit(FaultKind.SPLIT_LAG, e, e.peer(), t, frameNumber, "aggregator " + agg(a) + ": link "
                    + linkName(e) + " sees partner system " + p.systemMac() + " key " + p.key() + ", link " + linkName(other)
                    + " sees " + q.systemMac() + " key " + q.key());
            } else if (p.system() == q.system() && p.key() != q.key() && !g.crossedReported) {
                g.crossedReported = true;
                emit(FaultKind.CROSSED_LAG, e, e.peer(), t, frameNumber, "aggregator " + agg(a) + ": link "
                    + linkName(e) + " sees partner key " + p.key() + ", link " + linkName(other) + " sees key " + q.key()
                    + " of the same partner system " + p.systemMac() + " (cabling crossed between two LAGs)");
            }
        }
    }

    private static void leave(LinkEnd e) {
        if (e.aggregator != null) {
            e.aggregator.members.remove(e);
            e.aggregator = null;
        }
    }

    private void checkLink(LinkEnd e, LinkEnd peer, long t, long frameNumber) {
        LacpPortInfo a = e.actor;
        LagLink link = e.link;
        if (e.partner.system() == a.system() && link.once(FaultKind.LOOPED)) {
            emit(FaultKind.LOOPED, e, peer, t, frameNumber, describe(e) + " reports its own system as partner (port "
                + e.partner.port() + "): its PDUs come back to it");
        } else if (peer != null && peer.actor.system() == a.system() && link.once(FaultKind.LOOPED)) {
            emit(FaultKind.LOOPED, e, peer, t, frameNumber, "both ends of the link belong to system "
                + a.systemMac() + " (ports " + a.port() + " and " + peer.actor.port() + ")");
        }
        boolean peerAggregates = peer != null ? peer.actor.aggregation() : e.partnerValid() && e.partner.aggregation();
        if (!a.aggregation() && peerAggregates && link.once(FaultKind.INDIVIDUAL)) {
            emit(FaultKind.INDIVIDUAL, e, peer, t, frameNumber, describe(e) + " is Individual (Aggregation 0) but its partner "
                + (peer != null ? describe(peer) : e.partner.systemMac()) + " aggregates it into key "
                + (peer != null ? peer.actor.key() : e.partner.key()));
        }
        if (peer != null && a.timeout() != peer.actor.timeout() && link.once(FaultKind.TIMEOUT_MISMATCH)) {
            LinkEnd fast = a.timeout() ? e : peer, slow = a.timeout() ? peer : e;
            emit(FaultKind.TIMEOUT_MISMATCH, e, peer, t, frameNumber, describe(fast) + " asks for fast PDUs (1 s, 3 s timeout), "
                + describe(slow) + " for slow (30 s, 90 s timeout)");
        }
        if (peer != null && passivePassive(link) && t - link.firstSeen > NEGOTIATION && link.once(FaultKind.PASSIVE_PASSIVE)) {
            reportPassive(link);
        }
        // Expired/Defaulted while the capture shows the partner's PDUs arriving: lost after the capture point
        if (peer != null && (a.expired() || a.defaulted()) && peer.pdus >= 3) {
            long timeout = a.timeout() ? FAST_TIMEOUT : SLOW_TIMEOUT;
            boolean arriving = true;
            for (long r : peer.recent) arriving &= r > t - timeout && r <= t;
            if (arriving && e.once(FaultKind.UNIDIRECTIONAL)) {
                emit(FaultKind.UNIDIRECTIONAL, e, peer, t, frameNumber, describe(e) + " is " + (a.expired() ? "Expired" : "Defaulted")
                    + " although " + describe(peer) + " sent 3 PDUs within its " + seconds(timeout)
                    + " s timeout: they are lost between the capture point and it");
            }
        }
    }

    private static boolean passivePassive(LagLink link) {
        if (link.endCount < 2) return false;
        LinkEnd x = link.ends[0], y = link.ends[1];
        return !x.actor.activity() && !y.actor.activity() && !x.everSync && !y.everSync;
    }

    private void reportPassive(LagLink link) {
        LinkEnd x = link.ends[0], y = link.ends[1];
        emit(FaultKind.PASSIVE_PASSIVE, x, y, link.firstSeen, frame, "both ends are passive (Activity 0): "
            + describe(x) + " and " + describe(y) + " never synchronised (" + x.pdus + " and " + y.pdus + " PDUs)");
    }

    private void checkCondition(LinkEnd e, long t, long frameNumber) {
        LacpPortInfo a = e.actor;
        int c = a.expired() ? LinkEnd.COND_EXPIRED : a.defaulted() ? LinkEnd.COND_DEFAULTED
            : !a.synchronization() ? LinkEnd.COND_NOT_SYNC : LinkEnd.COND_NONE;
        if (c != e.condition) {
            e.condition = c;
            e.conditionSince = t;
            e.conditionFrame = frameNumber;
            return;
        }
        if (c == LinkEnd.COND_NONE || t - e.conditionSince <= NEGOTIATION) return;
        FaultKind kind = switch (c) {
            case LinkEnd.COND_EXPIRED -> FaultKind.EXPIRED;
            case LinkEnd.COND_DEFAULTED -> FaultKind.DEFAULTED;
            default -> FaultKind.NOT_SYNCHRONIZED;
        };
        if (kind == FaultKind.NOT_SYNCHRONIZED && passivePassive(e.link)) return;
        if (!e.once(kind)) return;
        String what = switch (kind) {
            case EXPIRED -> "Expired (its receive machine has timed out its partner)";
            case DEFAULTED -> "Defaulted (it uses default partner values: no partner PDUs received)";
            default -> "out of Synchronization (not Expired or Defaulted: partner disagrees, or a standby port)";
        };
        emit(kind, e, e.peer(), e.conditionSince, frameNumber, describe(e) + " " + what + " from frame " + e.conditionFrame
            + " to frame " + frameNumber + " (" + seconds(t - e.conditionSince) + " s, limit " + NEGOTIATION_SECONDS + " s)");
    }

    // --- silence

    private void scanSilences() {
        for (int i = 0; i < links.size(); i++) {
            LagLink link = links.get(i);
            if (link.endCount < 2) continue;
            LinkEnd x = link.ends[0], y = link.ends[1];
            if (!x.actor.activity() && !y.actor.activity()) continue; // no periodic PDUs due
            silence(x, y);
            silence(y, x);
        }
    }

    /** {@code x} silent for longer than {@code p}'s timeout? */
    private void silence(LinkEnd x, LinkEnd p) {
        if (x.silenceReported) return;
        long timeout = x.requestedFastSince >= 0 && x.minGap <= FAST_SENDER ? FAST_TIMEOUT : SLOW_TIMEOUT;
        long silent = now - x.lastPdu;
        if (silent <= timeout) return;
        x.silenceReported = true;
        long sent = p.pdus - x.peerPdusAtLast;
        boolean pContinues = p.lastPdu - x.lastPdu > timeout / 3; // p sent beyond one period after x fell silent
        FaultKind kind = pContinues ? FaultKind.UNIDIRECTIONAL : FaultKind.PARTNER_TIMEOUT;
        if (!p.once(kind)) return;
        String evidence = "no PDU from " + describe(x) + " since frame " + x.lastFrame + " (" + seconds(silent) + " s > "
            + describe(p) + "'s " + seconds(timeout) + " s timeout)"
            + (pContinues ? " while it sent " + sent + " PDUs, last state " + flags(p.actor.state())
                : "; nothing from " + describe(p) + " either since frame " + p.lastFrame);
        emit(kind, p, x, x.lastPdu, frame, evidence);
    }

    // --- output helpers

    private void emit(FaultKind kind, LinkEnd e, LinkEnd peer, long since, long frameNumber, String evidence) {
        LacpPortInfo a = e.actor;
        long partnerSystem = peer != null ? peer.actor.system() : e.partner.system();
        int partnerKey = peer != null ? peer.actor.key() : e.partner.key();
        faults.accept(new LagFault(kind, e.link.interfaceId, e.link.interfaceName, e.srcMac, peer == null ? -1 : peer.srcMac,
            a.system(), a.key(), partnerSystem, partnerKey, since, now, frameNumber, evidence));
    }

    private static String describe(LinkEnd e) {
        return LacpPortInfo.formatMac(e.actor.system()) + " port " + e.actor.port();
    }

    private static String agg(LacpPortInfo a) {
        return a.systemMac() + " key " + a.key();
    }

    private static String linkName(LinkEnd e) {
        String mac = LacpPortInfo.formatMac(e.srcMac);
        return e.link.interfaceName.isEmpty() ? mac : e.link.interfaceName + " (" + mac + ")";
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** "[Activity, Aggregation, Synchronization]" as tcpdump names the bits ("none" when 0). */
    public static String flags(int state) {
        StringBuilder s = new StringBuilder("[");
        for (int bit = 0; bit < 8; bit++) {
            if ((state & (1 << bit)) == 0) continue;
            if (s.length() > 1) s.append(", ");
            s.append(LacpPortInfo.STATE_NAMES.get(bit));
        }
        return s.append(s.length() == 1 ? "none]" : "]").toString();
    }
}
