package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * EGP (RFC 904: acquire, reach, poll, update with gateway blocks of each address class, error) and Cisco IGRP
 * (header and 14-byte interior, system and exterior routes) against tcpdump 4.99 itself, over IPv4 and IPv6, with
 * wrong versions, types, codes and statuses, counts and lengths that disagree, whole, cut after every byte and
 * mutated.
 */
class EgpIgrpFormatterTest extends TcpdumpConformance {
    static Frame v4(int protocol, String message) {
        return new Frame(ethernet(0x0800, ipv4(protocol, hex(message))));
    }

    static Frame egp(String message) {
        return v4(EgpFormatter.PROTOCOL, message);
    }

    /** An EGP header: version 2, type, code, status, checksum 0, AS 65001, sequence 7, then the last 6 bytes. */
    static Frame egp(int type, int code, int status, String rest) {
        return egp(String.format("02 %02x %02x %02x 0000 fde9 0007 ", type, code, status) + rest);
    }

    static Frame igrp(String message) {
        return v4(IgrpFormatter.PROTOCOL, message);
    }

    static String route(String net, int delay, int bandwidth, int mtu, int rel, int load, int hops) {
        return String.format("%s %06x %06x %04x %02x %02x %02x", net, delay, bandwidth, mtu, rel, load, hops);
    }

    static List<Frame> egpFrames() {
        List<Frame> f = new ArrayList<>();
        for (int code = 0; code <= 5; code++) {
            for (int status : new int[] {0, 1, 2, 3, 4, 7, 8}) f.add(egp(3, code, status, "003c 0078 0000"));
        }
        for (int code = 0; code <= 2; code++) {
            for (int status : new int[] {0, 1, 2, 3}) f.add(egp(5, code, status, "0000 0000 0000"));
        }
        f.add(egp(2, 0, 1, "0000 c0a80100"));                                        // poll
        f.add(egp(2, 0, 9, "0000 0a000000"));
        f.add(egp(8, 0, 1, "0003 0000 0000"));                                       // error reasons
        f.add(egp(8, 0, 5, "0006 0000 0000"));
        f.add(egp(8, 0, 2, "0007 0000 0000"));
        f.add(egp(9, 0, 0, "0000 0000 0000"));                                       // unknown type
        f.add(egp("03 03 00 00 0000 fde9 0007 0000 0000 0000"));                      // version 3
        // updates: the source network's last byte classes it (tcpdump on a little-endian host), gateways after
        f.add(egp(1, 0, 1, "0100 0a000005 05 01 02 0a 02 81 0a 0b" + " 06"));        // class A
        f.add(egp(1, 0, 0x81, "0101 00000080 0203 01 01 c0 0a0102 0203 01 01 0a"));   // class B, unsolicited
        f.add(egp(1, 0, 2, "0200 000000c0 04 02 01 01 0a 02 02 c0a801 8001"));        // class C
        f.add(egp(1, 0, 0, "0100 000000e0 01020304 01 01 01 0a"));                   // class D: no net part
        f.add(egp(1, 0, 7, "0000 0a000000"));                                        // no gateways
        f.add(egp(1, 0, 1, "0101 0a000000 000005 01 01 01 0a 000009 02 02 01 ac10 02 02 c0a801 0b"));   // well formed
        f.add(egp(1, 0, 1, "0100 0a000005 0505"));                                   // gateway address cut
        f.add(egp(1, 0, 1, "0100 0a000005 050506"));                                 // no distance count
        f.add(egp(1, 0, 1, "0100 0a000005 050506 01 01"));                           // network cut
        f.add(egp(1, 0, 1, "0100 0a000005 050506 01 01 01 c0"));                     // class C network cut
        f.add(egp(1, 0, 1, "0100 0a000005 050506 01 01 01 81"));                     // class B network cut
        f.add(egp(1, 0, 1, "0100 0a000005 050506 01"));                              // distance cut
        f.add(egp("02 03 00 00 0000 fde9 0007 0000 0000 00"));                        // shorter than the header
        f.add(new Frame(ethernet(0x86dd, ipv6(EgpFormatter.PROTOCOL, hex("02 05 00 01 0000 fde9 0007 0000 0000 0000"),
            0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    static List<Frame> igrpFrames() {
        List<Frame> f = new ArrayList<>();
        String r1 = route("0a0101", 2000, 1544, 1500, 255, 1, 0), r2 = route("ac1000", 0, 0, 1500, 200, 10, 2);
        String r3 = route("c0a802", 0xffffff, 0xfffff0, 576, 1, 255, 255);
        f.add(igrp("11 03 0064 0001 0001 0001 abcd " + r1 + r2 + r3));                // one of each
        f.add(igrp("12 00 0064 0000 0000 0000 0000"));                               // request
        f.add(igrp("17 00 0064 0000 0000 0000 0000"));                               // unknown opcode
        f.add(igrp("11 03 0064 0002 0000 0000 abcd " + r1));                         // a count left over
        f.add(igrp("11 03 0064 0000 0001 0000 abcd " + r2 + r3));                    // an extra route
        f.add(igrp("11 03 0064 0000 0001 0000 abcd " + r2 + "0102"));                // extra bytes
        f.add(igrp("11 03 0064 0000 0000 0000"));                                    // shorter than the header
        f.add(new Frame(ethernet(0x86dd, ipv6(IgrpFormatter.PROTOCOL, hex("11 01 0001 0000 0001 0000 0000 " + r3),
            0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    @Override
    List<Frame> frames() {
        List<Frame> all = new ArrayList<>(egpFrames());
        all.addAll(igrpFrames());
        return all;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("EGP_IGRP", 8, 6, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e -x")
            .cut("-x", "-v")
            .allocation("", "-v");
    }

    /** Cut from byte 14 + 20 on (in the IPv6 frames, within the IPv6 header). */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** The EGP or IGRP message: after the IPv4 or IPv6 header. */
    @Override
    int mutantStart(byte[] frame) {
        return frame[12] == (byte) 0x86 ? 54 : 34;
    }
}
