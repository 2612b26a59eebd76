package dev.fabricscope.capture;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.zip.GZIPInputStream;

/**
 * Opens capture files as {@link PacketSource}s. The format is recognised by its first bytes, never by
 * the file name: classic pcap (µs or ns, either byte order), pcapng, or gzip holding either.
 * Every input is read sequentially through a reused buffer (see {@link StreamByteInput}).
 */
public final class CaptureFiles {
    private CaptureFiles() { }

    private static final int PCAPNG_SHB = 0x0a0d0d0a;
    private static final int STREAM_BUFFER = 1 << 16;

    /** Opens {@code pathOrDash} ("-" = stdin); non-fatal input problems go to {@code problems}. */
    public static PacketSource open(String pathOrDash, ProblemReporter problems) throws IOException {
        if (pathOrDash.equals("-")) return open(new FileInputStream(java.io.FileDescriptor.in), "-", problems);
        Path path = Path.of(pathOrDash);
        if (!Files.exists(path)) throw new NoSuchFileException(pathOrDash, null, "no such file");
        if (Files.isDirectory(path)) throw new CaptureFormatException(pathOrDash + ": is a directory");
        if (!Files.isRegularFile(path)) {
            // A FIFO or device: stream it.
            return open(Files.newInputStream(path), pathOrDash, problems);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        StreamByteInput in = new StreamByteInput(channel, channel.size());
        try {
            long at = in.fill(4);
            int magic = at < 0 ? 0 : BigEndian.i32(in.array(), (int) at);
            if (at < 0 || isGzip(magic)) {
                in.close();
                return open(new BufferedInputStream(Files.newInputStream(path), STREAM_BUFFER), pathOrDash, problems);
            }
            return openDetected(in, magic, pathOrDash, problems);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a capture held in a stream (stdin, a pipe, tests); {@code name} is used in messages. */
    static PacketSource open(InputStream stream, String name, ProblemReporter problems) throws IOException {
        try {
            PushbackInputStream raw = new PushbackInputStream(stream, 4);
            byte[] head = raw.readNBytes(4);
            raw.unread(head);
            InputStream data = raw;
            String inside = "";
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                GZIPInputStream gunzip;
                try {
                    gunzip = new GZIPInputStream(raw, STREAM_BUFFER);
                } catch (java.io.EOFException | java.util.zip.ZipException e) {
                    throw new CaptureFormatException(name + ": not a pcap or pcapng file (damaged gzip header: "
                            + e.getMessage() + ")");
                }
                PushbackInputStream unzipped = new PushbackInputStream(new GzipGuard(gunzip, name, problems), 4);
                head = unzipped.readNBytes(4);
                unzipped.unread(head);
                data = unzipped;
                inside = "gzip data ";
            }
            if (head.length < 4) {
                throw new CaptureFormatException(name + ": not a pcap or pcapng file (" + inside
                        + (head.length == 0 ? "empty)" : "only " + head.length + " bytes)"));
            }
            int magic = BigEndian.i32(head, 0);
            if (!inside.isEmpty() && !isCapture(magic)) {
                throw new CaptureFormatException(name + ": not a pcap or pcapng file (gzip data starts with "
                        + hex(magic) + ")");
            }
            return openDetected(new StreamByteInput(data), magic, name, problems);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    private static PacketSource openDetected(ByteInput in, int magicBe, String name, ProblemReporter problems)
            throws IOException {
        if (isPcap(magicBe)) return PcapReader.open(in, name, problems);
        if (magicBe == PCAPNG_SHB) return PcapngReader.open(in, name, problems);
        throw new CaptureFormatException(name + ": not a pcap or pcapng file (starts with " + hex(magicBe) + ")");
    }

    private static boolean isPcap(int magicBe) {
        return PcapReader.isMagic(magicBe) || PcapReader.isMagic(Integer.reverseBytes(magicBe));
    }

    private static boolean isCapture(int magicBe) {
        return isPcap(magicBe) || magicBe == PCAPNG_SHB;
    }

    private static boolean isGzip(int magicBe) {
        return (magicBe >>> 16) == 0x1f8b;
    }

    private static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
