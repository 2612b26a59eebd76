package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fresh machine has no libpcap: file reading must work, and what needs libpcap must say which package
 * to install, in one line, exit 1. Simulated by pointing FABRICSCOPE_LIBPCAP at a library that does not
 * exist, in a separate JVM (the library is bound once per JVM).
 */
class WithoutLibpcapTest {
    private static final Map<String, String> NO_LIBPCAP = Map.of("FABRICSCOPE_LIBPCAP", "libpcap-absent.so.9",
        "TZ", "UTC");

    private static Oracles.Run fabricscope(String... args) {
        return Oracles.run(Oracles.fabricscopeCommand(args), NO_LIBPCAP);
    }

    @Test
    void readingAndPrintingAFileNeedsNoLibpcap() {
        Oracles.Run r = fabricscope("capture", "-r", "samples/smc-4conn.pcap", "-c", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("03:04:05.000001 IP 10.0.0.1.10001 > 10.0.0.2.50000: Flags [S]"), r.out());
    }

    /**
     * A library that loads but lacks libpcap's functions (here the C library) fails when it loads, naming the
     * missing symbol: symbols are looked up at load, even though their handles are bound on first use.
     */
    @Test
    void aLibraryWithoutTheFunctionsFailsAtLoadNamingTheSymbol() {
        Oracles.Run r = Oracles.run(Oracles.fabricscopeCommand("capture", "-r", "samples/smc-4conn.pcap", "tcp"),
            Map.of("FABRICSCOPE_LIBPCAP", "libc.so.6", "TZ", "UTC"));
        assertEquals(1, r.exitCode(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("fabricscope: ") && last.contains("libc.so.6 has no symbol pcap_lib_version"), r.err());
        assertEquals(0, r.err().lines().filter(l -> l.contains("\tat ")).count(), "no stack trace: " + r.err());
    }

    @Test
    void aFilterSaysWhichPackageToInstall() {
        Oracles.Run r = fabricscope("capture", "-r", "samples/smc-4conn.pcap", "tcp");
        assertEquals(1, r.exitCode(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("fabricscope: ") && last.contains("apt-get install libpcap0.8"), r.err());
        assertEquals(0, r.err().lines().filter(l -> l.contains("\tat ")).count(), "no stack trace: " + r.err());
    }

    @Test
    void liveCaptureAndListingSayWhichPackageToInstall() {
        for (String[] args : new String[][] {{"capture", "-i", "lo"}, {"capture", "-D"}, {"filter", "tcp"}}) {
            Oracles.Run r = fabricscope(args);
            assertEquals(1, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("apt-get install libpcap0.8"), r.err());
            assertTrue(!r.err().contains("--debug"), "nothing to debug: " + r.err());
        }
    }

    @Test
    void versionSaysLibpcapIsMissing() {
        Oracles.Run r = fabricscope("--version");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("libpcap: not available (libpcap not found"), r.out());
    }
}
