package dev.fabricscope.rdma.cm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * IPoIB connected mode in {@code rdma conntrack}'s lines: the service ID Linux ipoib_cm listens on
 * (0x1000000000000000 | UD QPN) is marked, and the IP endpoints are shown when known. The tracker's addresses are
 * compared with tshark on the shared ERF capture in {@link CmTrackerTest}.
 */
class IpoibCmTextTest {
    private static CmConnectionInfo connection(long serviceId, String ipoibClient, String ipoibServer) {
        return new CmConnectionInfo(1, "lid 0x0004", "lid 0x0001", ServiceIds.port(serviceId), serviceId, 0x10, 0x11,
            0x22, 0x870408, 0xfc0407, 0, 0xd40a55, 2048, 0, CmState.ESTABLISHED, 0, null, 1, 3, 1_000_000_000L,
            1_000_000_500L, -1, 1_000_001_000L, 7, 6, 780, 6, 276, -1, -1, "capture_end", ipoibClient, ipoibServer);
    }

    @Test
    void serviceIds() {
        assertTrue(ServiceIds.isIpoibCm(0x1000000000000404L));
        assertTrue(ServiceIds.isIpoibCm(0x1000000000ffffffL));
        assertFalse(ServiceIds.isIpoibCm(0x1000000001000404L));   // above a 24-bit QPN
        assertFalse(ServiceIds.isIpoibCm(ServiceIds.of(0x106, 18515)));
    }

    @Test
    void textAndJson() {
        StringBuilder line = new StringBuilder();
        CmConnectionText.appendLine(line, connection(0x1000000000000404L, "10.0.1.34", "10.0.0.58"));
        assertTrue(line.toString().contains(" service_id 0x1000000000000404 (IPoIB-CM) ESTABLISHED "), line.toString());
        assertTrue(line.toString().contains(", mtu 2048, ipoib 10.0.1.34 -> 10.0.0.58, c->s 6 pkts"), line.toString());
        StringBuilder json = new StringBuilder();
        CmConnectionText.appendJson(json, connection(0x1000000000000404L, "10.0.1.34", "10.0.0.58"));
        assertTrue(json.toString().contains("\"ipoib_cm\":true,\"ipoib_client_ip\":\"10.0.1.34\","
            + "\"ipoib_server_ip\":\"10.0.0.58\"}"), json.toString());
    }

    @Test
    void otherConnectionsSayNothingOfIpoib() {
        long rdmaCm = ServiceIds.of(0x106, 18515);
        StringBuilder line = new StringBuilder();
        CmConnectionText.appendLine(line, connection(rdmaCm, null, null));
        assertFalse(line.toString().contains("IPoIB") || line.toString().contains("ipoib"), line.toString());
        StringBuilder json = new StringBuilder();
        CmConnectionText.appendJson(json, connection(rdmaCm, null, null));
        assertTrue(json.toString().contains("\"ipoib_cm\":false,\"ipoib_client_ip\":null,\"ipoib_server_ip\":null}"),
            json.toString());
    }
}
