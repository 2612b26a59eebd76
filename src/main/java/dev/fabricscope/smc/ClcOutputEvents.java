package dev.fabricscope.smc;

import dev.fabricscope.tcp.TcpFlow;
import java.util.List;

/**
 * What {@link SmcClcLines} decoded, on its way to text: implemented by {@link SmcClcRenderer} (rendered at
 * once, on the decoding thread) and by {@link BackgroundRenderer} (rendered in order on a second thread).
 * Everything handed over must stay unchanged afterwards: parsed messages are immutable, a flow's endpoints
 * are final, a RoCE endpoint's first-packet fields are written once before it is handed over.
 */
interface ClcOutputEvents {
    /** A parsed CLC message sent by {@code flow}'s endpoint {@code direction}. */
    void message(ClcMessage message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber);

    /** A framed CLC message still to parse (a copy of its bytes): parsed where it is rendered. */
    void unparsed(byte[] message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber);

    /** A diagnostic line (smc-clc's log). */
    void log(String line);

    /** The first RoCE packet of an SMC-R link's QP. */
    void firstRocePacket(SmcrRoceLinks.Endpoint endpoint);

    /** End of input: the RoCE totals (no longer changing), then everything must be out. */
    void finish(List<SmcrRoceLinks.Endpoint> endpoints);
}
