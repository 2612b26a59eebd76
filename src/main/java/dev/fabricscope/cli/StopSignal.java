package dev.fabricscope.cli;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop: the capture loop finishes the packet at hand, the
 * writers flush and close, statistics are printed and the process exits 0 — as tcpdump does. Replacing
 * the JVM's handlers (instead of a shutdown hook) is what lets the main thread finish normally.
 */
final class StopSignal implements AutoCloseable {
    private static final int SIGINT = 2;
    private static final long SIG_IGN = 1;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Runnable> onStop = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopSignal() {
        // A background job of a non-interactive shell starts with SIGINT ignored, and the JVM then keeps
        // it ignored; tcpdump still stops on `kill -INT`, which scripts rely on, so we reset it first.
        if (sigintMaybeIgnored()) unignoreSigint();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, s -> stop()));
                signals.add(signal);
            } catch (IllegalArgumentException e) {
                // signal not available on this platform (or already used by the VM): keep the default
            }
        }
    }

    /**
     * Whether SIGINT may be ignored: false only when /proc/self/status says it is not. Asking the kernel first
     * spares the common case the native call, whose glue code the JVM generates at run time (~25 ms of start-up
     * and JIT work on every command).
     */
    private static boolean sigintMaybeIgnored() {
        try {
            return sigintIgnored(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException | RuntimeException e) {
            return true;   // no /proc (not Linux): ask libc
        }
    }

    /** SIGINT's bit in the {@code SigIgn:} hex mask of a /proc/PID/status; true when the line is missing or odd. */
    static boolean sigintIgnored(List<String> status) {
        for (String line : status) {
            if (!line.startsWith("SigIgn:")) continue;
            String mask = line.substring("SigIgn:".length()).strip();
            if (mask.isEmpty()) return true;
            int lastDigit = Character.digit(mask.charAt(mask.length() - 1), 16);
            return lastDigit < 0 || (lastDigit & (1 << (SIGINT - 1))) != 0;
        }
        return true;
    }

    private static void unignoreSigint() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle signal = linker.downcallHandle(linker.defaultLookup().find("signal").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            MemorySegment previous = (MemorySegment) signal.invokeExact(SIGINT, MemorySegment.NULL); // SIG_DFL
            if (previous.address() != SIG_IGN) {
                // it was not ignored: put back whatever was there (the JVM's own handler)
                MemorySegment restored = (MemorySegment) signal.invokeExact(SIGINT, previous);
            }
        } catch (Throwable e) {
            // no libc signal(): keep the JVM's behaviour
        }
    }

    /** Runs {@code action} when a stop is requested (from the signal thread): e.g. pcap_breakloop. */
    synchronized void onStop(Runnable action) {
        onStop.add(action);
        if (stopped.get()) action.run();
    }

    boolean stopped() {
        return stopped.get();
    }

    void stop() {
        if (!stopped.compareAndSet(false, true)) return;
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(onStop);
        }
        actions.forEach(Runnable::run);
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
    }
}
