package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos on UDP 88 and 750 against tcpdump 4.99 itself: v5 (ASN.1 application tags 10 and 11, which tcpdump
 * names by their first byte), the small versions, and the v4 messages (MIT's layout: version, type with the
 * byte-order bit, NUL-terminated name, instance and realm) in both byte orders, unknown types and error codes,
 * names with control and high-bit characters; and the ports' place in tcpdump's order. Whole, cut after every
 * byte, mutated.
 */
class KrbFormatterTest {
    @TempDir
    Path dir;

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    /** name, instance and realm, each NUL-terminated */
    static byte[] principal(String name, String instance, String realm) {
        return concat(ascii(name), new byte[1], ascii(instance), new byte[1], ascii(realm), new byte[1]);
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp4(40000, 88, hex("6a8201 30 3082012ca103020105a20302010a")));
        f.add(udp4(88, 40000, hex("6b8202 0030820208a003020105a10302010b")));
        f.add(udp4(40000, 750, hex("01 02")));
        f.add(udp4(750, 40000, hex("03")));
        f.add(udp4(40000, 88, hex("05 02")));
        f.add(udp4(40000, 750, concat(hex("04 02"), principal("joe", "", "ATHENA.MIT.EDU"), hex("5f3c2a10 60"),
            ascii("krbtgt"), new byte[1], ascii("ATHENA.MIT.EDU"), new byte[1])));
        f.add(udp4(40000, 750, concat(hex("04 03"), principal("joe", "root", "EX.ORG"), hex("5f3c2a10 0c"),
            ascii("rcmd"), new byte[1], ascii("host\u0001"), new byte[1])));
        f.add(udp4(750, 40000, concat(hex("04 04"), principal("joe", "", "EX.ORG"), hex("5f3c2a10 01 5f3c2a99 01"),
            hex("0070"), zeros(4))));
        f.add(udp4(750, 40000, concat(hex("04 05"), principal("joe", "", "EX.ORG"), hex("5f3c2a10 01 5f3c2a99 01"),
            hex("7000"), zeros(4))));
        f.add(udp4(40000, 750, concat(hex("04 06 01 07"), ascii("EX.ORG"), new byte[1], hex("28 14"), zeros(8))));
        f.add(udp4(750, 40000, concat(hex("04 0a"), principal("joe", "x", "EX.ORG"), hex("5f3c2a10 0008 0000"),
            ascii("Principal unknown"), new byte[1])));
        f.add(udp4(750, 40000, concat(hex("04 0b"), principal("joe", "x", "EX.ORG"), hex("5f3c2a10 0c00 0000"),
            ascii("err"), new byte[1])));
        f.add(udp4(750, 40000, concat(hex("04 0a"), principal("joe", "x", "EX.ORG"), hex("5f3c2a10 0002 0000"),
            ascii("no nul"))));
        f.add(udp4(750, 40000, hex("04 7e 00")));
        f.add(udp4(750, 40000, hex("04 0c 00")));
        f.add(udp4(750, 40000, hex("04 7f")));
        f.add(udp4(750, 40000, hex("04 90")));
        f.add(udp4(750, 40000, concat(hex("04 02"), ascii("j\u00e9\u007f"), new byte[1], ascii("i\t"), new byte[1],
            ascii("R"))));
        f.add(udp4(750, 40000, hex("04")));
        f.add(udp4(750, 40000, new byte[0]));
        f.add(udp4(123, 88, hex("6a00")));      // NTP comes first in tcpdump's order
        f.add(udp4(88, 1701, hex("6a00")));     // Kerberos before L2TP
        f.add(udp4(161, 750, hex("6a00")));     // SNMP before Kerberos
        return f;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v", "-q", "-e -v -x");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20 + 8);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "KRB", 0x58, 12, frame -> 14 + 20 + 8, 3, 6,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x");
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "Kerberos", "", "-v");
    }
}
