package dev.fabricscope.tcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ignored-flow table: 4 ways per set, a full set gives up its least recently hit fingerprint. */
class IgnoredFlowsTest {
    // fingerprints that differ only below bit 20 share a set
    private static final long A = 1, B = 2, C = 3, D = 4, E = 5;

    @Test
    void aFullSetReplacesItsLeastRecentlyHitEntry() {
        IgnoredFlows flows = new IgnoredFlows(4096);
        flows.add(A, 10);
        flows.add(B, 11);
        flows.add(C, 12);
        flows.add(D, 13);
        assertTrue(flows.contains(A, 20));  // A is now the most recent; B the least
        flows.add(E, 21);
        assertFalse(flows.contains(B, 22), "B was hit longest ago");
        for (long f : new long[] {A, C, D, E}) assertTrue(flows.contains(f, 23), "kept " + f);
    }

    @Test
    void addingAgainKeepsOneEntryAndRemoveForgets() {
        IgnoredFlows flows = new IgnoredFlows(4096);
        flows.add(A, 1);
        flows.add(A, 2);   // same way: the set still has room for three more
        flows.add(B, 3);
        flows.add(C, 4);
        flows.add(D, 5);
        for (long f : new long[] {A, B, C, D}) assertTrue(flows.contains(f, 6), "kept " + f);
        flows.remove(C);
        assertFalse(flows.contains(C, 7));
        flows.add(E, 8);   // takes the freed way: nothing else is evicted
        for (long f : new long[] {A, B, D, E}) assertTrue(flows.contains(f, 9), "kept " + f);
    }

    @Test
    void zeroIsAFingerprintLikeAnyOther() {
        IgnoredFlows flows = new IgnoredFlows(4096);
        assertFalse(flows.contains(0, 1), "empty slots are not the fingerprint 0");
        flows.add(0, 2);
        assertTrue(flows.contains(0, 3));
    }
}
