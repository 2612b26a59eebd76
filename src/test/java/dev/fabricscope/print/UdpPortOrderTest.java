package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which printer a UDP payload goes to when both ports have one (tcpdump's order decides), and SOME/IP, against
 * tcpdump 4.99 itself, whole and cut after every byte.
 */
class UdpPortOrderTest {
    @TempDir
    Path dir;

    private static Frame udpFrame(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static List<Frame> frames() {
        byte[] syslog = "<13>hello\n".getBytes(StandardCharsets.US_ASCII);
        byte[] someIp = hex("12348001 00000010 abcd0002 01 02 80 00 0102030405060708");
        List<Frame> f = new ArrayList<>();
        f.add(udpFrame(53, 4789, hex("abcd 0100 0000 0000 0000 0000")));   // DNS before VXLAN
        f.add(udpFrame(4789, 514, syslog));                                // syslog before VXLAN
        f.add(udpFrame(514, 123, hex("23000000")));                         // NTP before syslog
        f.add(udpFrame(49152, 514, hex("4a000001")));                       // the LI shim before syslog
        f.add(udpFrame(514, 49152, syslog));                               // the shim's port counts as the source only
        f.add(udpFrame(30490, 30490, someIp));
        f.add(udpFrame(40000, 30490, hex("12340001 00000008 00010001 01 01 02 81")));
        f.add(udpFrame(40000, 30490, hex("123400")));
        byte[] inner = ethernet(0x0800, ipv4(17, udp(1, 2, new byte[0], IP_B, IP_A), 0, 64, 1, 0, new byte[0], -1, IP_B,
            IP_A));
        f.add(udpFrame(30490, 4789, concat(hex("08000000 00000100"), inner)));   // VXLAN before SOME/IP
        return f;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x");
    }
}
