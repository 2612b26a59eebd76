package dev.fabricscope.cli;

import dev.fabricscope.libpcap.Libpcap;

/** libpcap's version string for --version, or why it could not be loaded. */
final class LibpcapInfo {
    private LibpcapInfo() { }

    static String versionOrReason() {
        try {
            return Libpcap.load().version();
        } catch (Libpcap.UnavailableException e) {
            return "not available (" + e.getMessage() + ")";
        }
    }
}
