package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every TCP and UDP port, as source and destination, with an 8-byte all-zero payload: the printer tcpdump 4.99 picks
 * by port (its print-tcp.c and print-udp.c chains) must be the one we pick, so each line after the ports is
 * tcpdump's. The UDP ports whose printers we lack are listed; BEEP's keywords are checked on their own.
 */
class PortDispatchTest {
    @TempDir
    Path dir;

    /** tcpdump decodes these and we do not (yet): Cisco auto-RP, OLSR, LWRES, Zephyr, AFS Rx, LWAPP, ZEP. */
    private static final Set<Integer> UDP_NOT_DECODED = Set.of(496, 698, 921, 2103, 2104, 7000, 7001, 7002, 7003,
        7004, 7005, 7006, 7007, 7008, 7009, 12222, 12223, 17754);

    @Test
    void everyTcpPortAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int port = 0; port < 65536; port++) {
            f.add(new Frame(ethernet(0x0800, ipv4(6, tcp(port, port, 1, 1, 0x18, 512, 0, new byte[0], new byte[8],
                IP_A, IP_B)))));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "");
    }

    @Test
    void everyUdpPortAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int port = 0; port < 65536; port++) {
            if (!UDP_NOT_DECODED.contains(port)) {
                f.add(new Frame(ethernet(0x0800, ipv4(17, udp(port, port, new byte[8], IP_A, IP_B)))));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "");
    }

    /** BEEP (TCP 10288): tcpdump compares "MSG" and "END" with their NUL, the other keywords with a space. */
    @Test
    void beepAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (String payload : List.of("MSG\0", "MSG 1 2 . 0 10\r\n", "RPY 1 2 . 0 10\r\n", "ERR 1", "ANS 1", "NUL 1",
                "SEQ 1 2 3", "END\0", "END\r\n", "ERR", "XYZ 1", "rpy 1", "A")) {
            for (int port : new int[] {10288, 10289}) {
                f.add(new Frame(ethernet(0x0800, ipv4(6, tcp(40000, port, 1, 1, 0x18, 512, 0, new byte[0],
                    ascii(payload), IP_A, IP_B)))));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(f, 14 + 20), "");
    }
}
