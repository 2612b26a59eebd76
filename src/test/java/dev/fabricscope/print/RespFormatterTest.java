package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis RESP on TCP 6379 against tcpdump 4.99 itself, whole and cut after every byte. */
class RespFormatterTest {
    @TempDir
    Path dir;

    private static Frame segment(int sport, int dport, String payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, 0x018, 502, 0, new byte[0],
            payload.getBytes(StandardCharsets.ISO_8859_1), IP_A, IP_B))));
    }

    static List<Frame> frames() {
        String[] payloads = {"*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n", "+OK\r\n", "-ERR unknown command\r\n",
            ":1000\r\n", "$0\r\n\r\n", "$-1\r\n", "*0\r\n", "*-1\r\n", "$-2\r\n", "$99999999999\r\n", "$x\r\n",
            "$12\r\nab\r\n", "$3\r\nabc", "$3\r\nabcX\r\n", "*2\r\n:1\r\n", "*2\r\n*1\r\n+a\r\n$1\r\nb\r\n",
            "PING\r\nPING\r\n", "\r\n\r\nPING", "PING", "*1\r\n$4\r\nPI\u0001\u00e9\r\n",
            "*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n", "+no end", ":12\r", "$3\rabc",
            "*2147483648\r\n", "$-12\r\n", "*3\r\n"};
        List<Frame> f = new ArrayList<>();
        for (String payload : payloads) f.add(segment(40000, 6379, payload));
        f.add(segment(6379, 80, "+OK\r\n"));     // RESP's port comes before HTTP's
        return f;
    }

    @Test
    void wholeSegmentsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v");
    }

    @Test
    void cutSegmentsAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x");
    }
}
