package dev.fabricscope.libpcap;

/**
 * pcap_compile rejected a filter expression; the message is libpcap's own (pcap_geterr).
 * {@link #linkTypeUnsupported()} tells the two causes apart: the expression (the user's fault) or a link
 * type for which libpcap compiles nothing at all, not even the empty filter (the input's).
 */
public final class BpfCompileException extends RuntimeException {
    private final boolean linkTypeUnsupported;

    public BpfCompileException(String message) {
        this(message, false);
    }

    public BpfCompileException(String message, boolean linkTypeUnsupported) {
        super(message);
        this.linkTypeUnsupported = linkTypeUnsupported;
    }

    /** True when libpcap cannot filter this link type at all, whatever the expression. */
    public boolean linkTypeUnsupported() {
        return linkTypeUnsupported;
    }
}
