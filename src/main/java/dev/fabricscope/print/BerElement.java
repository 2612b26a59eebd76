package dev.fabricscope.print;

/**
 * One BER element as tcpdump's SNMP printer decodes it (print-snmp.c's {@code struct be}): its tag (class, form,
 * number), content length and where the content starts, and the value of the kinds read at once. One instance per
 * printer, refilled by each {@link BerDecoder#parse}; callers keep in locals what they need before the next parse.
 */
final class BerElement {
    /** What the tag made of the element; {@link #ANY} when the decoder gave up or knew no kind for it. */
    enum Kind {
        ANY, NULL, OCTETS, OID, INTEGER, UNSIGNED, STRING, SEQUENCE, INET_ADDRESS, PDU, UNSIGNED64, NO_SUCH_OBJECT,
        NO_SUCH_INSTANCE, END_OF_MIB_VIEW
    }

    static final int UNIVERSAL = 0, APPLICATION = 1, CONTEXT = 2, PRIVATE = 3;

    Kind kind = Kind.ANY;
    int tagClass;
    /** 0 primitive, 1 constructed. */
    int form;
    /** The tag number (tcpdump keeps it in 8 bits, extended tags too). */
    int id;
    /** The content length: up to 32 bits before it is checked against what is left. */
    long length;
    /** Offset of the content in the packet. */
    int content;
    /** An INTEGER's value (32-bit two's complement, as tcpdump accumulates it). */
    int integer;
    /** A Counter/Gauge/TimeTicks value (unsigned 32-bit) or a Counter64 (unsigned 64-bit). */
    long unsigned;
}
