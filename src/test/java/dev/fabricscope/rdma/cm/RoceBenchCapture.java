package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.Icrc;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The capture of bench/rdma.sh: a deterministic RoCEv2 (IPv4, untagged) fabric written in time order with our
 * pcap writer while generated, every RoCE frame with a valid ICRC ({@link Icrc}); CM MAD bodies come from
 * rdma-cm's {@link CmFrames}. Usage: {@code RoceBenchCapture FILE [CONNECTIONS [REQUESTS]]} (default 4000
 * connections with 480 request packets each: 2,599,248 frames, 699 MB); prints the expected results
 * ({@link RoceBenchSummary}) on stdout.
 *
 * <p>256 client hosts (10.0.x.y) connect to 32 servers (10.1.0.1-32, RDMA-CM ports 7471/18515), connection i
 * starting at i x 8 s / CONNECTIONS, so thousands of QPs are live at once. Connection i (i mod 50 / 16 / 8 / 20
 * ... picks its story; several apply at once):
 * <ul>
 *   <li>setup REQ -> REP -> RTU; every 8th sends its REQ twice (retransmission), every 16th gets an MRA first;
 *   2 in 50 are rejected (REJ reason 28, 8 or 30, one of them after an MRA); 1 in 50 gets no answer to its REQ
 *   sent 3 times (TIMED_OUT 60 s later);</li>
 *   <li>RC data for 60 s: RDMA WRITE Only (RETH), WRITE First/Middle/Last, SEND Only, SEND/WRITE with
 *   immediate, PSNs increasing from the REQ's starting PSN (some start just below 2^24 and wrap); the server
 *   ACKs every 4th packet (AETH); every 4th connection also SENDs server -> client, ACKed by the client;</li>
 *   <li>1 in 10: a packet lost before the capture point (PSN gap), the server's NAK (PSN sequence error) and a
 *   go-back-N retransmission (the lost PSN late, the two after it duplicated); 1 in 10: a retransmitted packet
 *   (duplicate); 1 in 30: an RNR NAK and the retransmission;</li>
 *   <li>1 in 5 congested: every 16th request CE-marked, each answered by a CNP (BTH opcode 0x81) to the sender's
 *   QP; DSCP per connection from 0, 10, 18, 24, 26, 34, 46 (ECT(0) on data), CNPs with DSCP 48;</li>
 *   <li>teardown at 61.5 s: DREQ (from the client or the server) and DREP; 1 in 20 stays ESTABLISHED, 1 in 100
 *   ends with a DREQ unanswered (DREQ_SENT).</li>
 * </ul>
 * Also: per 1000 connections one late REQ alone (REQ_SENT), one late REQ + MRA (MRA_RCVD) and one late
 * REQ + REP (REP_RCVD) at the end; CM messages for unknown connections (unmatched); RC flows set up without
 * RDMA-CM (not attributed); 802.1Qbb PFC pause/resume frames on priority 3 and one 802.3x PAUSE pair.
 */
public final class RoceBenchCapture {
    static final long T0 = 1_767_225_600_000_000_000L;   // 2026-01-01T00:00:00Z in ns
    static final long MS = 1_000_000L, US = 1_000L, S = 1_000_000_000L;
    static final long SETUP_SPREAD = 8 * S;
    static final long DATA_SPAN = 60 * S;
    static final long TEARDOWN_AFTER = 61_500 * MS;
    static final long LATE_AT = 71_500 * MS;
    static final long END = 71_900 * MS;
    static final long HALF_OPEN_TIMEOUT = 60 * S;        // rdma conntrack's documented setup timeout
    static final int[] DSCPS = {26, 26, 24, 34, 46, 0, 10, 18};
    static final int[] REJECT_REASONS = {28, 8, 30};
    static final int CNP_TOS = 48 << 2;
    static final int MTU = 1024;

    private final int connections;
    private final int requests;
    private final long period;
    private final RoceBenchSummary summary = new RoceBenchSummary();
    private final SplittableRandom random = new SplittableRandom(4791);
    private final Endpoint[] clients = new Endpoint[256];
    private final Endpoint[] servers = new Endpoint[32];
    // reused for ICRCs
    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    private final Icrc icrc = new Icrc();
    /** (time of the last CM message, 1 if expected TIMED_OUT else 0) of setups/teardowns left unanswered. */
    private final List<long[]> halfOpen = new ArrayList<>();
    private int ipId;

    private RoceBenchCapture(int connections, int requests) {
        if (connections < 1 || connections > 60_000) throw new IllegalArgumentException("connections: 1..60000");
        if (requests < 16 || requests > 200_000) throw new IllegalArgumentException("requests: 16..200000");
        this.connections = connections;
        this.requests = requests;
        this.period = DATA_SPAN / requests;
        for (int h = 0; h < clients.length; h++) {
            clients[h] = Endpoint.of(new byte[] {10, 0, (byte) (h / 200), (byte) (h % 200 + 1)}, new byte[] {2, 0, 0, 0, (byte) (h >> 8), (byte) h});
        }
        for (int s = 0; s < servers.length; s++) {
            servers[s] = Endpoint.of(new byte[] {10, 1, 0, (byte) (s + 1)}, new byte[] {2, 1, 0, 0, 0, (byte) (s + 1)});
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RoceBenchCapture FILE [CONNECTIONS [REQUESTS]]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int r = args.length > 2 ? Integer.parseInt(args[2]) : 480;
        RoceBenchSummary s = write(Path.of(args[0]), n, r);
        s.print(System.out);
        System.err.println("wrote " + s.frames + " frames to " + args[0]);
    }

    /** Writes the capture and returns what it holds. */
    public static RoceBenchSummary write(Path file, int connections, int requests) throws IOException {
        return new RoceBenchCapture(connections, requests).run(file);
    }

    // ---- the scheduler: actors make batches of frames in their own time order; the queue merges them

    record Out(long nanos, byte[] frame) { }

    private abstract static class Actor {
        final ArrayDeque<Out> pending = new ArrayDeque<>();
        final int order;

        Actor(int order) {
            this.order = order;
        }

        /** Adds the next batch to {@link #pending} (times not before the last one); false when finished. */
        abstract boolean refill();

        long head() {
            return pending.peekFirst().nanos();
        }

        /** Refills until something is pending or the actor is done. */
        boolean ready() {
            while (pending.isEmpty()) {
                if (!refill()) return false;
            }
            return true;
        }

        void batch(List<Out> outs) {
            outs.sort(Comparator.comparingLong(Out::nanos));
            pending.addAll(outs);
        }
    }

    private RoceBenchSummary run(Path file) throws IOException {
        PriorityQueue<Actor> queue = new PriorityQueue<>(Comparator.comparingLong(Actor::head).thenComparingInt(a -> a.order));
        List<Actor> actors = new ArrayList<>();
        int order = 0;
        for (int i = 0; i < connections; i++) actors.add(new Connection(order++, i, T0 + i * (SETUP_SPREAD / connections), Story.of(i)));
        int perThousand = Math.max(1, connections / 1000);
        for (int j = 0; j < 3 * perThousand; j++) {
            actors.add(new Connection(order++, connections + j, T0 + LATE_AT + j * MS, Story.late(j % 3)));
        }
        for (int j = 0; j < Math.max(2, connections / 500); j++) actors.add(new StrayFlow(order++, j));
        actors.add(new Unmatched(order++, 2 * perThousand));
        actors.add(new Pauses(order++, Math.max(4, connections / 100)));
        for (Actor a : actors) if (a.ready()) queue.add(a);

        CaptureInterface iface = new CaptureInterface("bench", "", LinkType.EN10MB, 65535, 1000);
        WriterOptions options = new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO);
        long last = Long.MIN_VALUE;
        try (CaptureWriter w = CaptureWriters.open(file.toString(), options)) {
            Packet p = new Packet();
            while (!queue.isEmpty()) {
                Actor a = queue.poll();
                Out o = a.pending.pollFirst();
                if (o.nanos() < last) throw new IllegalStateException("time went back at frame " + (summary.frames + 1));
                last = o.nanos();
                byte[] f = o.frame();
                p.set(f, 0, f.length, f.length, o.nanos(), 0, LinkType.EN10MB, ++summary.frames);
                w.write(p, iface);
                if (a.ready()) queue.add(a);
            }
        }
        checkTimeouts(last);
        return summary;
    }

    /** The expected state of setups left unanswered must not depend on when the tracker sweeps (once a second). */
    private void checkTimeouts(long lastNanos) {
        for (long[] t : halfOpen) {
            long idle = lastNanos - t[0];
            boolean timedOut = t[1] == 1;
            if (timedOut ? idle < HALF_OPEN_TIMEOUT + 1_500 * MS : idle >= HALF_OPEN_TIMEOUT) {
                throw new IllegalStateException("capture too short for a clear half-open timeout: idle " + idle + " ns");
            }
        }
    }

    // ---- connections

    /** What happens to connection i. */
    record Story(boolean rejected, boolean rejectAfterMra, int rejectReason, boolean timedOut, boolean mra, boolean reqTwice,
                 boolean staysEstablished, boolean dreqUnanswered, boolean serverDisconnects, boolean congested,
                 boolean bidirectional, boolean loss, boolean duplicate, boolean rnr, int late) {
        static Story of(int i) {
            boolean rejected = i % 50 == 5 || i % 50 == 30;
            return new Story(rejected, i % 100 == 30, REJECT_REASONS[(i / 50) % 3], i % 50 == 10, i % 16 == 7, i % 8 == 3,
                i % 20 == 8, i % 50 == 18, i % 2 == 1, i % 5 == 2, i % 4 == 1, i % 10 == 4, i % 10 == 6, i % 30 == 9, -1);
        }

        /** Setups still open at the end: 0 REQ only, 1 REQ + MRA, 2 REQ + REP. */
        static Story late(int kind) {
            return new Story(false, false, 0, false, kind == 1, false, false, false, false, false, false, false, false, false, kind);
        }
    }

    /** One RDMA-CM connection: setup, data, teardown, as batches. */
    private final class Connection extends Actor {
        final int index;
        final long start;
        final Story story;
        final Endpoint client, server;
        final CmFrames.Host clientHost, serverHost;
        final int clientQpn, serverQpn;
        final long clientComm, serverComm, tid;
        final int port;
        final int dscp;
        int clientPsn, serverPsn;
        int msn, serverMsn;
        int reqCount, cmCount;
        long clientPackets, clientBytes, serverPackets, serverBytes;
        CmState state = CmState.REQ_SENT;
        int phase;        // 0 setup, 1 data, 2 teardown, 3 done
        int step;
        long dataStart;
        int serverSends;
        int lostPsn = -1;
        final int lossAt, duplicateAt, rnrAt;

        Connection(int order, int index, long start, Story story) {
            super(order);
            this.index = index;
            this.start = start;
            this.story = story;
            this.client = clients[index % clients.length];
            this.server = servers[index % servers.length];
            this.clientHost = client.host();
            this.serverHost = server.host();
            this.clientQpn = 0x010000 + index;
            this.serverQpn = 0x020000 + index;
            this.clientComm = 0xC0000000L | index * 7L;
            this.serverComm = 0x50000000L | index * 11L;
            this.tid = 0x0000_1000_0000_0000L | index;
            this.port = index % servers.length % 2 == 0 ? 7471 : 18515;
            this.dscp = DSCPS[index % DSCPS.length];
            this.clientPsn = index % 64 == 0 ? 0xFFFFF0 : random.nextInt(1 << 24);
            this.serverPsn = random.nextInt(1 << 24);
            int base = requests / 32 * 32;
            this.lossAt = Math.min(base / 2 + 2, requests - 4);
            this.duplicateAt = Math.min(base / 3 + 8, requests - 2);
            this.rnrAt = Math.min(base / 4 + 10, requests - 2);
        }

        @Override
        boolean refill() {
            List<Out> outs = new ArrayList<>();
            switch (phase) {
                case 0 -> setup(outs);
                case 1 -> data(outs);
                case 2 -> teardown(outs);
                default -> {
                    return false;
                }
            }
            batch(outs);
            return true;
        }

        int tos() {
            return dscp << 2;
        }

        void cm(List<Out> outs, long t, boolean fromClient, int attributeId, long transactionId, byte[] body) {
            cmCount++;
            outs.add(new Out(t, cmFrame(fromClient ? client : server, fromClient ? server : client, tos(),
                0xC000 | index & 0x3FFF, CmFrames.mad(attributeId, transactionId, body))));
        }

        void setup(List<Out> outs) {
            long t = start;
            byte[] req = CmFrames.req(clientComm, ServiceIds.of(0x106, port), 0x0002c90300000000L | index, clientQpn,
                clientPsn, 3, clientHost, serverHost, CmFrames.cmaHeader(32768 + index % 28000, clientHost, serverHost));
            cm(outs, t, true, 0x10, tid, req);
            reqCount = 1;
            phase = 3;
            if (story.timedOut()) {
                cm(outs, t + 500 * MS, true, 0x10, tid, req);
                cm(outs, t + S, true, 0x10, tid, req);
                reqCount = 3;
                state = CmState.TIMED_OUT;
                halfOpen.add(new long[] {t + S, 1});
                finish();
                return;
            }
            if (story.late() == 0) {
                halfOpen.add(new long[] {t, 0});
                finish();
                return;
            }
            if (story.reqTwice()) {
                t += 300 * MS;
                cm(outs, t, true, 0x10, tid, req);
                reqCount = 2;
            }
            if (story.mra() || story.rejectAfterMra()) {
                t += 100 * US;
                cm(outs, t, false, 0x11, tid, CmFrames.mra(serverComm, clientComm, 0, 20));
                state = CmState.MRA_RCVD;
                if (story.late() == 1) {
                    halfOpen.add(new long[] {t, 0});
                    finish();
                    return;
                }
                t += 200 * MS;
            }
            if (story.rejected()) {
                t += 1 * MS;
                cm(outs, t, false, 0x12, tid, CmFrames.rej(serverComm, clientComm, 0, story.rejectReason()));
                state = CmState.REJECTED;
                finish();
                return;
            }
            t += 150 * US;
            cm(outs, t, false, 0x13, tid, CmFrames.rep(serverComm, clientComm, serverQpn, serverPsn, 0x0002c90300100000L | index));
            state = CmState.REP_RCVD;
            if (story.late() == 2) {
                halfOpen.add(new long[] {t, 0});
                finish();
                return;
            }
            t += 40 * US;
            cm(outs, t, true, 0x14, tid, CmFrames.pair(clientComm, serverComm));
            state = CmState.ESTABLISHED;
            dataStart = t + MS + (index * 37L % 97) * US;
            phase = 1;
        }

        void data(List<Out> outs) {
            int k = step++;
            long t = dataStart + k * period;
            int sport = 0xC000 | clientQpn & 0x3FFF;
            boolean acked = k % 4 == 3;
            boolean inLoss = story.loss() && k >= lossAt && k <= lossAt + 2;
            if (story.loss() && k == lossAt) {
                // sent but lost before the capture point: the next request shows the gap
                lostPsn = clientPsn;
                clientPsn = clientPsn + 1 & 0xFFFFFF;
                row(client, server, serverQpn).psnGaps++;
                row(client, server, serverQpn).psnSkipped++;
            } else if (story.rnr() && k == rnrAt) {
                int psn = clientPsn;
                outs.add(request(t, 0x04, psn, true, false, 256));
                outs.add(response(t + 8 * US, 0x20 | 0x0E, psn));          // RNR NAK, timer 14
                outs.add(request(t + 20 * US, 0x04, psn, true, false, 256));
                row(client, server, serverQpn).duplicates++;
                outs.add(response(t + 28 * US, 0x1F, psn));
                clientPsn = psn + 1 & 0xFFFFFF;
            } else if (k % 32 == 17 && !inLoss) {
                outs.add(request(t, 0x06, clientPsn, false, false, MTU));
                outs.add(request(t + 2 * US, 0x07, clientPsn + 1 & 0xFFFFFF, false, false, MTU));
                outs.add(request(t + 4 * US, 0x08, clientPsn + 2 & 0xFFFFFF, acked, false, 512));
                if (acked) outs.add(response(t + 10 * US, 0x1F, clientPsn + 2 & 0xFFFFFF));
                clientPsn = clientPsn + 3 & 0xFFFFFF;
            } else {
                int opcode = switch (k % 8) {
                    case 1 -> 0x04;     // SEND Only
                    case 5 -> 0x05;     // SEND Only with Immediate
                    case 6 -> 0x0B;     // RDMA WRITE Only with Immediate
                    default -> 0x0A;    // RDMA WRITE Only
                };
                int psn = clientPsn;
                boolean ce = story.congested() && k % 16 == 5;
                int payload = 32 << (random.nextInt(5));
                outs.add(request(t, opcode, psn, acked && !inLoss, ce, payload));
                if (ce) outs.add(cnp(t + 6 * US));
                if (acked && !inLoss) outs.add(response(t + 10 * US, 0x1F, psn));
                if (story.duplicate() && k == duplicateAt) {
                    outs.add(request(t + 30 * US, opcode, psn, true, false, payload));
                    row(client, server, serverQpn).duplicates++;
                    outs.add(response(t + 38 * US, 0x1F, psn));
                }
                clientPsn = psn + 1 & 0xFFFFFF;
                if (story.loss() && k == lossAt + 2) {
                    // go-back-N: NAK for the lost PSN, then the lost one (late) and the two after it (duplicates)
                    outs.add(response(t + 12 * US, 0x60, lostPsn));
                    for (int j = 0; j < 3; j++) outs.add(request(t + (20 + 2 * j) * US, 0x0A, lostPsn + j & 0xFFFFFF, j == 2, false, 64));
                    RoceBenchSummary.Row r = row(client, server, serverQpn);
                    r.outOfOrder++;
                    r.duplicates += 2;
                    outs.add(response(t + 30 * US, 0x1F, lostPsn + 2 & 0xFFFFFF));
                }
            }
            if (story.bidirectional() && k % 4 == 1) {
                boolean ack = ++serverSends % 2 == 0;
                outs.add(serverSend(t + 40 * US, serverPsn, ack));
                if (ack) outs.add(clientAck(t + 45 * US, serverPsn));
                serverPsn = serverPsn + 1 & 0xFFFFFF;
            }
            if (step == requests) phase = story.staysEstablished() ? 3 : 2;
            if (phase == 3) finish();
        }

        void teardown(List<Out> outs) {
            long t = start + TEARDOWN_AFTER;
            long dtid = tid | 1L << 40;
            boolean fromClient = !story.serverDisconnects();
            long local = fromClient ? clientComm : serverComm, remote = fromClient ? serverComm : clientComm;
            cm(outs, t, fromClient, 0x15, dtid, CmFrames.dreq(local, remote, fromClient ? serverQpn : clientQpn));
            state = CmState.DREQ_SENT;
            if (story.dreqUnanswered()) {
                halfOpen.add(new long[] {t, 0});
            } else {
                cm(outs, t + 60 * US, !fromClient, 0x16, dtid, CmFrames.pair(remote, local));
                state = CmState.DISCONNECTED;
            }
            phase = 3;
            finish();
        }

        void finish() {
            summary.dataAttributed += clientPackets + serverPackets;
            summary.connections.add(new RoceBenchSummary.Connection(client.text(), server.text(), port, clientQpn,
                state == CmState.REQ_SENT || state == CmState.TIMED_OUT || state == CmState.MRA_RCVD || state == CmState.REJECTED ? -1 : serverQpn,
                clientComm, state, story.rejected() ? story.rejectReason() : 0, reqCount, cmCount,
                clientPackets, clientBytes, serverPackets, serverBytes));
        }

        // client -> server request (RC), counted on the connection
        Out request(long t, int opcode, int psn, boolean ackRequest, boolean ce, int payload) {
            int ext = switch (opcode) {
                case 0x06, 0x0A -> 16;   // RETH
                case 0x0B -> 20;         // RETH + ImmDt
                case 0x05 -> 4;          // ImmDt
                default -> 0;
            };
            byte[] f = rc(client, server, tos() | (ce ? 3 : 2), 0xC000 | clientQpn & 0x3FFF, opcode, serverQpn, psn, ackRequest, ext, payload, 0);
            clientPackets++;
            clientBytes += f.length;
            return new Out(t, f);
        }

        /** Server -> client ACK/NAK (AETH syndrome) for a client PSN. */
        Out response(long t, int syndrome, int psn) {
            byte[] f = rc(server, client, tos() | 2, 0xC000 | serverQpn & 0x3FFF, 0x11, clientQpn, psn, false, 4, 0, syndrome << 24 | ++msn & 0xFFFFFF);
            RoceBenchSummary.Row r = row(server, client, clientQpn);
            if (syndrome >>> 5 == 0) r.acks++;
            else if (syndrome >>> 5 == 1) r.rnrNaks++;
            else r.naks++;
            serverPackets++;
            serverBytes += f.length;
            return new Out(t, f);
        }

        Out serverSend(long t, int psn, boolean ackRequest) {
            byte[] f = rc(server, client, tos() | 2, 0xC000 | serverQpn & 0x3FFF, 0x04, clientQpn, psn, ackRequest, 0, 128, 0);
            serverPackets++;
            serverBytes += f.length;
            return new Out(t, f);
        }

        Out clientAck(long t, int psn) {
            byte[] f = rc(client, server, tos() | 2, 0xC000 | clientQpn & 0x3FFF, 0x11, serverQpn, psn, false, 4, 0, 0x1F << 24 | ++serverMsn & 0xFFFFFF);
            row(client, server, serverQpn).acks++;
            clientPackets++;
            clientBytes += f.length;
            return new Out(t, f);
        }

        /** The CNP the server (notification point) sends to the client QP whose packet was CE-marked. */
        Out cnp(long t) {
            ByteBuffer b = frame(server, client, CNP_TOS, 0xC000 | serverQpn & 0x3FFF, 12 + 16);
            b.put((byte) 0x81).put((byte) 0).putShort((short) 0xFFFF).put((byte) 0x40).put((byte) (clientQpn >>> 16))
                .putShort((short) clientQpn).putInt(0);
            byte[] f = seal(b);
            row(server, client, clientQpn).cnps++;
            return new Out(t, f);
        }
    }

    /** RC traffic between QPs that exchanged their numbers out of band (no RDMA-CM: not attributed). */
    private final class StrayFlow extends Actor {
        final Endpoint a, b;
        final int qpA, qpB;
        int psn;
        long t;
        int msn;

        StrayFlow(int order, int j) {
            super(order);
            a = Endpoint.of(new byte[] {10, 9, 0, (byte) (2 * j + 1)}, new byte[] {2, 9, 0, 0, 0, (byte) (2 * j + 1)});
            b = Endpoint.of(new byte[] {10, 9, 0, (byte) (2 * j + 2)}, new byte[] {2, 9, 0, 0, 0, (byte) (2 * j + 2)});
            qpA = 0x030000 + 2 * j;
            qpB = 0x030001 + 2 * j;
            psn = random.nextInt(1 << 24);
            t = T0 + 500 * MS + j * 7 * MS;
        }

        @Override
        boolean refill() {
            if (t > T0 + END) return false;
            List<Out> outs = new ArrayList<>();
            outs.add(new Out(t, rc(a, b, 26 << 2 | 2, 0xC000 | qpA & 0x3FFF, 0x0A, qpB, psn, true, 16, 256, 0)));
            outs.add(new Out(t + 10 * US, rc(b, a, 26 << 2 | 2, 0xC000 | qpB & 0x3FFF, 0x11, qpA, psn, false, 4, 0, 0x1F << 24 | ++msn & 0xFFFFFF)));
            row(b, a, qpA).acks++;
            psn = psn + 1 & 0xFFFFFF;
            t += 100 * MS;
            batch(outs);
            return true;
        }
    }

    /** CM messages whose connection was never seen (an RTU, then a DREP, alternately). */
    private final class Unmatched extends Actor {
        final Endpoint a = Endpoint.of(new byte[] {10, 8, 0, 1}, new byte[] {2, 8, 0, 0, 0, 1});
        final Endpoint b = Endpoint.of(new byte[] {10, 8, 0, 2}, new byte[] {2, 8, 0, 0, 0, 2});
        final int count;
        int j;

        Unmatched(int order, int count) {
            super(order);
            this.count = count;
        }

        @Override
        boolean refill() {
            if (j == count) return false;
            long comm = 0x7E000000L + j;
            byte[] mad = CmFrames.mad(j % 2 == 0 ? 0x14 : 0x16, 0x0000_2000_0000_0000L | j, CmFrames.pair(comm, comm + 0x100));
            pending.add(new Out(T0 + 5 * S + j * (60 * S / count), cmFrame(a, b, 0, 0xC000 | j, mad)));
            summary.unmatched++;
            j++;
            return true;
        }
    }

    /** 802.1Qbb PFC pause/resume pairs on priority 3, and one 802.3x PAUSE pair. */
    private final class Pauses extends Actor {
        final int pairs;
        int j;
        boolean linkPauseDone;

        Pauses(int order, int pairs) {
            super(order);
            this.pairs = pairs;
        }

        @Override
        boolean refill() {
            if (j == pairs) return false;
            long t = T0 + S + j * (69 * S / pairs);
            if (!linkPauseDone && t > T0 + 30 * S) {
                linkPauseDone = true;
                pending.add(new Out(T0 + 30 * S, pause(0x0001, 0, 0xFFFF)));
                pending.add(new Out(T0 + 30 * S + 100 * US, pause(0x0001, 0, 0)));
                summary.pauseFrames += 2;
                return true;
            }
            pending.add(new Out(t, pause(0x0101, 0x0008, 0xFFFF)));
            pending.add(new Out(t + 200 * US, pause(0x0101, 0x0008, 0)));
            summary.pfcFrames += 2;
            j++;
            return true;
        }

        byte[] pause(int opcode, int enable, int quanta) {
            ByteBuffer b = ByteBuffer.allocate(60);
            b.put(new byte[] {1, (byte) 0x80, (byte) 0xC2, 0, 0, 1, 2, (byte) 0xFF, 0, 0, 0, 1}).putShort((short) 0x8808).putShort((short) opcode);
            if (opcode == 0x0001) {
                b.putShort((short) quanta);
            } else {
                b.putShort((short) enable);
                for (int prio = 0; prio < 8; prio++) b.putShort((short) (prio == 3 ? quanta : 0));
            }
            return b.array();
        }
    }

    // ---- frames

    /** One host: address, MAC, and the forms the builders want. */
    record Endpoint(int ip, byte[] address, byte[] mac, String text, CmFrames.Host host) {
        static Endpoint of(byte[] ip, byte[] mac) {
            try {
                InetAddress a = InetAddress.getByAddress(ip);
                return new Endpoint(ByteBuffer.wrap(ip).getInt(), ip, mac, a.getHostAddress(), new CmFrames.Host(a, mac));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    /** A CM MAD as UD SEND Only to QP 1 with DETH (Q_Key 0x80010000, source QP 1), as {@link CmFrames#cm} lays it out. */
    private byte[] cmFrame(Endpoint src, Endpoint dst, int tos, int sport, byte[] mad) {
        ByteBuffer b = frame(src, dst, tos, sport, 12 + 8 + mad.length);
        b.put((byte) 0x64).put((byte) 0x40).putShort((short) 0xFFFF).putInt(1).putInt(0);
        b.putInt(0x80010000).putInt(1).put(mad);
        summary.cmMessages++;
        summary.cmByAttribute.merge((mad[16] & 0xFF) << 8 | mad[17] & 0xFF, 1L, Long::sum);
        return seal(b);
    }

    /** An RC/UC packet: BTH, {@code ext} bytes of extended headers (AETH value {@code aeth} when ext is 4 on an ACK), payload. */
    private byte[] rc(Endpoint src, Endpoint dst, int tos, int sport, int opcode, int destQp, int psn, boolean ackRequest,
                      int ext, int payload, int aeth) {
        ByteBuffer b = frame(src, dst, tos, sport, 12 + ext + payload);
        b.put((byte) opcode).put((byte) 0x40).putShort((short) 0xFFFF).putInt(destQp & 0xFFFFFF)
            .putInt((ackRequest ? 0x80000000 : 0) | psn & 0xFFFFFF);
        int at = b.position();
        if (opcode == 0x11) {
            b.putInt(aeth);
        } else if (ext >= 16) {
            b.putLong(0x00007f0000000000L | (long) psn << 12).putInt(0x1000 + (psn & 0xFF)).putInt(payload);   // RETH: VA, R_Key, DMA length
            if (ext == 20) b.putInt(psn);                                                                     // ImmDt
        } else if (ext == 4) {
            b.putInt(psn);                                                                                    // ImmDt
        }
        b.position(at + ext);
        for (int i = 0; i < payload; i += 4) b.putInt(psn ^ i);
        summary.dataPackets++;
        return seal(b);
    }

    /**
     * Ethernet / IPv4 (DF, TTL 64, given ToS, header checksum) / UDP (sport -> 4791, checksum 0) headers for
     * {@code ibLength} bytes of BTH onwards plus the ICRC; the buffer is positioned at the BTH.
     */
    private ByteBuffer frame(Endpoint src, Endpoint dst, int tos, int sport, int ibLength) {
        int udpLength = 8 + ibLength + Icrc.LENGTH;
        int ipLength = 20 + udpLength;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength);
        f.put(dst.mac()).put(src.mac()).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) tos).putShort((short) ipLength).putShort((short) ipId++).putShort((short) 0x4000)
            .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(src.ip()).putInt(dst.ip());
        int sum = 0;
        for (int i = 14; i < 34; i += 2) sum += f.getShort(i) & 0xFFFF;
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >>> 16);
        f.putShort(24, (short) ~sum);
        f.putShort((short) sport).putShort((short) 4791).putShort((short) udpLength).putShort((short) 0);
        return f;
    }

    /** Writes the ICRC and tallies the frame on its (src, dst, dest QP) row. */
    private byte[] seal(ByteBuffer b) {
        byte[] f = b.array();
        packet.set(f, 0, f.length, f.length, 0, 0, LinkType.EN10MB, 1);
        Dissector.dissect(packet, layers);
        icrc.check(packet, layers);
        if (icrc.icrcOffset() != f.length - Icrc.LENGTH) throw new IllegalStateException("ICRC not located in a built frame");
        ByteBuffer.wrap(f).putInt(icrc.icrcOffset(), icrc.computed());
        summary.roceFrames++;
        int tos = f[15] & 0xFF;
        String src = ipText(f, 26), dst = ipText(f, 30);
        RoceBenchSummary.Row r = row(src, dst, ByteBuffer.wrap(f).getInt(42 + 4) & 0xFFFFFF);
        r.packets++;
        r.bytes += f.length;
        r.dscpMask |= 1L << (tos >>> 2);
        if ((tos & 3) == 3) r.ceMarks++;
        return f;
    }

    private final StringBuilder ipText = new StringBuilder(15);

    private String ipText(byte[] f, int at) {
        ipText.setLength(0);
        for (int i = 0; i < 4; i++) ipText.append(i > 0 ? "." : "").append(f[at + i] & 0xFF);
        return ipText.toString();
    }

    private RoceBenchSummary.Row row(Endpoint src, Endpoint dst, int qp) {
        return row(src.text(), dst.text(), qp);
    }

    private RoceBenchSummary.Row row(String src, String dst, int qp) {
        return summary.rows.computeIfAbsent(new RoceBenchSummary.RowKey(src, dst, qp), k -> new RoceBenchSummary.Row());
    }
}
