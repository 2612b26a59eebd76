package dev.fabricscope.print;

/**
 * Domain names inside ICMPv6 messages as tcpdump prints them: the DNSSL option's names (print-domain.c's fqdn_print,
 * compression pointers counted from the first ND option and followed only backwards) and node information names
 * (print-icmp6.c's dnsname_print, labels without compression, quoted, with "???" for what does not fit).
 *
 * <p>fqdn_print is also DnsFormatter's (private there); the two could share one class.
 */
final class Icmp6Names {
    private static final int MAX_NAME = 255;

    private final Icmp6Bytes bytes;

    Icmp6Names(Icmp6Bytes bytes) {
        this.bytes = bytes;
    }

    /**
     * fqdn_print: the name at {@code cp} ("." for the root), pointers relative to {@code base}; the position after
     * the name as stored, or -1 where tcpdump returns NULL (its caller then reports truncation).
     */
    int fqdn(int cp, int base, StringBuilder out) {
        int end = bytes.end();
        int l = labelLength(cp, out);
        if (l < 0 || cp >= end) return -1;
        long maxOffset = cp - base;
        int i = bytes.u8(cp++);
        boolean compressed = false;
        int rp = -1;
        if ((i & 0xc0) != 0xc0) rp = cp + l;
        if (i == 0) {
            out.append('.');
            return rp;
        }
        int chars = 0;
        while (i != 0 && cp < end) {
            switch (i & 0xc0) {
                case 0xc0 -> {
                    if (!compressed) {
                        rp = cp + 1;
                        compressed = true;
                    }
                    int offset = ((i << 8) | bytes.u8(cp)) & 0x3fff;
                    if (offset >= maxOffset) {
                        out.append("<BAD PTR>");
                        return -1;
                    }
                    maxOffset = offset;
                    cp = base + offset;
                    if (cp >= end) return -1;
                    i = bytes.u8(cp);
                    if ((l = labelLength(cp, out)) < 0) return -1;
                    cp++;
                    continue;
                }
                case 0x40 -> {
                    if ((i & 0x3f) != 1) {
                        out.append("<ELT ").append(i & 0x3f).append('>');
                        return -1;
                    }
                    if (!bitLabel(cp, out)) return -1;
                }
                case 0x80 -> {
                    out.append("<BAD LABEL TYPE>");
                    return -1;
                }
                default -> {
                    if (chars + l <= MAX_NAME) {
                        if (printn(cp, l, out)) return -1;
                    } else if (chars < MAX_NAME) {
                        if (printn(cp, MAX_NAME - chars, out)) return -1;
                    }
                    chars += l;
                }
            }
            cp += l;
            if (chars <= MAX_NAME) out.append('.');
            chars++;
            if (cp >= end) return -1;
            i = bytes.u8(cp);
            if ((l = labelLength(cp, out)) < 0) return -1;
            cp++;
            if (!compressed) rp += l + 1;
        }
        if (chars > MAX_NAME) out.append("<DOMAIN NAME TOO LONG>");
        return rp;
    }

    /** labellen: the bytes after a label's first, or -1 (after saying why, for a label type it does not know). */
    private int labelLength(int cp, StringBuilder out) {
        if (cp < 0 || cp >= bytes.end()) return -1;
        int i = bytes.u8(cp);
        switch (i & 0xc0) {
            case 0x40 -> {
                if ((i & 0x3f) != 1) {
                    out.append("<ELT ").append(i & 0x3f).append('>');
                    return -1;
                }
                if (cp + 1 >= bytes.end()) return -1;
                int bits = bytes.u8(cp + 1);
                return ((bits == 0 ? 256 : bits) + 7) / 8 + 1;
            }
            case 0x80 -> {
                out.append("<BAD LABEL TYPE>");
                return -1;
            }
            default -> {
                return i;
            }
        }
    }

    /** RFC 2673 bit-string label: "\[x<hex>/<bits>]"; its reads can jump out. */
    private boolean bitLabel(int cp, StringBuilder out) {
        if (cp >= bytes.end()) return false;
        int bitlen = bytes.u8(cp);
        if (bitlen == 0) bitlen = 256;
        int lim = cp + 1 + (bitlen + 3) / 4;
        out.append("\\[x");
        int at = cp + 1;
        int b = bitlen;
        for (; at < lim && b > 7; b -= 8, at++) Text.hex(out, bytes.u8(at), 2);
        if (b > 4) Text.hex(out, bytes.u8(at) & (0xff << (8 - b)) & 0xff, 2);
        else if (b > 0) Text.hex(out, ((bytes.u8(at) >>> 4) & 0x0f) & (0x0f << (4 - b)), 1);
        out.append('/').append(bitlen).append(']');
        return true;
    }

    /** nd_printn: up to {@code n} characters, escaped; true when the capture ended first. */
    private boolean printn(int cp, int n, StringBuilder out) {
        int end = bytes.end();
        while (n > 0 && cp < end) {
            n--;
            Text.printableChar(out, bytes.u8(cp++));
        }
        return n != 0;
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
