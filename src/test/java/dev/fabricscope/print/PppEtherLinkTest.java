package dev.fabricscope.print;

import static dev.fabricscope.print.PppoeFormatterTest.pppoe;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_PPP_ETHER (PPPoE without an Ethernet header) against tcpdump 4.99 itself: PppoeFormatterTest's discovery
 * and session frames without their Ethernet header, and PPP headers of every length (address and control, pppd's
 * direction, compressed protocol, shorter than a header), which decide what -x leaves out; with and without -e, in
 * the verbosities, whole, cut after every byte and mutated.
 */
class PppEtherLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static byte[] session(byte[]... ppp) {
        byte[] frame = concat(ppp);
        return pppoe(0x11, 0, 0x2a, frame.length, frame);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (Frame e : PppoeFormatterTest.discoveryFrames()) f.add(withoutEthernet(e));
        for (Frame e : PppoeFormatterTest.sessionFrames()) f.add(withoutEthernet(e));
        byte[] ip = PppoeFormatterTest.ipUdp();
        f.add(new Frame(session(hex("0003 0021"), ip)));          // pppd's direction: in
        f.add(new Frame(session(hex("0103 c021 09 01 0008 1a2b3c4d"))));   // out
        f.add(new Frame(session(hex("ff03"))));                    // address and control, no protocol
        f.add(new Frame(session(hex("ff03 21"))));                 // a compressed protocol and nothing
        f.add(new Frame(session()));                               // no PPP frame at all
        f.add(new Frame(pppoe(0x11, 0, 0, 6, concat(hex("0021"), ip))));   // session 0, shorter than its packet
        f.add(new Frame(hex("11")));                               // shorter than the header on the wire
        return f;
    }

    private static Frame withoutEthernet(Frame ethernet) {
        byte[] b = ethernet.bytes();
        return new Frame(Arrays.copyOfRange(b, 14, b.length));
    }

    @Override
    int linkType() {
        return LinkType.PPP_ETHER;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("PPP_ETHER", 20_261_124L, 12, 3, 16, MutatedFrames.ALL))
            .whole("", "-e", "-v", "-e -v", "-vv", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X", "-A")
            .mutated("-e -x", "-v", "-x");
    }
}
