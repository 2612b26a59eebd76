package dev.fabricscope.smc;

import dev.fabricscope.capture.BigEndian;
import dev.fabricscope.print.Latin1Builder;
import java.nio.charset.StandardCharsets;

/**
 * Value renderings that smc-clc gets from Go's fmt and net packages: {@code %#x} of numbers and byte arrays,
 * net.IP and net.HardwareAddr strings, the EID/hostname trimming, and encoding/hex's Dump.
 */
public final class GoText {
    private GoText() { }

    /** Go {@code %#x} of an unsigned integer: "0x0", "0xf0a60000". */
    public static String hex(long value) {
        return appendHex(new Latin1Builder(18), value).toString();
    }

    /** {@link #hex(long)} into {@code out}. */
    public static Latin1Builder appendHex(Latin1Builder out, long value) {
        return out.append("0x").appendHex(value);
    }

    /** Go {@code %#x} of a byte array: "0x" and two digits per byte ("" for an empty array, as Go). */
    public static String hex(byte[] bytes) {
        return appendHex(new Latin1Builder(2 + bytes.length * 2), bytes).toString();
    }

    /** {@link #hex(byte[])} into {@code out}. */
    public static Latin1Builder appendHex(Latin1Builder out, byte[] bytes) {
        if (bytes.length == 0) return out;
        out.append("0x");
        for (byte b : bytes) out.appendHexByte(b);
        return out;
    }

    /** net.HardwareAddr of the low 48 bits: "98:03:9b:ab:cd:ef". */
    public static String mac(long mac) {
        return appendMac(new Latin1Builder(17), mac).toString();
    }

    /** {@link #mac} into {@code out} (no intermediate string: messages are formatted by the hundred thousand). */
    public static Latin1Builder appendMac(Latin1Builder out, long mac) {
        for (int i = 5; i >= 0; i--) {
            out.appendHexByte((int) (mac >>> (8 * i)));
            if (i > 0) out.append(':');
        }
        return out;
    }

    /** net.IP.String of a 4-byte address held in an int. */
    public static String ipv4(int addr) {
        return appendIpv4(new Latin1Builder(15), addr).toString();
    }

    public static Latin1Builder appendIpv4(Latin1Builder out, int addr) {
        return out.append((addr >>> 24) & 0xff).append('.').append((addr >>> 16) & 0xff).append('.')
            .append((addr >>> 8) & 0xff).append('.').append(addr & 0xff);
    }

    /**
     * net.IP.String of a 4- or 16-byte address: dotted quad for IPv4 and IPv4-mapped IPv6 (::ffff:a.b.c.d),
     * otherwise lower-case groups without leading zeros, the first longest run of two or more zero groups as "::".
     */
    public static String ip(byte[] a, int off, int len) {
        return appendIp(new Latin1Builder(39), a, off, len).toString();
    }

    /** {@link #ip(byte[], int, int)} into {@code out}. */
    public static Latin1Builder appendIp(Latin1Builder out, byte[] a, int off, int len) {
        if (len == 4) return appendIpv4(out, BigEndian.i32(a, off));
        if (len != 16) return out.append('?');
        boolean mapped = a[off + 10] == (byte) 0xff && a[off + 11] == (byte) 0xff;
        for (int i = 0; i < 10 && mapped; i++) mapped = a[off + i] == 0;
        if (mapped) return appendIpv4(out, BigEndian.i32(a, off + 12));
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
            out.appendHex(group(a, off, i));
        }
        return out;
    }

    public static Latin1Builder appendIp(Latin1Builder out, byte[] a) {
        return appendIp(out, a, 0, a.length);
    }

    private static int group(byte[] a, int off, int i) {
        return BigEndian.u16(a, off + 2 * i);
    }

    public static String ip(byte[] a) {
        return ip(a, 0, a.length);
    }

    /**
     * An EID or hostname as smc-go prints it: up to the first NUL, trailing spaces removed. Bytes map one to one
     * to chars (ISO-8859-1), so a sink writing ISO-8859-1 reproduces Go's raw bytes exactly.
     */
    public static String eid(byte[] eid) {
        return new String(eid, 0, eidLength(eid), StandardCharsets.ISO_8859_1);
    }

    /** {@link #eid} into {@code out}: the raw bytes, as Go writes them. */
    public static Latin1Builder appendEid(Latin1Builder out, byte[] eid) {
        return out.append(eid, 0, eidLength(eid));
    }

    private static int eidLength(byte[] eid) {
        int end = 0;
        while (end < eid.length && eid[end] != 0) end++;
        while (end > 0 && eid[end - 1] == ' ') end--;
        return end;
    }

    /**
     * Go's encoding/hex Dump: 16 bytes a line, "%08x" offset, two spaces, hex bytes with an extra space after the
     * eighth, then the bytes as ASCII ('.' outside 32..126) between bars; every line ends in a newline.
     */
    public static void hexDump(byte[] data, Latin1Builder out) {
        for (int line = 0; line < data.length; line += 16) {
            for (int shift = 24; shift >= 0; shift -= 8) out.appendHexByte(line >>> shift);
            out.append("  ");
            int n = Math.min(16, data.length - line);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    out.appendHexByte(data[line + i]).append(' ');
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
