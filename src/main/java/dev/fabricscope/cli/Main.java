package dev.fabricscope.cli;

import java.io.PrintWriter;
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
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
        "Exit status: 0 success, 1 runtime failure (unreadable file, capture error), 2 usage error "
            + "(bad option, bad filter expression).",
        "",
        "Environment: JAVA_OPTS is passed to the JVM by the ./fabricscope launcher (e.g. -Xmx256m).",
    },
    subcommands = {
        CommandLine.HelpCommand.class,
        CaptureCommand.class,
        FilterCommand.class,
        StripCommand.class,
    })
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
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handleError);
        cli.setParameterExceptionHandler(Main::handleUsageError);
        cli.setUsageHelpAutoWidth(true);
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
