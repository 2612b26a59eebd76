package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rdma decode prints the CM message body after a CM MAD's header; values from the shared captures' README
 * (blog REQ: Local Comm ID 0x19ac2f7a, RDMA-CM port 18515, local QPN 0x1a4, IP CM source port 0xb1ee;
 * ERF handshake frames 7/8/9: REQ QPN 0x870408, REP remote comm ID 0xe9488627, REP QPN 0xfc0407).
 */
class RdmaDecodeCmBodyTest {
    @Test
    void realRoceV2RequestIsDecodedFieldByField() {
        CliRun r = CliRun.of("rdma", "decode", "-r",
            Oracles.sharedCapture("rdma/blog-ib_send_bw-rdma_cm-req-vlan6.pcap").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        String cm = lines.get(2);
        assertTrue(cm.startsWith("    CM REQ local_comm_id 0x19ac2f7a service_id 0x0000000001064853 (RDMA-CM TCP port 18515)"), cm);
        assertTrue(cm.contains(" qpn 0x0001a4 "), cm);
        assertTrue(cm.contains("port " + 0xb1ee + " -> 1.1.5.2"), cm);

        CliRun json = CliRun.of("rdma", "decode", "--json", "-r",
            Oracles.sharedCapture("rdma/blog-ib_send_bw-rdma_cm-req-vlan6.pcap").toString());
        assertTrue(json.out().contains("\"mad_class_name\":\"CM\""), json.out());
        assertTrue(json.out().contains("\"local_comm_id\":" + 0x19ac2f7a + ","), json.out());
    }

    @Test
    void nativeInfinibandHandshake() {
        CliRun r = CliRun.of("rdma", "decode", "-r",
            Oracles.sharedCapture("rdma/rdma-softroce-demo_infiniband_erf.pcap").toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> cm = r.out().lines().filter(l -> l.startsWith("    CM ")).toList();
        assertEquals(9, cm.size(), r.out());
        assertTrue(cm.get(0).startsWith("    CM REQ local_comm_id 0xe9488627 "), cm.get(0));
        assertTrue(cm.get(0).contains(" qpn 0x870408 "), cm.get(0));
        assertTrue(cm.get(1).startsWith("    CM REP local_comm_id 0xf9024539 remote_comm_id 0xe9488627 qpn 0xfc0407 "), cm.get(1));
        assertTrue(cm.get(2).startsWith("    CM RTU local_comm_id 0xe9488627 remote_comm_id 0xf9024539"), cm.get(2));
    }
}
