package dev.fabricscope.smc;

import java.time.ZoneId;

/**
 * What {@code fabricscope smc-clc}'s output should look like, from its flags.
 *
 * @param showTimestamps -show-timestamps: start each message line with the packet's time "15:04:05.000000 "
 * @param showReserved   -show-reserved: the reserved fields too (smc-clc's Reserved() form)
 * @param showHex        -show-hex: a hex dump after each message
 * @param json           -json: one JSON object per message instead of text
 * @param verbose        -v: also name the RoCE QP flows that carry each SMC-R link (JSON output always does)
 * @param zone           the zone the packet times are shown in (smc-clc: the local zone)
 * @param renderInBackground format and write the text on a second thread (reading a file: throughput);
 *                       false renders each packet's lines before the next packet (live capture: latency)
 */
public record SmcClcOptions(boolean showTimestamps, boolean showReserved, boolean showHex, boolean json, boolean verbose,
                            ZoneId zone, boolean renderInBackground) {
    public SmcClcOptions {
        java.util.Objects.requireNonNull(zone, "zone");
    }
}
