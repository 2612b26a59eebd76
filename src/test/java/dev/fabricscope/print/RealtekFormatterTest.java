package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Realtek's protocols on ethertype 0x8899 (RRCP hello, get and set queries and replies with their register address,
 * data, key and cookies, a hello reply's ports, uplink MAC, chip and vendor; REP, RLDP, DSA tag types) against
 * tcpdump 4.99 itself, directly, behind a VLAN tag and in SNAP, whole, cut after every byte and mutated.
 */
class RealtekFormatterTest extends TcpdumpConformance {
    static Frame rtl(String message) {
        return new Frame(ethernet(RealtekFormatter.ETHERTYPE, hex(message)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(rtl("01 00 2379"));                                                   // hello query
        f.add(rtl("01 80 2379 03 01 0c42a1d3e4f5 8306 0000000a"));                 // hello reply
        f.add(rtl("01 01 2379 0002 00000000 00000000 00000000"));                  // get query
        f.add(rtl("01 81 2379 3402 78563412 11223344 55667788"));                  // get reply
        f.add(rtl("01 02 1234 ffff ffffffff deadbeef cafebabe"));                  // set
        f.add(rtl("01 05 2379 0002"));                                              // unknown opcode
        f.add(rtl("01 85 2379 0002"));
        f.add(rtl("02"));                                                           // REP
        f.add(rtl("03 0c42a1d3e4f5 0000"));                                         // RLDP
        f.add(rtl("23 0000"));
        f.add(rtl("04 0000"));
        f.add(rtl("90 0000"));
        f.add(rtl("9f 0000"));
        f.add(rtl("a0 0000"));
        f.add(rtl("af 0000"));
        f.add(rtl("05"));
        f.add(rtl("ff"));
        f.add(new Frame(vlan(12, RealtekFormatter.ETHERTYPE, hex("01 80 2379 03 01 0c42a1d3e4f5 8306 0000000a"))));
        f.add(LlcFrames.llc(hex("ffffffffffff"), hex("aaaa03 000000 8899 01 01 2379 0002 00000000 01020304 05060708")));
        f.add(new Frame(concat(ethernet(RealtekFormatter.ETHERTYPE, hex("01 80 2379 03 01 0c42a1d3e4f5 8306")))));
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
        return Checks.of(new Mutants("REALTEK", 0x8899, 12, 3, 4, MutatedFrames.ALL))
            .whole("", "-v", "-e", "-q", "-e -x")
            .cut("-x", "-v", "-e -x")
            .mutated("-x", "-v", "-e -v -x")
            .allocation("-v", "-e -x");
    }
}
