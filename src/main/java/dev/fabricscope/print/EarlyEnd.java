package dev.fabricscope.print;

/**
 * Whether the packet being printed ended where tcpdump's printer gives up on a field it fetches (its GET_
 * macros jump out of the printer): tcpdump then counts no link-level header, so -x/-X/-A dump the packet from
 * its first byte. Where tcpdump checks the length first and prints the marker itself, the link-level header
 * still counts. The formatters that share one instance mark it at their fetching sites; one per printer.
 */
final class EarlyEnd {
    private boolean happened;

    /** At a fetching site: the capture ends before the field. */
    void mark() {
        happened = true;
    }

    /** At a fetching site: the capture ends before the field, and the printer ends with tcpdump's " [|protocol]". */
    void mark(StringBuilder out, String protocol) {
        happened = true;
        out.append(" [|").append(protocol).append(']');
    }

    /** Before each packet. */
    void reset() {
        happened = false;
    }

    boolean happened() {
        return happened;
    }
}
