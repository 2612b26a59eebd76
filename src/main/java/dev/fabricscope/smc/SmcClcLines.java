package dev.fabricscope.smc;

import dev.fabricscope.json.Rfc3339;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.json.JsonLine;
import dev.fabricscope.tcp.TcpFlow;
import java.lang.foreign.MemorySegment;

/**
 * The decoder behind {@code fabricscope smc-clc}: packets go to a {@link ClcTracker} (TCP reassembly and
 * CLC framing), each framed message to {@link ClcParser}, each parsed message to {@link SmcClcFormatter}
 * (smc-clc's text) or to a JSON line. Timestamps are the packet's capture time, not the clock (smc-clc's
 * bug). Problems (a header Length below 8, a broken trailer, a stream gap, an SMC option echoed without
 * CLC) are logged with the frame number and the run goes on.
 */
public final class SmcClcLines implements ClcLineProducer, ClcListener, SmcrRoceLinks.Listener {
    private final SmcClcOptions options;
    private final ClcTracker tracker;
    private final SmcrRoceLinks roceLinks = new SmcrRoceLinks(this);
    private final StringBuilder text = new StringBuilder(1024);
    private Output out;
    private boolean keepPacket;

    public SmcClcLines(SmcClcOptions options) {
        this.options = options;
        this.tracker = new ClcTracker(this);
    }

    @Override
    public boolean packet(Packet packet, Layers layers, Output out) {
        this.out = out;
        keepPacket = false;
        tracker.packet(packet, layers);
        if (layers.ibBthOffset >= 0) roceLinks.packet(packet, layers);
        return keepPacket;
    }

    @Override
    public void finish(Output out) {
        this.out = out;
        tracker.finish();
        if (!options.json() && !options.verbose()) return;
        for (SmcrRoceLinks.Endpoint e : roceLinks.endpoints()) {
            if (e.packets() == 0) continue;
            text.setLength(0);
            if (options.json()) SmcrRoceText.appendTotalsJson(text, e);
            else SmcrRoceText.appendTotals(text, e);
            out.print(text);
        }
    }

    @Override
    public void firstRocePacket(SmcrRoceLinks.Endpoint endpoint) {
        if (!options.json() && !options.verbose()) return;
        text.setLength(0);
        if (options.json()) {
            SmcrRoceText.appendFirstJson(text, endpoint);
        } else {
            String ts = options.showTimestamps() ? SmcClcFormatter.timestamp(endpoint.firstNanos(), options.zone()) : "";
            SmcrRoceText.appendFirst(text, ts, endpoint);
        }
        out.print(text);
    }

    @Override
    public void message(TcpFlow<?> flow, int direction, MemorySegment message, long timestampNanos, long frameNumber) {
        keepPacket = true;
        String addresses = addresses(flow, direction);
        switch (ClcParser.parse(message, 0, message.byteSize())) {
            case ClcParseResult.Parsed(ClcMessage parsed) -> {
                print(parsed, addresses, timestampNanos, frameNumber);
                if (parsed instanceof ClcAcceptConfirmSmcr smcr) announce(smcr, flow, direction, frameNumber);
            }
            case ClcParseResult.Failed(String reason, int length) ->
                out.log("Error parsing CLC message: " + reason + " (frame " + frameNumber + ", " + addresses + ")");
        }
    }

    private void print(ClcMessage message, String addresses, long timestampNanos, long frameNumber) {
        text.setLength(0);
        if (options.json()) {
            json(message, addresses, timestampNanos, frameNumber);
        } else {
            String ts = options.showTimestamps() ? SmcClcFormatter.timestamp(timestampNanos, options.zone()) : "";
            SmcClcFormatter.appendLine(text, ts, addresses, message, options.showReserved(), options.showHex());
        }
        out.print(text);
    }

    /** Field names are stable (documented in the README): scripts depend on them. */
    private void json(ClcMessage message, String addresses, long timestampNanos, long frameNumber) {
        ClcHeader h = message.header();
        int arrow = addresses.indexOf(" -> ");
        JsonLine line = new JsonLine(text).begin()
            .field("time", Rfc3339.utc(timestampNanos))
            .field("frame", frameNumber)
            .field("src", addresses.substring(0, arrow))
            .field("dst", addresses.substring(arrow + 4))
            .field("type", h.typeName())
            .field("version", h.version())
            .field("path", ClcHeader.pathName(h.path()))
            .field("length", h.length())
            .field("trailer_valid", message.trailerValid());
        ClcJson.appendFields(line, message);
        line.field("text", SmcClcFormatter.describe(message, options.showReserved())).end();
    }

    /** An SMC-R Accept comes from the server, a Confirm from the client: its QP is that side's. */
    private void announce(ClcAcceptConfirmSmcr m, TcpFlow<?> flow, int direction, long frameNumber) {
        boolean fromServer = m.header().type() == ClcHeader.TYPE_ACCEPT;
        int client = fromServer ? 1 - direction : direction;
        String clientEnd = SmcClcFormatter.endpoint(flow.srcAddress(client), flow.srcPort(client));
        String serverEnd = SmcClcFormatter.endpoint(flow.dstAddress(client), flow.dstPort(client));
        roceLinks.announce(m.smcrGid(), m.qpNumber(), fromServer, clientEnd, serverEnd, frameNumber);
    }

    @Override
    public void malformed(TcpFlow<?> flow, int direction, String reason, long timestampNanos, long frameNumber) {
        keepPacket = true;
        out.log("frame " + frameNumber + ", " + addresses(flow, direction) + ": " + reason);
    }

    @Override
    public void noClc(TcpFlow<?> flow, String reason, long timestampNanos) {
        out.log(addresses(flow, 0) + ": " + reason + " (a middlebox may strip SMC; the connection fell back to TCP)");
    }

    private static String addresses(TcpFlow<?> flow, int direction) {
        return SmcClcFormatter.addresses(flow.srcAddress(direction), flow.srcPort(direction), flow.dstAddress(direction),
            flow.dstPort(direction));
    }
}
