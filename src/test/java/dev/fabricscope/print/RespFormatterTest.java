package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Redis RESP on TCP 6379 against tcpdump 4.99 itself, whole, cut after every byte and mutated. */
class RespFormatterTest extends TcpdumpConformance {
    private static Frame segment(int sport, int dport, String payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, 0x018, 502, 0, new byte[0],
            payload.getBytes(StandardCharsets.ISO_8859_1), IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        String[] payloads = {"*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n", "+OK\r\n", "-ERR unknown command\r\n",
            ":1000\r\n", "$0\r\n\r\n", "$-1\r\n", "*0\r\n", "*-1\r\n", "$-2\r\n", "$99999999999\r\n", "$x\r\n",
            "$12\r\nab\r\n", "$3\r\nabc", "$3\r\nabcX\r\n", "*2\r\n:1\r\n", "*2\r\n*1\r\n+a\r\n$1\r\nb\r\n",
            "PING\r\nPING\r\n", "\r\n\r\nPING", "PING", "*1\r\n$4\r\nPI\u0001\u00e9\r\n",
            "*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n", "+no end", ":12\r", "$3\rabc",
            "*2147483648\r\n", "$-12\r\n", "*3\r\n"};
        List<Frame> f = new ArrayList<>();
        for (String payload : payloads) f.add(segment(40000, 6379, payload));
        f.add(segment(6379, 80, "+OK\r\n"));     // RESP's port comes before HTTP's
        for (String payload : new String[] {"*1\r\n*1\r\n*1\r\n*1\r\n$1\r\nx\r\n", "*-2\r\n", ":-5\r\n",
            "-\u0001\u00ff\r\n", "+\r\n", "$", "*", "*1\r\n", "$3\r\nab", "$-0\r\n", "$2147483648\r\n",
            "*2\r\n$3\r\nGET\r\n$300\r\nshort\r\n", "*3\r\n+a\r\n-b\r\n:3\r\n", "$3\r\na\r\r\n",
            "*1\r\n$1\r\nz\r\n+OK\r\n:1\r\n", "\r\n", "*x\r\n", ":\r\n", "$\r\n"}) {
            f.add(segment(40000, 6379, payload));
        }
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The RESP payload: after the TCP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 20;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("RESP", 6379, 10));
    }
}
