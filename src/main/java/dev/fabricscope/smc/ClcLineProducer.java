package dev.fabricscope.smc;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.Latin1Builder;

/**
 * Turns packets into smc-clc's output: the decoding half of {@code fabricscope smc-clc} (tracking
 * connections, reassembling CLC messages, formatting them), behind which the command only reads packets
 * and routes text. One instance per run, called from one thread; {@link #close} it when the run ends.
 */
public interface ClcLineProducer extends AutoCloseable {
    /** Where a producer's text goes: standard output, or the -http buffer. */
    interface Output {
        /** Text for stdout: whole lines, each ending in '\n' (JSON lines, RoCE flow lines). */
        void print(CharSequence text);

        /**
         * smc-clc's text: whole lines, each ending in '\n' (a message, its hex dump), as the bytes smc-clc writes
         * (names in a message, such as EIDs, are raw bytes). Only valid during the call.
         */
        default void print(Latin1Builder text) {
            print(text.toString());
        }

        /**
         * A diagnostic smc-clc writes through Go's log ("Error parsing CLC message: ..."): one line, no
         * '\n'; the command adds the date prefix and sends it to stderr (or to the -http buffer).
         */
        void log(String message);
    }

    /** Makes the producer for one run. */
    @FunctionalInterface
    interface Factory {
        ClcLineProducer create(SmcClcOptions options);
    }

    /**
     * One packet that passed the capture filter, already dissected into {@code layers} (the view and the
     * layers are reused for the next packet: copy what must be kept).
     *
     * @return true when the packet belongs to an SMC connection being followed (the SYN with the SMC option and
     *         its SYN-ACK, every segment carrying CLC bytes, a FIN or RST while followed): -w saves exactly these
     *         packets
     */
    boolean packet(Packet packet, Layers layers, Output out);

    /** The input ended (or the run was stopped): print what is still pending; returns once it is printed. */
    void finish(Output out);

    /** Releases what the producer holds (a rendering thread) when the run ends, also without {@link #finish}. */
    @Override
    default void close() { }
}
