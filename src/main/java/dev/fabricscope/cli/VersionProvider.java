package dev.fabricscope.cli;

import picocli.CommandLine;

/** Prints our version, the JVM's and, when it loads, libpcap's. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "fabricscope " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
            "libpcap: " + LibpcapInfo.versionOrReason(),
        };
    }
}
