package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The Multipath TCP option (TCP option kind 30, RFC 6824 and RFC 8684) as tcpdump 4.99 prints it after "mptcp"
 * (print-mptcp.c): the length, the subtype's name and its fields. A length or TCP flag combination that the subtype
 * does not allow makes tcpdump give up with "[bad opt]", after whatever it has already printed. tcpdump 4.99 knows
 * subtypes 0 to 7; the higher ones (TCPRST among them) are "unknown". Verbosity changes nothing here.
 */
final class MptcpOption {
    private MptcpOption() { }

    private static final int CAPABLE = 0, JOIN = 1, DSS = 2, ADD_ADDR = 3, REMOVE_ADDR = 4, PRIO = 5, FAIL = 6,
            FAST_CLOSE = 7;
    private static final String[] SUBTYPES = {
        "capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown"
    };
    private static final int CAPABLE_CHECKSUM = 0x80;
    private static final int BACKUP = 0x01;
    private static final int DSS_FIN = 0x10, DSS_SEQ8 = 0x08, DSS_SEQ = 0x04, DSS_ACK8 = 0x02, DSS_ACK = 0x01;
    private static final int SYN = TcpFormatter.SYN, ACK = TcpFormatter.ACK;

    /**
     * Appends " LEN SUBTYPE fields" for the option whose kind byte is at {@code opt}; all {@code len} bytes are
     * captured (the caller checked). Returns false where tcpdump's printer returns 0: the caller ends with "[bad opt]".
     */
    static boolean format(Packet p, int opt, int len, int tcpFlags, StringBuilder out) {
        if (len < 3) return false;
        int subtype = Math.min(p.u8(opt + 2) >>> 4, FAST_CLOSE + 1);
        out.append(' ').append(len).append(' ').append(SUBTYPES[subtype]);
        return switch (subtype) {
            case CAPABLE -> capable(p, opt, len, tcpFlags, out);
            case JOIN -> join(p, opt, len, tcpFlags, out);
            case DSS -> dss(p, opt, len, tcpFlags, out);
            case ADD_ADDR -> addAddr(p, opt, len, out);
            case REMOVE_ADDR -> removeAddr(p, opt, len, out);
            case PRIO -> prio(p, opt, len, out);
            case FAIL, FAST_CLOSE -> {
                if (len != 12) yield false;
                if (subtype == FAIL) Text.u64(out.append(" seq "), u64(p, opt + 4));
                else Text.hex(out.append(" key 0x"), u64(p, opt + 4));
                yield true;
            }
            default -> true;
        };
    }

    private static boolean capable(Packet p, int opt, int len, int tcpFlags, StringBuilder out) {
        boolean syn = (len == 12 || len == 4) && (tcpFlags & SYN) != 0;
        boolean ack = (len == 20 || len == 22) && (tcpFlags & (SYN | ACK)) == ACK;
        if (!syn && !ack) return false;
        int version = p.u8(opt + 2) & 0xf;
        if (version > 1) {
            out.append(" Unknown Version (").append(version).append(')');
            return true;
        }
        out.append(" v").append(version);
        if ((p.u8(opt + 3) & CAPABLE_CHECKSUM) != 0) out.append(" csum");
        if (len == 12 || len >= 20) {
            Text.hex(out.append(" {0x"), u64(p, opt + 4));
            if (len >= 20) Text.hex(out.append(",0x"), u64(p, opt + 12));
            out.append('}');
        }
        return true;
    }

    private static boolean join(Packet p, int opt, int len, int tcpFlags, StringBuilder out) {
        if (!(len == 12 && (tcpFlags & SYN) != 0)
                && !(len == 16 && (tcpFlags & (SYN | ACK)) == (SYN | ACK))
                && !(len == 24 && (tcpFlags & ACK) != 0)) {
            return false;
        }
        if (len != 24) {
            if ((p.u8(opt + 2) & BACKUP) != 0) out.append(" backup");
            out.append(" id ").append(p.u8(opt + 3));
        }
        switch (len) {
            case 12 -> {
                Text.hex(out.append(" token 0x"), p.u32(opt + 4));
                Text.hex(out.append(" nonce 0x"), p.u32(opt + 8));
            }
            case 16 -> {
                Text.hex(out.append(" hmac 0x"), u64(p, opt + 4));
                Text.hex(out.append(" nonce 0x"), p.u32(opt + 12));
            }
            default -> Text.hexBytes(out.append(" hmac 0x"), p, opt + 4, 20);
        }
        return true;
    }

    /** Data Sequence Signal: each field only if its flag says so; every byte of the option must be accounted for. */
    private static boolean dss(Packet p, int opt, int len, int tcpFlags, StringBuilder out) {
        if (len < 4 || (tcpFlags & SYN) != 0) return false;
        int flags = p.u8(opt + 3);
        if ((flags & DSS_FIN) != 0) out.append(" fin");
        int at = opt + 4;
        int left = len - 4;
        if ((flags & DSS_ACK) != 0) {
            out.append(" ack ");
            int size = (flags & DSS_ACK8) != 0 ? 8 : 4;
            if (left < size) return false;
            Text.u64(out, size == 8 ? u64(p, at) : p.u32(at));
            at += size;
            left -= size;
        }
        if ((flags & DSS_SEQ) != 0) {
            out.append(" seq ");
            int size = (flags & DSS_SEQ8) != 0 ? 8 : 4;
            if (left < size) return false;
            Text.u64(out, size == 8 ? u64(p, at) : p.u32(at));
            at += size;
            left -= size;
            if (left < 4) return false;
            Text.u32(out.append(" subseq "), p.u32(at));
            at += 4;
            left -= 4;
            if (left < 2) return false;
            out.append(" len ").append(p.u16(at));
            at += 2;
            left -= 2;
            // the checksum is there only if negotiated: tcpdump takes any two bytes left for it
            if (left >= 2) {
                Text.hex(out.append(" csum 0x"), p.u16(at));
                left -= 2;
            }
        }
        return left == 0;
    }

    /** ADD_ADDR's address family, port and HMAC (RFC 8684) follow from its length alone. */
    private static boolean addAddr(Packet p, int opt, int len, StringBuilder out) {
        boolean v4 = len == 8 || len == 10 || len == 16 || len == 18;
        boolean v6 = len == 20 || len == 22 || len == 28 || len == 30;
        if (!v4 && !v6) return false;
        out.append(' ').append(switch (p.u8(opt + 2) & 0xf) {
            case 6 -> "v0-ip6";
            case 4 -> "v0-ip4";
            case 1 -> "v1-echo";
            case 0 -> "v1";
            default -> "[bad version/echo]";
        });
        out.append(" id ").append(p.u8(opt + 3));
        int addressLength = v4 ? 4 : 16;
        out.append(' ');
        if (v4) Text.ipv4(out, p, opt + 4);
        else Text.ipv6(out, p, opt + 4);
        int at = opt + 4 + addressLength;
        int withoutPort = 4 + addressLength;
        if (len == withoutPort + 2 || len == withoutPort + 10) {
            out.append(':').append(p.u16(at));
            at += 2;
        }
        if (len >= withoutPort + 8) Text.hex(out.append(" hmac 0x"), u64(p, at));
        return true;
    }

    private static boolean removeAddr(Packet p, int opt, int len, StringBuilder out) {
        if (len < 4) return false;
        out.append(" id");
        for (int i = 3; i < len; i++) out.append(' ').append(p.u8(opt + i));
        return true;
    }

    private static boolean prio(Packet p, int opt, int len, StringBuilder out) {
        if (len != 3 && len != 4) return false;
        out.append((p.u8(opt + 2) & BACKUP) != 0 ? " backup" : " non-backup");
        if (len == 4) out.append(" id ").append(p.u8(opt + 3));
        return true;
    }

    private static long u64(Packet p, int off) {
        return p.u32(off) << 32 | p.u32(off + 4);
    }
}
