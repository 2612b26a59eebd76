package dev.fabricscope.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow table past its initial slots: growth keeps every flow findable, in both directions, and the LRU order. */
class TcpFlowTableTest {
    private static TcpFlow<Object> flow(int i, long hash) {
        return new TcpFlow<>(false, 0x0a000000L + i, 0, 10_000 + (i & 0x7fff), 0x0a100000L + i, 0, 443, hash);
    }

    @Test
    void growsFromSmallSlotsAndFindsEveryFlow() {
        TcpFlowTable<Object> table = new TcpFlowTable<>(10_000);
        List<TcpFlow<Object>> flows = new ArrayList<>();
        int[] dir = new int[1];
        for (int i = 0; i < 10_000; i++) {
            // a zero hash, and many equal hashes: long probe runs across every growth
            TcpFlow<Object> f = flow(i, i == 5 ? 0 : i % 97 == 0 ? 7 : i * 0x9E3779B97F4A7C15L);
            table.add(f);
            flows.add(f);
        }
        assertEquals(10_000, table.size());
        for (int i = 0; i < flows.size(); i++) {
            TcpFlow<Object> f = flows.get(i);
            assertSame(f, table.find(f.hash, false, 0x0a000000L + i, 0, 10_000 + (i & 0x7fff), 0x0a100000L + i, 0, 443, dir));
            assertEquals(0, dir[0]);
            assertSame(f, table.find(f.hash, false, 0x0a100000L + i, 0, 443, 0x0a000000L + i, 0, 10_000 + (i & 0x7fff), dir));
            assertEquals(1, dir[0]);
        }
        assertSame(flows.getFirst(), table.oldest());
        for (int i = 0; i < flows.size(); i += 2) table.remove(flows.get(i));
        assertEquals(5_000, table.size());
        for (int i = 0; i < flows.size(); i++) {
            TcpFlow<Object> f = flows.get(i);
            TcpFlow<Object> found = table.find(f.hash, false, 0x0a000000L + i, 0, 10_000 + (i & 0x7fff),
                0x0a100000L + i, 0, 443, dir);
            if (i % 2 == 0) assertNull(found, "removed flow " + i);
            else assertSame(f, found, "kept flow " + i);
        }
        assertSame(flows.get(1), table.oldest());
    }
}
