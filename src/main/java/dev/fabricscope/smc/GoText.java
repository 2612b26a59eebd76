package dev.fabricscope.smc;

import dev.fabricscope.capture.BigEndian;
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
        appendMac(sb, mac);
        return sb.toString();
    }

    /** {@link #mac} into {@code out} (no intermediate string: messages are formatted by the hundred thousand). */
    public static void appendMac(StringBuilder out, long mac) {
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (8 * i)) & 0xff;
            out.append(HEX[b >> 4]).append(HEX[b & 15]);
            if (i > 0) out.append(':');
        }
    }

    /** net.IP.String of a 4-byte address held in an int. */
    public static String ipv4(int addr) {
        StringBuilder sb = new StringBuilder(15);
        appendIpv4(sb, addr);
        return sb.toString();
    }

    public static void appendIpv4(StringBuilder out, int addr) {
        out.append((addr >>> 24) & 0xff).append('.').append((addr >>> 16) & 0xff).append('.')
            .append((addr >>> 8) & 0xff).append('.').append(addr & 0xff);
    }

    /**
     * net.IP.String of a 4- or 16-byte address: dotted quad for IPv4 and IPv4-mapped IPv6 (::ffff:a.b.c.d),
     * otherwise lower-case groups without leading zeros, the first longest run of two or more zero groups as "::".
     */
    public static String ip(byte[] a, int off, int len) {
        StringBuilder sb = new StringBuilder(39);
        appendIp(sb, a, off, len);
        return sb.toString();
    }

    /** {@link #ip(byte[], int, int)} into {@code out}. */
    public static void appendIp(StringBuilder out, byte[] a, int off, int len) {
        if (len == 4) {
            appendIpv4(out, BigEndian.i32(a, off));
            return;
        }
        if (len != 16) {
            out.append('?');
            return;
        }
        boolean mapped = a[off + 10] == (byte) 0xff && a[off + 11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) mapped = a[off + i] == 0;
        if (mapped) {
            appendIpv4(out, BigEndian.i32(a, off + 12));
            return;
        }
        // the first longest run of two or more zero groups
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (group(a, off, i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(a, off, j) == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) out.append(':');
            appendHexDigits(out, group(a, off, i));
        }
    }

    public static void appendIp(StringBuilder out, byte[] a) {
        appendIp(out, a, 0, a.length);
    }

    private static int group(byte[] a, int off, int i) {
        return BigEndian.u16(a, off + 2 * i);
    }

    /** Lower-case hex without leading zeros (Integer.toHexString of a 16-bit value). */
    private static void appendHexDigits(StringBuilder out, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (v >>> shift) & 15;
            if (d != 0 || started || shift == 0) {
                out.append(HEX[d]);
                started = true;
            }
        }
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
}
