package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dispatch value tcpdump 4.99 chooses a printer by, against tcpdump itself, with a short all-zero payload
 * (which every printer takes for a truncated or empty message): every ethertype (from 0x0600; below it is an 802.3
 * length), every IP protocol number over IPv4 and IPv6 (ip_demux_print), every TCP and UDP port as source and
 * destination (print-tcp.c's and print-udp.c's chains). So the printer we pick is tcpdump's, and a protocol tcpdump
 * decodes that we do not would show here. BEEP's keywords are checked on their own.
 */
class DispatchSweepTest {
    @TempDir
    Path dir;

    @Test
    void everyEtherTypeAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int etherType = 0x0600; etherType < 65536; etherType++) {
            f.add(new Frame(ethernet(etherType, new byte[46])));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "");
    }

    @Test
    void everyIpProtocolAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int proto = 0; proto < 256; proto++) {
            f.add(new Frame(ethernet(0x0800, ipv4(proto, new byte[8]))));
            f.add(new Frame(ethernet(0x86dd, ipv6(proto, new byte[8], 0x60000000L, IP6_A, IP6_B))));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v");
    }

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
            f.add(new Frame(ethernet(0x0800, ipv4(17, udp(port, port, new byte[8], IP_A, IP_B)))));
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
