package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MPLS in UDP (RFC 7510, port 6635; tcpdump hands the datagram to its mpls_print) against tcpdump 4.99 itself: the
 * label stacks of {@link MplsFormatterTest} in UDP, in every verbosity, with -e and -X, cut after every byte, seeded
 * mutants, and where port 6635 sits in tcpdump's chain of UDP ports.
 */
class MplsInUdpTest {
    private static final int PORT = 6635;

    @TempDir
    Path dir;

    private static Frame outer(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        int port = 50000;
        for (Frame mpls : MplsFormatterTest.allFrames()) {
            byte[] bytes = mpls.bytes();
            if ((bytes[12] & 0xff) != 0x88) continue;   // the stacks right after the Ethernet header
            byte[] stack = Arrays.copyOfRange(bytes, 14, bytes.length);
            f.add(outer(port++, PORT, stack));
            if (port % 3 == 0) f.add(outer(PORT, port++, stack));
        }
        byte[] stack = concat(MplsFormatterTest.label(100, 0, true, 64), MplsFormatterTest.ipUdp());
        f.add(outer(PORT, 4790, VxlanGpeFormatterTest.gpe(1, 1, NshFormatterTest.innerIpv4())));   // VXLAN-GPE first
        f.add(outer(PORT, 319, stack));                              // MPLS before PTP
        f.add(outer(PORT, 50100, new byte[0]));                      // no label at all
        return f;
    }

    @Test
    void wholeStacksAsTcpdump() throws Exception {
        List<Frame> frames = frames();
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames, "", "-v", "-vv", "-q");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, frames, Verbosity.NORMAL, EnumSet.of(PacketPrinter.Option.LINK_HEADERS),
            RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-X");
    }

    @Test
    void cutStacksAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }

    @Test
    void mutatedStacksAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), new Random(PORT), 15, frame -> 14 + 20 + 8, 3, 12,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v");
    }
}
