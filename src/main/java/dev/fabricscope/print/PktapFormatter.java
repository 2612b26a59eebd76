package dev.fabricscope.print;

import dev.fabricscope.capture.DltNames;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.BsdHeaders;

/**
 * LINKTYPE_PKTAP (macOS's pktap header, {@code tcpdump -i pktap}; also LINKTYPE_USER2, which macOS first wrote) as
 * tcpdump's pktap_if_print: a little-endian header of pkt_len bytes (108 at least: record type, the packet's DLT,
 * interface name, flags, process IDs and names...), then for a packet record the packet, printed by the printer of
 * its DLT (PacketPrinter dispatches); -e prints "DLT NAME (N) len H, length L: " first. This class holds the checks
 * and the header's text.
 */
final class PktapFormatter {
    static final int HEADER = BsdHeaders.PKTAP_MIN_LENGTH;
    static final int REC_NONE = BsdHeaders.PKTAP_REC_NONE, REC_PACKET = BsdHeaders.PKTAP_REC_PACKET;

    private PktapFormatter() { }

    static long headerLength(Packet p) {
        return p.le32(0);
    }

    static long recordType(Packet p) {
        return p.le32(BsdHeaders.PKTAP_RECORD_TYPE);
    }

    static long dlt(Packet p) {
        return p.le32(BsdHeaders.PKTAP_DLT);
    }

    /**
     * The lengths tcpdump checks before anything else: false (with its text appended) when the packet is shorter than
     * the structure, or pkt_len is shorter than it or longer than the packet. Reads only what was captured.
     */
    static boolean valid(Packet p, int length, StringBuilder out) {
        if (length < HEADER) {
            out.append(" (packet too short, ").append(length).append(" < ").append(HEADER).append(") (invalid)");
            return false;
        }
        long header = headerLength(p);
        if (header < HEADER) {
            out.append(" (pkt_len too small, ").append(header).append(" < ").append(HEADER).append(") (invalid)");
            return false;
        }
        if (header > length) {
            out.append(" (pkt_len too big, ").append(header).append(" > ").append(length).append(") (invalid)");
            return false;
        }
        return true;
    }

    /** pktap_header_print: "DLT NAME (N) len H, length L: " (-q: "NAME, length L: "). */
    static void header(Packet p, int length, boolean quiet, StringBuilder out) {
        long dlt = dlt(p);
        String name = DltNames.name(dlt);
        if (!quiet) {
            out.append("DLT ").append(name == null ? "UNKNOWN" : name).append(" (").append(dlt).append(") len ")
                .append(headerLength(p));
        } else {
            out.append(name == null ? "UNKNOWN" : name);
        }
        out.append(", length ").append(length).append(": ");
    }

    /**
     * True for the DLTs (this platform's values) tcpdump 4.99 has a printer for (print.c's table; USER2 as PKTAP):
     * their packets go to that printer, the others get the header and the default hex dump.
     */
    static boolean tcpdumpPrints(long dlt) {
        return switch ((int) Math.min(dlt, Integer.MAX_VALUE)) {
            case 0, 1, 6, 7, 8, 9, 10, 11, 12, 15, 16, 19, 50, 51, 99, 104, 105, 107, 108, 109, 112, 113, 114, 117, 119, 122,
                 123, 127, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 149, 163, 164, 166, 167, 168, 178, 179, 180,
                 181, 182, 189, 192, 195, 201, 220, 226, 228, 229, 230, 239, 240, 241, 242, 258, 271, 276, 281, 282,
                 283, 284, 285 -> true;
            default -> false;
        };
    }

    /** The link type our printer prints a DLT's packet as: DLT_RAW is 12 here, DLT_USER2 is Apple's PKTAP. */
    static int linkType(long dlt) {
        return dlt == LinkType.USER2 ? LinkType.PKTAP : (int) dlt;
    }
}
