package dev.fabricscope.print;

/**
 * The BER reading and printing of tcpdump's SNMP printer (print-snmp.c's asn1_parse, asn1_print and the octet and
 * string printers): tag, length and content of one element, checked against what the message has left and against the
 * capture, with tcpdump's bracketed complaints ("[len5<asnlen9]", "[id?P/x/20]" — tcpdump names every class "x").
 * Reads go through {@link SnapshotBytes} (past the capture they jump out, as tcpdump's GET_ macros); where tcpdump
 * checks the capture itself the decoder prints " [|snmp]" and answers -1. Object identifiers print numerically, as
 * tcpdump -n (without libsmi) prints them.
 */
final class BerDecoder {
    static final int INTEGER = 2, STRING = 4, NULL = 5, OBJECT_ID = 6, SEQUENCE = 16;
    static final int IP_ADDRESS = 0, COUNTER = 1, GAUGE = 2, TIME_TICKS = 3, COUNTER64 = 6;
    static final String TRUNCATED = " [|snmp]";

    private static final String[] UNIVERSAL = {"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",
        "ObjectDes", "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set"};
    private static final String[] APPLICATION = {"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5",
        "Counter64"};
    static final String[] CONTEXT = {"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap", "GetBulk",
        "Inform", "V2Trap", "Report"};
    private static final String[] PRIVATE = {"P-0"};
    private static final String[][] CLASS_IDS = {UNIVERSAL, APPLICATION, CONTEXT, PRIVATE};
    private static final String[] EXCEPTIONS = {"noSuchObject", "noSuchInstance", "endOfMibView"};
    private static final char[] FORM = {'P', 'C'};
    /** tcpdump's class table names each class by its macro's parameter, unexpanded: "x". */
    private static final String CLASS_NAME = "x";
    private static final int EXTENDED_TAG = 0x1f, HIGH_BIT = 0x80, OID_SPLIT = 40, INET_ADDRESS_LENGTH = 4;

    private final SnapshotBytes bytes;

    BerDecoder(SnapshotBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * Decodes the element at {@code at}, of which {@code len} bytes are left in its container, into {@code e}: the
     * bytes it takes (header and content), or -1 after printing why not. {@code len} is unsigned, as tcpdump's u_int
     * (an IPv6 jumbogram's UDP payload can pass 2^31); where tcpdump prints it with %d, so do we.
     */
    int parse(int at, int len, BerElement e, StringBuilder out) {
        e.length = 0;
        e.kind = BerElement.Kind.ANY;
        if (len == 0) {
            out.append("[nothing to parse]");
            return -1;
        }
        int first = bytes.u8(at);
        int id = first & EXTENDED_TAG;
        int form = (first & 0x20) >>> 5;
        int tagClass = (first & 0xc0) >>> 6;
        e.form = form;
        e.tagClass = tagClass;
        e.id = id;
        int p = at + 1;
        len--;
        int header = 1;
        if (id == EXTENDED_TAG) {
            id = 0;
            while ((bytes.u8(p) & HIGH_BIT) != 0) {
                if (len == 0) {
                    out.append("[Xtagfield?]");
                    return -1;
                }
                id = ((id << 7) | (bytes.u8(p) & 0x7f)) & 0xff;   // tcpdump keeps the number in a byte
                len--;
                header++;
                p++;
            }
            if (len == 0) {
                out.append("[Xtagfield?]");
                return -1;
            }
            id = ((id << 7) | bytes.u8(p)) & 0xff;
            e.id = id;
            len--;
            header++;
            p++;
        }
        if (len == 0) {
            out.append("[no asnlen]");
            return -1;
        }
        long length = bytes.u8(p);
        p++;
        len--;
        header++;
        if ((length & HIGH_BIT) != 0) {
            int octets = (int) (length % HIGH_BIT);
            length = 0;
            if (Integer.compareUnsigned(len, octets) < 0) {
                out.append("[asnlen? ").append(len).append('<').append(octets).append(']');
                return -1;
            }
            if (p + octets > bytes.end()) {
                out.append(TRUNCATED);
                return -1;
            }
            for (; octets != 0; len--, header++, octets--) {
                length = ((length << 8) | bytes.u8(p)) & 0xffffffffL;
                p++;
            }
        }
        e.length = length;
        if (Integer.toUnsignedLong(len) < length) {
            out.append("[len").append(len).append("<asnlen").append(length).append(']');
            return -1;
        }
        String[] ids = CLASS_IDS[tagClass];
        if (id >= ids.length) {
            out.append("[id?").append(FORM[form]).append('/').append(CLASS_NAME).append('/').append(id).append(']');
            return -1;
        }
        int n = (int) length;
        if (p + n > bytes.end()) {
            out.append(TRUNCATED);
            return -1;
        }
        e.content = p;
        if (form == 0) {
            if (!primitive(e, tagClass, id, p, n, out)) return -1;
        } else {
            constructed(e, tagClass, id, out);
        }
        return n + header;
    }

    /** Fills in a primitive element's kind and value; false (after the complaint) for an empty INTEGER. */
    private boolean primitive(BerElement e, int tagClass, int id, int p, int n, StringBuilder out) {
        switch (tagClass) {
            case BerElement.UNIVERSAL -> {
                switch (id) {
                    case STRING -> e.kind = BerElement.Kind.STRING;
                    case INTEGER -> {
                        e.kind = BerElement.Kind.INTEGER;
                        if (n == 0) {
                            out.append("[asnlen=0]");
                            return false;
                        }
                        int value = (bytes.u8(p) & HIGH_BIT) != 0 ? -1 : 0;
                        for (int i = 0; i < n; i++) value = (value << 8) | bytes.u8(p + i);
                        e.integer = value;
                    }
                    case OBJECT_ID -> e.kind = BerElement.Kind.OID;
                    case NULL -> e.kind = BerElement.Kind.NULL;
                    default -> {
                        e.kind = BerElement.Kind.OCTETS;
                        out.append("[P/U/").append(UNIVERSAL[id]).append(']');
                    }
                }
            }
            case BerElement.APPLICATION -> {
                switch (id) {
                    case IP_ADDRESS -> e.kind = BerElement.Kind.INET_ADDRESS;
                    case COUNTER, GAUGE, TIME_TICKS -> {
                        e.kind = BerElement.Kind.UNSIGNED;
                        long value = 0;
                        for (int i = 0; i < n; i++) value = ((value << 8) + bytes.u8(p + i)) & 0xffffffffL;
                        e.unsigned = value;
                    }
                    case COUNTER64 -> {
                        e.kind = BerElement.Kind.UNSIGNED64;
                        long value = 0;
                        for (int i = 0; i < n; i++) value = (value << 8) + bytes.u8(p + i);
                        e.unsigned = value;
                    }
                    default -> {
                        e.kind = BerElement.Kind.OCTETS;
                        out.append("[P/A/").append(APPLICATION[id]).append(']');
                    }
                }
            }
            case BerElement.CONTEXT -> {
                switch (id) {
                    case 0 -> e.kind = BerElement.Kind.NO_SUCH_OBJECT;
                    case 1 -> e.kind = BerElement.Kind.NO_SUCH_INSTANCE;
                    case 2 -> e.kind = BerElement.Kind.END_OF_MIB_VIEW;
                    default -> { }   // tcpdump leaves the kind unknown: printed as "[BE_ANY!?]"
                }
            }
            default -> {
                out.append("[P/").append(CLASS_NAME).append('/').append(CLASS_IDS[tagClass][id]).append(']');
                e.kind = BerElement.Kind.OCTETS;
            }
        }
        return true;
    }

    private static void constructed(BerElement e, int tagClass, int id, StringBuilder out) {
        if (tagClass == BerElement.UNIVERSAL && id == SEQUENCE) {
            e.kind = BerElement.Kind.SEQUENCE;
        } else if (tagClass == BerElement.UNIVERSAL) {
            e.kind = BerElement.Kind.OCTETS;
            out.append("C/U/").append(UNIVERSAL[id]);
        } else if (tagClass == BerElement.CONTEXT) {
            e.kind = BerElement.Kind.PDU;
        } else {
            e.kind = BerElement.Kind.OCTETS;
            out.append("C/").append(CLASS_NAME).append('/').append(CLASS_IDS[tagClass][id]);
        }
    }

    /**
     * The element's value as tcpdump's asn1_print writes it (its checks of the capture cannot fail after a
     * successful {@link #parse}).
     */
    void print(BerElement e, StringBuilder out) {
        int n = (int) e.length;
        switch (e.kind) {
            case OCTETS -> printOctets(e, out);
            case NULL -> { }
            case OID -> printOid(e.content, n, out);
            case INTEGER -> out.append(e.integer);
            case UNSIGNED, UNSIGNED64 -> Text.u64(out, e.unsigned);
            case STRING -> printString(e, out);
            case SEQUENCE -> out.append("Seq(").append(e.length).append(')');
            case INET_ADDRESS -> {
                if (n != INET_ADDRESS_LENGTH) out.append("[inetaddr len!=").append(INET_ADDRESS_LENGTH).append(']');
                for (int i = 0; i < n; i++) {
                    if (i > 0) out.append('.');
                    out.append(bytes.u8(e.content + i));
                }
            }
            case NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW ->
                out.append('[').append(EXCEPTIONS[e.id]).append(']');
            case PDU -> out.append(CONTEXT[e.id]).append('(').append(e.length).append(')');
            case ANY -> out.append("[BE_ANY!?]");
        }
    }

    /** Each content byte as "_%.2x" (the parse already checked the content is captured). */
    void printOctets(BerElement e, StringBuilder out) {
        for (int i = 0; i < e.length; i++) Text.hex(out.append('_'), bytes.u8(e.content + i), 2);
    }

    /** Quoted when every byte is printable ASCII, else hex bytes joined by "_". */
    void printString(BerElement e, StringBuilder out) {
        int n = (int) e.length;
        boolean printable = true;
        for (int i = 0; i < n && printable; i++) {
            int c = bytes.u8(e.content + i);
            printable = c >= 0x20 && c <= 0x7e;
        }
        if (printable) {
            out.append('"');
            for (int i = 0; i < n; i++) out.append((char) bytes.u8(e.content + i));
            out.append('"');
        } else {
            for (int i = 0; i < n; i++) {
                if (i > 0) out.append('_');
                Text.hex(out, bytes.u8(e.content + i), 2);
            }
        }
    }

    /**
     * Sub-identifiers as ".%u" each, the first byte's pair split by 40 (at most 2 for the first arc); tcpdump
     * accumulates them in a C int, so long ones wrap, and an unfinished last one is not printed.
     */
    private void printOid(int at, int n, StringBuilder out) {
        int o = 0;
        boolean first = true;
        for (int i = 0; i < n; i++) {
            int b = bytes.u8(at + i);
            o = (o << 7) + (b & 0x7f);
            if ((b & HIGH_BIT) != 0) continue;
            if (first) {
                first = false;
                int s = o / OID_SPLIT;
                if (s > 2) s = 2;
                out.append('.').append(Integer.toUnsignedLong(s));
                o -= s * OID_SPLIT;
            }
            out.append('.').append(Integer.toUnsignedLong(o));
            o = 0;
        }
    }

}
