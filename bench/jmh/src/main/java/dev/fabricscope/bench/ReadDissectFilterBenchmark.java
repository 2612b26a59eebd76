package dev.fabricscope.bench;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSink;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.libpcap.BpfCompiler;
import dev.fabricscope.libpcap.BpfInterpreter;
import dev.fabricscope.print.PacketPrinter;
import dev.fabricscope.print.Verbosity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The file hot path, per packet: read (pcap from the page cache), dissect, BPF filter ("tcp"), write, or print
 * tcpdump's line (with -S, and with relative sequence numbers, which look each TCP conversation up).
 * The input is the SMC benchmark capture of ../shared/bench/gen_smc_bench.py with 2000 connections and
 * seed 1 (91,272 packets: SMC handshakes, background TCP and UDP), generated into /dev/shm so the disk
 * plays no part. Scores are per packet; with {@code -prof gc}, gc.alloc.rate.norm is bytes per packet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ReadDissectFilterBenchmark {
    /** Packets of gen_smc_bench.py --connections 2000 --seed 1 (its summary line "packets: 91272 total"). */
    static final int PACKETS = 91_272;

    private Path file;
    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    private BpfInterpreter tcp;
    private final StringBuilder line = new StringBuilder(512);

    @Setup(Level.Trial)
    public void generate() throws Exception {
        file = generateSmcCapture();
        tcp = new BpfInterpreter(BpfCompiler.compile("tcp", 1, BpfCompiler.DEFAULT_SNAPLEN, true, 0));
    }

    /** The benchmarks' input, generated into /dev/shm (or the temp dir); checked to hold {@link #PACKETS}. */
    static Path generateSmcCapture() throws Exception {
        Path shared = Path.of(System.getProperty("fabricscope.shared", "../shared"));
        Path gen = shared.resolve("bench/gen_smc_bench.py").toAbsolutePath();
        Path dir = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path file = Files.createTempFile(dir, "fabricscope-jmh", ".pcap");
        Process p = new ProcessBuilder("python3", gen.toString(), "--connections", "2000", "--seed", "1",
            "-o", file.toString(), "-q").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("generator failed: " + out);
        int packets = 0;
        Packet packet = new Packet();
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (s.next(packet)) packets++;
        }
        if (packets != PACKETS) throw new IllegalStateException(packets + " packets, expected " + PACKETS);
        return file;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long read() throws IOException {
        long sum = 0;
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (s.next(packet)) sum += packet.capLen();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long readDissect() throws IOException {
        long sum = 0;
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (s.next(packet)) {
                Dissector.dissect(packet, layers);
                sum += layers.payloadLength;
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long readFilterDissect() throws IOException {
        long sum = 0;
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (s.next(packet)) {
                if (!tcp.matches(packet)) continue;
                Dissector.dissect(packet, layers);
                sum += layers.payloadLength;
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long readFilterWrite() throws IOException {
        long n = 0;
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            CaptureInterface iface = s.interfaces().getFirst();
            try (PacketSink out = CaptureWriters.open("/dev/null", WriterOptions.pcap(iface))) {
                while (s.next(packet)) {
                    if (!tcp.matches(packet)) continue;
                    out.write(packet, iface);
                    n++;
                }
            }
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long readDissectPrintAbsolute() throws IOException {
        return print(new PacketPrinter(ZoneOffset.UTC, Verbosity.NORMAL, Set.of()));
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long readDissectPrintRelative() throws IOException {
        return print(new PacketPrinter(ZoneOffset.UTC, Verbosity.NORMAL,
            Set.of(PacketPrinter.Option.RELATIVE_SEQUENCE_NUMBERS)));
    }

    private long print(PacketPrinter printer) throws IOException {
        long chars = 0;
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (s.next(packet)) {
                Dissector.dissect(packet, layers);
                line.setLength(0);
                printer.format(packet, layers, line);
                chars += line.length();
            }
        }
        return chars;
    }
}
