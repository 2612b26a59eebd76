package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helpers for the writers: packets from byte arrays, a minimal pcap parser, running oracles. */
final class WriterTestSupport {
    private WriterTestSupport() { }

    /** One packet as the tests keep it. */
    record Rec(long tsNanos, int origLen, byte[] data, int linkType, int interfaceId) {
        Rec(long tsNanos, byte[] data) {
            this(tsNanos, data.length, data, LinkType.EN10MB, 0);
        }

        Packet packet(Packet view, long frame) {
            return view.set(data, 0, data.length, origLen, tsNanos, interfaceId, linkType, frame);
        }
    }

    /** A little-endian classic pcap file parsed by hand (the readers live on another branch). */
    record PcapFile(int magic, int snapLen, int linkType, List<Rec> records) { }

    static PcapFile readPcap(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        long unit = switch (magic) {
            case 0xa1b2c3d4 -> 1000L;
            case 0xa1b23c4d -> 1L;
            default -> throw new IOException(file + ": not a little-endian pcap: magic " + Integer.toHexString(magic));
        };
        int snapLen = b.getInt(16);
        int linkType = b.getInt(20) & 0xffff;   // the upper bits are FCS information (pcap-savefile(5))
        List<Rec> records = new ArrayList<>();
        b.position(24);
        while (b.remaining() >= 16) {
            long sec = b.getInt() & 0xffffffffL;
            long frac = b.getInt() & 0xffffffffL;
            int capLen = b.getInt();
            int origLen = b.getInt();
            if (capLen < 0 || capLen > b.remaining()) throw new IOException(file + ": torn record at " + (b.position() - 16));
            byte[] data = new byte[capLen];
            b.get(data);
            records.add(new Rec(sec * 1_000_000_000L + frac * unit, origLen, data, linkType, 0));
        }
        if (b.hasRemaining()) throw new IOException(file + ": torn record header at " + b.position());
        return new PcapFile(magic, snapLen, linkType, records);
    }

    static Path shared(String relative) {
        String root = System.getProperty("fabricscope.shared");
        assumeTrue(root != null, "system property fabricscope.shared not set: shared captures unavailable");
        Path p = Path.of(root, relative);
        assumeTrue(Files.isReadable(p), "shared capture missing: " + p);
        return p;
    }

    static void assumeTool(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) found = true;
        }
        assumeTrue(found, tool + " not installed (oracle for this test): apt-get install " + tool);
    }

    record Result(int exit, String out, String err) { }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    static Result run(List<String> command, String timeZone) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        if (timeZone != null) pb.environment().put("TZ", timeZone);
        Path err = Files.createTempFile("oracle", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + command);
        }
        String errText = Files.readString(err);
        Files.deleteIfExists(err);
        return new Result(p.exitValue(), out, errText);
    }

    /** Writes records with a plain writer into {@code file}. */
    static void write(Path file, WriterOptions options, List<Rec> records, CaptureInterface iface) throws IOException {
        try (CaptureWriter w = CaptureWriters.open(file.toString(), options)) {
            writeAll(w, records, iface);
        }
    }

    static void writeAll(PacketSink sink, List<Rec> records, CaptureInterface iface) throws IOException {
        Packet view = new Packet();
        long frame = 1;
        for (Rec r : records) sink.write(r.packet(view, frame++), iface);
    }

    static CaptureInterface ethernet() {
        return new CaptureInterface("", "", LinkType.EN10MB, 262144, 1000);
    }

    /** Bytes of {@code n} Ethernet-ish frames of varied lengths (content only needs to be distinct). */
    static byte[] frame(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) data[i] = (byte) (seed * 31 + i * 7);
        return data;
    }
}
