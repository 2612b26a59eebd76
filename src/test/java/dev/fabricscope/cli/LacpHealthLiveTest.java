package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fabricscope lacp health -i lo} in a real process (root, libpcap and python3 needed; CI has them): LACPDUs of
 * a port that names its own system as partner, sent on the loopback interface through an AF_PACKET socket, are
 * diagnosed {@code looped} while the capture runs; SIGTERM then ends it with the report and exit 3 (fault found).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LacpHealthLiveTest {
    @TempDir
    Path tmp;

    /** 802.1AX LACPDU: actor 32768/02:00:00:00:00:0a key 9 port 5 state 0x3d; partner the same system and port. */
    static final String SEND = String.join("\n",
            "import socket, struct",
            "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
            "s.bind(('lo', 0))",
            "info = struct.pack('!H6sHHHB3x', 32768, bytes.fromhex('02000000000a'), 9, 128, 5, 0x3d)",
            "pdu = bytes([1, 1, 1, 20]) + info + bytes([2, 20]) + info + bytes([3, 16]) + bytes(14) + bytes([0, 0]) + bytes(50)",
            "frame = bytes.fromhex('0180c2000002 020000000001 8809'.replace(' ', '')) + pdu",
            "for i in range(3): s.send(frame)");

    @Test
    void diagnosesALoopedPortLive() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTool("python3", "python3");
        String text;
        try (LiveRun live = LiveRun.start(tmp, 1, "lacp", "health", "-i", "lo", "--json")) {
            var sent = Oracles.run("python3", "-c", SEND);
            assertEquals(0, sent.exitCode(), sent.err());
            for (int i = 0; i < 100 && !live.out().contains("\"fault\":\"looped\""); i++) Thread.sleep(100);
            assertTrue(live.out().contains("\"fault\":\"looped\""), "fault printed while capturing: " + live.out() + live.err());
            assertEquals(3, live.stop(0), live.err());
            text = live.out();
        }
        List<String> lines = text.lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("\"type\":\"fault\"")).count(), String.join("\n", lines));
        assertTrue(lines.getLast().startsWith("{\"type\":\"summary\",") && lines.getLast().contains("\"faults\":1,"), lines.getLast());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"link\",\"interface\":\"lo\"")), String.join("\n", lines));
    }
}
