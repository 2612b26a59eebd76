package dev.fabricscope.tcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fabricscope.smc.ClcListener;
import dev.fabricscope.smc.ClcTracker;
import dev.fabricscope.smc.ClcTrackingRule;

/**
 * Arbitrary segment sequences (flows, flags, sequence numbers near each other and anywhere, payloads that
 * often start with a CLC eyecatcher) through the reassembler and the CLC tracker: nothing throws, the
 * buffers and the table stay within their bounds. Longer run:
 * {@code ./build test-compile surefire:test@fuzz-tcp-reassembly -Dfuzz.duration=30m}.
 */
class TcpReassemblyFuzzTest {
    private static final TcpReassemblyOptions BOUNDS = new TcpReassemblyOptions(3, 5_000, 300, 8, 700, 4096);
    private static final TcpFrames.Pair[] PAIRS = {TcpFrames.Pair.v4(1, 1000, 2, 80), TcpFrames.Pair.v4(3, 1001, 2, 80),
        TcpFrames.Pair.v6(1, 1002, 2, 443), TcpFrames.Pair.v4(4, 1003, 2, 80), TcpFrames.Pair.v6(5, 1004, 2, 80)};
    private static final byte[] EYE = {(byte) 0xE2, (byte) 0xD4, (byte) 0xC3, (byte) 0xD9};

    private final TcpFrames frames = new TcpFrames();

    @FuzzTest(maxDuration = "20s")
    void reassemblyNeverThrowsAndStaysBounded(FuzzedDataProvider data) {
        ClcListener quiet = new ClcListener() {
            @Override public void message(TcpFlow<?> f, int d, byte[] b, int o, int l, long t, long fr) {
                assertTrue(l >= 8 && l <= 1024, "message size " + l);
                assertTrue(o >= 0 && o + l <= b.length, "message slice out of range");
            }
            @Override public void malformed(TcpFlow<?> f, int d, String r, long t, long fr) { }
            @Override public void noClc(TcpFlow<?> f, String r, long t) { }
        };
        ClcTracker tracker = new ClcTracker(quiet, ClcTrackingRule.SYN_OPTION_OR_EYECATCHER, BOUNDS);
        TcpReassembler<Object> raw = new TcpReassembler<>(BOUNDS, new TcpStreamListener<>() {
            @Override public TcpTrackDecision track(TcpSegment s) { return TcpTrackDecision.TRACK; }
            @Override public Object opened(TcpFlow<Object> f, TcpSegment s) { return null; }
            @Override public void data(TcpFlow<Object> f, int d, byte[] b, int o, int l, long t, long fr) {
                assertTrue(l > 0 && o >= 0 && o + l <= b.length, "delivered slice out of range");
            }
        });
        long[] base = {data.consumeLong(), data.consumeLong()};
        long time = 0;
        int packets = data.consumeInt(0, 200);
        for (int i = 0; i < packets && data.remainingBytes() > 0; i++) {
            TcpFrames.Pair pair = PAIRS[data.consumeInt(0, PAIRS.length - 1)];
            boolean fromA = data.consumeBoolean();
            int flags = data.consumeInt(0, 0x3f);
            long seq = data.consumeBoolean() ? data.consumeLong() : base[fromA ? 0 : 1] + data.consumeInt(-40, 400);
            time += data.consumeInt(0, 2_000);
            byte[] options = data.consumeBoolean() ? TcpFrames.SMC_OPTION : null;
            byte[] payload = data.consumeBytes(data.consumeInt(0, 80));
            if (payload.length >= 4 && data.consumeBoolean()) System.arraycopy(EYE, 0, payload, 0, 4);
            frames.frame(pair, fromA, seq & 0xffffffffL, flags, options, payload, time);
            tracker.packet(frames.packet, frames.layers);
            raw.packet(frames.packet, frames.layers);
            for (TcpReassemblyStats s : new TcpReassemblyStats[] {tracker.tcpStats(), raw.stats()}) {
                assertTrue(s.bufferedBytes() >= 0 && s.bufferedBytes() <= BOUNDS.maxBufferedBytesTotal(), s.toString());
                assertTrue(s.flowsActive() <= BOUNDS.maxFlows(), s.toString());
            }
        }
        tracker.finish();
        raw.finish();
        assertTrue(raw.stats().bufferedBytes() == 0 && raw.stats().flowsActive() == 0, raw.stats().toString());
    }
}
