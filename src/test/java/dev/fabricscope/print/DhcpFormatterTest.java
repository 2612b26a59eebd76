package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.DhcpFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BOOTP/DHCP (UDP 67/68) against tcpdump 4.99 itself: a relayed DORA exchange with the options a fabric sees
 * (client ID, requested IP, parameter list, lease times, server ID, domain names, relay agent information, classless
 * routes, client FQDN, vendor options), the other message types, every option layout and each of tcpdump's
 * complaints, in every verbosity, whole and cut after every byte.
 */
class DhcpFormatterTest extends TcpdumpConformance {
    /** A relayed exchange: Discover, Offer, Request, ACK, then NAK, Release, Decline, Inform, lease query. */
    static List<Frame> exchange() {
        long xid = 0x3903f326L;
        List<Frame> f = new ArrayList<>();
        f.add(toServer(concat(request(xid, "0.0.0.0", "10.1.0.1", 1), vendor(64,
            option(53, "01"), option(61, concat(hex("01"), CLIENT_MAC)), option(50, "0a01002a"), text(12, "leaf-3"),
            option(55, "01 03 06 0f 1c 2a 33 3a 3b 79 f9 2b 77 fc"), option(57, "05dc"), text(60, "MSFT 5.0"),
            option(81, concat(hex("01 00 00"), ascii("leaf-3.example.net"))),
            option(77, concat(hex("05"), ascii("fabric"), hex("03"), ascii("abc"))),
            option(82, concat(hex("01 0a"), ascii("Eth1/5:100"), hex("02 06"), CLIENT_MAC, hex("09 03 000102")))))));
        f.add(toClient(concat(reply(xid, "10.1.0.42", "10.0.0.1", "10.1.0.1"), vendor(0,
            option(53, "02"), option(54, "0a000001"), option(51, "00015180"), option(58, "0000a8c0"),
            option(59, "00012750"), option(1, "ffffff00"), option(3, "0a010001 0a010002"),
            option(6, "08080808 01010101"), text(15, "example.net"), option(121, "18 0a0200 0a010001 00 0a010001"),
            option(249, "08 0a 0a010001 20 c0000201 c0000202"), option(43, "01 04 deadbeef 02 01 ff"),
            option(82, concat(hex("01 04"), ascii("ge-0"), hex("02 03"), ascii("r1 "))), option(2, "ffffe3e0"),
            option(42, "0a000005"), option(119, "07 6578616d706c65 03 6e6574 00")))));
        f.add(toServer(concat(request(xid, "0.0.0.0", "0.0.0.0", 0), vendor(0,
            option(53, "03"), option(50, "0a01002a"), option(54, "0a000001"), option(61, "00 6162 63"),
            option(81, concat(hex("0d 00 00"), ascii("host"))), option(55, "00 ff 2c 2e 51 52 0c")))));
        f.add(toClient(concat(reply(xid, "10.1.0.42", "0.0.0.0", "0.0.0.0"), vendor(300,
            option(53, "05"), option(54, "0a000001"), option(51, "ffffffff"), option(46, "08"), option(52, "03"),
            option(19, "00"), option(20, "01"), option(27, "02 00 01"), option(21, "0a000000 ff000000 0b000000 ff000000"),
            option(33, "0a000000 0a000001"), option(25, "0240 05dc 2328"), option(23, "40"),
            option(116, "01"), option(93, "0007"), option(150, "0a000009")))));
        f.add(toClient(concat(reply(xid, "0.0.0.0", "0.0.0.0", "0.0.0.0"), vendor(0,
            option(53, "06"), option(54, "0a000001"), text(56, "address not available")))));
        f.add(toServer(concat(request(xid, "10.1.0.42", "0.0.0.0", 0), vendor(0, option(53, "07"),
            option(54, "0a000001")))));
        f.add(toServer(concat(request(xid, "0.0.0.0", "0.0.0.0", 0), vendor(0, option(53, "04"), option(50, "0a01002a")))));
        f.add(toServer(concat(request(xid, "10.1.0.42", "0.0.0.0", 0), vendor(0, option(53, "08")))));
        for (int type : new int[] {10, 11, 12, 13, 9, 200}) {
            f.add(toServer(concat(request(xid + type, "0.0.0.0", "10.1.0.1", 0), vendor(0, option(53, new byte[] {(byte) type})))));
        }
        return f;
    }

    /** BOOTP without options, odd headers, vendor areas of other kinds, and each option layout's corner. */
    static List<Frame> oddities() {
        List<Frame> f = new ArrayList<>();
        byte[] ieee1394 = hex("0011223344556677");
        f.add(toServer(header(1, 24, 8, 0, 0, 0, 0x7fff, "0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0", ieee1394, "", "")));
        f.add(toServer(concat(header(3, 1, 6, 4, 1, 65535, 0xffff, "1.2.3.4", "5.6.7.8", "9.10.11.12", "13.14.15.16",
            CLIENT_MAC, "boot\u0001server", "/pxelinux.0"), vendor(64))));
        f.add(toClient(concat(header(2, 1, 16, 0, 1, 0, 0, "0.0.0.0", "10.0.0.9", "10.0.0.1", "0.0.0.0", CLIENT_MAC,
            "tftp", ""), hex("434d5500 00000001 ffffff00 0a000001 08080808 00000000 0a000002 00000000 0a000003 0a000004"),
            new byte[24])));
        f.add(toClient(concat(header(2, 1, 6, 0, 1, 0, 0, "0.0.0.0", "10.0.0.9", "0.0.0.0", "0.0.0.0", CLIENT_MAC,
            "", ""), hex("434d5500 06000000 ffffff00 00000000"), new byte[48])));
        f.add(toClient(concat(reply(7, "10.0.0.9", "0.0.0.0", "0.0.0.0"), hex("01020304"), new byte[60])));
        f.add(toClient(concat(reply(7, "10.0.0.9", "0.0.0.0", "0.0.0.0"), new byte[64])));
        f.add(toClient(reply(7, "10.0.0.9", "0.0.0.0", "0.0.0.0")));
        byte[] longName = new byte[64];
        Arrays.fill(longName, (byte) 'x');
        byte[] noNul = reply(7, "10.0.0.9", "0.0.0.0", "0.0.0.0");
        System.arraycopy(longName, 0, noNul, 44, 64);
        f.add(toClient(concat(noNul, vendor(0))));
        byte[] noNulFile = reply(7, "10.0.0.9", "0.0.0.0", "0.0.0.0");
        Arrays.fill(noNulFile, 108, 236, (byte) 0xe9);
        f.add(toClient(concat(noNulFile, vendor(0))));
        f.add(toServer(concat(request(8, "0.0.0.0", "0.0.0.0", 0), vendor(0,
            option(53, "0102"), option(53, ""), option(200, "01"), option(201, "0102"), option(202, "01020304"),
            option(203, "010203040506"), option(204, ""), option(1, "ffffff"), option(1, "ffffff0001"),
            option(21, "0a000000 ff000000 01"), option(13, "010203"), option(19, "0201"), option(61, ""),
            option(61, "07 0102"), option(61, "63 0102"), option(46, ""), option(46, "03 00"), option(52, "07"),
            option(81, "0000"), option(81, "f5 01 02 6869"), option(77, "01"), option(77, "00 05"),
            option(77, "03 6162"), option(121, "00 0a00"), option(121, "21 0a000001 00"),
            option(121, "18 0a0000 0a00"), option(82, "01 05 616263"), option(82, "05 02 abcd 01"),
            option(82, "03 14 000102030405060708090a0b0c0d0e0f10111213"), option(2, "00000001"), option(55, ""),
            option(12, "caf\u00e9\u0000 x".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))))));
        f.add(toServer(concat(request(9, "0.0.0.0", "0.0.0.0", 0), COOKIE, hex("00 00 00 35 01 01 00 ff 00 00 03 04"),
            hex("0a000001 00 ff"))));
        f.add(udp4(67, 67, concat(reply(10, "10.0.0.9", "0.0.0.0", "10.0.0.1"), vendor(0, option(53, "05")))));
        f.add(udp4(40000, 68, concat(request(11, "0.0.0.0", "0.0.0.0", 0), vendor(0, option(53, "01")))));
        // tcpdump's port order: DNS and TFTP before BOOTP, BOOTP before RIP and NTP
        byte[] small = concat(request(13, "0.0.0.0", "0.0.0.0", 0), vendor(0, option(53, "01")));
        f.add(udp4(53, 67, small));
        f.add(udp4(68, 69, small));
        f.add(udp4(520, 67, small));
        f.add(udp4(68, 123, small));
        f.add(toServer(concat(request(12, "0.0.0.0", "0.0.0.0", 0), COOKIE, hex("35 01 01 0c 10 6162"))));
        f.add(toServer(hex("01")));
        f.add(toServer(new byte[0]));
        return f;
    }

    /**
     * Every tag, named or not, 32 to a message, each with a value of 1, 5 and 8 bytes (and none): the format tcpdump's
     * table gives each tag (strings, addresses, pairs, numbers, booleans, bytes, the special ones) and what is left
     * over after it.
     */
    static List<Frame> everyTag() {
        List<Frame> f = new ArrayList<>();
        for (int first = 1; first < 255; first += 32) {
            List<byte[]> options = new ArrayList<>();
            for (int tag = first; tag < Math.min(first + 32, 255); tag++) {
                byte t = (byte) tag;
                options.add(option(tag, new byte[] {(byte) (tag ^ 0x5a)}));
                options.add(option(tag, new byte[] {0x0a, 0x01, t, 0x02, 0x31}));
                options.add(option(tag, new byte[] {0x00, 0x01, 0x02, t, 0x41, 0x42, 0x43, (byte) 0x80}));
                options.add(option(tag, new byte[0]));
            }
            f.add(toServer(concat(request(0x100 + first, "0.0.0.0", "0.0.0.0", 0),
                vendor(0, options.toArray(byte[][]::new)))));
        }
        return f;
    }

    /** The decoded options' corners: client FQDN, classless routes, relay agent sub-options, user class, client ID. */
    static List<Frame> decoded() {
        List<Frame> f = new ArrayList<>();
        f.add(toServer(concat(request(20, "0.0.0.0", "0.0.0.0", 0), vendor(0,
            option(81, "01 ff 00"), option(81, "0f 00 01 61"), option(81, "10 00 00 62"), option(81, "f0 01 02"),
            option(81, "04 00 00 686f7374 00 2e"), option(81, "00"),
            option(121, "00 0a000001"), option(121, "20 0a000001 0a000002"), option(121, "01 80 0a000001"),
            option(121, "09 0a80 0a000001 10 0a00 0a000001 11 0a0080 0a000001"), option(121, "18 0a0000 0a0000"),
            option(121, "18 0a0000 0a000001 ff"), option(121, "0a"), option(249, "08 0a 0a000001 00"),
            option(82, "01 00"), option(82, "02 00 06 00"), option(82, "06 03 616263 07 02 ab"), option(82, "0b 01 ff"),
            option(82, "01 ff"), option(82, "01"), option(82, "01 02 6162 ff"),
            option(77, "02 6162 00"), option(77, "02 6162 03 61"), option(77, "0161"),
            option(61, "00"), option(61, "01 0011"), option(61, "06 ab"), option(61, "20 00 01 02 03 04"),
            option(61, "ff"), option(60, ascii("PXEClient:Arch:00000")), option(124, "00000009 04 01020304"),
            option(125, "00000009 03 01 01 41"), option(43, "80 03 010203"), option(90, "01 01 00 0001020304050607"
                + " 0011223344556677"), option(42, "0a000001 0a000002"), option(4, "0a000001 01"),
            option(119, "03 777777 00"), option(46, "01"), option(46, "02"), option(46, "04"), option(46, "09"),
            option(52, "01"), option(52, "02"), option(52, "00"), option(52, ""), option(46, "")))));
        // an option whose length runs past the captured message, then one past the END
        f.add(toServer(concat(request(21, "0.0.0.0", "0.0.0.0", 0), COOKIE, hex("35 01 03 0c 05 6162"))));
        f.add(toServer(concat(request(22, "0.0.0.0", "0.0.0.0", 0), COOKIE, hex("35 01 03 ff 0c 02 6162"))));
        f.add(toServer(concat(request(23, "0.0.0.0", "0.0.0.0", 0), COOKIE, hex("00 00 00 52 04 0105 6162"))));
        return f;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>(exchange());
        f.addAll(oddities());
        f.addAll(everyTag());
        f.addAll(decoded());
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("DHCP", 67, 12))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-v", "-vvv");
    }

    /** Each message cut after every byte from its UDP payload on. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    /** The message after the UDP header, on IPv4 or IPv6. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
