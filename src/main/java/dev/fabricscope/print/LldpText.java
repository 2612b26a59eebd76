package dev.fabricscope.print;

/**
 * The text pieces the LLDP printers share, written as tcpdump's print-lldp.c writes them: strings cut at a NUL
 * (nd_printjnp) or not (nd_printn), names of set bits in a table's order (bittok2str), table look-ups with a
 * fallback (tok2str), and printf's {@code %-Nd} and {@code %02X}.
 */
final class LldpText {
    private LldpText() { }

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    /**
     * tcpdump's nd_printjnp: up to {@code n} bytes at {@code at} as printable text, stopping at the first NUL byte;
     * each byte fetched (a capture ending first is a jump), the bytes after the NUL not. Shared by every printer.
     */
    static void untilNul(SnapshotBytes b, int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) {
            int c = b.u8(at + i);
            if (c == 0) return;
            Text.printableChar(out, c);
        }
    }

    /** All {@code n} bytes at {@code at} as printable text, NULs included ("^@"). */
    static void all(SnapshotBytes b, int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) Text.printableChar(out, b.u8(at + i));
    }

    /**
     * The names of the {@code masks} set in {@code value}, in the table's order, comma-separated; {@code none}
     * when no mask is set.
     */
    static void bits(StringBuilder out, int value, int[] masks, String[] names, String none) {
        boolean any = false;
        for (int i = 0; i < masks.length; i++) {
            if ((value & masks[i]) != masks[i]) continue;
            if (any) out.append(", ");
            out.append(names[i]);
            any = true;
        }
        if (!any) out.append(none);
    }

    /** An organisation TLV's subtype (after its 3-byte OUI at {@code t}), printed as tcpdump's "NAME Subtype (N)". */
    static int subtype(SnapshotBytes b, int t, String[] names, StringBuilder out) {
        int subtype = b.u8(t + 3);
        out.append("\n\t  ").append(name(names, 1, subtype, "unknown")).append(" Subtype (").append(subtype).append(')');
        return subtype;
    }

    /** {@code names[value - first]}, or {@code unknown} outside the table (or where it has a null). */
    static String name(String[] names, int first, int value, String unknown) {
        int i = value - first;
        return i >= 0 && i < names.length && names[i] != null ? names[i] : unknown;
    }

    /** printf's {@code %-Nd}: the number, then spaces up to {@code width} characters. */
    static void leftAligned(StringBuilder out, long value, int width) {
        int start = out.length();
        out.append(value);
        while (out.length() - start < width) out.append(' ');
    }

    /** printf's {@code %02X} of a byte. */
    static void upperHexByte(StringBuilder out, int value) {
        out.append(UPPER_HEX[value >>> 4 & 0xf]).append(UPPER_HEX[value & 0xf]);
    }

    /** "0x" and {@code value} in at least {@code digits} lower-case hex digits ({@code 0x%0Nx}). */
    static void hex(StringBuilder out, long value, int digits) {
        out.append("0x");
        Text.hex(out, value, digits);
    }

    /** A "Priority : 0  1 ..." row, then a "Value    : " row with each bit of {@code bits}, lowest first, as "%-2d ". */
    static void priorityBits(StringBuilder out, int bits) {
        out.append("\n\t     Priority : 0  1  2  3  4  5  6  7");
        out.append("\n\t     Value    : ");
        for (int i = 0; i < 8; i++) {
            leftAligned(out, bits >>> i & 1, 2);
            out.append(' ');
        }
    }
}
