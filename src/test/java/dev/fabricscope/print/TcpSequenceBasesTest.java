package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relative TCP sequence numbers (tcpdump without -S) against tcpdump itself: every expected line is what
 * {@code tcpdump -n [-v|-vv] -r FILE} prints for the same frames ({@link TcpdumpOracle}, its "relative" flag sets).
 */
class TcpSequenceBasesTest {
    private static final byte[] IP_C = {(byte) 192, (byte) 168, 7, 9};
    private static final byte[] IP6_HIGH = hex("fe800000000000000000000000000001");
    private static final byte[] IP6_LOW_A = hex("20010db8000000000000000000000001");
    private static final byte[] IP6_LOW_B = hex("20010db800000000ffff000000000001");
    private static final int ACK = 0x010, SYN = 0x002, PSH_ACK = 0x018, FIN_ACK = 0x011;

    @TempDir
    Path dir;

    private static Frame v4(int sport, int dport, long seq, long ack, int flags, byte[] options, int data,
                            byte[] src, byte[] dst) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, seq, ack, flags, 502, 0, options,
            new byte[data], src, dst), 0, 64, 1, 0x4000, new byte[0], -1, src, dst)));
    }

    private static Frame v6(int sport, int dport, long seq, long ack, int flags, int data, byte[] src, byte[] dst) {
        return new Frame(ethernet(0x86dd, ipv6(6, tcp(sport, dport, seq, ack, flags, 502, 0, new byte[0],
            new byte[data], src, dst), 0x60000000L, src, dst)));
    }

    @Test
    void conversationsAsTcpdumpNumbersThem() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] none = new byte[0];
        // a handshake: the SYN (no ACK) stays absolute, the SYN-ACK records the bases, the rest is relative
        f.add(v4(40000, 5001, 1000, 0, SYN, none, 0, IP_A, IP_B));
        f.add(v4(5001, 40000, 77000, 1001, SYN | ACK, none, 0, IP_B, IP_A));
        f.add(v4(40000, 5001, 1001, 77001, ACK, none, 0, IP_A, IP_B));
        f.add(v4(40000, 5001, 1001, 77001, PSH_ACK, none, 100, IP_A, IP_B));
        f.add(v4(5001, 40000, 77001, 1101, PSH_ACK, none, 40, IP_B, IP_A));
        // SACK blocks, from each side
        f.add(v4(5001, 40000, 77041, 1101, ACK, hex("0101 0512 00000835 00000899 0000089a 000008fe"), 0, IP_B, IP_A));
        f.add(v4(40000, 5001, 1101, 77041, ACK, hex("0101 050a 00012d29 00012d51"), 0, IP_A, IP_B));
        // started before the capture: its first packet with ACK is absolute
        f.add(v4(443, 51000, 5_000_000, 9_000_000, PSH_ACK, none, 20, IP_C, IP_A));
        f.add(v4(51000, 443, 9_000_000, 5_000_020, ACK, none, 0, IP_A, IP_C));
        f.add(v4(443, 51000, 5_000_020, 9_000_000, PSH_ACK, none, 30, IP_C, IP_A));
        // equal ports: the lower address keys the conversation (rev from 10.0.0.2)
        f.add(v4(7000, 7000, 10, 20, ACK, none, 5, IP_B, IP_A));
        f.add(v4(7000, 7000, 20, 15, ACK, none, 5, IP_A, IP_B));
        f.add(v4(7000, 7000, 15, 25, ACK, none, 5, IP_B, IP_A));
        // wrap-around past 2^32
        f.add(v4(6000, 6001, 0xfffffff0L, 0xfffffffeL, ACK, none, 8, IP_A, IP_B));
        f.add(v4(6000, 6001, 0xfffffff8L, 0xfffffffeL, PSH_ACK, none, 32, IP_A, IP_B));
        f.add(v4(6001, 6000, 0xfffffffeL, 0x00000018L, ACK, none, 0, IP_B, IP_A));
        // a new SYN-ACK on a known conversation starts it over
        f.add(v4(5001, 40000, 300, 2001, SYN | ACK, none, 0, IP_B, IP_A));
        f.add(v4(40000, 5001, 2001, 301, PSH_ACK, none, 10, IP_A, IP_B));
        f.add(v4(40000, 5001, 2011, 301, FIN_ACK, none, 0, IP_A, IP_B));
        // IPv6: equal ports ordered by unsigned address bytes (fe80:: above 2001::, and in the low half)
        f.add(v6(8000, 8000, 100, 200, ACK, 4, IP6_HIGH, IP6_LOW_A));
        f.add(v6(8000, 8000, 200, 104, ACK, 4, IP6_LOW_A, IP6_HIGH));
        f.add(v6(8000, 8000, 104, 204, ACK, 4, IP6_HIGH, IP6_LOW_A));
        f.add(v6(9000, 9000, 400, 500, ACK, 4, IP6_LOW_B, IP6_LOW_A));
        f.add(v6(9000, 9000, 500, 404, ACK, 4, IP6_LOW_A, IP6_LOW_B));
        f.add(v6(9000, 9000, 404, 504, ACK, 4, IP6_LOW_B, IP6_LOW_A));
        // the same ports and addresses over IPv4 and IPv6 are different conversations
        f.add(v6(40000, 5001, 1, 1, ACK, 0, IP6_LOW_A, IP6_LOW_B));
        f.add(v6(40000, 5001, 11, 21, ACK, 0, IP6_LOW_A, IP6_LOW_B));
        assertSameAsTcpdump(f);
    }

    /** A header longer than the IP packet prints no numbers but sets the bases; a cut header sets none. */
    @Test
    void damagedSegments() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] seg = tcp(30000, 30001, 5000, 6000, ACK, 502, 0, new byte[0], new byte[0], IP_A, IP_B);
        seg[12] = (byte) 0xf0;                                           // header length 60 > 20 bytes of TCP
        f.add(new Frame(ethernet(0x0800, ipv4(6, seg))));
        f.add(v4(30000, 30001, 5010, 6020, ACK, new byte[0], 0, IP_A, IP_B));
        byte[] whole = ethernet(0x0800, ipv4(6, tcp(31000, 31001, 7000, 8000, ACK, 502, 0, new byte[0],
            new byte[0], IP_A, IP_B)));
        f.add(new Frame(java.util.Arrays.copyOf(whole, 14 + 20 + 16), whole.length));   // cut inside TCP
        f.add(v4(31000, 31001, 7010, 8020, ACK, new byte[0], 0, IP_A, IP_B));
        f.add(v4(31000, 31001, 7020, 8030, ACK, new byte[0], 0, IP_A, IP_B));
        assertSameAsTcpdump(f);
    }

    /** Enough conversations to double the table several times; each keeps its bases through the moves. */
    @Test
    void manyConversations() throws Exception {
        List<Frame> f = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int c = 0; c < 3000; c++) {
                byte[] client = {10, 1, (byte) (c >>> 8), (byte) c};
                f.add(v4(20000 + c % 7, 5080, 1_000_000L * c + round * 10, 77L * c + round, ACK, new byte[0], round * 10,
                    client, IP_B));
            }
        }
        assertSameAsTcpdump(f);
    }

    /** At its bound the table forgets conversations not seen again, and keeps one in use (tcpdump keeps growing). */
    @Test
    void boundedByLeastRecentlyUsed() {
        TcpSequenceBases bases = new TcpSequenceBases(64);
        Packet p = new Packet();
        Layers l = new Layers();
        IpContext ip = new IpContext();
        for (int c = 0; c < 1000; c++) {
            relate(bases, p, l, ip, c, 100, 200);
            if (c >= 1) relate(bases, p, l, ip, 0, 110, 210);      // conversation 0 stays in use
        }
        assertEquals(64, bases.size());
        relate(bases, p, l, ip, 0, 120, 220);
        assertEquals(20, bases.seq, "kept: relative");
        relate(bases, p, l, ip, 999, 130, 230);
        assertEquals(30, bases.seq, "the newest: relative");
        relate(bases, p, l, ip, 1, 140, 240);
        assertEquals(140, bases.seq, "seen once long ago and forgotten: absolute again");
    }

    private static void relate(TcpSequenceBases bases, Packet p, Layers l, IpContext ip, int conversation, long seq,
                               long ack) {
        byte[] client = {10, 2, (byte) (conversation >>> 8), (byte) conversation};
        byte[] frame = ethernet(0x0800, ipv4(6, tcp(40000, 5080, seq, ack, ACK, 502, 0, new byte[0], new byte[0],
            client, IP_B), 0, 64, 1, 0x4000, new byte[0], -1, client, IP_B));
        p.set(frame, 0, frame.length, frame.length, 0, 0, LinkType.EN10MB, 1);
        Dissector.dissect(p, l);
        ip.v6 = false;
        ip.srcOffset = 14 + 12;
        ip.dstOffset = 14 + 16;
        bases.relate(p, ip, 40000, 5080, seq, ack, false);
    }

    /** The oracle's comparison (one capture, in order) without -S, in the default verbosity, -v and -vv. */
    private void assertSameAsTcpdump(List<Frame> frames) throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, TcpdumpOracle.RELATIVE, TcpdumpOracle.RELATIVE + " -v",
            TcpdumpOracle.RELATIVE + " -vv");
    }
}
