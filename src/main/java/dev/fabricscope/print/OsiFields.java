package dev.fabricscope.print;

/**
 * Field printers the OSI printers (IS-IS, ES-IS, CLNP) share, as tcpdump's print-isoclns.c writes them: system, node
 * and LSP IDs ("1921.6800.1001.00-00"), NSAPs, the ISO 8473 (Fletcher) checksum verdict, strings cut at a NUL and
 * the NLPID names. Reads go through {@link BgpBytes} (tcpdump's GET_ macros: a read past the capture jumps); each
 * printer that writes a label before a fetched value checks the value first, as tcpdump fetches all of a print
 * call's arguments before it prints.
 */
final class OsiFields {
    private OsiFields() { }

    static final int SYSTEM_ID = 6, NODE_ID = 7, LSP_ID = 8;

    /**
     * tcpdump's isis_print_id: the system ID as three dot-separated groups of two bytes, then ".nn" (the pseudonode)
     * for a node ID and "-nn" (the fragment) for an LSP ID. Jumps, before writing, when not all was captured.
     */
    static void id(StringBuilder out, BgpBytes b, int at, int length) {
        b.need(at, length);
        int system = Math.min(SYSTEM_ID, length);
        for (int i = 0; i < system; i++) {
            Text.hex(out, b.u8(at + i), 2);
            if (i == 1 || i == 3) out.append('.');
        }
        if (length >= NODE_ID) {
            out.append('.');
            Text.hex(out, b.u8(at + SYSTEM_ID), 2);
        }
        if (length == LSP_ID) {
            out.append('-');
            Text.hex(out, b.u8(at + NODE_ID), 2);
        }
    }

    /** {@code label} then the ID, nothing written when the ID was not captured (the jump comes first). */
    static void id(StringBuilder out, BgpBytes b, String label, int at, int length) {
        b.need(at, length);
        out.append(label);
        id(out, b, at, length);
    }

    /** {@code label} then the NSAP (tcpdump's GET_ISONSAP_STRING), nothing written when it was not captured. */
    static void nsap(StringBuilder out, BgpBytes b, String label, int at, int length) {
        b.need(at, length);
        out.append(label);
        b.nsap(out, at, length);
    }

    /** Colon-separated hex bytes (tcpdump's linkaddr_string and, for 6 bytes, etheraddr_string with -n). */
    static void linkAddress(StringBuilder out, BgpBytes b, int at, int length) {
        b.need(at, length);
        for (int i = 0; i < length; i++) {
            if (i > 0) out.append(':');
            Text.hex(out, b.u8(at + i), 2);
        }
    }

    /**
     * tcpdump's osi_print_cksum: " (unverified)" when the stored checksum is 0 or what it covers was not all
     * captured, else " (correct)" or " (incorrect should be 0x....)". {@code length} is unsigned (tcpdump passes
     * differences that can wrap).
     */
    static void checksum(StringBuilder out, BgpBytes b, int at, int stored, int offset, long length) {
        length &= 0xffffffffL;
        if (stored == 0 || offset < 0 || !b.has(at + (long) offset, 2) || offset > length || !b.has(at, length)) {
            out.append(" (unverified)");
            return;
        }
        int computed = fletcher(b, at, offset, (int) length);
        if (computed == stored) {
            out.append(" (correct)");
        } else {
            out.append(" (incorrect should be 0x");
            Text.hex(out, computed, 4);
            out.append(')');
        }
    }

    /**
     * The ISO 8473 checksum that would make {@code length} bytes from {@code at} verify, with the two checksum
     * bytes at {@code offset} counted as zero (tcpdump's create_osi_cksum, its 32-bit wrap-around included).
     */
    private static int fletcher(BgpBytes b, int at, int offset, int length) {
        int c0 = 0, c1 = 0;
        for (int i = 0; i < length; i++) {
            if (i != offset && i != offset + 1) c0 += b.u8(at + i);
            c1 += c0;
        }
        c0 = Integer.remainderUnsigned(c0, 255);
        c1 = Integer.remainderUnsigned(c1, 255);
        int mul = (length - offset) * c0;
        int x = mul - c0 - c1;
        int y = c1 - mul - 1;
        if (y >= 0) y++;
        if (x < 0) x--;
        x %= 255;
        y %= 255;
        if (x == 0) x = 255;
        if (y == 0) y = 255;
        return (x << 8 | y & 0xff) & 0xffff;
    }

    /** tcpdump's nlpid_values, or {@code unknown}. */
    static String nlpidName(int nlpid, String unknown) {
        return switch (nlpid) {
            case 0x00 -> "NULL";
            case 0x08 -> "Q.933";
            case 0x09 -> "LMI";
            case 0x80 -> "SNAP";
            case 0x81 -> "CLNP";
            case 0x82 -> "ES-IS";
            case 0x83 -> "IS-IS";
            case 0x84 -> "CONS";
            case 0x85 -> "IDRP";
            case 0xc1 -> "ISIS_SPB";
            case 0xb1 -> "FRF.15";
            case 0xcc -> "IPv4";
            case 0xcf -> "PPP";
            case 0x8a -> "X25 ES-IS";
            case 0x8e -> "IPv6";
            default -> unknown;
        };
    }

    /** A list of NLPIDs as "IPv4 (0xcc), IPv6 (0x8e)" (IS-IS's protocols supported, ES-IS's option). */
    static void nlpids(StringBuilder out, BgpBytes b, int at, int n) {
        for (int i = 0; i < n; i++) {
            int nlpid = b.u8(at + i);
            out.append(nlpidName(nlpid, "unknown")).append(" (0x");
            Text.hex(out, nlpid, 2);
            out.append(')');
            if (i + 1 < n) out.append(", ");
        }
    }
}
