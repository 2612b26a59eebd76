package dev.fabricscope.cli;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.lacp.SlowPduRenderer;
import dev.fabricscope.lacp.SlowProtocolsParseResult;
import dev.fabricscope.lacp.SlowProtocolsParser;
import dev.fabricscope.print.PacketPrinter;
import dev.fabricscope.print.RawDump;
import dev.fabricscope.print.TimestampStyle;
import dev.fabricscope.print.Verbosity;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fabricscope lacp -r FILE | -i IF... [-v] [--json] [--format=tcpdump]}: decodes every IEEE 802.3
 * slow-protocols frame (ethertype 0x8809: LACP, Marker, OAM, OSSP) with {@link SlowProtocolsParser} and
 * prints one line (text), one JSON object, or tcpdump's exact text per PDU. {@code fabricscope lacp
 * health}: LAG fault diagnosis (its own subcommand class, listed below).
 *
 * <p>JSON (--json): one object per slow-protocols frame, one per line. Field names are stable:
 * {@code frame} (frame number in the capture, 1-based; live: packets seen), {@code time} (packet time,
 * RFC 3339 UTC with nine fraction digits), {@code interface} (pcapng interface or live device name, null
 * for pcap files), {@code src_mac}, {@code protocol} ("lacp", "marker", "oam", "ossp", "unknown", or null
 * when nothing could be decoded), {@code subtype} (number; absent when nothing could be decoded), then per
 * protocol:
 * <ul>
 *   <li>lacp: {@code version}; {@code actor_system} (MAC), {@code actor_system_priority}, {@code actor_key},
 *   {@code actor_port}, {@code actor_port_priority}, {@code actor_state} (the octet as a number),
 *   {@code actor_state_flags} (array of the set bits' names: "activity", "timeout" (short timeout),
 *   "aggregation", "synchronization", "collecting", "distributing", "defaulted", "expired"); the same six
 *   plus flags with prefix {@code partner_}; {@code collector_max_delay} (tens of microseconds, null when
 *   the Collector TLV is missing or bad); {@code tlvs}: array of the TLVs after the Collector TLV other
 *   than the Terminator ({@code type}, {@code name}, {@code length}, and by type {@code algorithm},
 *   {@code link_number_id}, {@code digest}, {@code mask_state}, {@code mask} (hex)).</li>
 *   <li>marker: {@code version}, {@code marker_tlv} ("information"/"response"), {@code requester_port},
 *   {@code requester_system}, {@code transaction_id}.</li>
 *   <li>oam: {@code oam_code}, {@code oam_code_name}, {@code oam_flags}, {@code oam_flag_names}.</li>
 *   <li>ossp: {@code oui} ("00-19-a7"), {@code itu_subtype} (or null), {@code length}.</li>
 * </ul>
 * Always last: {@code error} (null, or the one-line reason the PDU is malformed or truncated) and, when
 * there is an error, {@code error_offset} (byte offset in the frame).
 *
 * <p>Exit codes: 0 done (malformed PDUs included), 1 input unreadable or damaged, or capture failed, 2 usage error.
 */
@Command(
    name = "lacp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Decode LACP and Marker PDUs (IEEE 802.3 slow protocols); 'lacp health' diagnoses LAG faults.",
    description = {
        "",
        "Reads a capture (-r) or captures live on one or more interfaces (-i, repeatable) and decodes every "
            + "IEEE 802.3 slow-protocols frame (ethertype 0x8809, normally sent to 01:80:c2:00:00:02): LACP "
            + "(subtype 1, versions 1 and 2 with the 802.1AX-2014 TLVs), Marker (2: Information and Response), "
            + "OAM (3: code and flags) and OSSP (10: OUI). Other frames are skipped but counted, so frame "
            + "numbers are the capture's.",
        "",
        "Text output: one line per PDU: packet time (UTC), the interface (pcapng interface name; live: when "
            + "capturing on several), the source MAC, then for LACP:",
        "",
        "  LACPv1 actor PRIO,SYSTEM key K port PRIO,PORT STATE",
        "         -> partner PRIO,SYSTEM key K port PRIO,PORT STATE",
        "",
        "where STATE is the state octet as eight letters, bit 0 first, '.' when the bit is clear: "
            + "A Activity (active), T Timeout (short), G aGgregation (aggregatable), S Synchronization, "
            + "C Collecting, D Distributing, F deFaulted, E Expired. On a healthy aggregated link S, C "
            + "and D are set and F and E clear (an active end with long timeout reads 'A.GSCD..'). -v adds the state flags by name, the collector max delay and any further TLVs.",
        "",
        "Marker lines read 'MARKERv1 Information|Response requester SYSTEM port P transaction 0xID'; OAM "
            + "lines the code and flags; OSSP lines the OUI (and the ITU-T subtype, 1 = ESMC).",
        "",
        "A malformed or truncated PDU prints tcpdump's style of marker, [|lacp] or [|marker], with the "
            + "reason and byte offset (\"Actor TLV length 18, expected 20 (offset 16)\"); when the PDU could "
            + "still be decoded, the line ends with (malformed: REASON). Decoding goes on with the next frame.",
        "",
        "--format=tcpdump prints exactly what 'tcpdump -# -n -tttt -e -v' prints for the slow-protocols "
            + "frames (times in the TZ time zone), for comparison with tcpdump-based tooling; reasons for "
            + "malformed PDUs then go to standard error. --json prints one object per PDU (fields in the README).",
        "",
    },
    footer = {"", "Exit status: 0 done, 1 input unreadable or damaged, or capture failed, 2 usage error.",
        "", "Examples:",
        "  fabricscope lacp -r bond0.pcapng -v",
        "  fabricscope lacp -i eth0 -i eth1 --json",
        "  TZ=UTC fabricscope lacp -r LACP.pcap --format=tcpdump"},
    commandListHeading = "%nCommands:%n",
    subcommands = {
        CommandLine.HelpCommand.class,
        LacpHealthCommand.class,
    })
public final class LacpCommand implements Callable<Integer> {
    private static final int ETHERTYPE_SLOW = 0x8809;
    /** Live: only slow-protocols frames reach us (untagged or behind one VLAN tag). */
    static final String LIVE_FILTER = "ether proto 0x8809 or (vlan and ether proto 0x8809)";

    @Mixin
    AnalyzerInput input;

    @Option(names = "-v", description = "Text: add the TLV details of each PDU on indented lines.")
    boolean verbose;

    @Option(names = "--json", description = "One JSON object per PDU, one per line.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "'tcpdump': print what 'tcpdump -# -n -tttt -e -v' prints for these frames; 'text' "
            + "(the default) the one-line format above.")
    String format = "text";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean tcpdump = switch (format) {
            case "text" -> false;
            case "tcpdump" -> true;
            default -> throw UserError.usage("unknown --format '" + format + "': use text or tcpdump");
        };
        if (tcpdump && json) throw UserError.usage("--json and --format=tcpdump exclude each other");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PacketPrinter printer = tcpdump ? new PacketPrinter(ZoneId.systemDefault(), Verbosity.VERBOSE,
                EnumSet.of(PacketPrinter.Option.LINK_HEADERS), TimestampStyle.DATE_TIME, RawDump.NONE) : null;
        StringBuilder text = new StringBuilder(512);
        boolean live = input.isLive();
        long[] seen = {0};
        ProblemCounter problems = new ProblemCounter(err);
        input.run(live ? LIVE_FILTER : "", err, problems, (Packet p, Layers l) -> {
            seen[0]++;
            if (l.etherType != ETHERTYPE_SLOW) return;
            long frame = live ? seen[0] : p.frameNumber();
            text.setLength(0);
            SlowProtocolsParseResult r = SlowProtocolsParser.parse(p, l);
            if (r.pdu() == null && r.error() == null) {
                r = new SlowProtocolsParseResult(null, "frame ends before the slow-protocols subtype (offset "
                        + l.etherPayloadOffset + ")", l.etherPayloadOffset);
            }
            if (tcpdump) {
                tcpdumpFrameNumber(text, frame);
                printer.format(p, l, text);
                text.append('\n');
                if (r.error() != null) err.println("fabricscope: frame " + frame + ": " + r.error());
            } else {
                if (json) {
                    SlowPduRenderer.appendJson(text, new SlowPduRenderer.FrameInfo(frame, p.timestampNanos(),
                            input.interfaceName(p.interfaceId()), srcMac(p, l)), r);
                } else {
                    String column = interfaceColumn(p.interfaceId());
                    SlowPduRenderer.appendText(text, new SlowPduRenderer.FrameInfo(frame, p.timestampNanos(),
                            column == null ? "" : column, srcMac(p, l)), r, column != null, verbose);
                }
            }
            out.print(text);
            if (live) out.flush();
        });
        out.flush();
        return problems.exitStatus(0);
    }

    /**
     * The interface column of the text output, or null for none: named pcapng interfaces always (a bond
     * member's capture says which link it is), unnamed ones as "ifN" when there are several, live
     * devices when there are several.
     */
    private String interfaceColumn(int id) {
        String name = input.interfaceName(id);
        if (input.isLive()) return input.interfaces().size() > 1 ? name : null;
        if (!name.isEmpty()) return name;
        return input.interfaces().size() > 1 ? "if" + id : null;
    }

    /** tcpdump -#: the frame number right-aligned in five columns, then two spaces. */
    private static void tcpdumpFrameNumber(StringBuilder out, long frame) {
        for (long f = Math.max(frame, 1); f < 10_000; f *= 10) out.append(' ');
        out.append(frame).append("  ");
    }

    private static long srcMac(Packet p, Layers l) {
        int off = l.srcMacOffset;
        if (off < 0 || !p.has(off, 6) || p.linkType() == LinkType.NULL) return 0;
        return (long) p.u16(off) << 32 | p.u32(off + 2);
    }
}
