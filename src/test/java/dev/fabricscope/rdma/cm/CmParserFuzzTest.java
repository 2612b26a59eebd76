package dev.fabricscope.rdma.cm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.json.JsonLine;
import dev.fabricscope.rdma.MadBaseHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes MAD/CM parsing and the tracker: any bytes (short MADs, bogus attribute IDs, truncated bodies)
 * give a result or a Malformed event, never an exception; rendering a decoded message never throws; the
 * tracker's table stays within its cap. Inputs are tried raw and behind a CM header (class 0x07, an
 * attribute picked from the input) so the fuzzer reaches the message layouts, and inside a RoCEv2 frame.
 * Longer run: {@code ./build test-compile surefire:test@fuzz-cm-parser -Dfuzz.duration=30m}.
 */
class CmParserFuzzTest {
    static final CmFrames.Host A = CmFrames.Host.of("10.9.0.1", 1);
    static final CmFrames.Host B = CmFrames.Host.of("10.9.0.2", 2);

    @FuzzTest(maxDuration = "20s")
    void parseNeverThrows(byte[] input) {
        check(input);
        if (input.length >= 18) {
            byte[] cm = input.clone();
            cm[1] = 0x07;
            cm[16] = 0;
            cm[17] = (byte) (0x10 + (input[17] & 0x0f));
            check(cm);
            track(cm);
        }
    }

    private static void check(byte[] bytes) {
        CmParseResult r = CmParser.parse(bytes);
        assertNotNull(r);
        StringBuilder sb = new StringBuilder();
        switch (r) {
            case CmParseResult.Decoded d -> {
                CmText.appendMad(sb, d.mad());
                CmText.append(sb, d.message());
                JsonLine j = new JsonLine(sb).begin();
                CmText.appendJsonFields(j, d.message());
                j.end();
                assertTrue(bytes.length >= MadBaseHeader.LENGTH);
            }
            case CmParseResult.NotCm n -> CmText.appendMad(sb, n.mad());
            case CmParseResult.Malformed m -> assertFalse(m.reason().isEmpty());
        }
    }

    /** The bytes as the MAD of a RoCEv2 CM frame, fed to a tracker with room for one connection. */
    private static void track(byte[] mad) {
        CmFrames f = new CmFrames();
        f.cm(1, A, B, mad).cm(2, B, A, mad);
        List<CmEvent> events = new ArrayList<>();
        CmTracker t = new CmTracker(new CmTracker.Options(1, 1_000_000_000L, 1_000_000_000L), events::add);
        Packet p = new Packet();
        Layers l = new Layers();
        for (byte[] frame : f.frames) {
            p.set(frame, 0, frame.length, frame.length, 0, 0, 1, 1);
            Dissector.dissect(p, l);
            t.process(p, l);
        }
        assertTrue(t.connections().size() <= 1);
        t.finish();
        assertTrue(t.connections().isEmpty());
    }
}
