package dev.fabricscope.print;

import static dev.fabricscope.print.IgmpFormatterTest.igmp;
import static dev.fabricscope.testing.ByteArrays.hex;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PIM version 1 in IGMP (type 0x14) against tcpdump 4.99 itself: every message type, Query modes, the one-line and
 * the listed Join/Prune forms, other versions, and tcpdump's length complaints, in every verbosity, whole, cut after
 * every byte, and with random bytes changed; and PIM version 1 as IP protocol 103, which tcpdump does not detail.
 */
class Pimv1FormatterTest extends TcpdumpConformance {
    /** The IGMP header of PIMv1 message {@code type}, version 1, then {@code body}. */
    private static Frame pimv1(String type, String body) {
        return igmp("14" + type + "0000 10000000" + body, "e0000002");
    }

    /** A Join/Prune-like body: upstream neighbor, hold time, group count, then {@code groups}. */
    private static String joinPrune(String hold, String count, String groups) {
        return "0a000001 0000" + hold + "000000" + count + groups;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(pimv1("00", "10000069"));                                            // query, sparse, 1m45s
        f.add(pimv1("00", "00000000"));                                            // dense, no hold time
        f.add(pimv1("00", "20000e10"));                                            // sparse-dense
        f.add(pimv1("00", "f000ffff"));                                            // mode 15
        f.add(pimv1("00", ""));                                                    // no mode, no hold time
        f.add(pimv1("00", "1000"));                                                // no hold time
        f.add(igmp("14000000 20000000 10000069", "e0000002"));                    // version 2
        f.add(igmp("14000000 00000000 10000069", "e0000002"));                    // version 0
        f.add(pimv1("01", "45000054 00000000 40010000 0a000001 ef010101 0800f7ff 00000000"));   // register
        f.add(pimv1("01", "45000054 00000000 40010000 0a000001 ef01"));             // carried header cut short
        f.add(pimv1("02", "ef010101 0a000001"));                                   // register-stop
        f.add(pimv1("02", "ef010101"));                                            // without a source
        f.add(pimv1("03", joinPrune("00b4", "01", "ef010101 ffffffff 0001 0000 01 e0 0a000009")));      // one-line join
        f.add(pimv1("03", joinPrune("00d2", "01", "ef010102 ffffff00 0000 0001 00 20 0a00000a")));      // one-line prune
        f.add(pimv1("03", joinPrune("0000", "01", "ef010103 ffff0000 0001 0000 00 5f 0a00000b")));      // hold 0
        f.add(pimv1("03", joinPrune("00b4", "02", "ef010101 ffffffff 0002 0001 01 e0 0a000009 00 20 0a00000a"
            + " 01 58 0a00000b ef010102 ffffff00 0000 0000")));                   // two groups
        f.add(pimv1("03", joinPrune("0e10", "01", "ef010101 ffffffff 0001 0000 01 e0 0a0000")));        // source short
        f.add(pimv1("03", joinPrune("0e10", "03", "ef010101 ffffffff 0000 0000 ef010102")));             // groups short
        f.add(pimv1("03", joinPrune("0e10", "01", "ef010101 ffff")));              // mask short
        f.add(pimv1("03", joinPrune("0e10", "01", "ef010101 ffffffff 00")));       // counts short
        f.add(pimv1("03", "0a000001 0000 00b4 0000"));                             // group count short
        f.add(pimv1("03", "0a000001 0000"));                                       // hold time short
        f.add(pimv1("03", "0a00"));                                                // neighbor short
        f.add(pimv1("03", ""));
        f.add(igmp("14030000 1000", "e0000002"));                                 // shorter than 8
        f.add(pimv1("04", "ef010101 ffffff00 0a000001 0000 0096"));                // rp-reachable
        f.add(pimv1("04", "ef010101 ffffffff 0a000001 0000 0000"));
        f.add(pimv1("04", "ef010101 ffffffff 0a000001 00"));                       // hold time short
        f.add(pimv1("05", "ef010101 ffffffff 0a000001 80000064 0000000a"));        // assert, RP tree
        f.add(pimv1("05", "ef010101 ffff0000 0a000001 7fffffff ffffffff"));        // SPT
        f.add(pimv1("05", "ef010101 ffffffff 0a000001 80000064"));                 // metric short
        f.add(pimv1("06", joinPrune("00b4", "01", "ef010101 ffffffff 0001 0000 01 e0 0a000009")));      // graft
        f.add(pimv1("07", joinPrune("003c", "01", "ef010101 ffffffff 0001 0001 01 e0 0a000009 00 00 0a00000a")));
        f.add(pimv1("08", "01020304"));                                            // unknown type
        f.add(igmp(hex("14020000 10000000 ef010101 0a000001"), hex("e0000002"), true));   // bad checksum
        f.add(igmp("1400", "e0000002"));                                          // two bytes
        return f;
    }

    /** PIM version 1 messages as IP protocol 103: tcpdump's pim_print names the version and length only. */
    static List<Frame> overIpProtocol103() {
        return List.of(
            new Frame(TestFrames.ethernet(0x0800, TestFrames.ipv4(PimFormatter.PROTOCOL,
                hex("14000000 10000000 10000069")))),
            new Frame(TestFrames.ethernet(0x0800, TestFrames.ipv4(PimFormatter.PROTOCOL,
                hex("14020000 10000000 ef010101 0a000001")))));
    }

    @Test
    void versionOneAsIpProtocol103AsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, overIpProtocol103(), "", "-v", "-vv");
    }

    /** The IGMP message: after the IPv4 header and its router alert option. */
    @Override
    int start(byte[] frame) {
        return 14 + 24;
    }

    @Override
    Checks checks() {
        // A few bytes of the IGMP message changed at random (a fixed seed), half of them also cut short. A deeper run:
        // PIMV1_SEED=7 PIMV1_ROUNDS=1000 mvn -o surefire:test -Dtest='Pimv1FormatterTest#mutants*'.
        return Checks.of(new Mutants("PIMV1", 2117, 8, 3, 16, MutatedFrames.ALL))
            .cut("-x", "-v -x", "-vv")
            .mutated("-x", "-v", "-vv")
            .allocation("-vv");
    }
}
