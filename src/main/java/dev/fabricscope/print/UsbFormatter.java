package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * LINKTYPE_USB_LINUX (a 48-byte header) and LINKTYPE_USB_LINUX_MMAPPED (64 bytes) as tcpdump's print-usb.c: "USB",
 * then (not with -q) the transfer and event types, the direction the two imply, and bus:device:endpoint; the URB's
 * data is not decoded. The header must be captured whole first. Its host-order fields are little-endian here
 * (capture.HostOrderHeaders turned a big-endian file's round). Allocates nothing.
 */
final class UsbFormatter {
    static final int HEADER = 48, MMAPPED_HEADER = 64;
    private static final int ISOCHRONOUS = 0, INTERRUPT = 1, CONTROL = 2, BULK = 3;
    private static final int SUBMIT = 'S', COMPLETE = 'C', ERROR = 'E';
    private static final int IN = 1, OUT = 2;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;

    UsbFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** Prints the packet of {@code linkType}; returns the link-level bytes tcpdump counts: the header, or none. */
    int format(Packet p, int linkType, StringBuilder out) {
        boolean mmapped = linkType == LinkType.USB_LINUX_MMAPPED;
        int header = mmapped ? MMAPPED_HEADER : HEADER;
        if (!p.has(0, header)) {
            earlyEnd.mark(out, mmapped ? "usb_linux_64_byte" : "usb_linux_48_byte");
            return 0;
        }
        out.append("USB");
        if (verbosity == Verbosity.QUIET) return header;
        out.append(' ');
        int transfer = p.u8(9), event = p.u8(8);
        switch (transfer) {
            case ISOCHRONOUS -> out.append("ISOCHRONOUS");
            case INTERRUPT -> out.append("INTERRUPT");
            case CONTROL -> out.append("CONTROL");
            case BULK -> out.append("BULK");
            default -> out.append(" ?");
        }
        switch (event) {
            case SUBMIT -> out.append(" SUBMIT");
            case COMPLETE -> out.append(" COMPLETE");
            case ERROR -> out.append(" ERROR");
            default -> out.append(" ?");
        }
        int direction = direction(transfer, event);
        if (direction == IN) out.append(" from");
        else if (direction == OUT) out.append(" to");
        out.append(' ').append(p.u8(12) | p.u8(13) << 8).append(':').append(p.u8(11)).append(':')
            .append(p.u8(10) & 0x7f);
        return header;
    }

    /** tcpdump's get_direction: an interrupt transfer's submission brings data in, the others' take it out. */
    private static int direction(int transfer, int event) {
        boolean known = event == SUBMIT || event == COMPLETE || event == ERROR;
        if (!known) return -1;
        return switch (transfer) {
            case BULK, CONTROL, ISOCHRONOUS -> event == SUBMIT ? OUT : IN;
            case INTERRUPT -> event == SUBMIT ? IN : OUT;
            default -> -1;
        };
    }
}
