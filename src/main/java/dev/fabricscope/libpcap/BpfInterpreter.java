package dev.fabricscope.libpcap;

import dev.fabricscope.capture.BigEndian;
import dev.fabricscope.capture.Packet;
import java.util.Arrays;

/**
 * Runs a {@link BpfProgram} on packet bytes with libpcap's bpf_filter semantics: loads past the
 * captured length reject (return 0), division or modulo by zero rejects, shifts by 32 or more give 0,
 * {@code #pktlen} is the original (wire) length, scratch memory M[0..15] starts zeroed for each packet.
 * Backward jumps (libpcap compiles "protochain" into a loop over the header chain) are taken at most once per
 * captured byte, plus one, per packet; then the packet is rejected. libpcap's bpf_filter has no bound (a program
 * that loops hangs it); its protochain loop moves on by a header of 8 bytes or more each time round a chain of
 * extension headers, so it stays far below ours (the old bound, 64, cut chains of more than 64 headers short).
 *
 * <p>Hot path: no allocation per packet. One instance per thread (it owns the scratch memory).
 */
public final class BpfInterpreter {
    // opcodes as constants so the switch below compiles to one table
    private static final int RET_K = Bpf.RET | Bpf.K, RET_A = Bpf.RET | Bpf.A;
    private static final int LD_W_ABS = Bpf.LD | Bpf.W | Bpf.ABS, LD_H_ABS = Bpf.LD | Bpf.H | Bpf.ABS;
    private static final int LD_B_ABS = Bpf.LD | Bpf.B | Bpf.ABS;
    private static final int LD_W_LEN = Bpf.LD | Bpf.W | Bpf.LEN, LDX_W_LEN = Bpf.LDX | Bpf.W | Bpf.LEN;
    private static final int LD_W_IND = Bpf.LD | Bpf.W | Bpf.IND, LD_H_IND = Bpf.LD | Bpf.H | Bpf.IND;
    private static final int LD_B_IND = Bpf.LD | Bpf.B | Bpf.IND, LDX_MSH_B = Bpf.LDX | Bpf.MSH | Bpf.B;
    private static final int LD_IMM = Bpf.LD | Bpf.IMM, LDX_IMM = Bpf.LDX | Bpf.IMM;
    private static final int LD_MEM = Bpf.LD | Bpf.MEM, LDX_MEM = Bpf.LDX | Bpf.MEM, ST = Bpf.ST, STX = Bpf.STX;
    private static final int JA = Bpf.JMP | Bpf.JA;
    private static final int JGT_K = Bpf.JMP | Bpf.JGT | Bpf.K, JGE_K = Bpf.JMP | Bpf.JGE | Bpf.K;
    private static final int JEQ_K = Bpf.JMP | Bpf.JEQ | Bpf.K, JSET_K = Bpf.JMP | Bpf.JSET | Bpf.K;
    private static final int JGT_X = Bpf.JMP | Bpf.JGT | Bpf.X, JGE_X = Bpf.JMP | Bpf.JGE | Bpf.X;
    private static final int JEQ_X = Bpf.JMP | Bpf.JEQ | Bpf.X, JSET_X = Bpf.JMP | Bpf.JSET | Bpf.X;
    private static final int ADD_X = Bpf.ALU | Bpf.ADD | Bpf.X, SUB_X = Bpf.ALU | Bpf.SUB | Bpf.X;
    private static final int MUL_X = Bpf.ALU | Bpf.MUL | Bpf.X, DIV_X = Bpf.ALU | Bpf.DIV | Bpf.X;
    private static final int MOD_X = Bpf.ALU | Bpf.MOD | Bpf.X, AND_X = Bpf.ALU | Bpf.AND | Bpf.X;
    private static final int OR_X = Bpf.ALU | Bpf.OR | Bpf.X, XOR_X = Bpf.ALU | Bpf.XOR | Bpf.X;
    private static final int LSH_X = Bpf.ALU | Bpf.LSH | Bpf.X, RSH_X = Bpf.ALU | Bpf.RSH | Bpf.X;
    private static final int ADD_K = Bpf.ALU | Bpf.ADD | Bpf.K, SUB_K = Bpf.ALU | Bpf.SUB | Bpf.K;
    private static final int MUL_K = Bpf.ALU | Bpf.MUL | Bpf.K, DIV_K = Bpf.ALU | Bpf.DIV | Bpf.K;
    private static final int MOD_K = Bpf.ALU | Bpf.MOD | Bpf.K, AND_K = Bpf.ALU | Bpf.AND | Bpf.K;
    private static final int OR_K = Bpf.ALU | Bpf.OR | Bpf.K, XOR_K = Bpf.ALU | Bpf.XOR | Bpf.K;
    private static final int LSH_K = Bpf.ALU | Bpf.LSH | Bpf.K, RSH_K = Bpf.ALU | Bpf.RSH | Bpf.K;
    private static final int NEG = Bpf.ALU | Bpf.NEG, TAX = Bpf.MISC | Bpf.TAX, TXA = Bpf.MISC | Bpf.TXA;

    private final BpfProgram program;
    private final long[] code;
    private final boolean clearScratch;
    private final int[] mem = new int[Bpf.MEMWORDS];

    public BpfInterpreter(BpfProgram program) {
        this.program = program;
        this.code = program.executable();
        this.clearScratch = program.readsScratch();
    }

    public BpfProgram program() {
        return program;
    }

    /** True when the program accepts the packet (a non-zero return). */
    public boolean matches(Packet packet) {
        return run(packet.bytes(), packet.offset(), packet.capLen(), packet.origLen()) != 0;
    }

    /** The program's return value for the packet (the accept length; 0 = reject), as bpf_filter. */
    public int run(Packet packet) {
        return run(packet.bytes(), packet.offset(), packet.capLen(), packet.origLen());
    }

    /**
     * Runs the program on {@code buflen} bytes at {@code base} in {@code b}; {@code wirelen} is the
     * original length. Returns the u32 return value as an int bit pattern (0 = reject).
     */
    public int run(byte[] b, int base, int buflen, int wirelen) {
        final long[] insns = code;
        final int[] m = mem;
        final long len = buflen & 0xffffffffL;   // caplen is a u32 in libpcap
        if (clearScratch) Arrays.fill(m, 0);
        int a = 0;
        int x = 0;
        int pc = 0;
        int backwardLeft = buflen + 1;
        while (true) {
            final long w = insns[pc++];
            final int k = (int) w;
            switch ((int) (w >>> 48)) {
                case RET_K: return k;
                case RET_A: return a;
                case LD_W_ABS: {
                    long off = k & 0xffffffffL;
                    if (off + 4 > len) return 0;
                    a = BigEndian.i32(b, base + (int) off);
                    break;
                }
                case LD_H_ABS: {
                    long off = k & 0xffffffffL;
                    if (off + 2 > len) return 0;
                    a = BigEndian.u16(b, base + (int) off);
                    break;
                }
                case LD_B_ABS: {
                    long off = k & 0xffffffffL;
                    if (off >= len) return 0;
                    a = b[base + (int) off] & 0xff;
                    break;
                }
                case LD_W_LEN: a = wirelen; break;
                case LDX_W_LEN: x = wirelen; break;
                case LD_W_IND: {
                    long off = (x & 0xffffffffL) + (k & 0xffffffffL);
                    if (off + 4 > len) return 0;
                    a = BigEndian.i32(b, base + (int) off);
                    break;
                }
                case LD_H_IND: {
                    long off = (x & 0xffffffffL) + (k & 0xffffffffL);
                    if (off + 2 > len) return 0;
                    a = BigEndian.u16(b, base + (int) off);
                    break;
                }
                case LD_B_IND: {
                    long off = (x & 0xffffffffL) + (k & 0xffffffffL);
                    if (off >= len) return 0;
                    a = b[base + (int) off] & 0xff;
                    break;
                }
                case LDX_MSH_B: {
                    long off = k & 0xffffffffL;
                    if (off >= len) return 0;
                    x = (b[base + (int) off] & 0xf) << 2;
                    break;
                }
                case LD_IMM: a = k; break;
                case LDX_IMM: x = k; break;
                case LD_MEM: a = m[k]; break;       // k < 16 checked at load
                case LDX_MEM: x = m[k]; break;
                case ST: m[k] = a; break;
                case STX: m[k] = x; break;
                case JA:
                    // targets were checked at load; backward jumps (ip6 protochain) are bounded per packet
                    if (k < 0 && --backwardLeft < 0) return 0;
                    pc += k;
                    break;
                case JGT_K: pc += Integer.compareUnsigned(a, k) > 0 ? jt(w) : jf(w); break;
                case JGE_K: pc += Integer.compareUnsigned(a, k) >= 0 ? jt(w) : jf(w); break;
                case JEQ_K: pc += a == k ? jt(w) : jf(w); break;
                case JSET_K: pc += (a & k) != 0 ? jt(w) : jf(w); break;
                case JGT_X: pc += Integer.compareUnsigned(a, x) > 0 ? jt(w) : jf(w); break;
                case JGE_X: pc += Integer.compareUnsigned(a, x) >= 0 ? jt(w) : jf(w); break;
                case JEQ_X: pc += a == x ? jt(w) : jf(w); break;
                case JSET_X: pc += (a & x) != 0 ? jt(w) : jf(w); break;
                case ADD_X: a += x; break;
                case SUB_X: a -= x; break;
                case MUL_X: a *= x; break;
                case DIV_X:
                    if (x == 0) return 0;
                    a = Integer.divideUnsigned(a, x);
                    break;
                case MOD_X:
                    if (x == 0) return 0;
                    a = Integer.remainderUnsigned(a, x);
                    break;
                case AND_X: a &= x; break;
                case OR_X: a |= x; break;
                case XOR_X: a ^= x; break;
                case LSH_X: a = Integer.compareUnsigned(x, 32) < 0 ? a << x : 0; break;
                case RSH_X: a = Integer.compareUnsigned(x, 32) < 0 ? a >>> x : 0; break;
                case ADD_K: a += k; break;
                case SUB_K: a -= k; break;
                case MUL_K: a *= k; break;
                case DIV_K:
                    if (k == 0) return 0;
                    a = Integer.divideUnsigned(a, k);
                    break;
                case MOD_K:
                    if (k == 0) return 0;
                    a = Integer.remainderUnsigned(a, k);
                    break;
                case AND_K: a &= k; break;
                case OR_K: a |= k; break;
                case XOR_K: a ^= k; break;
                case LSH_K: a = Integer.compareUnsigned(k, 32) < 0 ? a << k : 0; break;
                case RSH_K: a = Integer.compareUnsigned(k, 32) < 0 ? a >>> k : 0; break;
                case NEG: a = -a; break;
                case TAX: x = a; break;
                case TXA: a = x; break;
                default: return 0;              // unreachable: opcodes are checked at load
            }
        }
    }

    private static int jt(long w) {
        return (int) (w >>> 32) & 0xff;
    }

    private static int jf(long w) {
        return (int) (w >>> 40) & 0xff;
    }
}
