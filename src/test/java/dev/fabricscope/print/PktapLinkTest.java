package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.dissect.BsdHeaders;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LINKTYPE_PKTAP (macOS's pktap) against tcpdump 4.99 itself: the little-endian 108-byte header (pkt_len, record type,
 * DLT, interface name, flags, protocol family, link-layer header and trailer lengths, pid, command name, service
 * class, interface type and unit, effective pid and command name), longer headers, then packets of the DLTs tcpdump
 * and we print (Ethernet, NULL, raw IP, PPP, Cisco HDLC, Linux cooked, pflog, enc, pktap again), DLTs without a printer, no
 * data and unknown records, invalid lengths; also LINKTYPE_USER2, which tcpdump reads as PKTAP.
 */
class PktapLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    static byte[] text(String s, int size) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), size);
    }

    /** A header of {@code length} bytes (108 and more: zero-padded), then the packet. */
    static byte[] pktap(long length, long recordType, long dlt, byte[] packet) {
        byte[] header = concat(le32(length), le32(recordType), le32(dlt), text("en0", 24), le32(1), le32(2), le32(14),
            le32(0), le32(321), text("curl", 20), le32(0x1f4), new byte[] {6, 0, 0, 0}, le32(321), text("curl", 20));
        return concat(Arrays.copyOf(header, (int) Math.max(108, Math.min(length, 400))), packet);
    }

    static byte[] pktap(long dlt, byte[] packet) {
        return pktap(108, 1, dlt, packet);
    }

    @Override
    List<Frame> frames() {
        byte[] v4 = ipv4(1, icmpEcho(8, 0x0d0e, 1, new byte[16]));
        byte[] v6 = ipv6(17, udp(546, 547, new byte[4], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(pktap(1, ethernet(0x0800, ipv4(17, udp(1000, 53, ascii("abcd"), IP_A, IP_B))))));
        f.add(new Frame(pktap(1, ethernet(0x86dd, v6))));
        f.add(new Frame(pktap(1, ethernet(0x1234, hex("0102030405")))));
        f.add(new Frame(pktap(0, concat(new byte[] {2, 0, 0, 0}, v4))));                    // NULL
        f.add(new Frame(pktap(0, concat(new byte[] {30, 0, 0, 0}, v6))));
        f.add(new Frame(pktap(12, v4)));                                                    // DLT_RAW
        f.add(new Frame(pktap(228, v4)));
        f.add(new Frame(pktap(229, v6)));
        f.add(new Frame(pktap(9, concat(hex("ff030021"), v4))));                           // PPP
        f.add(new Frame(pktap(104, concat(hex("0f000800"), v4))));                         // Cisco HDLC
        f.add(new Frame(pktap(113, concat(hex("0000000100060011223344550000 0800"), v4))));  // Linux cooked
        f.add(new Frame(pktap(117, PflogLinkTest.pflog(2, 1, 0, 1, v4))));
        f.add(new Frame(pktap(109, EncLinkTest.enc(2, 0x1000, 0x0c00, v4))));
        f.add(new Frame(pktap(258, pktap(1, ethernet(0x0800, v4)))));                     // pktap in pktap
        f.add(new Frame(pktap(149, pktap(0, concat(new byte[] {2, 0, 0, 0}, v4)))));
        f.add(new Frame(pktap(101, v4)));                                                   // no printer: dump
        f.add(new Frame(pktap(14, v4)));
        f.add(new Frame(pktap(147, hex("0102030405060708090a0b0c0d0e0f1011"))));
        f.add(new Frame(pktap(0x80000001L, hex("ab"))));
        f.add(new Frame(pktap(120, 1, 1, ethernet(0x0800, v4))));                           // a longer header
        f.add(new Frame(pktap(111, 1, 0, concat(new byte[] {2, 0, 0, 0}, v4))));
        f.add(new Frame(pktap(108, 0, 1, new byte[0])));                                   // no data
        f.add(new Frame(pktap(108, 0, 1, hex("0102"))));
        f.add(new Frame(pktap(108, 2, 1, hex("0102"))));                                   // unknown record
        f.add(new Frame(pktap(108, 0xffffffffL, 12, v4)));
        f.add(new Frame(pktap(1, new byte[0])));                                           // the header alone
        f.add(new Frame(pktap(107, 1, 1, ethernet(0x0800, v4))));                           // pkt_len too small
        f.add(new Frame(pktap(0, 1, 1, ethernet(0x0800, v4))));
        f.add(new Frame(pktap(4000, 1, 1, ethernet(0x0800, v4))));                          // too big
        f.add(new Frame(pktap(0xffffffffL, 1, 1, ethernet(0x0800, v4))));
        f.add(new Frame(Arrays.copyOf(pktap(1, new byte[0]), 100)));                       // packet too short
        return f;
    }

    @Test
    void user2IsPktap() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "user2", LinkType.USER2, frames(), "", "-e", "-x");
    }

    @Override
    int linkType() {
        return LinkType.PKTAP;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("PKTAP", 20_261_124L, 16, 3, 16, MutatedFrames.ALL))
            .mutated("-e -x", "-v", "-e -q");
    }

    /**
     * A mutant whose DLT tcpdump prints without a printer or with one we have too (a DLT of a protocol we do not
     * print would print UNSUPPORTED where tcpdump decodes it).
     */
    @Override
    boolean comparesMutant(byte[] mutant) {
        return printedDlt(mutant, BsdHeaders.PKTAP_DLT);
    }

    /** Whether the DLT field at {@code at} names a type tcpdump does not print, or one we print too; true if cut. */
    static boolean printedDlt(byte[] frame, int at) {
        if (frame.length < at + 4) return true;
        long dlt = (frame[at] & 0xff) | (frame[at + 1] & 0xff) << 8 | (frame[at + 2] & 0xff) << 16
            | (long) (frame[at + 3] & 0xff) << 24;
        return !PktapFormatter.tcpdumpPrints(dlt) || PacketPrinter.prints(PktapFormatter.linkType(dlt));
    }
}
