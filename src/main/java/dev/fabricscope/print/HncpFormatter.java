package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.util.Arrays;

/**
 * HNCP (RFC 7788) and the DNCP TLVs it carries (RFC 7787) on UDP 8231 as tcpdump 4.99 prints it (print-hncp.c):
 * {@code hncp (len)}, then the TLVs; at the levels -v does not reach (all but the first without -v, the first two
 * with -v, three with -vv) runs of one type on a line as {@code Node state (x3)}, else each TLV on its own line with
 * its fields, the TLVs nested in it (node state, external connection, prefixes, addresses, zones, names, PSK) a level
 * deeper, DHCPv4 and DHCPv6 options, prefixes (IPv4-mapped ones as IPv4) and DNS labels. A broken TLV ends its level
 * with " (invalid)", a TLV the capture cuts with " [|hncp]", and the enclosing level goes on; a fetch past the capture
 * (a name pointer beyond its TLV) ends the packet ({@link EarlyEnd}). Nesting is walked with a stack of
 * levels, not recursion, so hostile depths (a 4-byte TLV in each) cannot overflow the thread's stack.
 */
final class HncpFormatter {
    static final int PORT = 8231;
    private static final int REQUEST_NETWORK_STATE = 1, REQUEST_NODE_STATE = 2, NODE_ENDPOINT = 3,
        NETWORK_STATE = 4, NODE_STATE = 5, PEER = 8, KEEP_ALIVE_INTERVAL = 9, TRUST_VERDICT = 10;
    private static final int HNCP_VERSION = 32, EXTERNAL_CONNECTION = 33, DELEGATED_PREFIX = 34,
        ASSIGNED_PREFIX = 35, NODE_ADDRESS = 36, DHCPV4_DATA = 37, DHCPV6_DATA = 38, DNS_DELEGATED_ZONE = 39,
        DOMAIN_NAME = 40, NODE_NAME = 41, MANAGED_PSK = 42, PREFIX_POLICY = 43;
    /** The ranges' names stand for the types tcpdump does not name. */
    private static final int RESERVED = 0x10000, UNASSIGNED = 0x10001, PRIVATE_USE = 0x10002, FUTURE_USE = 0x10003;
    /** A nested level's outcome besides going on. */
    private static final int NESTED = 1, DONE = 2;

    private final int vflag;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final DomainNames names = new DomainNames(bytes);
    private final byte[] address = new byte[16];
    private final Packet addressView = new Packet();
    /** The levels being walked: where each starts, its length, its next TLV, its in-line run so far. */
    private int[] start = new int[8], length = new int[8], next = new int[8], lastMask = new int[8],
        lastCount = new int[8];
    private boolean[] firstOne = new boolean[8];
    private int depth;
    /** Where the TLV just printed asks for a nested level: its start and length. */
    private int nestedAt, nestedLength;

    HncpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.vflag = verbosity.vflag();
        this.earlyEnd = earlyEnd;
        addressView.set(address, 0, 16, 16, 0, 0, 0, 0);
    }

    /** The datagram at {@code off}, {@code length} bytes by the UDP header, captured to {@code end}. */
    void format(Packet p, int off, int len, int end, StringBuilder out) {
        out.append("hncp (").append(Integer.toUnsignedLong(len)).append(')');   // unsigned: a jumbogram's passes 2^31
        try (var _ = bytes.reading(p, end)) {
            walk(off, UnsignedLength.clamped(len), out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "hncp");
        }
    }

    private void walk(int off, int len, StringBuilder out) {
        depth = 0;
        push(off, len);
        while (depth > 0) {
            int top = depth - 1, indent = depth;
            boolean inLine = indent - 1 >= vflag && vflag < 3;
            if (next[top] >= length[top]) {
                typeInLine(top, indent, out);
                depth--;
                continue;
            }
            int at = start[top] + next[top];
            if (!inLine) tabs(indent, out);
            if (!bytes.has(at, 4)) {
                out.append(" [|hncp]");
                depth--;
                continue;
            }
            if (Integer.toUnsignedLong(next[top]) + 4 > length[top]) {
                out.append(" (invalid)");
                depth--;
                continue;
            }
            int type = bytes.u16(at), bodyLength = bytes.u16(at + 2), value = at + 4;
            if (!bytes.has(value, bodyLength)) {
                out.append(" [|hncp]");
                depth--;
                continue;
            }
            if ((long) next[top] + bodyLength + 4 > length[top]) {
                out.append(" (invalid)");
                depth--;
                continue;
            }
            next[top] += 4 + ((bodyLength + 3) & ~3);
            int mask = mask(type);
            if (inLine) {
                if (lastMask[top] == mask) {
                    lastCount[top]++;
                } else {
                    typeInLine(top, indent, out);
                    lastMask[top] = mask;
                    lastCount[top] = 1;
                }
                continue;
            }
            out.append(name(mask));
            if (mask > 0xffff) out.append(": type=").append(type);
            out.append(" (").append(bodyLength + 4).append(')');
            int result = tlv(mask, value, bodyLength, indent, out);
            if (result == DONE) depth--;
            else if (result == NESTED) push(nestedAt, nestedLength);
        }
    }

    private void push(int at, int len) {
        if (depth == start.length) {
            int n = depth * 2;
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            next = Arrays.copyOf(next, n);
            lastMask = Arrays.copyOf(lastMask, n);
            lastCount = Arrays.copyOf(lastCount, n);
            firstOne = Arrays.copyOf(firstOne, n);
        }
        start[depth] = at;
        length[depth] = len;
        next[depth] = 0;
        lastMask[depth] = -1;
        lastCount[depth] = -1;
        firstOne[depth] = true;
        depth++;
    }

    /** The TLV's types by tcpdump's ranges, its own type where tcpdump names it. */
    private static int mask(int type) {
        return switch (type) {
            case REQUEST_NETWORK_STATE, REQUEST_NODE_STATE, NODE_ENDPOINT, NETWORK_STATE, NODE_STATE, PEER,
                 KEEP_ALIVE_INTERVAL, TRUST_VERDICT, HNCP_VERSION, EXTERNAL_CONNECTION, DELEGATED_PREFIX,
                 PREFIX_POLICY, DHCPV4_DATA, DHCPV6_DATA, ASSIGNED_PREFIX, NODE_ADDRESS, DNS_DELEGATED_ZONE,
                 DOMAIN_NAME, NODE_NAME, MANAGED_PSK -> type;
            case 0 -> RESERVED;
            default -> type >= 44 && type <= 511 ? UNASSIGNED : type >= 768 && type <= 1023 ? PRIVATE_USE
                : FUTURE_USE;
        };
    }

    private static String name(int mask) {
        return switch (mask) {
            case REQUEST_NETWORK_STATE -> "Request network state";
            case REQUEST_NODE_STATE -> "Request node state";
            case NODE_ENDPOINT -> "Node endpoint";
            case NETWORK_STATE -> "Network state";
            case NODE_STATE -> "Node state";
            case PEER -> "Peer";
            case KEEP_ALIVE_INTERVAL -> "Keep-alive interval";
            case TRUST_VERDICT -> "Trust-Verdict";
            case HNCP_VERSION -> "HNCP-Version";
            case EXTERNAL_CONNECTION -> "External-Connection";
            case DELEGATED_PREFIX -> "Delegated-Prefix";
            case PREFIX_POLICY -> "Prefix-Policy";
            case DHCPV4_DATA -> "DHCPv4-Data";
            case DHCPV6_DATA -> "DHCPv6-Data";
            case ASSIGNED_PREFIX -> "Assigned-Prefix";
            case NODE_ADDRESS -> "Node-Address";
            case DNS_DELEGATED_ZONE -> "DNS-Delegated-Zone";
            case DOMAIN_NAME -> "Domain-Name";
            case NODE_NAME -> "Node-Name";
            case MANAGED_PSK -> "Managed-PSK";
            case RESERVED -> "Reserved";
            case UNASSIGNED -> "Unassigned";
            case PRIVATE_USE -> "Private use";
            default -> "Future use";
        };
    }

    /** print_type_in_line: the level's run of one type so far. */
    private void typeInLine(int top, int indent, StringBuilder out) {
        int count = lastCount[top];
        if (count <= 0) return;
        if (firstOne[top]) {
            firstOne[top] = false;
            if (indent > 1) tabs(indent, out);
            else out.append(' ');
        } else {
            out.append(", ");
        }
        out.append(name(lastMask[top]));
        if (count > 1) out.append(" (x").append(count).append(')');
    }

    private static void tabs(int indent, StringBuilder out) {
        out.append('\n');
        for (int t = indent; t > 0; t--) out.append('\t');
    }

    /**
     * One TLV's fields (its whole body captured); {@link #NESTED} with {@link #nestedAt} and {@link #nestedLength}
     * set for the TLVs inside it, {@link #DONE} where tcpdump gives up on the level, else 0.
     */
    private int tlv(int mask, int value, int bodyLength, int indent, StringBuilder out) {
        switch (mask) {
            case REQUEST_NETWORK_STATE -> {
                if (bodyLength != 0) out.append(" (invalid)");
            }
            case REQUEST_NODE_STATE -> {
                if (bodyLength != 4) return invalid(out);
                out.append(" NID: ");
                nid(value, out);
            }
            case NODE_ENDPOINT -> {
                if (bodyLength != 8) return invalid(out);
                out.append(" NID: ");
                nid(value, out);
                out.append(" EPID: ");
                Text.hex(out, bytes.u32(value + 4), 8);
            }
            case NETWORK_STATE -> {
                if (bodyLength != 8) return invalid(out);
                out.append(" hash: ");
                Text.hex(out, bytes.u64(value), 16);
            }
            case NODE_STATE -> {
                if (bodyLength < 20) return invalid(out);
                out.append(" NID: ");
                nid(value, out);
                out.append(" seqno: ").append(bytes.u32(value + 4)).append(' ');
                interval(bytes.u32(value + 8), out);
                out.append(" hash: ");
                Text.hex(out, bytes.u64(value + 12), 16);
                return nested(value + 20, bodyLength - 20);
            }
            case PEER -> {
                if (bodyLength != 12) return invalid(out);
                out.append(" Peer-NID: ");
                nid(value, out);
                out.append(" Peer-EPID: ");
                Text.hex(out, bytes.u32(value + 4), 8);
                out.append(" Local-EPID: ");
                Text.hex(out, bytes.u32(value + 8), 8);
            }
            case KEEP_ALIVE_INTERVAL -> {
                if (bodyLength < 8) return invalid(out);
                out.append(" EPID: ");
                Text.hex(out, bytes.u32(value), 8);
                out.append(" Interval: ");
                interval(bytes.u32(value + 4), out);
            }
            case TRUST_VERDICT -> {
                if (bodyLength <= 36) return invalid(out);
                out.append(" Verdict: ").append(bytes.u8(value)).append(" Fingerprint: ");
                hex256(value + 4, out);
                out.append(" Common Name: ");
                LldpText.untilNul(bytes, value + 36, bodyLength - 36, out);
            }
            case HNCP_VERSION -> {
                if (bodyLength < 5) return invalid(out);
                int capabilities = bytes.u16(value + 2);
                out.append(" M: ").append(capabilities >> 12 & 0xf).append(" P: ").append(capabilities >> 8 & 0xf)
                    .append(" H: ").append(capabilities >> 4 & 0xf).append(" L: ").append(capabilities & 0xf)
                    .append(" User-agent: ");
                LldpText.untilNul(bytes, value + 4, bodyLength - 4, out);
            }
            case EXTERNAL_CONNECTION -> {
                return nested(value, bodyLength);
            }
            case DELEGATED_PREFIX -> {
                if (bodyLength < 9 || bodyLength < 9 + (bytes.u8(value + 8) + 7) / 8) return invalid(out);
                out.append(" VLSO: ");
                interval(bytes.u32(value), out);
                out.append(" PLSO: ");
                interval(bytes.u32(value + 4), out);
                out.append(" Prefix: ");
                int l = prefix(value + 8, bodyLength - 8, out);
                if (l == -1) {
                    out.append("(length is invalid)");
                    return 0;
                }
                if (l < 0) return invalid(out);
                l += 8 + (-l & 3);
                if (bodyLength >= l) return nested(value + l, bodyLength - l);
            }
            case PREFIX_POLICY -> {
                if (bodyLength < 1) return invalid(out);
                int policy = bytes.u8(value);
                out.append(" type: ");
                if (policy == 0) {
                    if (bodyLength != 1) return invalid(out);
                    out.append("Internet connectivity");
                } else if (policy <= 128) {
                    out.append("Dest-Prefix: ");
                    int l = prefix(value, bodyLength, out);
                    if (l == -1) out.append("(length is invalid)");
                    else if (l < 0) return invalid(out);
                } else if (policy == 129) {
                    out.append("DNS domain: ");
                    dnsLabel(value + 1, bodyLength - 1, out);
                } else if (policy == 130) {
                    out.append("Opaque UTF-8: ");
                    LldpText.untilNul(bytes, value + 1, bodyLength - 1, out);
                } else if (policy == 131) {
                    if (bodyLength != 1) return invalid(out);
                    out.append("Restrictive assignment");
                } else {
                    out.append("Unknown (").append(policy).append(')');
                }
            }
            case DHCPV4_DATA -> {
                if (bodyLength == 0) return invalid(out);
                if (!dhcpv4(value, bodyLength, indent + 1, out)) {
                    out.append(" (invalid)");
                    return DONE;
                }
            }
            case DHCPV6_DATA -> {
                if (bodyLength == 0) return invalid(out);
                if (!dhcpv6(value, bodyLength, indent + 1, out)) return invalid(out);
            }
            case ASSIGNED_PREFIX -> {
                if (bodyLength < 6 || bodyLength < 6 + (bytes.u8(value + 5) + 7) / 8) return invalid(out);
                out.append(" EPID: ");
                Text.hex(out, bytes.u32(value), 8);
                out.append(" Prty: ").append(bytes.u8(value + 4) & 0xf).append(" Prefix: ");
                int l = prefix(value + 5, bodyLength - 5, out);
                if (l < 0) return invalid(out);
                l += 5;
                l += -l & 3;
                if (bodyLength >= l) return nested(value + l, bodyLength - l);
            }
            case NODE_ADDRESS -> {
                if (bodyLength < 20) return invalid(out);
                out.append(" EPID: ");
                Text.hex(out, bytes.u32(value), 8);
                out.append(" IP Address: ");
                ip6Address(value + 4, out);
                return nested(value + 20, bodyLength - 20);
            }
            case DNS_DELEGATED_ZONE -> {
                if (bodyLength < 17) return invalid(out);
                out.append(" IP-Address: ");
                ip6Address(value, out);
                int flags = bytes.u8(value + 16);
                out.append(' ').append((flags & 4) != 0 ? 'l' : '-').append((flags & 2) != 0 ? 'b' : '-')
                    .append((flags & 1) != 0 ? 's' : '-').append(' ');
                int len = dnsLabel(value + 17, bodyLength - 17, out);
                if (len < 0) return invalid(out);
                len += 17;
                len += -len & 3;
                if (bodyLength >= len) return nested(value + len, bodyLength - len);
            }
            case DOMAIN_NAME -> {
                if (bodyLength == 0) return invalid(out);
                out.append(" Domain: ");
                dnsLabel(value, bodyLength, out);
            }
            case NODE_NAME -> {
                if (bodyLength < 17) return invalid(out);
                int l = bytes.u8(value + 16);
                if (bodyLength < 17 + l) return invalid(out);
                out.append(" IP-Address: ");
                ip6Address(value, out);
                out.append(" Name: ");
                if (l < 64) {
                    out.append('"');
                    LldpText.untilNul(bytes, value + 17, l, out);
                    out.append('"');
                } else {
                    out.append(" (invalid)");
                }
                l = (l + 17 + 3) & ~3;
                if (bodyLength >= l) return nested(value + l, bodyLength - l);
            }
            case MANAGED_PSK -> {
                if (bodyLength < 32) return invalid(out);
                out.append(" PSK: ");
                hex256(value, out);
                return nested(value + 32, bodyLength - 32);
            }
            default -> { }
        }
        return 0;
    }

    /** tcpdump's nd_print_invalid, then the next TLV of the level. */
    private static int invalid(StringBuilder out) {
        out.append(" (invalid)");
        return 0;
    }

    private int nested(int at, int len) {
        nestedAt = at;
        nestedLength = len;
        return NESTED;
    }

    private void nid(int at, StringBuilder out) {
        Text.hex(out, bytes.u8(at), 2);
        for (int i = 1; i < 4; i++) {
            out.append(':');
            Text.hex(out, bytes.u8(at + i), 2);
        }
    }

    private void hex256(int at, StringBuilder out) {
        for (int i = 0; i < 4; i++) Text.hex(out, bytes.u64(at + 8 * i), 16);
    }

    /** Milliseconds as seconds with three decimals. */
    private static void interval(long millis, StringBuilder out) {
        out.append(millis / 1000).append('.');
        Text.zeroPadded(out, millis % 1000, 3);
        out.append('s');
    }

    private boolean v4Mapped(int at) {
        for (int i = 0; i < 10; i++) if (bytes.packet().u8(at + i) != 0) return false;
        return bytes.packet().u8(at + 10) == 0xff && bytes.packet().u8(at + 11) == 0xff;
    }

    /** format_ip6addr: an IPv4-mapped address as IPv4. */
    private void ip6Address(int at, StringBuilder out) {
        if (v4Mapped(at)) bytes.ip4(out, at + 12);
        else bytes.ip6(out, at);
    }

    /**
     * print_prefix: a prefix length then its bytes, {@code room} bytes for both; an IPv4-mapped one of 96 bits or
     * more as IPv4. The bytes taken, -1 for a length too long, -3 for a prefix longer than the room.
     */
    private int prefix(int at, int room, StringBuilder out) {
        Arrays.fill(address, (byte) 0);
        int plen;
        if (bytes.u8(at) >= 96 && room >= 13 && v4Mapped(at + 1)) {
            plen = bytes.u8(at) - 96;
            if (plen > 32) return -1;
            int plenBytes = (plen + 7) / 8;
            if (room - 1 < plenBytes + 12) return -3;
            copyMasked(at + 13, plen, 0);
            Text.ipv4(out, addressView, 0);
            out.append('/').append(plen);
            return plenBytes + 13;
        }
        if (room < 1) return -3;   // decode_prefix6
        plen = bytes.u8(at);
        if (plen > 128) return -1;
        int plenBytes = (plen + 7) / 8;
        if (room - 1 < plenBytes) return -3;
        copyMasked(at + 1, plen, 0);
        Text.ipv6(out, addressView, 0);
        out.append('/').append(plen);
        return 1 + plenBytes;
    }

    private void copyMasked(int at, int plen, int into) {
        int n = (plen + 7) / 8;
        for (int i = 0; i < n; i++) address[into + i] = (byte) bytes.packet().u8(at + i);
        if (plen % 8 != 0) address[into + n - 1] &= (byte) (0xff00 >> (plen % 8));
    }

    /** print_dns_label: the labels in {@code room} bytes; their length with the root label's, or -1 ("[|DNS]"). */
    private int dnsLabel(int at, int room, StringBuilder out) {
        int len = 0;
        while (len < room) {
            int label = bytes.u8(at + len);
            len++;
            if (label == 0) return len;
            if (len > 1) out.append('.');
            if (len + label > room) {
                LldpText.untilNul(bytes, at + len, room - len, out);
                break;
            }
            LldpText.untilNul(bytes, at + len, label, out);
            len += label;
        }
        out.append("[|DNS]");
        return -1;
    }

    /** The DHCPv4 options of a DHCPv4-Data TLV; false where tcpdump gives up on them. */
    private boolean dhcpv4(int cp, int len, int indent, StringBuilder out) {
        int i = 0;
        while (i < len) {
            if (i + 2 > len) return false;
            int tlv = cp + i, type = bytes.u8(tlv), optlen = bytes.u8(tlv + 1), value = tlv + 2;
            tabs(indent, out);
            out.append(switch (type) {
                case 6 -> "DNS-server";
                case 42 -> "NTP-server";
                case 119 -> "DNS-search";
                default -> "Unknown";
            });
            out.append(" (").append(optlen + 2).append(')');
            if (i + 2 + optlen > len) return false;
            if (type == 6 || type == 42) {
                if (optlen < 4 || optlen % 4 != 0) return false;
                for (int t = 0; t < optlen; t += 4) {
                    out.append(' ');
                    bytes.ip4(out, value + t);
                }
            } else if (type == 119 && !names(value, optlen, out)) {
                return false;
            }
            i += 2 + optlen;
        }
        return true;
    }

    /** The DHCPv6 options of a DHCPv6-Data TLV; false where tcpdump gives up on them. */
    private boolean dhcpv6(int cp, int len, int indent, StringBuilder out) {
        int i = 0;
        while (i < len) {
            if (i + 4 > len) return false;
            int tlv = cp + i, type = bytes.u16(tlv), optlen = bytes.u16(tlv + 2), value = tlv + 4;
            tabs(indent, out);
            out.append(switch (type) {
                case 23 -> "DNS-server";
                case 24 -> "DNS-search-list";
                case 31 -> "SNTP-servers";
                default -> "Unknown";
            });
            out.append(" (").append(optlen + 4).append(')');
            if (i + 4 + optlen > len) return false;
            if (type == 23 || type == 31) {
                if (optlen % 16 != 0) {
                    out.append(" (invalid)");
                    return false;
                }
                for (int t = 0; t < optlen; t += 16) {
                    out.append(' ');
                    bytes.ip6(out, value + t);
                }
            } else if (type == 24 && !names(value, optlen, out)) {
                return false;
            }
            i += 4 + optlen;
        }
        return true;
    }

    /** Domain names filling an option, each after a space (fqdn_print with the option's end as the message). */
    private boolean names(int value, int optlen, StringBuilder out) {
        int tp = value;
        while (tp < value + optlen) {
            out.append(' ');
            tp = names.fqdn(tp, value + optlen, out);
            if (tp == -1) return false;
        }
        return true;
    }
}
