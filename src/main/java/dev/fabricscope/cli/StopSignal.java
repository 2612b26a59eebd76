package dev.fabricscope.cli;

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
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Runnable> onStop = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopSignal() {
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
