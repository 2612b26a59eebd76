package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.libpcap.BpfCompileException;
import dev.fabricscope.libpcap.BpfCompiler;
import dev.fabricscope.libpcap.BpfInterpreter;
import dev.fabricscope.libpcap.BpfPrinter;
import dev.fabricscope.libpcap.BpfProgram;
import dev.fabricscope.libpcap.Libpcap;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fabricscope filter}: compile a pcap-filter expression, print it like tcpdump -d, or count matches in a file. */
@Command(
    name = "filter",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Compile a pcap-filter expression: print the BPF program, or count the packets of a file it matches.",
    synopsisHeading = "%nUsage: ",
    customSynopsis = "fabricscope filter [-O] [-d|-dd|-ddd] [-y LINKTYPE] [-s SNAPLEN] [-r FILE] [EXPRESSION...]",
    descriptionHeading = "%nDescription:%n",
    description = {
        "The expression (pcap-filter(7) syntax, the words joined by spaces as tcpdump does) is compiled by the "
            + "system libpcap (pcap_compile), exactly as tcpdump -r compiles it for a file of that link type. An empty "
            + "expression accepts every packet.",
        "",
        "Without -r the program is printed: in tcpdump -d form by default, -dd as a C array, -ddd as decimal "
            + "numbers. The output is byte-for-byte what tcpdump -d/-dd/-ddd prints for the same link type, "
            + "snapshot length and optimizer setting.",
        "",
        "With -r the program runs in fabricscope's own BPF interpreter (which follows libpcap's bpf_filter "
            + "rules) over every packet of FILE and 'MATCHED/TOTAL packets matched' is printed. A file with "
            + "several link types (pcapng with several interfaces) gets one program per link type. With -r "
            + "and -d the program for the file's first link type is printed instead, as tcpdump -d -r does.",
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "Examples:",
        "  fabricscope filter 'vlan && ether[14] & 224 == 32'",
        "      the program for VLAN-tagged frames with priority 1, as tcpdump -d prints it",
        "  fabricscope filter -dd udp dst port 4791",
        "      RoCEv2 traffic as a C array (usable with SO_ATTACH_FILTER)",
        "  fabricscope filter -y RAW -O tcp port 179",
        "      unoptimized, for raw-IP captures",
        "  fabricscope filter -r rdma.pcap udp dst port 4791",
        "      how many RoCEv2 packets rdma.pcap holds",
        "",
        "Link types (-y): EN10MB, RAW, NULL, LOOP, LINUX_SLL, LINUX_SLL2, IPV4, IPV6, ERF, INFINIBAND, or a "
            + "LINKTYPE_ number; with -r each packet's own link type is used and -y is ignored, as in tcpdump.",
        "",
        "Exit status: 0 success; 1 runtime failure (libpcap not installed, unreadable or damaged file, a file whose "
            + "link type libpcap cannot filter); 2 usage error (bad option, unknown link type, or an expression "
            + "libpcap rejects: its message is printed, e.g. "
            + "\"fabricscope: can't parse filter expression: syntax error\").",
        "",
        "Needs libpcap (Debian/Ubuntu package libpcap0.8) to compile; reading the file itself does not.",
    })
public final class FilterCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "EXPRESSION",
        description = "pcap-filter(7) expression; several words are joined with spaces. Quote it for the shell.")
    List<String> expression = List.of();

    @Option(names = "-y", paramLabel = "LINKTYPE",
        description = "Link-layer type to compile for (default EN10MB, Ethernet). Ignored with -r.")
    String linkType;

    @Option(names = "-s", paramLabel = "SNAPLEN",
        description = "Snapshot length: the value an accepting program returns (default 262144, or the file's "
            + "snapshot length with -r; 0 means 262144), as tcpdump -s.")
    Integer snaplen;

    @Option(names = "-O", description = "Do not run libpcap's optimizer on the program (tcpdump -O).")
    boolean noOptimize;

    @Option(names = "-d",
        description = "Print the program instead of running it: -d human-readable, -dd as a C array fragment, "
            + "-ddd as decimal numbers (the count, then 'code jt jf k' lines).")
    boolean[] dump = new boolean[0];

    @Option(names = "-r", paramLabel = "FILE",
        description = "Run the program over every packet of FILE (pcap or pcapng, gzip allowed, - for standard "
            + "input) and print how many matched.")
    String readFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String expr = String.join(" ", expression);
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (readFile == null) {
                int lt = parseLinkType();
                out.print(BpfPrinter.dump(compile(expr, lt, snaplenOr(BpfCompiler.DEFAULT_SNAPLEN)), format()));
                out.flush();
                return 0;
            }
            return runOnFile(expr, out);
        } catch (BpfCompileException e) {
            throw UserError.ofFilter(e, readFile);
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
    }

    private int runOnFile(String expr, PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ProblemCounter problems = new ProblemCounter(err);
        try (PacketSource source = Inputs.open(readFile, problems)) {
            Packet packet = new Packet();
            if (dump.length > 0) {
                DumpTarget target = DumpTarget.of(source, readFile);
                out.print(BpfPrinter.dump(compile(expr, target.linkType(), snaplenOr(target.snapLen())), format()));
                out.flush();
                return 0;
            }
            Map<Integer, BpfInterpreter> byLinkType = new HashMap<>();
            int lastLinkType = Integer.MIN_VALUE;
            BpfInterpreter interpreter = null;
            long total = 0;
            long matched = 0;
            int snap = snaplenOr(BpfCompiler.DEFAULT_SNAPLEN);
            while (source.next(packet)) {
                int lt = packet.linkType();
                if (lt != lastLinkType) {   // one program per link type, looked up only when it changes
                    interpreter = byLinkType.computeIfAbsent(lt, t -> new BpfInterpreter(compile(expr, t, snap)));
                    lastLinkType = lt;
                }
                total++;
                if (interpreter.matches(packet)) matched++;
            }
            // no packet: still report a bad expression, or a link type libpcap cannot filter
            if (total == 0) compile(expr, Inputs.firstLinkType(source), snap);
            out.println(matched + "/" + total + " packets matched");
            out.flush();
            return problems.exitStatus(0);
        }
    }

    private BpfProgram compile(String expr, int linkType, int snap) {
        return compile(expr, linkType, snap, !noOptimize);
    }

    /** As tcpdump -r compiles (savefile rules; netmask 0). */
    private static BpfProgram compile(String expr, int linkType, int snap, boolean optimize) {
        return BpfCompiler.compileForFile(expr, linkType, snap, optimize, 0);
    }

    /**
     * The program as tcpdump -d (dFlags 1), -dd (2) or -ddd (3 or more) prints it; also capture's -d. A bad
     * expression is a usage error, a missing libpcap or a link type of {@code input} (the file it came from,
     * or null) that libpcap cannot filter a runtime one.
     */
    static String program(String expr, int linkType, String input, int snap, boolean optimize, int dFlags) {
        try {
            return BpfPrinter.dump(compile(expr, linkType, snap, optimize), BpfPrinter.Format.forDFlags(dFlags));
        } catch (BpfCompileException e) {
            throw UserError.ofFilter(e, input);
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime(e.getMessage());
        }
    }

    /** What tcpdump -d -r compiles for: the first packet's link type (else the first interface's) and the snapshot length. */
    record DumpTarget(int linkType, int snapLen) {
        static DumpTarget of(PacketSource source, String name) throws IOException {
            Packet packet = new Packet();
            boolean any = source.next(packet);
            List<CaptureInterface> ifs = source.interfaces();
            if (ifs.isEmpty()) throw UserError.runtime(name + ": no interfaces (empty capture)");
            CaptureInterface first = ifs.get(0);
            return new DumpTarget(any ? packet.linkType() : first.linkType(),
                first.snapLen() == 0 ? BpfCompiler.DEFAULT_SNAPLEN : first.snapLen());
        }
    }

    private int parseLinkType() {
        if (linkType == null) return LinkType.EN10MB;
        try {
            return LinkType.parse(linkType);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("-y: " + e.getMessage());
        }
    }

    private int snaplenOr(int fallback) {
        if (snaplen == null) return fallback;
        if (snaplen < 0) throw UserError.usage("-s: snapshot length must not be negative: " + snaplen);
        return snaplen == 0 ? BpfCompiler.DEFAULT_SNAPLEN : snaplen;
    }

    private BpfPrinter.Format format() {
        return BpfPrinter.Format.forDFlags(dump.length);
    }
}
