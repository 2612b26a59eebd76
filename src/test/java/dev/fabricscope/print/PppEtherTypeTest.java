package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.PppoeFormatterTest.control;
import static dev.fabricscope.print.PppoeFormatterTest.ipUdp;
import static dev.fabricscope.print.PppoeFormatterTest.option;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * PPP frames straight in Ethernet (ethertype 0x880b, which tcpdump hands to ppp_print) against tcpdump 4.99 itself:
 * with and without address and control bytes, a compressed protocol, control protocols (RFC 1661 LCP, RFC 1332 IPCP),
 * IPv4, IPv6, empty and one-byte payloads, behind a VLAN tag; whole, cut after every byte and mutated.
 */
class PppEtherTypeTest extends TcpdumpConformance {
    private static final int ETHERTYPE_PPP = 0x880b;

    static Frame ppp(byte[]... frame) {
        return new Frame(ethernet(ETHERTYPE_PPP, concat(frame)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(ppp(hex("ff03 0021"), ipUdp()));
        f.add(ppp(hex("0021"), ipUdp()));
        f.add(ppp(hex("21"), ipUdp()));
        f.add(ppp(hex("ff03 0057"), ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A,
            IP6_B)));
        f.add(ppp(hex("ff03"), control(0xc021, 1, 1, option(1, "05d4"), option(5, "1a2b3c4d"), option(7, ""))));
        f.add(ppp(control(0xc021, 9, 2, hex("1a2b3c4d 0102"))));
        f.add(ppp(hex("ff03"), control(0x8021, 1, 3, option(3, "0a000001"))));
        f.add(ppp(hex("ff03 c223 01 01 0015 10 00112233445566778899aabbccddeeff")));
        f.add(ppp(hex("ff03 0283 0102")));
        f.add(ppp(new byte[0]));
        f.add(ppp(hex("ff")));
        f.add(new Frame(vlan(9, ETHERTYPE_PPP, concat(hex("ff03 0021"), ipUdp()))));
        return f;
    }

    /** Cut after the Ethernet header for every frame, as before; mutated after it and a VLAN tag. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("PPP_ETHER", 0x880b, 20, 4, 8, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e")
            .cut("-x", "-v", "-e")
            .mutated("-x", "-v")
            .allocation("", "-v", "-e");
    }
}
