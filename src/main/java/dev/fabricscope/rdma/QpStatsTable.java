package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Per-QP health of RDMA traffic (RoCEv2, RoCEv1, native IB): one row per (source, destination, BTH
 * destination QP), see {@link QpSummary} for what a row counts and how replies are attributed. Also PFC /
 * PAUSE frames (ethertype 0x8808) per priority, and optionally a congestion timeline per interval of packet
 * time ({@link CongestionInterval}, streamed to a listener as intervals end; packets whose time goes
 * backwards are counted in the current interval).
 *
 * <p>Bounded: at most {@code capacity} rows. When a new row does not fit, the rows idle longest (the oldest
 * last-packet times: those at or below min + (max - min) / 16, at least one) are evicted together and
 * counted in {@link #evictedRows()}; their counts are gone (an eviction also ends the current timeline
 * interval early, so that interval may be reported in two parts). No allocation per packet: rows are reused, keys
 * are primitive, the index is open addressing over an int array.
 *
 * <p>Single-threaded.
 */
public final class QpStatsTable {
    public static final int DEFAULT_CAPACITY = 65_536;
    static final int KIND_IPV4 = 4, KIND_GID = 6, KIND_LID = 1;
    /** PFC slot for 802.3x PAUSE (no priorities). */
    private static final int LINK_PAUSE = 8;

    private final int capacity;
    private final QpStats[] rows;
    private int used;
    private final int[] index; // row + 1, 0 = empty
    private final int mask;
    private long evictedRows;
    private long pfcFrames, pauseFrames;
    private final long[] pfcPauses = new long[9], pfcResumes = new long[9];

    // timeline
    private final long intervalNanos;
    private final Consumer<CongestionInterval> timeline;
    private long currentInterval = Long.MIN_VALUE;
    private final int[] touched;
    private int touchedCount;
    private final long[] prioCe = new long[8], prioCnp = new long[8], prioPause = new long[9], prioResume = new long[9];
    private boolean intervalActive;

    /** A table without timeline. */
    public QpStatsTable(int capacity) {
        this(capacity, 0, null);
    }

    /**
     * @param intervalNanos timeline interval length (> 0 with a listener)
     * @param timeline      receives each interval that had congestion, or null for no timeline
     */
    public QpStatsTable(int capacity, long intervalNanos, Consumer<CongestionInterval> timeline) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        if (timeline != null && intervalNanos <= 0) throw new IllegalArgumentException("interval must be positive");
        this.capacity = capacity;
        this.rows = new QpStats[capacity];
        int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        this.index = new int[size];
        this.mask = size - 1;
        this.intervalNanos = intervalNanos;
        this.timeline = timeline;
        this.touched = new int[timeline == null ? 0 : capacity];
    }

    /** Counts one dissected packet; packets that are neither RDMA (BTH) nor PAUSE/PFC are ignored. */
    public void packet(Packet p, Layers l) {
        long ts = p.timestampNanos();
        if (PfcFrame.isMacControl(l)) {
            pause(p, l, ts);
            return;
        }
        int bth = l.ibBthOffset;
        if (bth < 0 || !p.has(bth, Bth.LENGTH)) return;
        int kind;
        long sHi, sLo, dHi, dLo;
        // the IP header is RoCEv2's own; on native IB the network fields describe IP over IB inside the payload
        boolean roceV2 = l.roceVersion == 2;
        if (roceV2 && l.networkKind == NetworkKind.IPV4 && l.srcAddrOffset >= 0) {
            kind = KIND_IPV4;
            sHi = dHi = 0;
            sLo = p.u32(l.srcAddrOffset);
            dLo = p.u32(l.dstAddrOffset);
        } else if (roceV2 && l.networkKind == NetworkKind.IPV6 && l.srcAddrOffset >= 0) {
            kind = KIND_GID;
            sHi = u64(p, l.srcAddrOffset);
            sLo = u64(p, l.srcAddrOffset + 8);
            dHi = u64(p, l.dstAddrOffset);
            dLo = u64(p, l.dstAddrOffset + 8);
        } else if (l.ibGrhOffset >= 0 && p.has(l.ibGrhOffset, 40)) {
            kind = KIND_GID;
            sHi = u64(p, l.ibGrhOffset + 8);
            sLo = u64(p, l.ibGrhOffset + 16);
            dHi = u64(p, l.ibGrhOffset + 24);
            dLo = u64(p, l.ibGrhOffset + 32);
        } else if (l.ibLrhOffset >= 0 && p.has(l.ibLrhOffset, 8)) {
            kind = KIND_LID;
            sHi = dHi = 0;
            dLo = p.u16(l.ibLrhOffset + 2);
            sLo = p.u16(l.ibLrhOffset + 6);
        } else {
            return;
        }
        int opcode = Bth.opcode(p, bth);
        int destQp = Bth.destQp(p, bth);
        int psn = Bth.psn(p, bth);
        QpStats s = row(sHi, sLo, dHi, dLo, (long) kind << 24 | destQp, ts);
        tick(ts);
        if (s.packets == 0) s.firstNanos = ts;
        s.packets++;
        s.bytes += p.origLen();
        s.lastNanos = ts;
        s.countOpcode(opcode);
        int priority = -1;
        // DSCP and ECN of RoCEv2's own IP header; on native IB they would be those of an IPoIB packet inside
        if (roceV2 && l.dscp >= 0) {
            s.dscpMask |= 1L << l.dscp;
            priority = l.dscp >>> 3;
        }
        if (l.vlanCount > 0) priority = l.vlanPcp[0];
        if (priority >= 0) s.lastPriority = priority;
        boolean ce = roceV2 && l.ecn == 3;
        boolean cnp = opcode == Opcode.CNP || opcode == Opcode.CNP_WIRESHARK;
        if (ce) s.ceMarks++;
        if (cnp) s.cnps++;
        if ((ce || cnp) && timeline != null) {
            if (ce) s.intervalCe++;
            if (cnp) s.intervalCnp++;
            if (!s.intervalTouched) {
                s.intervalTouched = true;
                touched[touchedCount++] = rowNumber(s);
            }
            if (priority >= 0) {
                if (ce) prioCe[priority]++;
                if (cnp) prioCnp[priority]++;
            }
            intervalActive = true;
        }
        if (opcode < 0x60) transport(p, s, opcode, psn, bth); // RC, UC, RD; UD and CNP have no sequence
    }

    // RC (0x00-0x1F), UC (0x20-0x3F) and RD (0x40-0x5F) share the operation codes (low 5 bits)
    private void transport(Packet p, QpStats s, int opcode, int psn, int bth) {
        int op = opcode & 0x1F;
        boolean rd = opcode >= 0x40;
        switch (op) {
            case 0x11, 0x12, 0x0D, 0x0F, 0x10 -> { // ACK, atomic ACK, READ response first/last/only: AETH
                if (opcode >= 0x20 && !rd) return; // not UC operations
                int aeth = bth + Bth.LENGTH + (rd ? Rdeth.LENGTH : 0); // RD responses: RDETH before the AETH
                if (!p.has(aeth, Aeth.LENGTH)) return;
                int syndrome = Aeth.syndrome(p, aeth);
                switch (Aeth.kind(syndrome)) {
                    case ACK -> s.acks++;
                    case RNR_NAK -> s.rnrNaks++;
                    case NAK -> {
                        s.naks++;
                        int code = syndrome & 0x1F;
                        if (code < s.nakCodes.length) s.nakCodes[code]++;
                    }
                    case RESERVED -> { }
                }
            }
            case 0x0E -> { } // READ response middle: response PSN space, not checked
            case 0x0C -> s.requestPsn(psn, true); // READ request: the requester's next PSN is unknown
            default -> s.requestPsn(psn, false);
        }
    }

    private static long u64(Packet p, int off) {
        return p.u32(off) << 32 | p.u32(off + 4);
    }

    // --- PAUSE / PFC (IEEE 802.3 Annex 31B, 802.1Qbb)
    private void pause(Packet p, Layers l, long ts) {
        int opcode = PfcFrame.opcode(p, l);
        if (opcode == PfcFrame.OPCODE_PAUSE && p.has(l.etherPayloadOffset, 4)) {
            pauseFrames++;
            tick(ts);
            count(LINK_PAUSE, p.u16(l.etherPayloadOffset + 2));
        } else if (opcode == PfcFrame.OPCODE_PFC && p.has(l.etherPayloadOffset, 4 + 2 * PfcFrame.PRIORITIES)) {
            pfcFrames++;
            tick(ts);
            for (int prio = 0; prio < PfcFrame.PRIORITIES; prio++) {
                int quanta = PfcFrame.pfcQuanta(p, l, prio);
                if (quanta >= 0) count(prio, quanta);
            }
        }
    }

    private void count(int slot, int quanta) {
        if (quanta != 0) {
            pfcPauses[slot]++;
            prioPause[slot]++;
        } else {
            pfcResumes[slot]++;
            prioResume[slot]++;
        }
        intervalActive |= timeline != null;
    }

    // --- timeline
    private void tick(long ts) {
        if (timeline == null) return;
        long interval = Math.floorDiv(ts, intervalNanos);
        if (interval == currentInterval) return;
        if (currentInterval != Long.MIN_VALUE && interval < currentInterval) return; // time went back: keep counting here
        flushInterval();
        currentInterval = interval;
    }

    private void flushInterval() {
        if (timeline == null || !intervalActive) {
            clearInterval();
            return;
        }
        List<CongestionInterval.PriorityCongestion> prios = new ArrayList<>();
        if (prioPause[LINK_PAUSE] + prioResume[LINK_PAUSE] > 0) {
            prios.add(new CongestionInterval.PriorityCongestion(-1, 0, 0, prioPause[LINK_PAUSE], prioResume[LINK_PAUSE]));
        }
        for (int i = 0; i < 8; i++) {
            if (prioCe[i] + prioCnp[i] + prioPause[i] + prioResume[i] > 0) {
                prios.add(new CongestionInterval.PriorityCongestion(i, prioCe[i], prioCnp[i], prioPause[i], prioResume[i]));
            }
        }
        List<CongestionInterval.QpCongestion> qps = new ArrayList<>();
        for (int i = 0; i < touchedCount; i++) {
            QpStats s = rows[touched[i]];
            qps.add(new CongestionInterval.QpCongestion(address(s.srcHi, s.srcLo, kind(s)), address(s.dstHi, s.dstLo, kind(s)),
                (int) (s.qpKind & 0xFFFFFF), s.intervalCe, s.intervalCnp));
        }
        qps.sort(Comparator.comparingLong((CongestionInterval.QpCongestion q) -> q.ceMarks() + 10 * q.cnps()).reversed());
        timeline.accept(new CongestionInterval(currentInterval * intervalNanos, intervalNanos, List.copyOf(prios), List.copyOf(qps)));
        clearInterval();
    }

    private void clearInterval() {
        for (int i = 0; i < touchedCount; i++) {
            QpStats s = rows[touched[i]];
            s.intervalCe = s.intervalCnp = 0;
            s.intervalTouched = false;
        }
        touchedCount = 0;
        java.util.Arrays.fill(prioCe, 0);
        java.util.Arrays.fill(prioCnp, 0);
        java.util.Arrays.fill(prioPause, 0);
        java.util.Arrays.fill(prioResume, 0);
        intervalActive = false;
    }

    // --- the row index
    private QpStats row(long sHi, long sLo, long dHi, long dLo, long qpKind, long ts) {
        int h = hash(sHi, sLo, dHi, dLo, qpKind);
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int r = index[slot];
            if (r == 0) break;
            QpStats s = rows[r - 1];
            if (s.qpKind == qpKind && s.srcLo == sLo && s.dstLo == dLo && s.srcHi == sHi && s.dstHi == dHi) return s;
        }
        if (used == capacity) {
            evict();
        }
        QpStats s = rows[used];
        if (s == null) rows[used] = s = new QpStats(); else s.reset();
        s.srcHi = sHi;
        s.srcLo = sLo;
        s.dstHi = dHi;
        s.dstLo = dLo;
        s.qpKind = qpKind;
        s.lastNanos = ts;
        used++;
        insert(used - 1, h);
        return s;
    }

    private void insert(int row, int h) {
        int slot = h & mask;
        while (index[slot] != 0) slot = (slot + 1) & mask;
        index[slot] = row + 1;
    }

    // evicts the rows idle longest, compacts the rest and rebuilds the index
    private void evict() {
        flushInterval();
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < used; i++) {
            min = Math.min(min, rows[i].lastNanos);
            max = Math.max(max, rows[i].lastNanos);
        }
        long threshold = min + (max - min) / 16;
        int kept = 0;
        for (int i = 0; i < used; i++) {
            QpStats s = rows[i];
            if (s.lastNanos <= threshold) {
                evictedRows++;
            } else {
                rows[i] = rows[kept];
                rows[kept++] = s;
            }
        }
        used = kept;
        java.util.Arrays.fill(index, 0);
        for (int i = 0; i < used; i++) {
            QpStats s = rows[i];
            insert(i, hash(s.srcHi, s.srcLo, s.dstHi, s.dstLo, s.qpKind));
        }
    }

    private int rowNumber(QpStats s) {
        int h = hash(s.srcHi, s.srcLo, s.dstHi, s.dstLo, s.qpKind);
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int r = index[slot];
            if (rows[r - 1] == s) return r - 1;
        }
    }

    private static int hash(long a, long b, long c, long d, long e) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ b) * 0x9E3779B97F4A7C15L;
        h = (h ^ c) * 0x9E3779B97F4A7C15L;
        h = (h ^ d) * 0x9E3779B97F4A7C15L;
        h = (h ^ e) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29);
    }

    // --- results

    /** Ends the current timeline interval (call once at the end of the input). */
    public void finish() {
        flushInterval();
    }

    /** Rows now in the table, worst first ({@link QpSummary#score()} descending, then packets descending). */
    public List<QpSummary> summaries() {
        List<QpSummary> out = new ArrayList<>(used);
        for (int i = 0; i < used; i++) out.add(summary(rows[i]));
        out.sort(Comparator.comparingLong(QpSummary::score).reversed()
            .thenComparing(Comparator.comparingLong(QpSummary::packets).reversed())
            .thenComparingLong(QpSummary::firstNanos));
        return out;
    }

    public long evictedRows() {
        return evictedRows;
    }

    public int capacity() {
        return capacity;
    }

    /** PFC frames (opcode 0x0101) and 802.3x PAUSE frames (opcode 0x0001) seen. */
    public long pfcFrames() {
        return pfcFrames;
    }

    public long pauseFrames() {
        return pauseFrames;
    }

    /** Pauses (time > 0) per priority 0-7; index 8: 802.3x PAUSE frames with time > 0. */
    public long[] pfcPauses() {
        return pfcPauses.clone();
    }

    /** Resumes (time 0, X-ON) per priority 0-7; index 8: 802.3x. */
    public long[] pfcResumes() {
        return pfcResumes.clone();
    }

    private static int kind(QpStats s) {
        return (int) (s.qpKind >>> 24);
    }

    private static QpSummary summary(QpStats s) {
        List<QpSummary.OpcodeCount> ops = new ArrayList<>(s.opcodeUsed);
        for (int i = 0; i < s.opcodeUsed; i++) ops.add(new QpSummary.OpcodeCount(s.opcodes[i], s.opcodeCounts[i]));
        List<Integer> dscp = new ArrayList<>();
        for (int i = 0; i < 64; i++) if ((s.dscpMask & 1L << i) != 0) dscp.add(i);
        List<Long> codes = new ArrayList<>(5);
        for (long c : s.nakCodes) codes.add(c);
        return new QpSummary(address(s.srcHi, s.srcLo, kind(s)), address(s.dstHi, s.dstLo, kind(s)), (int) (s.qpKind & 0xFFFFFF),
            s.packets, s.bytes, List.copyOf(ops), s.otherOpcodes, s.psnGaps, s.psnSkipped, s.duplicates, s.outOfOrder,
            s.acks, s.naks, s.rnrNaks, List.copyOf(codes), s.ceMarks, s.cnps, List.copyOf(dscp), s.lastPriority,
            s.firstNanos, s.lastNanos);
    }

    // RFC 5952 text: lower case, longest run (>= 2) of zero groups as "::", as tshark prints
    static String compressIpv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    static String address(long hi, long lo, int kind) {
        return switch (kind) {
            case KIND_IPV4 -> (lo >>> 24 & 0xFF) + "." + (lo >>> 16 & 0xFF) + "." + (lo >>> 8 & 0xFF) + "." + (lo & 0xFF);
            case KIND_LID -> "lid " + lo;
            default -> {
                byte[] b = new byte[16];
                for (int i = 0; i < 8; i++) {
                    b[i] = (byte) (hi >>> (56 - 8 * i));
                    b[8 + i] = (byte) (lo >>> (56 - 8 * i));
                }
                try {
                    InetAddress a = InetAddress.getByAddress(b); // IPv4-mapped GIDs come back as a.b.c.d
                    yield a instanceof java.net.Inet6Address ? compressIpv6(b) : a.getHostAddress();
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
