package dev.fabricscope.cli;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.lacp.LacpPdu;
import dev.fabricscope.lacp.LagFault;
import dev.fabricscope.lacp.LagHealthAnalyzer;
import dev.fabricscope.lacp.LagHealthFormatter;
import dev.fabricscope.lacp.LagHealthReport;
import dev.fabricscope.lacp.SlowProtocolPdu;
import dev.fabricscope.lacp.SlowProtocolsParseResult;
import dev.fabricscope.lacp.SlowProtocolsParser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricscope lacp health -r FILE | -i IF... [--json] [--timeline]}: diagnoses link aggregation from the
 * LACPDUs of a capture (ideally one pcapng interface per link, both directions, as dumpcap or {@code fabricscope capture -i a
 * -i b} writes). Rules and limits are {@link LagHealthAnalyzer}'s.
 *
 * <p>JSON (--json): one object per line, in this order. Field names are stable:
 * <ul>
 *   <li>{@code type} "link": one per end of every link: {@code interface} (capture interface name, "" if none),
 *   {@code link} (the interface name in a multi-interface capture, else "mac <-> mac", "?" for an end not captured),
 *   {@code mac}, {@code peer_mac} (null when the other end's PDUs are not in the capture), {@code actor_system},
 *   {@code actor_system_priority}, {@code actor_key}, {@code actor_port}, {@code actor_state} ("0x3d"),
 *   {@code actor_flags} ("Activity,Aggregation,..."), {@code partner_system}, {@code partner_key},
 *   {@code partner_port}, {@code partner_state}, {@code partner_flags} (the other end's own values when captured,
 *   else what this end reports), {@code partner_heard}, {@code collecting_distributing}, {@code since} (last
 *   change of the actor state), {@code last_pdu}, {@code pdus}.</li>
 *   <li>{@code type} "state_change" (only with --timeline): {@code interface}, {@code mac}, {@code actor_system},
 *   {@code actor_port}, {@code time}, {@code frame}, {@code old_state} (null for the first PDU), {@code new_state}.</li>
 *   <li>{@code type} "fault": {@code fault} (split_lag, crossed_lag, looped, unidirectional, partner_timeout,
 *   timeout_mismatch, passive_passive, churn, individual, not_synchronized, expired, defaulted, malformed),
 *   {@code severity} ("error", or "warning" for timeout_mismatch), {@code interface}, {@code link}, {@code mac}
 *   (the end the fault is about), {@code peer_mac}, {@code actor_system}, {@code actor_key}, {@code partner_system},
 *   {@code partner_key} (null when unknown, as for malformed frames), {@code since} (packet time the condition
 *   began), {@code detected} (packet time it was diagnosed), {@code frame} (frame number at detection),
 *   {@code evidence} (one line).</li>
 *   <li>{@code type} "summary": {@code pdus}, {@code ports}, {@code lag_sides}, {@code carrying_traffic},
 *   {@code faults} (errors), {@code warnings}, {@code one_sided}, {@code malformed}, {@code ignored_over_cap}.</li>
 * </ul>
 * Times are packet times in RFC 3339 UTC with the fraction as needed. Live ({@code -i}, repeatable, until Ctrl-C):
 * faults are printed the moment they are detected (text: a "fault: " line; JSON: the fault object), then at the
 * end the report (JSON: link objects and the summary, faults not repeated). Silence is judged on packet time, which
 * advances with every captured packet of any interface.
 *
 * <p>Exit codes: 0 done, no fault (warnings allowed); 3 done, at least one fault (like a linter: scripts can
 * test for it, also when the input is damaged); 1 input unreadable or damaged; 2 usage error.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Diagnose LAGs from their LACPDUs: split, crossed, looped, one-way, timed out, stuck or flapping links.",
    description = {
        "",
        "Reads a capture (-r), or captures live (-i, repeatable, until Ctrl-C; faults are printed as they are "
            + "detected, the report at the end), groups the LACP ports it hears into links (one per capture interface, or per MAC pair in a "
            + "single-interface capture) and into LAGs by actor system and key on each side, and follows every port's "
            + "negotiated state over packet time. It prints each LAG side with its links (state flags, partner, whether "
            + "the link carries traffic: Collecting and Distributing), then the faults with the evidence, then a verdict.",
        "",
        "Faults:",
        "  split_lag",
        "        links of one aggregator see different partner systems",
        "  crossed_lag",
        "        links of one aggregator see different partner keys (crossed cabling)",
        "  looped",
        "        a port hears its own system (partner system = actor system)",
        "  unidirectional",
        "        one end's PDUs stopped (3 missed at the rate its partner asked for)",
        "        while the other end kept sending; or an end is Expired/Defaulted",
        "        although its partner's PDUs are in the capture",
        "  partner_timeout",
        "        nothing from either end for longer than the timeout (3 s fast, 90 s slow)",
        "  timeout_mismatch (a warning)",
        "        the ends ask for different timeouts, or one sends slower than asked",
        "  passive_passive",
        "        both ends passive (Activity 0) and never synchronised",
        "  churn",
        "        Synchronization lost 3 times within 60 s",
        "  individual",
        "        Aggregation 0 on a link whose other end aggregates it",
        "  expired, defaulted, not_synchronized",
        "        the state lasted longer than 60 s (802.1AX Churn Detection Time)",
        "  malformed",
        "        a PDU the decoder rejected, with its reason",
        "",
        "A capture with only one end of a link (only one direction captured) is analysed from that end's own view; "
            + "the report says what can and cannot be concluded.",
        "",
    },
    footer = {"", "Exit status: 0 no fault (warnings allowed), 3 fault(s) found (even in a damaged input), 1 input unreadable or damaged, or capture failed, 2 usage error.",
        "", "Examples:", "  fabricscope capture -i eth0 -i eth1 -w bond.pcapng   (both bond members)",
        "  fabricscope lacp health -r bond.pcapng --timeline",
        "  fabricscope lacp health -i eth0 -i eth1 --json"})
public final class LacpHealthCommand implements Callable<Integer> {
    /** Exit status when at least one fault (not just warnings) was found. */
    public static final int FAULTS_FOUND = 3;

    @Mixin
    AnalyzerInput input;

    @Option(names = "--json", description = "Print JSON lines instead of text (fields in the README).")
    boolean json;

    @Option(names = "--timeline", description = "Also print every port's state changes in time order.")
    boolean timeline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LagFault> faults = new ArrayList<>();
        boolean live = input.isLive();
        StringBuilder line = new StringBuilder(256);
        LagHealthAnalyzer analyzer = new LagHealthAnalyzer(fault -> {
            faults.add(fault);
            if (!live) return;
            // live: someone is watching, say it now (the report at the end repeats it in text)
            line.setLength(0);
            if (json) LagHealthFormatter.appendJsonFault(line, fault, true);
            else LagHealthFormatter.appendFaultLine(line.append("fault: "), fault, true);
            out.print(line);
            out.flush();
        });
        // live: only slow-protocols frames reach us (kernel filter); a file is read whole (every packet moves time)
        ProblemCounter problems =
            input.run(live ? "ether proto 0x8809" : "", out, err, (packet, layers) -> packet(analyzer, packet, layers));
        LagHealthReport report = analyzer.finish();
        StringBuilder text = new StringBuilder(4096);
        String name = live ? String.join(",", input.interfaces) : input.readFile;
        if (!json) LagHealthFormatter.appendText(text, name, report, faults, timeline);
        else if (live) LagHealthFormatter.appendJson(text, report, List.of(), timeline, faults); // faults already printed
        else LagHealthFormatter.appendJson(text, report, faults, timeline);
        out.print(text);
        out.flush();
        // a fault outranks an input problem: the diagnosis of what was read still stands
        return problems.exitStatus(faults.stream().anyMatch(f -> !f.kind().warning()) ? FAULTS_FOUND : 0);
    }

    private void packet(LagHealthAnalyzer analyzer, Packet packet, Layers layers) {
        if (layers.slowProtocolsOffset < 0 || !packet.has(layers.slowProtocolsOffset, 1)
                || packet.u8(layers.slowProtocolsOffset) != SlowProtocolPdu.SUBTYPE_LACP) {
            analyzer.advance(packet.timestampNanos(), packet.frameNumber());
            return;
        }
        int ifId = packet.interfaceId();
        long srcMac = layers.srcMacOffset >= 0 && packet.has(layers.srcMacOffset, 6)
            ? ((long) packet.u16(layers.srcMacOffset) << 32) | packet.u32(layers.srcMacOffset + 2) : 0;
        int off = layers.slowProtocolsOffset, length = packet.capLen() - off;
        if (analyzer.repeated(packet.timestampNanos(), packet.frameNumber(), ifId, srcMac, packet.bytes(),
                packet.offset() + off, length)) {
            return; // byte for byte its sender's previous PDU: already decoded
        }
        SlowProtocolsParseResult r = SlowProtocolsParser.parse(packet, layers);
        String ifName = input.interfaceName(ifId);
        if (r.error() != null) {
            analyzer.malformed(packet.timestampNanos(), packet.frameNumber(), ifId, ifName, srcMac, r.error());
        }
        if (r.pdu() instanceof LacpPdu pdu) {
            analyzer.pdu(packet.timestampNanos(), packet.frameNumber(), ifId, ifName, srcMac, pdu);
            if (r.error() == null) analyzer.remember(ifId, srcMac, packet.bytes(), packet.offset() + off, length);
        }
    }
}
