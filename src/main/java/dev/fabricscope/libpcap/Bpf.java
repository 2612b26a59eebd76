package dev.fabricscope.libpcap;

/** Classic BPF opcode values (pcap/bpf.h) and the complete opcodes libpcap's interpreter accepts. */
public final class Bpf {
    private Bpf() { }

    // instruction classes
    public static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, ALU = 0x04, JMP = 0x05, RET = 0x06, MISC = 0x07;
    // ld/ldx sizes
    public static final int W = 0x00, H = 0x08, B = 0x10;
    // ld/ldx modes
    public static final int IMM = 0x00, ABS = 0x20, IND = 0x40, MEM = 0x60, LEN = 0x80, MSH = 0xa0;
    // alu/jmp operations
    public static final int ADD = 0x00, SUB = 0x10, MUL = 0x20, DIV = 0x30, OR = 0x40, AND = 0x50, LSH = 0x60,
        RSH = 0x70, NEG = 0x80, MOD = 0x90, XOR = 0xa0;
    public static final int JA = 0x00, JEQ = 0x10, JGT = 0x20, JGE = 0x30, JSET = 0x40;
    // operand source
    public static final int K = 0x00, X = 0x08;
    // ret operand
    public static final int A = 0x10;
    // misc operations
    public static final int TAX = 0x00, TXA = 0x80;

    /** BPF_MEMWORDS: scratch memory words M[0..15]. */
    public static final int MEMWORDS = 16;

    /** Linux SKF_AD_OFF: loads at k >= this address ancillary data (kernel only; no packet bytes). */
    public static final int SKF_AD_OFF = -0x1000;

    public static int cls(int code) {
        return code & 0x07;
    }

    /** True for every opcode libpcap's bpf_filter implements (the list of its switch). */
    public static boolean known(int code) {
        return switch (code) {
            case RET | K, RET | A,
                 LD | W | ABS, LD | H | ABS, LD | B | ABS, LD | W | LEN, LDX | W | LEN,
                 LD | W | IND, LD | H | IND, LD | B | IND, LDX | MSH | B, LD | IMM, LDX | IMM,
                 LD | MEM, LDX | MEM, ST, STX,
                 JMP | JA, JMP | JGT | K, JMP | JGE | K, JMP | JEQ | K, JMP | JSET | K,
                 JMP | JGT | X, JMP | JGE | X, JMP | JEQ | X, JMP | JSET | X,
                 ALU | ADD | X, ALU | SUB | X, ALU | MUL | X, ALU | DIV | X, ALU | MOD | X, ALU | AND | X,
                 ALU | OR | X, ALU | XOR | X, ALU | LSH | X, ALU | RSH | X,
                 ALU | ADD | K, ALU | SUB | K, ALU | MUL | K, ALU | DIV | K, ALU | MOD | K, ALU | AND | K,
                 ALU | OR | K, ALU | XOR | K, ALU | LSH | K, ALU | RSH | K,
                 ALU | NEG, MISC | TAX, MISC | TXA -> true;
            default -> false;
        };
    }
}
