package dev.fabricscope.rdma;

/**
 * Addresses as text: IPv4 dotted quad; IPv6 and GIDs as tcpdump writes IPv6 (longest run of two or more
 * zero words as "::", first on ties; IPv4-compatible and IPv4-mapped forms end in a dotted quad); MACs
 * colon-separated.
 */
final class AddressFormat {
    private AddressFormat() { }

    static void append(StringBuilder out, byte[] a) {
        if (a == null) {
            out.append('?');
        } else if (a.length == 4) {
            ipv4(out, a, 0);
        } else if (a.length == 16) {
            ipv6(out, a);
        } else {
            mac(out, a);
        }
    }

    static String toString(byte[] a) {
        if (a == null) return null;
        StringBuilder sb = new StringBuilder(40);
        append(sb, a);
        return sb.toString();
    }

    private static void ipv4(StringBuilder out, byte[] a, int off) {
        out.append(a[off] & 0xff).append('.').append(a[off + 1] & 0xff).append('.')
            .append(a[off + 2] & 0xff).append('.').append(a[off + 3] & 0xff);
    }

    private static int word(byte[] a, int i) {
        return ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }

    private static void ipv6(StringBuilder out, byte[] a) {
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (word(a, i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && word(a, j) == 0) j++;
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestBase = -1;
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) out.append(':');
                continue;
            }
            if (i != 0) out.append(':');
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && word(a, 5) == 0xffff))) {
                ipv4(out, a, 12);
                return;
            }
            out.append(Integer.toHexString(word(a, i)));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) out.append(':');
    }

    static void mac(StringBuilder out, byte[] a) {
        for (int i = 0; i < a.length; i++) {
            if (i > 0) out.append(':');
            hex2(out, a[i] & 0xff);
        }
    }

    static void hex2(StringBuilder out, int v) {
        out.append(Character.forDigit(v >>> 4, 16)).append(Character.forDigit(v & 0xf, 16));
    }
}
