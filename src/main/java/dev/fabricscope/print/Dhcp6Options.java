package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * DHCPv6 options as tcpdump 4.99 -v prints them (print-dhcp6.c's dhcp6opt_print): " (name value)" each, DUIDs,
 * IA_NA/IA_TA/IA_PD with their addresses and prefixes (options nested in options), status codes, DNS servers and
 * search lists, authentication, relay agent IDs, lease query, NTP servers, AFTR names and time zones. An option
 * longer than what is left of the list ends the list with " [|dhcp6]". Every read but a domain name's stays in its
 * checked option; a name can run on, through {@link DomainNames}, up to the snapshot end.
 */
final class Dhcp6Options {
    private static final int CLIENT_ID = 1, SERVER_ID = 2, IA_NA = 3, IA_TA = 4, IA_ADDR = 5, ORO = 6, PREFERENCE = 7,
        ELAPSED_TIME = 8, RELAY_MESSAGE = 9, AUTH = 11, STATUS_CODE = 13, RAPID_COMMIT = 14, INTERFACE_ID = 18,
        RECONFIGURE_MESSAGE = 19, RECONFIGURE_ACCEPT = 20, SIP_SERVER_DOMAINS = 21, SIP_SERVER_ADDRESSES = 22,
        DNS_SERVERS = 23, DOMAIN_LIST = 24, IA_PD = 25, IA_PD_PREFIX = 26, NIS_SERVERS = 27, NISP_SERVERS = 28,
        SNTP_SERVERS = 31, LIFETIME = 32, BCMCS_SERVERS = 34, REMOTE_ID = 37, SUBSCRIBER_ID = 38, PANA_AGENT = 40,
        POSIX_TIMEZONE = 41, TZDB_TIMEZONE = 42, ERO = 43, LQ_QUERY = 44, CLIENT_DATA = 45, CLT_TIME = 46,
        LQ_RELAY_DATA = 47, LQ_CLIENT_LINK = 48, NTP_SERVER = 56, AFTR_NAME = 64, MUD_URL = 112;
    private static final int AUTH_DELAYED = 2, AUTH_RECONFIGURE = 3;

    private final Dhcp6Formatter messages;
    private final SnapshotBytes bytes;
    private final DomainNames names;

    Dhcp6Options(Dhcp6Formatter messages, SnapshotBytes bytes) {
        this.messages = messages;
        this.bytes = bytes;
        this.names = new DomainNames(bytes);
    }

    /** The options from {@code cp} to {@code ep} (the message's or the enclosing option's end). */
    void list(int cp, int ep, StringBuilder out) {
        while (cp < ep) {
            if (ep - cp < 4) {
                Dhcp6Formatter.trunc(out);
                return;
            }
            int length = bytes.u16(cp + 2);
            if (ep - cp < 4 + length) {
                Dhcp6Formatter.trunc(out);
                return;
            }
            int type = bytes.u16(cp);
            out.append(" (");
            name(type, out);
            if (!option(type, cp + 4, length, out)) return;
            cp += 4 + length;
        }
    }

    /** One option's value and closing parenthesis; false where tcpdump abandons the list (marker written). */
    private boolean option(int type, int tp, int len, StringBuilder out) {
        Packet p = bytes.packet();
        switch (type) {
            case CLIENT_ID, SERVER_ID -> duid(tp, len, out);
            case IA_ADDR -> {
                if (len < 24) return unknown(out);
                out.append(' ');
                Text.ipv6(out, p, tp);
                lifetimes(tp + 16, out);
                if (len > 24) list(tp + 24, tp + len, out);
                out.append(')');
            }
            case ORO, ERO -> {
                if (len % 2 != 0) return unknown(out);
                for (int i = 0; i < len; i += 2) name(bytes.u16(tp + i), out.append(' '));
                out.append(')');
            }
            case PREFERENCE -> {
                if (len != 1) return unknown(out);
                out.append(' ').append(bytes.u8(tp)).append(')');
            }
            case ELAPSED_TIME -> {
                if (len != 2) return unknown(out);
                out.append(' ').append(bytes.u16(tp)).append(')');
            }
            case RELAY_MESSAGE -> {
                out.append(" (");
                messages.relayed(tp, len, out);
                out.append(')');
            }
            case AUTH -> authentication(tp, len, out);
            case RAPID_COMMIT, RECONFIGURE_ACCEPT -> out.append(')');
            case INTERFACE_ID, SUBSCRIBER_ID -> {
                out.append(' ');
                Text.hexBytes(out, p, tp, Math.min(len, 10));
                out.append("...)");
            }
            case RECONFIGURE_MESSAGE -> {
                if (len != 1) return unknown(out);
                int kind = bytes.u8(tp);
                if (kind == 5) out.append(" for renew)");
                else if (kind == 11) out.append(" for inf-req)");
                else {
                    out.append(" for ???(");
                    Text.hex(out, kind, 2);
                    out.append("))");
                }
            }
            case SIP_SERVER_ADDRESSES, DNS_SERVERS, SNTP_SERVERS, NIS_SERVERS, NISP_SERVERS, BCMCS_SERVERS, PANA_AGENT,
                 LQ_CLIENT_LINK -> {
                if (len % 16 != 0) return unknown(out);
                for (int i = 0; i < len; i += 16) {
                    out.append(' ');
                    Text.ipv6(out, p, tp + i);
                }
                out.append(')');
            }
            case SIP_SERVER_DOMAINS, DOMAIN_LIST -> {
                int optionEnd = tp + len;
                while (tp < optionEnd) {
                    out.append(' ');
                    tp = names.fqdn(tp, optionEnd, out);
                    if (tp < 0) {
                        Dhcp6Formatter.trunc(out);
                        return false;
                    }
                }
                out.append(')');
            }
            case STATUS_CODE -> {
                if (len < 2) return unknown(out);
                out.append(' ');
                statusCode(bytes.u16(tp), out);
                out.append(')');
            }
            case IA_NA, IA_PD -> {
                if (len < 12) return unknown(out);
                out.append(" IAID:").append(bytes.u32(tp)).append(" T1:").append(bytes.u32(tp + 4)).append(" T2:")
                    .append(bytes.u32(tp + 8));
                if (len > 12) list(tp + 12, tp + len, out);
                out.append(')');
            }
            case IA_TA -> {
                if (len < 4) return unknown(out);
                out.append(" IAID:").append(bytes.u32(tp));
                if (len > 4) list(tp + 4, tp + len, out);
                out.append(')');
            }
            case IA_PD_PREFIX -> {
                if (len < 25) return unknown(out);
                out.append(' ');
                Text.ipv6(out, p, tp + 9);
                out.append('/').append(bytes.u8(tp + 8));
                lifetimes(tp, out);
                if (len > 25) list(tp + 25, tp + len, out);
                out.append(')');
            }
            case LIFETIME, CLT_TIME -> {
                if (len != 4) return unknown(out);
                out.append(' ').append(bytes.u32(tp)).append(')');
            }
            case REMOTE_ID -> {
                if (len < 4) return unknown(out);
                out.append(' ').append(bytes.u32(tp)).append(' ');
                Text.hexBytes(out, p, tp + 4, Math.min(len, 14) - 4);
                out.append("...)");
            }
            case LQ_QUERY -> {
                if (len < 17) return unknown(out);
                int kind = bytes.u8(tp);
                if (kind == 1) out.append(" by-address");
                else if (kind == 2) out.append(" by-clientID");
                else out.append(" type_").append(kind);
                out.append(' ');
                Text.ipv6(out, p, tp + 1);
                if (len > 17) list(tp + 17, tp + len, out);
                out.append(')');
            }
            case CLIENT_DATA -> {
                if (len > 0) list(tp, tp + len, out);
                out.append(')');
            }
            case LQ_RELAY_DATA -> {
                if (len < 16) return unknown(out);
                out.append(' ');
                Text.ipv6(out, p, tp);
                out.append(' ');
                Text.hexBytes(out, p, tp + 16, Math.min(len, 26) - 16);
                out.append("...)");
            }
            case NTP_SERVER -> {
                return ntpServer(tp, len, out);
            }
            case AFTR_NAME -> aftrName(tp, len, out);
            case POSIX_TIMEZONE, TZDB_TIMEZONE, MUD_URL -> {
                if (len < 5) return unknown(out);
                out.append(' ');
                LldpText.untilNul(bytes, tp, len, out);
                out.append(')');
            }
            default -> out.append(')');
        }
        return true;
    }

    /** tcpdump's " ?)" for an option of the wrong length; the list goes on. */
    private static boolean unknown(StringBuilder out) {
        out.append(" ?)");
        return true;
    }

    /** A DUID: link-layer address plus time, enterprise number, link-layer address, or just its type. */
    private void duid(int tp, int len, StringBuilder out) {
        Packet p = bytes.packet();
        if (len < 2) {
            unknown(out);
            return;
        }
        int type = bytes.u16(tp);
        switch (type) {
            case 1 -> {
                if (len < 8) {
                    unknown(out);
                    return;
                }
                out.append(" hwaddr/time type ").append(bytes.u16(tp + 2)).append(" time ").append(bytes.u32(tp + 4))
                    .append(' ');
                Text.hexBytes(out, p, tp + 8, len - 8);
            }
            case 2 -> {
                if (len < 10) {
                    unknown(out);
                    return;
                }
                out.append(" vid ");
                Text.hexBytes(out, p, tp + 2, 8);
            }
            case 3 -> {
                if (len < 4) {
                    unknown(out);
                    return;
                }
                out.append(" hwaddr type ").append(bytes.u16(tp + 2)).append(' ');
                Text.hexBytes(out, p, tp + 4, len - 4);
            }
            default -> out.append(" type ").append(type);
        }
        out.append(')');
    }

    /** " pltime:N vltime:N" from the two words at {@code at}. */
    private void lifetimes(int at, StringBuilder out) {
        out.append(" pltime:").append(bytes.u32(at)).append(" vltime:").append(bytes.u32(at + 4));
    }

    /** RFC 8415 authentication: protocol, algorithm, replay detection, then the delayed or reconfigure key data. */
    private void authentication(int tp, int len, StringBuilder out) {
        if (len < 11) {
            unknown(out);
            return;
        }
        int protocol = bytes.u8(tp), algorithm = bytes.u8(tp + 1), rdm = bytes.u8(tp + 2);
        if (protocol == AUTH_DELAYED) out.append(" proto: delayed");
        else if (protocol == AUTH_RECONFIGURE) out.append(" proto: reconfigure");
        else out.append(" proto: ").append(protocol);
        if (algorithm == 1) out.append(", alg: HMAC-MD5");
        else out.append(", alg: ").append(algorithm);
        if (rdm == 0) out.append(", RDM: mono");
        else out.append(", RDM: ").append(rdm);
        out.append(", RD:");
        for (int i = 0; i < 4; i++) {
            out.append(' ');
            Text.hex(out, bytes.u16(tp + 3 + 2 * i), 4);
        }
        int at = tp + 11;
        int info = len - 11;
        switch (protocol) {
            case AUTH_DELAYED -> {
                if (info == 0) break;
                if (info < 20) {
                    out.append(" ??");
                    break;
                }
                int realm = info - 20;
                if (realm > 0) out.append(", realm: ");
                Text.hexBytes(out, bytes.packet(), at, realm);
                at += realm;
                out.append(", key ID: ");
                Text.hex(out, bytes.u32(at), 8);
                out.append(", HMAC-MD5:");
                words(at + 4, out);
            }
            case AUTH_RECONFIGURE -> {
                if (info != 17) {
                    out.append(" ??");
                    break;
                }
                int kind = bytes.u8(at);
                out.append(kind == 1 ? " reconfig-key" : kind == 2 ? " type: HMAC-MD5" : " type: ??");
                out.append(" value:");
                words(at + 1, out);
            }
            default -> out.append(" ??");
        }
        out.append(')');
    }

    /** Four 32-bit words as " %08x" each. */
    private void words(int at, StringBuilder out) {
        for (int i = 0; i < 4; i++) {
            out.append(' ');
            Text.hex(out, bytes.u32(at + 4 * i), 8);
        }
    }

    /** RFC 5908 sub-options; false where a sub-option runs past the option (tcpdump abandons the list). */
    private boolean ntpServer(int tp, int len, StringBuilder out) {
        if (len < 4) return unknown(out);
        int optionEnd = tp + len;
        while (tp < optionEnd - 4) {
            int code = bytes.u16(tp), subLength = bytes.u16(tp + 2);
            tp += 4;
            if (tp + subLength > optionEnd) {
                Dhcp6Formatter.trunc(out);
                return false;
            }
            out.append(" subopt:").append(code);
            switch (code) {
                case 1, 2 -> {
                    if (subLength != 16) {
                        out.append(" ?");
                    } else {
                        out.append(' ');
                        Text.ipv6(out, bytes.packet(), tp);
                    }
                }
                case 3 -> {
                    out.append(' ');
                    if (names.fqdn(tp, tp + subLength, out) < 0) {
                        Dhcp6Formatter.trunc(out);
                        return false;
                    }
                }
                default -> out.append(" ?");
            }
            tp += subLength;
        }
        out.append(')');
        return true;
    }

    /** RFC 6334's name, as uncompressed labels joined by dots. */
    private void aftrName(int tp, int len, StringBuilder out) {
        if (len < 3) {
            unknown(out);
            return;
        }
        int remaining = len;
        out.append(' ');
        while (remaining > 0 && bytes.u8(tp) != 0) {
            int label = bytes.u8(tp++);
            if (label < remaining - 1) {
                LldpText.untilNul(bytes, tp, label, out);
                tp += label;
                remaining -= label + 1;
                if (bytes.u8(tp) != 0) out.append('.');
            } else {
                out.append(" ?");
                break;
            }
        }
        out.append(')');
    }

    private static void statusCode(int code, StringBuilder out) {
        if (code > 255) {
            out.append("INVALID code");
            return;
        }
        String name = switch (code) {
            case 0 -> "Success";
            case 1 -> "UnspecFail";
            case 2 -> "NoAddrsAvail";
            case 3 -> "NoBinding";
            case 4 -> "NotOnLink";
            case 5 -> "UseMulticast";
            case 6 -> "NoPrefixAvail";
            case 7 -> "UnknownQueryType";
            case 8 -> "MalformedQuery";
            case 9 -> "NotConfigured";
            case 10 -> "NotAllowed";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append("code").append(code);
    }

    static void name(int type, StringBuilder out) {
        String name = switch (type) {
            case 1 -> "client-ID";
            case 2 -> "server-ID";
            case 3 -> "IA_NA";
            case 4 -> "IA_TA";
            case 5 -> "IA_ADDR";
            case 6 -> "option-request";
            case 7 -> "preference";
            case 8 -> "elapsed-time";
            case 9 -> "relay-message";
            case 11 -> "authentication";
            case 12 -> "server-unicast";
            case 13 -> "status-code";
            case 14 -> "rapid-commit";
            case 15 -> "user-class";
            case 16 -> "vendor-class";
            case 17 -> "vendor-specific-info";
            case 18 -> "interface-ID";
            case 19 -> "reconfigure-message";
            case 20 -> "reconfigure-accept";
            case 21 -> "SIP-servers-domain";
            case 22 -> "SIP-servers-address";
            case 23 -> "DNS-server";
            case 24 -> "DNS-search-list";
            case 25 -> "IA_PD";
            case 26 -> "IA_PD-prefix";
            case 27 -> "NIS-server";
            case 28 -> "NIS+-server";
            case 29 -> "NIS-domain-name";
            case 30 -> "NIS+-domain-name";
            case 31 -> "SNTP-servers";
            case 32 -> "lifetime";
            case 33 -> "BCMCS-domain-name";
            case 34 -> "BCMCS-server";
            case 36 -> "Geoconf-Civic";
            case 37 -> "Remote-ID";
            case 38 -> "Subscriber-ID";
            case 39 -> "Client-FQDN";
            case 40 -> "PANA-agent";
            case 41 -> "POSIX-timezone";
            case 42 -> "POSIX-tz-database";
            case 43 -> "Echo-request-option";
            case 44 -> "Lease-query";
            case 45 -> "LQ-client-data";
            case 46 -> "Clt-time";
            case 47 -> "LQ-relay-data";
            case 48 -> "LQ-client-link";
            case 56 -> "NTP-server";
            case 64 -> "AFTR-Name";
            case 112 -> "MUD-URL";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append("opt_").append(type);
    }
}
