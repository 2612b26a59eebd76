package dev.fabricscope.cli;

import dev.fabricscope.rdma.cm.CmTracker;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fabricscope rdma query -r FILE --src A --dst B --dqpn N}: the libconntrack-cm question "which QP on
 * A sends to QP N on B", answered from the RDMA-CM connections established at the end of the capture.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Print the source QPN on --src that talks to QP --dqpn on --dst (RDMA-CM connection tracking).",
    description = {
        "",
        "Reads the capture with the RDMA-CM tracker of 'fabricscope rdma conntrack' and looks up the flow from "
            + "--src to --dst whose destination QP is --dqpn among the connections established (RTU seen, no "
            + "DREQ) at the end of the input. The connection may have been set up in either direction: the "
            + "answer is the QPN on --src's side.",
        "",
        "Prints that QPN alone, in decimal, on standard output. When no established connection matches, prints "
            + "nothing on standard output and the reason on standard error, exit status 1.",
        "",
        "Addresses are IPv4 or IPv6 literals (an IPv4 address also matches an IPv4-mapped GID); numbers are "
            + "decimal or hex with 0x.",
        "",
    },
    footer = {"", "Exit status: 0 found, 1 not found, or input unreadable or damaged (a QP found before the damage "
        + "is still printed), 2 usage error.",
        "", "Example: fabricscope rdma query -r roce.pcap --src 10.0.0.1 --dst 10.0.0.2 --dqpn 0xd2"})
public final class RdmaQueryCommand implements Callable<Integer> {
    @Option(names = "-r", paramLabel = "FILE", required = true,
        description = "Capture file to read (pcap or pcapng, .gz accepted; - for stdin).")
    String input;

    @Option(names = "--src", paramLabel = "ADDR", required = true, description = "Sending side's IP address.")
    String src;

    @Option(names = "--dst", paramLabel = "ADDR", required = true, description = "Receiving side's IP address.")
    String dst;

    @Option(names = "--dqpn", paramLabel = "QPN", required = true, converter = DecimalOrHexConverter.class,
        description = "Destination QP number on --dst (decimal or 0x hex, 24 bits).")
    long dqpn;

    @Option(names = "--decap",
        description = "Track the packets carried in GRE, VXLAN, Geneve and ERSPAN tunnels instead of the tunnel "
            + "packets (as the other rdma commands' --decap): RDMA-CM seen through a switch's mirror or an overlay.")
    boolean decap;

    @Mixin
    VxlanPortOption vxlanPort = new VxlanPortOption();   // also when built without picocli (tests)

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        InetAddress a = literal("--src", src);
        InetAddress b = literal("--dst", dst);
        if (dqpn > 0xffffff) throw UserError.usage("--dqpn " + dqpn + " is larger than a 24-bit QP number");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProblemCounter problems = new ProblemCounter(err);
        CmTracker tracker = CmConnections.track(input, vxlanPort.decapsulator(decap), problems);
        int qpn = tracker.querySourceQpn(a, b, (int) dqpn);
        if (qpn < 0) {
            err.println("fabricscope: no established RDMA-CM connection from " + src + " to " + dst
                + " with destination QP " + dqpn + String.format(" (0x%x)", dqpn) + " in " + input);
            err.flush();
            return 1;
        }
        out.println(qpn);
        out.flush();
        return problems.exitStatus(0);   // found, but in a damaged file: the answer stands on what was read
    }

    private static InetAddress literal(String option, String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(option + " '" + text + "' is not an IPv4 or IPv6 address");
        }
    }
}
