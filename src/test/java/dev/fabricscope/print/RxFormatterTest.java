package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AFS Rx on UDP 7000-7009 against tcpdump 4.99 itself: every packet type and flag, acks with runs of acked and
 * nacked packets, every opcode of each service's call with its arguments, each answered by a data reply and an abort
 * that tcpdump matches to the call (over IPv4 and IPv6), ACLs, at every verbosity, cut after every byte, mutants.
 */
class RxFormatterTest extends TcpdumpConformance {
    private static final int FS = 7000, CB = 7001, PT = 7002, VLDB = 7003, KAUTH = 7004, VOL = 7005, BOS = 7007;
    private static final int CLIENT_PORT = 7001;
    private static final int DATA = 1, ACK = 2, ABORT = 4;
    private static final byte[] IP6_C = hex("20010db8000000000000000000000001"), IP6_D = hex("20010db8000000010000000200000003");

    /** The Rx header: epoch, connection, call, sequence, serial, type, flags, user status, security, spare, service. */
    static byte[] header(long call, long seq, int type, int flags, int service) {
        return concat(u32(0x38000000L), u32(0x1b557a5cL), u32(call), u32(seq), u32(431), new byte[] {(byte) type,
            (byte) flags, 0, 2}, u16(0), u16(service));
    }

    static Frame udp4(byte[] src, byte[] dst, int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, src, dst), 0, 64, 1, 0x4000, new byte[0],
            -1, src, dst)));
    }

    static Frame udp6(byte[] src, byte[] dst, int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, payload, src, dst), 0x60000000L, src, dst)));
    }

    static Frame call(int port, long call, long op, byte[] args) {
        return udp4(IP_A, IP_B, CLIENT_PORT, port, concat(header(call, 1, DATA, 5, 1), u32(op), args));
    }

    static Frame reply(int port, long call, int type, byte[] body) {
        return udp4(IP_B, IP_A, port, CLIENT_PORT, concat(header(call, 1, type, 4, 1), body));
    }

    /** Arguments that read as counts of three, short strings, dates and characters, whatever the opcode wants. */
    static byte[] args(int words) {
        byte[] b = new byte[words * 4];
        long[] pattern = {3, 0x61626364L, 0x4a3b2c1dL, 0x62};
        for (int i = 0; i < words; i++) System.arraycopy(u32(pattern[i % 4]), 0, b, i * 4, 4);
        return b;
    }

    static void opcodes(List<Frame> f, int port, long[] ops, long[] callNumber) {
        for (long op : ops) {
            long n = callNumber[0]++;
            f.add(call(port, n, op, args(120)));
            f.add(reply(port, n, DATA, args(200)));
            f.add(call(port, n + 100000, op, args(120)));
            f.add(reply(port, n + 100000, ABORT, u32(op % 2 == 0 ? 0xffffff9cL : 110)));
        }
    }

    static long[] range(long low, long high, long... more) {
        long[] r = new long[(int) (high - low + 1) + more.length];
        for (int i = 0; i <= high - low; i++) r[i] = low + i;
        System.arraycopy(more, 0, r, (int) (high - low + 1), more.length);
        return r;
    }

    static byte[] ack(long first, int reason, String acks, String trailer) {
        byte[] a = hex(acks);
        return concat(header(5, 0, ACK, 0x21, 1), u16(3), u16(1), u32(first), u32(first - 1), u32(350),
            new byte[] {(byte) reason, (byte) a.length}, a, hex("000000"), hex(trailer));
    }

    static byte[] acl(String text) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return concat(u32(t.length), t, new byte[(4 - t.length % 4) % 4]);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // every packet type, every flag, the header alone and shorter
        for (int type = 0; type <= 14; type++) {
            f.add(udp4(IP_A, IP_B, 1792, 7003, header(9, 2, type, type == 1 || type == 2 ? 0x3f : 0xff, 52)));
        }
        f.add(udp4(IP_A, IP_B, 7009, 1792, hex("0102030405")));
        // acks: runs acked and not, unknown byte values, reasons known and not, trailers whole and cut
        f.add(udp4(IP_A, IP_B, CLIENT_PORT, FS, ack(2, 8, "01 01 00 01 00 00 01 01 01 02 01", "0000163c 000005a4 00000020 00000004")));
        f.add(udp4(IP_A, IP_B, CLIENT_PORT, FS, ack(0xfffffffeL, 1, "00 00 01 00 01 01 00", "0000163c 000005a4")));
        f.add(udp4(IP_A, IP_B, CLIENT_PORT, FS, ack(7, 99, "", "0000163c 000005a4 000000")));
        f.add(udp4(IP_A, IP_B, CLIENT_PORT, FS, ack(7, 9, "01", "")));
        long[] n = {1000};
        opcodes(f, FS, range(130, 163, 220, 65536, 65537, 65538, 65539, 65540, 65541, 7), n);
        opcodes(f, CB, range(204, 218, 65536, 65537, 65538, 3), n);
        opcodes(f, PT, range(500, 521, 530, 10000, 10001, 10002, 10003, 10004, 10005, 10006, 10007, 20000, 20001,
            20002, 20003, 20004, 20005, 20006, 20007, 20008, 20009, 20010, 20011, 20012, 20013, 20014), n);
        opcodes(f, VLDB, range(501, 534, 10000, 20004, 20002), n);
        opcodes(f, KAUTH, range(1, 23, 10000, 20013), n);
        opcodes(f, VOL, range(100, 128, 65536, 65537, 65538, 655537), n);
        opcodes(f, BOS, range(80, 116, 79), n);
        opcodes(f, 7006, range(1, 2), n);
        // ACLs: stored, fetched, broken
        f.add(call(FS, 50, 134, concat(hex("00000001 00000002 00000003"), acl("2 1\nsystem:administrators 127\nuser 9\nbad -1\n"))));
        f.add(call(FS, 51, 131, hex("00000001 00000002 00000003")));
        f.add(reply(FS, 51, DATA, acl("1 0\nsystem:anyuser 8\n")));
        f.add(call(FS, 52, 131, hex("00000001 00000002 00000003")));
        f.add(reply(FS, 52, DATA, acl("3 x")));
        // a StoreStatus with every field, a 64-bit fetch, a bulk stat of none, strings too long
        f.add(call(FS, 53, 133, hex("00000001 00000002 00000003 0000041f 38000000 00000005 00000006 000081ed"
            + "00001000 00000001 00000002 00000003")));
        f.add(call(FS, 54, 65537, hex("00000001 00000002 00000003 00000001 00000002 ffffffff ffffffff")));
        f.add(call(FS, 55, 155, hex("00000000")));
        f.add(call(FS, 56, 136, hex("00000001 00000002 00000003 00000101 41424344")));
        // vldb replies with servers, partitions past z
        f.add(call(VLDB, 57, 504, hex("00000004 41424344")));
        byte[] entry = new byte[600];
        for (int i = 0; i < entry.length; i++) entry[i] = (byte) (i % 7 == 0 ? 0x41 : i % 29);
        f.add(reply(VLDB, 57, DATA, entry));
        // over IPv6, where tcpdump's table keys on words inside the source address
        f.add(udp6(IP6_C, IP6_D, CLIENT_PORT, FS, concat(header(58, 1, DATA, 1, 1), u32(141),
            hex("00000001 00000002 00000003 00000003 61626300 00000000 00000000 00000000 00000000 00000000 00000000"))));
        f.add(udp6(IP6_D, IP6_C, FS, CLIENT_PORT, concat(header(58, 1, DATA, 0, 1), hex("00000009 0000000a 0000000b"))));
        return f;
    }

    /** A call and its reply per service, and the odd ones. */
    @Override
    List<Frame> cutFrames() {
        List<Frame> all = frames();
        List<Frame> cut = new ArrayList<>(all.subList(0, 2));
        cut.add(all.get(16));
        cut.add(all.get(17));
        cut.add(all.get(19));
        for (Frame frame : all) {
            byte[] b = frame.bytes();
            int at = MutatedFrames.afterIp(b) + 8;
            if (b.length < at + 32) continue;
            long op = (b[at + 28] & 0xffL) << 24 | (b[at + 29] & 0xff) << 16 | (b[at + 30] & 0xff) << 8 | b[at + 31] & 0xff;
            int port = (b[at - 6] & 0xff) << 8 | b[at - 5] & 0xff;
            if (port == VOL && op == 113 || port == CB && op == 204 || port == PT && (op == 20002 || op == 504)) {
                int i = all.indexOf(frame);
                cut.add(frame);
                cut.add(all.get(i + 1));
            }
        }
        cut.addAll(all.subList(all.size() - 7, all.size()));
        return cut;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("RX", 7000, 60))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .repeats(10);
    }

    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    /** Rx between the other ports: after VAT, before RIPng, either side of the range. */
    @Test
    void portsAsTcpdump() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] payload = concat(header(1, 1, DATA, 1, 1), u32(132), hex("00000001 00000002 00000003"));
        for (int port : new int[] {6999, 7000, 7004, 7009, 7010}) {
            f.add(udp4(IP_A, IP_B, 521, port, payload));
            f.add(udp4(IP_A, IP_B, port, 3456, payload));
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "", "-v");
    }
}
