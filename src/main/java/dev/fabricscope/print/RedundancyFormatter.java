package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * What VRRP and CARP share: both router-redundancy advertisements on IP protocol 112 (told apart only by
 * {@code -T carp}), read from the IP packet's snapshot, a fetch past it ending the line with the printer's own
 * " [|tag]" ({@link EarlyEnd}).
 */
abstract sealed class RedundancyFormatter permits CarpFormatter, VrrpFormatter {
    final Verbosity verbosity;
    final SnapshotBytes bytes = new SnapshotBytes();
    private final EarlyEnd earlyEnd;
    private final String tag;

    RedundancyFormatter(Verbosity verbosity, EarlyEnd earlyEnd, String tag) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.tag = tag;
    }

    /** The advertisement at {@code off} of {@code length} bytes (the IP payload) in the IP packet {@code ip}. */
    final void format(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, ip.end)) {
            advertisement(p, ip, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, tag);
        }
    }

    abstract void advertisement(Packet p, IpContext ip, int bp, int len, StringBuilder out);
}
