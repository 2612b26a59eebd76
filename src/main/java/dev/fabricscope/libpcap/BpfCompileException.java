package dev.fabricscope.libpcap;

/** pcap_compile rejected a filter expression; the message is libpcap's own (pcap_geterr). */
public final class BpfCompileException extends RuntimeException {
    public BpfCompileException(String message) {
        super(message);
    }
}
