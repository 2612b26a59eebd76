package dev.fabricscope.cli;

import dev.fabricscope.smc.SmcConnectionSummary;
import dev.fabricscope.smc.SmcSummaryFormatter;
import dev.fabricscope.smc.SmcSummaryTotals;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricscope smc -r FILE | -i IF... [--json] [EXPRESSION]}: one line per SMC connection saying how its setup ended, then
 * the outcomes and decline reasons counted ("why did SMC fall back?"). Decoding is
 * {@link SmcConnectionSummary}'s; lines come in the order connections end (decided, closed, evicted), the
 * rest at the end of the input.
 *
 * <p>JSON (--json): one object per connection, then one summary object, one per line. Field names are stable:
 * <ul>
 *   <li>connection object: {@code type} "connection"; {@code client}, {@code server} "ip:port" (client = SYN
 *   sender; without a captured SYN, the sender of the first CLC message); {@code outcome} one of
 *   "established", "declined", "no_clc" (SYN and SYN-ACK carried the SMC option, but CLC came from neither
 *   or only one side), "fell_back" (no Decline, but the handshake stopped: no answer to the Proposal, no
 *   Confirm, plain data), "incomplete" (capture ended), "malformed" (a CLC message could not be framed or
 *   decoded); {@code outcome_text} the phrase the text output shows ("SMC-R v1 established",
 *   "declined by server: 0x03030000 (no SMC device found (R or D))", "SMC option echoed, no CLC");
 *   {@code smc_type} "SMC-R"/"SMC-D" from the Accept, or null; {@code version} the Accept's CLC version
 *   (number) or null; {@code decline_code} "0x03030000" or null; {@code decline_reason} its name or null;
 *   {@code declined_by} "server"/"client" or null; {@code proposed_version} the Proposal's CLC version or
 *   null; {@code proposed_path} its (v1) path ("SMC-R", "SMC-D", "SMC-R + SMC-D", "No SMC-R/SMC-D") or
 *   null; {@code proposed_path_v2} an SMCv2 Proposal's v2 path or null; {@code note} the missing step, the
 *   malformed message or null; {@code messages} CLC messages seen; {@code first_seen} RFC 3339 time of the
 *   first CLC message or null; {@code last_seen} RFC 3339 time of the connection's last packet;
 *   {@code first_frame} frame number of its first packet seen; {@code end} "decided" (Decline, plain data or
 *   handshake done), "fin", "rst", "idle_timeout", "table_full" or "capture_end".</li>
 *   <li>summary object: {@code type} "summary"; {@code connections}; {@code outcomes} an object from
 *   outcome phrase ("SMC-R v1 established", "declined by server", "declined by client", "fell back to TCP",
 *   "SMC option echoed, no CLC", "incomplete (capture ended)", "malformed CLC" ...) to count, most frequent
 *   first; {@code declined_by_server}, {@code declined_by_client}; {@code declines} an array of
 *   {@code {code, reason, count}}, most frequent first; {@code smc_option_not_echoed} SYNs with the SMC option
 *   answered without it (plain TCP; not in {@code connections}); {@code syn_without_answer} SYNs with the
 *   SMC option and no SYN-ACK captured (not in {@code connections}); {@code roce_qps_over_limit} true when
 *   more than 65,536 SMC-R QPs were announced (RoCE traffic to later ones is not counted).</li>
 *   <li>before the summary, a {@code roce_flow_totals} object per SMC-R QP that RoCE packets went to
 *   ({@link dev.fabricscope.smc.SmcrRoceText}'s members, as smc-clc -json).</li>
 * </ul>
 *
 * <p>Exit codes: 0 done, 1 input unreadable or damaged (one line on stderr each; what was read is reported), 2 usage error.
 */
@Command(
    name = "smc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Summarize SMC connection setups: established, declined (and why), or fallen back to TCP.",
    description = {
        "",
        "Reads a capture (-r), or captures live (-i, repeatable, until Ctrl-C), and follows every TCP connection whose SYN carries the SMC option (TCP option 254, "
            + "E2 D4 C3 D9), and connections whose SYN is not in the capture when their first payload is a CLC "
            + "message. For each it prints one line, in the order the connections end (or at the end of the "
            + "input): time of the first CLC message, client -> server, the outcome, and what the client "
            + "proposed:",
        "",
        "  SMC-R v1 established, SMC-D v2 established ...",
        "        Accept then Confirm; type and version are the Accept's.",
        "  declined by server: 0x03030000 (no SMC device found (R or D))",
        "        a Decline, by the side that sent it, with its peer diagnosis code and name.",
        "  SMC option echoed, no CLC",
        "  SMC option echoed, CLC only from the client (or server)",
        "        SYN and SYN-ACK carried the SMC option but CLC did not follow: typically a middlebox that "
            + "strips or blocks it, a known cause of silent fallbacks and hangs.",
        "  fell back to TCP: no answer to the Proposal (no Confirm after the Accept, ...)",
        "        the handshake stopped without a Decline and the connection went on as TCP.",
        "  incomplete (capture ended)",
        "        the capture ended before the handshake did.",
        "  malformed CLC: ...",
        "        a message could not be framed or decoded (with its frame number).",
        "",
        "Then a table: the number of connections, each outcome counted, and the decline reasons counted "
            + "(count, code, reason), most frequent first. SYNs with the SMC option that the server answered "
            + "without it (server without SMC) are counted on a line of their own. When RoCE packets went to "
            + "QPs that SMC-R Accept/Confirm messages announced, each such QP's packets and bytes follow.",
        "",
        "With --json, one JSON object per connection, a roce_flow_totals object per such QP and a final "
            + "summary object, one per line (fields in the README).",
        "",
    },
    footer = {"", "Exit status: 0 done, 1 input unreadable or damaged, 2 usage error.",
        "", "Examples: fabricscope smc -r smc-handshakes.pcap",
        "          fabricscope smc -i eth0 --json 'port 8080'"})
public final class SmcSummaryCommand implements Callable<Integer> {
    @Mixin
    AnalyzerInput input;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..*",
        description = "Optional pcap-filter(7) expression selecting the packets to analyse (e.g. 'port 8080').")
    java.util.List<String> filterWords = new java.util.ArrayList<>();

    @Option(names = "--json", description = "Print JSON lines instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder text = new StringBuilder(256);
        SmcConnectionSummary summary = new SmcConnectionSummary(report -> {
            text.setLength(0);
            if (json) SmcSummaryFormatter.appendJson(text, report);
            else SmcSummaryFormatter.appendLine(text, report);
            out.print(text);
            if (input.isLive()) out.flush();   // someone is watching
        });
        ProblemCounter problems = input.run(String.join(" ", filterWords), out, err, summary::packet);
        SmcSummaryTotals totals = summary.finish();
        text.setLength(0);
        if (json) SmcSummaryFormatter.appendJson(text, totals);
        else SmcSummaryFormatter.appendTable(text, totals);
        out.print(text);
        out.flush();
        return problems.exitStatus(0);
    }
}
