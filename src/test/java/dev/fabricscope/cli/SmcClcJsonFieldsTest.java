package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * smc-clc -json per-field members against tshark's SMC dissector on the same frames (the oracle):
 * QP numbers, PSNs, RKeys, GIDs, MACs, virtual addresses, decline codes, IPv4 prefixes.
 */
class SmcClcJsonFieldsTest {
    /** tshark field, our JSON member, and how tshark's text becomes ours. */
    private record Check(String tsharkField, String member, boolean hexNumber) { }

    private static final List<Check> CHECKS = List.of(
        new Check("smc.accept.server.qp.number", "qp_number", true),
        new Check("smc.confirm.client.qp.number", "qp_number", true),
        new Check("smc.accept.initial.psn", "psn", true),
        new Check("smc.initial.psn", "psn", true),
        new Check("smc.accept.server.rmb.rkey", "rmb_rkey", true),
        new Check("smc.confirm.client.rmb.rkey", "rmb_rkey", true),
        new Check("smc.accept.server.preferred.gid", "smcr_gid", false),
        new Check("smc.client.gid", "smcr_gid", false),
        new Check("smc.proposal.client.preferred.gid", "smcr_gid", false),
        new Check("smc.proposal.client.preferred.mac", "roce_mac", false),
        new Check("smc.accept.server.preferred.mac", "roce_mac", false),
        new Check("smc.confirm.client.mac", "roce_mac", false),
        new Check("smc.peer.diag.info", "peer_diagnosis", false),
        new Check("smc.accept.server.rmb.virtual.address", "rmb_virtual_address", true),
        new Check("smc.client.rmb.virtual.address", "rmb_virtual_address", true));

    @Test
    void fieldsEqualTsharksOnTheSharedCaptures() {
        Oracles.requireTshark();
        int compared = 0;
        for (String name : List.of("smc/synthetic-4conn.pcap", "smc/synthetic-edge.pcap")) {
            compared += compare(Oracles.sharedCapture(name));
        }
        assertTrue(compared >= 40, "fields compared: " + compared);
    }

    private static int compare(Path capture) {
        CliRun ours = CliRun.of("smc-clc", "-f", capture.toString(), "-json");
        assertEquals(0, ours.exitCode(), ours.err());
        // frame -> its JSON lines (a frame can carry several messages: compare against the one of its type)
        Map<Long, List<String>> byFrame = new HashMap<>();
        for (String line : ours.out().lines().toList()) {
            byFrame.computeIfAbsent(Long.parseLong(member(line, "frame")), f -> new java.util.ArrayList<>()).add(line);
        }
        List<String> command = new java.util.ArrayList<>(List.of("tshark", "-r", capture.toString(), "-Y", "smc",
            "-T", "fields", "-E", "occurrence=f", "-e", "frame.number", "-e", "smc.clc_msg"));
        for (Check c : CHECKS) command.addAll(List.of("-e", c.tsharkField()));
        Oracles.Run tshark = Oracles.run(command);
        assertEquals(0, tshark.exitCode(), tshark.err());
        int compared = 0;
        for (String row : tshark.out().lines().toList()) {
            String[] cols = row.split("\t", -1);
            List<String> lines = byFrame.get(Long.parseLong(cols[0]));
            if (lines == null) continue;   // tshark decodes a frame we report as malformed (see the edge README)
            String type = switch (cols[1]) {
                case "1" -> "Proposal";
                case "2" -> "Accept";
                case "3" -> "Confirm";
                case "4" -> "Decline";
                default -> "?";
            };
            for (int i = 0; i < CHECKS.size(); i++) {
                String expected = cols[2 + i];
                if (expected.isEmpty()) continue;
                Check c = CHECKS.get(i);
                // tshark's first occurrence: the frame's message of the first type, else (segment carrying two
                // messages, e.g. Proposal + Confirm) the one that has the member
                String key = "\"" + c.member() + "\":";
                String line = lines.stream().filter(l -> type.equals(member(l, "type")) && l.contains(key)).findFirst()
                    .orElseGet(() -> lines.stream().filter(l -> l.contains(key)).findFirst().orElse(null));
                assertTrue(line != null, capture.getFileName() + " frame " + cols[0] + ": no " + c.member() + " in " + lines);
                String actual = member(line, c.member());
                if (c.hexNumber()) {
                    long value = Long.parseUnsignedLong(expected.substring(2), 16);
                    expected = c.member().equals("rmb_virtual_address") ? "0x" + Long.toHexString(value) : Long.toString(value);
                }
                assertEquals(expected, actual, capture.getFileName() + " frame " + cols[0] + " " + c.member() + ": " + line);
                compared++;
            }
        }
        return compared;
    }

    /** The SMCv2 Decline's 4 extra codes: the payload words at CLC bytes 24..39, as tshark extracts the payload. */
    @Test
    void additionalDiagnosesAreTheFourWordsAfterTheOsType() {
        Oracles.requireTshark();
        Path edge = Oracles.sharedCapture("smc/synthetic-edge.pcap");
        Oracles.Run tshark = Oracles.run("tshark", "-r", edge.toString(), "-Y", "tcp.dstport==20002 && smc", "-T",
            "fields", "-e", "frame.number", "-e", "tcp.payload");
        assertEquals(0, tshark.exitCode(), tshark.err());
        String[] cols = tshark.out().strip().split("\t");
        StringBuilder expected = new StringBuilder("\"additional_diagnoses\":[");
        for (int i = 0; i < 4; i++) {
            String word = cols[1].substring(48 + 8 * i, 56 + 8 * i);
            expected.append("{\"code\":\"0x").append(word).append("\",");
        }
        CliRun ours = CliRun.of("smc-clc", "-f", edge.toString(), "-json");
        String line = ours.out().lines().filter(l -> l.contains("\"frame\":" + cols[0] + ",")).findFirst().orElseThrow();
        String actual = line.substring(line.indexOf("\"additional_diagnoses\":"));
        // compare the codes only (names are ClcNames', tested against the kernel table elsewhere)
        assertEquals(expected.toString(), actual.replaceAll("\"name\":\"[^\"]*\"},?", "").replaceFirst("].*", ""));
    }

    /** The text of a top-level scalar member (strings unquoted); fails when absent. */
    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|[-0-9a-z.]+)").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
