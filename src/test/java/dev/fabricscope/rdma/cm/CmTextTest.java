package dev.fabricscope.rdma.cm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.json.JsonLine;
import org.junit.jupiter.api.Test;

class CmTextTest {
    @Test
    void reqLineAndJsonCarryTheFields() {
        CmFrames.Host a = CmFrames.Host.of("10.0.0.1", 1);
        CmFrames.Host b = CmFrames.Host.of("10.0.0.2", 2);
        var d = (CmParseResult.Decoded) CmParser.parse(CmFrames.mad(0x10, 0x42,
            CmFrames.req(0x1234L, ServiceIds.of(0x106, 18515), 9, 0x1a4, 0x28a538, 3, a, b, CmFrames.cmaHeader(45550, a, b))));
        StringBuilder sb = new StringBuilder();
        CmText.appendMad(sb, d.mad());
        assertEquals("MAD CM class_version 2 Send REQ tid 0x0000000000000042", sb.toString());
        sb.setLength(0);
        CmText.append(sb, d.message());
        String s = sb.toString();
        assertTrue(s.startsWith("CM REQ local_comm_id 0x00001234 service_id 0x0000000001064853 (RDMA-CM TCP port 18515)"), s);
        assertTrue(s.contains(" qpn 0x0001a4 start_psn 0x28a538 transport RC mtu 1024 "), s);
        assertTrue(s.contains(" gid 10.0.0.1->10.0.0.2 "), s);
        assertTrue(s.endsWith(" cma v0 ip4 10.0.0.1 port 45550 -> 10.0.0.2"), s);
        sb.setLength(0);
        JsonLine j = new JsonLine(sb).begin();
        CmText.appendJsonFields(j, d.message());
        j.end();
        assertTrue(sb.toString().contains("\"local_comm_id\":4660,\"service_id\":17188947,\"port\":18515"), sb.toString());
    }

    @Test
    void ipv6TextIsCompressed() {
        byte[] a = new byte[16];
        a[0] = (byte) 0xfe;
        a[1] = (byte) 0x80;
        a[15] = 1;
        assertEquals("fe80::1", AddressText.ip(a));
        assertEquals("::", AddressText.ip(new byte[16]));
    }

    @Test
    void rejectReasonNames() {
        assertEquals("Consumer Reject", RejectReasons.name(28));
        assertEquals("Invalid Alternate Flow Label", RejectReasons.name(33));
        assertEquals("No QP available", RejectReasons.name(1));
        assertEquals("Unknown reason 99", RejectReasons.name(99));
    }
}
