package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.smc.ClcLineProducer;
import dev.fabricscope.smc.SmcClcOptions;
import dev.fabricscope.testing.Oracles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fabricscope smc-clc} end to end: flags, sources, start lines, -http, -w, -pcap-maxpkts, errors. */
class SmcClcCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final String LOG_PREFIX = "2024/05/06 07:08:09 ";

    /** A producer that prints one line per packet and keeps the packets whose TCP port matches. */
    private static class FakeProducer implements ClcLineProducer {
        final List<Long> frames = new ArrayList<>();
        /** Packet times as tcpdump -tt prints them (seconds.microseconds). */
        final List<String> times = new ArrayList<>();
        final IntPredicate keepPort;
        SmcClcOptions options;
        boolean finished;

        FakeProducer(IntPredicate keepPort) {
            this.keepPort = keepPort;
        }

        @Override
        public boolean packet(Packet packet, Layers layers, Output out) {
            frames.add(packet.frameNumber());
            long ns = packet.timestampNanos();
            times.add(Math.floorDiv(ns, 1_000_000_000L) + "." + String.format("%06d", Math.floorMod(ns, 1_000_000_000L) / 1000));
            out.print("frame " + packet.frameNumber() + " port " + layers.dstPort + "\n");
            return keepPort.test(layers.srcPort) || keepPort.test(layers.dstPort);
        }

        @Override
        public void finish(Output out) {
            finished = true;
            out.log("finished after " + frames.size() + " packets");
        }
    }

    private record Result(int exit, String out, String err) { }

    private static Result run(SmcClcCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = command.run(List.of(args), new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    private static SmcClcCommand command(FakeProducer producer) {
        return new SmcClcCommand(options -> {
            producer.options = options;
            return producer;
        }, CLOCK, ZoneOffset.UTC, 1 << 20, a -> { });
    }

    private static GoFlagsOracle.GoRun goRun(String... args) {
        return GoFlagsOracle.RUNS.stream()
            .filter(r -> r.program().equals("smc-clc") && r.args().equals(List.of(args))).findFirst().orElseThrow();
    }

    @Test
    void dashHPrintsGoStyleUsageOnStderrAndExitsZero() {
        CliRun run = CliRun.of("smc-clc", "-h");
        GoFlagsOracle.GoRun go = goRun("-h");
        assertEquals(go.exit(), run.exitCode());
        assertEquals(go.stdout(), run.out());
        assertEquals(go.stderr(), run.err());
        assertTrue(run.err().startsWith("Usage of smc-clc:\n  -decap\n"), run.err());   // Go sorts the flags
        assertTrue(run.err().contains("\n  -f file\n    \tread packets from a pcap file"), run.err());
    }

    @Test
    void badFlagsAreReportedAsGoDoesWithExitTwo() {
        for (String[] args : new String[][] {{"-unknown"}, {"-f"}, {"-pcap-snaplen", "abc"}}) {
            CliRun run = CliRun.of(prepend("smc-clc", args));
            GoFlagsOracle.GoRun go = goRun(args);
            assertEquals(go.exit(), run.exitCode(), List.of(args).toString());
            assertEquals(go.stderr(), run.err(), List.of(args).toString());
            assertEquals("", run.out());
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void mainHelpStillListsPicocliCommandsAndMentionsSmcClc() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String c : List.of("capture", "filter", "strip", "smc-clc")) assertTrue(run.out().contains(c), c);
        CliRun help = CliRun.of("help", "smc-clc");
        assertEquals(0, help.exitCode());
        assertEquals(SmcClcCommand.usage(), help.out());
    }

    @Test
    void missingFileIsOneLoggedLineAndExitOne() {
        FakeProducer producer = new FakeProducer(p -> false);
        Result r = run(command(producer), "-f", "/nonexistent/nosuch.pcap");
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        // smc-clc: log.Fatal of libpcap's pcap_open_offline error
        assertEquals(LOG_PREFIX + "/nonexistent/nosuch.pcap: No such file or directory\n", r.err());
    }

    @Test
    void readsAFileWithSmcClcsStartLineAndEveryPacketReachesTheProducer() throws Exception {
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        FakeProducer producer = new FakeProducer(p -> false);
        Result r = run(command(producer), "--f=" + edge, "-show-timestamps=false", "--show-hex", "-json");
        assertEquals(0, r.exit(), r.err());
        // the oracle's stderr starts with smc-clc's start line (date masked as "<date> ", file given by name)
        String oracleFirst = Files.readAllLines(edge.resolveSibling("synthetic-edge.smc-clc.stderr.txt")).getFirst();
        String[] err = r.err().split("\n");
        assertEquals(oracleFirst.replace("<date> ", LOG_PREFIX).replace("synthetic-edge.pcap", edge.toString()), err[0]);
        assertEquals(packetCount(edge), producer.frames.size());
        assertEquals(LOG_PREFIX + "finished after " + producer.frames.size() + " packets", err[1]);
        assertEquals(producer.frames.size(), r.out().lines().count());
        assertEquals(new SmcClcOptions(false, false, true, true, false, ZoneOffset.UTC, true), producer.options);
    }

    private static int packetCount(Path file) throws Exception {
        int n = 0;
        try (PacketSource s = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            Packet p = new Packet();
            while (s.next(p)) n++;
        }
        return n;
    }

    @Test
    void maxPacketsStopsAfterThatManyPackets() {
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        FakeProducer producer = new FakeProducer(p -> false);
        Result r = run(command(producer), "-f", edge.toString(), "-pcap-maxpkts", "3");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(1L, 2L, 3L), producer.frames);
        assertTrue(producer.finished);
    }

    @Test
    void filterOnAFileSelectsWhatTcpdumpSelects() {
        Oracles.requireLibpcap();
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        Oracles.Run tcpdump = Oracles.tcpdump("-n", "-tt", "-r", edge.toString(), "tcp port 20004");
        List<String> expected = tcpdump.out().lines().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertTrue(expected.size() > 2, tcpdump.out());
        FakeProducer producer = new FakeProducer(p -> false);
        Result r = run(command(producer), "-f", edge.toString(), "-pcap-filter", "tcp port 20004");
        assertEquals(0, r.exit(), r.err());
        assertEquals(expected, producer.times);
    }

    @Test
    void badFilterIsOneLoggedLineAndExitOne() {
        Oracles.requireLibpcap();
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        Result r = run(command(new FakeProducer(p -> false)), "-f", edge.toString(), "-pcap-filter", "tcp port");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(LOG_PREFIX), r.err());
    }

    @Test
    void dashWSavesThePacketsTheProducerKeeps(@TempDir Path dir) throws Exception {
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        Path saved = dir.resolve("clc.pcap");
        FakeProducer producer = new FakeProducer(port -> port == 20003);
        Result r = run(command(producer), "-f", edge.toString(), "-w", saved.toString());
        assertEquals(0, r.exit(), r.err());
        // tcpdump reads the written file back and sees exactly the packets of port 20003 from the input
        Oracles.Run fromInput = Oracles.tcpdump("-n", "-r", edge.toString(), "tcp port 20003");
        Oracles.Run fromSaved = Oracles.tcpdump("-n", "-r", saved.toString());
        assertTrue(fromInput.out().lines().count() > 2, fromInput.out());
        assertEquals(fromInput.out(), fromSaved.out());
    }

    @Test
    void httpServesEverythingPrintedIncludingTheStartLineThenStopsOnRequest() throws Exception {
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        FakeProducer producer = new FakeProducer(p -> false);
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        SmcClcCommand command = new SmcClcCommand(o -> producer, CLOCK, ZoneOffset.UTC, 1 << 20, bound::complete);
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(
            () -> run(command, "-http", "127.0.0.1:0", "-f", edge.toString()));
        int port = bound.get(30, TimeUnit.SECONDS).getPort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/some/path");
        try (HttpClient client = HttpClient.newHttpClient()) {
            // the file is read while we ask: wait until the producer has finished
            String body = "";
            for (int i = 0; i < 300 && !body.contains("finished after"); i++) {
                body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (!body.contains("finished after")) Thread.sleep(20);
            }
            List<String> lines = body.lines().toList();
            assertEquals(LOG_PREFIX + "Reading packets from file " + edge + ":", lines.getFirst());
            assertEquals(producer.frames.size() + 2, lines.size(), body);
            for (int i = 0; i < producer.frames.size(); i++) {
                assertTrue(lines.get(i + 1).startsWith("frame " + producer.frames.get(i) + " port "), lines.get(i + 1));
            }
            String flushed = client.send(HttpRequest.newBuilder(URI.create(uri + "?flush=true")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(body, flushed);
            assertEquals("", client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        command.stop();
        Result r = result.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out(), "with -http nothing goes to stdout");
        assertTrue(r.err().contains("still serving"), r.err());
        assertTrue(!r.err().contains("WARNING"), "127.0.0.1 is loopback: no warning\n" + r.err());
    }

    /** The real decoder renders on its own thread when reading a file: -http still gets every line, in order. */
    @Test
    void httpServesTheRealDecodersTextOfAFile() throws Exception {
        Path capture = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        String oracle = Files.readString(capture.resolveSibling("synthetic-4conn.smc-clc.txt"));
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        SmcClcCommand command = new SmcClcCommand(dev.fabricscope.smc.SmcClcLines::new, CLOCK, ZoneOffset.UTC, 1 << 20,
            bound::complete);
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(
            () -> run(command, "-http", "127.0.0.1:0", "-f", capture.toString(), "-show-timestamps=false"));
        int port = bound.get(30, TimeUnit.SECONDS).getPort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        String startLine = LOG_PREFIX + "Reading packets from file " + capture + ":\n";
        try (HttpClient client = HttpClient.newHttpClient()) {
            String body = "";
            for (int i = 0; i < 500 && !body.equals(startLine + oracle); i++) {
                if (i > 0) Thread.sleep(20);
                body = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            assertEquals(startLine + oracle, body);
        }
        command.stop();
        Result r = result.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
    }

    /** A failure in the middle of the input: what was decoded before still gets out (finish), then the failure. */
    @Test
    void aFailureMidInputStillFinishesTheProducer() throws Exception {
        Path capture = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        IllegalStateException boom = new IllegalStateException("decoder bug");
        FakeProducer producer = new FakeProducer(p -> false) {
            @Override
            public boolean packet(Packet packet, Layers layers, Output out) {
                if (packet.frameNumber() == 5) throw boom;
                return super.packet(packet, layers, out);
            }
        };
        Result r = run(command(producer), "-f", capture.toString());
        assertEquals(1, r.exit());
        assertTrue(producer.finished);
        assertEquals(List.of(1L, 2L, 3L, 4L), producer.frames);
        assertEquals(4, r.out().lines().count(), r.out());
        // the producer's last word, then one line for the failure: no stack trace
        List<String> err = r.err().lines().toList();
        assertEquals(LOG_PREFIX + "finished after 4 packets", err.get(err.size() - 2), r.err());
        assertEquals(LOG_PREFIX + "internal error: java.lang.IllegalStateException: decoder bug", err.getLast(), r.err());
    }

    @Test
    void httpOnAllAddressesWarnsAndABadAddressIsFatal() throws Exception {
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        SmcClcCommand command = new SmcClcCommand(o -> new FakeProducer(p -> false), CLOCK, ZoneOffset.UTC, 1 << 20,
            bound::complete);
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(
            () -> run(command, "-http", ":0", "-f", edge.toString()));
        assertTrue(bound.get(30, TimeUnit.SECONDS).getAddress().isAnyLocalAddress());
        command.stop();
        Result r = result.get(30, TimeUnit.SECONDS);
        assertTrue(r.err().startsWith(LOG_PREFIX + "WARNING: -http :0 listens on all addresses"), r.err());

        Result bad = run(command(new FakeProducer(p -> false)), "-http", "8000", "-f", edge.toString());
        assertEquals(1, bad.exit());
        // Go 1.19: net.Listen("tcp", "8000")
        assertEquals(LOG_PREFIX + "listen tcp: address 8000: missing port in address\n", bad.err());
    }

    @Test
    void argumentsAfterTheFlagsAreIgnoredWithAWarning() {
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        FakeProducer producer = new FakeProducer(p -> false);
        // Go stops parsing at "extra": -pcap-maxpkts is not a flag any more (smc-clc ignores both)
        Result r = run(command(producer), "-f", edge.toString(), "extra", "-pcap-maxpkts", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith(LOG_PREFIX + "WARNING: ignoring arguments after the flags"), r.err());
        assertTrue(producer.frames.size() > 1);
    }

    @Test
    void liveCaptureLogsSmcClcsListeningLineAndStopsAtMaxTime() {
        Oracles.requireRootAndLibpcap();
        FakeProducer producer = new FakeProducer(p -> false);
        long start = System.nanoTime();
        Result r = run(command(producer), "-i", "lo", "-pcap-maxtime", "1", "-pcap-promisc=false");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exit(), r.err());
        // packet-go pkg/pcap listener.go (the version smc-clc 260c39f uses): "Listening on interface %s:\n"
        assertEquals(LOG_PREFIX + "Listening on interface lo:", r.err().lines().findFirst().orElseThrow());
        assertTrue(ms >= 1000 && ms < 10_000, "stopped after " + ms + " ms");
        assertTrue(producer.finished);
    }

    @Test
    void snaplenFollowsLibpcapsClamp() {
        assertEquals(2048, SmcClcCommand.clampSnaplen(2048));
        assertEquals(262144, SmcClcCommand.clampSnaplen(0));
        assertEquals(262144, SmcClcCommand.clampSnaplen(-5));
        assertEquals(262144, SmcClcCommand.clampSnaplen(1L << 40));
    }
}
