package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 timestamp option (RFC 791: type 68, length, pointer, overflow and flag nibbles, then times or address and
 * time pairs) and the record/source route options beside it, at -v against tcpdump 4.99 itself: each flag, the
 * pointer at each entry and past the last, bad lengths, pointers and flags, overflow counts, entries that run past
 * the option (tcpdump reads them from what follows, or stops with " [truncated-option]"); whole, cut after every
 * byte and with mutated options.
 */
class IpTimestampOptionTest extends TcpdumpConformance {
    private static final int OPTIONS = 14 + 20;

    /** An ICMP echo request in IPv4 with these option bytes (a multiple of 4). */
    static Frame withOptions(String options) {
        return new Frame(ethernet(0x0800, ipv4(1, icmpEcho(8, 0x1234, 1, hex("0102030405060708")), 0, 64, 7, 0,
            hex(options), -1, IP_A, IP_B)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(withOptions("44 0c 05 00 00000000 00000000"));                      // TSONLY, nothing recorded
        f.add(withOptions("44 0c 09 00 0036ee80 00000000"));                      // TSONLY, one recorded
        f.add(withOptions("44 0c 0d 00 0036ee80 80000001"));                      // TSONLY, full
        f.add(withOptions("44 14 0d 01 0a000001 00000064 0a000002 00000000"));    // TS+ADDR, one of two
        f.add(withOptions("44 14 15 f1 0a000001 00000064 0a000002 000000c8"));    // TS+ADDR, full, 15 overflowed
        f.add(withOptions("44 14 05 33 0a000001 00000000 0a000002 00000000"));    // PRESPEC, 3 overflowed
        f.add(withOptions("44 08 05 02 00000000"));                               // bad flag
        f.add(withOptions("44 08 05 22 00000000"));                               // bad flag with overflow
        f.add(withOptions("44 08 01 0f 00000000"));                               // bad flag, pointer 1
        f.add(withOptions("44 03 05 00"));                                        // too short
        f.add(withOptions("44 0c 06 00 00000001 00000002"));                      // pointer inside an entry
        f.add(withOptions("44 0c 00 00 00000001 00000002"));                      // pointer 0
        f.add(withOptions("44 0c ff 00 00000001 00000002"));                      // pointer far past
        f.add(withOptions("44 0c 09 01 0a000001 00000002"));                      // TS+ADDR at a time's place
        f.add(withOptions("44 0a 05 00 00000001 0000 abcd"));                     // length 10: reads the next 2
        f.add(withOptions("44 0e 05 01 0a000001 00000001 0000 0000"));            // reads into the ICMP header
        f.add(withOptions("01 01 44 08 05 00 00000000 0000"));                    // after NOPs, then EOL
        f.add(withOptions("44 08 09 00 00000001 44 04 05 10"));                   // two: one empty, overflowed
        f.add(withOptions("44 28 29 00 00000001 00000002 00000003 00000004 00000005 00000006 00000007 00000008 00000009"));
        f.add(withOptions("44 10 05 00 00000001 00000002"));                      // longer than the options
        f.add(withOptions("07 07 04 0a000001 00"));                               // RR, one hop
        f.add(withOptions("07 08 08 0a000001 00 c0a80001"));                      // RR length 8: reads the next
        f.add(withOptions("83 0b 08 0a000001 0a000002 00"));                      // LSRR, second hop next
        f.add(withOptions("89 0a 04 0a000001 0a00 0002"));                        // SSRR length 10 into the payload
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IP_TS", 68, 12, 4, 8, MutatedFrames.ALL))
            .whole("", "-v", "-vv")
            .cut("-x -v", "-v")
            .allocation("-v");
    }

    /** Cut from byte 14 on: the IPv4 header too. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** The IPv4 options. */
    @Override
    int mutantStart(byte[] frame) {
        return OPTIONS;
    }
}
