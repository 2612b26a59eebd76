package dev.fabricscope.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens test bytes through each path (regular file, stream, gzip file, gzip stream) and collects what a source yields. */
final class ReadBack {
    /** One packet copied out of the reused view. */
    record Frame(long ts, int capLen, int origLen, int iface, int linkType, long number, byte[] data) { }

    /** Everything a source produced. */
    record Result(List<Frame> frames, List<String> problems, List<CaptureInterface> interfaces, CaptureFormat format) { }

    enum Way { FILE, STREAM, GZIP_FILE, GZIP_STREAM }

    private ReadBack() { }

    static Result read(byte[] bytes, Way way, Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        ProblemReporter reporter = problems::add;
        try (PacketSource src = open(bytes, way, dir, reporter)) {
            List<Frame> frames = new ArrayList<>();
            Packet p = new Packet();
            while (src.next(p)) {
                frames.add(new Frame(p.timestampNanos(), p.capLen(), p.origLen(), p.interfaceId(), p.linkType(),
                        p.frameNumber(), p.copyBytes()));
            }
            // A finished source stays finished.
            if (src.next(p)) throw new AssertionError("next() true after the end");
            return new Result(frames, problems, List.copyOf(src.interfaces()), src.format());
        }
    }

    static PacketSource open(byte[] bytes, Way way, Path dir, ProblemReporter reporter) throws IOException {
        return switch (way) {
            case FILE -> CaptureFiles.open(write(dir, "x.bin", bytes).toString(), reporter);
            case STREAM -> CaptureFiles.open(new ByteArrayInputStream(bytes), "x.bin", reporter);
            case GZIP_FILE -> CaptureFiles.open(write(dir, "x.bin", Bytes.gzip(bytes)).toString(), reporter);
            case GZIP_STREAM -> CaptureFiles.open(new ByteArrayInputStream(Bytes.gzip(bytes)), "x.bin", reporter);
        };
    }

    static String fileName(Way way, Path dir) {
        return switch (way) {
            case FILE, GZIP_FILE -> dir.resolve("x.bin").toString();
            case STREAM, GZIP_STREAM -> "x.bin";
        };
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }
}
