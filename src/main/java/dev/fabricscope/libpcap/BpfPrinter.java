package dev.fabricscope.libpcap;

import java.util.Locale;

/**
 * Prints BPF programs exactly as {@code tcpdump -d}, {@code -dd} and {@code -ddd} do (libpcap's
 * bpf_image text and bpf_dump formats), including Linux ancillary-data loads ({@code [vlan_tci]} …),
 * which programs compiled on a live Linux handle contain.
 */
public final class BpfPrinter {
    private BpfPrinter() { }

    /** The three dump formats, by how many -d flags tcpdump was given. */
    public enum Format {
        /** -d: one human-readable line per instruction. */
        IMAGE,
        /** -dd: a C array initializer fragment. */
        C_ARRAY,
        /** -ddd: the instruction count, then decimal "code jt jf k" lines. */
        DECIMAL;

        /** The format for a count of -d flags (1, 2, 3 or more), as tcpdump's dflag. */
        public static Format forDFlags(int count) {
            if (count <= 1) return IMAGE;
            return count == 2 ? C_ARRAY : DECIMAL;
        }
    }

    // bpf_image's names for SKF_AD_OFF + n, indexed by n / 4 (Linux filter.h order)
    private static final String[] ANCILLARY = {
        "proto", "type", "ifidx", "nla", "nlan", "mark", "queue", "hatype", "rxhash", "cpu", "xor_x",
        "vlan_tci", "vlanp", "poff", "random", "vlan_tpid",
    };

    /** The whole program in the given format, each line ending in a newline. */
    public static String dump(BpfProgram program, Format format) {
        StringBuilder out = new StringBuilder();
        int n = program.length();
        switch (format) {
            case IMAGE -> {
                for (int i = 0; i < n; i++) out.append(image(program, i)).append('\n');
            }
            case C_ARRAY -> {
                for (int i = 0; i < n; i++) {
                    out.append("{ 0x").append(Integer.toHexString(program.code(i))).append(", ")
                        .append(program.jt(i)).append(", ").append(program.jf(i)).append(", 0x")
                        .append(String.format(Locale.ROOT, "%08x", program.k(i))).append(" },\n");
                }
            }
            case DECIMAL -> {
                out.append(n).append('\n');
                for (int i = 0; i < n; i++) {
                    out.append(program.code(i)).append(' ').append(program.jt(i)).append(' ')
                        .append(program.jf(i)).append(' ').append(Integer.toUnsignedString(program.k(i))).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One instruction as bpf_image prints it (no newline). */
    public static String image(BpfProgram program, int n) {
        int code = program.code(n);
        int k = program.k(n);
        String op;
        String operand;
        switch (code) {
            case Bpf.RET | Bpf.K -> { op = "ret"; operand = "#" + k; }
            case Bpf.RET | Bpf.A -> { op = "ret"; operand = ""; }
            case Bpf.LD | Bpf.W | Bpf.ABS -> { op = "ld"; operand = absolute(k); }
            case Bpf.LD | Bpf.H | Bpf.ABS -> { op = "ldh"; operand = absolute(k); }
            case Bpf.LD | Bpf.B | Bpf.ABS -> { op = "ldb"; operand = absolute(k); }
            case Bpf.LD | Bpf.W | Bpf.LEN -> { op = "ld"; operand = "#pktlen"; }
            case Bpf.LD | Bpf.W | Bpf.IND -> { op = "ld"; operand = "[x + " + k + "]"; }
            case Bpf.LD | Bpf.H | Bpf.IND -> { op = "ldh"; operand = "[x + " + k + "]"; }
            case Bpf.LD | Bpf.B | Bpf.IND -> { op = "ldb"; operand = "[x + " + k + "]"; }
            case Bpf.LD | Bpf.IMM -> { op = "ld"; operand = "#0x" + hex(k); }
            case Bpf.LDX | Bpf.IMM -> { op = "ldx"; operand = "#0x" + hex(k); }
            case Bpf.LDX | Bpf.MSH | Bpf.B -> { op = "ldxb"; operand = "4*([" + k + "]&0xf)"; }
            case Bpf.LD | Bpf.MEM -> { op = "ld"; operand = "M[" + k + "]"; }
            case Bpf.LDX | Bpf.MEM -> { op = "ldx"; operand = "M[" + k + "]"; }
            case Bpf.ST -> { op = "st"; operand = "M[" + k + "]"; }
            case Bpf.STX -> { op = "stx"; operand = "M[" + k + "]"; }
            case Bpf.JMP | Bpf.JA -> { op = "ja"; operand = Integer.toString(n + 1 + k); }
            case Bpf.JMP | Bpf.JGT | Bpf.K -> { op = "jgt"; operand = "#0x" + hex(k); }
            case Bpf.JMP | Bpf.JGE | Bpf.K -> { op = "jge"; operand = "#0x" + hex(k); }
            case Bpf.JMP | Bpf.JEQ | Bpf.K -> { op = "jeq"; operand = "#0x" + hex(k); }
            case Bpf.JMP | Bpf.JSET | Bpf.K -> { op = "jset"; operand = "#0x" + hex(k); }
            case Bpf.JMP | Bpf.JGT | Bpf.X -> { op = "jgt"; operand = "x"; }
            case Bpf.JMP | Bpf.JGE | Bpf.X -> { op = "jge"; operand = "x"; }
            case Bpf.JMP | Bpf.JEQ | Bpf.X -> { op = "jeq"; operand = "x"; }
            case Bpf.JMP | Bpf.JSET | Bpf.X -> { op = "jset"; operand = "x"; }
            case Bpf.ALU | Bpf.ADD | Bpf.X -> { op = "add"; operand = "x"; }
            case Bpf.ALU | Bpf.SUB | Bpf.X -> { op = "sub"; operand = "x"; }
            case Bpf.ALU | Bpf.MUL | Bpf.X -> { op = "mul"; operand = "x"; }
            case Bpf.ALU | Bpf.DIV | Bpf.X -> { op = "div"; operand = "x"; }
            case Bpf.ALU | Bpf.MOD | Bpf.X -> { op = "mod"; operand = "x"; }
            case Bpf.ALU | Bpf.AND | Bpf.X -> { op = "and"; operand = "x"; }
            case Bpf.ALU | Bpf.OR | Bpf.X -> { op = "or"; operand = "x"; }
            case Bpf.ALU | Bpf.XOR | Bpf.X -> { op = "xor"; operand = "x"; }
            case Bpf.ALU | Bpf.LSH | Bpf.X -> { op = "lsh"; operand = "x"; }
            case Bpf.ALU | Bpf.RSH | Bpf.X -> { op = "rsh"; operand = "x"; }
            case Bpf.ALU | Bpf.ADD | Bpf.K -> { op = "add"; operand = "#" + k; }
            case Bpf.ALU | Bpf.SUB | Bpf.K -> { op = "sub"; operand = "#" + k; }
            case Bpf.ALU | Bpf.MUL | Bpf.K -> { op = "mul"; operand = "#" + k; }
            case Bpf.ALU | Bpf.DIV | Bpf.K -> { op = "div"; operand = "#" + k; }
            case Bpf.ALU | Bpf.MOD | Bpf.K -> { op = "mod"; operand = "#" + k; }
            case Bpf.ALU | Bpf.AND | Bpf.K -> { op = "and"; operand = "#0x" + hex(k); }
            case Bpf.ALU | Bpf.OR | Bpf.K -> { op = "or"; operand = "#0x" + hex(k); }
            case Bpf.ALU | Bpf.XOR | Bpf.K -> { op = "xor"; operand = "#0x" + hex(k); }
            case Bpf.ALU | Bpf.LSH | Bpf.K -> { op = "lsh"; operand = "#" + k; }
            case Bpf.ALU | Bpf.RSH | Bpf.K -> { op = "rsh"; operand = "#" + k; }
            case Bpf.ALU | Bpf.NEG -> { op = "neg"; operand = ""; }
            case Bpf.MISC | Bpf.TAX -> { op = "tax"; operand = ""; }
            case Bpf.MISC | Bpf.TXA -> { op = "txa"; operand = ""; }
            // bpf_image has no case for ldx #pktlen (0x81) either: it prints it as unimp, as here
            default -> { op = "unimp"; operand = "0x" + hex(code); }
        }
        StringBuilder line = new StringBuilder(48);
        line.append('(');
        pad0(line, n);
        line.append(") ");
        padRight(line, op, 8);
        line.append(' ');
        if (Bpf.cls(code) == Bpf.JMP && (code & 0xf0) != Bpf.JA) {
            padRight(line, operand, 16);
            line.append(" jt ").append(n + 1 + program.jt(n)).append("\tjf ").append(n + 1 + program.jf(n));
        } else {
            line.append(operand);
        }
        return line.toString();
    }

    private static String absolute(int k) {
        int rel = k - Bpf.SKF_AD_OFF;   // unsigned window [SKF_AD_OFF, SKF_AD_OFF + 64)
        if (Integer.compareUnsigned(rel, ANCILLARY.length * 4) < 0 && rel % 4 == 0) {
            return "[" + ANCILLARY[rel / 4] + "]";
        }
        return "[" + k + "]";
    }

    private static String hex(int v) {
        return Integer.toHexString(v);
    }

    private static void pad0(StringBuilder sb, int n) {   // "%03d"
        String s = Integer.toString(n);
        for (int i = s.length(); i < 3; i++) sb.append('0');
        sb.append(s);
    }

    private static void padRight(StringBuilder sb, String s, int width) {   // "%-Ns"
        sb.append(s);
        for (int i = s.length(); i < width; i++) sb.append(' ');
    }
}
