package dev.fabricscope.cli;

import dev.fabricscope.rdma.cm.CmConnectionText;
import dev.fabricscope.rdma.cm.CmEvent;
import dev.fabricscope.rdma.cm.CmState;
import dev.fabricscope.rdma.cm.CmTracker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricscope rdma conntrack -r FILE | -i IF... [--json] [EXPRESSION]}: RDMA-CM connection tracking
 * ({@link CmTracker}); live input through {@link AnalyzerInput} (Ctrl-C/SIGTERM ends the run with the table).
 *
 * <p>JSON (--json), one object per line, field names stable:
 * <ul>
 *   <li>{@code type} "connection": {@code client_ip}, {@code server_ip} (text; IPv4-mapped GIDs as IPv4;
 *   native IB without GRH as "lid 0x0001"), {@code port} (RDMA-CM port from the service ID, -1 when the
 *   service ID is not an RDMA-CM IP one), {@code service_id}, {@code client_qpn}, {@code server_qpn},
 *   {@code client_comm_id}, {@code server_comm_id}, {@code client_start_psn}, {@code server_start_psn}
 *   (integers, -1 when unknown), {@code state} (REQ_SENT, MRA_RCVD, REP_RCVD, ESTABLISHED, DREQ_SENT,
 *   DISCONNECTED, REJECTED, TIMED_OUT), {@code reject_reason} (1-33, 0 when not rejected),
 *   {@code reject_reason_name}, {@code rejected_by} ("client"/"server" or null), {@code path_mtu} (bytes),
 *   {@code transaction_id}, {@code req_count}, {@code cm_messages}, {@code cma_source_port} (-1 when none),
 *   {@code vlan} (-1 when untagged), {@code first_seen}, {@code established}, {@code ended},
 *   {@code last_seen} (RFC 3339 or null), {@code first_frame}, {@code packets}, {@code bytes} (RC/UC data
 *   and ACK frames attributed, both directions, frame lengths on the wire), {@code client_packets},
 *   {@code client_bytes}, {@code server_packets}, {@code server_bytes}, {@code end} ("disconnected",
 *   "rejected", "timed_out", "idle", "capture_end", "replaced"), {@code ipoib_cm} (IPoIB connected-mode
 *   service ID), {@code ipoib_client_ip}, {@code ipoib_server_ip} (what the first IP over IB packet carries, or
 *   null).</li>
 *   <li>{@code type} "unmatched" ({@code frame}, {@code time}, {@code message}, {@code local_comm_id},
 *   {@code remote_comm_id}), "malformed" ({@code frame}, {@code time}, {@code reason}, {@code offset}),
 *   "table_full" ({@code frame}, {@code time}, {@code capacity}).</li>
 *   <li>{@code type} "summary" last: {@code connections}, {@code states} (state to count),
 *   {@code cm_messages}, {@code unmatched}, {@code malformed}, {@code table_full}, {@code data_packets},
 *   {@code data_packets_attributed}.</li>
 * </ul>
 */
@Command(
    name = "conntrack",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Track RDMA-CM connections: who connected to whom, with which QPs, and how each setup ended.",
    description = {
        "",
        "Follows the InfiniBand Communication Management handshake (CM MADs: UD SEND, BTH opcode 0x64, to QP 1, "
            + "management class 0x07) over RoCEv2 (UDP destination port 4791, IPv4 or IPv6, untagged or VLAN-tagged), "
            + "RoCEv1 and native InfiniBand. Every connection goes REQ_SENT -> (MRA_RCVD) -> REP_RCVD -> "
            + "ESTABLISHED (RTU) -> DREQ_SENT -> DISCONNECTED (DREP); a REJ makes it REJECTED (reason 1-33 by "
            + "name, and which side rejected); a setup or disconnect with no CM message for 60 s of packet time "
            + "becomes TIMED_OUT. Retransmitted REQs count on one connection. CM messages that match no "
            + "connection (their REQ was not captured) are reported, as are malformed CM MADs.",
        "",
        "RDMA-CM IP connections (service ID 0x0000000001PPxxxx: port space TCP 0x06, UDP 0x11, IB 0x3F) show the "
            + "port; the RDMA-CM header in the REQ private data gives the client's source port. RC/UC data "
            + "packets of established connections are attributed by (source, destination, destination QP) and "
            + "counted per direction.",
        "",
        "One line per connection, in the order connections leave the table (5 s of packet time after "
            + "DREP/REJ, on timeout, or at the end of the input):",
        "",
        "  TIME CLIENT -> SERVER port P STATE client qpn Q comm C psn N, server qpn Q comm C psn N, mtu M, "
            + "c->s P pkts B bytes, s->c P pkts B bytes, end REASON",
        "",
        "SIDR (service ID resolution, for UD services): one line per SIDR_REQ and its SIDR_REP (matched by client "
            + "and request ID), with the server's UD QP and Q_Key, or 'no reply' (60 s of packet time, or the end "
            + "of the input):",
        "",
        "  TIME CLIENT -> SERVER port P SIDR STATUS server qpn Q qkey K, request R, N SIDR_REQ",
        "",
        "then a table of connections by final state and the counters. Limits: 65536 connections (further REQs "
            + "are reported, not tracked); established connections idle for 600 s of packet time end as 'idle'.",
        "",
        "With -i (repeatable) the interfaces are tracked live, lines appear as connections end, and Ctrl-C prints "
            + "the remaining connections and the table. With --json, one JSON object per connection and event, "
            + "then a summary object (fields in the README).",
        "",
    },
    footer = {"", "Exit status: 0 done, 1 input unreadable or damaged, or capture failed, 2 usage error.",
        "", "Examples:", "  fabricscope rdma conntrack -r roce.pcap", "  fabricscope rdma conntrack -i eth1 udp dst port 4791",
        "  fabricscope rdma conntrack -r roce.pcap --json | jq 'select(.state==\"REJECTED\")'"})
public final class RdmaConntrackCommand implements Callable<Integer> {
    @Mixin
    AnalyzerInput input;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..*",
        description = "Optional pcap-filter(7) expression selecting the packets to analyse (e.g. 'udp dst port 4791').")
    List<String> filterWords = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON lines instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StringBuilder text = new StringBuilder(512);
        Map<CmState, Integer> byState = CmConnectionText.emptyStateCounts();
        CmTracker tracker = new CmTracker(event -> {
            text.setLength(0);
            switch (event) {
                case CmEvent.Ended e -> {
                    byState.merge(e.connection().state(), 1, Integer::sum);
                    if (json) CmConnectionText.appendJson(text, e.connection());
                    else CmConnectionText.appendLine(text, e.connection());
                }
                case CmEvent.Established e -> { }
                default -> CmConnectionText.appendEvent(text, event, json);
            }
            out.print(text);
            if (input.isLive()) out.flush();   // someone is watching
        });
        ProblemCounter problems = input.run(String.join(" ", filterWords), out, err, tracker::process);
        tracker.finish();
        text.setLength(0);
        CmConnectionText.appendSummary(text, byState, tracker.stats(), json);
        out.print(text);
        out.flush();
        return problems.exitStatus(0);
    }
}
