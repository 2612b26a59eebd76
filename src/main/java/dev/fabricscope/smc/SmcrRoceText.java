package dev.fabricscope.smc;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.json.Rfc3339;

/**
 * Text and JSON for the RoCE QP flows of SMC-R links ({@link SmcrRoceLinks}), for smc-clc -v / -json.
 * JSON members: {@code type} "roce_flow" (first packet) or "roce_flow_totals" (end of input);
 * {@code dst} the GID the QP lives at (IPv4-mapped GIDs as dotted quads), {@code dest_qp}, {@code side}
 * "server" (QP from the Accept) or "client" (from the Confirm), {@code smc_client}, {@code smc_server}
 * (the SMC connection's TCP ends), {@code clc_frame} (frame of the announcing message); first packet:
 * {@code time}, {@code frame}, {@code src} (source GID); totals: {@code packets}, {@code bytes},
 * {@code first_time}, {@code last_time}, {@code first_frame}.
 */
final class SmcrRoceText {
    private SmcrRoceText() { }

    /** "RoCE src -> dst QP n: SMC-R link of client -> server (server QP, Accept frame f)\n" (after any timestamp). */
    static void appendFirst(StringBuilder out, SmcrRoceLinks.Endpoint e) {
        out.append("RoCE ").append(source(e)).append(" -> ").append(GoText.ip(e.gid))
            .append(" QP ").append(e.qpn()).append(": SMC-R link of ").append(e.smcClient()).append(" -> ")
            .append(e.smcServer()).append(" (").append(side(e)).append(" QP, ")
            .append(e.server() ? "Accept" : "Confirm").append(" frame ").append(e.clcFrame()).append(")\n");
    }

    /** "RoCE QP n at gid (server QP of the SMC-R link client -> server): P packets, B bytes\n". */
    static void appendTotals(StringBuilder out, SmcrRoceLinks.Endpoint e) {
        out.append("RoCE QP ").append(e.qpn()).append(" at ").append(GoText.ip(e.gid)).append(" (")
            .append(side(e)).append(" QP of the SMC-R link ").append(e.smcClient()).append(" -> ")
            .append(e.smcServer()).append("): ").append(e.packets()).append(e.packets() == 1 ? " packet, " : " packets, ")
            .append(e.bytes()).append(" bytes\n");
    }

    static void appendFirstJson(StringBuilder out, SmcrRoceLinks.Endpoint e) {
        JsonLine json = new JsonLine(out).begin()
            .field("type", "roce_flow")
            .field("time", Rfc3339.utc(e.firstNanos()))
            .field("frame", e.firstFrame())
            .field("src", source(e));
        common(json, e);
        json.end();
    }

    static void appendTotalsJson(StringBuilder out, SmcrRoceLinks.Endpoint e) {
        JsonLine json = new JsonLine(out).begin().field("type", "roce_flow_totals");
        common(json, e);
        json.field("packets", e.packets())
            .field("bytes", e.bytes())
            .field("first_frame", e.firstFrame())
            .field("first_time", Rfc3339.utc(e.firstNanos()))
            .field("last_time", Rfc3339.utc(e.lastNanos()))
            .end();
    }

    private static void common(JsonLine json, SmcrRoceLinks.Endpoint e) {
        json.field("dst", GoText.ip(e.gid))
            .field("dest_qp", e.qpn())
            .field("side", side(e))
            .field("smc_client", e.smcClient())
            .field("smc_server", e.smcServer())
            .field("clc_frame", e.clcFrame());
    }

    private static String side(SmcrRoceLinks.Endpoint e) {
        return e.server() ? "server" : "client";
    }

    private static String source(SmcrRoceLinks.Endpoint e) {
        byte[] src = e.firstSource();
        return src == null ? "?" : GoText.ip(src);
    }
}
