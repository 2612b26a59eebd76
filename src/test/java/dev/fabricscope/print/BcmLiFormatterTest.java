package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Broadcom's LI shim (UDP from 49152) against tcpdump 4.99 itself: the shim and, with -v, the packet it carries, in
 * every verbosity and with -e, whole, cut after every byte and mutated.
 */
class BcmLiFormatterTest extends TcpdumpConformance {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 10, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 10, 2};

    private static byte[] shim(int direction, int type, int subtype, int liId) {
        return u32((long) direction << 29 | (long) type << 25 | (long) subtype << 22 | liId);
    }

    private static Frame li(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(49152, 443, payload, IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        byte[] ip4 = ipv4(17, udp(1000, 2000, new byte[6], INNER_A, INNER_B), 0, 64, 3, 0x4000, new byte[0], -1,
            INNER_A, INNER_B);
        byte[] ip6 = ipv6(6, tcp(33000, 8000, 5, 0, 0x002, 1000, 0, new byte[0], new byte[0], IP6_A, IP6_B), 0x60000000L,
            IP6_A, IP6_B);
        byte[] frame = ethernet(0x0806, hex("0001 0800 06 04 0001 001122334455 c0a80a01 000000000000 c0a80a02"));
        List<Frame> f = new ArrayList<>();
        f.add(li(concat(shim(2, 5, 3, 12345), ip4)));
        f.add(li(concat(shim(3, 6, 1, 0x3fffff), ip6)));
        f.add(li(concat(shim(1, 7, 2, 7), frame)));
        f.add(li(concat(shim(0, 4, 0, 1), ip4)));
        f.add(li(concat(shim(5, 4, 7, 2), ip6)));
        f.add(li(concat(shim(2, 4, 3, 3), hex("00112233"))));
        f.add(li(concat(shim(2, 3, 3, 4), ip4)));
        f.add(li(concat(shim(2, 7, 3, 5), hex("0011"))));
        f.add(li(shim(2, 5, 3, 6)));
        f.add(li(hex("0102")));
        f.add(li(concat(shim(7, 15, 7, 0x3fffff), ip4)));
        f.add(li(concat(shim(2, 4, 3, 8), hex("45"))));
        f.add(li(concat(shim(2, 4, 3, 9), hex("60000000"))));
        f.add(li(concat(shim(2, 5, 3, 10), new byte[0])));
        f.add(li(hex("010203")));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The shim: after the outer UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("BCMLI", 49152, 20))
            // -e prints the carried Ethernet frame's addresses.
            .whole("", "-v", "-vv", "-q", "-e -v");
    }
}
