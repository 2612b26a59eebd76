package dev.fabricscope.print;

/**
 * The reads the OSPF (v2 and v3) and PIM printers share ({@link SnapshotBytes}: tcpdump's GET_ macros, which jump past
 * the snapshot end, and the printer ends the line with its marker). One per printer.
 */
final class OspfBytes extends SnapshotBytes {
    /** tcpdump's "goto trunc" after its own length checks: the printer's marker, but no early end. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * tcpdump's print_unknown_data ({@link #unknownData(StringBuilder, long, String, long)}, its length unsigned);
     * false when {@code at} is already past the snapshot end (after tcpdump's complaint).
     */
    boolean unknownData(int at, int len, String indent, StringBuilder out) {
        unknownData(out, at, indent, Integer.toUnsignedLong(len));
        return at <= end();
    }
}
