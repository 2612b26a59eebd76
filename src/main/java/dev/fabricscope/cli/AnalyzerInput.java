package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Decapsulator;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.libpcap.BpfCompileException;
import dev.fabricscope.libpcap.BpfCompiler;
import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.libpcap.LibpcapException;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.libpcap.LiveSource;
import dev.fabricscope.libpcap.MultiLiveSource;
import dev.fabricscope.libpcap.PacketFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The input options of the analyzer commands (rdma, lacp): {@code -r FILE} or {@code -i INTERFACE}
 * (repeatable), with tcpdump's {@code -s} and {@code -p}. Use as a picocli {@code @Mixin}; {@link #run}
 * feeds every dissected packet to one consumer on the calling thread, whatever the source — a file, one
 * interface, or several interfaces merged into one stream ({@link MultiLiveSource}) — so an analyzer
 * behaves the same on a file and live. Ctrl-C or SIGTERM ends the run normally: packets the kernel
 * still holds are delivered, then live statistics go to stderr as tcpdump prints them.
 */
public final class AnalyzerInput {
    /** Read timeout of live handles: how long the kernel may batch packets before handing them over. */
    static final int LIVE_READ_TIMEOUT_MS = 100;

    @Option(names = "-r", paramLabel = "FILE",
        description = "Read packets from FILE (pcap or pcapng, .gz accepted; - for standard input).")
    String readFile;

    @Option(names = "-i", paramLabel = "INTERFACE",
        description = "Capture live on INTERFACE (repeatable: the interfaces are analysed together; "
            + "'fabricscope capture -D' lists them).")
    List<String> interfaces = new ArrayList<>();

    @Option(names = "-s", paramLabel = "SNAPLEN", defaultValue = "262144",
        description = "Live capture: bytes to keep of each packet (default ${DEFAULT-VALUE}).")
    int snaplen;

    @Option(names = {"-p", "--no-promiscuous-mode"},
        description = "Live capture: do not put the interfaces into promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = "--decap",
        description = "Analyse the packets carried in GRE, VXLAN (UDP 4789 and 8472, VXLAN-GPE 4790), Geneve (UDP 6081) "
            + "and ERSPAN tunnels instead of the tunnel packets: traffic mirrored by a switch or carried in an "
            + "overlay (the tunnel packet's time and frame number are kept).")
    boolean decap;

    @Mixin
    VxlanPortOption vxlanPort = new VxlanPortOption();   // also when built without picocli (tests)

    /** What receives each packet, already dissected; the views are valid only during the call. */
    @FunctionalInterface
    public interface PacketConsumer {
        void packet(Packet packet, Layers layers);
    }

    /** Live statistics of a run (zeros for a file). */
    public record LiveStats(long received, long dropped) { }

    private PacketSource source;

    /** What draws the progress line of a file run (null: none); tests put their own here. */
    java.util.function.BiFunction<PrintWriter, PacketSource, Progress> progress = Progress::whenStdoutIsAFile;

    /** The input's name for messages: the file, or the interfaces joined by commas. */
    public String name() {
        return readFile != null ? readFile : String.join(",", interfaces);
    }

    public boolean isLive() {
        return readFile == null;
    }

    /** The current run's interfaces (names for pcapng files and live runs), indexed by interface id. */
    public List<CaptureInterface> interfaces() {
        return source == null ? List.of() : source.interfaces();
    }

    /** The interface name of a packet of the current run, or "" when the input has none (pcap files). */
    public String interfaceName(int interfaceId) {
        List<CaptureInterface> known = interfaces();
        if (interfaceId < 0 || interfaceId >= known.size()) return "";
        String name = known.get(interfaceId).name();
        return name == null ? "" : name;
    }

    /**
     * Reads the input to its end (or to Ctrl-C) and feeds {@code consumer}.
     * @param filterExpression pcap-filter(7) expression, blank for none
     * @param problems         file problems (truncated record, …): one line each, the run goes on
     * @throws UserError for a bad option or filter (exit 2), or an unreadable input or failed capture (exit 1)
     */
    public void run(String filterExpression, PrintWriter err, ProblemReporter problems, PacketConsumer consumer) {
        validate();
        try (StopSignal stop = new StopSignal()) {
            run(filterExpression, err, problems, consumer, stop);
        }
    }

    /**
     * {@link #run(String, PrintWriter, ProblemReporter, PacketConsumer)} as most analyzers call it: file problems
     * as "fabricscope: ..." lines on {@code err}, and {@code out} flushed when the input ends, also on failure
     * (what was printed so far reaches the user).
     * @return the problems met: the caller ends with exit status 1 when there were any
     *         ({@link ProblemCounter#exitStatus})
     */
    public ProblemCounter run(String filterExpression, PrintWriter out, PrintWriter err, PacketConsumer consumer) {
        ProblemCounter problems = new ProblemCounter(err);
        try {
            run(filterExpression, err, problems, consumer);
        } finally {
            out.flush();
        }
        return problems;
    }

    /** Usage errors (exit 2) before anything is opened. */
    void validate() {
        if (readFile != null && !interfaces.isEmpty()) throw UserError.usage("give either -r or -i, not both");
        if (readFile == null && interfaces.isEmpty()) throw UserError.usage("give -r FILE or -i INTERFACE");
        if (snaplen <= 0) throw UserError.usage("invalid snapshot length " + snaplen);
    }

    /** As {@link #run(String, PrintWriter, ProblemReporter, PacketConsumer)}, stopped by {@code stop} (tests). */
    void run(String filterExpression, PrintWriter err, ProblemReporter problems, PacketConsumer consumer,
             StopSignal stop) {
        validate();
        String expression = filterExpression == null ? "" : filterExpression.strip();
        try {
            if (readFile != null) fromFile(expression, err, problems, stop, consumer);
            else live(expression, err, stop, consumer);
        } finally {
            source = null;
        }
    }

    private void fromFile(String expression, PrintWriter err, ProblemReporter problems, StopSignal stop,
                          PacketConsumer consumer) {
        try (PacketSource file = Inputs.open(readFile, problems)) {
            source = file;
            PacketFilter filter = expression.isEmpty() ? null
                : compile(expression, Inputs.firstLinkType(file), readFile, problems);
            Progress shown = progress == null ? null : progress.apply(err, file);
            try {
                loop(file, filter, stop, consumer, decapsulator(), shown);
            } finally {
                if (shown != null) shown.finish();
            }
        } catch (IOException e) {
            throw UserError.runtime(readFile + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
        }
    }

    private void live(String expression, PrintWriter err, StopSignal stop, PacketConsumer consumer) {
        List<LiveCapture> captures = new ArrayList<>();
        try {
            List<CaptureInterface> ifaces = new ArrayList<>();
            for (String device : interfaces) {
                LiveCapture capture = LiveHandles.open(device, snaplen, !noPromiscuous, LIVE_READ_TIMEOUT_MS, false,
                    0, expression, err);
                captures.add(capture);
                ifaces.add(new CaptureInterface(device, "", capture.datalink(), snaplen, 1000));
            }
            err.flush();
            if (captures.size() == 1) {
                LiveSource single = new LiveSource(captures.getFirst(), 0, ifaces, LIVE_READ_TIMEOUT_MS);
                stop.onStop(captures.getFirst()::breakLoop);
                source = single;
            } else {
                MultiLiveSource merged = new MultiLiveSource(captures, ifaces, LIVE_READ_TIMEOUT_MS);
                stop.onStop(merged::stop);
                source = merged;
            }
            try {
                loop(source, null, null, consumer, decapsulator(), null);
            } catch (IOException | LibpcapException e) {
                throw UserError.runtime(e.getMessage());
            } finally {
                LiveHandles.printStats(-1, captures, err);
            }
        } finally {
            captures.forEach(LiveCapture::close);
        }
    }

    private Decapsulator decapsulator() {
        return vxlanPort.decapsulator(decap);
    }

    /**
     * @param stop  checked per packet for files (a live source ends by itself after a stop)
     * @param decap null, or what hands the consumer the packets inside tunnels (--decap; filters see the tunnel)
     * @param progress null, or the progress line
     */
    private static void loop(PacketSource from, PacketFilter filter, StopSignal stop, PacketConsumer consumer,
                             Decapsulator decap, Progress progress) throws IOException {
        Packet packet = new Packet();
        Layers layers = new Layers();
        long read = 0;
        long matched = 0;
        while (from.next(packet)) {
            read++;
            if (progress != null) progress.read(read, matched);
            if (filter != null && !filter.matches(packet)) continue;
            matched++;
            Dissector.dissect(packet, layers);
            consumer.packet(decap == null ? packet : decap.inner(packet, layers), layers);
            if (stop != null && stop.stopped()) break;
        }
    }

    private static PacketFilter compile(String expression, int linkType, String input, ProblemReporter problems) {
        try {
            return PacketFilter.compile(expression, linkType, BpfCompiler.DEFAULT_SNAPLEN, true, problems);
        } catch (BpfCompileException e) {
            throw UserError.ofFilter(e, input);
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime("a filter expression needs libpcap: " + e.getMessage());
        }
    }
}
