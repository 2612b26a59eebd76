package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.JsonLine;
import dev.fabricscope.rdma.DecodedFrame;
import dev.fabricscope.rdma.MadBodyHook;

/**
 * The CM message body of a CM MAD in {@code rdma decode}: {@link CmParser} decodes it, {@link CmText}
 * renders it — one indented line of fields in text, the message's members in JSON (with {@code cm_error}
 * when it is malformed).
 */
public final class CmMadBody implements MadBodyHook {
    @Override
    public void appendText(StringBuilder out, Packet p, DecodedFrame.Transport t, boolean verbose) {
        switch (CmParser.parse(p, t.madOffset(), t.madAvailable())) {
            case CmParseResult.Decoded d -> {
                out.append("    ");
                CmText.append(out, d.message());
                out.append('\n');
            }
            case CmParseResult.Malformed m ->
                out.append("    CM [|cm] ").append(m.reason()).append(" (offset ").append(m.offset()).append(")\n");
            case CmParseResult.NotCm n -> { }
        }
    }

    @Override
    public void appendJson(JsonLine json, Packet p, DecodedFrame.Transport t) {
        switch (CmParser.parse(p, t.madOffset(), t.madAvailable())) {
            case CmParseResult.Decoded d -> CmText.appendJsonFields(json, d.message());
            case CmParseResult.Malformed m -> json.field("cm_error", m.reason());
            case CmParseResult.NotCm n -> { }
        }
    }
}
