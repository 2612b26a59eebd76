package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * ARCNET captures against tcpdump 4.99 itself: LINKTYPE_ARCNET (the 3-byte header of the old IP and ARP types and
 * diagnostics, else the flag and sequence number, extended after a flag of 0xff; first and later fragments) and
 * LINKTYPE_ARCNET_LINUX (the offset field too), carrying IPv4, IPv6, ARP, AppleTalk's DDP and unknown types; with and
 * without -e, in the verbosities, whole, cut after every byte and mutated.
 */
class ArcnetLinkTest {
    private static final byte[] IPV4_UDP = ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B));
    private static final byte[] IPV6_UDP = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A,
        IP6_B);
    /** ARP for ARCNET (hardware type 7): 1-byte hardware addresses. */
    private static final byte[] ARP = concat(hex("0007 0800 01 04 0001 01"), IP_A, hex("00"), IP_B);
    /** A long DDP header (length, checksum, networks, nodes, sockets, type) and an NBP lookup for a LaserWriter. */
    private static final byte[] DDP_NBP = hex("0000 0000 0003 0001 09 05 02 fd 02"
        + " 21 07 0001 05 fd 00 01 3d 0b 4c61736572577269746572 01 2a");
    /** DDP carrying ATP (a request) and RTMP (named only). */
    private static final byte[] DDP_ATP = hex("0000 0000 0003 0001 ff 05 80 81 03 40 01 1234 00000000");
    private static final byte[] DDP_RTMP = hex("0000 0000 0000 0002 ff 06 01 01 01 000201 0000");

    static List<Frame> arcnet() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(hex("01 02 d4 00 1234"), IPV4_UDP)));
        f.add(new Frame(concat(hex("01 02 c4 00 0001"), IPV6_UDP)));
        f.add(new Frame(concat(hex("01 ff d5 00 0002"), ARP)));
        f.add(new Frame(concat(hex("03 04 f0"), IPV4_UDP)));                   // old IP: no flag
        f.add(new Frame(concat(hex("03 04 f1"), ARP)));
        f.add(new Frame(hex("03 04 80 0102030405")));                          // diagnostics
        f.add(new Frame(concat(hex("05 06 d4 ff 0000 d4 03 0042"), IPV4_UDP)));   // extended, first of 3
        f.add(new Frame(concat(hex("05 06 d4 02 0042"), hex("0102030405"))));  // fragment 2
        f.add(new Frame(concat(hex("05 06 d4 05 0043"), IPV4_UDP)));           // first of 4
        f.add(new Frame(hex("07 08 dd 00 0001 0102")));                        // AppleTalk, shorter than DDP's header
        f.add(new Frame(concat(hex("07 08 dd 00 0002"), DDP_NBP)));
        f.add(new Frame(concat(hex("07 ff dd ff 0000 dd 00 0003"), DDP_ATP)));
        f.add(new Frame(concat(hex("07 ff dd 00 0004"), DDP_RTMP)));
        f.add(new Frame(hex("07 08 37 00 0001 0102 0304")));                   // unknown type
        f.add(new Frame(hex("07 08 d4 00 0001")));                             // no packet
        return f;
    }

    static List<Frame> arcnetLinux() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(hex("01 02 0000 d4 00 1234"), IPV4_UDP)));
        f.add(new Frame(concat(hex("01 02 f000 c4 00 0001"), IPV6_UDP)));
        f.add(new Frame(concat(hex("01 ff d500 d5 00 0002"), ARP)));
        f.add(new Frame(concat(hex("03 04 0000 f0"), IPV4_UDP)));
        f.add(new Frame(concat(hex("03 04 8000 f1"), ARP)));
        f.add(new Frame(hex("03 04 0000 80 0102030405")));
        f.add(new Frame(concat(hex("05 06 0000 d4 02 0042"), IPV4_UDP)));      // a flag: not read
        f.add(new Frame(concat(hex("07 08 0000 dd 00 0002"), DDP_NBP)));
        f.add(new Frame(concat(hex("07 08 0000 dd 00 0002"), DDP_ATP)));
        f.add(new Frame(hex("07 08 0000 dd 00 0002 0000")));
        f.add(new Frame(hex("07 08 0100 37 00 0001 0102 0304")));
        return f;
    }

    /** What both link types test alike: the flag sets, cuts from the second byte, the header mutated most. */
    abstract static class Arcnet extends TcpdumpConformance {
        @Override
        Checks checks() {
            return Checks.of(new Mutants("ARCNET", 20_261_128L + linkType(), 24, 3, 12, MutatedFrames.ALL))
                .whole("", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X")
                .cut("-x", "-e -x", "-v", "-e -q")
                .allocation("", "-v", "-e -v", "-e -x", "-q -e")
                .repeats(2000);
        }

        @Override
        int start(byte[] frame) {
            return 1;
        }
    }

    @Nested
    class Bsd extends Arcnet {
        @Override
        List<Frame> frames() {
            return arcnet();
        }

        @Override
        int linkType() {
            return LinkType.ARCNET;
        }
    }

    @Nested
    class Linux extends Arcnet {
        @Override
        List<Frame> frames() {
            return arcnetLinux();
        }

        @Override
        int linkType() {
            return LinkType.ARCNET_LINUX;
        }
    }
}
