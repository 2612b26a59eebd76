package dev.fabricscope.bench;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.CnpBuilder;
import dev.fabricscope.rdma.CnpTemplate;
import dev.fabricscope.rdma.Icrc;
import dev.fabricscope.rdma.QpStatsTable;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
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
 * RDMA per-packet paths on an in-memory capture (4096 RoCEv2 frames, Ethernet/IPv4: 256 RC QP flows, SEND
 * payloads of 64-1024 bytes (mean ~540), every 8th an ACK, every 64th a CNP, every 16th CE-marked):
 * <ul>
 *   <li>icrcCheck: Icrc.check on dissected frames (CRC32 over the masked pseudo-packet);</li>
 *   <li>qpsDissectAndCount: Dissector.dissect + QpStatsTable.packet (the rdma qps hot path);</li>
 *   <li>dissectOnly: Dissector.dissect alone (the dissector's share of the above);</li>
 *   <li>cnpBuild: CnpBuilder.build (dest QP + ICRC) per CNP.</li>
 * </ul>
 * Scores are ns per packet: packets/s per core = 1e9 / score. Run: ./build bench RdmaCnpQpsBenchmark [-prof gc].
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RdmaCnpQpsBenchmark {
    static final int FRAMES = 4096;

    private byte[][] segments;
    private int[] lengths;
    private Layers[] dissected;
    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    private final Icrc icrc = new Icrc();
    private QpStatsTable table;
    private CnpBuilder cnp;
    private int qp;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom rnd = new SplittableRandom(1);
        segments = new byte[FRAMES][];
        lengths = new int[FRAMES];
        dissected = new Layers[FRAMES];
        int[] psn = new int[256];
        for (int i = 0; i < FRAMES; i++) {
            int flow = rnd.nextInt(256);
            int opcode = i % 64 == 0 ? 0x81 : i % 8 == 0 ? 0x11 : 0x04;
            int payload = opcode == 0x04 ? 64 + rnd.nextInt(961) : opcode == 0x81 ? 16 : 4;
            int tos = i % 16 == 0 ? 0x6B : 0x6A;
            byte[] f = frame(flow, opcode, psn[flow]++, tos, payload);
            segments[i] = f;
            lengths[i] = f.length;
            dissected[i] = new Layers();
            Dissector.dissect(set(i), dissected[i]);
        }
        table = new QpStatsTable(QpStatsTable.DEFAULT_CAPACITY);
        cnp = new CnpBuilder(CnpTemplate.defaults(new byte[] {10, 0, 0, 2}, new byte[] {10, 0, 0, 1}));
    }

    private static byte[] frame(int flow, int opcode, int psn, int tos, int payload) {
        int udpLen = 8 + 12 + payload + 4;
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + udpLen);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) tos).putShort((short) (20 + udpLen)).putShort((short) 0).putShort((short) 0x4000)
            .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {10, 0, 1, (byte) flow}).put(new byte[] {10, 0, 2, 1});
        b.putShort((short) (49152 + flow)).putShort((short) 4791).putShort((short) udpLen).putShort((short) 0);
        b.put((byte) opcode).put((byte) 0).putShort((short) 0xFFFF).putInt(0x100 + flow).putInt(psn & 0xFFFFFF);
        return b.array();
    }

    private Packet set(int i) {
        return packet.set(segments[i], 0, lengths[i], lengths[i], 1_000_000_000L * i, 0, LinkType.EN10MB, i + 1);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int icrcCheck() {
        int valid = 0;
        for (int i = 0; i < FRAMES; i++) {
            icrc.check(set(i), dissected[i]);
            valid += icrc.computed();
        }
        return valid;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public QpStatsTable qpsDissectAndCount() {
        for (int i = 0; i < FRAMES; i++) {
            Packet p = set(i);
            Dissector.dissect(p, layers);
            table.packet(p, layers);
        }
        return table;
    }

    /** Dissect alone, to tell the dissector's share of qpsDissectAndCount from the table's. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int dissectOnly() {
        int sum = 0;
        for (int i = 0; i < FRAMES; i++) {
            Dissector.dissect(set(i), layers);
            sum += layers.ibBthOffset;
        }
        return sum;
    }

    @Benchmark
    public byte[] cnpBuild() {
        qp = (qp + 1) & 0xFFFFFF;
        return cnp.build(qp);
    }
}
