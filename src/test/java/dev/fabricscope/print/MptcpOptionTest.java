package dev.fabricscope.print;

import static dev.fabricscope.print.TcpFormatterTest.v4;
import static dev.fabricscope.print.TcpFormatterTest.v6;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The Multipath TCP option (kind 30; layouts of RFC 6824 and RFC 8684) against tcpdump 4.99 itself: every subtype with
 * each length and TCP flag combination tcpdump tells apart, lengths it rejects, subtypes it does not know, MPTCP among
 * other options and followed by them, over IPv4 and IPv6; whole, cut after every byte, and mutated.
 */
class MptcpOptionTest extends TcpdumpConformance {
    private static final int FIN = TcpFormatter.FIN, SYN = TcpFormatter.SYN, RST = TcpFormatter.RST,
            PSH = TcpFormatter.PSH, ACK = TcpFormatter.ACK;

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // MP_CAPABLE: 4 and 12 bytes need SYN, 20 and 22 need ACK without SYN; versions 0, 1, others; checksum flag
        f.add(v4(SYN, "1e04 0081"));
        f.add(v4(SYN, "1e04 0001"));
        f.add(v4(SYN, "1e04 0201"));
        f.add(v4(SYN, "1e04 0f81"));
        f.add(v4(SYN | ACK, "1e0c 0081 29a6c86981ad933c"));
        f.add(v4(SYN, "1e0c 0101 0000000000000001"));
        f.add(v4(ACK, "1e14 0001 1fdb5df328bc3def 29a6c86981ad933c"));
        f.add(v4(ACK | PSH, "1e16 0181 1fdb5df328bc3def 29a6c86981ad933c 0010 abcd"));
        f.add(v4(ACK, "1e14 0301 1fdb5df328bc3def 29a6c86981ad933c"));
        f.add(v4(ACK, "1e04 0001"));
        f.add(v4(SYN | ACK, "1e14 0001 1fdb5df328bc3def 29a6c86981ad933c"));
        f.add(v4(ACK, "1e0c 0001 29a6c86981ad933c"));
        f.add(v4(SYN, "1e08 0001 01020304"));
        f.add(v4(SYN, "1e03 00"));
        f.add(v4(SYN, "1e02"));
        // MP_JOIN: 12 bytes with SYN, 16 with SYN and ACK, 24 with ACK
        f.add(v4(SYN, "1e0c 1001 8dd1a2b3 c4d5e6f7"));
        f.add(v4(SYN | ACK, "1e0c 1100 00000000 ffffffff"));
        f.add(v4(SYN | ACK, "1e10 1002 0123456789abcdef 0000000a"));
        f.add(v4(ACK, "1e18 1000 00112233445566778899aabbccddeeff00010203"));
        f.add(v4(ACK, "1e0c 1001 8dd1a2b3 c4d5e6f7"));
        f.add(v4(SYN, "1e10 1002 0123456789abcdef 0000000a"));
        f.add(v4(SYN, "1e18 1000 00112233445566778899aabbccddeeff00010203"));
        f.add(v4(ACK, "1e14 1000 00112233445566778899aabbccddeeff"));
        // DSS: flags A/a (ack 4 or 8 bytes), M/m (seq 4 or 8, subseq, length, checksum when room), F; no SYN
        f.add(v4(ACK, "1e04 2000"));
        f.add(v4(ACK, "1e08 2001 c8056f4e"));
        f.add(v4(ACK, "1e0c 2003 c8056f4e9f5c8b4e"));
        f.add(v4(ACK | PSH, "1e12 2004 00000001 00000001 05a0 0000", new byte[16]));
        f.add(v4(ACK | PSH, "1e14 2004 00000001 00000001 05a0 1234", new byte[16]));
        f.add(v4(ACK | PSH, "1e1c 200f ffffffffffffffff 8000000000000001 00000002 0010", new byte[16]));
        f.add(v4(ACK | PSH | FIN, "1e20 201f 0000000000000007 0000000000000008 00000009 0001 beef"));
        f.add(v4(ACK | FIN, "1e04 2010"));
        f.add(v4(ACK, "1e08 2003 c8056f4e"));
        f.add(v4(ACK, "1e0a 2001 c8056f4e 0000"));
        f.add(v4(ACK, "1e08 2004 00000001"));
        f.add(v4(ACK, "1e0c 2004 00000001 00000001"));
        f.add(v4(ACK, "1e0f 2004 00000001 00000001 05a0 00"));
        f.add(v4(ACK, "1e13 2004 00000001 00000001 05a0 123456"));
        f.add(v4(SYN | ACK, "1e08 2001 c8056f4e"));
        f.add(v4(ACK, "1e03 20"));
        // ADD_ADDR: IPv4 or IPv6, with or without port and HMAC (by length); v0 and v1, echo, versions not known
        f.add(v4(ACK, "1e08 3001 0a000201"));
        f.add(v4(ACK, "1e0a 3002 0a000201 2714"));
        f.add(v4(ACK, "1e10 3003 0a000201 6c0f2e1b3a4d5e6f"));
        f.add(v4(ACK, "1e12 3004 0a000201 2714 6c0f2e1b3a4d5e6f"));
        f.add(v4(ACK, "1e08 3105 c0a80001"));
        f.add(v4(ACK, "1e0a 3406 c0a80001 0050"));
        f.add(v4(ACK, "1e14 3607 20010db8000000000000000000000001"));
        f.add(v4(ACK, "1e16 3008 fe800000000000000000000000000001 1f90"));
        f.add(v4(ACK, "1e1c 3009 20010db8000000000000000000000001 0000000000000001"));
        f.add(v4(ACK, "1e1e 300a 00000000000000000000ffff0a000001 01bb ffffffffffffffff"));
        f.add(v4(ACK, "1e08 3303 0a000201"));
        f.add(v4(ACK, "1e08 3f03 0a000201"));
        f.add(v4(ACK, "1e0c 3001 0a000201 27140000"));
        f.add(v4(ACK, "1e07 3001 0a0002"));
        // REMOVE_ADDR: one or more ids
        f.add(v4(ACK, "1e04 4007"));
        f.add(v4(ACK, "1e07 4001 0203ff"));
        f.add(v4(ACK, "1e03 40"));
        // MP_PRIO: 3 or 4 bytes, backup or not
        f.add(v4(ACK, "1e03 51"));
        f.add(v4(ACK, "1e03 50"));
        f.add(v4(ACK, "1e04 5109"));
        f.add(v4(ACK, "1e04 5e00"));
        f.add(v4(ACK, "1e05 5100 00"));
        // MP_FAIL and MP_FASTCLOSE: 12 bytes only
        f.add(v4(ACK, "1e0c 6000 8000000000000000"));
        f.add(v4(ACK, "1e0c 6100 00000000000003e8"));
        f.add(v4(ACK, "1e08 6000 00000001"));
        f.add(v4(ACK | RST, "1e0c 7000 1fdb5df328bc3def"));
        f.add(v4(ACK, "1e0c 7f00 0000000000000000"));
        f.add(v4(ACK, "1e10 7000 1fdb5df328bc3def 00000000"));
        // subtypes tcpdump 4.99 does not know: MP_TCPRST (8), experimental (15)
        f.add(v4(ACK | RST, "1e04 8001"));
        f.add(v4(ACK, "1e06 f0ff 1234"));
        // among other options: before and after, two at once, one running past the header, EOL in the middle
        f.add(v4(ACK, "0101 080a 0000000a 00000014 1e08 2001 c8056f4e 0101 080a 0000000b 00000015"));
        f.add(v4(ACK, "1e0c 2003 c8056f4e9f5c8b4e 1e04 5109"));
        f.add(v4(ACK, "1e0c 2003 c8056f4e9f5c8b4e 1e03 50 00"));
        f.add(v4(SYN, "0204 05b4 1e0c 0101 0000000000000001 1e10 0000"));
        f.add(v4(ACK, "1e14 2001 c8056f4e"));
        f.add(v4(ACK | PSH, "1e08 2001 c8056f4e 00 000000", hex("48656c6c6f")));
        f.add(v4(ACK | PSH, "0101 080a 0000000a 00000014 00 000000", hex("48656c6c6f")));
        f.add(v4(ACK | RST, "1e0c 7000 1fdb5df328bc3def", hex("6e6f207375636820636f6e6e656374696f6e")));
        // over IPv6
        f.add(v6(SYN, "1e04 0101"));
        f.add(v6(ACK, "1e14 0001 1fdb5df328bc3def 29a6c86981ad933c"));
        f.add(v6(ACK, "1e1e 3011 20010db8000000000000000000000001 2714 0123456789abcdef"));
        f.add(v6(ACK, "1e0c 1000 00112233445566778899"));
        return f;
    }

    /** Where the TCP options start. */
    private static int options(byte[] frame) {
        return (frame[12] & 0xff) == 0x86 ? 14 + 40 + 20 : 14 + 20 + 20;
    }

    /** Cut from the TCP header on; mutated in its options only. */
    @Override
    int start(byte[] frame) {
        return options(frame) - 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return options(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MPTCP", 30, 5, 3, 4, MutatedFrames.ALL))
            .whole("", "-v", "-vv")
            .cut("-x", "-v")
            .allocation("-v");
    }
}
