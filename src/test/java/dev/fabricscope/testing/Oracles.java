package dev.fabricscope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.libpcap.Libpcap;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Access to the oracles and shared data that tests compare against (tcpdump, tshark, libpcap,
 * ../shared/captures). When one is missing the test is skipped with a message saying what to install;
 * CI (.ci/run) installs them all, so there nothing is skipped.
 */
public final class Oracles {
    private Oracles() { }

    /** Output of one run. */
    public record Run(int exitCode, String out, String err) { }

    /** ${fabricscope.shared}/captures, or skip. */
    public static Path sharedCaptures() {
        String shared = System.getProperty("fabricscope.shared");
        assumeTrue(shared != null, "system property fabricscope.shared is not set: no shared captures");
        Path captures = Path.of(shared, "captures");
        assumeTrue(Files.isDirectory(captures), captures + " does not exist: shared captures unavailable");
        return captures;
    }

    /** A file under ${fabricscope.shared}/captures, or skip. */
    public static Path sharedCapture(String relative) {
        Path p = sharedCaptures().resolve(relative);
        assumeTrue(Files.isReadable(p), "shared capture missing: " + p);
        return p;
    }

    /** Every pcap/pcapng file under the shared captures, sorted. */
    public static List<Path> allSharedCaptures() throws IOException {
        try (Stream<Path> files = Files.walk(sharedCaptures())) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                .sorted().toList();
        }
    }

    /** Skips unless {@code tool} runs (tcpdump, tshark, capinfos ...). */
    public static void requireTool(String tool, String debianPackage) {
        boolean ok;
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, tool + " is not installed (oracle for this test): apt-get install " + debianPackage);
    }

    public static void requireTcpdump() {
        requireTool("tcpdump", "tcpdump");
    }

    public static void requireTshark() {
        requireTool("tshark", "tshark");
    }

    public static void requireLibpcap() {
        assumeTrue(Libpcap.available(), "libpcap is not installed: apt-get install libpcap0.8");
    }

    /** Live capture needs root (CI runs as root) and libpcap. */
    public static void requireRootAndLibpcap() {
        requireLibpcap();
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture needs root (CI runs as root)");
    }

    /** The tcpdump binary, or a skipped test saying it is missing. */
    public static String tcpdump() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "tcpdump");
            if (Files.isExecutable(p)) return p.toString();
        }
        for (String p : new String[] {"/usr/bin/tcpdump", "/usr/sbin/tcpdump"}) {
            if (Files.isExecutable(Path.of(p))) return p;
        }
        assumeTrue(false, "tcpdump is not installed (apt-get install tcpdump): no oracle");
        return null;
    }

    /** Runs a command to completion (60 s at most) with TZ=UTC, capturing stdout and stderr. */
    public static Run run(List<String> command) {
        return run(command, Map.of("TZ", "UTC"));
    }

    public static Run run(List<String> command, Map<String, String> env) {
        try {
            return runChecked(command, env);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run runChecked(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("oracle", ".out");
        Path err = Files.createTempFile("oracle", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public static Run run(String... command) {
        return run(List.of(command));
    }

    /** A command line that runs fabricscope's Main in a fresh JVM (for signals and real stdout/stderr). */
    public static List<String> fabricscopeCommand(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), "dev.fabricscope.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public static Run tcpdump(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tcpdump());
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** A classic pcap file (little-endian, µs) holding only a header: tcpdump -r on it fixes the link type. */
    public static Path emptyPcap(Path dir, int linkType, int snaplen) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snaplen).putInt(linkType);
        Path f = dir.resolve("linktype-" + linkType + "-snap-" + snaplen + ".pcap");
        Files.write(f, b.array());
        return f;
    }
}
