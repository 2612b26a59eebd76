package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every IP protocol number, over IPv4 and IPv6, with a short all-zero payload (which every printer takes for a
 * truncated or empty message): the line after the addresses is tcpdump 4.99's ip_demux_print's choice, its printer's
 * name or " ip-proto-N N", " nd N" for Sun ND, and so on. A protocol tcpdump decodes that we do not shows here.
 */
class IpDemuxTest {
    @TempDir
    Path dir;

    private static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (int proto = 0; proto < 256; proto++) {
            f.add(new Frame(ethernet(0x0800, ipv4(proto, new byte[8]))));
            f.add(new Frame(ethernet(0x86dd, ipv6(proto, new byte[8], 0x60000000L, IP6_A, IP6_B))));
        }
        return f;
    }

    @Test
    void everyProtocolNumberAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v");
    }
}
