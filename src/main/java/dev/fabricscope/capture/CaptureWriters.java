package dev.fabricscope.capture;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens capture writers: a file or "-" (standard output), pcap or pcapng, optionally rotating. */
public final class CaptureWriters {
    private CaptureWriters() { }

    /** Creates (or truncates) {@code path}, or writes to standard output for "-". */
    public static CaptureWriter open(String path, WriterOptions options) throws IOException {
        if (path.equals("-")) {
            // stdout stays open (other code may still print after the capture); never truncated: may be a pipe
            return open("-", new FileOutputStream(FileDescriptor.out).getChannel(), false, false, options);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(Path.of(path), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            throw new IOException(path + ": cannot create: " + describe(e), e);
        }
        // only a regular file may be cut back after a failed write (not /dev/null, a FIFO or a device)
        boolean regular = Files.isRegularFile(Path.of(path));
        try {
            return open(path, channel, regular, true, options);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * A writer on a channel the caller opened (tests, sockets).
     *
     * @param truncatable the channel is a {@link FileChannel} on a file we own, which may be cut back to the
     *                    last complete record after a failed write
     */
    public static CaptureWriter open(String name, WritableByteChannel channel, boolean truncatable, boolean closeChannel,
                                     WriterOptions options) throws IOException {
        return open(name, channel, truncatable, closeChannel, options, RecordOutput.DEFAULT_BUFFER_BYTES);
    }

    static CaptureWriter open(String name, WritableByteChannel channel, boolean truncatable, boolean closeChannel,
                              WriterOptions options, int bufferBytes) throws IOException {
        RecordOutput out = new RecordOutput(name, channel, truncatable, closeChannel, bufferBytes);
        return switch (options.format()) {
            case PCAP -> new PcapWriter(out, options.snapLen(), options.linkType(), options.linkTypeExtension(), options.precision());
            case PCAPNG -> new PcapngWriter(out);
            case LIVE -> throw new IllegalArgumentException("cannot write format LIVE");
        };
    }

    /** A plain writer when {@code policy} does not rotate, else a {@link RotatingSink}. */
    public static PacketSink open(String path, WriterOptions options, RotationPolicy policy) throws IOException {
        return open(path, options, policy, name -> { });
    }

    /** As {@link #open(String, WriterOptions, RotationPolicy)}; a rotating sink tells {@code closedFiles} each file it closed. */
    public static PacketSink open(String path, WriterOptions options, RotationPolicy policy,
                                  java.util.function.Consumer<String> closedFiles) throws IOException {
        return policy.rotates() ? new RotatingSink(path, policy, options, closedFiles) : open(path, options);
    }

    private static String describe(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileSystemException x -> String.valueOf(x.getReason());
            default -> String.valueOf(e.getMessage());
        };
    }
}
