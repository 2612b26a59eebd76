package dev.fabricscope.print;

/**
 * The reads and small renderings OpenFlow's printers share (tcpdump's print-openflow.c helpers and the GET_ macros
 * over the TCP payload): every fetch jumps past the snapshot end, which ends the packet with " [|openflow]".
 */
final class OpenflowBytes extends SnapshotBytes {
    private final Verbosity verbosity;
    /**
     * tcpdump's ndo_protocol, the name " [|name]" gives: "openflow", another once a carried frame's printers have set
     * theirs, null when one of them jumped (its marker is printed).
     */
    String protocol;

    OpenflowBytes(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    /** {@code label}, then GET_ETHERADDR_STRING (with -n: colon-separated hex); nothing when not captured. */
    void mac(StringBuilder out, String label, long at) {
        mac(out, "", label, at);
    }

    void mac(StringBuilder out, String prefix, String label, long at) {
        need(at, 6);
        Text.linkAddress(out.append(prefix).append(label), packet(), (int) at, 6);
    }

    /** {@code label}, then GET_IPADDR_STRING; nothing when not captured. */
    void ip(StringBuilder out, String label, long at) {
        ip(out, "", label, at);
    }

    void ip(StringBuilder out, String prefix, String label, long at) {
        need(at, 4);
        Text.ipv4(out.append(prefix).append(label), packet(), (int) at);
    }

    /**
     * of_bitmap_print: " (NAME, NAME)" for the assigned bits that are set (an empty "()" when none of them has a
     * name), " (bogus)" when unassigned bits ({@code unassigned}) are set. {@code names} by bit number, null where
     * the bit has none.
     */
    static void bitmap(StringBuilder out, String[] names, long value, long unassigned) {
        if ((value & ~unassigned) != 0) {
            out.append(" (");
            String separator = "";
            for (int bit = 0; bit < names.length; bit++) {
                if (names[bit] != null && (value & 1L << bit) != 0) {
                    out.append(separator).append(names[bit]);
                    separator = ", ";
                }
            }
            out.append(')');
        }
        if ((value & unassigned) != 0) out.append(" (bogus)");
    }

    /** of_data_print: the data's length; with -vv its bytes in hex and ASCII, else only checked. */
    void data(StringBuilder out, long at, long len) {
        if (len == 0) return;
        out.append("\n\t data (").append(len).append(" octets)");
        if (verbosity.veryVerbose()) {
            long captured = Math.max(0, Math.min(len, end() - at));
            if (captured > 0) HexDump.hexAndAscii(packet(), (int) at, (int) captured, "\n\t  ", out);
        }
        need(at, len);
    }

    /** of_vendor_name: an OUI's name (tcpdump's short list) or, with a high byte, an ONF experimenter's. */
    static String vendorName(long vendor) {
        if ((vendor & 0xff000000L) == 0) {
            String name = TcpdumpOuis.name((int) vendor);
            return name.equals("Unknown") ? "unknown" : name;
        }
        return switch ((int) vendor) {
            case 0x4f4e4600 -> "ONF Extensions";
            case 0xff000001 -> "Budapest University of Technology and Economics";
            case 0xff000002 -> "NoviFlow";
            case 0xff000003 -> "L3+ Extensions, Vendor Neutral";
            case 0xff000004 -> "L4-L7 Extensions";
            case 0xff000005 -> "Wireless and Mobility Extensions";
            case 0xff000006 -> "Forwarding Abstractions Extensions";
            case 0xff000007 -> "Optical Transport Extensions";
            case 0xff000008 -> "Network Benchmarking Lab, NCTU";
            case 0xff000009 -> "Mobile Packet Core Extensions";
            case 0xff00000a -> "MPLS-TP OpenFlow Extensions for SPTN";
            default -> "unknown";
        };
    }

    /** ", vendor 0x%08x (name)". */
    void vendor(StringBuilder out, long at) {
        long vendor = u32(at);
        out.append(", vendor 0x");
        Text.hex(out, vendor, 8);
        out.append(" (").append(vendorName(vendor)).append(')');
    }

    /** A name from {@code names} by value, else {@code fallback} and the value in hex of {@code digits}. */
    static void named(StringBuilder out, String label, String[] names, long value, String fallback,
            int digits) {
        out.append(label);
        if (value >= 0 && value < names.length && names[(int) value] != null) {
            out.append(names[(int) value]);
        } else {
            out.append(fallback).append(" (0x");
            Text.hex(out, value, digits);
            out.append(')');
        }
    }

    /** Decimal, fetched before the label is written (tcpdump fetches a print call's fields first). */
    static void num(StringBuilder out, String label, long value) {
        out.append(label).append(value);
    }

    /** {@code label}, then "0x" and the value in {@code digits} hex digits. */
    static StringBuilder hex(StringBuilder out, String label, long value, int digits) {
        out.append(label).append("0x");
        Text.hex(out, value, digits);
        return out;
    }
}
