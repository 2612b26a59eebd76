package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.dissect.Encapsulation;
import dev.fabricscope.dissect.EncapsulationStripper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fabricscope strip}: removes VLAN/MPLS/PPPoE/GRE encapsulation and VXLAN/Geneve/ERSPAN tunnels. */
@Command(
    name = "strip",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Remove VLAN, MPLS, PPPoE and GRE encapsulation, and VXLAN, Geneve and ERSPAN tunnels, from the "
        + "Ethernet frames of a capture.",
    description = {
        "",
        "Reads IN and writes OUT in the same format (pcap or pcapng), packet for packet, with the selected "
            + "encapsulations removed and the ethertype fixed so that tools decode the inner packet. "
            + "With no selection flag, all seven are removed. The other commands read the result as if it had "
            + "been captured inside the tunnel (e.g. SMC handshakes or RoCE traffic mirrored by a switch: "
            + "fabricscope strip -r erspan.pcap -w - | fabricscope smc-clc -f -).",
        "",
        "  --vlan   802.1Q, 802.1ad and 0x9100 tags, however many are stacked.",
        "  --mpls   the label stack, when it carries IPv4 or IPv6 (ethertype from the first nibble of the "
            + "payload) or an Ethernet pseudowire with a control word (the inner frame is kept).",
        "  --pppoe  the PPPoE session header and PPP protocol, for PPP IPv4 (0x0021) and IPv6 (0x0057).",
        "  --gre    the outer IP header and the GRE header; the ethertype becomes GRE's protocol type, "
            + "or for transparent Ethernet bridging (0x6558) the inner Ethernet frame is kept.",
        "  --vxlan  VXLAN on UDP port 4789 and 8472 (Linux's default VXLAN port, also Cisco OTV's) with the I "
            + "flag set, and VXLAN-GPE on 4790: the inner Ethernet frame is kept, and everything before it goes "
            + "(outer Ethernet, VLAN, IP, UDP, VXLAN). An IPv4/IPv6 packet in VXLAN-GPE is treated as in GRE: "
            + "the outer IP, UDP and VXLAN-GPE headers go and the ethertype becomes the inner packet's.",
        "  --geneve Geneve on UDP port 6081, options skipped: carrying Ethernet (protocol 0x6558), the inner "
            + "frame is kept; carrying IPv4 or IPv6, as in GRE.",
        "  --erspan ERSPAN type I and II (GRE protocol 0x88be) and type III (0x22eb, with or without its "
            + "platform-specific subheader): the mirrored frame is kept. Takes precedence over --gre.",
        "",
        "Captured and original lengths shrink by the bytes removed. Frames without the encapsulation, and "
            + "frames of other link types, are written unchanged.",
        "",
    },
    footer = {"", "Exit status: 0 done, 1 input unreadable or damaged (the packets read before the damage are "
        + "written), or output failure, 2 usage error.",
        "", "Example: fabricscope strip -r trunk.pcap -w plain.pcap --vlan --mpls"})
public final class StripCommand implements Callable<Integer> {
    @Option(names = "-r", paramLabel = "IN", required = true, description = "Capture file to read (- for stdin, .gz accepted).")
    String input;

    @Option(names = "-w", paramLabel = "OUT", required = true, description = "Capture file to write (- for stdout).")
    String output;

    /** The encapsulations the flags select; none means all. */
    private final EnumSet<Encapsulation> selected = EnumSet.noneOf(Encapsulation.class);

    @Option(names = "--vlan", description = "Remove VLAN tags.")
    void vlan(boolean on) { select(Encapsulation.VLAN, on); }

    @Option(names = "--mpls", description = "Remove MPLS label stacks.")
    void mpls(boolean on) { select(Encapsulation.MPLS, on); }

    @Option(names = "--pppoe", description = "Remove PPPoE session headers.")
    void pppoe(boolean on) { select(Encapsulation.PPPOE, on); }

    @Option(names = "--gre", description = "Remove GRE tunnels (outer IP and GRE header).")
    void gre(boolean on) { select(Encapsulation.GRE, on); }

    @Option(names = "--vxlan", description = "Keep the frame inside VXLAN (UDP 4789, 8472) and VXLAN-GPE (4790).")
    void vxlan(boolean on) { select(Encapsulation.VXLAN, on); }

    @Option(names = "--geneve", description = "Keep the frame inside Geneve (UDP 6081).")
    void geneve(boolean on) { select(Encapsulation.GENEVE, on); }

    @Option(names = "--erspan", description = "Keep the frame mirrored in ERSPAN (types I, II, III).")
    void erspan(boolean on) { select(Encapsulation.ERSPAN, on); }

    private void select(Encapsulation kind, boolean on) {
        if (on) selected.add(kind);
        else selected.remove(kind);
    }

    @Mixin
    VxlanPortOption vxlanPort = new VxlanPortOption();   // also when built without picocli (tests)

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EnumSet<Encapsulation> selection = selection();
        EncapsulationStripper stripper = new EncapsulationStripper(selection,
            vxlanPort.ports(selection.contains(Encapsulation.VXLAN), "--vxlan"));
        PrintWriter err = spec.commandLine().getErr();
        long changed = 0;
        long total = 0;
        ProblemCounter problems = new ProblemCounter(err);
        try (PacketSource source = Inputs.open(input, problems)) {
            Packet packet = new Packet();
            CaptureWriter writer = null;
            Progress progress = Progress.forTerminal(err, source);   // stdout holds no text, at most the capture
            try {
                while (source.next(packet)) {
                    total++;
                    if (progress != null) progress.read(total, -1);
                    if (writer == null) writer = openWriter(source);
                    Packet stripped = EncapsulationStripper.forFile(packet, stripper.strip(packet));
                    if (stripped != packet) changed++;
                    writer.write(stripped, source.interfaces().get(packet.interfaceId()));
                }
                if (writer == null) writer = openWriter(source);
            } finally {
                if (progress != null) progress.finish();
                if (writer != null) writer.close();
            }
        } catch (IOException e) {
            throw UserError.runtime(e.getMessage());
        }
        err.println("strip: " + changed + " of " + total + " packets changed");
        return problems.exitStatus(0);   // a damaged input: what was read is written, and the run ends with 1
    }

    /** The flags given; none means all. */
    private EnumSet<Encapsulation> selection() {
        return selected.isEmpty() ? EnumSet.allOf(Encapsulation.class) : EnumSet.copyOf(selected);
    }

    private CaptureWriter openWriter(PacketSource source) throws IOException {
        List<CaptureInterface> ifaces = source.interfaces();
        CaptureFormat format = source.format() == CaptureFormat.PCAPNG ? CaptureFormat.PCAPNG : CaptureFormat.PCAP;
        if (ifaces.isEmpty()) {
            return CaptureWriters.open(output, new WriterOptions(format, WriterOptions.LIBPCAP_MAX_SNAPLEN, 1, TimestampPrecision.MICRO));
        }
        CaptureInterface first = ifaces.get(0);
        TimestampPrecision precision = first.tsResolutionNanos() == 1 ? TimestampPrecision.NANO : TimestampPrecision.MICRO;
        return CaptureWriters.open(output, WriterOptions.of(format, WriterOptions.tcpdumpSnapLen(first.snapLen()),
            first, precision));
    }
}
