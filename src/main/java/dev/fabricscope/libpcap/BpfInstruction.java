package dev.fabricscope.libpcap;

/**
 * One classic BPF instruction, as {@code struct bpf_insn}: a 16-bit opcode, two 8-bit relative jump
 * offsets and a 32-bit operand ({@code k}, unsigned in C; kept as its bit pattern here).
 */
public record BpfInstruction(int code, int jt, int jf, int k) {
    public BpfInstruction {
        if ((code & ~0xffff) != 0) throw new IllegalArgumentException("BPF opcode " + code + " is not 16 bits");
        if ((jt & ~0xff) != 0 || (jf & ~0xff) != 0) {
            throw new IllegalArgumentException("BPF jump offsets " + jt + "/" + jf + " are not 8 bits");
        }
    }

    /** BPF_STMT(code, k). */
    public static BpfInstruction stmt(int code, int k) {
        return new BpfInstruction(code, 0, 0, k);
    }

    /** BPF_JUMP(code, k, jt, jf). */
    public static BpfInstruction jump(int code, int k, int jt, int jf) {
        return new BpfInstruction(code, jt, jf, k);
    }
}
