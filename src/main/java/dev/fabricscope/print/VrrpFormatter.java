package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * VRRP (RFC 3768 v2, RFC 9568 v3; IP protocol 112) as tcpdump 4.99 prints it (print-vrrp.c):
 * {@code VRRPv2, Advertisement, vrid 10, prio 100, authtype none, intvl 1s, length 20} (v3: the interval in
 * centiseconds), the TTL or hop limit when it is not 255; -v adds a bad checksum (v3's over the IP pseudo-header),
 * the virtual addresses and v2's simple-text password. Fetches past the capture end the line with " [|vrrp]"
 * ({@link EarlyEnd}).
 */
final class VrrpFormatter extends SnapshotFormatter {
    static final int PROTOCOL = 112;
    private static final int ADVERTISEMENT = 1;
    private static final int AUTH_SIMPLE = 1;
    private static final int PASSWORD = 8;

    VrrpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        super(verbosity, earlyEnd, "vrrp");
    }

    @Override
    void message(Packet p, IpContext ip, int bp, int len, StringBuilder out) {
        out.append("VRRP");
        int first = bytes.u8(bp);
        int version = first >>> 4, type = first & 0x0f;
        out.append('v').append(version).append(", ");
        if (type == ADVERTISEMENT) out.append("Advertisement");
        else out.append("unknown type (").append(type).append(')');
        int ttl = ip.ttl(p);
        if (ttl != 255) out.append(", (ttl ").append(ttl).append(')');
        if (version < 2 || version > 3 || type != ADVERTISEMENT) return;
        int vrid = bytes.u8(bp + 1), priority = bytes.u8(bp + 2);
        out.append(", vrid ").append(vrid).append(", prio ").append(priority);
        int authType = 0;
        if (version == 2) {
            authType = bytes.u8(bp + 4);
            out.append(", authtype ");
            switch (authType) {
                case 0 -> out.append("none");
                case AUTH_SIMPLE -> out.append("simple");
                case 2 -> out.append("ah");
                default -> out.append('#').append(authType);   // tok2str's own "#%d", appended: no string per packet
            }
            int interval = bytes.u8(bp + 5);
            out.append(", intvl ").append(interval).append("s, length ").append(Integer.toUnsignedLong(len));
        } else {
            int interval = (bytes.u8(bp + 4) & 0x0f) << 8 | bytes.u8(bp + 5);
            out.append(", intvl ").append(interval).append("cs, length ").append(Integer.toUnsignedLong(len));
        }
        if (!verbosity.verbose()) return;
        int addresses = bytes.u8(bp + 3);
        if (bp + Integer.toUnsignedLong(len) <= bytes.end()) {
            long sum = InternetChecksum.add(version == 2 ? 0 : ip.pseudoHeaderSum(p, PROTOCOL, len), p, bp, len);
            if (!InternetChecksum.verifies(sum)) {
                int stored = bytes.u16(bp + 6);
                out.append(", (bad vrrp cksum ");
                Text.hex(out, stored);
                out.append(')');
            }
        }
        out.append(", addrs");
        if (addresses > 1) out.append('(').append(addresses).append(')');
        out.append(':');
        int at = bp + 8;
        int size = ip.v6 ? 16 : 4;
        for (int i = 0; i < addresses; i++, at += size) {
            bytes.u8(at);
            bytes.u8(at + size - 1);
            out.append(i == 0 ? ' ' : ',');
            if (ip.v6) Text.ipv6(out, p, at);
            else Text.ipv4(out, p, at);
        }
        if (version == 2 && authType == AUTH_SIMPLE) {
            out.append(" auth \"");
            LldpText.untilNul(bytes, at, PASSWORD, out);
            out.append('"');
        }
    }
}
