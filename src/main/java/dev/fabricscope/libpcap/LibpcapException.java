package dev.fabricscope.libpcap;

/** A libpcap call failed on a handle; the message is libpcap's (device name first when there is one). */
public final class LibpcapException extends RuntimeException {
    public LibpcapException(String message) {
        super(message);
    }
}
