package dev.fabricscope.smc;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.print.Latin1Builder;
import dev.fabricscope.print.TimestampFormatter;
import dev.fabricscope.tcp.TcpFlow;
import java.util.List;

/**
 * Renders decoded CLC events as smc-clc's text (or JSON lines) into an {@link ClcLineProducer.Output}.
 * Timestamps are the packet's capture time, not the clock (smc-clc's bug). One thread.
 */
final class SmcClcRenderer implements ClcOutputEvents {
    private final SmcClcOptions options;
    private final ClcLineProducer.Output out;
    private final StringBuilder text = new StringBuilder(1024);     // JSON and RoCE lines
    private final Latin1Builder line = new Latin1Builder(1024);     // smc-clc's text, as the bytes it writes
    private final StringBuilder stamp = new StringBuilder(16);
    private final TimestampFormatter times;

    SmcClcRenderer(SmcClcOptions options, ClcLineProducer.Output out) {
        this.options = options;
        this.out = out;
        this.times = new TimestampFormatter(options.zone());
    }

    @Override
    public void message(ClcMessage message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) {
        if (options.json()) {
            text.setLength(0);
            json(message, flow, direction, timestampNanos, frameNumber);
            out.print(text);
            return;
        }
        line.clear();
        if (options.showTimestamps()) line.append(timestamp(timestampNanos)).append(' ');
        SmcClcFormatter.appendAddresses(line, flow.srcAddress(direction), flow.srcPort(direction),
            flow.dstAddress(direction), flow.dstPort(direction));
        SmcClcFormatter.appendMessage(line, message, options.showReserved(), options.showHex());
        out.print(line);
    }

    @Override
    public void unparsed(byte[] message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) {
        // instanceof, not a type switch: see SmcClcFormatter.describe
        ClcParseResult result = ClcParser.parse(message, 0, message.length);
        if (result instanceof ClcParseResult.Parsed(ClcMessage parsed)) {
            message(parsed, flow, direction, timestampNanos, frameNumber);
        } else if (result instanceof ClcParseResult.Failed(String reason, int length)) {
            out.log(parseError(reason, flow, direction, frameNumber));
        }
    }

    /** smc-clc's words for a message it cannot decode, with our frame number and addresses. */
    static String parseError(String reason, TcpFlow<?> flow, int direction, long frameNumber) {
        return "Error parsing CLC message: " + reason + " (frame " + frameNumber + ", " + addresses(flow, direction) + ")";
    }

    /** Field names are stable (documented in the README): scripts depend on them. */
    private void json(ClcMessage message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) {
        ClcHeader h = message.header();
        JsonLine line = new JsonLine(text).begin()
            .time("time", timestampNanos)
            .field("frame", frameNumber)
            .field("src", SmcClcFormatter.endpoint(flow.srcAddress(direction), flow.srcPort(direction)))
            .field("dst", SmcClcFormatter.endpoint(flow.dstAddress(direction), flow.dstPort(direction)))
            .field("type", h.typeName())
            .field("version", h.version())
            .field("path", ClcHeader.pathName(h.path()))
            .field("length", h.length())
            .field("trailer_valid", message.trailerValid());
        ClcJson.appendFields(line, message);
        line.field("text", SmcClcFormatter.describe(message, options.showReserved())).end();
    }

    @Override
    public void log(String line) {
        out.log(line);
    }

    @Override
    public void firstRocePacket(SmcrRoceLinks.Endpoint endpoint) {
        if (!options.json() && !options.verbose()) return;
        text.setLength(0);
        if (options.json()) {
            SmcrRoceText.appendFirstJson(text, endpoint);
        } else {
            if (options.showTimestamps()) text.append(timestamp(endpoint.firstNanos())).append(' ');
            SmcrRoceText.appendFirst(text, endpoint);
        }
        out.print(text);
    }

    @Override
    public void finish(List<SmcrRoceLinks.Endpoint> endpoints) {
        if (!options.json() && !options.verbose()) return;
        for (SmcrRoceLinks.Endpoint e : endpoints) {
            if (e.packets() == 0) continue;
            text.setLength(0);
            if (options.json()) SmcrRoceText.appendTotalsJson(text, e);
            else SmcrRoceText.appendTotals(text, e);
            out.print(text);
        }
    }

    /** smc-clc's "15:04:05.000000" (microseconds truncated), in the options' zone. */
    private CharSequence timestamp(long epochNanos) {
        stamp.setLength(0);
        times.format(epochNanos, stamp);
        return stamp;
    }

    static String addresses(TcpFlow<?> flow, int direction) {
        return SmcClcFormatter.addresses(flow.srcAddress(direction), flow.srcPort(direction), flow.dstAddress(direction),
            flow.dstPort(direction));
    }
}
