package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.rdma.QpsScenarioFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command on the hand-built scenario of QpStatsTableTest (counts worked out there by hand). */
class RdmaQpsCommandTest {
    @TempDir
    Path dir;

    @Test
    void tableWorstFirstWithTimeline() throws Exception {
        Path f = QpsScenarioFile.write(dir.resolve("s.pcap"));
        CliRun r = CliRun.of("rdma", "qps", "-r", f.toString(), "--timeline");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("congestion timeline (1000 ms intervals, packet time):", lines[0]);
        assertEquals("1970-01-01T00:16:40Z  prio 3: ce 1, cnp 1, pfc pause 1, resume 1", lines[1]);
        assertEquals("1970-01-01T00:16:40Z  qp 10.0.0.2 > 10.0.0.1 0x000020: ce 0, cnp 1", lines[2]);
        assertEquals("1970-01-01T00:16:40Z  qp 10.0.0.1 > 10.0.0.2 0x000010: ce 1, cnp 0", lines[3]);
        assertEquals("1970-01-01T00:16:42Z  802.3x PAUSE: ce 0, cnp 0, pfc pause 1, resume 0", lines[4]);
        assertTrue(lines[9].startsWith("src "), r.out());
        assertTrue(lines[10].matches("10\\.0\\.0\\.2 +10\\.0\\.0\\.1 +0x000020 +6 +\\d+ +0 +0 +0 +0 +2 +1 +0 +2 0,48 .*"), lines[10]);
        assertTrue(lines[11].matches("10\\.0\\.0\\.1 +10\\.0\\.0\\.2 +0x000010 +12 +\\d+ +2 +4 +2 +1 +0 +0 +1 +0 0,26 +RC SEND Only 11, RC RDMA READ Request 1"), lines[11]);
        assertTrue(r.out().contains("PFC frames 3, 802.3x PAUSE frames 1; prio 0: 1 pause/0 resume; prio 3: 2 pause/1 resume; 802.3x: 1 pause/0 resume\n"), r.out());
    }

    @Test
    void json() throws Exception {
        Path f = QpsScenarioFile.write(dir.resolve("s.pcap"));
        CliRun r = CliRun.of("rdma", "qps", "-r", f.toString(), "--json", "--timeline", "--interval", "2000");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length, r.out()); // 2 intervals (1000-1001 s, 1002-1003 s), 2 QPs, the summary
        assertTrue(lines[0].startsWith("{\"type\":\"interval\",\"start\":\"1970-01-01T00:16:40Z\",\"interval_ms\":2000,"), lines[0]);
        assertTrue(lines[0].contains("{\"priority\":3,\"ce_marks\":1,\"cnps\":1,\"pfc_pauses\":1,\"pfc_resumes\":1}"), lines[0]);
        assertTrue(lines[1].startsWith("{\"type\":\"interval\",\"start\":\"1970-01-01T00:16:42Z\""), lines[1]);
        assertTrue(lines[2].contains("\"src\":\"10.0.0.2\",\"dst\":\"10.0.0.1\",\"dest_qp\":32,\"packets\":6,"), lines[2]);
        assertTrue(lines[2].contains("\"naks\":2,\"rnr_naks\":1,\"nak_codes\":{\"psn_sequence_error\":1,\"invalid_request\":0,"
            + "\"remote_access_error\":1,"), lines[2]);
        assertTrue(lines[2].contains("\"cnps\":2,\"dscp\":[0,48],\"priority\":3,"), lines[2]);
        assertTrue(r.out().contains("{\"type\":\"summary\",\"qps\":2,\"evicted_qps\":0,\"pfc_frames\":3,\"pause_frames\":1,"
            + "\"pfc_pauses\":[1,0,0,2,0,0,0,0],\"pfc_resumes\":[0,0,0,1,0,0,0,0],\"pause_8023x_pauses\":1,\"pause_8023x_resumes\":0}"), r.out());
    }

    @Test
    void userErrors() {
        CliRun r = CliRun.of("rdma", "qps", "-r", "x.pcap", "-i", "eth0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("give either -r or -i, not both"), r.err());
        r = CliRun.of("rdma", "qps", "-r", dir.resolve("missing.pcap").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
        r = CliRun.of("rdma", "qps", "-r", dir.resolve("missing.pcap").toString(), "--interval", "0");
        assertEquals(2, r.exitCode());
    }
}
