package dev.fabricscope.bench;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.Icrc;
import dev.fabricscope.rdma.cm.CmTracker;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RDMA-CM connection tracking ({@link CmTracker}, the hot path of {@code rdma conntrack} and {@code rdma query})
 * on an in-memory RoCEv2 capture: 1024 connections between 64 clients and 16 servers (IPv4), each REQ, REP,
 * RTU, 96 RC RDMA WRITEs (64-byte payload) + 24 ACKs interleaved round-robin with the other connections, then
 * DREQ, DREP (128,000 frames, 4% CM). Every frame has a valid ICRC. A fresh tracker per pass, so every pass
 * sees whole lifecycles (connection creation, publication, teardown, finish):
 * <ul>
 *   <li>track: {@code CmTracker.process} on frames dissected beforehand (tracking alone);</li>
 *   <li>dissectAndTrack: {@code Dissector.dissect} + {@code CmTracker.process} (what conntrack does per frame);</li>
 *   <li>trackCmOnly: the CM frames alone (6 per connection), the worst case.</li>
 * </ul>
 * Scores are ns per packet (a pass over the capture is one invocation of ALL_FRAMES or CM_FRAMES operations):
 * packets/s per core = 1e9 / score; with -prof gc, gc.alloc.rate.norm is bytes allocated per packet (per-connection
 * state and CM message records included). Run: ./build bench CmTracking [-prof gc].
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CmTrackingBenchmark {
    static final int CONNECTIONS = 1024;
    static final int WRITES = 96;
    static final int ACK_EVERY = 4;

    /** Frames per pass (JMH wants a constant for @OperationsPerInvocation: checked in setup). */
    static final int ALL_FRAMES = CONNECTIONS * (5 + WRITES + WRITES / ACK_EVERY);
    static final int CM_FRAMES = CONNECTIONS * 5;

    private Frames all;
    private Frames cmOnly;
    private final Packet packet = new Packet();
    private final Layers layers = new Layers();

    /** An in-memory capture: frames and their dissection. */
    static final class Frames {
        final byte[][] segments;
        final int[] lengths;
        final Layers[] dissected;

        Frames(List<byte[]> frames) {
            segments = new byte[frames.size()][];
            lengths = new int[frames.size()];
            dissected = new Layers[frames.size()];
            Packet p = new Packet();
            for (int i = 0; i < segments.length; i++) {
                byte[] f = frames.get(i);
                segments[i] = f;
                lengths[i] = f.length;
                dissected[i] = new Layers();
                Dissector.dissect(p.set(segments[i], 0, f.length, f.length, nanos(i), 0, LinkType.EN10MB, i + 1), dissected[i]);
            }
        }
    }

    static long nanos(int i) {
        return 1_767_225_600_000_000_000L + i * 1_000L;
    }

    @Setup(Level.Trial)
    public void build() {
        List<byte[]> frames = new ArrayList<>();
        List<byte[]> cm = new ArrayList<>();
        Icrc icrc = new Icrc();
        int[] psn = new int[CONNECTIONS];
        for (int c = 0; c < CONNECTIONS; c++) {
            psn[c] = c * 4099 & 0xFFFFFF;
            for (byte[] f : List.of(req(c, psn[c]), rep(c), rtu(c))) {
                frames.add(seal(f, icrc));
                cm.add(f);
            }
        }
        for (int k = 0; k < WRITES; k++) {
            for (int c = 0; c < CONNECTIONS; c++) {
                frames.add(seal(data(c, true, 0x0A, psn[c] + k, 16 + 64), icrc));
                if (k % ACK_EVERY == ACK_EVERY - 1) frames.add(seal(data(c, false, 0x11, psn[c] + k, 4), icrc));
            }
        }
        for (int c = 0; c < CONNECTIONS; c++) {
            for (byte[] f : List.of(dreq(c), drep(c))) {
                frames.add(seal(f, icrc));
                cm.add(f);
            }
        }
        if (frames.size() != ALL_FRAMES || cm.size() != CM_FRAMES) throw new IllegalStateException("frame count");
        all = new Frames(frames);
        cmOnly = new Frames(cm);
        // sanity: every connection established and torn down, every data packet attributed
        CmTracker t = new CmTracker(e -> { });
        track(t, all);
        CmTracker.Stats s = t.stats();
        if (s.cmMessages() != CM_FRAMES || s.dataMatched() != ALL_FRAMES - CM_FRAMES || s.unmatched() != 0 || s.malformed() != 0) {
            throw new IllegalStateException("benchmark capture not tracked as built: " + s);
        }
    }

    private int track(CmTracker tracker, Frames f) {
        for (int i = 0; i < f.segments.length; i++) {
            tracker.process(packet.set(f.segments[i], 0, f.lengths[i], f.lengths[i], nanos(i), 0, LinkType.EN10MB, i + 1), f.dissected[i]);
        }
        tracker.finish();
        return tracker.stats().tracked();
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(ALL_FRAMES)
    public int track() {
        return track(new CmTracker(e -> { }), all);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(ALL_FRAMES)
    public long dissectAndTrack() {
        CmTracker tracker = new CmTracker(e -> { });
        Frames f = all;
        for (int i = 0; i < f.segments.length; i++) {
            Packet p = packet.set(f.segments[i], 0, f.lengths[i], f.lengths[i], nanos(i), 0, LinkType.EN10MB, i + 1);
            Dissector.dissect(p, layers);
            tracker.process(p, layers);
        }
        tracker.finish();
        return tracker.stats().dataMatched();
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(CM_FRAMES)
    public int trackCmOnly() {
        return track(new CmTracker(e -> { }), cmOnly);
    }

    // ---- frames (IBTA vol. 1: BTH 9.2, DETH 9.3.3, MAD 13.4.3, CM 12.6; RDMA-CM IP private data header)

    static int clientIp(int c) {
        return 0x0A000001 + c % 64;          // 10.0.0.1-64
    }

    static int serverIp(int c) {
        return 0x0A010001 + c % 16;          // 10.1.0.1-16
    }

    static int clientQpn(int c) {
        return 0x010000 + c;
    }

    static int serverQpn(int c) {
        return 0x020000 + c;
    }

    static int clientComm(int c) {
        return 0xC0000000 | c;
    }

    static int serverComm(int c) {
        return 0x50000000 | c;
    }

    static byte[] req(int c, int startPsn) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, clientComm(c)).putLong(8, 0x0000000001060000L | 7471).putLong(16, 0x0002c90300000000L | c);
        b.putInt(32, clientQpn(c) << 8 | 1).putInt(36, 1).put(43, (byte) (0x16 << 3)).putInt(44, startPsn << 8 | 0x16 << 3 | 7);
        b.putShort(48, (short) 0xFFFF).put(50, (byte) (3 << 4 | 7)).put(51, (byte) (15 << 4));
        b.putShort(52, (short) 0xFFFF).putShort(54, (short) 0xFFFF);
        b.putShort(66, (short) 0xFFFF).putInt(68, clientIp(c)).putShort(82, (short) 0xFFFF).putInt(84, serverIp(c));  // IPv4-mapped GIDs
        b.put(93, (byte) 64);
        b.put(141, (byte) 0x40).putShort(142, (short) (40000 + c)).putInt(140 + 16, clientIp(c)).putInt(140 + 32, serverIp(c));  // cma_hdr
        return cm(c, true, 0x10, 0x1000L + c, b);
    }

    static byte[] rep(int c) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, serverComm(c)).putInt(4, clientComm(c)).putInt(12, serverQpn(c) << 8).putInt(20, 0x123456 << 8);
        b.put(24, (byte) 1).put(25, (byte) 1).put(26, (byte) (15 << 3)).put(27, (byte) (7 << 5));
        return cm(c, false, 0x13, 0x1000L + c, b);
    }

    static byte[] rtu(int c) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, clientComm(c)).putInt(4, serverComm(c));
        return cm(c, true, 0x14, 0x1000L + c, b);
    }

    static byte[] dreq(int c) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, clientComm(c)).putInt(4, serverComm(c)).putInt(8, serverQpn(c) << 8);
        return cm(c, true, 0x15, 0x2000L + c, b);
    }

    static byte[] drep(int c) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, serverComm(c)).putInt(4, clientComm(c));
        return cm(c, false, 0x16, 0x2000L + c, b);
    }

    /** A CM MAD as UD SEND Only to QP 1 with DETH. */
    static byte[] cm(int c, boolean fromClient, int attributeId, long tid, ByteBuffer body) {
        ByteBuffer f = headers(c, fromClient, 12 + 8 + 256);
        f.put((byte) 0x64).put((byte) 0x40).putShort((short) 0xFFFF).putInt(1).putInt(0);
        f.putInt(0x80010000).putInt(1);
        f.put((byte) 1).put((byte) 7).put((byte) 2).put((byte) 3).putInt(0).putLong(tid).putShort((short) attributeId)
            .putShort((short) 0).putInt(0).put(body.array());
        return f.array();
    }

    /** An RC packet: client -> server request, or server -> client ACK. */
    static byte[] data(int c, boolean fromClient, int opcode, int psn, int ext) {
        ByteBuffer f = headers(c, fromClient, 12 + ext);
        f.put((byte) opcode).put((byte) 0x40).putShort((short) 0xFFFF).putInt(fromClient ? serverQpn(c) : clientQpn(c))
            .putInt(psn & 0xFFFFFF);
        if (opcode == 0x11) f.putInt(0x1F000000 | psn & 0xFFFFFF);
        return f.array();
    }

    static ByteBuffer headers(int c, boolean fromClient, int ibLength) {
        int udpLength = 8 + ibLength + 4;
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + udpLength);
        f.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0x6A).putShort((short) (20 + udpLength)).putShort((short) 0).putShort((short) 0x4000)
            .put((byte) 64).put((byte) 17).putShort((short) 0)
            .putInt(fromClient ? clientIp(c) : serverIp(c)).putInt(fromClient ? serverIp(c) : clientIp(c));
        f.putShort((short) (0xC000 | c)).putShort((short) 4791).putShort((short) udpLength).putShort((short) 0);
        return f;
    }

    /** Writes the frame's ICRC into its last 4 bytes. */
    static byte[] seal(byte[] f, Icrc icrc) {
        Packet p = new Packet().set(f, 0, f.length, f.length, 0, 0, LinkType.EN10MB, 1);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        icrc.check(p, l);
        ByteBuffer.wrap(f).putInt(icrc.icrcOffset(), icrc.computed());
        return f;
    }
}
