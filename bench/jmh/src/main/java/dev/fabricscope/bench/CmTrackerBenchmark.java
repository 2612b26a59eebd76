package dev.fabricscope.bench;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.cm.CmTracker;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RDMA-CM tracking per packet on an in-memory RoCEv2 capture: dissect + {@link CmTracker#process} over
 * 1,000 connections' CM handshakes (REQ/REP/RTU, set up once) followed by RC SENDs to those connections
 * (attributed to them) and a CM REQ retransmission every 100 packets. Scores are per packet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CmTrackerBenchmark {
    static final int CONNECTIONS = 1000;
    static final int PACKETS = 10_000;

    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    private final byte[][] frames = new byte[PACKETS][];
    private CmTracker tracker;
    private long time;

    @Setup(Level.Trial)
    public void setUp() {
        tracker = new CmTracker(e -> { });
        for (int i = 0; i < CONNECTIONS; i++) {
            feed(frame(i, true, 0x64, 1, mad(0x10, req(i))));
            feed(frame(i, false, 0x64, 1, mad(0x13, rep(i))));
            feed(frame(i, true, 0x64, 1, mad(0x14, pair(0x1000 + i, 0x2000 + i))));
        }
        for (int k = 0; k < PACKETS; k++) {
            int i = k % CONNECTIONS;
            frames[k] = k % 100 == 99 ? frame(i, true, 0x64, 1, mad(0x10, req(i)))
                : frame(i, k % 2 == 0, 0x04, k % 2 == 0 ? 0x8000 + i : 0x100 + i, new byte[256]);
        }
    }

    private void feed(byte[] f) {
        int len = f.length;
        packet.set(f, 0, len, len, time++, 0, 1, 1);
        Dissector.dissect(packet, layers);
        tracker.process(packet, layers);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long track() {
        for (byte[] f : frames) feed(f);
        return tracker.stats().dataMatched();
    }

    // ---- frames: Ethernet / IPv4 10.0.x.y / UDP 4791 / BTH / [DETH / MAD] / ICRC (not checked here)

    static byte[] frame(int conn, boolean fromClient, int opcode, int destQp, byte[] payload) {
        boolean ud = opcode == 0x64;
        int ib = 12 + (ud ? 8 : 0) + payload.length;
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + 8 + ib + 4);
        f.put(new byte[12]).putShort((short) 0x0800);
        byte[] client = {10, 0, (byte) (conn >>> 8), (byte) conn};
        byte[] server = {10, 1, 0, 1};
        f.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + ib + 4)).putInt(0x40000000 >>> 16 << 16)
            .put((byte) 64).put((byte) 17).putShort((short) 0).put(fromClient ? client : server).put(fromClient ? server : client);
        f.putShort((short) 49152).putShort((short) 4791).putShort((short) (8 + ib + 4)).putShort((short) 0);
        f.put((byte) opcode).put((byte) 0).putShort((short) 0xffff).putInt(destQp).putInt(0);
        if (ud) f.putInt(0x80010000).putInt(1);
        f.put(payload);
        return f.array();
    }

    static byte[] mad(int attr, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(256);
        b.put(0, (byte) 1).put(1, (byte) 7).put(2, (byte) 2).put(3, (byte) 3).putShort(16, (short) attr).put(24, body);
        return b.array();
    }

    static byte[] req(int i) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, 0x1000 + i).putLong(8, 0x0000000001060000L | 7471).putInt(32, (0x100 + i) << 8).putInt(44, 1 << 8)
            .put(50, (byte) (5 << 4));
        return b.array();
    }

    static byte[] rep(int i) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, 0x2000 + i).putInt(4, 0x1000 + i).putInt(12, (0x8000 + i) << 8);
        return b.array();
    }

    static byte[] pair(int local, int remote) {
        ByteBuffer b = ByteBuffer.allocate(232);
        b.putInt(0, local).putInt(4, remote);
        return b.array();
    }
}
