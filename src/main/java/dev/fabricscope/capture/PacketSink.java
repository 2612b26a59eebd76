package dev.fabricscope.capture;

import java.io.IOException;

/**
 * Consumes packets: a file writer, a rotating writer, a network sink. Writers always write whole
 * records: a failure mid-record (disk full) rolls the file back to the last complete record before
 * the exception propagates, so no file is left torn.
 */
public interface PacketSink extends AutoCloseable {
    /** Writes one packet; its interface must be among those known to the sink. */
    void write(Packet packet, CaptureInterface iface) throws IOException;

    void flush() throws IOException;

    /** True when the sink takes no more packets (tcpdump's -G with -W: "Maximum file limit reached"). */
    default boolean limitReached() {
        return false;
    }

    @Override
    void close() throws IOException;
}
