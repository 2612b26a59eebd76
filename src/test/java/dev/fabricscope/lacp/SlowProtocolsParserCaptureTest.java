package dev.fabricscope.lacp;

import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parser on the shared captures against Wireshark: the recorded {@code tshark -V -c 1} output of
 * LACP.pcap frame 1 (LACP.frame1.tshark-V.txt), tshark run by the test on every frame of LACP.pcap and
 * synthetic-marker.pcap (skipped without tshark), and the OSSP frame's bytes as slow-ossp.out dumps them.
 */
class SlowProtocolsParserCaptureTest {

    static List<SlowProtocolsParseResult> parseAll(Path file) throws Exception {
        List<SlowProtocolsParseResult> out = new ArrayList<>();
        Packet p = new Packet();
        Layers l = new Layers();
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (src.next(p)) {
                Dissector.dissect(p, l);
                out.add(SlowProtocolsParser.parse(p, l));
            }
        }
        return out;
    }

    @Test
    void frame1MatchesRecordedTsharkDecode() throws Exception {
        String v = Files.readString(Oracles.sharedCapture("lacp/LACP.frame1.tshark-V.txt"));
        LacpPdu pdu = (LacpPdu) parseAll(Oracles.sharedCapture("lacp/LACP.pcap")).getFirst().pdu();
        assertEquals(field(v, "LACP Version: 0x(\\w+)", 16), pdu.version());
        assertEquals(field(v, "Actor System Priority: (\\d+)", 10), pdu.actor().systemPriority());
        assertEquals(text(v, "Actor System ID: .*\\((.*)\\)"), pdu.actor().systemMac());
        assertEquals(field(v, "Actor Key: (\\d+)", 10), pdu.actor().key());
        assertEquals(field(v, "Actor Port Priority: (\\d+)", 10), pdu.actor().portPriority());
        assertEquals(field(v, "Actor Port: (\\d+)", 10), pdu.actor().port());
        assertEquals(field(v, "Actor State: 0x(\\w+)", 16), pdu.actor().state());
        assertEquals(field(v, "Partner System Priority: (\\d+)", 10), pdu.partner().systemPriority());
        assertEquals(text(v, "Partner System: .*\\((.*)\\)"), pdu.partner().systemMac());
        assertEquals(field(v, "Partner Key: (\\d+)", 10), pdu.partner().key());
        assertEquals(field(v, "Partner Port Priority: (\\d+)", 10), pdu.partner().portPriority());
        assertEquals(field(v, "Partner Port: (\\d+)", 10), pdu.partner().port());
        assertEquals(field(v, "Partner State: 0x(\\w+)", 16), pdu.partner().state());
        assertEquals(field(v, "Collector Max Delay: (\\d+)", 10), pdu.collectorMaxDelay());
        // the flag words tshark spells out: "Actor State: 0x85, LACP Activity, Aggregation, Expired"
        assertTrue(pdu.actor().activity() && pdu.actor().aggregation() && pdu.actor().expired());
        assertFalse(pdu.actor().timeout() || pdu.actor().synchronization() || pdu.actor().defaulted());
        assertTrue(pdu.partner().timeout() && pdu.partner().collecting() && pdu.partner().distributing());
    }

    @Test
    void everyLacpFrameMatchesTshark() throws Exception {
        Path file = Oracles.sharedCapture("lacp/LACP.pcap");
        Oracles.requireTshark();
        String[] f = {"actor.sys_priority", "actor.sysid", "actor.key", "actor.port_priority", "actor.port",
            "actor.state", "partner.sys_priority", "partner.sysid", "partner.key", "partner.port_priority",
            "partner.port", "partner.state", "collector.max_delay"};
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-e", "lacp.version"));
        for (String name : f) cmd.addAll(List.of("-e", "lacp." + name));
        var run = Oracles.run(cmd);
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = run.out().lines().toList();
        List<SlowProtocolsParseResult> ours = parseAll(file);
        assertEquals(20, expected.size());
        assertEquals(expected.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertNull(ours.get(i).error(), "frame " + (i + 1));
            LacpPdu pdu = (LacpPdu) ours.get(i).pdu();
            LacpPortInfo a = pdu.actor(), b = pdu.partner();
            // tshark prints u16 fields in decimal, version and state octets as 0x.., MACs as aa:bb:..
            String line = String.format("0x%02x", pdu.version()) + "," + a.systemPriority() + "," + a.systemMac() + "," + a.key() + ","
                    + a.portPriority() + "," + a.port() + "," + String.format("0x%02x", a.state()) + ","
                    + b.systemPriority() + "," + b.systemMac() + "," + b.key() + "," + b.portPriority() + ","
                    + b.port() + "," + String.format("0x%02x", b.state()) + "," + pdu.collectorMaxDelay();
            assertEquals(expected.get(i), line, "frame " + (i + 1));
        }
    }

    @Test
    void markerFramesMatchTshark() throws Exception {
        Path file = Oracles.sharedCapture("lacp/synthetic-marker.pcap");
        Oracles.requireTshark();
        var run = Oracles.run("tshark", "-r", file.toString(), "-T", "fields", "-E", "separator=,",
                "-E", "occurrence=f", "-e", "marker.version", "-e", "marker.tlvType", "-e", "marker.requesterPort",
                "-e", "marker.requesterSystem", "-e", "marker.requesterTransId");
        assertEquals(0, run.exitCode(), run.err());
        List<String> expected = run.out().lines().toList();
        List<SlowProtocolsParseResult> ours = parseAll(file);
        assertEquals(2, expected.size());
        for (int i = 0; i < 2; i++) {
            MarkerPdu m = (MarkerPdu) ours.get(i).pdu();
            assertNull(ours.get(i).error());
            assertEquals(expected.get(i), String.format("0x%02x,0x%02x,", m.version(), m.tlvType()) + m.requesterPort() + ","
                    + LacpPortInfo.formatMac(m.requesterSystem()) + "," + m.transactionId(), "frame " + (i + 1));
        }
    }

    @Test
    void osspFrameAsTcpdumpMasterDumpsIt() throws Exception {
        // slow-ossp.out (tcpdump master): "OUI: ITU-T (0x0019a7)" then the bytes after the OUI: 0001 ...
        String out = Files.readString(Oracles.sharedCapture("lacp/slow-ossp.out"));
        int oui = Integer.parseInt(text(out, "OUI: .*\\(0x(\\w+)\\)"), 16);
        int itut = Integer.parseInt(text(out, "0x0000:  (\\w{4})"), 16);
        int length = Integer.parseInt(text(out, "OSSP, length (\\d+)"));
        assertEquals(new OsspPdu(oui, itut, length), parseAll(Oracles.sharedCapture("lacp/slow-ossp.pcap")).getFirst().pdu());
    }

    private static int field(String text, String regex, int radix) {
        return Integer.parseInt(text(text, regex), radix);
    }

    private static String text(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "oracle text lacks " + regex);
        return m.group(1);
    }
}
