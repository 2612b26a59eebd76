package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureFormatException;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LazySink;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSink;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.capture.RotationPolicy;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.dissect.Decapsulator;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.VxlanPorts;
import dev.fabricscope.libpcap.BpfCompileException;
import dev.fabricscope.libpcap.BpfCompiler;
import dev.fabricscope.libpcap.Devices;
import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.libpcap.LibpcapException;
import dev.fabricscope.libpcap.LiveCapture;
import dev.fabricscope.libpcap.LiveSource;
import dev.fabricscope.libpcap.PacketFilter;
import dev.fabricscope.print.Latin1Builder;
import dev.fabricscope.smc.ClcLineProducer;
import dev.fabricscope.smc.SmcClcOptions;
import dev.fabricscope.web.ListenAddress;
import dev.fabricscope.web.TextBuffer;
import dev.fabricscope.web.TextServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code fabricscope smc-clc}: a drop-in for the Go tool smc-clc (github.com/hwipl/smc-clc), with its flags
 * in Go's syntax (not a picocli command: Main hands it the arguments after "smc-clc"). It reads a file (-f)
 * or captures live (-i, or the first interface), and routes the text of a {@link ClcLineProducer} to stdout
 * or, with -http, to an HTTP server. Like smc-clc it logs its start line ("Reading packets from file X:",
 * "Listening on interface X:") and fatal errors through Go's logger format on stderr, exit 1; bad flags
 * are reported as Go's flag package does, exit 2; -h prints the usage, exit 0.
 *
 * <p>Where it differs from smc-clc, on purpose: with -http and a file, the server keeps serving after the
 * input ends until interrupted (smc-clc exits at once, taking the output with it); fatal errors also reach
 * the real stderr in -http mode; the -http buffer is bounded; arguments after the flags and an -i beside
 * -f (which smc-clc ignores silently) draw a warning; Ctrl-C ends the run cleanly (the -w file is closed).
 */
public final class SmcClcCommand {
    public static final String NAME = "smc-clc";

    private final ClcLineProducer.Factory producers;
    private final Clock clock;
    private final ZoneId zone;
    private final long httpBufferLimit;
    private final Consumer<InetSocketAddress> httpStarted;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Runnable> breakCapture = new AtomicReference<>(() -> { });

    /** The command as Main runs it: system clock and zone, default -http buffer bound. */
    public SmcClcCommand(ClcLineProducer.Factory producers) {
        this(producers, Clock.systemDefaultZone(), ZoneId.systemDefault(), TextBuffer.DEFAULT_LIMIT_BYTES, a -> { });
    }

    /**
     * For tests: a fixed clock and zone (log prefixes, timestamps), the -http buffer bound, and a callback
     * told the address the -http server bound (useful with port 0).
     */
    SmcClcCommand(ClcLineProducer.Factory producers, Clock clock, ZoneId zone, long httpBufferLimit,
                  Consumer<InetSocketAddress> httpStarted) {
        this.producers = producers;
        this.clock = clock;
        this.zone = zone;
        this.httpBufferLimit = httpBufferLimit;
        this.httpStarted = httpStarted;
    }

    /** The flag set, exactly smc-clc's (names, defaults, help texts) plus -json and -w. */
    static final class Flags {
        final GoFlags set = new GoFlags(NAME);
        final GoFlags.StringFlag file = set.stringFlag("f", "",
            "read packets from a pcap file and set it to `file`");
        final GoFlags.StringFlag device = set.stringFlag("i", "",
            "read packets from a network interface (default) and set it to `interface`");
        final GoFlags.BoolFlag promisc = set.boolFlag("pcap-promisc", true,
            "set network interface to promiscuous mode");
        final GoFlags.IntFlag snaplen = set.intFlag("pcap-snaplen", 2048,
            "set pcap snaplen to `bytes`");
        final GoFlags.IntFlag timeout = set.intFlag("pcap-timeout", 0,
            "set pcap timeout to `milliseconds`");
        final GoFlags.IntFlag maxPackets = set.intFlag("pcap-maxpkts", 0,
            "set maximum packets to capture to `number` (may require pcap-timeout argument)");
        final GoFlags.IntFlag maxSeconds = set.intFlag("pcap-maxtime", 0,
            "set maximum capturing time to `seconds` (may require pcap-timeout argument)");
        final GoFlags.StringFlag filter = set.stringFlag("pcap-filter", "",
            "set pcap packet filter to `filter` (e.g.: \"not port 22\")");
        final GoFlags.BoolFlag showReserved = set.boolFlag("show-reserved", false,
            "show reserved message fields");
        final GoFlags.BoolFlag showTimestamps = set.boolFlag("show-timestamps", true,
            "show timestamps of messages");
        final GoFlags.BoolFlag showHex = set.boolFlag("show-hex", false,
            "show hex dumps of messages");
        final GoFlags.StringFlag http = set.stringFlag("http", "",
            "use http server output and listen on `address` (e.g.: :8000 or 127.0.0.1:8080)");
        // fabricscope's additions
        final GoFlags.BoolFlag json = set.boolFlag("json", false,
            "print one JSON object per message instead of text (fabricscope addition)");
        final GoFlags.BoolFlag verbose = set.boolFlag("v", false,
            "also name the RoCE QP flows that carry each SMC-R link (fabricscope addition)");
        final GoFlags.StringFlag write = set.stringFlag("w", "",
            "also write the packets that make up the SMC handshakes (SYN, CLC, FIN/RST) to pcap `file` (fabricscope addition)");
        final GoFlags.BoolFlag decap = set.boolFlag("decap", false,
            "look inside GRE, VXLAN, Geneve and ERSPAN tunnels (fabricscope addition)");
        final GoFlags.StringFlag vxlanPort = set.stringFlag("vxlan-port", "",
            "with -decap, also take UDP `ports` (comma-separated) as VXLAN, besides 4789 and 8472 (fabricscope addition)");

        /** -vxlan-port's ports, or null after printing what is wrong with them (Go's flag error, then the usage). */
        VxlanPorts vxlanPorts(PrintWriter err) {
            String value = vxlanPort.value();
            String problem = null;
            VxlanPorts ports = VxlanPorts.STANDARD;
            if (!value.isEmpty()) {
                try {
                    List<Integer> list = new ArrayList<>();
                    for (String port : value.split(",", -1)) list.add(Integer.parseInt(port.strip()));
                    ports = VxlanPorts.with(list);
                    if (!decap.value()) problem = "-vxlan-port goes with -decap";
                } catch (IllegalArgumentException e) {   // NumberFormatException too
                    problem = "invalid value " + GoStrconv.quote(value) + " for flag -vxlan-port: not a list of UDP ports";
                }
            }
            if (problem == null) return ports;
            err.println(problem);
            err.print(set.usage());
            return null;
        }
    }

    /** smc-clc's usage text ("Usage of smc-clc:" and the flags), as -h prints it. */
    public static String usage() {
        return new Flags().set.usage();
    }

    /** Asks a running {@link #run} to stop, as Ctrl-C does (from any thread). */
    public void stop() {
        if (stopRequested.compareAndSet(false, true)) {
            breakCapture.get().run();
            stopped.countDown();
        }
    }

    /** A fatal error: logged as one line, exit 1 (smc-clc's log.Fatal). */
    private static final class Fatal extends RuntimeException {
        Fatal(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs with the arguments after "smc-clc"; returns the exit code. */
    public int run(List<String> args, PrintWriter out, PrintWriter err) {
        Flags flags = new Flags();
        // instanceof, not a type switch (see SmcClcFormatter.describe: start-up of every smc-clc run)
        GoFlags.Outcome outcome = flags.set.parse(args);
        if (outcome instanceof GoFlags.Help) {
            err.print(flags.set.usage());
            err.flush();
            return 0;
        }
        if (outcome instanceof GoFlags.Failed f) {
            err.println(f.message());
            err.print(flags.set.usage());
            err.flush();
            return UserError.USAGE;
        }
        List<String> remaining = ((GoFlags.Parsed) outcome).remaining();
        VxlanPorts vxlanPorts = flags.vxlanPorts(err);
        if (vxlanPorts == null) {
            err.flush();
            return UserError.USAGE;
        }
        GoLog log = new GoLog(clock, zone);
        try (StopSignal signal = new StopSignal()) {
            signal.onStop(this::stop);
            return new Run(flags, vxlanPorts, log, out, err).execute(remaining);
        } catch (Fatal e) {
            err.println(log.line(e.getMessage()));
            return UserError.RUNTIME;
        } catch (RuntimeException e) {
            // a bug of ours: one line for the user (what was decoded before it is out), not a stack trace
            err.println(log.line("internal error: " + e));
            return UserError.RUNTIME;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** One run's state: where text goes, the source, the optional -w sink and -http server. */
    private final class Run {
        private final Flags flags;
        private final GoLog log;
        private final PrintWriter out;
        private final PrintWriter err;
        private int problems;
        private boolean live;
        private boolean pendingFlush;
        private TextBuffer buffer;   // non-null in -http mode
        private final Decapsulator decap;   // non-null with -decap

        Run(Flags flags, VxlanPorts vxlanPorts, GoLog log, PrintWriter out, PrintWriter err) {
            this.flags = flags;
            this.decap = flags.decap.value() ? new Decapsulator(vxlanPorts) : null;
            this.log = log;
            this.out = out;
            this.err = err;
        }

        /** Text and log lines of the producer and of the run, to stdout/stderr or the -http buffer. */
        private final ClcLineProducer.Output output = new ClcLineProducer.Output() {
            @Override
            public void print(CharSequence text) {
                if (buffer != null) {
                    buffer.append(text);
                } else {
                    out.append(text);
                    pendingFlush = true;
                }
            }

            @Override
            public void print(Latin1Builder text) {
                if (buffer != null) {
                    buffer.append(text.array(), 0, text.length());
                } else {
                    // standard output takes the bytes as they are; a writer given by a test takes chars
                    if (out instanceof BytePrintWriter bytes) bytes.writeBytes(text.array(), 0, text.length());
                    else out.append(text.toString());
                    pendingFlush = true;
                }
            }

            @Override
            public void log(String message) {
                if (buffer != null) {
                    buffer.append(log.line(message) + "\n");
                } else {
                    err.println(log.line(message));
                }
            }
        };

        /** A warning for the person at the terminal: always the real stderr. */
        private void warn(String message) {
            err.println(log.line(message));
            err.flush();
        }

        int execute(List<String> rest) {
            if (!rest.isEmpty()) warn("WARNING: ignoring arguments after the flags (smc-clc ignores them too): "
                + String.join(" ", rest));
            if (!flags.file.value().isEmpty() && !flags.device.value().isEmpty()) {
                warn("WARNING: -i " + flags.device.value() + " ignored: reading from file " + flags.file.value());
            }
            boolean fromFile = !flags.file.value().isEmpty();
            SmcClcOptions options = new SmcClcOptions(flags.showTimestamps.value(), flags.showReserved.value(),
                flags.showHex.value(), flags.json.value(), flags.verbose.value(), zone, fromFile);
            TextServer server = flags.http.value().isEmpty() ? null : startHttp(flags.http.value());
            try (ClcLineProducer producer = producers.create(options)) {
                if (!fromFile) {
                    live = true;
                    runLive(producer);
                } else {
                    runFile(producer);
                }
                if (server != null && !live && !stopRequested.get()) {
                    warn("input done; still serving the output on http://" + hostPort(server.boundAddress())
                        + "/ until interrupted");
                    awaitStop();
                }
            } finally {
                if (server != null) server.close();
            }
            return problems > 0 ? UserError.RUNTIME : 0;
        }

        private TextServer startHttp(String text) {
            ListenAddress address;
            try {
                address = ListenAddress.parse(text);
            } catch (ListenAddress.InvalidException e) {
                throw new Fatal(e.getMessage());
            }
            buffer = new TextBuffer(httpBufferLimit, () -> warn("WARNING: the -http buffer is full ("
                + httpBufferLimit + " bytes): the oldest output is being dropped; fetch with ?flush=true to clear it"));
            TextServer server;
            try {
                server = TextServer.start(address, buffer);
            } catch (IOException e) {
                throw new Fatal(e.getMessage());
            }
            if (address.allAddresses()) {
                warn("WARNING: -http " + text + " listens on all addresses: every host that can reach this one can "
                    + "read the output; use 127.0.0.1:PORT to keep it local");
            } else if (!address.loopbackOnly()) {
                warn("WARNING: -http " + text + " is not a loopback address: other hosts can read the output");
            }
            httpStarted.accept(server.boundAddress());
            return server;
        }

        private void awaitStop() {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void runFile(ClcLineProducer producer) {
            String name = flags.file.value();
            ProblemReporter reporter = message -> {
                problems++;
                output.log(message);
            };
            try (PacketSource source = openFile(name, reporter)) {
                PacketFilter filter = compileForFile(flags.filter.value(), Inputs.firstLinkType(source), reporter);
                output.log("Reading packets from file " + name + ":");
                CaptureFormat format = source.format() == CaptureFormat.PCAPNG ? CaptureFormat.PCAPNG : CaptureFormat.PCAP;
                loop(source, filter, producer, format);
            } catch (IOException e) {
                throw new Fatal(name + ": " + (e.getMessage() == null ? "read error" : e.getMessage()));
            }
        }

        private PacketSource openFile(String name, ProblemReporter reporter) {
            try {
                return CaptureFiles.open(name, reporter);
            } catch (NoSuchFileException e) {
                throw new Fatal(name + ": No such file or directory");   // libpcap's words, as smc-clc logs them
            } catch (AccessDeniedException e) {
                throw new Fatal(name + ": Permission denied");
            } catch (CaptureFormatException e) {
                throw new Fatal(e.getMessage());
            } catch (IOException e) {
                throw new Fatal(name + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
            }
        }

        private PacketFilter compileForFile(String expression, int linkType, ProblemReporter reporter) {
            if (expression.isBlank()) return null;
            try {
                return PacketFilter.compile(expression, linkType, BpfCompiler.DEFAULT_SNAPLEN, true, reporter);
            } catch (BpfCompileException e) {
                throw new Fatal(e.getMessage());
            } catch (Libpcap.UnavailableException e) {
                throw new Fatal("-pcap-filter needs libpcap: " + e.getMessage());
            }
        }

        private void runLive(ClcLineProducer producer) {
            String device = flags.device.value().isEmpty() ? firstDevice() : flags.device.value();
            int snaplen = clampSnaplen(flags.snaplen.value());
            long timeout = flags.timeout.value();
            // smc-clc blocks "forever" without a timeout; immediate mode delivers each packet at once
            boolean immediate = timeout <= 0;
            int timeoutMs = immediate ? 0 : (int) Math.min(timeout, Integer.MAX_VALUE);
            LiveCapture capture;
            try {
                capture = LiveCapture.open(device, snaplen, flags.promisc.value(), timeoutMs, immediate, 0);
            } catch (Libpcap.UnavailableException | LibpcapException e) {
                throw new Fatal(e.getMessage());
            }
            try {
                capture.warnings().forEach(w -> warn("WARNING: " + w));
                if (!flags.filter.value().isBlank()) {
                    try {
                        capture.setFilter(flags.filter.value());
                    } catch (BpfCompileException e) {
                        throw new Fatal(e.getMessage());
                    }
                }
                CaptureInterface iface = new CaptureInterface(device, "", capture.datalink(), snaplen, 1000);
                LiveSource source = new LiveSource(capture, 0, List.of(iface), immediate ? 0 : timeoutMs);
                breakCapture.set(capture::breakLoop);
                if (stopRequested.get()) capture.breakLoop();
                output.log("Listening on interface " + device + ":");
                flushOutput();
                loop(source, null, producer, CaptureFormat.PCAP);
            } catch (IOException e) {
                throw new Fatal(device + ": " + e.getMessage());
            } finally {
                breakCapture.set(() -> { });
                capture.close();
            }
        }

        private static String firstDevice() {
            try {
                List<Devices.Device> all = Devices.findAll();
                if (all.isEmpty()) throw new Fatal("No network interface found");
                return all.getFirst().name();
            } catch (Libpcap.UnavailableException | LibpcapException e) {
                throw new Fatal(e.getMessage());
            }
        }

        /** The packet loop: filter, count (-pcap-maxpkts), dissect, produce, save (-w), stop on time or signal. */
        private void loop(PacketSource source, PacketFilter filter, ClcLineProducer producer, CaptureFormat format)
                throws IOException {
            long maxPackets = flags.maxPackets.value();
            Thread timer = startTimer(flags.maxSeconds.value());
            PacketSink sink = flags.write.value().isEmpty() ? null : openSink(flags.write.value(), format);
            Packet packet = new Packet();
            Layers layers = new Layers();
            long count = 0;
            boolean finished = false;
            try {
                while (!stopRequested.get() && source.next(packet)) {
                    if (filter != null && !filter.matches(packet)) continue;
                    count++;
                    packet(packet, layers, producer, sink, source);
                    if (maxPackets > 0 && count == maxPackets) break;
                }
                producer.finish(output);
                finished = true;
            } finally {
                if (timer != null) timer.interrupt();
                if (!finished) finishAfterFailure(producer);
                flushOutput();
                if (sink != null) {
                    try {
                        sink.close();
                    } catch (IOException e) {
                        if (finished) throw e;   // else keep the first failure
                    }
                }
            }
        }

        /**
         * One packet: dissect, produce, save (-w). A method of its own, not the loop's body: the JIT compiles a
         * method after a few hundred calls, while the loop waits for an on-stack replacement, which on a busy
         * machine came ~0.25 s into a run.
         */
        private void packet(Packet packet, Layers layers, ClcLineProducer producer, PacketSink sink, PacketSource source)
                throws IOException {
            Dissector.dissect(packet, layers);
            Packet seen = decap == null ? packet : decap.inner(packet, layers);
            boolean keep = producer.packet(seen, layers, output);
            // -w saves the packet as captured, tunnel included
            if (keep && sink != null) sink.write(packet, source.interfaces().get(packet.interfaceId()));
            if (live) flushOutput();
        }

        /**
         * Reading (or writing -w) failed: what was decoded before still reaches the output (it may be queued
         * for the rendering thread); the first failure is the one reported.
         */
        private void finishAfterFailure(ClcLineProducer producer) {
            try {
                producer.finish(output);
            } catch (RuntimeException e) {
                // the failure being thrown matters more
            }
        }

        /** -pcap-maxtime: wall-clock seconds, as smc-clc's time.After; stops the run like Ctrl-C. */
        private Thread startTimer(long seconds) {
            if (seconds <= 0) return null;
            long millis = seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
            return Thread.ofPlatform().daemon().name("smc-clc-maxtime").start(() -> {
                try {
                    Thread.sleep(millis);
                    stop();
                } catch (InterruptedException e) {
                    // the run ended first
                }
            });
        }

        private PacketSink openSink(String path, CaptureFormat format) {
            LazySink.Opener opener = iface -> {
                CaptureInterface i = iface != null ? iface
                    : new CaptureInterface("", "", LinkType.EN10MB, WriterOptions.LIBPCAP_MAX_SNAPLEN, 1000);
                WriterOptions options = format == CaptureFormat.PCAPNG
                    ? WriterOptions.of(format, i.snapLen(), i, TimestampPrecision.NANO)
                    : WriterOptions.pcap(i);
                try {
                    return CaptureWriters.open(path, options, RotationPolicy.NONE);
                } catch (IOException e) {
                    throw new Fatal(e.getMessage());
                }
            };
            return new LazySink(opener, null);
        }

        private void flushOutput() {
            if (pendingFlush) {
                out.flush();
                pendingFlush = false;
            }
            err.flush();
        }
    }

    /** libpcap's own rule: 0, negative or above 262144 means 262144 (Go passes the int on as int32). */
    static int clampSnaplen(long snaplen) {
        return snaplen <= 0 || snaplen > WriterOptions.LIBPCAP_MAX_SNAPLEN ? WriterOptions.LIBPCAP_MAX_SNAPLEN : (int) snaplen;
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().isAnyLocalAddress() ? "localhost" : a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
