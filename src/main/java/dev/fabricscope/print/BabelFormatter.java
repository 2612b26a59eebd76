package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.util.Arrays;

/**
 * Babel (RFC 6126, its 6126bis forms, RFC 7298's HMAC, RFC 7557's extension sub-TLVs and the source-specific draft)
 * on UDP 6696 and 6697 as tcpdump 4.99 prints it (print-babel.c): {@code babel 2 (len)} then each TLV's name, or with
 * -v each TLV on its own line with its fields and sub-TLVs; a packet trailer after {@code |} or {@code ----}.
 * tcpdump's quirks kept: an update's omitted prefix bytes come from the last update with the prefix flag in this
 * packet (an AE 0 or 3 one stands in for IPv6's), an IPv4-mapped IPv6 prefix of 96 bits or more prints as IPv4, an
 * IHU whose address does not fit prints " [|babel]" and the next TLVs go on. A TLV the length does not hold ends the
 * packet with " (invalid)", one the capture cuts with " [|babel]" (the type byte missing: tcpdump's fetch jumps
 * out, {@link EarlyEnd}).
 */
final class BabelFormatter {
    static final int PORT = 6696, OLD_PORT = 6697;
    private static final int PAD1 = 0, PADN = 1, ACK_REQ = 2, ACK = 3, HELLO = 4, IHU = 5, ROUTER_ID = 6, NH = 7,
        UPDATE = 8, ROUTE_REQUEST = 9, SEQNO_REQUEST = 10, TSPC = 11, HMAC = 12, SS_UPDATE = 13, SS_REQUEST = 14,
        SS_MH_REQUEST = 15, MAC = 16, PC = 17, CHALLENGE_REQUEST = 18, CHALLENGE_REPLY = 19;
    private static final int SUB_PAD1 = 0, SUB_PADN = 1, SUB_DIVERSITY = 2, SUB_TIMESTAMP = 3;
    /** The TLV loop's results besides "done". */
    private static final int OK = 0, TRUNCATED = -1, INVALID = -2, JUMPED = 1;

    private final boolean verbose;
    private final EarlyEnd earlyEnd;
    /** The prefix being decoded, a source prefix, and the packet's last IPv4 and IPv6 update prefixes. */
    private final byte[] prefix = new byte[16], source = new byte[16], lastV4 = new byte[16], lastV6 = new byte[16];
    private final Packet prefixView = new Packet(), sourceView = new Packet();

    BabelFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbose = verbosity.verbose();
        this.earlyEnd = earlyEnd;
        prefixView.set(prefix, 0, 16, 16, 0, 0, 0, 0);
        sourceView.set(source, 0, 16, 16, 0, 0, 0, 0);
    }

    /** The datagram at {@code off}, {@code length} bytes by the UDP header, captured to {@code end}. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("babel");
        if (off + 4 > end) {
            out.append(" [|babel]");
            return;
        }
        if (p.u8(off) != 42) {
            out.append(" invalid header");
            return;
        }
        int version = p.u8(off + 1);
        out.append(' ').append(version);
        if (version != 2) {
            out.append(" unknown version");
            return;
        }
        if (length < 4) {
            out.append(" (invalid)");
            return;
        }
        int bodyLength = p.u16(off + 2);
        out.append(" (").append(bodyLength).append(')');
        length -= 4;
        if (length < bodyLength) {
            out.append(" (invalid)");
            return;
        }
        Arrays.fill(lastV4, (byte) 0);
        lastV4[10] = lastV4[11] = (byte) 0xff;
        Arrays.fill(lastV6, (byte) 0);
        int result = tlvs(p, off + 4, bodyLength, end, out);
        if (result == OK && length != bodyLength) {
            out.append(verbose ? "\n\t----" : " |");
            result = tlvs(p, off + 4 + bodyLength, length - bodyLength, end, out);
        }
        if (result == TRUNCATED) out.append(" [|babel]");
        else if (result == INVALID) out.append(" (invalid)");
    }

    private int tlvs(Packet p, int start, int tlvsLength, int end, StringBuilder out) {
        int i = 0;
        while (i < tlvsLength) {
            int m = start + i;
            if (m >= end) {
                earlyEnd.mark(out, "babel");
                return JUMPED;
            }
            int type = p.u8(m);
            if (type == PAD1) {
                out.append(verbose ? "\n\tPad 1" : " pad1");
                i++;
                continue;
            }
            if (i + 2 > tlvsLength) return INVALID;
            if (m + 2 > end) return TRUNCATED;
            int len = p.u8(m + 1);
            if (i + 2 + len > tlvsLength) return INVALID;
            if (m + 2 + len > end) return TRUNCATED;
            if (!verbose) {
                if (brief(p, m, type, len, out)) return INVALID;
            } else if (!detailed(p, m, type, len, out)) {
                return INVALID;
            }
            i += len + 2;
        }
        return OK;
    }

    /** The TLV's name; true if it is invalid (a short update). */
    private static boolean brief(Packet p, int m, int type, int len, StringBuilder out) {
        out.append(switch (type) {
            case PADN -> " padN";
            case ACK_REQ -> " ack-req";
            case ACK -> " ack";
            case HELLO -> " hello";
            case IHU -> " ihu";
            case ROUTER_ID -> " router-id";
            case NH -> " nh";
            case UPDATE -> " update";
            case ROUTE_REQUEST -> " route-request";
            case SEQNO_REQUEST -> " seqno-request";
            case TSPC -> " tspc";
            case HMAC -> " hmac";
            case SS_UPDATE -> " ss-update";
            case SS_REQUEST -> " ss-request";
            case SS_MH_REQUEST -> " ss-mh-request";
            case MAC -> " mac";
            case PC -> " pc";
            case CHALLENGE_REQUEST -> " challenge_request";
            case CHALLENGE_REPLY -> " challenge_reply";
            default -> " unknown";
        });
        if (type != UPDATE) return false;
        if (len < 10) return true;
        updateFlags(p.u8(m + 3), out);
        return false;
    }

    private static void updateFlags(int flags, StringBuilder out) {
        if ((flags & 0x80) != 0) out.append("/prefix");
        if ((flags & 0x40) != 0) out.append("/id");
        if ((flags & 0x3f) != 0) out.append("/unknown");
    }

    /** The TLV with -v; false if it is invalid. */
    private boolean detailed(Packet p, int m, int type, int len, StringBuilder out) {
        int tlvEnd = m + 2 + len;
        switch (type) {
            case PADN -> out.append("\n\tPad ").append(len + 2);
            case ACK_REQ -> {
                out.append("\n\tAcknowledgment Request ");
                if (len < 6) return false;
                Text.hex(out, p.u16(m + 4), 4);
                out.append(' ');
                interval(p.u16(m + 6), out);
            }
            case ACK -> {
                out.append("\n\tAcknowledgment ");
                if (len < 2) return false;
                Text.hex(out, p.u16(m + 2), 4);
            }
            case HELLO -> {
                out.append("\n\tHello ");
                if (len < 6) return false;
                if ((p.u16(m + 2) & 0x8000) != 0) out.append("(Unicast) ");
                out.append("seqno ").append(p.u16(m + 4)).append(' ');
                int interval = p.u16(m + 6);
                if (interval != 0) {
                    out.append("interval ");
                    interval(interval, out);
                } else {
                    out.append("unscheduled");
                }
                if (len > 6) subTlvs(p, m + 8, tlvEnd, type, out);
            }
            case IHU -> {
                out.append("\n\tIHU ");
                if (len < 6) return false;
                int ae = p.u8(m + 2);
                int rc = networkPrefix(p, ae, -1, 0, m + 8, len - 6, null, prefix);
                if (rc < 0) {
                    out.append(" [|babel]");   // tcpdump's nd_print_trunc, then the next TLV
                    break;
                }
                if (ae == 0) out.append("any");
                else address(prefixView, out);
                out.append(" rxcost ").append(p.u16(m + 4)).append(" interval ");
                interval(p.u16(m + 6), out);
                if (rc < len - 6) subTlvs(p, m + 8 + rc, tlvEnd, type, out);
            }
            case ROUTER_ID -> {
                out.append("\n\tRouter Id");
                if (len < 10) return false;
                out.append(' ');
                id(p, m + 4, out);
            }
            case NH -> {
                out.append("\n\tNext Hop");
                if (len < 2) return false;
                int ae = p.u8(m + 2);
                if (networkPrefix(p, ae, -1, 0, m + 4, len - 2, null, prefix) < 0) return false;
                out.append(' ');
                if (ae == 0) out.append("invalid AE 0");
                else address(prefixView, out);
            }
            case UPDATE -> {
                out.append("\n\tUpdate");
                if (len < 10) return false;
                int ae = p.u8(m + 2), flags = p.u8(m + 3);
                int plen = (p.u8(m + 4) + (ae == 1 ? 96 : 0)) & 0xff;
                int rc = networkPrefix(p, ae, p.u8(m + 4), p.u8(m + 5), m + 12, len - 10, ae == 1 ? lastV4 : lastV6,
                    prefix);
                if (rc < 0) return false;
                updateFlags(flags, out);
                out.append(' ');
                if (ae == 0) out.append("any");
                else prefix(prefixView, plen, out);
                out.append(" metric ").append(p.u16(m + 10)).append(" seqno ").append(p.u16(m + 8))
                    .append(" interval ");
                updateInterval(p.u16(m + 6), out);
                if ((flags & 0x80) != 0) System.arraycopy(prefix, 0, ae == 1 ? lastV4 : lastV6, 0, 16);
                if (rc < len - 10) subTlvs(p, m + 12 + rc, tlvEnd, type, out);
            }
            case ROUTE_REQUEST -> {
                out.append("\n\tRoute Request ");
                if (len < 2) return false;
                int ae = p.u8(m + 2);
                int plen = (p.u8(m + 3) + (ae == 1 ? 96 : 0)) & 0xff;
                if (networkPrefix(p, ae, p.u8(m + 3), 0, m + 4, len - 2, null, prefix) < 0) return false;
                out.append("for ");
                if (ae == 0) out.append("any");
                else prefix(prefixView, plen, out);
            }
            case SEQNO_REQUEST -> {
                out.append("\n\tSeqno Request ");
                if (len < 14) return false;
                int ae = p.u8(m + 2);
                if (networkPrefix(p, ae, p.u8(m + 3), 0, m + 16, len - 14, null, prefix) < 0) return false;
                int plen = (p.u8(m + 3) + (ae == 1 ? 96 : 0)) & 0xff;
                out.append('(').append(p.u8(m + 6)).append(" hops) for ");
                if (ae == 0) out.append("invalid AE 0");
                else prefix(prefixView, plen, out);
                out.append(" seqno ").append(p.u16(m + 4)).append(" id ");
                id(p, m + 8, out);
            }
            case TSPC -> {
                out.append("\n\tTS/PC ");
                if (len < 6) return false;
                out.append("timestamp ").append(p.u32(m + 4)).append(" packetcounter ").append(p.u16(m + 2));
            }
            case HMAC -> {
                out.append("\n\tHMAC ");
                if (len < 18) return false;
                out.append("key-id ").append(p.u16(m + 2)).append(" digest-").append(len - 2).append(' ');
                for (int j = 0; j < len - 2; j++) upperHex(p.u8(m + 4 + j), out);
            }
            case SS_UPDATE -> {
                out.append("\n\tSS-Update");
                if (len < 10) return false;
                int ae = p.u8(m + 2), sourceLength = p.u8(m + 3), plen = p.u8(m + 4);
                int rc = networkPrefix(p, ae, plen, p.u8(m + 5), m + 12, len - 10, ae == 1 ? lastV4 : lastV6,
                    prefix);
                if (rc < 0) return false;
                if (ae == 1) plen = (plen + 96) & 0xff;
                int parsed = 10 + rc;
                rc = networkPrefix(p, ae, sourceLength, 0, m + 2 + parsed, len - parsed, null, source);
                if (rc < 0) return false;
                if (ae == 1) sourceLength = (sourceLength + 96) & 0xff;
                parsed += rc;
                out.append(' ');
                prefix(prefixView, plen, out);
                out.append(" from ");
                prefix(sourceView, sourceLength, out);
                out.append(" metric ").append(p.u16(m + 10)).append(" seqno ").append(p.u16(m + 8))
                    .append(" interval ");
                updateInterval(p.u16(m + 6), out);
                if (parsed < len) subTlvs(p, m + 2 + parsed, tlvEnd, type, out);
            }
            case SS_REQUEST -> {
                out.append("\n\tSS-Request ");
                if (len < 3) return false;
                int ae = p.u8(m + 2), plen = p.u8(m + 3), sourceLength = p.u8(m + 4);
                int rc = networkPrefix(p, ae, plen, 0, m + 5, len - 3, null, prefix);
                if (rc < 0) return false;
                if (ae == 1) plen = (plen + 96) & 0xff;
                int parsed = 3 + rc;
                if (networkPrefix(p, ae, sourceLength, 0, m + 2 + parsed, len - parsed, null, source) < 0) {
                    return false;
                }
                if (ae == 1) sourceLength = (sourceLength + 96) & 0xff;
                if (ae == 0) {
                    out.append("for any");
                } else {
                    out.append("for (");
                    prefix(prefixView, plen, out);
                    out.append(", ");
                    prefix(sourceView, sourceLength, out);
                    out.append(')');
                }
            }
            case SS_MH_REQUEST -> {
                out.append("\n\tSS-MH-Request ");
                if (len < 14) return false;
                int ae = p.u8(m + 2), plen = p.u8(m + 3), sourceLength = p.u8(m + 7);
                int rc = networkPrefix(p, ae, plen, 0, m + 16, len - 14, null, prefix);
                if (rc < 0) return false;
                if (ae == 1) plen = (plen + 96) & 0xff;
                int parsed = 14 + rc;
                if (networkPrefix(p, ae, sourceLength, 0, m + 2 + parsed, len - parsed, null, source) < 0) {
                    return false;
                }
                if (ae == 1) sourceLength = (sourceLength + 96) & 0xff;
                out.append('(').append(p.u8(m + 6)).append(" hops) for (");
                prefix(prefixView, plen, out);
                out.append(", ");
                prefix(sourceView, sourceLength, out);
                out.append(") seqno ").append(p.u16(m + 4)).append(" id ");
                id(p, m + 8, out);
            }
            case MAC -> out.append("\n\tMAC len ").append(len);
            case PC -> {
                out.append("\n\tPC");
                if (len < 4) return false;
                out.append(" value ").append(p.u32(m + 2)).append(" index len ").append(len - 4);
            }
            case CHALLENGE_REQUEST, CHALLENGE_REPLY -> {
                out.append(type == CHALLENGE_REQUEST ? "\n\tChallenge Request" : "\n\tChallenge Reply");
                if (len > 192) return false;
                out.append(" len ").append(len);
            }
            default -> out.append("\n\tUnknown message type ").append(type);
        }
        return true;
    }

    /**
     * A TLV's sub-TLVs from {@code at} to {@code end} (inside the captured TLV); a sub-TLV that overruns its TLV, or
     * a timestamp too short for its TLV, ends them with " (invalid)".
     */
    private static void subTlvs(Packet p, int at, int end, int tlvType, StringBuilder out) {
        while (at < end) {
            int subtype = p.u8(at++);
            if (subtype == SUB_PAD1) {
                out.append(" sub-pad1");
                continue;
            }
            if ((subtype & 0x80) != 0) out.append(" (M)");
            if (at == end) {
                out.append(" (invalid)");
                return;
            }
            int sublen = p.u8(at++);
            if (at + sublen > end) {
                out.append(" (invalid)");
                return;
            }
            switch (subtype) {
                case SUB_PADN -> out.append(" sub-padn");
                case SUB_DIVERSITY -> {
                    out.append(" sub-diversity");
                    if (sublen == 0) {
                        out.append(" empty");
                        break;
                    }
                    for (int j = 0; j < sublen; j++) {
                        out.append(j == 0 ? ' ' : '-');
                        int channel = p.u8(at + j);
                        if (channel == 0) out.append("reserved");
                        else if (channel == 255) out.append("all");
                        else out.append(channel);
                    }
                    if (tlvType != UPDATE && tlvType != SS_UPDATE) out.append(" (bogus)");
                }
                case SUB_TIMESTAMP -> {
                    out.append(" sub-timestamp");
                    if (tlvType == HELLO) {
                        if (sublen < 4) {
                            out.append(" (invalid)");
                            return;
                        }
                        out.append(' ');
                        timestamp(p.u32(at), out);
                    } else if (tlvType == IHU) {
                        if (sublen < 8) {
                            out.append(" (invalid)");
                            return;
                        }
                        out.append(' ');
                        timestamp(p.u32(at), out);
                        out.append('|');
                        timestamp(p.u32(at + 4), out);
                    } else {
                        out.append(" (bogus)");
                    }
                }
                default -> {
                    out.append(" sub-unknown-0x");
                    Text.hex(out, subtype, 2);
                }
            }
            at += sublen;
        }
    }

    /**
     * print-babel.c's network_prefix: the prefix of address encoding {@code ae} and {@code plen} bits (-1: a whole
     * address) at {@code at}, {@code room} bytes left for it, its first {@code omitted} bytes from {@code last}, into
     * {@code into}. The bytes it took, or -1 for an encoding it refuses.
     */
    private static int networkPrefix(Packet p, int ae, int plen, int omitted, int at, int room, byte[] last,
                                     byte[] into) {
        int pb = plen >= 0 ? (plen + 7) / 8 : ae == 1 ? 4 : 16;
        if (pb > 16) return -1;
        int consumed = 0;
        switch (ae) {
            case 0 -> Arrays.fill(into, (byte) 0);
            case 1 -> {
                if (omitted > 4 || pb > 4 || (pb > omitted && room < pb - omitted)) return -1;
                Arrays.fill(into, (byte) 0);
                into[10] = into[11] = (byte) 0xff;
                if (omitted > 0) {
                    if (last == null) return -1;
                    System.arraycopy(last, 0, into, 0, 12 + omitted);
                }
                if (pb > omitted) {
                    for (int j = 0; j < pb - omitted; j++) into[12 + omitted + j] = (byte) p.u8(at + j);
                    consumed = pb - omitted;
                }
            }
            case 2 -> {
                if (omitted > 16 || (pb > omitted && room < pb - omitted)) return -1;
                Arrays.fill(into, (byte) 0);
                if (omitted > 0) {
                    if (last == null) return -1;
                    System.arraycopy(last, 0, into, 0, omitted);
                }
                if (pb > omitted) {
                    for (int j = 0; j < pb - omitted; j++) into[omitted + j] = (byte) p.u8(at + j);
                    consumed = pb - omitted;
                }
            }
            case 3 -> {
                if (pb > 8 && room < pb - 8) return -1;
                Arrays.fill(into, (byte) 0);
                into[0] = (byte) 0xfe;
                into[1] = (byte) 0x80;
                if (pb > 8) {
                    for (int j = 0; j < pb - 8; j++) into[8 + j] = (byte) p.u8(at + j);
                    consumed = pb - 8;
                }
            }
            default -> {
                return -1;
            }
        }
        return consumed;
    }

    private static boolean v4Mapped(Packet a) {
        for (int j = 0; j < 10; j++) if (a.u8(j) != 0) return false;
        return a.u8(10) == 0xff && a.u8(11) == 0xff;
    }

    private static void address(Packet a, StringBuilder out) {
        if (v4Mapped(a)) Text.ipv4(out, a, 12);
        else Text.ipv6(out, a, 0);
    }

    private static void prefix(Packet a, int plen, StringBuilder out) {
        if (plen >= 96 && v4Mapped(a)) {
            Text.ipv4(out, a, 12);
            out.append('/').append(plen - 96);
        } else {
            Text.ipv6(out, a, 0);
            out.append('/').append(plen);
        }
    }

    private static void id(Packet p, int at, StringBuilder out) {
        Text.linkAddress(out, p, at, 8);
    }

    /** Centiseconds as seconds with two decimals; 0 is bogus. */
    private static void interval(int centiseconds, StringBuilder out) {
        if (centiseconds == 0) {
            out.append("0.0s (bogus)");
            return;
        }
        out.append(centiseconds / 100).append('.');
        Text.zeroPadded(out, centiseconds % 100, 2);
        out.append('s');
    }

    private static void updateInterval(int centiseconds, StringBuilder out) {
        if (centiseconds == 0xffff) out.append("infinity");
        else interval(centiseconds, out);
    }

    /** Microseconds as seconds with six decimals. */
    private static void timestamp(long micros, StringBuilder out) {
        out.append(micros / 1_000_000).append('.');
        Text.zeroPadded(out, micros % 1_000_000, 6);
        out.append('s');
    }

    private static void upperHex(int b, StringBuilder out) {
        out.append(Character.toUpperCase(Character.forDigit(b >>> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }
}
