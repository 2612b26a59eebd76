package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopSignalTest {

    @Test
    void sigintBitOfTheSigIgnMask() {
        assertFalse(StopSignal.sigintIgnored(List.of("Name:\tjava", "SigIgn:\t0000000000000000", "SigCgt:\t0")));
        assertTrue(StopSignal.sigintIgnored(List.of("SigIgn:\t0000000000000002")));   // SIGINT = 2: bit 1
        assertTrue(StopSignal.sigintIgnored(List.of("SigIgn:\t0000000000000006")));   // SIGINT and SIGQUIT
        assertFalse(StopSignal.sigintIgnored(List.of("SigIgn:\t0000000000001001")));  // SIGHUP, SIGPIPE only
        // unknown: ask libc (the caller resets SIGINT to the default then)
        assertTrue(StopSignal.sigintIgnored(List.of("Name:\tjava")));
        assertTrue(StopSignal.sigintIgnored(List.of("SigIgn:")));
        assertTrue(StopSignal.sigintIgnored(List.of("SigIgn:\tzz")));
    }

    /** The kernel's mask read the same way: a child started with SIGINT ignored (as `cmd &` in a script) shows it. */
    @Test
    void readsWhatTheKernelReports() throws Exception {
        if (!Files.isReadable(Path.of("/proc/self/status"))) return;
        Process ignoring = new ProcessBuilder("bash", "-c", "trap '' INT; exec cat /proc/self/status").start();
        List<String> ignored = new String(ignoring.getInputStream().readAllBytes()).lines().toList();
        // perl, not a shell: a shell cannot un-ignore what it was started with ignored (the test JVM may be)
        Process plain = new ProcessBuilder("perl", "-e",
            "$SIG{INT} = 'DEFAULT'; open(my $f, '<', '/proc/self/status') or die; print <$f>;").start();
        List<String> notIgnored = new String(plain.getInputStream().readAllBytes()).lines().toList();
        assertTrue(ignoring.waitFor(10, TimeUnit.SECONDS) && plain.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, ignoring.exitValue());
        assertTrue(StopSignal.sigintIgnored(ignored));
        assertFalse(StopSignal.sigintIgnored(notIgnored));
    }
}
