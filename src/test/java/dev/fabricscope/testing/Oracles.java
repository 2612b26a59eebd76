package dev.fabricscope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the oracle tools (tcpdump) for tests; tests skip with a reason when a tool is missing. */
public final class Oracles {
    private Oracles() { }

    /** Output of one run. */
    public record Run(int exitCode, String out, String err) { }

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

    /** Runs a command, collecting stdout and stderr (both via files: no pipe deadlock). */
    public static Run run(List<String> command) {
        try {
            Path out = Files.createTempFile("oracle", ".out");
            Path err = Files.createTempFile("oracle", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                int code = p.waitFor();
                return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
