package dev.fabricscope.smc;

import dev.fabricscope.tcp.TcpFlow;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands decoded events to a {@link SmcClcRenderer} running on its own thread, in order, so that reading
 * and reassembly (this thread) overlap with parsing, formatting and writing the text (the other): on a
 * file, that is a third of the work. Events travel in batches (one queue hand-off per
 * {@link #BATCH} events, not per message) through a queue of {@link #QUEUED_BATCHES}, which bounds the
 * memory held and makes the decoder wait when the output is slower (a pipe, a full disk).
 *
 * <p>{@link #finish} returns once everything is rendered; a failure of the rendering thread is rethrown
 * there (or at the next hand-off). {@link #close} stops the thread when the run ends early.
 */
final class BackgroundRenderer implements ClcOutputEvents, AutoCloseable {
    static final int BATCH = 256;
    static final int QUEUED_BATCHES = 16;

    private record Message(ClcMessage message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) { }
    private record Unparsed(byte[] message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) { }
    private record Log(String line) { }
    private record FirstRoce(SmcrRoceLinks.Endpoint endpoint) { }
    private record Finish(List<SmcrRoceLinks.Endpoint> endpoints) { }

    private final SmcClcRenderer renderer;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private volatile Throwable failure;
    private Object[] batch = new Object[BATCH];
    private int used;

    BackgroundRenderer(SmcClcRenderer renderer) {
        this.renderer = renderer;
        this.thread = Thread.ofPlatform().daemon().name("smc-clc-render").unstarted(this::render);
        thread.start();
    }

    @Override
    public void message(ClcMessage message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) {
        add(new Message(message, flow, direction, timestampNanos, frameNumber));
    }

    @Override
    public void unparsed(byte[] message, TcpFlow<?> flow, int direction, long timestampNanos, long frameNumber) {
        add(new Unparsed(message, flow, direction, timestampNanos, frameNumber));
    }

    @Override
    public void log(String line) {
        add(new Log(line));
    }

    @Override
    public void firstRocePacket(SmcrRoceLinks.Endpoint endpoint) {
        add(new FirstRoce(endpoint));
    }

    @Override
    public void finish(List<SmcrRoceLinks.Endpoint> endpoints) {
        add(new Finish(endpoints));
        handOff();
        join();
        rethrow();
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            join();
        }
    }

    /** Whether the rendering thread still runs (tests). */
    boolean running() {
        return thread.isAlive();
    }

    private void add(Object event) {
        batch[used++] = event;
        if (used == BATCH) handOff();
    }

    private void handOff() {
        if (used == 0) return;
        Object[] full = used == BATCH ? batch : java.util.Arrays.copyOf(batch, used);
        try {
            while (!queue.offer(full, 100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    rethrow();
                    throw new IllegalStateException("the rendering thread has stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing output to the rendering thread", e);
        }
        batch = new Object[BATCH];
        used = 0;
    }

    private void render() {
        try {
            while (true) {
                for (Object event : queue.take()) {
                    if (!render(event)) return;
                }
            }
        } catch (InterruptedException e) {
            // the run ended early: close()
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * One event; false after the last. A method of its own, not the loop's body: the JIT compiles a method
     * after a few hundred calls, while a long-running loop waits for an on-stack replacement, which on a busy
     * machine came ~0.5 s into a run (the rendering thread was interpreted until then).
     */
    private boolean render(Object event) {
        // instanceof, not a type switch: see SmcClcFormatter.describe
        if (event instanceof Message m) {
            renderer.message(m.message(), m.flow(), m.direction(), m.timestampNanos(), m.frameNumber());
        } else if (event instanceof Unparsed u) {
            renderer.unparsed(u.message(), u.flow(), u.direction(), u.timestampNanos(), u.frameNumber());
        } else if (event instanceof Log l) {
            renderer.log(l.line());
        } else if (event instanceof FirstRoce f) {
            renderer.firstRocePacket(f.endpoint());
        } else if (event instanceof Finish f) {
            renderer.finish(f.endpoints());
            return false;
        } else {
            throw new IllegalStateException("unknown event " + event);
        }
        return true;
    }

    private void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }
}
