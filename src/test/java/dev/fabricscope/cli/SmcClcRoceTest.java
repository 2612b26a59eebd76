package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.smc.SmcrRoceLinksTestFrames;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * smc-clc (and the smc summary) name the RoCE QP flows of SMC-R links: the shared 4-connection capture (connection 10001's Accept
 * announces server QP 228 = 0xe4, its Confirm client QP 229 = 0xe5, both at GID fe80::9a03:9bff:feab:cdef,
 * per synthetic-4conn.tshark-V.txt) followed by RoCEv2 packets written with our writer.
 */
class SmcClcRoceTest {
    private static final byte[] GID = dev.fabricscope.testing.ByteArrays.hex("fe80 0000 0000 0000 9a03 9bff feab cdef");

    /** Ethernet 14 + IPv6 40 + UDP 8 + BTH 12 + 64 payload bytes + ICRC 4. */
    private static final int FRAME_BYTES = 14 + 40 + 8 + 12 + 64 + 4;

    @TempDir
    Path tmp;

    private Path captureWithRoce() throws Exception {
        Path in = Oracles.sharedCapture("smc/synthetic-4conn.pcap");
        Path out = tmp.resolve("smc-and-roce.pcap");
        try (PacketSource src = CaptureFiles.open(in.toString(), ProblemReporter.IGNORE)) {
            CaptureInterface iface = new CaptureInterface("eth0", "", LinkType.EN10MB, 65535, 1000);
            try (CaptureWriter w = CaptureWriters.open(out.toString(), WriterOptions.pcap(iface))) {
                Packet p = new Packet();
                long last = 0;
                while (src.next(p)) {
                    w.write(p, iface);
                    last = p.timestampNanos();
                }
                // 3 to the server QP, 2 to the client QP, 1 to an unrelated QP
                int[] qps = {228, 229, 228, 300, 229, 228};
                for (int i = 0; i < qps.length; i++) {
                    byte[] frame = SmcrRoceLinksTestFrames.roce(GID, GID, qps[i], 64);
                    w.write(new Packet().set(frame, 0, frame.length, frame.length, last + (i + 1) * 1_000_000L, 0,
                        LinkType.EN10MB, 0), iface);
                }
            }
        }
        return out;
    }

    @Test
    void verboseTextNamesTheFlowsAndCountsThem() throws Exception {
        Oracles.requireTshark();
        Path f = captureWithRoce();
        {
            // the appended frames are what we think they are: RoCEv2 to those QPs
            Oracles.Run t = Oracles.run("tshark", "-r", f.toString(), "-Y", "infiniband", "-T", "fields", "-e",
                "infiniband.bth.destqp");
            assertEquals(List.of("0x0000e4", "0x0000e5", "0x0000e4", "0x00012c", "0x0000e5", "0x0000e4"),
                t.out().lines().toList(), t.err());
        }
        CliRun r = CliRun.of("smc-clc", "-f", f.toString(), "-show-timestamps=false", "-v");
        assertEquals(0, r.exitCode(), r.err());
        List<String> roce = r.out().lines().filter(l -> l.startsWith("RoCE")).toList();
        String g = "fe80::9a03:9bff:feab:cdef";
        String link = "SMC-R link of 10.0.0.1:10001 -> 10.0.0.2:50000";
        assertEquals(List.of(
            "RoCE " + g + " -> " + g + " QP 228: " + link + " (server QP, Accept frame 6)",
            "RoCE " + g + " -> " + g + " QP 229: " + link + " (client QP, Confirm frame 8)",
            "RoCE QP 228 at " + g + " (server QP of the SMC-R link 10.0.0.1:10001 -> 10.0.0.2:50000): 3 packets, " + 3 * FRAME_BYTES + " bytes",
            "RoCE QP 229 at " + g + " (client QP of the SMC-R link 10.0.0.1:10001 -> 10.0.0.2:50000): 2 packets, " + 2 * FRAME_BYTES + " bytes"),
            roce);
        // without -v the text is smc-clc's alone
        CliRun plain = CliRun.of("smc-clc", "-f", f.toString(), "-show-timestamps=false");
        assertTrue(plain.out().lines().noneMatch(l -> l.startsWith("RoCE")), plain.out());
    }

    @Test
    void jsonHasFlowAndTotalsObjects() throws Exception {
        Path f = captureWithRoce();
        CliRun r = CliRun.of("smc-clc", "-f", f.toString(), "-json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> flows = r.out().lines().filter(l -> l.contains("\"type\":\"roce_flow")).toList();
        assertEquals(4, flows.size(), r.out());
        assertTrue(flows.get(0).startsWith("{\"type\":\"roce_flow\",\"time\":"), flows.get(0));
        assertTrue(flows.get(0).contains("\"dest_qp\":228,\"side\":\"server\",\"smc_client\":\"10.0.0.1:10001\","
            + "\"smc_server\":\"10.0.0.2:50000\",\"clc_frame\":6}"), flows.get(0));
        assertTrue(flows.get(2).startsWith("{\"type\":\"roce_flow_totals\",\"dst\":\"fe80::9a03:9bff:feab:cdef\","
            + "\"dest_qp\":228,"), flows.get(2));
        assertTrue(flows.get(2).contains("\"packets\":3,\"bytes\":" + 3 * FRAME_BYTES + ","), flows.get(2));
    }

    @Test
    void summaryCountsTheRoceTrafficOfEachLink() throws Exception {
        Path f = captureWithRoce();
        CliRun r = CliRun.of("smc", "-r", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        String g = "fe80::9a03:9bff:feab:cdef";
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("RoCE traffic of SMC-R links (QPs from Accept/Confirm):");
        assertTrue(at > 0, r.out());
        assertEquals(List.of(
            "RoCE QP 228 at " + g + " (server QP of the SMC-R link 10.0.0.1:10001 -> 10.0.0.2:50000): 3 packets, " + 3 * FRAME_BYTES + " bytes",
            "RoCE QP 229 at " + g + " (client QP of the SMC-R link 10.0.0.1:10001 -> 10.0.0.2:50000): 2 packets, " + 2 * FRAME_BYTES + " bytes"),
            lines.subList(at + 1, lines.size()));

        CliRun json = CliRun.of("smc", "-r", f.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        List<String> totals = json.out().lines().filter(l -> l.startsWith("{\"type\":\"roce_flow_totals\"")).toList();
        assertEquals(2, totals.size(), json.out());
        assertTrue(totals.get(0).contains("\"dest_qp\":228,\"side\":\"server\",\"smc_client\":\"10.0.0.1:10001\","
            + "\"smc_server\":\"10.0.0.2:50000\",\"clc_frame\":6,\"packets\":3,"), totals.get(0));
        assertTrue(json.out().lines().toList().getLast().startsWith("{\"type\":\"summary\""), json.out());

        // without RoCE packets (the shared capture alone) there is no such section
        CliRun plain = CliRun.of("smc", "-r", Oracles.sharedCapture("smc/synthetic-4conn.pcap").toString());
        assertTrue(plain.out().lines().noneMatch(l -> l.startsWith("RoCE")), plain.out());
    }
}
