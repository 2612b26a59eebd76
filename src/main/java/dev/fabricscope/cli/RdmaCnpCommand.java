package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.rdma.cm.CmTracker;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.libpcap.LibpcapException;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.rdma.CnpBuilder;
import dev.fabricscope.rdma.CnpTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fabricscope rdma cnp}: builds RoCEv2 congestion notification packets (BTH opcode 0x81) with
 * {@link CnpBuilder} and writes them to a pcap file or sends them on an interface (pcap_inject).
 * Template defaults are libconntrack-cm's (see {@link CnpTemplate}).
 *
 * <p>Exit codes: 0 written/sent, 1 file or interface failure, 2 usage error.
 */
@Command(
    name = "cnp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Build RoCEv2 CNPs (congestion notification packets): write them to a pcap or send them.",
    description = {
        "",
        "A CNP tells the sender of a flow (the reaction point, --dst) that the receiver (--src) saw ECN "
            + "congestion marks on the flow's packets; the sender's DCQCN then slows down the QP named by "
            + "--dqpn (the sender's own QP, i.e. the source QP of the congested flow).",
        "",
        "Layout: [Ethernet [802.1Q]] IPv4/IPv6, UDP to port 4791 (checksum 0), BTH (opcode 0x81, P_Key, "
            + "BECN set, dest QP, PSN 0), 16 reserved zero bytes, ICRC. Defaults follow libconntrack-cm's "
            + "template: ToS 0xc2 (DSCP 48, ECT(0)), TTL 255, DF, IP ID 0, UDP source port 0xf000, P_Key 0xffff.",
        "",
        "Numbers are decimal or 0x hex everywhere. Without --raw the packet is an Ethernet frame (MACs default "
            + "to 00:00:00:00:00:00).",
        "",
    },
    footer = {"", "Exit status: 0 written or sent, 1 file or interface failure, 2 usage error.",
        "", "Example (libconntrack-cm's test vector):",
        "  fabricscope rdma cnp --src 22.22.22.8 --dst 22.22.22.7 --dqpn 0xd2 --sport 56238 --tos 0x89 --ttl 32 "
            + "--ip-id 0x98c6 --raw -w cnp.pcap"})
public final class RdmaCnpCommand implements Callable<Integer> {
    @Option(names = "--src", paramLabel = "ADDR", required = true,
        description = "Source IPv4 or IPv6 address: the host that saw the congestion (notification point).")
    String src;

    @Option(names = "--dst", paramLabel = "ADDR", required = true,
        description = "Destination address: the sender of the congested flow (reaction point).")
    String dst;

    @Option(names = "--dqpn", paramLabel = "QPN", converter = RdmaArgs.Number.class,
        description = "Destination QP number (24 bits): the QP at --dst to slow down. Required unless --for-flow.")
    Integer dqpn;

    @Option(names = "--for-flow", paramLabel = "CAPTURE",
        description = "Take --dqpn from RDMA-CM: track the connections in CAPTURE (pcap/pcapng) and use the QP on --dst "
            + "that sends the congested flow to QP --flow-qpn on --src (an established connection).")
    String forFlow;

    @Option(names = "--flow-qpn", paramLabel = "QPN", converter = RdmaArgs.Number.class,
        description = "With --for-flow: the congested flow's destination QP (on --src, where the CE marks arrive).")
    Integer flowQpn;

    @Option(names = "--decap",
        description = "With --for-flow: track the packets carried in GRE, VXLAN, Geneve and ERSPAN tunnels of CAPTURE "
            + "instead of the tunnel packets (RDMA-CM seen through a switch's mirror or an overlay).")
    boolean decap;

    @Mixin
    VxlanPortOption vxlanPort = new VxlanPortOption();   // also when built without picocli (tests)

    @Option(names = "--sport", paramLabel = "PORT", converter = RdmaArgs.Number.class,
        description = "UDP source port (default: ${DEFAULT-VALUE}).", defaultValue = "0xf000")
    int sport;

    @Option(names = "--tos", paramLabel = "N", converter = RdmaArgs.Number.class,
        description = "IPv4 ToS / IPv6 traffic class byte (DSCP<<2 | ECN); default 0xc2 (DSCP 48, ECT(0)). "
            + "Not with --dscp/--ecn.")
    Integer tos;

    @Option(names = "--dscp", paramLabel = "N", converter = RdmaArgs.Number.class, description = "DSCP (0-63), default 48.")
    Integer dscp;

    @Option(names = "--ecn", paramLabel = "N", converter = RdmaArgs.Number.class,
        description = "ECN bits (0-3: 0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE), default 2.")
    Integer ecn;

    @Option(names = "--ttl", paramLabel = "N", converter = RdmaArgs.Number.class, defaultValue = "255",
        description = "IPv4 TTL / IPv6 hop limit (default: ${DEFAULT-VALUE}).")
    int ttl;

    @Option(names = "--ip-id", paramLabel = "N", converter = RdmaArgs.Number.class, defaultValue = "0",
        description = "IPv4 identification of the first packet; later ones (--count) count up from it.")
    int ipId;

    @Option(names = "--no-ip-checksum",
        description = "Leave the IPv4 header checksum 0 for the NIC to fill (checksum offload, as libconntrack-cm does).")
    boolean noIpChecksum;

    @Option(names = "--raw", description = "Raw IP packet (LINKTYPE_RAW) instead of an Ethernet frame.")
    boolean raw;

    @Option(names = "--src-mac", paramLabel = "MAC", description = "Ethernet source MAC.")
    String srcMac;

    @Option(names = "--dst-mac", paramLabel = "MAC", description = "Ethernet destination MAC.")
    String dstMac;

    @Option(names = "--vlan", paramLabel = "VID", converter = RdmaArgs.Number.class,
        description = "Add an 802.1Q tag with this VLAN ID (0-4095).")
    Integer vlan;

    @Option(names = "--pcp", paramLabel = "N", converter = RdmaArgs.Number.class,
        description = "802.1p priority of the VLAN tag (0-7, default 0; the PFC priority). Needs --vlan.")
    Integer pcp;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "-w", paramLabel = "FILE", description = "Write a pcap file (- for standard output).")
        String file;

        @Option(names = "-i", paramLabel = "IF", description = "Send on this interface (pcap_inject; needs root or CAP_NET_RAW).")
        String iface;
    }

    @Option(names = "--count", paramLabel = "N", converter = RdmaArgs.Number.class, defaultValue = "1",
        description = "Number of packets (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rate", paramLabel = "PPS", converter = RdmaArgs.Number.class, defaultValue = "10",
        description = "Packets per second when sending more than one (0 = as fast as possible; default: ${DEFAULT-VALUE}); "
            + "also spaces the timestamps written with -w.")
    int rate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CnpBuilder builder = new CnpBuilder(template());
        int qpn = destQp();
        if (count < 1) throw UserError.usage("--count must be at least 1");
        long intervalNanos = rate <= 0 ? 0 : 1_000_000_000L / rate;
        PrintWriter out = spec.commandLine().getOut();
        if (output.file != null) {
            write(builder, qpn, intervalNanos);
            if (!output.file.equals("-")) out.println("wrote " + count + " CNP" + (count == 1 ? "" : "s") + " to " + output.file);
        } else {
            send(builder, qpn, intervalNanos);
            out.println("sent " + count + " CNP" + (count == 1 ? "" : "s") + " on " + output.iface);
        }
        out.flush();
        return 0;
    }

    private CnpTemplate template() {
        byte[] s = RdmaArgs.parseAddress(src);
        byte[] d = RdmaArgs.parseAddress(dst);
        if (s.length != d.length) throw UserError.usage("--src and --dst must both be IPv4 or both IPv6");
        if (tos != null && (dscp != null || ecn != null)) throw UserError.usage("--tos sets DSCP and ECN: use it or --dscp/--ecn, not both");
        int tc = CnpTemplate.DEFAULT_TRAFFIC_CLASS;
        if (tos != null) tc = range("--tos", tos, 255);
        if (dscp != null) tc = range("--dscp", dscp, 63) << 2 | tc & 3;
        if (ecn != null) tc = tc & 0xFC | range("--ecn", ecn, 3);
        CnpTemplate.Ethernet eth = null;
        if (raw) {
            if (srcMac != null || dstMac != null || vlan != null || pcp != null) {
                throw UserError.usage("--raw has no Ethernet header: drop --src-mac/--dst-mac/--vlan/--pcp");
            }
        } else {
            byte[] zero = new byte[6];
            eth = new CnpTemplate.Ethernet(dstMac == null ? zero : RdmaArgs.parseMac(dstMac),
                srcMac == null ? zero : RdmaArgs.parseMac(srcMac),
                vlan == null ? -1 : range("--vlan", vlan, 4095), pcp == null ? 0 : range("--pcp", pcp, 7));
            if (pcp != null && vlan == null) throw UserError.usage("--pcp is the VLAN tag's priority: add --vlan (0 for priority tagging)");
        }
        return new CnpTemplate(s, d, tc, range("--ttl", ttl, 255), range("--ip-id", ipId, 0xFFFF), true,
            !noIpChecksum, range("--sport", sport, 0xFFFF), CnpTemplate.DEFAULT_PKEY, eth);
    }

    private int destQp() {
        if (forFlow != null) {
            if (dqpn != null) throw UserError.usage("--for-flow finds the QP: drop --dqpn");
            if (flowQpn == null) throw UserError.usage("--for-flow needs --flow-qpn (the congested flow's destination QP on --src)");
            return sourceQpnOfFlow(range("--flow-qpn", flowQpn, 0xFFFFFF));
        }
        if (flowQpn != null) throw UserError.usage("--flow-qpn goes with --for-flow");
        if (decap) throw UserError.usage("--decap goes with --for-flow");
        vxlanPort.ports(false, "--decap");
        if (dqpn == null) throw UserError.usage("missing --dqpn (the destination QP number)");
        return range("--dqpn", dqpn, 0xFFFFFF);
    }

    // the data flow runs from --dst (sender, reaction point) to --src; the CNP goes to the sender's QP
    private int sourceQpnOfFlow(int flowDestQp) {
        java.net.InetAddress sender, receiver;
        try {
            sender = java.net.InetAddress.getByAddress(RdmaArgs.parseAddress(dst));
            receiver = java.net.InetAddress.getByAddress(RdmaArgs.parseAddress(src));
        } catch (java.net.UnknownHostException e) {
            throw UserError.usage(e.getMessage());
        }
        // a damaged file is reported line by line; the CNPs still go to a QP found in what was read
        CmTracker tracker = CmConnections.track(forFlow, vxlanPort.decapsulator(decap),
            new ProblemCounter(spec.commandLine().getErr()));
        int qpn = tracker.querySourceQpn(sender, receiver, flowDestQp);
        if (qpn < 0) {
            throw UserError.runtime(forFlow + ": no established RDMA-CM connection sends from " + dst + " to QP 0x"
                + Integer.toHexString(flowDestQp) + " on " + src);
        }
        return qpn;
    }

    private static int range(String option, int value, int max) {
        if (value < 0 || value > max) throw UserError.usage(option + " " + value + " is out of range 0-" + max + " (0x" + Integer.toHexString(max) + ")");
        return value;
    }

    private void write(CnpBuilder builder, int qpn, long intervalNanos) {
        int linkType = raw ? LinkType.RAW : LinkType.EN10MB;
        CaptureInterface iface = new CaptureInterface("cnp", "", linkType, 65535, 1000);
        Packet packet = new Packet();
        long start = System.currentTimeMillis() * 1_000_000L;
        try (CaptureWriter writer = CaptureWriters.open(output.file,
                new WriterOptions(CaptureFormat.PCAP, 65535, linkType, TimestampPrecision.MICRO))) {
            for (int i = 0; i < count; i++) {
                builder.setIpId(ipId + i);
                byte[] frame = builder.build(qpn);
                packet.set(frame, 0, frame.length, frame.length, start + i * intervalNanos, 0, linkType, i + 1);
                writer.write(packet, iface);
            }
            writer.flush();
        } catch (IOException e) {
            throw UserError.runtime(e.getMessage() == null ? output.file + ": cannot write" : e.getMessage());
        }
    }

    private void send(CnpBuilder builder, int qpn, long intervalNanos) {
        try (LiveCapture handle = LiveCapture.open(output.iface, 65535, false, 100, true, 0)) {
            int dlt = handle.datalink();
            if (dlt == LinkType.EN10MB && raw) throw UserError.usage(output.iface + " is an Ethernet interface: drop --raw");
            if (dlt != LinkType.EN10MB && dlt != LinkType.RAW) throw UserError.runtime(output.iface + ": cannot send on link type " + dlt);
            if (dlt == LinkType.RAW && !raw) throw UserError.usage(output.iface + " carries raw IP: add --raw");
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (intervalNanos > 0 && i > 0) {
                    next += intervalNanos;
                    long wait;
                    while ((wait = next - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                }
                builder.setIpId(ipId + i);
                handle.inject(builder.build(qpn));
            }
        } catch (LibpcapException | dev.fabricscope.libpcap.Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
    }
}
