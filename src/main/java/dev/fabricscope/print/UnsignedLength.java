package dev.fabricscope.print;

/**
 * A length held in an int's 32 bits as tcpdump's u_int: past 2^31 (an IPv6 jumbogram's, RFC 2675, and the lengths
 * taken from it) the int is negative. Printers that compare and print it unsigned take it as it is; those that take a
 * plain int are given {@link #clamped}, never a negative length.
 */
final class UnsignedLength {
    private UnsignedLength() { }

    /** {@code bits} for a printer that takes a plain int: itself up to 2^31-1, that beyond. */
    static int clamped(int bits) {
        return bits < 0 ? Integer.MAX_VALUE : bits;
    }

    /** A length held in a long (taken unsigned earlier), for a printer that takes a plain int: capped at 2^31-1. */
    static int clamped(long length) {
        return (int) Math.min(length, Integer.MAX_VALUE);
    }

    /** The smaller of two lengths, both taken unsigned (a jumbogram's carried frame passes 2^31). */
    static int min(int a, int b) {
        return Integer.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
