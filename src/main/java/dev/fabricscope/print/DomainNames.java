package dev.fabricscope.print;

/**
 * Domain names as tcpdump prints them (print-domain.c's fqdn_print, labellen and nd_printn): labels escaped, RFC
 * 2673 bit-string labels, compression pointers followed only backwards from where they stand, names longer than
 * 255 characters marked. Shared by DNS and ICMPv6's DNSSL option; reads through the printer's {@link SnapshotBytes}
 * (they can jump out where tcpdump's do).
 */
final class DomainNames {
    private static final int MAX_NAME = 255;

    private final SnapshotBytes bytes;

    DomainNames(SnapshotBytes bytes) {
        this.bytes = bytes;
    }

    /**
     * tcpdump's {@code fqdn_print}: the name at {@code cp} ("." for the root), pointers resolved against the message
     * start {@code bp}; returns the position after the name where it is stored, or -1 (tcpdump's NULL).
     */
    int fqdn(int cp, int bp, StringBuilder out) {
        int l = labelLength(cp, out);
        if (l == -1) return -1;
        if (cp >= bytes.end()) return -1;
        long maxOffset = (cp - bp) & 0xffffffffL;
        int i = bytes.u8(cp++);
        boolean compressed = false;
        int rp = -1;
        if ((i & 0xc0) != 0xc0) rp = cp + l;
        if (i == 0) {
            out.append('.');
            return rp;
        }
        int chars = 0;
        while (i != 0 && cp < bytes.end()) {
            switch (i & 0xc0) {
                case 0xc0 -> {
                    if (!compressed) {
                        rp = cp + 1;
                        compressed = true;
                    }
                    if (cp >= bytes.end()) return -1;
                    int offset = ((i << 8) | bytes.u8(cp)) & 0x3fff;
                    if (offset >= maxOffset) {
                        out.append("<BAD PTR>");
                        return -1;
                    }
                    maxOffset = offset;
                    cp = bp + offset;
                    if (cp < 0 || cp >= bytes.end()) return -1;
                    i = bytes.u8(cp);
                    if ((l = labelLength(cp, out)) == -1) return -1;
                    cp++;
                    continue;
                }
                case 0x40 -> {
                    int elt = i & 0x3f;
                    if (elt != 1) {
                        out.append("<ELT ").append(elt).append('>');
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
            if (cp >= bytes.end()) return -1;
            i = bytes.u8(cp);
            if ((l = labelLength(cp, out)) == -1) return -1;
            cp++;
            if (!compressed) rp += l + 1;
        }
        if (chars > MAX_NAME) out.append("<DOMAIN NAME TOO LONG>");
        return rp;
    }

    /** tcpdump's {@code labellen}: the bytes of the label at {@code cp} after its first, or -1. */
    private int labelLength(int cp, StringBuilder out) {
        if (cp < 0 || cp >= bytes.end()) return -1;
        int i = bytes.u8(cp);
        switch (i & 0xc0) {
            case 0x40 -> {
                int elt = i & 0x3f;
                if (elt != 1) {
                    out.append("<ELT ").append(elt).append('>');
                    return -1;
                }
                if (cp + 1 >= bytes.end()) return -1;
                int bitlen = bytes.u8(cp + 1);
                if (bitlen == 0) bitlen = 256;
                return (bitlen + 7) / 8 + 1;
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

    /** RFC 2673 bit-string label as tcpdump prints it: "\[x<hex>/<bits>]" (its reads can jump out). */
    private boolean bitLabel(int cp, StringBuilder out) {
        if (cp >= bytes.end()) return false;
        int bitlen = bytes.u8(cp);
        if (bitlen == 0) bitlen = 256;
        int lim = cp + 1 + (bitlen + 3) / 4;
        out.append("\\[x");
        int bitp = cp + 1;
        int b = bitlen;
        for (; bitp < lim && b > 7; b -= 8, bitp++) Text.hex(out, bytes.u8(bitp), 2);
        if (b > 4) {
            Text.hex(out, bytes.u8(bitp) & (0xff << (8 - b)) & 0xff, 2);
        } else if (b > 0) {
            Text.hex(out, ((bytes.u8(bitp) >>> 4) & 0x0f) & (0x0f << (4 - b)), 1);
        }
        out.append('/').append(bitlen).append(']');
        return true;
    }

    /** tcpdump's {@code nd_printn}: up to {@code n} characters, escaped; true when the capture ended first. */
    boolean printn(int cp, long n, StringBuilder out) {
        while (n > 0 && cp < bytes.end()) {
            n--;
            Text.printableChar(out, bytes.u8(cp++));
        }
        return n != 0;
    }
}
