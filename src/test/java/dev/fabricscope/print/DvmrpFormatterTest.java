package dev.fabricscope.print;

import static dev.fabricscope.print.IgmpFormatterTest.igmp;
import static dev.fabricscope.testing.ByteArrays.hex;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * DVMRP in IGMP (type 0x13; RFC 1075 and draft-ietf-idmr-dvmrp-v3 layouts) against tcpdump 4.99 itself: every message
 * type, Probe neighbors, Report masks and routes, Neighbors and Neighbors2 lists with every flag, and each of
 * tcpdump's length complaints, in every verbosity, whole, cut after every byte, and with random bytes changed.
 */
class DvmrpFormatterTest extends TcpdumpConformance {
    /** The IGMP header of DVMRP message {@code type}, version 3.255 in its last bytes, then {@code body}. */
    private static Frame dvmrp(String type, String body) {
        return igmp("13" + type + "0000 0000ff03" + body, "e0000004");
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(dvmrp("01", "075bcd15 0a000002 0a000003"));                         // probe with two neighbors
        f.add(dvmrp("01", "00000001"));                                           // probe alone
        f.add(dvmrp("01", "0102"));                                               // probe without a whole genid
        f.add(dvmrp("01", "ffffffff 0a000002 0a00"));                             // a neighbor cut short
        f.add(dvmrp("02", "ffff00 0a0001 01 0a0002 82 ff0000 ac10 85 000000 0b 81 ffffff c0a80101 83")); // report
        f.add(dvmrp("02", "ffff00 0a0001 01 0a00"));                              // route cut short
        f.add(dvmrp("02", "ffff00 0a0001 81 ff"));                                // mask cut short
        f.add(dvmrp("02", ""));
        f.add(dvmrp("03", ""));                                                   // ask neighbors (old)
        f.add(dvmrp("04", "0a000001 01 01 02 0a000002 0a000003 0a000101 03 20 00 0a000201 04 40 01 0a000005"));
        f.add(dvmrp("04", "0a000001 01 01 03 0a000002"));                          // fewer neighbors than counted
        f.add(dvmrp("04", "0a000001 01 01 01 0a000002 0a0000"));                   // an entry cut short
        f.add(dvmrp("05", ""));                                                   // ask neighbors2
        f.add(dvmrp("06", "0a000001 01 01 73 02 0a000002 0a000003 0a000101 02 10 00 01 0a000004 0a000201 05 06 01 00"));
        f.add(dvmrp("06", "0a000001 01 01 02 03 0a000002"));                       // invalid ncount
        f.add(dvmrp("06", "0a000001 01 01 04 02 0a000002 0a00"));                  // a neighbor cut short
        f.add(dvmrp("06", "0a000001 01 01 10 01 0a000002 0a0002"));                // an entry cut short
        f.add(dvmrp("07", "0a000001 ef010101 00001c20"));                         // prune, 2h
        f.add(dvmrp("07", "0a000001 ef010101 07e8b0a5"));                         // prune, years
        f.add(dvmrp("07", "0a000001 ef010101"));                                  // prune without its timer
        f.add(dvmrp("08", "0a000001 ef010101"));                                  // graft
        f.add(dvmrp("09", "0a000001 ef010101"));                                  // graft-ack
        f.add(dvmrp("08", "0a000001"));                                           // graft without a group
        f.add(dvmrp("0a", "01020304"));                                           // unknown type
        f.add(igmp(hex("13070000 0000ff03 0a000001 ef010101 00000e10"), hex("e0000004"), true)); // bad checksum
        f.add(igmp("13000000 0000", "e0000004"));                                 // shorter than 8
        return f;
    }

    /** The cuts: from a fixed offset. */
    @Override
    int start(byte[] frame) {
        return 14 + 24;
    }

    /** The DVMRP message: after the IPv4 header with its router alert option. */
    @Override
    int mutantStart(byte[] frame) {
        return 14 + 24;
    }

    @Override
    Checks checks() {
        // Every frame with a few bytes of its IGMP message changed at random (a fixed seed), half of them also cut
        // short. A deeper run:
        // DVMRP_SEED=7 DVMRP_ROUNDS=1000 mvn -o surefire:test -Dtest='DvmrpFormatterTest#mutants*'.
        return Checks.of(new Mutants("DVMRP", 1075, 12, 3, 16, MutatedFrames.ALL))
            .cut("-x", "-v -x", "-vv")
            .mutated("-x", "-v", "-vv")
            .allocation("-vv");
    }
}
