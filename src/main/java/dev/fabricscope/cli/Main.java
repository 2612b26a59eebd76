package dev.fabricscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: {@code fabricscope <command> ...}. Exit codes: 0 success, 1 runtime failure, 2 usage error. */
@Command(
    name = "fabricscope",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    header = "Capture and analyse data-center fabric protocols: SMC, RDMA (RoCE/InfiniBand), LACP.",
    description = {
        "",
        "fabricscope reads pcap and pcapng files (also gzip-compressed, or - for standard input) and "
            + "captures live through the system libpcap. Filters use pcap-filter(7) syntax, compiled by "
            + "libpcap itself. Run 'fabricscope COMMAND --help' for the options of a command.",
        "",
        "Also: 'fabricscope smc-clc [flags]' is a drop-in for the Go tool smc-clc (SMC CLC handshake "
            + "messages), with its Go-style flags; 'fabricscope smc-clc -h' lists them.",
        "",
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
        "Exit status: 0 success, 1 runtime failure (unreadable file, capture error), 2 usage error "
            + "(bad option, bad filter expression).",
        "",
        "Environment: JAVA_OPTS is passed to the JVM by the ./fabricscope launcher (e.g. -Xmx256m).",
    },
    subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On errors, print the full stack trace as well as the one-line message.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // smc-clc prints a line per message: a 64 KiB buffer instead of System.out's flush per line (the
        // command flushes after each packet when capturing live, and at the end)
        PrintWriter out = args.length > 0 && args[0].equals(SmcClcCommand.NAME)
            ? new BytePrintWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), System.out.charset(), 1 << 16)
            : new PrintWriter(System.out, true);
        System.exit(run(args, out, new PrintWriter(System.err, true)));
    }

    /**
     * The subcommands, in the order --help lists them. Only the one being run is registered (building a
     * picocli model costs milliseconds of reflection per command); help and usage errors get them all.
     */
    private static final List<Map.Entry<String, Supplier<Object>>> COMMANDS = List.of(
        Map.entry("capture", CaptureCommand::new),
        Map.entry("filter", FilterCommand::new),
        Map.entry("strip", StripCommand::new),
        Map.entry("smc", SmcSummaryCommand::new),
        Map.entry("rdma", RdmaCommand::new),
        Map.entry("lacp", LacpCommand::new));

    /** Commands that compile filters or capture: libpcap is bound in the background while arguments parse. */
    private static final Set<String> USES_LIBPCAP = Set.of("capture", "filter");

    /** Runs the CLI with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length > 0 && args[0].equals(SmcClcCommand.NAME)) return smcClc(args, out, err);
        if (args.length == 2 && args[0].equals(AotTraining.NAME)) return AotTraining.run(java.nio.file.Path.of(args[1]));
        if (args.length == 2 && args[0].equals("help") && args[1].equals(SmcClcCommand.NAME)) {
            out.print(SmcClcCommand.usage());
            out.flush();
            return 0;
        }
        String command = firstPositional(args);
        if (USES_LIBPCAP.contains(command)) warmUpLibpcap();
        CommandLine cli = commandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The producer of smc-clc's text (the CLC decoder plugs in here). */
    private static final dev.fabricscope.smc.ClcLineProducer.Factory SMC_CLC_PRODUCERS =
        dev.fabricscope.smc.SmcClcLines::new;

    /** smc-clc takes Go-style flags, which picocli cannot parse: it gets the arguments after its name. */
    private static int smcClc(String[] args, PrintWriter out, PrintWriter err) {
        List<String> rest = List.of(args).subList(1, args.length);
        if (smcClcMayUseLibpcap(rest)) warmUpLibpcap();
        return new SmcClcCommand(SMC_CLC_PRODUCERS).run(rest, out, err);
    }

    /** Live capture (no -f) or a -pcap-filter: bind libpcap in the background while the run starts. */
    private static boolean smcClcMayUseLibpcap(List<String> args) {
        boolean file = false;
        for (String a : args) {
            if (a.contains("pcap-filter")) return true;
            if (a.equals("-f") || a.equals("--f") || a.startsWith("-f=") || a.startsWith("--f=")) file = true;
        }
        return !file;
    }

    private static String firstPositional(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) return a;
        }
        return "";
    }

    /**
     * Loading libpcap and binding its filter functions (FFM's first downcall handle alone ~45 ms): overlap them
     * with the CLI parsing. Live capture binds its other functions when it starts.
     */
    private static void warmUpLibpcap() {
        Thread.ofPlatform().daemon().name("libpcap-warm-up").start(() -> {
            try {
                dev.fabricscope.libpcap.Libpcap.load().bindFilterFunctions();
            } catch (RuntimeException e) {
                // not installed: the command that needs it says so
            }
        });
    }

    static CommandLine commandLine(String command) {
        CommandLine cli = new CommandLine(new Main());
        boolean known = COMMANDS.stream().anyMatch(c -> c.getKey().equals(command));
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS) {
            if (!known || c.getKey().equals(command)) cli.addSubcommand(c.getKey(), c.getValue().get());
        }
        cli.setExecutionExceptionHandler(Main::handleError);
        cli.setParameterExceptionHandler(Main::handleUsageError);
        cli.setUsageHelpAutoWidth(true);
        // getopt's rule, as tcpdump's: an option's value is the next argument whatever it looks like (-M -key)
        cli.setAllowOptionsAsOptionParameters(true);
        return cli;
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("fabricscope: " + e.getMessage());
        err.println("Try 'fabricscope " + e.getCommandLine().getCommandName().replace("fabricscope", "").trim()
            + (e.getCommandLine().getParent() == null ? "" : " ") + "--help' for more information.");
        return UserError.USAGE;
    }

    private static int handleError(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        PrintWriter err = cli.getErr();
        boolean debug = rootDebug(parse);
        if (e instanceof UserError u) {
            err.println("fabricscope: " + u.getMessage());
            if (debug) e.printStackTrace(err);
            return u.exitCode();
        }
        if (e instanceof dev.fabricscope.libpcap.Libpcap.UnavailableException u) {
            err.println("fabricscope: " + u.getMessage());  // says what to install: nothing to debug
            if (debug) e.printStackTrace(err);
            return UserError.RUNTIME;
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("fabricscope: " + what + (debug ? "" : " (run with --debug for details)"));
        if (debug) e.printStackTrace(err);
        return UserError.RUNTIME;
    }

    private static boolean rootDebug(CommandLine.ParseResult parse) {
        for (CommandLine.ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }
}
