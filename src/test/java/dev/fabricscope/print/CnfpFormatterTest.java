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
 * Cisco NetFlow v1, v5 and v6 exports under {@code -T cnfp} against tcpdump 4.99 (print-cnfp.c), whole, cut after
 * every byte and mutated. tcpdump reads the record count 32 bits wide (count, then the top half of the uptime), so
 * the frames set the count to 0 and the uptime's top half to the records sent, or leave a real count in and see the
 * records run into the capture's end.
 */
class CnfpFormatterTest {
    @TempDir
    Path dir;

    private static final byte[] ROUTER = hex("c0a80a01");

    /** A flow record: v1's 48 bytes, v5's and v6's 52 as tcpdump reads them. */
    static byte[] record(int version, int i, int proto, int tcpFlags) {
        byte[] head = concat(hex("0a000001"), new byte[] {10, 0, 0, (byte) (2 + i)}, hex("0a0000fe"), u16(3), u16(7),
            u32(1000 + i), u32(1_500_000 + i), u32(3_999_000_001L), u32(4_294_967_295L - i), u16(40000 + i), u16(443));
        if (version == 1) {
            return concat(head, zeros(2), new byte[] {(byte) proto, (byte) (0x20 * i), (byte) tcpFlags}, zeros(3),
                u32(0));
        }
        return concat(head, new byte[] {0, (byte) tcpFlags, (byte) proto, (byte) (0xb8 - i)}, u16(65000 + i),
            u16(64512), new byte[] {24, (byte) (32 - i)}, version == 6 ? new byte[] {(byte) 0x8c, 4} : zeros(2),
            ROUTER);
    }

    /** An export of {@code version} with the 16-bit count and the uptime as given, then the records. */
    static byte[] export(int version, int count, long uptime, byte[]... records) {
        byte[] header = concat(u16(version), u16(count), u32(uptime), u32(1_700_000_000L), u32(1));
        if (version != 1) header = concat(header, u32(123_456_789L), version == 5 ? hex("0102400a") : u32(0));
        return concat(header, concat(records));
    }

    static Frame over4(byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(50000, 2055, payload, IP_A, IP_B))));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(over4(export(5, 0, 2L << 16 | 345, record(5, 0, 6, 0x1b), record(5, 1, 17, 0))));
        f.add(over4(export(5, 0, 3L << 16, record(5, 0, 6, 0), record(5, 1, 6, 0xc0), record(5, 2, 6, 0x3f))));
        f.add(over4(export(5, 2, 86_400_123L, record(5, 0, 6, 0x12), record(5, 1, 1, 0))));   // runs on to the end
        f.add(over4(export(5, 0, 999, record(5, 0, 6, 0x12))));   // 0 records, one sent
        f.add(over4(export(1, 0, 1L << 16 | 7, record(1, 0, 6, 0x02))));
        f.add(over4(export(1, 0, 2L << 16 | 7, record(1, 0, 6, 0x11), record(1, 1, 47, 0x11))));
        f.add(over4(export(6, 0, 2L << 16, record(6, 0, 6, 0x04), record(6, 1, 17, 0x04))));
        f.add(over4(export(6, 30, 12_345, record(6, 0, 6, 0x08))));
        f.add(over4(concat(export(5, 0, 1L << 16, record(5, 0, 6, 0x20)), zeros(20))));   // trailing bytes, short of a record
        f.add(over4(hex("0009001400000001")));   // v9
        f.add(over4(hex("000a0002")));   // IPFIX: v%x
        f.add(over4(hex("0005")));
        f.add(over4(hex("00")));
        f.add(over4(new byte[0]));
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(50000, 9995, export(5, 0, 1L << 16, record(5, 3, 6, 0x10)),
            IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Test
    void wholeAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "-T cnfp", "-T cnfp -v", "-T cnfp -q",
            "-T cnfp -e -x");
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-T cnfp -x", "-T cnfp -v");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "CNFP", 2055, 25, CnfpFormatterTest::payload, 4, 24,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-T cnfp -x");
    }

    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "cnfp", "-T cnfp", "-T cnfp -v");
    }
}
