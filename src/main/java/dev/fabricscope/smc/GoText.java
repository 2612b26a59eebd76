package dev.fabricscope.smc;

import java.nio.charset.StandardCharsets;

/**
 * Value renderings that smc-clc gets from Go's fmt and net packages: {@code %#x} of numbers and byte arrays,
 * net.IP and net.HardwareAddr strings, the EID/hostname trimming, and encoding/hex's Dump.
 */
public final class GoText {
    private GoText() { }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Go {@code %#x} of an unsigned integer: "0x0", "0xf0a60000". */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Go {@code %#x} of a byte array: "0x" and two digits per byte ("" for an empty array, as Go). */
    public static String hex(byte[] bytes) {
        if (bytes.length == 0) return "";
        StringBuilder sb = new StringBuilder(2 + bytes.length * 2).append("0x");
        for (byte b : bytes) sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        return sb.toString();
    }

    /** net.HardwareAddr of the low 48 bits: "98:03:9b:ab:cd:ef". */
    public static String mac(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (8 * i)) & 0xff;
            sb.append(HEX[b >> 4]).append(HEX[b & 15]);
            if (i > 0) sb.append(':');
        }
        return sb.toString();
    }

    /** net.IP.String of a 4-byte address held in an int. */
    public static String ipv4(int addr) {
        return ((addr >>> 24) & 0xff) + "." + ((addr >>> 16) & 0xff) + "." + ((addr >>> 8) & 0xff) + "." + (addr & 0xff);
    }

    /**
     * net.IP.String of a 4- or 16-byte address: dotted quad for IPv4 and IPv4-mapped IPv6 (::ffff:a.b.c.d),
     * otherwise lower-case groups without leading zeros, the first longest run of two or more zero groups as "::".
     */
    public static String ip(byte[] a, int off, int len) {
        if (len == 4) return ipv4(be32(a, off));
        if (len != 16) return "?";
        boolean mapped = a[off + 10] == (byte) 0xff && a[off + 11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) mapped = a[off + i] == 0;
        if (mapped) return ipv4(be32(a, off + 12));
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (a[off + 2 * i] & 0xff) << 8 | (a[off + 2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    public static String ip(byte[] a) {
        return ip(a, 0, a.length);
    }

    /**
     * An EID or hostname as smc-go prints it: up to the first NUL, trailing spaces removed. Bytes map one to one
     * to chars (ISO-8859-1), so a sink writing ISO-8859-1 reproduces Go's raw bytes exactly.
     */
    public static String eid(byte[] eid) {
        int end = 0;
        while (end < eid.length && eid[end] != 0) end++;
        while (end > 0 && eid[end - 1] == ' ') end--;
        return new String(eid, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * Go's encoding/hex Dump: 16 bytes a line, "%08x" offset, two spaces, hex bytes with an extra space after the
     * eighth, then the bytes as ASCII ('.' outside 32..126) between bars; every line ends in a newline.
     */
    public static void hexDump(byte[] data, StringBuilder out) {
        for (int line = 0; line < data.length; line += 16) {
            String offset = Integer.toHexString(line);
            for (int i = offset.length(); i < 8; i++) out.append('0');
            out.append(offset).append("  ");
            int n = Math.min(16, data.length - line);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    int b = data[line + i] & 0xff;
                    out.append(HEX[b >> 4]).append(HEX[b & 15]).append(' ');
                } else {
                    out.append("   ");
                }
                if (i == 7) out.append(' ');
            }
            out.append(" |");
            for (int i = 0; i < n; i++) {
                int b = data[line + i] & 0xff;
                out.append(b < 32 || b > 126 ? '.' : (char) b);
            }
            out.append("|\n");
        }
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
