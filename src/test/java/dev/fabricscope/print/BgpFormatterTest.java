package dev.fabricscope.print;

import static dev.fabricscope.print.BgpMessages.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BGP on TCP 179 against tcpdump 4.99 itself: hand-built messages ({@link BgpMessages}) from the RFC layouts
 * (4271, 4760, 5492, 6793, 4360, 8092, 7432, 4364, 8277, 9003, ...), well formed and broken, several to a segment
 * and split across segments, in every verbosity and cut after every byte.
 */
class BgpFormatterTest {
    @TempDir
    Path dir;

    /** A data-centre leaf's OPEN (RFC 7938): 4-byte AS, IPv4/IPv6 unicast and L2VPN EVPN, graceful restart, add-path. */
    static byte[] leafOpen() {
        return open(23456, 90, "0a000001",
            capabilities(capability(1, "0001 00 01")),
            capabilities(capability(1, "0002 00 01")),
            capabilities(capability(1, "0019 00 46")),
            capabilities(capability(2, ""), capability(128, "")),
            capabilities(capability(65, "fc00ea61")),
            capabilities(capability(64, "c078 0001 01 80 0002 01 00 0019 46 80")),
            capabilities(capability(69, "0001 01 03 0002 01 01 0001 04 02 0001 01 07")),
            capabilities(capability(70, ""), capability(71, "0001 01 80 000e10")));
    }

    static List<Frame> sessionFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(segment(leafOpen()));
        f.add(segment(open(65001, 180, "c0a80001")));   // no optional parameters
        f.add(segment(open(65002, 3, "c0a80002",
            capabilities(capability(5, "0001 0001 0002"), capability(8, "0001 04 01 0002 04 02 00"),
                capability(3, "0001 00 01 01 40 02"), capability(4, "0102"), capability(67, ""),
                capability(68, "00"), capability(99, "0a0b0c"), capability(0, "")),
            parameter(1, hex("01 0203")), parameter(7, hex("")))));
        f.add(segment(open(1, 0, "01020304",   // capabilities too short, bogus add-path modes, odd lengths
            capabilities(capability(69, ""), capability(69, "0001 01 00 0002"), capability(64, "00b4 0001"),
                capability(8, "0001 04")))));
        f.add(segment(open(1, 0, "01020304", capabilities(capability(1, "0001 00")))));
        f.add(segment(open(1, 0, "01020304", capabilities(capability(64, "00")))));
        f.add(segment(open(1, 0, "01020304", capabilities(capability(65, "0000fd")))));
        f.add(segment(open(2, 30, "0a0a0a0a", parameter(2, hex("41 04 0000fde8 02")))));   // capability past its option
        f.add(segment(message(OPEN, concat(hex("04 0001 0000 01020304 08"), hex("02 0a 0200")))));   // option past the end
        f.add(segment(message(OPEN, concat(hex("04 0001 0000 01020304 06"), hex("02 04 0200 4104")))));   // past the message
        f.add(segment(message(OPEN, hex("04 0001 00b4 01020304"))));                       // shorter than an OPEN
        f.add(segment(keepalive()));
        f.add(segment(keepalive(), keepalive(), keepalive()));
        f.add(segment(message(KEEPALIVE, 21, hex("0102"))));                                // with data
        for (int code = 0; code <= 8; code++) {
            for (int sub : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12}) f.add(segment(notification(code, sub, "")));
        }
        f.add(segment(notification(6, 1, "0001 01 00001388")));                           // max prefixes, AFI/SAFI
        f.add(segment(notification(6, 1, "0002 80 000001")));                             // data too short for them
        f.add(segment(notification(6, 2, "1b" + text("maintenance window 42 \u0001\u00e9"))));
        f.add(segment(notification(6, 4, "05" + text("reset") + "deadbeef")));       // and trailing data
        f.add(segment(notification(6, 2, "00")));                                          // empty communication
        f.add(segment(notification(6, 2, "00 0102")));
        f.add(segment(notification(6, 4, "40 616263")));                                   // longer than the message
        f.add(segment(notification(2, 2, "fde8")));
        f.add(segment(message(NOTIFICATION, hex("06"))));                                  // too short
        f.add(segment(routeRefresh(1, 0, 1)));
        f.add(segment(routeRefresh(2, 1, 128)));
        f.add(segment(routeRefresh(25, 2, 70)));
        f.add(segment(routeRefresh(9999, 0, 250)));
        f.add(segment(message(ROUTE_REFRESH, hex("0001 00"))));                            // too short
        f.add(segment(message(ROUTE_REFRESH, concat(hex("0001 00 01"), hex("0001 00 01 ff")))));   // ORF-like data
        f.add(segment(message(6, hex("0001 0203 04"))));                                   // unknown type
        f.add(segment(message(0, new byte[0])));
        f.add(segment(message(KEEPALIVE, 18, new byte[0])));                               // length too small
        f.add(segment(concat(keepalive(), message(KEEPALIVE, 0, new byte[0]), keepalive())));
        // messages split across segments: the tail of one, then whole ones; a head cut by the segment's end
        byte[] open = leafOpen();
        f.add(segment(concat(Arrays.copyOfRange(open, 40, open.length), keepalive())));
        f.add(segment(concat(hex("00 ff ff 01"), keepalive())));
        f.add(segment(concat(keepalive(), Arrays.copyOf(open, 50))));
        f.add(segment(concat(keepalive(), Arrays.copyOf(keepalive(), 17))));                // header cut in the length
        f.add(segment(concat(keepalive(), Arrays.copyOf(keepalive(), 10))));                // a partial marker
        f.add(segment(concat(Arrays.copyOf(notification(6, 2, "00"), 20))));
        f.add(segment(concat(hex("ffff"), Arrays.copyOf(message(9, new byte[10]), 25))));
        f.add(segment(hex("0102030405")));                                                 // no marker at all
        f.add(segment6(concat(keepalive(), open(64512, 9, "0a000002",
            capabilities(capability(1, "0002 00 01"))))));
        return f;
    }

    @Test
    void sessionMessagesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, sessionFrames(), "", "-q", "-v", "-vv", "-vvv");
    }

    @Test
    void cutSessionMessagesAsTcpdump() throws Exception {
        List<Frame> frames = List.of(segment(leafOpen()), segment(notification(6, 2, "05" + text("bye.") + "0102")),
            segment(notification(6, 1, "0001 01 00001388")), segment(routeRefresh(1, 0, 1)),
            segment(keepalive(), keepalive()));
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames, 14 + 20 + 20);
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, RawDump.HEX, "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERBOSE, RawDump.HEX, "-v", "-x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.VERY_VERBOSE, RawDump.NONE, "-vv");
    }
}
