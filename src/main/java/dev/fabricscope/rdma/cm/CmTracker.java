package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.rdma.Bth;
import dev.fabricscope.rdma.DecodedFrame;
import dev.fabricscope.rdma.MadBaseHeader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * RDMA-CM connection tracking (the libconntrack-cm model: feed packets, ask "which source QP sends this
 * flow"). CM MADs (UD SEND to QP 1, class 0x07) drive a per-connection state machine; RC/UC data packets
 * are attributed to their connection by (source, destination, dest QPN) and counted, from the REP on.
 *
 * <p><b>Threads:</b> one writer calls {@link #process} and {@link #finish} (and receives the events);
 * any number of reader threads may call {@link #querySourceQpn}, {@link #queryIpv4}, {@link #connections}
 * and {@link #stats} at the same time. Queries see established connections (RTU seen, no DREQ yet) through
 * a concurrent map of immutable entries; snapshots read volatile fields.
 *
 * <p><b>Bounds:</b> at most {@code maxConnections} connections (a REQ beyond that is reported as
 * {@link CmEvent.TableFull} and not tracked); connections in setup (REQ_SENT, MRA_RCVD, REP_RCVD) or
 * DREQ_SENT with no CM message for {@code halfOpenTimeout} become TIMED_OUT; established connections with
 * no packet for {@code idleTimeout} end as "idle"; ended connections linger {@link #LINGER_NANOS} to absorb
 * retransmitted REJ/DREP. All on packet time (the largest timestamp seen), checked once per second of it.
 *
 * <p>SIDR (Service ID Resolution, for UD services): a SIDR_REQ waits for the SIDR_REP to the same client with
 * the same request ID, which names the server's UD QP and Q_Key; each resolution is reported once
 * ({@link CmEvent.SidrDone}), answered or not (half-open timeout, end of input). They share the table limit.
 *
 * <p>Addresses: RoCEv2 IPv4/IPv6 from the IP header (untagged or VLAN-tagged), RoCEv1 and native IB with
 * a GRH from its GIDs, native IB without GRH from the LRH LIDs. Retransmitted REQs (same client address
 * and comm ID) count on one connection.
 */
public final class CmTracker {
    public static final int DEFAULT_MAX_CONNECTIONS = 65_536;
    public static final long DEFAULT_HALF_OPEN_TIMEOUT_NANOS = 60_000_000_000L;
    public static final long DEFAULT_IDLE_TIMEOUT_NANOS = 600_000_000_000L;
    public static final long LINGER_NANOS = 5_000_000_000L;
    static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    /** Tracker limits; see the class comment. */
    public record Options(int maxConnections, long halfOpenTimeoutNanos, long idleTimeoutNanos) {
        public static Options defaults() {
            return new Options(DEFAULT_MAX_CONNECTIONS, DEFAULT_HALF_OPEN_TIMEOUT_NANOS, DEFAULT_IDLE_TIMEOUT_NANOS);
        }
    }

    /** Counters since creation; {@code sidrAnswered}/{@code sidrUnanswered} count finished resolutions. */
    public record Stats(long cmMessages, long malformed, long unmatched, long tableFull, long dataPackets,
                        long dataMatched, int tracked, long sidrAnswered, long sidrUnanswered) { }

    /** A SIDR_REQ waiting for its SIDR_REP; writer only. */
    private static final class PendingSidr {
        final String client;
        final String server;
        final long serviceId;
        final long requestId;
        final int pKey;
        final int vlan;
        final long frame;
        final long nanos;
        final long order;
        int requests = 1;
        long lastNanos;

        PendingSidr(String client, String server, CmMessage.SidrReq r, int vlan, long frame, long nanos, long order) {
            this.client = client;
            this.server = server;
            this.serviceId = r.serviceId();
            this.requestId = r.requestId();
            this.pKey = r.pKey();
            this.vlan = vlan;
            this.frame = frame;
            this.nanos = nanos;
            this.lastNanos = nanos;
            this.order = order;
        }

        SidrInfo done(long replyFrame, long replyNanos, CmMessage.SidrRep rep) {
            return new SidrInfo(client, server, serviceId, requestId, pKey, requests, vlan, frame, nanos, replyFrame,
                replyNanos, rep == null ? -1 : rep.status(), rep == null ? -1 : rep.qpn(), rep == null ? -1 : rep.qKey());
        }
    }

    /** A flow of an established connection: who sends on it and from which QP. */
    private record FlowRef(CmConnection connection, int sourceQpn, boolean fromClient) { }

    private final Options options;
    private final Consumer<CmEvent> listener;
    private final ConcurrentHashMap<Long, CmConnection> table = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TrackKey, FlowRef> flows = new ConcurrentHashMap<>();
    /** (owner address, comm ID) -> connection, for client and server comm IDs; writer only. */
    private final Map<TrackKey, CmConnection> byCommId = new HashMap<>();
    /** (client address, request ID) -> SIDR_REQ waiting for its SIDR_REP; writer only. */
    private final Map<TrackKey, PendingSidr> sidr = new HashMap<>();
    private final TrackKey probe = new TrackKey();
    private final byte[] src = new byte[16];
    private final byte[] dst = new byte[16];
    private long nextId = 1;
    private long sidrOrder;
    private long now = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    private volatile long cmMessages;
    private volatile long malformed;
    private volatile long unmatched;
    private volatile long tableFull;
    private volatile long dataPackets;
    private volatile long dataMatched;
    private volatile long sidrAnswered;
    private volatile long sidrUnanswered;

    public CmTracker(Consumer<CmEvent> listener) {
        this(Options.defaults(), listener);
    }

    public CmTracker(Options options, Consumer<CmEvent> listener) {
        if (options.maxConnections() < 1) throw new IllegalArgumentException("maxConnections < 1");
        this.options = options;
        this.listener = listener;
    }

    /** Feeds one dissected packet (writer thread only). Non-RDMA packets are ignored. */
    public void process(Packet p, Layers l) {
        long t = p.timestampNanos();
        if (t > now) now = t;
        if (lastSweep == Long.MIN_VALUE) lastSweep = now;
        if (now - lastSweep >= SWEEP_INTERVAL_NANOS) {
            sweep();
            lastSweep = now;
        }
        int bth = l.ibBthOffset;
        if (bth < 0 || !p.has(bth, MadLocator.BTH_LENGTH)) return;
        int opcode = Bth.opcode(p, bth);
        if ((opcode >>> 5) <= 1) {    // RC (0x00-0x1f) and UC (0x20-0x3f) data and ACKs
            data(p, l, bth);
            return;
        }
        int mad = MadLocator.madOffset(p, l);
        if (mad < 0 || Bth.destQp(p, bth) != 1) return;
        if (!p.has(mad, 2) || p.u8(mad + 1) != MadBaseHeader.CLASS_CM) {
            if (!p.has(mad, MadBaseHeader.LENGTH)) cmMalformed(p, "MAD header truncated", mad);
            return;
        }
        CmParseResult r = CmParser.parse(p, mad, MadLocator.madAvailable(p, l, mad));
        switch (r) {
            case CmParseResult.Decoded d -> {
                int kind = PacketAddresses.load(p, l, src, dst);
                if (kind < 0) return;
                cmMessages++;
                cm(p, l, kind, d.mad(), d.message());
            }
            case CmParseResult.Malformed m -> cmMalformed(p, m.reason(), m.offset());
            case CmParseResult.NotCm n -> { }
        }
    }

    private void cmMalformed(Packet p, String reason, int offset) {
        malformed++;
        listener.accept(new CmEvent.Malformed(p.frameNumber(), p.timestampNanos(), reason, offset));
    }

    private void data(Packet p, Layers l, int bth) {
        dataPackets++;
        int kind = PacketAddresses.load(p, l, probe.a, probe.b);   // straight into the probe: no copies
        if (kind < 0) return;
        probe.kind = kind;
        probe.n = Bth.destQp(p, bth);
        FlowRef ref = flows.get(probe);
        if (ref == null) return;
        dataMatched++;
        CmConnection c = ref.connection();
        if (ref.fromClient()) {
            c.clientPackets++;
            c.clientBytes += p.origLen();
        } else {
            c.serverPackets++;
            c.serverBytes += p.origLen();
        }
        c.lastNanos = p.timestampNanos();
        if (c.ipoibClient == null && l.networkKind != NetworkKind.NONE) ipOverIb(p, l, c, ref.fromClient());
    }

    /**
     * The IP endpoints of the first IP over IB packet of a connection: it allocates, so only until they are known,
     * and only for packets with an IP header (RoCEv2's own is turned away by {@link DecodedFrame.IpOverIb#read}).
     */
    private static void ipOverIb(Packet p, Layers l, CmConnection c, boolean fromClient) {
        DecodedFrame.IpOverIb ip = DecodedFrame.IpOverIb.read(p, l);
        if (ip == null || ip.src() == null || ip.dst() == null) return;
        c.ipoibServer = AddressText.ip(fromClient ? ip.dst() : ip.src());
        c.ipoibClient = AddressText.ip(fromClient ? ip.src() : ip.dst());   // last: readers test this one
    }

    private CmConnection find(int kind, byte[] owner, long commId) {
        return byCommId.get(probe.set(kind, owner, null, commId));
    }

    /** The connection a non-REQ message belongs to: by the receiver's comm ID, else by the sender's. */
    private CmConnection find(int kind, long localCommId, long remoteCommId) {
        CmConnection c = find(kind, dst, remoteCommId);
        return c != null ? c : find(kind, src, localCommId);
    }

    private void cm(Packet p, Layers l, int kind, MadBaseHeader mad, CmMessage m) {
        long t = p.timestampNanos();
        CmConnection c = switch (m) {
            case CmMessage.Req r -> {
                req(p, l, kind, mad, r);
                yield null;
            }
            case CmMessage.Mra r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Rep r -> matched(p, m, find(kind, dst, r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Rtu r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Rej r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Dreq r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Drep r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Lap r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.Apr r -> matched(p, m, find(kind, r.localCommId(), r.remoteCommId()), r.localCommId(), r.remoteCommId());
            case CmMessage.SidrReq r -> {
                sidrReq(p, l, kind, r);
                yield null;
            }
            case CmMessage.SidrRep r -> {
                sidrRep(p, kind, r);
                yield null;
            }
            case CmMessage.Other o -> null;
        };
        if (c == null) return;
        c.cmMessages++;
        c.lastNanos = t;
        CmState s = c.state;
        if (s.terminal()) return;    // retransmitted REJ/DREP while the ended connection lingers
        switch (m) {
            case CmMessage.Mra r -> {
                if (r.messageMraed() == 0 && s == CmState.REQ_SENT) {
                    learnServer(c, kind, r.localCommId());
                    c.state = CmState.MRA_RCVD;
                }
            }
            case CmMessage.Rep r -> {
                if (s == CmState.REQ_SENT || s == CmState.MRA_RCVD) {
                    learnServer(c, kind, r.localCommId());
                    c.serverQpn = r.localQpn();
                    c.serverStartPsn = r.startingPsn();
                    c.state = CmState.REP_RCVD;
                    // the client may send as soon as it has the REP, before its RTU reaches the capture
                    // (seen in the shared ERF capture): count data from here; queries still wait for the RTU
                    publish(c);
                }
            }
            case CmMessage.Rtu r -> {
                if (s == CmState.REP_RCVD) {
                    c.establishedNanos = t;
                    c.state = CmState.ESTABLISHED;
                    listener.accept(new CmEvent.Established(c.info()));
                }
            }
            case CmMessage.Rej r -> {
                c.rejectReason = r.reason();
                c.rejectedBy = java.util.Arrays.equals(src, c.client) ? "client" : "server";
                // a server's REJ carries its own comm ID (IBTA 12.6.7 Local Communication ID), even with no REP
                if ("server".equals(c.rejectedBy) && c.serverCommId < 0 && r.localCommId() != 0) c.serverCommId = r.localCommId();
                terminate(c, CmState.REJECTED, "rejected", t);
            }
            case CmMessage.Dreq r -> {
                if (s == CmState.ESTABLISHED || s == CmState.REP_RCVD) {
                    c.state = CmState.DREQ_SENT;
                    unpublish(c);
                }
            }
            case CmMessage.Drep r -> {
                if (s == CmState.DREQ_SENT || s == CmState.ESTABLISHED) terminate(c, CmState.DISCONNECTED, "disconnected", t);
            }
            default -> { }
        }
    }

    private CmConnection matched(Packet p, CmMessage m, CmConnection c, long local, long remote) {
        if (c == null) {
            unmatched++;
            listener.accept(new CmEvent.Unmatched(p.frameNumber(), p.timestampNanos(), m.name(), local, remote));
        }
        return c;
    }

    private void learnServer(CmConnection c, int kind, long serverCommId) {
        if (c.serverKey != null) return;
        c.serverCommId = serverCommId;
        c.serverKey = probe.set(kind, c.server, null, serverCommId).copy();
        byCommId.putIfAbsent(c.serverKey, c);
    }

    private void req(Packet p, Layers l, int kind, MadBaseHeader mad, CmMessage.Req r) {
        long t = p.timestampNanos();
        CmConnection old = find(kind, src, r.localCommId());
        if (old != null) {
            // same client and comm ID while the setup is live: a retransmission (CM resends REQs on timeout)
            if (old.state != CmState.DREQ_SENT && !old.state.terminal()) {
                old.reqCount++;
                old.cmMessages++;
                old.lastNanos = t;
                return;
            }
            remove(old, old.end != null ? old.end : "replaced");
        }
        if (table.size() >= options.maxConnections()) {
            tableFull++;
            listener.accept(new CmEvent.TableFull(p.frameNumber(), t, options.maxConnections()));
            return;
        }
        CmConnection c = new CmConnection(nextId++, kind, src, dst, r, mad.transactionId(),
            l.vlanCount > 0 ? l.vlanVid[0] : -1, t, p.frameNumber());
        c.clientKey = probe.set(kind, src, null, r.localCommId()).copy();
        byCommId.put(c.clientKey, c);
        table.put(c.id, c);
    }

    /** A SIDR_REQ: a new resolution, or a retransmission of one still waiting (same client and request ID). */
    private void sidrReq(Packet p, Layers l, int kind, CmMessage.SidrReq r) {
        long t = p.timestampNanos();
        PendingSidr old = sidr.get(probe.set(kind, src, null, r.requestId()));
        if (old != null) {
            old.requests++;
            old.lastNanos = t;
            return;
        }
        if (sidr.size() >= options.maxConnections()) {
            tableFull++;
            listener.accept(new CmEvent.TableFull(p.frameNumber(), t, options.maxConnections()));
            return;
        }
        sidr.put(probe.copy(), new PendingSidr(PacketAddresses.text(kind, src), PacketAddresses.text(kind, dst), r,
            l.vlanCount > 0 ? l.vlanVid[0] : -1, p.frameNumber(), t, sidrOrder++));
    }

    /** A SIDR_REP goes to the client that asked: its destination and request ID find the SIDR_REQ. */
    private void sidrRep(Packet p, int kind, CmMessage.SidrRep r) {
        PendingSidr pending = sidr.remove(probe.set(kind, dst, null, r.requestId()));
        if (pending == null) {
            unmatched++;
            listener.accept(new CmEvent.Unmatched(p.frameNumber(), p.timestampNanos(), r.name(), r.requestId(), -1));
            return;
        }
        sidrAnswered++;
        listener.accept(new CmEvent.SidrDone(pending.done(p.frameNumber(), p.timestampNanos(), r)));
    }

    /** Resolutions that got no SIDR_REP: those idle for the half-open timeout, or all of them (end of input). */
    private void sidrUnanswered(boolean all) {
        if (sidr.isEmpty()) return;
        List<PendingSidr> done = new ArrayList<>();
        for (var it = sidr.values().iterator(); it.hasNext(); ) {
            PendingSidr s = it.next();
            if (all || now - s.lastNanos >= options.halfOpenTimeoutNanos()) {
                done.add(s);
                it.remove();
            }
        }
        done.sort((a, b) -> Long.compare(a.order, b.order));
        for (PendingSidr s : done) {
            sidrUnanswered++;
            listener.accept(new CmEvent.SidrDone(s.done(-1, -1, null)));
        }
    }

    private void publish(CmConnection c) {
        if (c.serverQpn < 0) return;
        c.flowToServer = new TrackKey().set(c.kind, c.client, c.server, c.serverQpn);
        c.flowToClient = new TrackKey().set(c.kind, c.server, c.client, c.clientQpn);
        flows.put(c.flowToServer, new FlowRef(c, c.clientQpn, true));
        flows.put(c.flowToClient, new FlowRef(c, c.serverQpn, false));
    }

    private void unpublish(CmConnection c) {
        removeFlow(c.flowToServer, c);
        removeFlow(c.flowToClient, c);
    }

    private void removeFlow(TrackKey k, CmConnection c) {
        if (k == null) return;
        FlowRef f = flows.get(k);
        if (f != null && f.connection() == c) flows.remove(k, f);
    }

    /** Ends a connection but keeps it (and its comm IDs) for {@link #LINGER_NANOS} to absorb retransmissions. */
    private void terminate(CmConnection c, CmState state, String end, long t) {
        unpublish(c);
        c.endNanos = t;
        c.end = end;
        c.state = state;
    }

    private void remove(CmConnection c, String end) {
        unpublish(c);
        if (c.end == null) c.end = end;
        // the capture ending is not the connection ending: no end time then
        if (c.endNanos < 0 && !end.equals("capture_end")) c.endNanos = Math.max(now, c.lastNanos);
        table.remove(c.id);
        if (byCommId.get(c.clientKey) == c) byCommId.remove(c.clientKey);
        if (c.serverKey != null && byCommId.get(c.serverKey) == c) byCommId.remove(c.serverKey);
        listener.accept(new CmEvent.Ended(c.info()));
    }

    private void sweep() {
        sidrUnanswered(false);
        List<CmConnection> done = null;
        for (CmConnection c : table.values()) {
            CmState s = c.state;
            boolean expired = switch (s) {
                case DISCONNECTED, REJECTED, TIMED_OUT -> now - c.endNanos >= LINGER_NANOS;
                case ESTABLISHED -> now - c.lastNanos >= options.idleTimeoutNanos();
                default -> now - c.lastNanos >= options.halfOpenTimeoutNanos();
            };
            if (expired) {
                if (done == null) done = new ArrayList<>();
                done.add(c);
            }
        }
        if (done == null) return;
        done.sort((a, b) -> Long.compare(a.id, b.id));
        for (CmConnection c : done) {
            CmState s = c.state;
            if (s == CmState.ESTABLISHED) {
                remove(c, "idle");
            } else if (!s.terminal()) {
                c.state = CmState.TIMED_OUT;
                remove(c, "timed_out");
            } else {
                remove(c, c.end);
            }
        }
    }

    /** Ends every remaining connection ("capture_end" unless it already ended), in creation order. */
    public void finish() {
        sidrUnanswered(true);
        List<CmConnection> all = new ArrayList<>(table.values());
        all.sort((a, b) -> Long.compare(a.id, b.id));
        for (CmConnection c : all) remove(c, "capture_end");
    }

    /**
     * The QPN on {@code src} that sends to QP {@code destQpn} on {@code dst} over an established connection,
     * or -1 (the libconntrack-cm question). Any thread. IPv4 addresses also match IPv4-mapped GIDs.
     */
    public int querySourceQpn(InetAddress src, InetAddress dst, int destQpn) {
        TrackKey k = new TrackKey();
        k.kind = TrackKey.GID;
        gid(src, k.a);
        gid(dst, k.b);
        k.n = destQpn & 0xffffff;
        FlowRef f = flows.get(k);
        return f == null || f.connection().state != CmState.ESTABLISHED ? -1 : f.sourceQpn();
    }

    /** {@link #querySourceQpn} for IPv4 addresses given as ints (network order: 10.0.0.1 = 0x0a000001). */
    public int queryIpv4(int src, int dst, int destQpn) {
        try {
            return querySourceQpn(InetAddress.getByAddress(be(src)), InetAddress.getByAddress(be(dst)), destQpn);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] be(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static void gid(InetAddress ip, byte[] out) {
        byte[] a = ip.getAddress();
        if (ip instanceof Inet4Address) {
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(a, 0, out, 12, 4);
        } else {
            System.arraycopy(a, 0, out, 0, 16);
        }
    }

    /** Snapshots of the connections tracked now (ended ones still lingering included), by creation order. Any thread. */
    public List<CmConnectionInfo> connections() {
        List<CmConnectionInfo> out = new ArrayList<>();
        for (CmConnection c : table.values()) out.add(c.info());
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    public Stats stats() {
        return new Stats(cmMessages, malformed, unmatched, tableFull, dataPackets, dataMatched, table.size(),
            sidrAnswered, sidrUnanswered);
    }
}
