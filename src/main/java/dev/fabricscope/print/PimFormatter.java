package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * PIM (IP protocol 103) as tcpdump 4.99 prints it (print-pim.c's pim_print and pimv2_print): "PIMv2, Hello, length
 * 30"; -v adds the checksum verdict and per message type the Hello options, Register flags and the packet it carries
 * (printed by the IP printer), Register-Stop, Join/Prune, Graft and Graft-Ack groups and sources, Bootstrap,
 * Assert, Candidate-RP advertisement, State Refresh and DF Election fields, with encoded addresses of either family
 * (and RFC 2117's unencoded ones); -vv adds the Hello address lists and a hex dump of each option. Other versions
 * print only "PIMv1, length N", as tcpdump does for protocol 103. Where tcpdump's own length checks stop it the line
 * ends with " [|pimv2]"; a fetch past the snapshot end ends it the same way and counts as an early end. PIMv1
 * carried in IGMP, which tcpdump does detail, is {@link Pimv1Formatter}'s.
 */
final class PimFormatter {
    static final int PROTOCOL = 103;
    private static final int HELLO = 0, REGISTER = 1, REGISTER_STOP = 2, JOIN_PRUNE = 3, BOOTSTRAP = 4, ASSERT = 5,
        GRAFT = 6, GRAFT_ACK = 7, CANDIDATE_RP = 8, PRUNE_REFRESH = 9, DF_ELECTION = 10;
    private static final int UNICAST = 0, GROUP = 1, SOURCE = 2;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;
    private final OspfBytes b = new OspfBytes();
    private final OspfBytes.Stop stop = new OspfBytes.Stop();
    private IpContext ip;
    /** tcpdump's ndo_protocol: "pim" until the PIMv2 printer takes over. */
    private boolean v2;
    /** RFC 2117's unicast address length from the header, 0 for encoded addresses. */
    private int addressLength;

    PimFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated inner) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /**
     * The message at {@code off} of {@code length} bytes (the IP payload) in the IP packet {@code ip}, the length
     * taken unsigned (tcpdump's u_int: an IPv6 jumbogram's passes 2^31).
     */
    void format(Packet packet, IpContext ipContext, int off, int length, StringBuilder out) {
        this.ip = ipContext;
        this.v2 = false;
        try (var _ = b.reading(packet, ipContext.end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, v2 ? "pimv2" : "pim");
        } catch (OspfBytes.Stop s) {
            out.append(" [|pimv2]");
        } finally {
            this.ip = null;
        }
    }

    private void message(int bp, int length, StringBuilder out) {
        long len = Integer.toUnsignedLong(length);
        int typeVersion = b.u8(bp);
        int version = typeVersion >>> 4, type = typeVersion & 0x0f;
        if (version != 2) {
            out.append("PIMv").append(version).append(", length ").append(len);
            return;
        }
        if (!verbosity.verbose()) {
            out.append("PIMv2, ").append(typeName(type)).append(", length ").append(len);
            return;
        }
        out.append("PIMv2, length ").append(len).append("\n\t").append(typeName(type));
        v2 = true;
        if (len < 2) {
            out.append("[length ").append(len).append(" < 2] (invalid)");
            return;
        }
        int reserved = b.u8(bp + 1);
        addressLength = reserved & 0x0f;
        if (addressLength != 0) out.append(", RFC2117-encoding");
        if (len < 4) {
            out.append("[length ").append(len).append(" < 4] (invalid)");
            return;
        }
        int checksum = b.u16(bp + 2);
        out.append(", cksum ");
        LldpText.hex(out, checksum, 4);
        out.append(' ');
        if (checksum == 0) {
            out.append("(unverified)");
        } else {
            int verdict = type == REGISTER ? checksum(bp, 8) : checksum(bp, length);
            if (type == REGISTER && verdict == 1) verdict = checksum(bp, length);
            out.append(verdict == 0 ? "(correct)" : verdict == 1 ? "(incorrect)" : "(unverified)");
        }
        long left = len - 4;
        int at = bp + 4;
        switch (type) {
            case HELLO -> hello(at, left, out);
            case REGISTER -> register(at, left, out);
            case REGISTER_STOP -> {
                out.append(" group=");
                int n = address(at, left, GROUP, out);
                out.append(" source=");
                address(at + n, left - n, UNICAST, out);
            }
            case JOIN_PRUNE, GRAFT, GRAFT_ACK -> joinPrune(type, at, left, out);
            case BOOTSTRAP -> bootstrap(at, left, out);
            case ASSERT -> {
                out.append(" group=");
                int n = address(at, left, GROUP, out);
                at += n;
                left -= n;
                out.append(" src=");
                n = address(at, left, UNICAST, out);
                at += n;
                left -= n;
                if (left < 8 || !b.has(at, 8)) throw stop;
                if ((b.u8(at) & 0x80) != 0) out.append(" RPT");
                out.append(" pref=").append(b.u32(at) & 0x7fffffff);
                Text.u32(out.append(" metric="), b.u32(at + 4));
            }
            case CANDIDATE_RP -> candidateRp(at, left, out);
            case PRUNE_REFRESH -> {
                out.append(" src=");
                int n = address(at, left, UNICAST, out);
                at += n;
                left -= n;
                out.append(" grp=");
                n = address(at, left, GROUP, out);
                at += n;
                left -= n;
                out.append(" forwarder=");
                n = address(at, left, UNICAST, out);
                at += n;
                left -= n;
                if (left < 2) throw stop;
                out.append(" TUNR ");
                Text.relativeTime(out, b.u16(at));
            }
            case DF_ELECTION -> dfElection(reserved >>> 4, at, left, out);
            default -> out.append(" [type ").append(type).append(']');
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case HELLO -> "Hello";
            case REGISTER -> "Register";
            case REGISTER_STOP -> "Register Stop";
            case JOIN_PRUNE -> "Join / Prune";
            case BOOTSTRAP -> "Bootstrap";
            case ASSERT -> "Assert";
            case GRAFT -> "Graft";
            case GRAFT_ACK -> "Graft Acknowledgement";
            case CANDIDATE_RP -> "Candidate RP Advertisement";
            case PRUNE_REFRESH -> "Prune Refresh";
            case DF_ELECTION -> "DF Election";
            case 11 -> "ECMP Redirect";
            default -> "Unknown Type";
        };
    }

    /** 0 correct, 1 incorrect, 2 unverified (not all captured): over IPv4 the message alone, over IPv6 with the pseudo-header. */
    private int checksum(int bp, int len) {
        Packet p = b.packet();
        if (!b.has(bp, Integer.toUnsignedLong(len))) return 2;   // a jumbogram's is never all there
        long sum = InternetChecksum.add(ip.v6 ? ip.pseudoHeaderSum(p, PROTOCOL, len) : 0, p, bp, len);
        return InternetChecksum.verifies(sum) ? 0 : 1;
    }

    private void hello(int at, long left, StringBuilder out) {
        while (left > 0) {
            if (left < 4) throw stop;
            int type = b.u16(at), len = b.u16(at + 2);
            out.append("\n\t  ").append(optionName(type)).append(" Option (").append(type).append("), length ")
                .append(len).append(", Value: ");
            at += 4;
            left -= 4;
            if (left < len || !b.has(at, len)) throw stop;
            switch (type) {
                case 1 -> {
                    if (len != 2) {
                        badLength(out, len, 2);
                        return;
                    }
                    Text.relativeTime(out, b.u16(at));
                }
                case 2 -> {
                    if (len != 4) {
                        badLength(out, len, 4);
                        return;
                    }
                    int delay = b.u16(at), interval = b.u16(at + 2);
                    out.append("\n\t    T-bit=").append(delay >>> 15).append(", LAN delay ").append(delay & 0x7fff)
                        .append("ms, Override interval ").append(interval).append("ms");
                }
                case 18, 19 -> {
                    if (len == 0) {
                        out.append("Bi-Directional Capability (Old)");
                    } else if (len == 4) {
                        Text.u32(out, b.u32(at));
                    } else {
                        badLength(out, len, 4);
                        return;
                    }
                }
                case 20 -> {
                    if (len != 4) {
                        badLength(out, len, 4);
                        return;
                    }
                    LldpText.hex(out, b.u32(at), 8);
                }
                case 21 -> {
                    if (len != 4) {
                        badLength(out, len, 4);
                        return;
                    }
                    out.append('v').append(b.u8(at));
                    if (b.u8(at + 1) != 0) {
                        out.append(", interval ");
                        Text.relativeTime(out, b.u8(at + 1));
                    }
                    if (b.u16(at + 2) != 0) {
                        out.append(" ?0x");
                        Text.hex(out, b.u16(at + 2), 4);
                        out.append('?');
                    }
                }
                case 22 -> { }
                case 24, 65001 -> {
                    if (verbosity.veryVerbose()) {
                        long listLeft = left;
                        for (int a = at; a < at + len; ) {
                            out.append("\n\t    ");
                            int n = address(a, listLeft, UNICAST, out);
                            a += n;
                            listLeft -= n;
                        }
                    }
                }
                default -> {
                    if (!verbosity.veryVerbose()) b.unknownData(at, len, "\n\t    ", out);
                }
            }
            if (verbosity.veryVerbose()) b.unknownData(at, len, "\n\t    ", out);
            at += len;
            left -= len;
        }
    }

    private static void badLength(StringBuilder out, int len, int want) {
        out.append("[option length ").append(len).append(" != ").append(want).append("] (invalid)");
    }

    private static String optionName(int type) {
        return switch (type) {
            case 1 -> "Hold Time";
            case 2 -> "LAN Prune Delay";
            case 18 -> "DR Priority (Old)";
            case 19 -> "DR Priority";
            case 20 -> "Generation ID";
            case 21 -> "State Refresh Capability";
            case 22 -> "Bi-Directional Capability";
            case 24 -> "Address List";
            case 65001 -> "Address List (Old)";
            default -> "Unknown";
        };
    }

    private void register(int at, long left, StringBuilder out) {
        if (left < 4 || !b.has(at, 4)) throw stop;
        long flags = b.u32(at);
        out.append(", Flags [ ").append(flags == 0x80000000L ? "Border" : flags == 0x40000000L ? "Null" : "none")
            .append(" ]\n\t");
        at += 4;
        left -= 4;
        if (left == 0) throw stop;
        int version = b.u8(at) >>> 4;
        switch (version) {
            case 0 -> {
                b.need(at + 12, 8);
                b.ip4(out.append("IP-Null-header "), at + 12);
                b.ip4(out.append(" > "), at + 16);
            }
            case 4, 6 -> {
                int linkType = version == 4 ? LinkType.IPV4 : LinkType.IPV6;
                // tcpdump's u_int (a jumbogram's passes 2^31): Encapsulated's printer clamps it for IPv4
                if (!inner.print(b.packet(), at, (int) left, b.end() - at, linkType, out)) {
                    out.append(" [|pimv2]");
                }
            }
            default -> out.append("IP ver ").append(version);
        }
    }

    private void joinPrune(int type, int at, long left, StringBuilder out) {
        if (type != GRAFT_ACK) {
            out.append(", upstream-neighbor: ");
            int n = address(at, left, UNICAST, out);
            at += n;
            left -= n;
        }
        if (left < 4 || !b.has(at, 4)) throw stop;
        int groups = b.u8(at + 1), holdtime = b.u16(at + 2);
        out.append("\n\t  ").append(groups).append(" group(s)");
        if (type != GRAFT_ACK) {
            out.append(", holdtime: ");
            if (holdtime == 0xffff) out.append("infinite");
            else Text.relativeTime(out, holdtime);
        }
        at += 4;
        left -= 4;
        for (int i = 0; i < groups; i++) {
            out.append("\n\t    group #").append(i + 1).append(": ");
            int n = address(at, left, GROUP, out);
            at += n;
            left -= n;
            if (left < 4 || !b.has(at, 4)) throw stop;
            int joined = b.u16(at), pruned = b.u16(at + 2);
            out.append(", joined sources: ").append(joined).append(", pruned sources: ").append(pruned);
            at += 4;
            left -= 4;
            for (int j = 0; j < joined; j++) {
                out.append("\n\t      joined source #").append(j + 1).append(": ");
                n = address(at, left, SOURCE, out);
                at += n;
                left -= n;
            }
            for (int j = 0; j < pruned; j++) {
                out.append("\n\t      pruned source #").append(j + 1).append(": ");
                n = address(at, left, SOURCE, out);
                at += n;
                left -= n;
            }
        }
    }

    private void bootstrap(int at, long left, StringBuilder out) {
        if (left < 2) throw stop;
        int tag = b.u16(at);
        out.append(" tag=");
        Text.hex(out, tag);
        at += 2;
        left -= 2;
        if (left < 1) throw stop;
        int hashMaskLength = b.u8(at);
        out.append(" hashmlen=").append(hashMaskLength);
        if (left < 2 || !b.has(at + 2, 1)) throw stop;
        out.append(" BSRprio=").append(b.u8(at + 1));
        at += 2;
        left -= 2;
        out.append(" BSR=");
        int n = address(at, left, UNICAST, out);
        at += n;
        left -= n;
        for (int i = 0; left > 0; i++) {
            out.append(" (group").append(i).append(": ");
            n = address(at, left, GROUP, out);
            at += n;
            left -= n;
            if (left < 1) throw stop;
            int rpCount = b.u8(at);
            out.append(" RPcnt=").append(rpCount);
            if (left < 2) throw stop;
            int fragmentRpCount = b.u8(at + 1);
            out.append(" FRPcnt=").append(fragmentRpCount);
            if (left < 4) throw stop;
            at += 4;
            left -= 4;
            for (int j = 0; j < fragmentRpCount && left > 0; j++) {
                out.append(" RP").append(j).append('=');
                n = address(at, left, UNICAST, out);
                at += n;
                left -= n;
                if (left < 2) throw stop;
                out.append(",holdtime=");
                Text.relativeTime(out, b.u16(at));
                if (left < 3) throw stop;
                int priority = b.u8(at + 2);
                out.append(",prio=").append(priority);
                if (left < 4) throw stop;
                at += 4;
                left -= 4;
            }
            out.append(')');
        }
    }

    private void candidateRp(int at, long left, StringBuilder out) {
        if (left < 1) throw stop;
        int prefixes = b.u8(at);
        out.append(" prefix-cnt=").append(prefixes);
        if (left < 2) throw stop;
        int priority = b.u8(at + 1);
        out.append(" prio=").append(priority);
        if (left < 4) throw stop;
        out.append(" holdtime=");
        Text.relativeTime(out, b.u16(at + 2));
        at += 4;
        left -= 4;
        out.append(" RP=");
        int n = address(at, left, UNICAST, out);
        at += n;
        left -= n;
        for (int i = 0; i < prefixes && left > 0; i++) {
            out.append(" Group").append(i).append('=');
            n = address(at, left, GROUP, out);
            at += n;
            left -= n;
        }
    }

    private void dfElection(int subtype, int at, long left, StringBuilder out) {
        out.append("\n\t  ").append(switch (subtype) {
            case 1 -> "Offer";
            case 2 -> "Winner";
            case 3 -> "Backoff";
            case 4 -> "Pass";
            default -> "Unknown";
        }).append(',');
        out.append(" rpa=");
        int n = address(at, left, UNICAST, out);
        at += n;
        left = (left - n) & 0xffffffffL;
        long senderPreference = b.u32(at);
        Text.u32(out.append(" sender pref="), senderPreference);
        long senderMetric = b.u32(at + 4);
        Text.u32(out.append(" sender metric="), senderMetric);
        at += 8;
        left = (left - 8) & 0xffffffffL;   // tcpdump's unsigned arithmetic
        if (subtype != 3 && subtype != 4) return;
        String who = subtype == 3 ? "offer" : "new winner";
        out.append("\n\t  ").append(who).append(" addr=");
        n = address(at, left, UNICAST, out);
        at += n;
        long preference = b.u32(at);
        out.append(' ').append(who).append(" pref=");
        Text.u32(out, preference);
        long metric = b.u32(at + 4);
        out.append(' ').append(who).append(" metric=");
        Text.u32(out, metric);
        at += 8;
        if (subtype == 3) {
            int interval = b.u16(at);
            out.append(" interval ").append(interval).append("ms");
        }
    }

    /**
     * An encoded unicast, group or source address (RFC 7761 4.9.1), or RFC 2117's bare address when the header gives
     * its length: its size in bytes; throws where tcpdump's pimv2_addr_print fails.
     */
    private int address(int at, long left, int kind, StringBuilder out) {
        int size = addressLength, header = 0;
        if (size == 0) {
            if (left < 2) throw stop;
            int family = b.u8(at);
            if (family == 1) size = 4;
            else if (family == 2) size = 16;
            else throw stop;
            if (b.u8(at + 1) != 0) throw stop;
            header = 2;
        } else if (size != 4 && size != 16) {
            throw stop;
        }
        at += header;
        left -= header;
        if (kind == UNICAST) {
            if (left < size || !b.has(at, size)) throw stop;
            appendAddress(out, at, size);
            return header + size;
        }
        if (left < size + 2 || !b.has(at, size + 2)) throw stop;
        appendAddress(out, at + 2, size);
        int mask = b.u8(at + 1);
        if (mask != size * 8) out.append('/').append(mask);
        int flags = b.u8(at);
        if (flags != 0) {
            if (kind == GROUP) {
                out.append("(0x");
                Text.hex(out, flags, 2);
                out.append(')');
            } else {
                out.append('(').append((flags & 4) != 0 ? "S" : "").append((flags & 2) != 0 ? "W" : "")
                    .append((flags & 1) != 0 ? "R" : "");
                if ((flags & 0xf8) != 0) {
                    out.append("+0x");
                    Text.hex(out, flags & 0xf8, 2);
                }
                out.append(')');
            }
        }
        return header + 2 + size;
    }

    private void appendAddress(StringBuilder out, int at, int size) {
        if (size == 4) b.ip4(out, at);
        else b.ip6(out, at);
    }
}
