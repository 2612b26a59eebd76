package dev.fabricscope.bench;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.Icrc;
import dev.fabricscope.rdma.IcrcStatus;
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
 * Dissect + ICRC check per RoCE packet, in memory: the 105 RoCEv2 frames of the shared capture
 * oferby-proxy_roce.pcap (RC SENDs of 1024 bytes and ACKs), path given by -Dfabricscope.rdma.capture
 * (default ../shared/captures/rdma/oferby-proxy_roce.pcap). Score: ns per packet. Measured 2026-11-22 on the
 * 2-core dev machine (shared with other jobs): 178.6 ± 16.4 ns/packet, about 5.6 M packets/s per core
 * ({@code ./build bench IcrcBenchmark -wi 3 -w 1 -i 5 -r 2}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class IcrcBenchmark {
    private Packet[] packets;
    private final Layers layers = new Layers();
    private final Icrc icrc = new Icrc();
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        String path = System.getProperty("fabricscope.rdma.capture", "../shared/captures/rdma/oferby-proxy_roce.pcap");
        List<Packet> list = new ArrayList<>();
        try (PacketSource src = CaptureFiles.open(path, ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            Layers l = new Layers();
            while (src.next(p)) {
                Dissector.dissect(p, l);
                if (l.ibBthOffset < 0) continue;
                byte[] b = p.copyBytes();
                list.add(new Packet().set(b, 0, b.length, b.length, 0, 0, p.linkType(), p.frameNumber()));
            }
        }
        packets = list.toArray(new Packet[0]);
    }

    @Benchmark
    public boolean dissectAndCheckIcrc() {
        Packet p = packets[next];
        next = next + 1 == packets.length ? 0 : next + 1;
        Dissector.dissect(p, layers);
        return icrc.check(p, layers) == IcrcStatus.VALID;
    }
}
