package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Novell IPX (the 30-byte header of Novell's IPX specification, SAP and RIP bodies) against tcpdump 4.99 itself, in
 * the three Ethernet framings tcpdump decodes: Ethernet II (0x8137), 802.2 LLC SAP 0xe0 and raw 802.3 ("ff ff"
 * checksum first), and in GRE and PPP; each socket tcpdump names, SAP and RIP requests and responses with more entries than it prints, lengths
 * too short for the header or an entry, whole, cut after every byte and mutated.
 */
class IpxFormatterTest extends TcpdumpConformance {
    private static final String HERE = "0000abcd 00000c123456", BROADCAST = "00000000 ffffffffffff";

    /** An IPX header (checksum ffff, transport control 0, packet type 4) and {@code data}; length from the data. */
    static byte[] ipx(int dstSocket, int srcSocket, byte[] data) {
        return ipx(30 + data.length, dstSocket, srcSocket, data);
    }

    static byte[] ipx(int length, int dstSocket, int srcSocket, byte[] data) {
        return concat(hex("ffff"), u16(length), hex("0004"), hex(BROADCAST), u16(dstSocket), hex(HERE), u16(srcSocket),
            data);
    }

    static Frame ethernetII(byte[] packet) {
        return new Frame(ethernet(IpxFormatter.ETHERTYPE, packet));
    }

    static Frame llc(byte[] packet) {
        return LlcFrames.llc(hex("ffffffffffff"), concat(hex("e0e003"), packet));
    }

    static Frame raw8023(byte[] packet) {
        return LlcFrames.llc(hex("ffffffffffff"), packet);
    }

    static byte[] sapEntry(int type, String name, String address) {
        return concat(u16(type), Arrays.copyOf(name.getBytes(StandardCharsets.ISO_8859_1), 48), hex(address),
            hex("0451 0001"));
    }

    static byte[] sapResponse(int command, int entries) {
        byte[] body = u16(command);
        for (int i = 0; i < entries; i++) {
            body = concat(body, sapEntry(0x0004 + i, "SERVER" + i, "0000abcd 00000c12345" + (i % 10) + " "));
        }
        return body;
    }

    static byte[] ripResponse(int routes) {
        byte[] body = u16(2);
        for (int i = 0; i < routes; i++) body = concat(body, u32(0x10000 + i), u16(1 + i % 3), u16(2 + i));
        return body;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] sapRequest = ipx(0x0452, 0x4008, hex("0001 0004"));
        f.add(ethernetII(sapRequest));
        f.add(llc(sapRequest));
        f.add(raw8023(sapRequest));
        f.add(new Frame(vlan(7, IpxFormatter.ETHERTYPE, sapRequest)));
        f.add(LlcFrames.llc(hex("ffffffffffff"), concat(hex("aaaa03 000000 8137"), sapRequest)));   // SNAP
        f.add(ethernetII(ipx(0x0452, 0x0452, hex("0003 ffff"))));                  // nearest server request
        f.add(ethernetII(ipx(0x0452, 0x0452, sapResponse(2, 2))));
        f.add(ethernetII(ipx(0x0452, 0x0452, sapResponse(4, 1))));
        f.add(ethernetII(ipx(0x0452, 0x0452, sapResponse(2, 9))));                 // more than tcpdump prints
        byte[] name = sapEntry(0x030c, "\u00e9t\u0001\u007fx", "00000000 001122334455");
        f.add(llc(ipx(0x0452, 0x0452, concat(u16(2), name))));                     // unprintable name bytes
        f.add(ethernetII(ipx(0x0452, 0x0452, concat(u16(2), Arrays.copyOf(name, 30)))));   // name cut by the length
        f.add(ethernetII(ipx(0x0452, 0x0452, concat(u16(2), Arrays.copyOf(name, 55)))));   // address cut
        f.add(ethernetII(ipx(0x0452, 0x0452, concat(u16(2), Arrays.copyOf(name, 62)))));   // socket cut
        f.add(ethernetII(ipx(0x0452, 0x0452, concat(u16(2), name, hex("00")))));            // one byte of a type
        f.add(ethernetII(ipx(0x0452, 0x0452, hex("0009 0004"))));                  // unknown SAP operation
        f.add(ethernetII(ipx(31, 0x0452, 0x0452, hex("0002"))));                   // length 1 for the SAP body
        f.add(ethernetII(ipx(0x0453, 0x0453, hex("0001"))));                       // RIP request, no route
        f.add(ethernetII(ipx(0x0453, 0x0453, hex("0001 ffffffff ffff ffff"))));
        f.add(ethernetII(ipx(0x0453, 0x0453, hex("0001 ffffffff ff"))));            // route too short
        f.add(raw8023(ipx(0x0453, 0x0453, ripResponse(3))));
        f.add(ethernetII(ipx(0x0453, 0x0453, ripResponse(51))));                   // more than tcpdump prints
        f.add(ethernetII(ipx(0x0453, 0x0453, concat(ripResponse(1), hex("0000")))));   // a short route
        f.add(ethernetII(ipx(0x0453, 0x0453, hex("0005"))));                       // unknown RIP operation
        f.add(ethernetII(ipx(31, 0x0453, 0x0453, hex("0001"))));
        f.add(ethernetII(ipx(0x0451, 0x4003, hex("1111 00 01 00 00"))));           // NCP
        f.add(llc(ipx(0x0455, 0x0455, new byte[50])));                             // NetBIOS
        f.add(ethernetII(ipx(0x0456, 0x0456, hex("00"))));                         // diagnostics
        f.add(ethernetII(ipx(0x0553, 0x0553, hex("ff534d42"))));                   // NWLink datagram
        f.add(ethernetII(ipx(0x9001, 0x9001, hex("0102"))));                       // another socket
        f.add(ethernetII(ipx(0x85be, 0x85be, hex("02 05 ee68 00000000 00000000 00000000 00000064"
            + " 0001 000c 010001000000000f 0004 0008 0c040102"))));              // EIGRP hello over IPX
        f.add(ethernetII(ipx(29, 0x0451, 0x0451, new byte[0])));                   // length below the header
        f.add(raw8023(ipx(0, 0x0451, 0x0451, new byte[0])));
        f.add(ethernetII(ipx(0x0452, 0x0452, new byte[0])));                       // no SAP body
        byte[] rip = ipx(0x0453, 0x0453, ripResponse(2));
        f.add(new Frame(ethernet(0x0800, ipv4(47, concat(hex("0000 8137"), rip)))));   // in GRE
        for (String protocol : new String[] {"002b", "8137"}) {                    // in PPPoE's PPP
            f.add(new Frame(ethernet(0x8864, concat(hex("1100 0001"), u16(2 + rip.length), hex(protocol), rip))));
        }
        return f;
    }

    /** Linux cooked captures' protocol 1 (Novell's 802.3 frames): IPX right after the header, as tcpdump's sll. */
    @Test
    void linuxCookedNovell8023AsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (byte[] packet : List.of(ipx(0x0452, 0x0452, sapResponse(2, 2)), ipx(0x0453, 0x0453, ripResponse(2)),
                ipx(29, 0x0451, 0x0451, new byte[0]))) {
            for (String direction : new String[] {"0000", "0004"}) {
                f.add(new Frame(concat(hex(direction + "0001 0006 00000c123456 0000 0001"), packet)));
            }
        }
        List<Frame> all = new ArrayList<>(f);
        all.addAll(TcpdumpOracle.cutAfterEveryByte(f, 0));
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "sll-ipx", dev.fabricscope.capture.LinkType.LINUX_SLL,
            all, "", "-e", "-v", "-x", "-q");
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("IPX", 0x8137, 10, 4, 34, MutatedFrames.ALL))
            .whole("", "-v", "-e", "-q", "-e -x")
            .cut("-x", "-v", "-e -x")
            .mutated("-x", "-v", "-e -v -x")
            .allocation("-v", "-e -x");
    }

    /** Cut from byte 14 on, a VLAN tag too. */
    @Override
    int start(byte[] frame) {
        return 14;
    }

    /** The IPX packet: after the Ethernet header and its VLAN tag. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }
}
