package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IP tunnels without a tunnel header (IP-in-IP, protocol 4; IPv6-in-IP, 41; Ethernet-in-IPv6, 143) against tcpdump
 * 4.99 itself: the carried packet is printed like any, in every verbosity, with -e, and cut after every byte.
 */
class IpTunnelTest {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 0, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 0, 2};

    @TempDir
    Path dir;

    static List<Frame> frames() {
        byte[] inner4 = ipv4(17, udp(1000, 2000, "abcd".getBytes(), INNER_A, INNER_B), 0, 63, 9, 0, new byte[0], -1,
            INNER_A, INNER_B);
        byte[] inner6 = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] innerEthernet = ethernet(0x0800, inner4);
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ethernet(0x0800, ipv4(4, inner4))));                                          // IPIP
        f.add(new Frame(ethernet(0x0800, ipv4(41, inner6))));                                         // 6in4
        f.add(new Frame(ethernet(0x86dd, ipv6(4, inner4, 0x60000000L, IP6_A, IP6_B))));               // 4in6
        f.add(new Frame(ethernet(0x86dd, ipv6(41, inner6, 0x60000000L, IP6_A, IP6_B))));              // 6in6
        f.add(new Frame(ethernet(0x86dd, ipv6(143, innerEthernet, 0x60000000L, IP6_A, IP6_B))));      // Ethernet
        f.add(new Frame(ethernet(0x0800, ipv4(143, innerEthernet))));                                 // needs IPv6
        f.add(new Frame(ethernet(0x0800, ipv4(4, ipv4(4, inner4)))));                                 // nested
        f.add(new Frame(ethernet(0x0800, ipv4(4, inner6))));                                          // wrong version
        f.add(new Frame(ethernet(0x86dd, ipv6(143, hex("0011223344"), 0x60000000L, IP6_A, IP6_B))));  // short frame
        return f;
    }

    @Test
    void carriedPacketsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-vv", "-q");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames(), Verbosity.VERBOSE,
            java.util.EnumSet.of(PacketPrinter.Option.LINK_HEADERS), RawDump.NONE, "-e", "-v");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }
}
