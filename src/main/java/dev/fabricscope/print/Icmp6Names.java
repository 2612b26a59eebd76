package dev.fabricscope.print;

/**
 * Node information names inside ICMPv6 messages as tcpdump prints them (print-icmp6.c's dnsname_print: labels
 * without compression, quoted, with "???" for what does not fit). The DNSSL option's names are {@link DomainNames}.
 */
final class Icmp6Names {
    private final Icmp6Bytes bytes;

    Icmp6Names(Icmp6Bytes bytes) {
        this.bytes = bytes;
    }

    /** dnsname_print: ", \"" then the labels from {@code cp} to {@code ep} joined by dots, then "\"". */
    void nodeInfoName(int cp, int ep, StringBuilder out) {
        out.append(", \"");
        while (cp < ep) {
            int i = bytes.u8(cp++);
            if (i != 0) {
                if (i > ep - cp) {
                    out.append("???");
                    break;
                }
                while (i-- > 0 && cp < ep) Text.printableChar(out, bytes.u8(cp++));
                if (cp + 1 < ep && bytes.u8(cp) != 0) out.append('.');
            } else {
                if (cp == ep) out.append('.');                                    // a full name
                else if (!(cp + 1 == ep && bytes.u8(cp) == 0)) out.append("???");  // not one cut short
                break;
            }
        }
        out.append('"');
    }

    /** The draft-03 form: ", \"" then every byte from {@code cp} to {@code ep}, then "\"". */
    void pascalString(int cp, int ep, StringBuilder out) {
        out.append(", \"");
        while (cp < ep) Text.printableChar(out, bytes.u8(cp++));
        out.append('"');
    }
}
