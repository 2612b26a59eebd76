package dev.fabricscope.cli;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.rdma.DecodedFrame;
import dev.fabricscope.rdma.IcrcStatus;
import dev.fabricscope.rdma.IcrcText;
import dev.fabricscope.rdma.RdmaDecoder;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricscope rdma icrc -r FILE [--json] [--explain-icrc FRAME]}: verifies the invariant CRC of
 * every RoCEv2, RoCEv1 and native InfiniBand packet (and the VCRC of native IB packets).
 *
 * <p>JSON (--json): one object per RoCE/IB frame with a BTH: {@code frame} (1-based, as tshark numbers
 * frames), {@code version} ("RoCEv2", "RoCEv1", "IB"), {@code icrc_valid} (boolean; false when not
 * checked), {@code icrc} (the 4 on-wire bytes as hex, null when not captured), {@code icrc_computed}
 * (hex, null when not checked), {@code icrc_status} ("valid", "invalid", "truncated"); for IB also
 * {@code vcrc_valid}, {@code vcrc}, {@code vcrc_computed}, {@code vcrc_status}. No summary object.
 *
 * <p>Exit codes: 0 all checked ICRCs valid, 1 some invalid (or the input unreadable or damaged), 2 usage error.
 */
@Command(
    name = "icrc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Verify the ICRC of RoCEv2/RoCEv1/InfiniBand packets; explain how one frame's ICRC is computed.",
    customSynopsis = "fabricscope rdma icrc (-r FILE | -i INTERFACE...) [--json] [--explain-icrc FRAME] [EXPRESSION]",
    description = {
        "",
        "The invariant CRC (ICRC) ends every RoCE and InfiniBand transport packet. It is a CRC-32 (the "
            + "Ethernet polynomial) over the packet with the fields that may change in flight replaced by "
            + "ones: for RoCE, 8 bytes of ff standing in for the InfiniBand LRH; IPv4 TOS, TTL and header "
            + "checksum; IPv6 (or GRH) traffic class, flow label and hop limit; the UDP checksum; the BTH "
            + "reserved byte that carries FECN/BECN. Native IB masks the LRH's VL (the whole LRH when a GRH "
            + "follows) and also ends with a VCRC (CRC-16) over everything, which is checked too.",
        "",
        "Prints one line per frame whose ICRC is wrong (or could not be checked because the capture cut "
            + "it), then a summary: frames, valid, invalid, not checked. Input: a file (-r) or live capture "
            + "(-i, repeatable, until Ctrl-C; then the summary), optionally narrowed by a pcap-filter(7) "
            + "expression.",
        "",
        "--explain-icrc FRAME prints, for that frame, the exact bytes fed to CRC-32 as a hex dump with the "
            + "masked bytes marked, the masked fields by name, the computed and the on-wire ICRC.",
        "",
    },
    footer = {"", "Exit status: 0 every checked ICRC valid, 1 some invalid or input unreadable or damaged, 2 usage error.",
        "", "Examples:", "  fabricscope rdma icrc -r roce.pcap", "  fabricscope rdma icrc -r roce.pcap --explain-icrc 17",
        "  fabricscope rdma icrc -i eth0 'udp dst port 4791'"})
public final class RdmaIcrcCommand implements Callable<Integer> {
    @Mixin
    AnalyzerInput input;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..*", description = "pcap-filter(7) expression (words joined by spaces).")
    List<String> expression = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per RoCE/IB frame instead of text.")
    boolean json;

    @Option(names = "--explain-icrc", paramLabel = "FRAME", description = "Show how the ICRC of frame FRAME (1-based) is computed.")
    long explainFrame = -1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (explainFrame == 0 || explainFrame < -1) throw UserError.usage("--explain-icrc needs a frame number (1-based)");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RdmaDecoder decoder = new RdmaDecoder();
        StringBuilder line = new StringBuilder(256);
        JsonLine j = new JsonLine(line);
        Counts n = new Counts();
        boolean live = input.isLive();
        ProblemCounter problems = new ProblemCounter(err);
        try (StopSignal stop = new StopSignal()) {
            input.run(String.join(" ", expression), err, problems,
                (packet, layers) -> {
                    if (n.explained) return;
                    if (explainFrame > 0) {
                        if (packet.frameNumber() != explainFrame) return;
                        line.setLength(0);
                        IcrcText.appendExplanation(line, explainFrame, decoder.icrc().explain(packet, layers));
                        out.print(line);
                        n.explained = true;
                        stop.stop();
                        return;
                    }
                    if (layers.ibBthOffset < 0) return;
                    if (!(decoder.decode(packet, layers) instanceof DecodedFrame.Transport t)) return;
                    n.count(t);
                    line.setLength(0);
                    if (json) {
                        j.begin().field("frame", t.frame()).field("version", t.encapsulation().label());
                        crc(j, "icrc", t.icrc(), t.icrcComputed(), t.icrcOnWire(), 8);
                        if (t.vcrc() != IcrcStatus.NOT_APPLICABLE) crc(j, "vcrc", t.vcrc(), t.vcrcComputed(), t.vcrcOnWire(), 4);
                        j.end();
                    } else if (t.icrc() != IcrcStatus.VALID || t.vcrc() == IcrcStatus.INVALID
                        || t.vcrc() == IcrcStatus.TRUNCATED) {
                        IcrcText.appendProblem(line, t);
                    }
                    out.print(line);
                    if (live && !line.isEmpty()) out.flush();   // someone is watching
                }, stop);
        } finally {
            out.flush();
        }
        if (explainFrame > 0) {
            if (!n.explained) throw UserError.runtime(input.name() + ": has no frame " + explainFrame);
            return 0;
        }
        if (!json) {
            line.setLength(0);
            IcrcText.appendSummary(line, n.frames, n.valid, n.invalid, n.truncated, n.vcrcValid, n.vcrcInvalid);
            out.print(line);
        }
        out.flush();
        return problems.exitStatus(n.invalid + n.vcrcInvalid > 0 ? UserError.RUNTIME : 0);
    }

    /** What a run counted. */
    private static final class Counts {
        long frames;
        long valid;
        long invalid;
        long truncated;
        long vcrcValid;
        long vcrcInvalid;
        boolean explained;

        void count(DecodedFrame.Transport t) {
            frames++;
            switch (t.icrc()) {
                case VALID -> valid++;
                case INVALID -> invalid++;
                default -> truncated++;
            }
            if (t.vcrc() == IcrcStatus.VALID) vcrcValid++;
            if (t.vcrc() == IcrcStatus.INVALID) vcrcInvalid++;
        }
    }

    private static void crc(JsonLine j, String name, IcrcStatus s, int computed, int onWire, int digits) {
        String fmt = "%0" + digits + "x";
        j.field(name + "_valid", s == IcrcStatus.VALID);
        if (s.checked()) j.field(name, String.format(fmt, onWire)).field(name + "_computed", String.format(fmt, computed));
        else j.raw(name, "null").raw(name + "_computed", "null");
        j.field(name + "_status", s.name().toLowerCase(Locale.ROOT));
    }
}
