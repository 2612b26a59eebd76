package dev.fabricscope.libpcap;

import static dev.fabricscope.libpcap.BpfInstruction.jump;
import static dev.fabricscope.libpcap.BpfInstruction.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.libpcap.TestFrames.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our interpreter against libpcap's pcap_offline_filter, on hand-built frames and hand-built programs. */
class BpfInterpreterTest {
    /** The one-liners plus the usual primitives (also used by the capture-file tests). */
    static final List<String> FILTERS = List.of(
        "vlan && ether[14] & 224 == 32",
        "mpls && ether[16] & 1 == 1",
        "tcp port 179 && tcp[50] == 1",
        "udp port 1701 && udp[8:2] & 0x80ff == 0x8002",
        "ether proto 0x8809",
        "udp dst port 4791",
        "ip[1] & 0xfc == 40",
        "tcp", "udp", "ip", "ip6", "arp", "not ip",
        "host 10.1.2.3", "net 10.1.0.0/16", "src net 192.168.0.0/16 and dst host 192.168.2.2",
        "portrange 170-180", "tcp portrange 400-500 or udp portrange 4000-5000",
        "len > 100", "greater 200", "less 60",
        "ip[6:2] & 0x1fff != 0",
        "tcp[tcpflags] & tcp-syn != 0", "tcp[tcpflags] & (tcp-rst|tcp-ack) == tcp-rst",
        "vlan 6", "vlan and vlan 6", "vlan 100 and vlan 6 and tcp port 179", "vlan and udp port 4791",
        "mpls", "mpls 17 and mpls 18 and tcp", "mpls and ip host 10.9.0.1",
        "ether multicast", "ether broadcast", "ether host 02:00:00:00:00:0b",
        "ip6 protochain 6", "ip6 protochain 17", "ip6 net 2001:db8::/32",
        "ip[2:2] / 4 > 10", "ip[2:2] % 7 = 1", "ip[0] & 0xf > 5", "ip[8] ^ 0xff = 191",
        "ether[12:2] - 0x800 = 0", "ip[2:2] * 2 > 100", "ip[9] << 1 = 12", "ip[2:2] >> 4 = 2",
        "ip[9] | 1 = 7", "tcp[13] = 2", "vlan and udp[8:4] = 7");

    static List<Frame> frames;

    @BeforeAll
    static void needLibpcap() {
        assumeTrue(Libpcap.available(), "libpcap (package libpcap0.8) is not installed: no oracle");
        frames = TestFrames.ethernetFrames();
    }

    static List<String> filters() {
        return FILTERS;
    }

    @ParameterizedTest
    @MethodSource("filters")
    void agreesWithLibpcapOnEveryFrameAndTruncation(String filter) {
        for (boolean optimize : new boolean[] {true, false}) {
            BpfProgram program = BpfCompiler.compile(filter, LinkType.EN10MB, 262144, optimize, 0);
            BpfInterpreter ours = new BpfInterpreter(program);
            int matched = 0;
            try (OfflineFilterOracle oracle = new OfflineFilterOracle(program)) {
                for (Frame f : frames) {
                    byte[] b = f.bytes();
                    for (int caplen = 0; caplen <= b.length; caplen++) {
                        for (int wirelen : new int[] {b.length, b.length + 150}) {
                            int expected = oracle.run(b, caplen, wirelen);
                            int actual = ours.run(TestFrames.packet(b, caplen, wirelen));
                            assertEquals(expected, actual, () -> "filter '" + filter + "' (optimize " + optimize
                                + ") on " + f.name() + " caplen " + " wirelen " + wirelen);
                        }
                    }
                    if (oracle.run(b, b.length, b.length) != 0) matched++;
                }
            }
            // each filter must both match and reject some frame, or the comparison proves little
            assertTrue(matched > 0, "no frame matches '" + filter + "'");
            assertTrue(matched < frames.size(), "every frame matches '" + filter + "'");
        }
    }

    @Test
    void oneLinersMatchTheFramesBuiltForThem() {
        // libpcap decides; this checks that the frames really exercise each one-liner's positive case
        String[][] cases = {
            {"vlan && ether[14] & 224 == 32", "vlan 6 pcp 1 ipv4 udp 4791"},
            {"mpls && ether[16] & 1 == 1", "mpls single label bos ipv4 udp"},
            {"tcp port 179 && tcp[50] == 1", "ipv4 tcp ack dscp10 port 179 bgp open with timestamps"},
            {"udp port 1701 && udp[8:2] & 0x80ff == 0x8002", "l2tp control udp 1701"},
            {"ether proto 0x8809", "lacp slow protocols"},
            {"udp dst port 4791", "ipv4 udp 4791 roce"},
            {"ip[1] & 0xfc == 40", "ipv4 udp 4791 roce"},
        };
        for (String[] c : cases) {
            BpfInterpreter ours = new BpfInterpreter(BpfCompiler.compile(c[0], LinkType.EN10MB, 262144, true, 0));
            Frame f = frames.stream().filter(x -> x.name().equals(c[1])).findFirst().orElseThrow();
            assertTrue(ours.matches(TestFrames.packet(f.bytes(), f.bytes().length, f.bytes().length)), c[0]);
        }
    }

    @Test
    void emptyExpressionAcceptsAllWithSnaplen() {
        BpfProgram p = BpfCompiler.compile("", LinkType.EN10MB, 1234, true, 0);
        assertEquals(1234, new BpfInterpreter(p).run(TestFrames.packet(new byte[3], 3, 3)));
    }

    @Test
    void badExpressionCarriesLibpcapMessage() {
        BpfCompileException e = assertThrows(BpfCompileException.class,
            () -> BpfCompiler.compile("foo bar", LinkType.EN10MB, 262144, true, 0));
        // libpcap 1.10's text, as tcpdump prints it: "tcpdump: can't parse filter expression: syntax error"
        assertEquals("can't parse filter expression: syntax error", e.getMessage());
    }

    // --- hand-built programs, one group per opcode family ---

    static final int LD = Bpf.LD, LDX = Bpf.LDX, ALU = Bpf.ALU, JMP = Bpf.JMP, RET = Bpf.RET, MISC = Bpf.MISC;
    static final int W = Bpf.W, H = Bpf.H, B = Bpf.B, ABS = Bpf.ABS, IND = Bpf.IND, MEM = Bpf.MEM, LEN = Bpf.LEN,
        MSH = Bpf.MSH, IMM = Bpf.IMM, K = Bpf.K, X = Bpf.X, A = Bpf.A;

    static List<List<BpfInstruction>> handBuilt() {
        List<List<BpfInstruction>> p = new ArrayList<>();
        // division and modulo by zero (X) reject; by non-zero constants compute unsigned
        p.add(List.of(stmt(LDX | IMM, 0), stmt(LD | W | ABS, 0), stmt(ALU | Bpf.DIV | X, 0), stmt(RET | A, 0)));
        p.add(List.of(stmt(LDX | IMM, 0), stmt(LD | IMM, 5), stmt(ALU | Bpf.MOD | X, 0), stmt(RET | K, 9)));
        p.add(List.of(stmt(LD | IMM, -7), stmt(ALU | Bpf.DIV | K, 3), stmt(RET | A, 0)));
        p.add(List.of(stmt(LD | IMM, -7), stmt(ALU | Bpf.MOD | K, 10), stmt(RET | A, 0)));
        p.add(List.of(stmt(LD | W | ABS, 2), stmt(LDX | IMM, 7), stmt(ALU | Bpf.MOD | X, 0), stmt(RET | A, 0)));
        // loads at every edge of the packet (the test also truncates each frame at every length)
        for (int k : new int[] {0, 1, 10, 12, 13, 14, 20, 33, 40, 55, 70, -1, -4, Integer.MIN_VALUE}) {
            p.add(List.of(stmt(LD | W | ABS, k), stmt(ALU | Bpf.OR | K, 1), stmt(RET | A, 0)));
            p.add(List.of(stmt(LD | H | ABS, k), stmt(ALU | Bpf.ADD | K, 1), stmt(RET | A, 0)));
            p.add(List.of(stmt(LD | B | ABS, k), stmt(ALU | Bpf.ADD | K, 1), stmt(RET | A, 0)));
        }
        // indirect loads, including X + k overflowing 32 bits
        for (int x : new int[] {0, 14, 30, -1, -2}) {
            for (int k : new int[] {0, 2, 9, 26}) {
                p.add(List.of(stmt(LDX | IMM, x), stmt(LD | W | IND, k), stmt(ALU | Bpf.OR | K, 1), stmt(RET | A, 0)));
                p.add(List.of(stmt(LDX | IMM, x), stmt(LD | H | IND, k), stmt(ALU | Bpf.OR | K, 1), stmt(RET | A, 0)));
                p.add(List.of(stmt(LDX | IMM, x), stmt(LD | B | IND, k), stmt(ALU | Bpf.OR | K, 1), stmt(RET | A, 0)));
            }
        }
        // MSH: X = 4 * (IP header length); then load the TCP/UDP port through it
        p.add(List.of(stmt(LDX | MSH | B, 14), stmt(LD | H | IND, 16), stmt(RET | A, 0)));
        p.add(List.of(stmt(LDX | MSH | B, 14), stmt(MISC | Bpf.TXA, 0), stmt(RET | A, 0)));
        p.add(List.of(stmt(LDX | MSH | B, 5000), stmt(RET | K, 1)));
        // scratch memory: store A and X, read them back crossed
        p.add(List.of(stmt(LD | H | ABS, 12), stmt(Bpf.ST, 3), stmt(LDX | IMM, 77), stmt(Bpf.STX, 15),
            stmt(LD | MEM, 15), stmt(LDX | MEM, 3), stmt(ALU | Bpf.SUB | X, 0), stmt(RET | A, 0)));
        // packet length (wire length, not captured length), into A and X
        p.add(List.of(stmt(LD | W | LEN, 0), stmt(RET | A, 0)));
        p.add(List.of(stmt(LDX | W | LEN, 0), stmt(MISC | Bpf.TXA, 0), stmt(ALU | Bpf.SUB | K, 3), stmt(RET | A, 0)));
        // every ALU op with K and X, NEG, TAX
        int[] ops = {Bpf.ADD, Bpf.SUB, Bpf.MUL, Bpf.DIV, Bpf.MOD, Bpf.AND, Bpf.OR, Bpf.XOR, Bpf.LSH, Bpf.RSH};
        for (int op : ops) {
            for (int v : new int[] {1, 3, 31, 0x7fff, -3}) {
                if ((op == Bpf.LSH || op == Bpf.RSH) && (v < 0 || v > 31)) continue;  // libpcap 1.10: C UB
                p.add(List.of(stmt(LD | W | ABS, 26), stmt(ALU | op | K, v), stmt(RET | A, 0)));
            }
            for (int v : new int[] {0, 1, 5, 31, 32, 33, -1}) {
                p.add(List.of(stmt(LD | W | ABS, 26), stmt(LDX | IMM, v), stmt(ALU | op | X, 0), stmt(RET | A, 0)));
            }
        }
        p.add(List.of(stmt(LD | B | ABS, 14), stmt(ALU | Bpf.NEG, 0), stmt(MISC | Bpf.TAX, 0), stmt(LD | IMM, 1),
            stmt(ALU | Bpf.ADD | X, 0), stmt(RET | A, 0)));
        // conditional jumps with K and X, unsigned comparisons; unconditional jump over a reject
        int[] jops = {Bpf.JEQ, Bpf.JGT, Bpf.JGE, Bpf.JSET};
        for (int op : jops) {
            for (int v : new int[] {0, 0x0800, 0x86dd, 0x8100, -1, 0x7fffffff, 0x40}) {
                p.add(List.of(stmt(LD | H | ABS, 12), jump(JMP | op | K, v, 0, 1), stmt(RET | K, 111),
                    stmt(RET | K, 222)));
                p.add(List.of(stmt(LD | W | ABS, 10), stmt(LDX | IMM, v), jump(JMP | op | X, 0, 1, 0),
                    stmt(RET | K, 111), stmt(RET | K, 222)));
            }
        }
        p.add(List.of(stmt(LD | IMM, 5), stmt(JMP | Bpf.JA, 1), stmt(RET | K, 0), stmt(RET | A, 0)));
        return p;
    }

    @Test
    void handBuiltProgramsAgreeWithLibpcap() {
        int programs = 0;
        for (List<BpfInstruction> insns : handBuilt()) {
            compareOnAllFrames(BpfProgram.of(insns));
            programs++;
        }
        assertTrue(programs > 100);
    }

    @Test
    void randomStraightLineAndBranchingProgramsAgreeWithLibpcap() {
        Random rnd = new Random(20261122);
        for (int i = 0; i < 400; i++) compareOnAllFrames(randomProgram(rnd));
    }

    private static void compareOnAllFrames(BpfProgram program) {
        BpfInterpreter ours = new BpfInterpreter(program);
        try (OfflineFilterOracle oracle = new OfflineFilterOracle(program)) {
            for (Frame f : frames) {
                byte[] b = f.bytes();
                for (int caplen : new int[] {b.length, b.length / 2, Math.min(b.length, 15), 0}) {
                    int wirelen = b.length + 4;
                    Packet packet = TestFrames.packet(b, caplen, wirelen);
                    assertEquals(oracle.run(b, caplen, wirelen), ours.run(packet),
                        () -> "program\n" + program + "on " + f.name() + " caplen " + caplen);
                }
            }
        }
    }

    /** Random valid programs: scratch memory written first (libpcap 1.10 leaves it uninitialized). */
    private static BpfProgram randomProgram(Random rnd) {
        List<BpfInstruction> p = new ArrayList<>();
        for (int m = 0; m < Bpf.MEMWORDS; m++) {
            p.add(stmt(LD | IMM, rnd.nextInt()));
            p.add(stmt(Bpf.ST, m));
        }
        int body = 5 + rnd.nextInt(25);
        int start = p.size();
        int end = start + body;   // index of the final ret a
        for (int i = start; i < end; i++) {
            int left = end - i - 1;   // instructions after this one before the final ret
            p.add(switch (rnd.nextInt(12)) {
                case 0 -> stmt(LD | (rnd.nextBoolean() ? W : rnd.nextBoolean() ? H : B) | ABS, rnd.nextInt(80));
                case 1 -> stmt(LD | (rnd.nextBoolean() ? W : rnd.nextBoolean() ? H : B) | IND, rnd.nextInt(60));
                case 2 -> stmt(LDX | IMM, rnd.nextInt(6) == 0 ? rnd.nextInt() : rnd.nextInt(40));
                case 3 -> stmt(LDX | MSH | B, rnd.nextInt(40));
                case 4 -> stmt(rnd.nextBoolean() ? LD | MEM : LDX | MEM, rnd.nextInt(16));
                case 5 -> stmt(rnd.nextBoolean() ? Bpf.ST : Bpf.STX, rnd.nextInt(16));
                case 6 -> {
                    int[] ops = {Bpf.ADD, Bpf.SUB, Bpf.MUL, Bpf.DIV, Bpf.MOD, Bpf.AND, Bpf.OR, Bpf.XOR, Bpf.LSH, Bpf.RSH};
                    int op = ops[rnd.nextInt(ops.length)];
                    int k = (op == Bpf.LSH || op == Bpf.RSH) ? rnd.nextInt(32)
                        : (op == Bpf.DIV || op == Bpf.MOD) ? 1 + rnd.nextInt(1000) : rnd.nextInt();
                    yield stmt(ALU | op | K, k);
                }
                case 7 -> {
                    int[] ops = {Bpf.ADD, Bpf.SUB, Bpf.MUL, Bpf.DIV, Bpf.MOD, Bpf.AND, Bpf.OR, Bpf.XOR, Bpf.LSH, Bpf.RSH};
                    yield stmt(ALU | ops[rnd.nextInt(ops.length)] | X, 0);
                }
                case 8 -> stmt(rnd.nextBoolean() ? ALU | Bpf.NEG : rnd.nextBoolean() ? MISC | Bpf.TAX : MISC | Bpf.TXA, 0);
                case 9 -> stmt(rnd.nextBoolean() ? LD | W | LEN : LDX | W | LEN, 0);
                case 10 -> {
                    int[] jops = {Bpf.JEQ, Bpf.JGT, Bpf.JGE, Bpf.JSET};
                    int k = rnd.nextBoolean() ? rnd.nextInt(256) : rnd.nextInt();
                    yield jump(JMP | jops[rnd.nextInt(4)] | (rnd.nextBoolean() ? K : X), k,
                        rnd.nextInt(left + 1), rnd.nextInt(left + 1));
                }
                default -> left > 0 && rnd.nextInt(3) == 0 ? stmt(JMP | Bpf.JA, rnd.nextInt(left + 1))
                    : stmt(RET | (rnd.nextBoolean() ? A : K), rnd.nextInt(100));
            });
        }
        p.add(stmt(RET | A, 0));
        return BpfProgram.of(p);
    }

    // --- load-time checks and libpcap's run-time rules that need no oracle run ---

    @Test
    void unknownOpcodeIsRejectedAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BpfProgram.of(stmt(LD | IMM, 1), stmt(0xff, 0), stmt(RET | A, 0)));
        assertEquals("BPF instruction 1: unknown opcode 0xff (not in libpcap's bpf_filter)", e.getMessage());
    }

    /**
     * An IPv6 packet with 100 destination-options headers before its UDP or TCP header (libpcap's
     * tests/filter/ipv6_ext_headers.pcap holds such chains): protochain's loop, a backward jump per header, walks
     * them all as libpcap's does. We stopped after 64 and rejected the packet.
     */
    @Test
    void protochainWalksLongHeaderChainsAsLibpcap() {
        for (int transport : new int[] {17, 6}) {
            byte[] frame = ipv6WithDestinationOptions(100, transport);
            for (String filter : List.of("ip6 protochain 17", "ip6 protochain 6", "protochain 17")) {
                BpfProgram program = BpfCompiler.compile(filter, LinkType.EN10MB, 262144, true, 0);
                try (OfflineFilterOracle oracle = new OfflineFilterOracle(program)) {
                    int expected = oracle.run(frame, frame.length, frame.length);
                    assertEquals(expected, new BpfInterpreter(program).run(TestFrames.packet(frame, frame.length,
                        frame.length)), filter + " on a chain ending in " + transport);
                    assertEquals(filter.endsWith(" " + transport), expected != 0, "libpcap, " + filter);
                }
            }
        }
    }

    /** Ethernet, IPv6, {@code count} 8-byte destination-options headers (PadN), then 8 bytes of {@code transport}. */
    private static byte[] ipv6WithDestinationOptions(int count, int transport) {
        TestFrames.Builder b = TestFrames.frame().eth(TestFrames.MAC_B, TestFrames.MAC_A, 0x86dd)
            .ipv6(0, count * 8 + 8, 60, "2001:db8::1", "2001:db8::2");
        for (int i = 0; i < count; i++) b.u8(i == count - 1 ? transport : 60).u8(0).u8(1).u8(4).zeros(4);   // PadN
        return b.udp(12345, 54321, 0).build();
    }

    @Test
    void loopsAreBounded() {
        // (000) ld #1 (001) ja 0 : rejected after one backward jump per byte of the packet, plus one (libpcap hangs)
        BpfProgram loop = BpfProgram.of(stmt(LD | IMM, 1), stmt(JMP | Bpf.JA, -2), stmt(RET | K, 1));
        assertEquals(0, new BpfInterpreter(loop).run(TestFrames.packet(new byte[4], 4, 4)));
        BpfProgram self = BpfProgram.of(stmt(JMP | Bpf.JA, -1), stmt(RET | K, 1));
        assertEquals(0, new BpfInterpreter(self).run(TestFrames.packet(new byte[4], 4, 4)));
    }

    @Test
    void fallingOffTheEndOrJumpingPastItRejects() {
        assertEquals(0, new BpfInterpreter(BpfProgram.of(stmt(LD | IMM, 1))).run(TestFrames.packet(new byte[1], 1, 1)));
        BpfProgram far = BpfProgram.of(stmt(LD | IMM, 1), jump(JMP | Bpf.JEQ | K, 1, 200, 0), stmt(RET | K, 5));
        assertEquals(0, new BpfInterpreter(far).run(TestFrames.packet(new byte[1], 1, 1)));
        BpfProgram scratch = BpfProgram.of(stmt(Bpf.ST, 16), stmt(RET | K, 5));
        assertEquals(0, new BpfInterpreter(scratch).run(TestFrames.packet(new byte[1], 1, 1)));
    }
}
