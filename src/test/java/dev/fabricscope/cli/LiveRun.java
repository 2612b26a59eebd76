package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A fabricscope command capturing live in its own process, for the live tests: started, awaited until
 * it prints "listening on", fed by injecting frames on lo, stopped with SIGTERM (a normal stop).
 */
final class LiveRun implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private LiveRun(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code fabricscope args...} and waits until {@code interfaces} "listening on" lines appeared. */
    static LiveRun start(Path dir, int interfaces, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "live", ".out");
        Path err = Files.createTempFile(dir, "live", ".err");
        Process p = new ProcessBuilder(Oracles.fabricscopeCommand(args))
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        LiveRun run = new LiveRun(p, out, err);
        for (int i = 0; i < 300 && run.err().lines().filter(l -> l.startsWith("listening on ")).count() < interfaces; i++) {
            assertTrue(p.isAlive(), () -> "exited early: " + run.err());
            Thread.sleep(100);
        }
        Thread.sleep(300);   // the handles are active before the line is printed; leave a margin
        return run;
    }

    /** Injects every frame of {@code capture} on lo. */
    static void injectOnLo(Path capture) throws IOException {
        try (LiveCapture lo = LiveCapture.open("lo", 65535, false, 100, true, 0);
             PacketSource src = CaptureFiles.open(capture.toString(), ProblemReporter.IGNORE)) {
            Packet packet = new Packet();
            while (src.next(packet)) lo.inject(packet.copyBytes());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM after {@code settleMillis}, then waits for the exit; returns the exit status. */
    int stop(long settleMillis) throws InterruptedException {
        Thread.sleep(settleMillis);
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop: " + err());
        return process.exitValue();
    }

    /** Waits for the process to end by itself; returns the exit status. */
    int await() throws InterruptedException {
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not end: " + err());
        return process.exitValue();
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
