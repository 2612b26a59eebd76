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
 * {@code fabricscope lacp -i lo} in a real process (root, libpcap and python3 needed; CI has them): three
 * LACPDUs sent on the loopback interface through an AF_PACKET socket are decoded live, then SIGTERM ends
 * the run normally with exit 0.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LacpCommandLiveTest {
    @TempDir
    Path tmp;

    /** 802.1AX LACPDU: actor 32768/02:00:00:00:00:0a key 9 port 128/5 state 0x3d, partner zeros, delay 0. */
    static final String SEND = String.join("\n",
            "import socket, struct",
            "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)",
            "s.bind(('lo', 0))",
            "actor = bytes([1, 20]) + struct.pack('!H6sHHHB3x', 32768, bytes.fromhex('02000000000a'), 9, 128, 5, 0x3d)",
            "partner = bytes([2, 20]) + bytes(18)",
            "pdu = bytes([1, 1]) + actor + partner + bytes([3, 16]) + bytes(14) + bytes([0, 0]) + bytes(50)",
            "frame = bytes.fromhex('0180c2000002 020000000001 8809'.replace(' ', '')) + pdu",
            "for i in range(3): s.send(frame)");

    @Test
    void decodesLacpdusOnLoopback() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTool("python3", "python3");
        List<String> lines;
        String err;
        try (LiveRun live = LiveRun.start(tmp, 1, "lacp", "-i", "lo", "--json")) {
            var sent = Oracles.run("python3", "-c", SEND);
            assertEquals(0, sent.exitCode(), sent.err());
            for (int i = 0; i < 100 && live.out().lines().count() < 3; i++) Thread.sleep(100);
            assertEquals(0, live.stop(0), live.err());
            lines = live.out().lines().toList();
            err = live.err();
        }
        assertEquals(3, lines.size(), String.join("\n", lines) + err);
        for (String line : lines) {
            assertTrue(line.contains("\"interface\":\"lo\",\"src_mac\":\"02:00:00:00:00:01\",\"protocol\":\"lacp\""), line);
            assertTrue(line.contains("\"actor_system\":\"02:00:00:00:00:0a\",\"actor_system_priority\":32768,"
                    + "\"actor_key\":9,\"actor_port\":5,\"actor_port_priority\":128,\"actor_state\":61,"), line);
            assertTrue(line.endsWith("\"error\":null}"), line);
        }
        assertTrue(err.contains("packets received by filter"), err);
    }
}
