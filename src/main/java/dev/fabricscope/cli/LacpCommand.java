package dev.fabricscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fabricscope lacp -r FILE | -i IF...}: LACP/Marker decoding; {@code fabricscope lacp health}: LAG
 * fault diagnosis (its own subcommand class, listed below).
 */
@Command(
    name = "lacp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Decode LACP and Marker PDUs (IEEE 802.3 slow protocols); 'lacp health' diagnoses LAG faults.",
    commandListHeading = "%nCommands:%n",
    subcommands = {
        CommandLine.HelpCommand.class,
        LacpHealthCommand.class,
    })
public final class LacpCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw UserError.runtime("lacp decoding is not implemented yet");
    }
}
