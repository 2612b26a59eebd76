package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code options [...]} part of a tcpdump TCP line. Option names and layouts as tcpdump 4.99
 * prints them (print-tcp.c): mss, nop, eol, wscale, sackOK, sack N {a:b}, echo/echoreply/cc/ccnew
 * (and cc-echo, which tcpdump names ""), TS val/ecr, md5, scps, uto, tcp-ao, mptcp ({@link MptcpOption}), tfo,
 * exp-XXXX / exp-tfo (kind 254 with its ExID), unknown-KIND with hex data.
 *
 * <p>Problems end the line the way tcpdump ends it: "[bad opt]" for a length that does not fit,
 * " [|tcp]" for bytes past the capture (" [|mptcp]" after an MPTCP option, as tcpdump; with a trailing '>'
 * where tcpdump's own bounds check, rather than its fetch macros, noticed it), "[len N]" after an option whose
 * length differs from its layout.
 *
 * <p>With -M's secret an md5 option (RFC 2385) is verified as tcpdump's tcp_verify_signature does: MD5 over the
 * IPv4 or IPv6 pseudo-header (tcpdump's fields: IPv4's protocol byte and IP length less its header, IPv6's payload
 * length and next header 6, both whatever extension headers or AH came between), the fixed TCP header with a zero
 * checksum, the payload, then the secret.
 */
final class TcpOptionsFormatter {
    static final int EOL = 0, NOP = 1, MSS = 2, WSCALE = 3, SACK_OK = 4, SACK = 5, ECHO = 6, ECHO_REPLY = 7,
            TIMESTAMP = 8, CC = 11, CC_NEW = 12, CC_ECHO = 13, MD5 = 19, SCPS = 20, UTO = 28, TCP_AO = 29,
            MPTCP = 30, FAST_OPEN = 34, EXPERIMENT = 254;
    private static final int MD5_DIGEST = 16;
    private static final int EXID_FAST_OPEN = 0xf989;
    private static final int PSEUDO_HEADER_4 = 12, PSEUDO_HEADER_6 = 40;

    private enum Stop { NONE, BAD, TRUNCATED_CHECK, TRUNCATED_FETCH }

    private final EarlyEnd earlyEnd;
    /** -M's secret, or null (then tcpdump says it cannot check). */
    private final byte[] secret;
    /** With -M: the digest, reused for every signature, and its scratch (pseudo-header and TCP header, the result). */
    private final MessageDigest md5;
    private final byte[] headers = new byte[PSEUDO_HEADER_6 + 20];
    private final byte[] digest = new byte[MD5_DIGEST];
    /** tcpdump's name for the protocol in " [|...]" after the last options printed: its MPTCP printer renames it. */
    private String protocol = "tcp";

    /** @param secret -M's secret (tcpdump hashes its argument's bytes), or null */
    TcpOptionsFormatter(EarlyEnd earlyEnd, byte[] secret) {
        this.earlyEnd = earlyEnd;
        this.secret = secret;
        try {
            this.md5 = secret == null ? null : MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /**
     * Appends ", options [...]" for the {@code optionsLength} bytes at {@code off}. Returns false when
     * the line ended inside the options (bad option or truncation): nothing may follow.
     *
     * @param ip        the enclosing IP header (md5's pseudo-header)
     * @param tcp       start of the TCP header (options at tcp + 20, payload at tcp + 20 + optionsLength)
     * @param end       first offset not captured (clipped to the IP length)
     * @param payloadEnd end of the TCP payload per the IP length (for the md5 "snaplen too short" check)
     * @param sackBase   subtracted from SACK block edges (tcpdump's relative numbers; 0 for absolute)
     */
    boolean format(Packet p, IpContext ip, int tcp, int optionsLength, int end, int tcpFlags, int payloadEnd,
                   long sackBase, StringBuilder out) {
        int off = tcp + 20;
        out.append(", options [");
        int rem = optionsLength;
        int cp = off;
        boolean separator = false;
        Stop stop = Stop.NONE;
        protocol = "tcp";
        while (rem > 0) {
            if (separator) out.append(',');
            if (cp >= end) {
                stop = Stop.TRUNCATED_FETCH;
                break;
            }
            int opt = p.u8(cp++);
            int len;
            if (opt == EOL || opt == NOP) {
                len = 1;
            } else {
                if (cp >= end) {
                    stop = Stop.TRUNCATED_FETCH;
                    break;
                }
                len = p.u8(cp++);
                if (len < 2 || len > rem) {
                    stop = Stop.BAD;
                    break;
                }
                rem--;
            }
            rem--;
            appendName(out, opt);
            int datalen = 0;
            switch (opt) {
                case MSS, WSCALE, SCPS, UTO -> {
                    datalen = opt == WSCALE ? 1 : 2;
                    stop = check(datalen, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    switch (opt) {
                        case MSS -> out.append(' ').append(p.u16(cp));
                        case WSCALE -> out.append(' ').append(p.u8(cp));
                        case SCPS -> {
                            out.append(" cap ");
                            Text.hex(out, p.u8(cp), 2);
                            out.append(" id ").append(p.u8(cp + 1));
                        }
                        default -> {
                            int uto = p.u16(cp);
                            out.append(" 0x");
                            Text.hex(out, uto);
                            out.append(' ').append((uto & 1) != 0 ? (uto >>> 1) * 60 : uto >>> 1);
                        }
                    }
                }
                case SACK -> {
                    datalen = len - 2;
                    if (datalen % 8 != 0) {
                        out.append(" invalid sack");
                        break;
                    }
                    out.append(' ').append(datalen / 8).append(' ');
                    for (int i = 0; i < datalen && stop == Stop.NONE; i += 8) {
                        stop = check(i + 4, rem, cp, end);
                        if (stop == Stop.NONE) stop = check(i + 8, rem, cp, end);
                        if (stop != Stop.NONE) break;
                        out.append('{');
                        Text.u32(out, p.u32(cp + i) - sackBase);
                        out.append(':');
                        Text.u32(out, p.u32(cp + i + 4) - sackBase);
                        out.append('}');
                    }
                }
                case CC, CC_NEW, CC_ECHO, ECHO, ECHO_REPLY -> {
                    datalen = 4;
                    stop = check(datalen, rem, cp, end);
                    if (stop == Stop.NONE) Text.u32(out.append(' '), p.u32(cp));
                }
                case TIMESTAMP -> {
                    datalen = 8;
                    stop = check(datalen, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    out.append(" val ");
                    Text.u32(out, p.u32(cp));
                    out.append(" ecr ");
                    Text.u32(out, p.u32(cp + 4));
                }
                case MD5 -> {
                    datalen = MD5_DIGEST;
                    stop = check(datalen, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    out.append(' ');
                    if (payloadEnd <= end && secret != null) {
                        out.append(signatureValid(p, ip, tcp, 20 + optionsLength, payloadEnd, cp) ? "valid" : " (invalid)");
                        break;
                    }
                    // tcpdump (built with libcrypto) cannot verify: it says why, then the digest
                    out.append(payloadEnd > end ? "snaplen too short, " : "shared secret not supplied with -M, ")
                            .append("can't check - ");
                    Text.hexBytes(out, p, cp, MD5_DIGEST);
                }
                case TCP_AO -> {
                    datalen = len - 2;
                    if (datalen < 2) {
                        out.append(" (invalid)");
                        break;
                    }
                    stop = check(1, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    out.append(" keyid ").append(p.u8(cp));
                    stop = check(2, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    out.append(" rnextkeyid ").append(p.u8(cp + 1));
                    if (datalen > 2) {
                        out.append(" mac 0x");
                        for (int i = 2; i < datalen && stop == Stop.NONE; i++) {
                            stop = check(i + 1, rem, cp, end);
                            if (stop == Stop.NONE) Text.hex(out, p.u8(cp + i), 2);
                        }
                    }
                }
                case EOL, NOP, SACK_OK -> { }
                case MPTCP -> {
                    datalen = len - 2;
                    stop = check(datalen, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    protocol = "mptcp";
                    if (!MptcpOption.format(p, cp - 2, len, tcpFlags, out)) stop = Stop.BAD;
                }
                case FAST_OPEN -> {
                    datalen = len - 2;
                    stop = check(datalen, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    out.append(' ');
                    fastOpen(p, cp, datalen, out);
                }
                case EXPERIMENT -> {
                    datalen = len - 2;
                    stop = check(datalen, rem, cp, end);
                    if (stop != Stop.NONE) break;
                    if (datalen < 2) {
                        stop = Stop.BAD;
                        break;
                    }
                    int exid = p.u16(cp);
                    out.append('-');
                    if (exid == EXID_FAST_OPEN) {
                        out.append("tfo");
                        fastOpen(p, cp + 2, datalen - 2, out);
                    } else {
                        Text.hex(out, exid, 4);
                    }
                }
                default -> {
                    datalen = len - 2;
                    if (datalen > 0) out.append(" 0x");
                    for (int i = 0; i < datalen && stop == Stop.NONE; i++) {
                        stop = check(i + 1, rem, cp, end);
                        if (stop == Stop.NONE) Text.hex(out, p.u8(cp + i), 2);
                    }
                }
            }
            if (stop != Stop.NONE) break;
            cp += datalen;
            rem -= datalen;
            int expected = datalen + 1 + (opt == EOL || opt == NOP ? 0 : 1);
            if (expected != len) out.append("[len ").append(len).append(']');
            separator = true;
            if (opt == EOL) break;
        }
        switch (stop) {
            case NONE -> {
                out.append(']');
                return true;
            }
            case BAD -> {
                out.append("[bad opt]");
                if (separator) out.append(']');
            }
            case TRUNCATED_CHECK -> {
                out.append(" [|").append(protocol).append(']');
                if (separator) out.append('>');
            }
            case TRUNCATED_FETCH -> {
                earlyEnd.mark(out, protocol);
            }
        }
        return false;
    }

    /**
     * RFC 2385's digest, with tcpdump's pseudo-header fields, against the 16 bytes at {@code signature}; the whole
     * segment up to {@code payloadEnd} is captured.
     */
    private boolean signatureValid(Packet p, IpContext ip, int tcp, int hlen, int payloadEnd, int signature) {
        int n;
        if (ip.v6) {
            int header = ip.srcOffset - 8;
            p.copyTo(ip.srcOffset, headers, 0, 16);
            p.copyTo(ip.dstOffset, headers, 16, 16);
            headers[32] = headers[33] = 0;
            p.copyTo(header + 4, headers, 34, 2);
            headers[36] = headers[37] = headers[38] = 0;
            headers[39] = 6;
            n = PSEUDO_HEADER_6;
        } else {
            int header = ip.srcOffset - 12;
            p.copyTo(ip.srcOffset, headers, 0, 8);
            headers[8] = 0;
            headers[9] = (byte) p.u8(header + 9);
            int length = p.u16(header + 2) - (p.u8(header) & 0xf) * 4;   // 16 bits, wrapping as tcpdump's
            headers[10] = (byte) (length >>> 8);
            headers[11] = (byte) length;
            n = PSEUDO_HEADER_4;
        }
        p.copyTo(tcp, headers, n, 20);
        headers[n + 16] = headers[n + 17] = 0;
        md5.update(headers, 0, n + 20);
        if (payloadEnd > tcp + hlen) md5.update(p.bytes(), p.offset() + tcp + hlen, payloadEnd - tcp - hlen);
        md5.update(secret);
        try {
            md5.digest(digest, 0, MD5_DIGEST);
        } catch (DigestException e) {
            throw new IllegalStateException(e);   // the buffer holds 16 bytes, MD5's length
        }
        for (int i = 0; i < MD5_DIGEST; i++) {
            if (digest[i] != (byte) p.u8(signature + i)) return false;
        }
        return true;
    }

    /** The protocol tcpdump names when the segment ends early after these options: "tcp", or "mptcp" after one. */
    String protocol() {
        return protocol;
    }

    /** tcpdump's LENCHECK: {@code need} data bytes must fit in the option space and be captured. */
    private static Stop check(int need, int rem, int cp, int end) {
        if (need > rem) return Stop.BAD;
        if (cp + need > end) return Stop.TRUNCATED_CHECK;
        return Stop.NONE;
    }

    private static void fastOpen(Packet p, int off, int datalen, StringBuilder out) {
        if (datalen == 0) {
            out.append(" cookiereq");
        } else if (datalen % 2 != 0 || datalen < 4 || datalen > 16) {
            out.append(" (invalid)");
        } else {
            out.append(" cookie ");
            Text.hexBytes(out, p, off, datalen);
        }
    }

    private static void appendName(StringBuilder out, int opt) {
        switch (opt) {
            case EOL -> out.append("eol");
            case NOP -> out.append("nop");
            case MSS -> out.append("mss");
            case WSCALE -> out.append("wscale");
            case SACK_OK -> out.append("sackOK");
            case SACK -> out.append("sack");
            case ECHO -> out.append("echo");
            case ECHO_REPLY -> out.append("echoreply");
            case TIMESTAMP -> out.append("TS");
            case CC -> out.append("cc");
            case CC_NEW -> out.append("ccnew");
            case CC_ECHO -> { }  // tcpdump's table names it ""
            case MD5 -> out.append("md5");
            case SCPS -> out.append("scps");
            case UTO -> out.append("uto");
            case TCP_AO -> out.append("tcp-ao");
            case MPTCP -> out.append("mptcp");
            case FAST_OPEN -> out.append("tfo");
            case EXPERIMENT -> out.append("exp");
            default -> out.append("unknown-").append(opt);
        }
    }
}
