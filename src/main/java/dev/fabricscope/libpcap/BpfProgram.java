package dev.fabricscope.libpcap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable classic BPF program (what pcap_compile produces), checked when built so that
 * {@link BpfInterpreter} can run it without per-instruction validity tests.
 *
 * <p>Loading rejects opcodes libpcap's bpf_filter does not implement (it would abort or reject at run
 * time). Everything else keeps libpcap's run-time meaning by rewriting the executable copy: jumps past
 * the end, a jump to itself or before the start become jumps to an appended {@code ret #0} (libpcap
 * returns 0 there), a scratch-memory index over 15 becomes {@code ret #0}; the instructions as given are
 * kept for printing.
 */
public final class BpfProgram {
    private static final long SENTINEL_RETURN_0 = pack(Bpf.RET | Bpf.K, 0, 0, 0);

    private final long[] insns;
    private final long[] exec;
    private final boolean readsScratch;

    private BpfProgram(long[] insns) {
        if (insns.length == 0) throw new IllegalArgumentException("empty BPF program");
        this.insns = insns;
        int n = insns.length;
        long[] e = Arrays.copyOf(insns, n + 1);
        e[n] = SENTINEL_RETURN_0;
        boolean reads = false;
        for (int i = 0; i < n; i++) {
            int code = code(insns[i]);
            int k = k(insns[i]);
            if (!Bpf.known(code)) {
                throw new IllegalArgumentException("BPF instruction " + i + ": unknown opcode 0x"
                    + Integer.toHexString(code) + " (not in libpcap's bpf_filter)");
            }
            switch (code) {
                case Bpf.LD | Bpf.MEM, Bpf.LDX | Bpf.MEM, Bpf.ST, Bpf.STX -> {
                    if (Integer.compareUnsigned(k, Bpf.MEMWORDS) >= 0) e[i] = SENTINEL_RETURN_0;
                    else if (code == (Bpf.LD | Bpf.MEM) || code == (Bpf.LDX | Bpf.MEM)) reads = true;
                }
                case Bpf.JMP | Bpf.JA -> {
                    long target = (long) i + 1 + k;       // k is signed: libpcap's protochain jumps back
                    if (target < 0 || target >= n || target == i) e[i] = pack(code, 0, 0, n - (i + 1));
                }
                default -> {
                    if (Bpf.cls(code) == Bpf.JMP) {   // conditional: beyond the end means reject
                        int jt = Math.min(jt(insns[i]), n - (i + 1));
                        int jf = Math.min(jf(insns[i]), n - (i + 1));
                        e[i] = pack(code, jt, jf, k);
                    }
                }
            }
        }
        this.exec = e;
        this.readsScratch = reads;
    }

    /** A program from instructions (hand-built programs, tests); see the class comment for what is rejected. */
    public static BpfProgram of(List<BpfInstruction> instructions) {
        long[] packed = new long[instructions.size()];
        for (int i = 0; i < packed.length; i++) {
            BpfInstruction in = instructions.get(i);
            packed[i] = pack(in.code(), in.jt(), in.jf(), in.k());
        }
        return new BpfProgram(packed);
    }

    public static BpfProgram of(BpfInstruction... instructions) {
        return of(List.of(instructions));
    }

    /** From packed words as {@link #pack} builds them (used when copying out of libpcap). */
    static BpfProgram ofPacked(long[] packed) {
        return new BpfProgram(packed.clone());
    }

    public int length() {
        return insns.length;
    }

    public int code(int i) {
        return code(insns[i]);
    }

    public int jt(int i) {
        return jt(insns[i]);
    }

    public int jf(int i) {
        return jf(insns[i]);
    }

    /** The operand's 32 bits (unsigned in C: use Integer.toUnsignedLong to widen). */
    public int k(int i) {
        return k(insns[i]);
    }

    public BpfInstruction instruction(int i) {
        return new BpfInstruction(code(i), jt(i), jf(i), k(i));
    }

    public List<BpfInstruction> instructions() {
        List<BpfInstruction> out = new ArrayList<>(insns.length);
        for (int i = 0; i < insns.length; i++) out.add(instruction(i));
        return List.copyOf(out);
    }

    /** The executable copy (with the appended {@code ret #0}); not to be modified. */
    long[] executable() {
        return exec;
    }

    /** True when the program loads scratch memory, so the interpreter must clear it per packet as libpcap does. */
    boolean readsScratch() {
        return readsScratch;
    }

    // packed layout: k in bits 0-31, jt 32-39, jf 40-47, code 48-63
    static long pack(int code, int jt, int jf, int k) {
        return ((long) (code & 0xffff) << 48) | ((long) (jf & 0xff) << 40) | ((long) (jt & 0xff) << 32)
            | (k & 0xffffffffL);
    }

    static int code(long w) {
        return (int) (w >>> 48);
    }

    static int jt(long w) {
        return (int) (w >>> 32) & 0xff;
    }

    static int jf(long w) {
        return (int) (w >>> 40) & 0xff;
    }

    static int k(long w) {
        return (int) w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BpfProgram p && Arrays.equals(insns, p.insns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(insns);
    }

    @Override
    public String toString() {
        return BpfPrinter.dump(this, BpfPrinter.Format.IMAGE);
    }
}
