package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLIP captures against tcpdump 4.99 itself: LINKTYPE_SLIP (the 16-byte header: direction and the Van Jacobson
 * header bytes, which -e decodes: IP, uncompressed TCP with its connection, compressed TCP with each change in its
 * short and long form and the special cases that reuse the last packet's length, which carries over from packet to
 * packet), LINKTYPE_SLIP_BSDOS (DLT 15 and LINKTYPE 102) and LINKTYPE_PPP_BSDOS (16, 103: tcpdump prints nothing
 * of it when not built on BSD/OS); with and without -e, in the verbosities, whole, cut after every byte and mutated.
 */
class SlipLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final byte[] IPV4_UDP = ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B));
    private static final byte[] IPV4_TCP = ipv4(6, tcp(0x018, hex("0101080a 00000001 00000002"), ascii("slip!")));
    private static final byte[] IPV6_UDP = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A,
        IP6_B);

    /** The SLIP header: direction, then the VJ header bytes (zero-padded to 15). */
    private static byte[] header(int direction, String vj) {
        byte[] h = new byte[16];
        h[0] = (byte) direction;
        byte[] b = hex(vj);
        System.arraycopy(b, 0, h, 1, Math.min(15, b.length));
        return h;
    }

    static List<Frame> slip() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(header(0, "45"), IPV4_UDP)));
        f.add(new Frame(concat(header(1, "45"), IPV6_UDP)));
        f.add(new Frame(concat(header(0, "7500 0034 0001 0000 40 07"), IPV4_TCP)));          // utcp, connection 7
        f.add(new Frame(concat(header(1, "7500 0034 0001 0000 40 09"), IPV4_TCP)));          // out, connection 9
        f.add(new Frame(concat(header(0, "e7 07 abcd 05 0a 10 20"), IPV4_TCP)));             // U W A I, short
        f.add(new Frame(concat(header(0, "ed 07 abcd 00 0102 00 0304 05"), IPV4_TCP)));      // U A S I, long
        f.add(new Frame(concat(header(1, "ce 09 abcd 00 ff9c 00 0400 00 8000"), IPV4_TCP)));  // W A S, long
        f.add(new Frame(concat(header(1, "c1 09 abcd 00 ffff"), IPV4_TCP)));                  // U
        f.add(new Frame(concat(header(0, "cf 07 abcd 05 0a 10 20 04"), IPV4_TCP)));          // *S+ with a new one
        f.add(new Frame(concat(header(0, "8b abcd"), IPV4_TCP)));                             // *SA+ on 7
        f.add(new Frame(concat(header(1, "cf 09 abcd 00 1234 00 ff9c 00 0400 00 8000 00 0001"), IPV4_TCP)));   // long
        f.add(new Frame(concat(header(1, "8f abcd"), IPV4_TCP)));                             // *S+ on 9
        f.add(new Frame(concat(header(0, "82 abcd 00 fffe"), IPV4_TCP)));                     // a negative window
        f.add(new Frame(concat(header(0, "a0 abcd 03"), IPV4_TCP)));                          // I only
        f.add(new Frame(concat(header(0, "c0 07 abcd"), IPV4_UDP)));                          // TCP header not there
        f.add(new Frame(concat(header(0, "7500 0034 0001 0000 40 03"), IPV4_UDP)));           // the same, utcp
        f.add(new Frame(concat(header(2, "45"), IPV4_UDP)));                                  // invalid direction
        f.add(new Frame(concat(header(0xff, "7500 0034 0001 0000 40 03"), IPV4_TCP)));
        f.add(new Frame(concat(header(3, "c0 07 abcd"), IPV4_TCP)));
        f.add(new Frame(concat(header(0, "00"), IPV4_UDP)));                                  // slip-0!
        f.add(new Frame(concat(header(1, "35"), IPV4_UDP)));                                  // slip-53!
        f.add(new Frame(concat(header(0, "45"), hex("55 0102 0304"))));                       // ip v5
        f.add(new Frame(concat(header(0, "45"), hex("00"))));                                 // ip v0
        f.add(new Frame(concat(header(0, "45"), IPV6_UDP)));                                  // IP says v4, is v6
        f.add(new Frame(header(0, "45")));                                                    // the header alone
        return f;
    }

    static List<Frame> bsdos() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(header(0, "45"), IPV4_UDP)));
        f.add(new Frame(concat(header(1, "7500"), IPV4_TCP)));
        f.add(new Frame(concat(header(0, "45"), IPV6_UDP)));                                  // IPv4's printer
        f.add(new Frame(concat(header(0, "45"), hex("00"))));
        f.add(new Frame(header(0, "")));
        return f;
    }

    private static final int[] SLIP_TYPES = {LinkType.SLIP, LinkType.SLIP_BSDOS, LinkType.SLIP_BSDOS_15,
        LinkType.PPP_BSDOS, LinkType.PPP_BSDOS_16};

    private static List<Frame> frames(int linkType) {
        return linkType == LinkType.SLIP ? slip() : bsdos();
    }

    @Test
    void wholeFramesAsTcpdump() throws Exception {
        for (int linkType : SLIP_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "whole-" + linkType, linkType, frames(linkType),
                "", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X");
        }
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        for (int linkType : SLIP_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cut-" + linkType, linkType,
                TcpdumpOracle.cutAfterEveryByte(frames(linkType), 1), "-x", "-e -x", "-v", "-e -q");
        }
    }

    /** Mutants of the header and the IP and TCP headers after it (the first 60 bytes). */
    @Test
    void mutantsAsTcpdump() throws Exception {
        for (int linkType : new int[] {LinkType.SLIP, LinkType.SLIP_BSDOS}) {
            List<Frame> mutants = MutatedFrames.of(frames(linkType), "SLIP", 20_261_127L + linkType, 24, b -> 0, 4, 60,
                MutatedFrames.ALL);
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mutants-" + linkType, linkType, mutants, "-e -x",
                "-v");
        }
    }

    @Test
    void noAllocationPerPacket() {
        for (int linkType : SLIP_TYPES) {
            PrinterAllocation.assertNoAllocationPerPacketWith(frames(linkType), linkType, 2000, LinkType.name(linkType),
                "", "-v", "-e -v", "-e -x", "-q -e");
        }
    }
}
