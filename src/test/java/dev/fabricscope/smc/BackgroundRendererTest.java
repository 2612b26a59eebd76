package dev.fabricscope.smc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rendering on the second thread: order kept across batches, finish waits for all, failures surface, close stops. */
class BackgroundRendererTest {
    private static final SmcClcOptions OPTIONS = new SmcClcOptions(false, false, false, false, false, ZoneOffset.UTC, true);

    /** Records what reaches the output, and on which thread. */
    private static final class Recording implements ClcLineProducer.Output {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void print(CharSequence text) {
            lines.add(text.toString());
            threads.add(Thread.currentThread());
        }

        @Override
        public void log(String message) {
            lines.add("log " + message);
            threads.add(Thread.currentThread());
        }
    }

    @Test
    void keepsOrderAcrossBatchesAndFinishWaitsForAll() {
        Recording out = new Recording();
        BackgroundRenderer renderer = new BackgroundRenderer(new SmcClcRenderer(OPTIONS, out));
        int n = BackgroundRenderer.BATCH * (BackgroundRenderer.QUEUED_BATCHES + 3) + 7;  // more than the queue holds
        for (int i = 0; i < n; i++) renderer.log("line " + i);
        renderer.finish(List.of());
        assertEquals(n, out.lines.size(), "everything rendered when finish returns");
        for (int i = 0; i < n; i++) assertEquals("log line " + i, out.lines.get(i));
        assertTrue(out.threads.stream().noneMatch(t -> t == Thread.currentThread()), "rendered on the other thread");
        assertFalse(renderer.running());
    }

    @Test
    void aFailureOfTheOutputReachesTheDecoder() {
        IllegalStateException boom = new IllegalStateException("disk full");
        ClcLineProducer.Output failing = new ClcLineProducer.Output() {
            @Override
            public void print(CharSequence text) { }

            @Override
            public void log(String message) {
                throw boom;
            }
        };
        BackgroundRenderer renderer = new BackgroundRenderer(new SmcClcRenderer(OPTIONS, failing));
        // the thread dies on the first batch; later hand-offs or finish report its failure instead of blocking
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i < BackgroundRenderer.BATCH * (BackgroundRenderer.QUEUED_BATCHES + 4); i++) {
                renderer.log("x");
            }
            renderer.finish(List.of());
        });
        assertSame(boom, e);
    }

    @Test
    void closeStopsTheThreadWithoutFinish() throws Exception {
        CountDownLatch rendered = new CountDownLatch(1);
        ClcLineProducer.Output out = new ClcLineProducer.Output() {
            @Override
            public void print(CharSequence text) { }

            @Override
            public void log(String message) {
                rendered.countDown();
            }
        };
        BackgroundRenderer renderer = new BackgroundRenderer(new SmcClcRenderer(OPTIONS, out));
        for (int i = 0; i < BackgroundRenderer.BATCH; i++) renderer.log("x");
        assertTrue(rendered.await(10, TimeUnit.SECONDS));
        assertTrue(renderer.running(), "waiting for the next batch");
        renderer.close();
        assertFalse(renderer.running());
    }
}
