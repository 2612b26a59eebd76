package dev.fabricscope.lacp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyzer fed decoded PDUs directly: faults are emitted when detected (packet time), and state is capped. */
class LagHealthAnalyzerTest {
    private static final long S = 1_000_000_000L;
    private static final int UP_FAST = LacpPduBuilder.UP_FAST;

    private static LacpPortInfo info(long system, int key, int port, int state) {
        return new LacpPortInfo(32768, system, key, 32768, port, state);
    }

    private static LacpPdu pdu(LacpPortInfo actor, LacpPortInfo partner) {
        return new LacpPdu(1, actor, partner, 0, List.of());
    }

    @Test
    void unidirectionalIsEmittedAfterThreeMissedFastPdusNotAtTheEnd() {
        List<LagFault> faults = new ArrayList<>();
        LagHealthAnalyzer a = new LagHealthAnalyzer(faults::add);
        LacpPortInfo x = info(0xa00, 10, 1, UP_FAST), y = info(0xb00, 20, 101, UP_FAST);
        long frame = 0;
        for (int s = 0; s < 5; s++) {
            a.pdu(s * S, ++frame, 0, "eth0", 0xa01, pdu(x, y));
            a.pdu(s * S + S / 2, ++frame, 0, "eth0", 0xb01, pdu(y, x));
        }
        // y fell silent after 4.5 s; x goes on: nothing before 7.5 s (3 missed PDUs), a fault soon after
        for (int s = 5; s < 8; s++) a.pdu(s * S, ++frame, 0, "eth0", 0xa01, pdu(x, y));
        assertEquals(List.of(), faults);
        for (int s = 8; s < 10; s++) a.pdu(s * S, ++frame, 0, "eth0", 0xa01, pdu(x, y));
        assertEquals(1, faults.size(), faults.toString());
        LagFault f = faults.getFirst();
        assertEquals(FaultKind.UNIDIRECTIONAL, f.kind());
        assertEquals(4 * S + S / 2, f.sinceNanos());
        assertEquals(0xa00, f.actorSystem());
        assertEquals(0xb00, f.partnerSystem());
        assertEquals(20, f.partnerKey());
        a.finish();
        assertEquals(1, faults.size());
    }

    @Test
    void linksBeyondTheCapAreCountedNotFollowed() {
        List<LagFault> faults = new ArrayList<>();
        LagHealthAnalyzer a = new LagHealthAnalyzer(faults::add, 2);
        for (int link = 0; link < 3; link++) {
            LacpPortInfo x = info(0xa00, 10, link + 1, UP_FAST), y = info(0xb00, 20, 101 + link, UP_FAST);
            a.pdu(link * S, 2L * link + 1, link, "eth" + link, 0xa01 + link, pdu(x, y));
            a.pdu(link * S + 1, 2L * link + 2, link, "eth" + link, 0xb01 + link, pdu(y, x));
        }
        LagHealthReport r = a.finish();
        assertEquals(4, r.links().size());
        assertEquals(2, r.ignoredOverCap());
        assertEquals(6, r.pdus());
        assertTrue(faults.isEmpty(), faults.toString());
    }
}
