package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LINKTYPE_ATM_CLIP (Linux Classical IP over ATM) against tcpdump 4.99 itself: RFC 1483 LLC/SNAP PDUs with the
 * ethertype OUI (IPv4, IPv6, ARP and ATM ARP, types tcpdump does not decode), and what it takes for bare IPv4 (other
 * LLC headers and OUIs, an IPv6 packet); -e's length, whole, cut after every byte, mutated; Linux's DLT value 19 too.
 */
class AtmClipLinkTest extends TcpdumpConformance {
    private static final byte[] SNAP = hex("aaaa03 000000");

    private static byte[] udp4() {
        return ipv4(17, udp(1000, 2000, ascii("clip"), IP_A, IP_B));
    }

    private static byte[] udp6() {
        return ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(udp4()));
        f.add(new Frame(concat(SNAP, u16(0x0800), udp4())));
        f.add(new Frame(concat(SNAP, u16(0x86dd), udp6())));
        f.add(new Frame(concat(SNAP, u16(0x0806), arp(1, MAC_A, IP_A, new byte[6], IP_B))));
        f.add(new Frame(concat(SNAP, u16(0x0806), AtmArpFormatterTest.atmArp(0x0800, 2,
            hex("47000580ffe1000000f21a3c5d0020481a3c5d00"), 0, new byte[0], IP_A, new byte[0], 0, new byte[0], IP_B))));
        f.add(new Frame(concat(SNAP, u16(0x4242), hex("0102030405060708"))));   // not decoded: the dump
        f.add(new Frame(concat(SNAP, u16(0x0800))));
        f.add(new Frame(concat(hex("aaaa03 000001 0800"), udp4())));   // another OUI: taken for IPv4
        f.add(new Frame(concat(hex("fefe03 cc"), udp4())));
        f.add(new Frame(udp6()));
        f.add(new Frame(concat(udp4(), new byte[12])));   // padded
        f.add(new Frame(hex("aaaa03")));
        f.add(new Frame(new byte[0]));
        return f;
    }

    @Override
    int linkType() {
        return LinkType.ATM_CLIP;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("CIP", 106, 12))
            .whole("", "-v", "-vv", "-q", "-e", "-x", "-e -x")
            .cut("-x", "-v -x", "-e -x")
            .allocation("", "-v", "-e");
    }

    @Override
    int start(byte[] frame) {
        return 0;
    }

    /** Linux's DLT_ATM_CLIP value, which libpcap reads from a file as ATM_CLIP too. */
    @Test
    void linuxDltValueAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "clip-19", LinkType.ATM_CLIP_19, frames(), "", "-e -x");
    }
}
