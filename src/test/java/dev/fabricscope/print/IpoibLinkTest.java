package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_IPOIB (IP over InfiniBand, RFC 4391, as Linux captures it) against tcpdump 4.99 itself: the 44-byte
 * header (two 20-byte hardware addresses, the ethertype, 2 reserved bytes) before IPv4, IPv6, ARP with InfiniBand's
 * 20-byte hardware addresses, MPLS, a type tcpdump names but does not decode, unknown types; with and without -e, in
 * the verbosities, whole, cut after every byte and mutated.
 */
class IpoibLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    /** IPoIB hardware addresses (RFC 4391 section 9.1.1): flags and QPN, then the port's GID. */
    private static final byte[] HW_A = hex("00 00 04 48 fe80 0000 0000 0000 0002 c903 0001 0002");
    private static final byte[] HW_B = hex("80 00 05 50 fe80 0000 0000 0000 0010 e000 664a b451");
    /** The broadcast group's address: QPN 0xffffff, the IPv4 broadcast MGID of P_Key 0xffff. */
    private static final byte[] HW_BROADCAST = hex("00 ff ff ff ff 12 40 1b ff ff 00 00 00 00 00 00 ff ff ff ff");

    static byte[] ipoib(int type, byte[] payload) {
        return concat(HW_A, HW_B, u16(type), u16(0), payload);
    }

    /** ARP with hardware type 32 (InfiniBand) and 20-byte hardware addresses. */
    private static byte[] ibArp(int op, byte[] sha, byte[] spa, byte[] tha, byte[] tpa) {
        return concat(hex("0020 0800 14 04"), u16(op), sha, spa, tha, tpa);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(ipoib(0x0800, ipv4(1, icmpEcho(8, 0x195f, 3, new byte[24])))));
        f.add(new Frame(ipoib(0x0800, ipv4(17, udp(1000, 2000, "abcd".getBytes(), IP_A, IP_B)))));
        f.add(new Frame(ipoib(0x0800, ipv4(6, tcp(0x018, new byte[0], "ipoib".getBytes())))));
        f.add(new Frame(ipoib(0x86dd, ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A,
            IP6_B))));
        f.add(new Frame(ipoib(0x0806, ibArp(1, HW_A, IP_A, new byte[20], IP_B))));
        f.add(new Frame(ipoib(0x0806, ibArp(1, HW_A, IP_A, HW_BROADCAST, IP_B))));
        f.add(new Frame(ipoib(0x0806, ibArp(2, HW_B, IP_B, HW_A, IP_A))));
        f.add(new Frame(ipoib(0x0806, ibArp(8, HW_B, IP_B, HW_A, IP_A))));          // InARP request
        f.add(new Frame(ipoib(0x8847, concat(hex("00064140"), ipv4(17, udp(7, 9, new byte[2], IP_A, IP_B))))));
        f.add(new Frame(ipoib(0x8100, hex("0064 0800 4500"))));                      // not decoded after IPoIB
        f.add(new Frame(ipoib(0x0600, hex("0102030405"))));                          // named (NS), not decoded
        f.add(new Frame(ipoib(0x1234, hex("0102030405060708090a0b0c0d0e0f1011"))));  // unknown
        f.add(new Frame(ipoib(0x0005, hex("01"))));                                  // small: no 802.3 length here
        f.add(new Frame(ipoib(0x0800, new byte[0])));                               // the header alone
        byte[] reserved = ipoib(0x0800, ipv4(17, udp(1, 2, new byte[0], IP_A, IP_B)));
        reserved[42] = 0x12;
        reserved[43] = 0x34;
        f.add(new Frame(reserved));                                                  // reserved bytes not checked
        return f;
    }

    @Override
    int linkType() {
        return LinkType.IPOIB;
    }

    @Override
    Checks checks() {
        return linkChecks(mutants())
            .whole("", "-e", "-v", "-e -v", "-vv", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X")
            .allocation("-v", "-e -v", "-e -x");
    }

    /** The end of the header (type, reserved bytes) and what follows. */
    @Override
    int mutantStart(byte[] frame) {
        return 36;
    }

    /**
     * A type tcpdump decodes and we do not (IPX, AppleTalk, DECnet, ...) is a known difference: a changed type is kept
     * only when tcpdump has no name for it.
     */
    private Mutants mutants() {
        MutatedFrames.Keep decoded = (original, mutant, start) ->
            Arrays.equals(original, 40, 42, mutant, 40, 42)
                || EtherTypeNames.of((mutant[40] & 0xff) << 8 | mutant[41] & 0xff) == null;
        return new Mutants("IPOIB", 20_250_803L, 24, 3, 16, decoded);
    }
}
