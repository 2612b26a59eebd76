package dev.fabricscope.cli;

import dev.fabricscope.libpcap.Devices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fabricscope rdma doctor}: can RDMA traffic be captured on this host, and if not, what to do.
 * RDMA NICs move data without the kernel, so a capture on the NIC's netdev usually shows no RoCE at all;
 * this command looks at what the host offers (via {@link RdmaHostProbe}) and says which way works.
 *
 * <p>Exit codes: 0 RDMA traffic can be captured here (a device with a working capture path, and the
 * privileges); 3 an RDMA device is present but something is missing (privileges, sniffing support: the
 * "what to do" lines say what); 4 no RDMA device on this host; 2 usage error.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Say whether RDMA traffic can be captured on this host, and what to do otherwise.",
    description = {
        "",
        "Checks: RDMA devices (/sys/class/infiniband) with their ports (link layer, state, GIDs) and network "
            + "interfaces; whether libpcap lists RDMA sniffing devices (mlx5_0 ...: libpcap built with rdma "
            + "support captures the NIC's RDMA traffic itself); root or the capabilities CAP_NET_RAW and "
            + "CAP_NET_ADMIN; the RDMA kernel modules loaded (rdma_rxe, siw, mlx5_ib ...).",
        "",
        "Why: RDMA NICs bypass the kernel, so tcpdump on their interface sees no RoCE traffic. Ways that work: "
            + "soft-RoCE (rdma_rxe) traffic on its netdev; an mlx5 NIC's sniffer flag "
            + "(ethtool --set-priv-flags IF sniffer on) or libpcap's RDMA device (mlx5_0); ibdump for native "
            + "InfiniBand; a switch port mirror (SPAN/ERSPAN) to any host.",
        "",
        "The last line is the verdict: 'verdict: yes ...', 'verdict: not yet ...' or 'verdict: no ...'.",
        "",
    },
    footer = {"", "Exit status: 0 RDMA traffic can be captured here, 3 RDMA device present but something is "
        + "missing (see 'what to do'), 4 no RDMA device on this host, 2 usage error.",
        "", "Example: fabricscope rdma doctor"})
public final class RdmaDoctorCommand implements Callable<Integer> {
    private static final java.util.regex.Pattern RDMA_DEVICE_NAME =
        java.util.regex.Pattern.compile("(mlx4|mlx5|irdma|bnxt_re|efa|hns|qedr|rxe|siw)_?\\d+");
    static final int EXIT_VISIBLE = 0, EXIT_NEEDS_ACTION = 3, EXIT_NO_DEVICE = 4;

    private final Path root;
    private final Supplier<List<String>> pcapDevices;

    @Spec
    CommandSpec spec;

    public RdmaDoctorCommand() {
        this(Path.of("/"), RdmaDoctorCommand::libpcapDeviceNames);
    }

    /**
     * @param root        where sys/ and proc/ are read from ("/" on a host)
     * @param pcapDevices libpcap's device names; throws {@link IllegalStateException} with a reason when it
     *                    cannot list them (libpcap missing)
     */
    RdmaDoctorCommand(Path root, Supplier<List<String>> pcapDevices) {
        this.root = root;
        this.pcapDevices = pcapDevices;
    }

    private static List<String> libpcapDeviceNames() {
        try {
            return Devices.findAll().stream().map(Devices.Device::name).toList();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() == null ? "libpcap unavailable" : e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RdmaHostProbe.Report report = new RdmaHostProbe(root).probe();
        List<String> advice = new ArrayList<>();

        out.println("RDMA devices (/sys/class/infiniband):");
        if (report.devices().isEmpty()) {
            out.println(report.sysfsClassPresent() ? "  none (the directory is empty)" : "  none (no /sys/class/infiniband: no RDMA driver loaded)");
        }
        for (RdmaHostProbe.Device d : report.devices()) {
            out.println("  " + d.name() + (d.soft() ? " (software RDMA: rdma_rxe/siw)" : "")
                + "  interfaces: " + (d.netdevs().isEmpty() ? "none" : String.join(", ", d.netdevs())));
            for (RdmaHostProbe.Port p : d.ports()) {
                out.println("    port " + p.number() + ": " + p.linkLayer() + ", " + p.state()
                    + (p.gids().isEmpty() ? "" : ", gids " + String.join(" ", p.gids())));
            }
        }

        List<String> pcapNames = List.of();
        String pcapProblem = null;
        try {
            pcapNames = pcapDevices.get();
        } catch (IllegalStateException e) {
            pcapProblem = e.getMessage();
        }
        List<String> rdmaSniffers = new ArrayList<>();
        for (RdmaHostProbe.Device d : report.devices()) if (pcapNames.contains(d.name())) rdmaSniffers.add(d.name());
        // libpcap's RDMA sniffing devices are named after the verbs device (mlx5_0): list them even when sysfs
        // is not visible here (a container)
        for (String name : pcapNames) if (!rdmaSniffers.contains(name) && RDMA_DEVICE_NAME.matcher(name).matches()) rdmaSniffers.add(name);
        out.println("libpcap RDMA sniffing devices: " + (pcapProblem != null ? "unknown (" + pcapProblem + ")"
            : rdmaSniffers.isEmpty() ? "none" : String.join(", ", rdmaSniffers)));

        boolean raw = report.root() || report.hasCap(RdmaHostProbe.CAP_NET_RAW);
        boolean admin = report.root() || report.hasCap(RdmaHostProbe.CAP_NET_ADMIN);
        out.println("privileges: " + (report.uid() < 0 ? "uid unknown" : report.root() ? "root" : "uid " + report.uid())
            + ", CAP_NET_RAW " + capText(report, RdmaHostProbe.CAP_NET_RAW)
            + ", CAP_NET_ADMIN " + capText(report, RdmaHostProbe.CAP_NET_ADMIN));
        out.println("kernel modules: " + (report.modules() == null ? "unknown (/proc/modules unreadable)"
            : report.modules().isEmpty() ? "no RDMA module loaded" : String.join(", ", report.modules())));

        // per device: which way of capturing works
        List<String> ready = new ArrayList<>();
        boolean privilegesMissing = false;
        for (RdmaHostProbe.Device d : report.devices()) {
            if (d.soft()) {
                if (!raw) privilegesMissing = true;
                else ready.add(d.name() + " (capture on " + (d.netdevs().isEmpty() ? "its netdev" : String.join("/", d.netdevs())) + ")");
            } else if (rdmaSniffers.contains(d.name())) {
                if (!(raw && admin)) privilegesMissing = true;
                else ready.add(d.name() + " (capture with: fabricscope capture -i " + d.name() + ")");
            } else if (d.roce()) {
                String iface = d.netdevs().isEmpty() ? "IF" : d.netdevs().get(0);
                advice.add(d.name() + ": RoCE bypasses the kernel; on mlx5 turn on the sniffer flag: ethtool --set-priv-flags "
                    + iface + " sniffer on (then capture on " + iface + "), or use a libpcap built with RDMA support "
                    + "(lists " + d.name() + " as a device)");
            } else {
                advice.add(d.name() + ": native InfiniBand: capture with ibdump -d " + d.name()
                    + " (writes pcap), or a libpcap built with RDMA support (lists " + d.name() + ")");
            }
        }
        for (String name : rdmaSniffers) {
            if (report.devices().stream().anyMatch(d -> d.name().equals(name))) continue;
            if (raw && admin) ready.add(name + " (libpcap RDMA device: fabricscope capture -i " + name + ")");
            else privilegesMissing = true;
        }
        if (privilegesMissing) {
            advice.add("run as root, or give the capability: setcap cap_net_raw,cap_net_admin+eip on the java binary");
        }
        if (report.devices().isEmpty() && rdmaSniffers.isEmpty()) {
            advice.add("traffic between other hosts: mirror their switch port (SPAN/RSPAN/ERSPAN) to an interface here "
                + "and capture there (RoCEv2 is UDP dst port 4791)");
            advice.add("for testing: create a soft-RoCE device: modprobe rdma_rxe && rdma link add rxe0 type rxe netdev IF, "
                + "then capture on IF");
            advice.add("on a host with an RDMA NIC: mlx5 sniffer flag (ethtool --set-priv-flags IF sniffer on), ibdump for "
                + "native InfiniBand");
        }
        if (!advice.isEmpty()) {
            out.println("what to do:");
            for (String t : advice) out.println("  - " + t);
        }
        int exit;
        if (!ready.isEmpty()) {
            out.println("verdict: yes - RDMA traffic can be captured: " + String.join(", ", ready));
            exit = EXIT_VISIBLE;
        } else if (report.devices().isEmpty() && rdmaSniffers.isEmpty()) {
            out.println("verdict: no - no RDMA device on this host: RDMA traffic cannot be captured here without a port mirror");
            exit = EXIT_NO_DEVICE;
        } else {
            out.println("verdict: not yet - RDMA device present, but its traffic is not visible yet: see 'what to do'");
            exit = EXIT_NEEDS_ACTION;
        }
        out.flush();
        return exit;
    }

    private static String capText(RdmaHostProbe.Report report, int bit) {
        return report.capEff() < 0 ? "unknown" : report.hasCap(bit) ? "yes" : "no";
    }
}
