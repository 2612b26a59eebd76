package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The serial link types against tcpdump 4.99 itself: LINKTYPE_PPP (with and without address and control, compressed
 * protocol fields, pppd's direction header), LINKTYPE_PPP_HDLC (PPP in HDLC-like framing, Cisco HDLC frames, other
 * addresses) and LINKTYPE_C_HDLC (IPv4, IPv6, SLARP's codes, MPLS, OSI with and without its pad byte, unknown
 * types, unicast, broadcast and other addresses), each carrying IP, LCP, IPCP, CHAP, PAP, multilink, MPLS, IS-IS
 * and unknown protocols; with and without -e, in the verbosities, whole, cut after every byte and mutated.
 */
class SerialLinkTest {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final byte[] IPV4_UDP = ipv4(17, udp(1000, 2000, "abcd".getBytes(), IP_A, IP_B));
    private static final byte[] IPV6_UDP = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A,
        IP6_B);
    private static final byte[] ISIS_HELLO = IsisFrames.ptpIih(3, "192168001001", 30, 1, IsisFrames.tlv(129, "cc"));
    private static final byte[] MPLS_IPV4 = concat(hex("00064140"), IPV4_UDP);   // label 100, bottom, TTL 64

    /** PPP protocol and what it carries. */
    private record Carried(int protocol, byte[] payload) { }

    private static final List<Carried> PPP_PAYLOADS = List.of(
        new Carried(0x0021, IPV4_UDP),
        new Carried(0x0057, IPV6_UDP),
        new Carried(0xc021, hex("01 01 00 0e 01 04 05dc 05 06 12345678")),   // LCP Conf-Request: MRU, magic
        new Carried(0xc021, hex("09 02 00 0c 12345678 61626364")),           // LCP Echo-Request with data
        new Carried(0x8021, hex("01 03 00 0a 03 06 0a000001")),              // IPCP Conf-Request: address
        new Carried(0xc223, hex("01 05 00 0f 04 01020304 726f75746572")),    // CHAP Challenge
        new Carried(0xc023, hex("01 06 00 0e 04 75736572 04 70617373")),     // PAP Auth-Req
        new Carried(0x003d, concat(hex("c0 0123"), IPV4_UDP)),               // multilink fragment
        new Carried(0x0281, MPLS_IPV4),
        new Carried(0x0023, ISIS_HELLO),                                     // OSI
        new Carried(0x00fd, hex("abcdef")),                                  // compressed
        new Carried(0x8207, hex("0102030405")),                              // named, not decoded (CDPCP)
        new Carried(0x1235, hex("0102030405")));                             // unknown

    private static List<Frame> ppp() {
        List<Frame> f = new ArrayList<>();
        for (Carried c : PPP_PAYLOADS) f.add(new Frame(concat(hex("ff03"), u16(c.protocol()), c.payload())));
        f.add(new Frame(concat(hex("21"), IPV4_UDP)));                       // ACFC and PFC
        f.add(new Frame(concat(hex("0057"), IPV6_UDP)));                     // ACFC only
        f.add(new Frame(concat(hex("ff03 57"), IPV6_UDP)));                  // PFC only
        f.add(new Frame(concat(hex("0003 0021"), IPV4_UDP)));                // pppd: in
        f.add(new Frame(concat(hex("0103 c021"), PPP_PAYLOADS.get(2).payload())));   // pppd: out
        f.add(new Frame(hex("ff03 c0")));                                    // a protocol of one byte only
        return f;
    }

    private static List<Frame> pppSerial() {
        List<Frame> f = new ArrayList<>();
        for (Carried c : PPP_PAYLOADS) f.add(new Frame(concat(hex("ff03"), u16(c.protocol()), c.payload())));
        f.add(new Frame(concat(hex("0f00 0800"), IPV4_UDP)));               // Cisco HDLC
        f.add(new Frame(concat(hex("8f00 8035 00000002 00000005 00000004 ffff"))));
        f.add(new Frame(concat(hex("1203 0021"), IPV4_UDP)));               // another address
        return f;
    }

    private static final List<String> SLARP = List.of(
        "00000000 00000000 00000000 0000",                 // request
        "00000001 0a000001 ffffff00 ffff",                 // reply
        "00000002 00000005 00000004 ffff",                 // keepalive without uptime
        "00000002 00000005 00000004 ffff 0527c5b9",        // with uptime
        "00000002 00000005 00000004 ffff 0527c5b9 0000",   // trailing
        "00000002 00000005 00000004 ffff ffffffff 00",     // the longest uptime
        "00000007 0102030405060708090a0b0c",               // unknown code
        "00000001 0a000001 ffff");                          // shorter than SLARP

    private static List<Frame> chdlc() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(hex("0f00 0800"), IPV4_UDP)));
        f.add(new Frame(concat(hex("0f00 86dd"), IPV6_UDP)));
        for (String s : SLARP) f.add(new Frame(concat(hex("8f00 8035"), hex(s))));
        f.add(new Frame(concat(hex("0f00 8847"), MPLS_IPV4)));
        f.add(new Frame(concat(hex("0f00 8848"), MPLS_IPV4)));
        f.add(new Frame(concat(hex("0f00 fefe 00"), ISIS_HELLO)));          // with the pad byte
        f.add(new Frame(concat(hex("0f00 fefe"), ISIS_HELLO)));             // without
        f.add(new Frame(hex("0f00 fefe 83")));                              // one byte of OSI
        f.add(new Frame(hex("0f00 2000 0102 0304")));                       // CDP: not decoded
        f.add(new Frame(hex("0f00 1234 0102")));                            // unknown
        f.add(new Frame(concat(hex("3c00 0800"), IPV4_UDP)));               // neither unicast nor broadcast
        return f;
    }

    private static List<Frame> frames(int linkType) {
        return switch (linkType) {
            case LinkType.PPP, LinkType.PPP_PPPD -> ppp();
            case LinkType.PPP_SERIAL -> pppSerial();
            default -> chdlc();
        };
    }

    /** Each serial link type's checks: its frames, the same flag sets, a seed per type. */
    abstract static class SerialType extends LinkConformance {
        @Override
        List<Frame> frames() {
            return SerialLinkTest.frames(linkType());
        }

        /**
         * Mutants of the link header and the first bytes after it (the protocol and a control message's header), but
         * for NLPID-led frames.
         */
        private Mutants mutants() {
            MutatedFrames.Keep decoded = (original, mutant, start) -> mutant[0] != (byte) 0xfe;   // NLPID-led aside
            return new Mutants("SERIAL_LINK", 20_250_802L + linkType(), 24, 3, 8, decoded);
        }

        @Override
        Checks checks() {
            return linkChecks(mutants())
                .whole("", "-e", "-v", "-e -v", "-vv", "-q", "-e -q", "-x", "-e -x", "-e -XX")
                .cut("-x", "-e -x", "-v", "-vv")
                .allocation("-v", "-e -v");
        }
    }

    @Nested
    class Ppp extends SerialType {
        @Override
        int linkType() {
            return LinkType.PPP;
        }
    }

    @Nested
    class PppPppd extends SerialType {
        @Override
        int linkType() {
            return LinkType.PPP_PPPD;
        }
    }

    @Nested
    class PppSerial extends SerialType {
        @Override
        int linkType() {
            return LinkType.PPP_SERIAL;
        }
    }

    @Nested
    class CHdlc extends SerialType {
        @Override
        int linkType() {
            return LinkType.C_HDLC;
        }
    }
}
