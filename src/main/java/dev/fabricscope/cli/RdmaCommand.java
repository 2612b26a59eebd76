package dev.fabricscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fabricscope rdma COMMAND}: the RDMA (RoCEv2, RoCEv1, InfiniBand) tools. A group only: each
 * tool is its own subcommand class, listed here in the order --help shows them.
 */
@Command(
    name = "rdma",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    header = "RDMA over RoCEv2/RoCEv1/InfiniBand: decode, ICRC, RDMA-CM tracking, CNPs, per-QP health.",
    commandListHeading = "%nCommands:%n",
    subcommands = {
        RdmaDecodeCommand.class,
        RdmaIcrcCommand.class,
        RdmaConntrackCommand.class,
        RdmaQueryCommand.class,
        RdmaCnpCommand.class,
        RdmaQpsCommand.class,
        RdmaDoctorCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class RdmaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: decode, icrc, conntrack, query, cnp, qps, doctor");
    }
}
