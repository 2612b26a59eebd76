package dev.fabricscope.smc;

import static dev.fabricscope.testing.ByteArrays.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RoCE packets counted for the SMC-R QPs announced in Accept/Confirm, by destination GID and QP. */
class SmcrRoceLinksTest {
    static final byte[] GID6_A = hex("fe80 0000 0000 0000 9a03 9bff feab cdef");
    static final byte[] GID6_B = hex("fe80 0000 0000 0000 9a03 9bff feab cd00");
    static final byte[] IP4_A = hex("0a 00 00 01");
    static final byte[] IP4_B = hex("0a 00 00 02");
    static final byte[] GID4_B = hex("0000 0000 0000 0000 0000 ffff 0a00 0002");

    private static Packet packet(byte[] bytes, long frame, long nanos) {
        return new Packet().set(bytes, 0, bytes.length, bytes.length, nanos, 0, LinkType.EN10MB, frame);
    }

    private final List<SmcrRoceLinks.Endpoint> firsts = new ArrayList<>();
    private final SmcrRoceLinks links = new SmcrRoceLinks(firsts::add);
    private final Layers layers = new Layers();
    private long frame;

    private void feed(byte[] bytes) {
        Packet p = packet(bytes, ++frame, frame * 1000);
        Dissector.dissect(p, layers);
        links.packet(p, layers);
    }

    @Test
    void countsPacketsToAnnouncedQpsOnly() {
        links.announce(GID6_B, 228, true, IP4_A, 1, IP4_B, 2, 6);     // server QP (Accept)
        links.announce(GID6_A, 229, false, IP4_A, 1, IP4_B, 2, 8);    // client QP (Confirm)
        feed(SmcrRoceLinksTestFrames.roce(GID6_A, GID6_B, 228, 100));
        feed(SmcrRoceLinksTestFrames.roce(GID6_A, GID6_B, 228, 100));
        feed(SmcrRoceLinksTestFrames.roce(GID6_B, GID6_A, 229, 0));
        feed(SmcrRoceLinksTestFrames.roce(GID6_A, GID6_B, 229, 0));     // QP 229 lives at A, not at B
        feed(SmcrRoceLinksTestFrames.roce(GID6_A, GID6_A, 228, 0));     // QP 228 lives at B
        feed(SmcrRoceLinksTestFrames.roce(GID6_A, GID6_B, 300, 0));     // unknown QP

        List<SmcrRoceLinks.Endpoint> all = links.endpoints();
        assertEquals(2, all.size());
        SmcrRoceLinks.Endpoint server = all.get(0);
        assertEquals(2, server.packets());
        int frameBytes = 14 + 40 + 8 + 12 + 100 + 4;
        assertEquals(2L * frameBytes, server.bytes());
        assertEquals(1, server.firstFrame());
        assertEquals(2000, server.lastNanos());
        assertArrayEquals(GID6_A, server.firstSource());
        SmcrRoceLinks.Endpoint client = all.get(1);
        assertEquals(1, client.packets());
        assertEquals(3, client.firstFrame());
        assertEquals(List.of(server, client), firsts);
    }

    @Test
    void ipv4RoceMatchesAnIpv4MappedGid() {
        links.announce(GID4_B, 0x1a4, true, IP4_A, 1, IP4_B, 2, 6);
        feed(SmcrRoceLinksTestFrames.roce(IP4_A, IP4_B, 0x1a4, 8));
        feed(SmcrRoceLinksTestFrames.roce(IP4_B, IP4_A, 0x1a4, 8));     // other direction: not B
        SmcrRoceLinks.Endpoint e = links.endpoints().getFirst();
        assertEquals(1, e.packets());
        assertArrayEquals(hex("0000 0000 0000 0000 0000 ffff 0a00 0001"), e.firstSource());
    }

    @Test
    void aRepeatedAnnouncementKeepsTheFirstAndManyQpsStillResolve() {
        links.announce(GID6_B, 228, true, IP4_A, 1, IP4_B, 2, 6);
        links.announce(GID6_B, 228, true, IP4_A, 3, IP4_B, 2, 60);
        assertEquals(1, links.endpoints().size());
        assertEquals("10.0.0.1:1", links.endpoints().getFirst().smcClient());
        assertEquals("10.0.0.2:2", links.endpoints().getFirst().smcServer());
        // enough QPs to make the table grow several times, with colliding QP numbers at other GIDs
        for (int q = 1; q <= 500; q++) {
            links.announce(GID6_A, q * 7, false, GID6_A, 1000 + q, GID6_B, 2, q);
            links.announce(GID6_B, q * 7, true, GID6_A, 1000 + q, GID6_B, 2, q);
        }
        feed(SmcrRoceLinksTestFrames.roce(GID6_B, GID6_A, 7 * 321, 0));
        SmcrRoceLinks.Endpoint hit = links.endpoints().stream().filter(e -> e.packets() > 0).findFirst().orElseThrow();
        assertEquals("fe80::9a03:9bff:feab:cdef:1321", hit.smcClient());
        assertEquals(false, hit.server());
        assertNull(links.endpoints().getFirst().firstSource());
    }

    @Test
    void beyondTheCapAnnouncementsAreDroppedAndSaidOnce() {
        int[] fullCalls = new int[1];
        SmcrRoceLinks capped = new SmcrRoceLinks(new SmcrRoceLinks.Listener() {
            @Override
            public void firstRocePacket(SmcrRoceLinks.Endpoint endpoint) { }

            @Override
            public void full() {
                fullCalls[0]++;
            }
        });
        for (int q = 1; q <= SmcrRoceLinks.MAX_ENDPOINTS + 10; q++) capped.announce(GID6_B, q, true, IP4_A, 1, IP4_B, 2, q);
        assertEquals(SmcrRoceLinks.MAX_ENDPOINTS, capped.endpoints().size());
        assertTrue(capped.full());
        assertEquals(1, fullCalls[0]);
    }
}
