package dev.fabricscope.bench;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.Latin1Builder;
import dev.fabricscope.smc.ClcListener;
import dev.fabricscope.smc.ClcParseResult;
import dev.fabricscope.smc.ClcParser;
import dev.fabricscope.smc.ClcTracker;
import dev.fabricscope.smc.SmcClcFormatter;
import dev.fabricscope.tcp.TcpFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The SMC path per packet: read, dissect, TCP reassembly + CLC framing (ClcTracker), and for each CLC
 * message parsing (and, in trackParseFormat, smc-clc's text). Input: gen_smc_bench.py --connections 2000
 * --seed 1 in /dev/shm (91,272 packets, about 5,900 CLC messages). Scores are per packet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SmcClcBenchmark {
    private Path file;
    private final Packet packet = new Packet();
    private final Layers layers = new Layers();

    @Setup(Level.Trial)
    public void generate() throws Exception {
        file = ReadDissectFilterBenchmark.generateSmcCapture();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Counts messages, and parses (and formats) them when asked. */
    private static final class Sink implements ClcListener {
        private final boolean parse;
        private final boolean format;
        private final Latin1Builder text = new Latin1Builder(1024);
        long messages;

        Sink(boolean parse, boolean format) {
            this.parse = parse;
            this.format = format;
        }

        @Override
        public void message(TcpFlow<?> flow, int direction, byte[] bytes, int offset, int length, long timestampNanos,
                            long frame) {
            messages++;
            if (!parse) return;
            if (ClcParser.parse(bytes, offset, length) instanceof ClcParseResult.Parsed(var m) && format) {
                text.clear();
                SmcClcFormatter.appendMessage(text.append("a -> b"), m, false, false);
            }
        }

        @Override
        public void malformed(TcpFlow<?> flow, int direction, String reason, long timestampNanos, long frame) { }

        @Override
        public void noClc(TcpFlow<?> flow, String reason, long timestampNanos) { }
    }

    private long run(boolean parse, boolean format) throws IOException {
        Sink sink = new Sink(parse, format);
        ClcTracker tracker = new ClcTracker(sink);
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (s.next(packet)) {
                Dissector.dissect(packet, layers);
                tracker.packet(packet, layers);
            }
        }
        tracker.finish();
        return sink.messages;
    }

    @Benchmark
    @OperationsPerInvocation(ReadDissectFilterBenchmark.PACKETS)
    public long track() throws IOException {
        return run(false, false);
    }

    @Benchmark
    @OperationsPerInvocation(ReadDissectFilterBenchmark.PACKETS)
    public long trackParse() throws IOException {
        return run(true, false);
    }

    @Benchmark
    @OperationsPerInvocation(ReadDissectFilterBenchmark.PACKETS)
    public long trackParseFormat() throws IOException {
        return run(true, true);
    }
}
