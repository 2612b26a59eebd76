package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.rdma.cm.CmDemoCapture;
import dev.fabricscope.testing.Oracles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rdma conntrack} and {@code rdma query} on captures built by our writer (CmDemoCapture), checked
 * against tshark's decoding of the same files (client/server addresses, comm IDs and QPNs of every REQ and
 * REP) and against the shared captures' README.
 */
class RdmaConntrackCommandTest {
    @TempDir
    Path tmp;

    private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\":(\"[^\"]*\"|-?\\d+|null|true|false)");

    static List<Map<String, String>> objects(String out, String type) {
        return out.lines().map(l -> {
            Map<String, String> m = new HashMap<>();
            Matcher x = FIELD.matcher(l);
            while (x.find()) m.putIfAbsent(x.group(1), x.group(2).replace("\"", ""));
            return m;
        }).filter(m -> type.equals(m.get("type"))).toList();
    }

    /** tshark's view of the REQs and REPs: "client server commid qpn" rows. */
    static Set<String> tsharkHandshakes(Path f, String attr, String commField, String qpnField) {
        Oracles.Run r = Oracles.run("tshark", "-r", f.toString(), "-Y", "infiniband.mad.attributeid==" + attr,
            "-T", "fields", "-E", "separator=,", "-e", "ip.src", "-e", "ipv6.src", "-e", "ip.dst", "-e", "ipv6.dst",
            "-e", commField, "-e", qpnField);
        assertEquals(0, r.exitCode(), r.err());
        Set<String> out = new HashSet<>();
        for (String line : r.out().strip().split("\n")) {
            String[] t = line.split(",", -1);
            out.add((t[0] + t[1]) + " " + (t[2] + t[3]) + " " + Long.decode(t[4]) + " " + Long.decode(t[5]));
        }
        return out;
    }

    @Test
    void jsonConnectionsMatchTsharkReqAndRep() throws Exception {
        Oracles.requireTshark();
        for (String name : List.of("v4.pcap", "v6.pcap")) {
            Path f = tmp.resolve(name);
            if (name.startsWith("v4")) CmDemoCapture.writeIpv4(f);
            else CmDemoCapture.writeIpv6Vlan(f);
            CliRun run = CliRun.of("rdma", "conntrack", "-r", f.toString(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            List<Map<String, String>> conns = objects(run.out(), "connection");
            Set<String> ours = new HashSet<>();
            Set<String> oursRep = new HashSet<>();
            for (Map<String, String> c : conns) {
                ours.add(c.get("client_ip") + " " + c.get("server_ip") + " " + c.get("client_comm_id") + " " + c.get("client_qpn"));
                if (!c.get("server_qpn").equals("-1")) {
                    oursRep.add(c.get("server_ip") + " " + c.get("client_ip") + " " + c.get("client_comm_id") + " " + c.get("server_qpn"));
                }
            }
            assertEquals(tsharkHandshakes(f, "0x0010", "infiniband.cm.req", "infiniband.cm.req.localqpn"), ours, name);
            assertEquals(tsharkHandshakes(f, "0x0013", "infiniband.cm.rep.remotecommid", "infiniband.cm.rep.localqpn"),
                oursRep, name);
        }
    }

    @Test
    void statesRejectReasonAndDataCounts() throws Exception {
        Path f = tmp.resolve("v4.pcap");
        CmDemoCapture.writeIpv4(f);
        CliRun run = CliRun.of("rdma", "conntrack", "-r", f.toString(), "--json");
        List<Map<String, String>> conns = objects(run.out(), "connection");
        assertEquals(2, conns.size(), run.out());
        Map<String, String> rej = conns.stream().filter(c -> c.get("state").equals("REJECTED")).findFirst().orElseThrow();
        assertEquals("28", rej.get("reject_reason"));
        assertEquals("Consumer Reject", rej.get("reject_reason_name"));
        Map<String, String> disc = conns.stream().filter(c -> c.get("state").equals("DISCONNECTED")).findFirst().orElseThrow();
        assertEquals("7471", disc.get("port"));
        assertEquals(String.valueOf(0x0106L << 16 | 7471), disc.get("service_id"));
        assertEquals("4", disc.get("packets"), "3 SENDs to the server QP and 1 ACK back");
        assertEquals(1, objects(run.out(), "unmatched").size());
        assertEquals(1, objects(run.out(), "summary").size());

        CliRun text = CliRun.of("rdma", "conntrack", "-r", f.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains(" 10.1.0.3 -> 10.1.0.2 port 7471 REJECTED (reason 28 Consumer Reject, by server)"), text.out());
        assertTrue(text.out().contains("RTU for no tracked connection"), text.out());
        assertTrue(text.out().contains("DISCONNECTED          1"), text.out());
    }

    @Test
    void queryAnswersEstablishedFlowsOnly() throws Exception {
        Path f = tmp.resolve("v6.pcap");
        CmDemoCapture.writeIpv6Vlan(f);
        CliRun ok = CliRun.of("rdma", "query", "-r", f.toString(), "--src", "2001:db8::1", "--dst", "2001:db8::2", "--dqpn", "0x1a5");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals(String.valueOf(0x1a4), ok.out().strip());
        CliRun back = CliRun.of("rdma", "query", "-r", f.toString(), "--src", "2001:db8::2", "--dst", "2001:db8::1", "--dqpn", "420");
        assertEquals(String.valueOf(0x1a5), back.out().strip());
        CliRun none = CliRun.of("rdma", "query", "-r", f.toString(), "--src", "2001:db8::1", "--dst", "2001:db8::2", "--dqpn", "7");
        assertEquals(1, none.exitCode());
        assertEquals("", none.out());
        assertTrue(none.err().contains("no established RDMA-CM connection"), none.err());
        Path v4 = tmp.resolve("v4.pcap");
        CmDemoCapture.writeIpv4(v4);
        CliRun disconnected = CliRun.of("rdma", "query", "-r", v4.toString(), "--src", "10.1.0.1", "--dst", "10.1.0.2", "--dqpn", "0x456");
        assertEquals(1, disconnected.exitCode(), "DREQ/DREP ended it");
        assertEquals(2, CliRun.of("rdma", "query", "-r", v4.toString(), "--src", "host.example", "--dst", "10.1.0.2", "--dqpn", "1").exitCode());
        assertEquals(2, CliRun.of("rdma", "query", "-r", v4.toString(), "--src", "10.1.0.1", "--dst", "10.1.0.2", "--dqpn", "0xzz").exitCode());
        assertEquals(2, CliRun.of("rdma", "conntrack", "-i", "lo", "-r", v4.toString()).exitCode());
    }

    /** A QP found before the file's damage is still printed; the exit status says the file was damaged. */
    @Test
    void queryOnADamagedFileAnswersAndExitsOne() throws Exception {
        Path f = tmp.resolve("v6.pcap");
        CmDemoCapture.writeIpv6Vlan(f);
        byte[] whole = Files.readAllBytes(f);
        byte[] damaged = Arrays.copyOf(whole, whole.length + 16 + 10);
        // a last record header that promises 100 bytes (little-endian pcap, as our writer writes), then 10 of them
        ByteBuffer.wrap(damaged, whole.length, 16).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(1).putInt(0).putInt(100).putInt(100);
        Files.write(f, damaged);
        CliRun r = CliRun.of("rdma", "query", "-r", f.toString(), "--src", "2001:db8::1", "--dst", "2001:db8::2",
            "--dqpn", "0x1a5");
        assertEquals(String.valueOf(0x1a4), r.out().strip());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("truncated record"), r.err());
    }

    @Test
    void sharedCapturesPerReadme() throws Exception {
        Path blog = Oracles.sharedCapture("rdma/blog-ib_send_bw-rdma_cm-req-vlan6.pcap");
        CliRun run = CliRun.of("rdma", "conntrack", "-r", blog.toString(), "--json");
        List<Map<String, String>> c = objects(run.out(), "connection");
        assertEquals(1, c.size());
        assertEquals("REQ_SENT", c.get(0).get("state"));
        assertEquals(String.valueOf(0x19ac2f7aL), c.get(0).get("client_comm_id"));
        assertEquals("18515", c.get(0).get("port"));
        assertEquals(String.valueOf(0x1a4), c.get(0).get("client_qpn"));
        assertEquals(String.valueOf(0xb1ee), c.get(0).get("cma_source_port"));
        Path erf = Oracles.sharedCapture("rdma/rdma-softroce-demo_infiniband_erf.pcap");
        List<Map<String, String>> ib = objects(CliRun.of("rdma", "conntrack", "-r", erf.toString(), "--json").out(), "connection");
        assertEquals(3, ib.size());
        assertTrue(ib.stream().allMatch(x -> x.get("state").equals("ESTABLISHED")));
        assertEquals(String.valueOf(0x870408), ib.get(0).get("client_qpn"));
        assertEquals(String.valueOf(0xfc0407), ib.get(0).get("server_qpn"));
    }

    @Test
    void helpDescribesTheCommands() {
        CliRun help = CliRun.of("rdma", "conntrack", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("REJECTED"), help.out());
        assertTrue(CliRun.of("rdma", "query", "--help").out().contains("--dqpn"));
    }
}
