package dev.fabricscope.cli;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.rdma.DecodedFrame;
import dev.fabricscope.rdma.MadBaseHeader;
import dev.fabricscope.rdma.MadBodyHook;
import dev.fabricscope.rdma.cm.CmMadBody;
import dev.fabricscope.rdma.RdmaDecoder;
import dev.fabricscope.rdma.RdmaJson;
import dev.fabricscope.rdma.RdmaText;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricscope rdma decode -r FILE [-v] [--json] [-c N] [EXPRESSION]}: one line per RoCEv2, RoCEv1
 * or native InfiniBand packet (and per PAUSE/PFC frame), every BTH field, extended headers, DSCP/ECN and
 * the ICRC verdict. Decoding is {@link RdmaDecoder}'s, text {@link RdmaText}'s, JSON {@link RdmaJson}'s.
 *
 * <p>JSON (--json), one object per frame; stable snake_case names:
 * <ul>
 *   <li>all: {@code frame} (1-based), {@code time} (RFC 3339), {@code type} "transport", "pfc", "pause",
 *   "mac_control", "mac_control_truncated" or "truncated".</li>
 *   <li>transport: {@code version} "RoCEv2"/"RoCEv1"/"IB"; {@code src}, {@code dst} (IP address, or GID;
 *   null for IB without GRH); {@code src_port}, {@code dst_port} (RoCEv2); {@code slid}, {@code dlid},
 *   {@code sl}, {@code vl} (IB); {@code vlan}, {@code pcp} (tagged); {@code dscp}, {@code ecn} (numbers);
 *   {@code opcode} (number), {@code opcode_name} ("RC SEND First"), {@code transport} ("RC", "UC", "RD",
 *   "UD", "CNP", "XRC", "VENDOR"); {@code dest_qp}, {@code psn}, {@code ack_request}, {@code solicited_event},
 *   {@code mig_req}, {@code pad_count}, {@code transport_version}, {@code p_key}, {@code fecn}, {@code becn};
 *   extended headers when present: {@code xrc_srq}, {@code rdeth_ee_context}, {@code deth_q_key},
 *   {@code deth_src_qp}, {@code feth}, {@code reth_va} (hex), {@code reth_r_key}, {@code reth_dma_length},
 *   {@code atomic_va}, {@code atomic_r_key}, {@code atomic_swap_add}, {@code atomic_compare},
 *   {@code aeth_syndrome}, {@code aeth_kind} ("ack", "rnr_nak", "nak", "reserved"), {@code aeth_msn},
 *   {@code aeth_credits} | {@code aeth_rnr_timer_us} | {@code aeth_nak_code} + {@code aeth_nak_name},
 *   {@code atomic_ack_orig_data}, {@code imm_data} (hex), {@code ieth_r_key}, {@code headers_truncated};
 *   {@code payload_length} (null when the lengths do not add up); {@code icrc_valid} (boolean, null when
 *   not checked), {@code icrc} (hex as on the wire), {@code icrc_computed}, {@code icrc_status} ("valid",
 *   "invalid", "truncated", "not_applicable"); for IB also {@code vcrc_valid}, {@code vcrc},
 *   {@code vcrc_computed}, {@code vcrc_status}; MADs: {@code mad_mgmt_class}, {@code mad_class_name},
 *   {@code mad_class_version}, {@code mad_method} (with the response bit), {@code mad_method_name},
 *   {@code mad_status}, {@code mad_tid} (hex), {@code mad_attribute_id}, {@code mad_attribute_name},
 *   {@code mad_attribute_modifier}; IP over IB (native IB): {@code ipoib_ether_type}, {@code ipoib_ip_version},
 *   {@code ipoib_src}, {@code ipoib_dst}, {@code ipoib_protocol}, {@code ipoib_src_port}, {@code ipoib_dst_port}
 *   (TCP/UDP).</li>
 *   <li>pfc/pause: {@code src_mac}, {@code dst_mac}, {@code vlan}; pause: {@code quanta}; pfc:
 *   {@code class_enable_vector}, {@code quanta} (array of 8, priority 0 first).</li>
 *   <li>truncated: {@code version}, {@code reason}, {@code offset}.</li>
 * </ul>
 *
 * <p>Input: {@link AnalyzerInput} ({@code -r FILE} or {@code -i IF}, repeatable; {@code -s}, {@code -p}); -c stops
 * after N printed frames (live: the capture stops).
 *
 * <p>Exit codes: 0 done, 1 input unreadable or damaged, 2 usage error.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Decode RoCEv2, RoCEv1 and InfiniBand packets (BTH, extended headers, MADs, ICRC) and PFC frames.",
    customSynopsis = "fabricscope rdma decode (-r FILE | -i INTERFACE...) [-v] [--json] [-c N] [-s SNAPLEN] [-p] [EXPRESSION...]",
    description = {
        "",
        "Reads a capture file (-r) or captures live (-i, repeatable) and prints one line per RDMA packet, "
            + "like tcpdump -v does for IP:",
        "",
        "  FRAME TIME SRC.PORT > DST.PORT: [vlan V p P] RoCEv2 OPCODE",
        "      qp 0xQPN psn PSN [A] [SE] [FECN] [BECN] pkey 0xPKEY",
        "      [extended headers] len PAYLOAD dscp D ecn ECN icrc ok|BAD",
        "",
        "RoCEv2 is UDP to destination port 4791 (any source port), RoCEv1 ethertype 0x8915 (addresses are the "
            + "GRH's GIDs), native InfiniBand comes from ERF type 21 or LINKTYPE_INFINIBAND (\"lid S > lid D\", "
            + "SL/VL with -v, VCRC checked too). Opcodes are named as Wireshark names them (RC/UC/RD/UD/XRC; "
            + "0x80 and 0x81 are CNP). Extended headers: reth va/rkey/dmalen, aeth ACK credits | RNR-NAK timer | "
            + "NAK code, with MSN, deth qkey/src_qp, imm, ieth rkey, atomic, orig_data, rdeth, xrcsrq.",
        "",
        "The ICRC is recomputed for every RoCE/IB packet (see 'fabricscope rdma icrc' for the details): "
            + "\"icrc ok\", \"icrc BAD (wire X, computed Y)\", or \"not checked (truncated)\" when the capture "
            + "cut the packet. Management datagrams (UD SEND to QP 0/1) get a second, indented line with the "
            + "MAD header: class, version, method, attribute, transaction ID. IP over InfiniBand (native IB: "
            + "UD SEND, or RC/UC SEND of connected mode) gets one too: \"IPoIB IP a.port > b.port: UDP\".",
        "",
        "802.3x PAUSE and 802.1Qbb PFC frames (ethertype 0x8808) are printed too, with the pause quanta "
            + "of each enabled priority (all 8 with -v).",
        "",
        "An EXPRESSION (pcap-filter(7), compiled by libpcap) selects frames first, e.g. "
            + "'udp dst port 4791 and ip[1] & 0xfc == 104' (DSCP 26).",
        "",
    },
    footer = {"", "Exit status: 0 done, 1 input unreadable or damaged, 2 usage error (bad option or filter).",
        "", "Examples:", "  fabricscope rdma decode -r roce.pcap", "  fabricscope rdma decode -i eth0 -c 100 udp dst port 4791", "  fabricscope rdma decode -r roce.pcap --json -c 10",
        "  fabricscope rdma decode -r roce.pcap 'udp dst port 4791 and ip[1] & 0xfc == 104'"})
public final class RdmaDecodeCommand implements Callable<Integer> {
    @Mixin
    AnalyzerInput input;

    @Option(names = "-v", description = "More detail: M bit, pad count, transport version, ICRC value, SL/VL, all PFC priorities.")
    boolean verbose;

    @Option(names = "--json", description = "Print one JSON object per frame instead of text.")
    boolean json;

    @Option(names = "-c", paramLabel = "N", description = "Stop after N printed frames.")
    long count = -1;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..*", description = "pcap-filter(7) expression (words joined by spaces).")
    List<String> expression = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** The CM message body after a CM MAD's header line (rdma.cm's parser and renderer). */
    MadBodyHook madBody = new CmMadBody();

    @Override
    public Integer call() {
        if (count == 0 || count < -1) throw UserError.usage("-c needs a positive count");
        input.validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProblemCounter problems = new ProblemCounter(err);
        long[] printed = {0};
        RdmaDecoder decoder = new RdmaDecoder();
        RdmaText text = new RdmaText(ZoneId.systemDefault());
        StringBuilder line = new StringBuilder(512);
        JsonLine jsonLine = new JsonLine(line);
        boolean live = input.isLive();
        try (StopSignal stop = new StopSignal()) {
            input.run(String.join(" ", expression), err, problems, (packet, layers) -> {
                if (count > 0 && printed[0] >= count) return;
                if (!RdmaDecoder.isRdmaOrPause(layers)) return;
                DecodedFrame f = decoder.decode(packet, layers);
                if (f == null) return;
                line.setLength(0);
                boolean cm = f instanceof DecodedFrame.Transport t && t.mad() != null
                    && t.mad().mgmtClass() == MadBaseHeader.CLASS_CM;
                if (json) {
                    RdmaJson.fields(jsonLine, f);
                    if (cm) madBody.appendJson(jsonLine, packet, (DecodedFrame.Transport) f);
                    jsonLine.end();
                } else {
                    text.append(line, f, verbose);
                    if (cm) madBody.appendText(line, packet, (DecodedFrame.Transport) f, verbose);
                }
                out.print(line);
                if (live) out.flush();   // someone is watching
                if (++printed[0] == count) stop.stop();
            }, stop);
        } finally {
            out.flush();
        }
        return problems.exitStatus(0);
    }
}
