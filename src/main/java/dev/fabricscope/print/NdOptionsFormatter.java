package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Neighbor discovery options (RFC 4861 section 4.6; RFC 4191 route information, RFC 6275 advertisement interval and
 * home agent information, RFC 8106 RDNSS and DNSSL) as tcpdump -v lists them after an ND message: one line each,
 * "\n\t  source link-address option (1), length 8 (1): 00:11:22:33:44:55". -v stops at the first option it cannot
 * decode, after a hex dump of it; -vv decodes them all and adds a hex dump of each.
 */
final class NdOptionsFormatter {
    private static final int SOURCE_LINKADDR = 1, TARGET_LINKADDR = 2, PREFIX_INFORMATION = 3,
            REDIRECTED_HEADER = 4, MTU = 5, ADVINTERVAL = 7, HOMEAGENT_INFO = 8, ROUTE_INFO = 24, RDNSS = 25,
            DNSSL = 31;
    private static final long[] PREFIX_FLAG_BITS = {0x80, 0x40, 0x20};
    private static final String[] PREFIX_FLAGS = {"onlink", "auto", "router"};

    private final Verbosity verbosity;
    private final Icmp6Bytes bytes;
    private final DomainNames names;
    /** A route information prefix padded to 16 bytes, for the address printer. */
    private final byte[] prefix = new byte[16];
    private final Packet prefixPacket = new Packet();

    NdOptionsFormatter(Verbosity verbosity, Icmp6Bytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
        this.names = new DomainNames(bytes);
    }

    /**
     * The options from {@code bp}, {@code resid} bytes by the ICMPv6 length; false where tcpdump gives up on them
     * (a zero length, an option past the capture): the caller then prints the truncation marker.
     */
    boolean format(int bp, int resid, StringBuilder out) {
        int end = bytes.end();
        int cp = bp;
        while (cp < end) {
            if (!bytes.has(cp + 1, 1)) return false;
            if (resid <= 0) return true;
            int type = bytes.u8(cp), units = bytes.u8(cp + 1);
            int length = units << 3;
            if (units == 0 || cp + length > end) return false;
            out.append("\n\t  ").append(optionName(type)).append(" option (").append(type).append("), length ")
                .append(length).append(" (").append(units).append("): ");
            switch (type) {
                case SOURCE_LINKADDR, TARGET_LINKADDR -> Text.linkAddress(out, bytes.packet(), cp + 2, length - 2);
                case PREFIX_INFORMATION -> prefixInformation(cp, units, out);
                case REDIRECTED_HEADER -> bytes.unknownData(out, bp, "\n\t    ", length);   // sic: from the first option
                case MTU -> {
                    out.append(' ').append(bytes.u32(cp + 4));
                    if (units != 1) out.append("bad option length");
                }
                case RDNSS -> {
                    out.append(" lifetime ").append(bytes.u32(cp + 4)).append("s,");
                    for (int i = 0; i < (units - 1) / 2; i++) bytes.ip6(out, " addr: ", cp + 8 + 16 * i);
                }
                case DNSSL -> {
                    out.append(" lifetime ").append(bytes.u32(cp + 4)).append("s, domain(s):");
                    int name = cp + 8;
                    while (name < cp + length && bytes.u8(name) != 0) {
                        out.append(' ');
                        name = names.fqdn(name, bp, out);
                        if (name < 0) return false;
                    }
                }
                case ADVINTERVAL -> out.append(' ').append(bytes.u32(cp + 4)).append("ms");
                case HOMEAGENT_INFO -> out.append(" preference ").append(bytes.u16(cp + 4)).append(", lifetime ")
                    .append(bytes.u16(cp + 6));
                case ROUTE_INFO -> {
                    if (!routeInformation(cp, units, out)) return false;
                }
                default -> {
                    if (!verbosity.veryVerbose()) {
                        bytes.unknownData(out, cp + 2, "\n\t  ", length - 2);
                        return true;
                    }
                }
            }
            if (verbosity.veryVerbose()) bytes.unknownData(out, cp + 2, "\n\t    ", length - 2);
            cp += length;
            resid -= length;
        }
        return true;
    }

    private void prefixInformation(int cp, int units, StringBuilder out) {
        bytes.u8(cp + 31);   // the prefix, last field: all are fetched before any is printed
        int prefixLength = bytes.u8(cp + 2), flags = bytes.u8(cp + 3);
        long valid = bytes.u32(cp + 4);
        bytes.ip6(out, "", cp + 16);
        out.append('/').append(prefixLength);
        if (units != 4) out.append("badlen");
        out.append(", Flags [");
        Icmp6Formatter.flagNames(out, flags, PREFIX_FLAG_BITS, PREFIX_FLAGS);
        out.append("], valid time ");
        Icmp6Formatter.lifetime(out, valid);
        long preferred = bytes.u32(cp + 8);
        out.append(", pref. time ");
        Icmp6Formatter.lifetime(out, preferred);
    }

    /** RFC 4191: a prefix of 0, 8 or 16 bytes; false (truncation, says tcpdump) for a longer option. */
    private boolean routeInformation(int cp, int units, StringBuilder out) {
        int stored = switch (units) {
            case 1 -> 0;
            case 2 -> 8;
            case 3 -> 16;
            default -> -1;
        };
        if (stored < 0) return false;
        java.util.Arrays.fill(prefix, (byte) 0);
        for (int i = 0; i < stored; i++) prefix[i] = (byte) bytes.u8(cp + 8 + i);
        out.append(' ');
        Text.ipv6(out, prefixPacket.set(prefix, 0, 16, 16, 0, 0, 0, 0), 0);
        out.append('/').append(bytes.u8(cp + 2)).append(", pref=")
            .append(Icmp6Formatter.routerPreference(bytes.u8(cp + 3))).append(", lifetime=");
        Icmp6Formatter.lifetime(out, bytes.u32(cp + 4));
        return true;
    }

    private static String optionName(int type) {
        return switch (type) {
            case SOURCE_LINKADDR -> "source link-address";
            case TARGET_LINKADDR -> "destination link-address";
            case PREFIX_INFORMATION -> "prefix info";
            case REDIRECTED_HEADER -> "redirected header";
            case MTU -> "mtu";
            case RDNSS -> "rdnss";
            case DNSSL -> "dnssl";
            case ADVINTERVAL -> "advertisement interval";
            case HOMEAGENT_INFO -> "homeagent information";
            case ROUTE_INFO -> "route info";
            default -> "unknown";
        };
    }
}
