package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * A printer of one message read from the packet's snapshot, a fetch past it ending the line with the printer's own
 * " [|tag]" as an early end ({@link EarlyEnd}). Shared by the two that IP protocol 112 may be (VRRP and, with
 * {@code -T carp}, CARP) and the two protocols IGMP carries as its own message types (DVMRP 0x13, PIMv1 0x14).
 */
abstract sealed class SnapshotFormatter permits CarpFormatter, VrrpFormatter, DvmrpFormatter, Pimv1Formatter {
    final Verbosity verbosity;
    final SnapshotBytes bytes = new SnapshotBytes();
    private final EarlyEnd earlyEnd;
    private final String tag;

    SnapshotFormatter(Verbosity verbosity, EarlyEnd earlyEnd, String tag) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.tag = tag;
    }

    /**
     * IP protocol 112's: the advertisement at {@code off} of {@code length} bytes (the IP payload) in {@code ip}, the
     * length taken unsigned (tcpdump's u_int: an IPv6 jumbogram's passes 2^31).
     */
    final void format(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        read(p, ip.end, ip, off, length, out);
    }

    /**
     * IGMP's: the message at {@code off} of {@code length} bytes, the IGMP header included; {@code end} is the
     * snapshot end. False when a fetch went past it: the line then ends with the marker and IGMP prints no more.
     */
    final boolean format(Packet p, int off, int length, int end, StringBuilder out) {
        return read(p, end, null, off, length, out);
    }

    private boolean read(Packet p, int end, IpContext ip, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(p, ip, off, length, out);
            return true;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, tag);
            return false;
        }
    }

    /** The message at {@code bp} of {@code len} bytes; {@code ip} is the IP packet's context, null under IGMP. */
    abstract void message(Packet p, IpContext ip, int bp, int len, StringBuilder out);

    /** " " and the message type's {@code name}, or "[type N]" where the printer has none for it. */
    static void messageType(String name, int type, StringBuilder out) {
        out.append(' ');
        if (name != null) out.append(name);
        else out.append("[type ").append(type).append(']');
    }
}
