package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The Configuration Testing Protocol ("Loopback", ethertype 0x9000: a little-endian skip count, the skipped bytes, then
 * a message: function 1 reply with a receipt number, 2 forward data with an address) against tcpdump 4.99 itself:
 * skip counts that are bogus or too long, unknown functions, messages too short for their fields, whole, cut after
 * every byte and mutated.
 */
class LoopbackFormatterTest extends TcpdumpConformance {
    static Frame loopback(String body) {
        return new Frame(ethernet(LoopbackFormatter.ETHERTYPE, hex(body)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(loopback("0000 0100 0100 6461746164617461"));                       // reply, receipt 1
        f.add(loopback("0000 0200 66778899aabb 0100 0700"));                      // forward to a station
        f.add(loopback("0800 0200 66778899aabb 0100 0700 0100 0500 6f6b"));       // one forward skipped
        f.add(loopback("0300 010203 0100 0900"));                                 // a bogus skip count
        f.add(loopback("4000 0100 0100"));                                        // skips past the end
        f.add(loopback("0000 0300 0102030405"));                                  // unknown function
        f.add(loopback("0000 0100 01"));                                          // reply too short
        f.add(loopback("0000 0200 66778899"));                                    // forward too short
        f.add(loopback("0000 01"));                                               // no function
        f.add(loopback("00"));                                                    // no skip count
        f.add(new Frame(vlan(9, LoopbackFormatter.ETHERTYPE, hex("0000 0100 2a00 ff"))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("LOOPBACK", 0x9000, 30, 4, 8, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e")
            .cut("-x", "-v")
            .allocation("-v");
    }

    /** Cut from byte 14 on, a VLAN tag too. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** The loopback message: after the Ethernet header and its VLAN tag. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }
}
