package dev.fabricscope.cli;

import dev.fabricscope.rdma.QpStatsFormatter;
import dev.fabricscope.rdma.QpStatsTable;
import dev.fabricscope.rdma.QpSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fabricscope rdma qps -r FILE | -i IF... [--json] [--timeline [--interval MS]] [EXPRESSION]}: per-QP health of RDMA traffic,
 * worst QPs first ({@link QpStatsTable}, {@link QpSummary}).
 *
 * <p>JSON (--json), one object per line:
 * <ul>
 *   <li>with --timeline, first one {@code type} "interval" object per interval that had congestion, as it ends:
 *   {@code start} (RFC 3339), {@code interval_ms}, {@code priorities} an array of {@code {priority (0-7, or
 *   "802.3x" for PAUSE frames), ce_marks, cnps, pfc_pauses, pfc_resumes}}, {@code qps} an array of
 *   {@code {src, dst, dest_qp, ce_marks, cnps}};</li>
 *   <li>one {@code type} "qp" object per row, worst first: {@code src}, {@code dst} (IP text; "lid N" for
 *   native IB without GRH), {@code dest_qp} (integer), {@code packets}, {@code bytes} (frame lengths on the
 *   wire), {@code opcodes} (object: "0xNN" BTH opcode → packets, first 8 opcodes seen), {@code other_opcodes},
 *   {@code psn_gaps}, {@code psn_skipped}, {@code duplicates}, {@code out_of_order} (request PSN sequence),
 *   {@code acks}, {@code naks}, {@code rnr_naks}, {@code nak_codes} (object: psn_sequence_error,
 *   invalid_request, remote_access_error, remote_operational_error, invalid_rd_request → count),
 *   {@code ce_marks}, {@code cnps}, {@code dscp} (array of the DSCP values seen), {@code priority} (VLAN PCP,
 *   else DSCP/8, -1 unknown), {@code first_seen}, {@code last_seen} (RFC 3339, packet time), {@code score};</li>
 *   <li>a final {@code type} "summary" object: {@code qps}, {@code evicted_qps}, {@code pfc_frames},
 *   {@code pause_frames}, {@code pfc_pauses} and {@code pfc_resumes} (arrays indexed by priority 0-7),
 *   {@code pause_8023x_pauses}, {@code pause_8023x_resumes}.</li>
 * </ul>
 *
 * <p>Exit codes: 0 done, 1 input unreadable or damaged, 2 usage error.
 */
@Command(
    name = "qps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Per-QP health of RDMA traffic: loss, retransmissions, NAKs, ECN marks, CNPs; worst QPs first.",
    description = {
        "",
        "One row per (source, destination, BTH destination QP) of RoCEv2 (UDP dst port 4791), RoCEv1 and native "
            + "InfiniBand packets: packets, bytes, the opcode mix, request PSN sequence (gaps: PSNs skipped; dup: "
            + "PSNs seen again, i.e. retransmissions; ooo: late PSNs filling a gap), NAKs and RNR-NAKs, ECN CE marks, "
            + "CNPs, DSCP values.",
        "",
        "Direction: a row is the traffic sent to its destination QP. Responses (ACK/NAK) and CNPs go the other "
            + "way, so they count on the row of the QP that receives them: a NAK on the requester QP it "
            + "acknowledges, a CNP on the QP being throttled (the sender of the congested flow), while the CE "
            + "marks that caused it are on the congested flow's own row.",
        "",
        "PSN checks cover requests (SEND/WRITE/READ/atomic); after an RDMA READ request the next PSN is "
            + "taken as is (the read's response count is unknown). Worst first: score = 1000 x (nak + rnr) + "
            + "100 x (gaps + dup + ooo) + 10 x cnp + ce, then packets.",
        "",
        "--timeline prints, per interval of packet time that had any, CE marks and CNPs per priority (VLAN PCP, "
            + "else DSCP/8) and per QP, and PFC pause/resume frames per priority (802.1Qbb), before the table.",
        "",
        "At most --max-qps rows are kept; when full, the longest idle rows are evicted (reported under the table).",
        "",
        "Live (-i, repeatable): the table is printed when the capture stops (Ctrl-C / SIGTERM); timeline "
            + "intervals as they end.",
        "",
    },
    footer = {"", "Exit status: 0 done, 1 input unreadable or damaged, 2 usage error.",
        "", "Examples: fabricscope rdma qps -r roce.pcap --timeline",
        "          fabricscope rdma qps -i eth0 'udp dst port 4791 or ether proto 0x8808'"})
public final class RdmaQpsCommand implements Callable<Integer> {
    @Mixin
    AnalyzerInput input;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..*",
        description = "Optional pcap-filter(7) expression selecting the packets to analyse (e.g. 'udp dst port 4791').")
    List<String> filterWords = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON lines instead of text.")
    boolean json;

    @Option(names = "--timeline", description = "Print congestion (CE, CNP, PFC) per interval, per priority and per QP.")
    boolean timeline;

    @Option(names = "--interval", paramLabel = "MS", converter = RdmaArgs.Number.class, defaultValue = "1000",
        description = "Timeline interval in milliseconds (default: ${DEFAULT-VALUE}).")
    int intervalMs;

    @Option(names = "--max-qps", paramLabel = "N", converter = RdmaArgs.Number.class, defaultValue = "65536",
        description = "Rows kept at most (default: ${DEFAULT-VALUE}).")
    int maxQps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (intervalMs < 1) throw UserError.usage("--interval must be at least 1 ms");
        if (maxQps < 1) throw UserError.usage("--max-qps must be at least 1");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder text = new StringBuilder(256);
        boolean[] headerShown = {false};
        QpStatsTable table = new QpStatsTable(maxQps, intervalMs * 1_000_000L, !timeline ? null : interval -> {
            text.setLength(0);
            if (json) {
                QpStatsFormatter.appendIntervalJson(text, interval);
            } else {
                if (!headerShown[0]) text.append("congestion timeline (").append(intervalMs).append(" ms intervals, packet time):\n");
                headerShown[0] = true;
                QpStatsFormatter.appendInterval(text, interval);
            }
            out.print(text);
            if (input.isLive()) out.flush(); // someone is watching
        });
        ProblemCounter problems = input.run(String.join(" ", filterWords), out, err, table::packet);
        table.finish();
        if (timeline && !json) {
            out.print(headerShown[0] ? "\n" : "congestion timeline: no CE marks, CNPs or PFC frames\n\n");
        }
        List<QpSummary> rows = table.summaries();
        text.setLength(0);
        if (json) {
            for (QpSummary q : rows) QpStatsFormatter.appendJson(text, q);
            QpStatsFormatter.appendJsonSummary(text, rows.size(), table);
        } else {
            int width = QpStatsFormatter.addressWidth(rows);
            QpStatsFormatter.appendHeader(text, width);
            for (QpSummary q : rows) QpStatsFormatter.appendRow(text, q, width);
            QpStatsFormatter.appendFooter(text, rows, table);
        }
        out.print(text);
        out.flush();
        return problems.exitStatus(0);
    }
}
