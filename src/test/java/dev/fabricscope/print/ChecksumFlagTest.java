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
 * tcpdump -K: with -v the IPv4 header, TCP and UDP checksums are no longer verified (print-ip.c, print-tcp.c and
 * print-udp.c test ndo_Kflag), while every other protocol's still is (ICMP, IGMP, VRRP ... here ICMP). Frames with
 * good and broken checksums of each kind, against tcpdump with and without -K.
 */
class ChecksumFlagTest {
    @TempDir
    Path dir;

    private static final byte[] DATA = ascii("checksum");

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] tcp = tcp(0x018, new byte[0], DATA);
        byte[] udp = udp(40001, 9999, DATA, IP_A, IP_B);
        byte[] icmp = icmpEcho(8, 7, 1, DATA);
        for (int broken = 0; broken < 2; broken++) {
            f.add(new Frame(ethernet(0x0800, ipv4(6, flip(tcp, 16, broken)))));
            f.add(new Frame(ethernet(0x0800, ipv4(17, flip(udp, 6, broken)))));
            f.add(new Frame(ethernet(0x0800, ipv4(1, flip(icmp, 2, broken)))));
            f.add(new Frame(ethernet(0x0800, flip(ipv4(6, tcp), 10, broken))));   // the IPv4 header's own
            byte[] tcp6 = tcp(40000, 5001, 1, 2, 0x018, 502, 0, new byte[0], DATA, IP6_A, IP6_B);
            byte[] udp6 = udp(40001, 9999, DATA, IP6_A, IP6_B);
            f.add(new Frame(ethernet(0x86dd, ipv6(6, flip(tcp6, 16, broken), 0x60000000L, IP6_A, IP6_B))));
            f.add(new Frame(ethernet(0x86dd, ipv6(17, flip(udp6, 6, broken), 0x60000000L, IP6_A, IP6_B))));
        }
        f.add(new Frame(ethernet(0x0800, ipv4(17, flip(udp(40001, 9999, DATA, IP_A, IP_B), 6, 0)))));
        byte[] noChecksum = udp(40001, 9999, DATA, IP_A, IP_B);
        noChecksum[6] = 0;
        noChecksum[7] = 0;
        f.add(new Frame(ethernet(0x0800, ipv4(17, noChecksum))));   // "[no cksum]" goes with -K too
        return f;
    }

    /** {@code bytes} with the checksum at {@code at} changed when {@code broken} is 1. */
    private static byte[] flip(byte[] bytes, int at, int broken) {
        byte[] copy = bytes.clone();
        copy[at + 1] ^= (byte) broken;
        return copy;
    }

    @Test
    void checksumsAsTcpdumpWithAndWithoutK() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "-v", "-vv", "-v -K", "-vv -K", "-vvv -K", "-K");
    }
}
