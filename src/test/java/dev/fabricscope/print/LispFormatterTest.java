package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LISP control messages on UDP 4342 (RFC 6830 layouts: Map-Register and Map-Notify with their EID records and
 * locators, the other types) against tcpdump 4.99 itself: whole in every verbosity, cut after every byte, seeded
 * mutants, and where LISP sits in tcpdump's chain of UDP ports.
 */
class LispFormatterTest {
    private static final int REGISTER = 3, NOTIFY = 4;
    private static final byte[] EID4 = {(byte) 192, (byte) 168, 1, 0};
    private static final byte[] RLOC4 = {(byte) 198, 51, 100, 7};
    private static final byte[] EID6 = hex("20010db8000100000000000000000000");
    private static final byte[] RLOC6 = hex("20010db8ffff00000000000000000001");

    @TempDir
    Path dir;

    /** The 12-byte header (type and flags, reserved, flags, record count, nonce, key ID, length) and the data. */
    static byte[] header(int type, int flags, int lowFlags, int records, int keyId, byte[] authData) {
        return concat(new byte[] {(byte) (type << 4 | flags), 0, (byte) lowFlags, (byte) records},
            hex("0123456789abcdef"), u16(keyId), u16(authData.length), authData);
    }

    /** An EID record: TTL, locator count, mask length, action/authoritative byte, map version, AFI and prefix. */
    static byte[] record(long ttl, int locators, int maskLength, int actAuth, int version, int afi, byte[] eid,
                         byte[]... locatorBytes) {
        return concat(u32(ttl), new byte[] {(byte) locators, (byte) maskLength, (byte) actAuth, 0}, u16(version),
            u16(afi), eid, concat(locatorBytes));
    }

    /** A locator: priority, weight, multicast priority and weight, flags, AFI and address. */
    static byte[] locator(int priority, int weight, int flags, int afi, byte[] address) {
        return concat(new byte[] {(byte) priority, (byte) weight, (byte) (priority + 1), (byte) (weight + 2)},
            u16(flags), u16(afi), address);
    }

    private static byte[] sequence(int n, int from) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (from + i * 7);
        return b;
    }

    private static Frame lisp(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, message, IP_A, IP_B))));
    }

    private static Frame lisp(byte[] message) {
        return lisp(4342, 4342, message);
    }

    static List<Frame> frames() {
        byte[] xtr = concat(sequence(16, 0x11), hex("fedcba9876543210"));   // site-ID above 2^63
        byte[] v4record = record(1440, 1, 24, 0x10, 0x0123, 1, EID4, locator(1, 100, 0x0005, 1, RLOC4));
        byte[] v6record = record(0xffffffffL, 2, 48, 0x70, 0xffff, 2, EID6, locator(255, 0, 0x0007, 1, RLOC4),
            locator(2, 50, 0xfff8, 2, RLOC6));
        List<Frame> f = new ArrayList<>();
        f.add(lisp(40000, 4342, concat(header(REGISTER, 0x08, 0x01, 1, 1, sequence(20, 1)), v4record)));
        f.add(lisp(4342, 40001, concat(header(REGISTER, 0x0f, 0x01, 2, 2, sequence(32, 2)), v6record, v4record, xtr)));
        f.add(lisp(concat(header(NOTIFY, 0x08, 0, 2, 1, sequence(20, 3)), v4record, v6record, xtr)));
        f.add(lisp(concat(header(NOTIFY, 0x04, 0, 1, 0, new byte[0]), v4record, hex("deadbeef0102"))));  // data after
        f.add(lisp(concat(header(REGISTER, 0, 0, 0, 0, new byte[0]), v4record)));                     // no records
        f.add(lisp(concat(header(REGISTER, 0x02, 0, 1, 0, new byte[0]), v4record, new byte[23])));     // short xTR
        f.add(lisp(concat(header(NOTIFY, 0x08, 0, 1, 0, new byte[0]), v4record)));                     // no xTR
        f.add(lisp(concat(header(REGISTER, 0, 0, 1, 3, sequence(3, 4)),                                // key ID 3
            record(0, 1, 32, 0x9f, 0xf000, 1, EID4, locator(0, 0, 0, 0, new byte[0])))));              // AFI 0 RLOC
        f.add(lisp(concat(header(REGISTER, 0, 0, 1, 0, new byte[0]),                                   // LCAF EID
            record(60, 1, 0, 0xe0, 1, 16387, hex("0000000000000000"), locator(1, 1, 1, 1, RLOC4)))));
        f.add(lisp(concat(header(REGISTER, 0, 0, 3, 0, new byte[0]), v4record)));                      // count > data
        f.add(lisp(concat(header(REGISTER, 0, 0, 1, 1, new byte[0]), v4record, v6record)));            // count < data
        f.add(lisp(concat(header(NOTIFY, 0, 0, 1, 0, new byte[0]), record(9, 0, 8, 0x40, 2, 2, EID6))));  // 0 RLOCs
        byte[] longAuth = header(REGISTER, 0, 0, 1, 2, new byte[0]);
        longAuth[15] = 40;                                                                               // past the end
        f.add(lisp(concat(longAuth, v4record)));
        byte[] wrappedAuth = header(REGISTER, 0, 0, 1, 2, new byte[0]);
        wrappedAuth[14] = (byte) 0xff;                                                                   // 16 + 0xfff4:
        wrappedAuth[15] = (byte) 0xf4;                                                                   // offset 4
        f.add(lisp(concat(wrappedAuth, v4record)));
        for (int type : new int[] {0, 1, 2, 5, 8, 15}) f.add(lisp(concat(header(type, 0x0f, 0xff, 1, 1, new byte[0]),
            v4record)));
        f.add(lisp(hex("30000001000000000000000000")));                                          // short header
        f.add(lisp(new byte[0]));
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(4342, 4342, concat(header(REGISTER, 0x0a, 0x01, 1, 1,
            sequence(20, 5)), v6record, xtr), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));            // over IPv6
        byte[] shortUdp = udp(4342, 4342, concat(header(NOTIFY, 0, 0, 2, 0, new byte[0]), v4record, v4record),
            IP_A, IP_B);
        shortUdp[5] = (byte) (8 + 16 + v4record.length);   // the UDP length leaves the second record in the IP packet
        f.add(new Frame(ethernet(0x0800, ipv4(17, shortUdp))));
        f.add(lisp(6081, 4342, new byte[16]));     // Geneve comes first
        f.add(lisp(4342, 4790, concat(header(REGISTER, 0, 0, 1, 0, new byte[0]), v4record)));   // ... VXLAN-GPE after
        f.add(lisp(4342, 4789, new byte[16]));     // VXLAN before LISP
        return f;
    }

    @Test
    void wholeMessagesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-vv", "-q");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = new ArrayList<>();
        for (Frame f : frames()) {   // from the UDP payload on, whatever the IP version
            int from = MutatedFrames.afterIp(f.bytes()) + 8;
            for (int n = from; n < f.bytes().length; n++) {
                cut.add(new Frame(Arrays.copyOf(f.bytes(), n), f.bytes().length));
            }
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x", "-v");
    }

    /** Seeded random changes, half of them in the first 40 bytes (header, lengths, the first record). */
    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "LISP", 4342, 12, frame -> MutatedFrames.afterIp(frame) + 8, 4, 40,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-x", "-v");
    }

    @Test
    void printsWithoutAllocating() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "LISP", "-v");
    }
}
