package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * ATM ARP (RFC 2225: ARP's hardware type 19) against tcpdump 4.99 itself: every operation, ATM numbers with and
 * without subaddresses (E.164 flag bits in the type/length bytes), missing numbers, other protocol types and lengths,
 * whole in every verbosity and with -e, cut after every byte, and seeded mutants.
 */
class AtmArpFormatterTest extends TcpdumpConformance {
    private static final byte[] NSAP_A = hex("47000580ffe1000000f21a3c5d 0020481a3c5d 00");
    private static final byte[] NSAP_B = hex("47000580ffe1000000f21a3c5e 0020481a3c5e 00");
    private static final byte[] SUB = hex("3901020304");

    /**
     * The fixed part (types, number and subaddress type/lengths, operation, protocol lengths), then source number,
     * subaddress and protocol address, target number, subaddress and protocol address.
     */
    static byte[] atmArp(int pro, int op, byte[] sha, int shFlags, byte[] ssa, byte[] spa, byte[] tha, int thFlags,
            byte[] tsa, byte[] tpa) {
        return concat(u16(19), u16(pro), new byte[] {(byte) (sha.length | shFlags), (byte) ssa.length}, u16(op),
            new byte[] {(byte) spa.length, (byte) (tha.length | thFlags), (byte) tsa.length, (byte) tpa.length},
            sha, ssa, spa, tha, tsa, tpa);
    }

    static Frame frame(byte[] arp) {
        return new Frame(ethernet(0x0806, arp));
    }

    @Override
    List<Frame> frames() {
        byte[] none = new byte[0];
        List<Frame> f = new ArrayList<>();
        for (int op : new int[] {1, 2, 3, 4, 8, 9, 10, 0, 5, 11, 0xffff}) {
            f.add(frame(atmArp(0x0800, op, NSAP_A, 0, SUB, IP_A, NSAP_B, 0, none, IP_B)));
        }
        // no target number (a request's usual form), no numbers at all, E.164 numbers with the flag bit
        f.add(frame(atmArp(0x0800, 1, NSAP_A, 0, none, IP_A, none, 0, none, IP_B)));
        f.add(frame(concat(atmArp(0x0800, 8, none, 0, none, IP_A, none, 0, none, IP_B), new byte[20])));   // padded
        f.add(frame(atmArp(0x0800, 2, hex("1234567890"), 0x40, none, IP_A, hex("0987"), 0x40, SUB, IP_B)));
        f.add(frame(atmArp(0x0800, 1, NSAP_A, 0x80, SUB, IP_A, NSAP_B, 0xc0, SUB, IP_B)));
        // trailer ARP's type, other protocols and protocol-address lengths
        f.add(frame(atmArp(0x1000, 2, NSAP_A, 0, none, IP_A, NSAP_B, 0, none, IP_B)));
        for (int op : new int[] {1, 2, 9, 10}) {
            f.add(frame(atmArp(0x86dd, op, NSAP_A, 0, none, IP6_A, NSAP_B, 0, none, IP6_B)));
            f.add(frame(atmArp(0x0800, op, NSAP_A, 0, none, hex("0a00"), NSAP_B, 0, none, IP_B)));
            f.add(frame(atmArp(0x0800, op, NSAP_A, 0, none, IP_A, NSAP_B, 0, SUB, none)));
        }
        f.add(frame(atmArp(0x4242, 1, NSAP_A, 0, none, IP_A, NSAP_B, 0, none, IP_B)));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("ATMARP", 2225, 12))
            .whole("", "-v", "-vv", "-q", "-e", "-x")
            .allocation("", "-v", "-e");
    }

    @Override
    int start(byte[] frame) {
        return 14;
    }
}
