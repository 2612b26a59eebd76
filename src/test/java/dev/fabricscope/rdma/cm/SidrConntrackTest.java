package dev.fabricscope.rdma.cm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rdma conntrack} on SIDR exchanges: one line (or JSON object) per resolution, and the summary counts. */
class SidrConntrackTest {
    @TempDir
    Path tmp;

    private Path capture() throws Exception {
        CmFrames.Host c = CmFrames.Host.of("10.1.0.1", 1);
        CmFrames.Host s = CmFrames.Host.of("10.1.0.2", 2);
        long sid = ServiceIds.of(0x111, 4791);
        CmFrames f = new CmFrames();
        f.cm(1_000_000, c, s, CmFrames.mad(0x17, 1, CmFrames.sidrReq(0xabcdef, 0xffff, sid)));
        f.cm(1_000_500, s, c, CmFrames.mad(0x18, 1, CmFrames.sidrRep(0xabcdef, 0, 0x321, sid, 0x11223344L)));
        f.cm(2_000_000, c, s, CmFrames.mad(0x17, 2, CmFrames.sidrReq(7, 0xffff, ServiceIds.of(0x111, 5000))));
        f.cm(2_100_000, c, s, CmFrames.mad(0x17, 2, CmFrames.sidrReq(7, 0xffff, ServiceIds.of(0x111, 5000))));
        Path file = tmp.resolve("sidr.pcap");
        f.write(file);
        return file;
    }

    private static List<String> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        return out.toString().lines().toList();
    }

    @Test
    void textLines() throws Exception {
        List<String> lines = run("rdma", "conntrack", "-r", capture().toString());
        assertEquals("1970-01-01T00:00:01Z 10.1.0.1 -> 10.1.0.2 port 4791 SIDR success server qpn 0x000321 qkey 0x11223344,"
            + " request 0x00abcdef, 1 SIDR_REQ", lines.get(0));
        assertEquals("1970-01-01T00:00:02Z 10.1.0.1 -> 10.1.0.2 port 5000 SIDR no reply, request 0x00000007, 2 SIDR_REQs",
            lines.get(1));
        assertEquals("SIDR resolutions 2, answered 1, no reply 1", lines.getLast());
    }

    @Test
    void jsonLines() throws Exception {
        List<String> lines = run("rdma", "conntrack", "-r", capture().toString(), "--json");
        assertEquals("{\"type\":\"sidr\",\"client_ip\":\"10.1.0.1\",\"server_ip\":\"10.1.0.2\",\"port\":4791,"
            + "\"service_id\":" + ServiceIds.of(0x111, 4791) + ",\"request_id\":11259375,\"p_key\":65535,\"requests\":1,"
            + "\"vlan\":-1,\"status\":0,\"status_name\":\"success\",\"server_qpn\":801,\"q_key\":287454020,"
            + "\"request_time\":\"1970-01-01T00:00:01Z\",\"request_frame\":1,\"reply_time\":\"1970-01-01T00:00:01.000500Z\","
            + "\"reply_frame\":2}", lines.get(0));
        assertEquals("{\"type\":\"sidr\",\"client_ip\":\"10.1.0.1\",\"server_ip\":\"10.1.0.2\",\"port\":5000,"
            + "\"service_id\":" + ServiceIds.of(0x111, 5000) + ",\"request_id\":7,\"p_key\":65535,\"requests\":2,"
            + "\"vlan\":-1,\"status\":-1,\"status_name\":null,\"server_qpn\":-1,\"q_key\":-1,"
            + "\"request_time\":\"1970-01-01T00:00:02Z\",\"request_frame\":3,\"reply_time\":null,\"reply_frame\":-1}",
            lines.get(1));
        assertEquals(true, lines.getLast().contains("\"sidr_answered\":1,\"sidr_unanswered\":1"), lines.getLast());
    }
}
