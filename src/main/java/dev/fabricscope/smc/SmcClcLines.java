package dev.fabricscope.smc;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.tcp.TcpFlow;
import java.util.Arrays;

/**
 * The decoder behind {@code fabricscope smc-clc}: packets go to a {@link ClcTracker} (TCP reassembly and
 * CLC framing), each framed message to a {@link SmcClcRenderer} (parsed by {@link ClcParser}; smc-clc's text,
 * or JSON lines), inline or, with {@link SmcClcOptions#renderInBackground}, on a second thread. With -v or
 * -json, messages are parsed here, as the RoCE correlation needs SMC-R Accept/Confirm contents at once.
 * Problems (a header Length below 8, a broken trailer, a stream gap, an SMC option echoed without CLC) are
 * logged with the frame number and the run goes on.
 */
public final class SmcClcLines implements ClcLineProducer, ClcListener, SmcrRoceLinks.Listener {
    private final SmcClcOptions options;
    private final ClcTracker tracker;
    private final SmcrRoceLinks roceLinks = new SmcrRoceLinks(this);
    private ClcOutputEvents events;   // made at the first call, which brings the Output
    private BackgroundRenderer background;

    public SmcClcLines(SmcClcOptions options) {
        this.options = options;
        this.tracker = new ClcTracker(this);
    }

    @Override
    public boolean packet(Packet packet, Layers layers, Output out) {
        if (events == null) start(out);
        tracker.packet(packet, layers);
        if (layers.ibBthOffset >= 0) roceLinks.packet(packet, layers);
        return tracker.packetToSave();
    }

    @Override
    public void finish(Output out) {
        if (events == null) start(out);
        tracker.finish();
        events.finish(roceLinks.endpoints());
    }

    @Override
    public void close() {
        if (background != null) background.close();
    }

    private void start(Output out) {
        SmcClcRenderer renderer = new SmcClcRenderer(options, out);
        if (options.renderInBackground()) {
            background = new BackgroundRenderer(renderer);
            events = background;
        } else {
            events = renderer;
        }
    }

    @Override
    public void firstRocePacket(SmcrRoceLinks.Endpoint endpoint) {
        events.firstRocePacket(endpoint);
    }

    @Override
    public void full() {
        events.log("more than " + SmcrRoceLinks.MAX_ENDPOINTS + " SMC-R QPs announced: RoCE traffic to later ones "
            + "is not followed");
    }

    @Override
    public void message(TcpFlow<?> flow, int direction, byte[] bytes, int offset, int length, long timestampNanos,
                        long frameNumber) {
        if (!options.verbose() && !options.json()) {
            // nothing here needs the parsed message: parsing happens where it is rendered (a second thread for files)
            events.unparsed(Arrays.copyOfRange(bytes, offset, offset + length), flow, direction, timestampNanos, frameNumber);
            return;
        }
        switch (ClcParser.parse(bytes, offset, length)) {
            case ClcParseResult.Parsed(ClcMessage parsed) -> {
                events.message(parsed, flow, direction, timestampNanos, frameNumber);
                // -v and -json show the RoCE flows of SMC-R links: follow the QPs they announce
                if (parsed instanceof ClcAcceptConfirmSmcr smcr) roceLinks.announce(smcr, flow, direction, frameNumber);
            }
            case ClcParseResult.Failed(String reason, int claimed) ->
                events.log(SmcClcRenderer.parseError(reason, flow, direction, frameNumber));
        }
    }

    @Override
    public void malformed(TcpFlow<?> flow, int direction, String reason, long timestampNanos, long frameNumber) {
        events.log("frame " + frameNumber + ", " + SmcClcRenderer.addresses(flow, direction) + ": " + reason);
    }

    @Override
    public void noClc(TcpFlow<?> flow, String reason, long timestampNanos) {
        events.log(SmcClcRenderer.addresses(flow, 0) + ": " + reason
            + " (a middlebox may strip SMC; the connection fell back to TCP)");
    }
}
