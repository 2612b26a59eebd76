package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LINKTYPE_BLUETOOTH_HCI_H4_WITH_PHDR as tcpdump's bt_if_print: "bluetooth", the 4-byte pseudo-header (its
 * direction in network order) fetched whole, with -e the HCI packet's length and direction, then the HCI packet as
 * the default dump: tcpdump 4.99 decodes no HCI. Allocates nothing.
 */
final class BluetoothFormatter {
    static final int HEADER = 4;
    private static final int INCOMING = 0x1;

    private final boolean linkHeaders;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;

    BluetoothFormatter(boolean linkHeaders, boolean defaultPrint, EarlyEnd earlyEnd) {
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
    }

    /** Prints the packet ({@code length} on the wire); returns the link-level bytes tcpdump counts. */
    int format(Packet p, int length, StringBuilder out) {
        out.append("bluetooth");
        if (!p.has(0, HEADER)) {
            earlyEnd.mark(out, "bluetooth");
            return 0;
        }
        if (linkHeaders) {
            out.append(", hci length ").append(Integer.toUnsignedLong(length - HEADER)).append(", direction ")
                .append((p.u32(0) & INCOMING) != 0 ? "in" : "out");
        }
        if (defaultPrint && p.capLen() > HEADER) HexDump.hexAndAscii(p, HEADER, p.capLen() - HEADER, "\n\t", out);
        return HEADER;
    }
}
