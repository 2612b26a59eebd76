package dev.fabricscope.capture;

import java.io.IOException;
import java.util.List;

/**
 * Yields packets in capture order by refilling one {@link Packet} view. Sources never decode protocols.
 * Problems that allow going on (a skipped corrupt block) are reported to the {@link ProblemReporter}
 * given at open time; problems that end the input (truncated file) are reported and then {@link #next}
 * returns false; only I/O failures of the underlying device throw.
 */
public interface PacketSource extends AutoCloseable {
    /** Fills {@code packet} with the next packet; false at the end of the input. */
    boolean next(Packet packet) throws IOException;

    /** Interfaces seen so far, indexed by {@link Packet#interfaceId()}; pcapng adds them as IDBs arrive. */
    List<CaptureInterface> interfaces();

    /** The on-disk format this source reads (for writers that keep "the input's format"). */
    CaptureFormat format();

    /** Bytes of the input consumed so far (for progress); -1 when not known (live). */
    default long bytesRead() {
        return -1;
    }

    /** Size of the input in bytes (a regular file's size); -1 when not known (stdin, gzip, live). */
    default long totalBytes() {
        return -1;
    }

    /** A short name for messages: the file name, "-" for stdin, or the device list. */
    String name();

    @Override
    void close() throws IOException;
}
