package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** TFTP (RFC 1350 and 2347 layouts) on UDP 69 against tcpdump 4.99 itself, whole, cut after every byte and mutated. */
class TftpFormatterTest extends TcpdumpConformance {
    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Frame tftp(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, message, IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(tftp(40000, 69, concat(hex("0001"), text("pxelinux.0\0octet\0"))));                     // RRQ
        f.add(tftp(40000, 69, concat(hex("0002"), text("up/load.bin\0netascii\0"))));                 // WRQ
        f.add(tftp(40000, 69, concat(hex("0001"), text("boot.img\0octet\0blksize\0001468\0tsize\0000\0"))));
        f.add(tftp(69, 40000, concat(hex("0006"), text("blksize\0001468\0tsize\0004096\0"))));       // OACK
        f.add(tftp(69, 40000, concat(hex("0006"), text("\0\0x\0"))));                                // empty options
        f.add(tftp(69, 40000, concat(hex("0003 0007"), new byte[512])));                             // DATA
        f.add(tftp(40000, 69, hex("0004 ffff")));                                                    // ACK
        f.add(tftp(69, 40000, concat(hex("0005 0001"), text("File not found\0"))));                  // ERROR
        f.add(tftp(69, 40000, concat(hex("0005 0009"), text("odd code\0"))));                        // unknown code
        f.add(tftp(69, 40000, hex("0005 0002")));                                                    // no message
        f.add(tftp(40000, 69, concat(hex("0001"), text("na\u00ef\u0007ve\0oc\u007ftet\0"))));       // odd bytes
        f.add(tftp(40000, 69, concat(hex("0001"), text("no-nul"))));                                 // cut string
        f.add(tftp(40000, 69, concat(hex("0001"), text("file\0"))));                                 // no mode
        f.add(tftp(40000, 69, concat(hex("0001"), text("file\0mode\0opt"))));                        // cut option
        f.add(tftp(40000, 69, hex("0001")));                                                         // no name
        f.add(tftp(40000, 69, hex("0003 00")));                                                      // no block
        f.add(tftp(40000, 69, hex("0004")));
        f.add(tftp(40000, 69, hex("0005")));
        f.add(tftp(40000, 69, hex("0007 0001")));                                                    // opcode 7
        f.add(tftp(40000, 69, hex("1140 0000 0001")));                                               // not TFTP
        f.add(tftp(40000, 69, hex("00")));
        f.add(tftp(40000, 69, new byte[0]));

        f.add(tftp(69, 123, hex("0004 0001")));                                                       // TFTP before NTP
        for (int code = 0; code <= 9; code++) f.add(tftp(69, 40000, concat(u16(code), text("message\0"))));
        for (int code : new int[] {0, 8, 0xffff}) f.add(tftp(69, 40000, concat(hex("0005"), u16(code), text("m\0"))));
        f.add(tftp(40000, 69, concat(hex("0002"), text("\0octet\0"))));                            // empty name
        f.add(tftp(40000, 69, concat(hex("0001"), text("file\0octet\0\0\0x\0"))));              // empty options
        f.add(tftp(40000, 69, concat(hex("0001"), text("file\0octet"))));                            // mode cut
        f.add(tftp(69, 40000, hex("0006")));                                                         // OACK, none
        f.add(tftp(69, 40000, concat(hex("0006"), text("blksize\0001"))));                           // OACK cut
        f.add(tftp(69, 40000, concat(hex("0005 0001"), text("no nul"))));                            // message cut
        f.add(tftp(40000, 69, hex("0003 0001")));                                                    // DATA, empty
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The TFTP message: after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("TFTP", 69, 12));
    }
}
