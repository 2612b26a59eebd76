package dev.fabricscope.rdma.cm;

/** Text for IPv4, IPv6 (RFC 5952 compressed), IPv4-mapped GIDs (as IPv4) and LIDs. */
public final class AddressText {
    private AddressText() { }

    /** 4 bytes: dotted quad; 16 bytes: IPv4 when ::ffff:a.b.c.d, else compressed IPv6. */
    public static String ip(byte[] a) {
        StringBuilder sb = new StringBuilder(39);
        append(sb, a);
        return sb.toString();
    }

    public static void append(StringBuilder sb, byte[] a) {
        if (a.length == 4) {
            dotted(sb, a, 0);
        } else if (a.length == 16 && isV4Mapped(a)) {
            dotted(sb, a, 12);
        } else if (a.length == 16) {
            ipv6(sb, a);
        } else {
            for (byte b : a) sb.append(String.format("%02x", b & 0xff));
        }
    }

    static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static void dotted(StringBuilder sb, byte[] a, int off) {
        sb.append(a[off] & 0xff).append('.').append(a[off + 1] & 0xff).append('.')
            .append(a[off + 2] & 0xff).append('.').append(a[off + 3] & 0xff);
    }

    private static void ipv6(StringBuilder sb, byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
    }
}
