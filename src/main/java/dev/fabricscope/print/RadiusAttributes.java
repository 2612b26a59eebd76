package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.Rfc3339;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The value of one RADIUS attribute as tcpdump 4.99 prints it, by the kind its table gives
 * ({@link RadiusNames.Kind}): text (non-printing bytes as '.', up to a NUL), with tunnel tags, salts and RFC 4675
 * VLAN tags first; 32-bit numbers, standard names for enumerated ones, durations, special values; IPv4 and IPv6
 * addresses and prefixes; Vendor-Specific sub-attributes; times; EAP-Message ({@link EapPacket}); ARAP and Error-Cause
 * values; RFC 5580 location attributes. Where tcpdump checks that the value was captured and it was not, " [|radius]"
 * ends the value only and the next attribute follows, as in tcpdump.
 */
final class RadiusAttributes {
    private static final int FRAMED_IP_ADDRESS = 8, LOGIN_IP_HOST = 14, FRAMED_IPX_NETWORK = 23,
        SESSION_TIMEOUT = 27, IDLE_TIMEOUT = 28, APPLETALK_LINK = 37, APPLETALK_NETWORK = 38, ACCT_DELAY_TIME = 41,
        ACCT_SESSION_TIME = 46, EGRESS_VLANID = 56, EGRESS_VLAN_NAME = 58, TUNNEL_TYPE = 64, TUNNEL_MEDIUM_TYPE = 65,
        TUNNEL_CLIENT_ENDPOINT = 66, TUNNEL_SERVER_ENDPOINT = 67, TUNNEL_PASSWORD = 69, ARAP_PASSWORD = 70,
        ARAP_FEATURES = 71, EAP_MESSAGE = 79, TUNNEL_PRIVATE_GROUP_ID = 81, TUNNEL_ASSIGNMENT_ID = 82,
        TUNNEL_PREFERENCE = 83, ARAP_CHALLENGE_RESPONSE = 84, ACCT_INTERIM_INTERVAL = 85, TUNNEL_CLIENT_AUTH_ID = 90,
        TUNNEL_SERVER_AUTH_ID = 91, ERROR_CAUSE = 101;
    private static final int MAX_TAG = 0x1f;
    private static final long NAS_SELECT = 0xfffffffeL, USER_SELECTED = 0xffffffffL;
    /** Day names from Sunday, the weekday of day -4 since 1970-01-01 (a Thursday). */
    private static final String[] DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final long NTP_TO_UNIX = 2_208_988_800L;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final SnapshotBytes bytes;
    private final EapPacket eap;
    /** tcpdump's ctime uses the process's zone; ours is the printer's (a fixed offset is kept as such). */
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int offsetSeconds;
    /** An IPv6 prefix shorter than 16 bytes, zero-filled, and a packet view of it for {@link Text#ipv6}. */
    private final byte[] prefix = new byte[16];
    private final Packet prefixView = new Packet();

    RadiusAttributes(SnapshotBytes bytes, ZoneId zone) {
        this.bytes = bytes;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.eap = new EapPacket(bytes, RadiusFormatter.TRUNCATED);
    }

    /** The value of {@code length} (at least 1) bytes at {@code at} of an attribute of {@code type}. */
    void value(RadiusNames.Attribute attribute, int type, int at, int length, StringBuilder out) {
        switch (attribute.kind()) {
            case NONE -> { }
            case STRING -> string(type, at, length, out);
            case NUMBER -> number(attribute, type, at, length, out);
            case ADDRESS -> address(type, at, length, out);
            case ADDRESS6 -> {
                if (length != 16) {
                    out.append("ERROR: length ").append(length).append(" != 16");
                } else {
                    bytes.u8(at + 15);
                    Text.ipv6(out, bytes.packet(), at);
                }
            }
            case PREFIX6 -> prefix6(at, length, out);
            case VENDOR -> vendor(at, length, out);
            case TIME -> time(at, length, out);
            case FEATURE_VECTOR -> featureVector(at, length, out);
            case HOME_LINK_PREFIX -> homeLinkPrefix(at, length, out);
            case OPERATOR_NAME -> operatorName(at, length, out);
            case LOCATION_INFORMATION -> locationInformation(at, length, out);
            case LOCATION_DATA -> locationData(at, length, out);
            case LOCATION_POLICY -> locationPolicy(at, length, out);
            case OTHER -> other(type, at, length, out);
        }
    }

    /** tcpdump's ND_TCHECK_LEN: false, after the marker, when the bytes were not all captured. */
    private boolean captured(int at, int length, StringBuilder out) {
        if (at + (long) length <= bytes.end()) return true;
        out.append(RadiusFormatter.TRUNCATED);
        return false;
    }

    private void string(int type, int at, int length, StringBuilder out) {
        if (!captured(at, length, out)) return;
        switch (type) {
            case TUNNEL_PASSWORD -> {
                if (length < 3) {
                    out.append(RadiusFormatter.TRUNCATED);
                    return;
                }
                int tag = bytes.u8(at);
                tag(tag != 0 && tag <= MAX_TAG, tag, out);
                out.append("Salt ").append(bytes.u16(at + 1)).append(' ');
                at += 3;
                length -= 3;
            }
            case TUNNEL_CLIENT_ENDPOINT, TUNNEL_SERVER_ENDPOINT, TUNNEL_PRIVATE_GROUP_ID, TUNNEL_ASSIGNMENT_ID,
                 TUNNEL_CLIENT_AUTH_ID, TUNNEL_SERVER_AUTH_ID -> {
                int tag = bytes.u8(at);
                if (tag <= MAX_TAG) {
                    tag(tag != 0, tag, out);
                    at++;
                    length--;
                }
            }
            case EGRESS_VLAN_NAME -> {
                vlanTag(bytes.u8(at), out);
                at++;
                length--;
            }
            case EAP_MESSAGE -> {
                eap.print(at, length, out);
                return;
            }
            default -> { }
        }
        for (int i = 0; i < length; i++) {
            int c = bytes.u8(at + i);
            if (c == 0) break;
            out.append(c >= 0x20 && c <= 0x7e ? (char) c : '.');
        }
    }

    private static void tag(boolean used, int tag, StringBuilder out) {
        if (used) out.append("Tag[").append(tag).append("] ");
        else out.append("Tag[Unused] ");
    }

    /** RFC 4675's tag octet: its name and value. */
    private static void vlanTag(int tag, StringBuilder out) {
        out.append(RadiusNames.vlanTag(tag)).append(" (0x");
        Text.hex(out, tag, 2);
        out.append(") ");
    }

    private void number(RadiusNames.Attribute attribute, int type, int at, int length, StringBuilder out) {
        if (length != 4) {
            out.append("ERROR: length ").append(length).append(" != 4");
            return;
        }
        String[] values = attribute.values();
        if (values != null) {
            long value;
            if (type == TUNNEL_TYPE || type == TUNNEL_MEDIUM_TYPE) {
                int tag = bytes.u8(at);
                tag(tag != 0, tag, out);
                value = (long) bytes.u8(at + 1) << 16 | bytes.u16(at + 2);
            } else {
                value = bytes.u32(at);
            }
            if (value >= attribute.first() && value < values.length) out.append(values[(int) value]);
            else out.append('#').append(value);
            return;
        }
        switch (type) {
            case FRAMED_IPX_NETWORK -> {
                long value = bytes.u32(at);
                if (value == NAS_SELECT) out.append("NAS Select");
                else out.append(value);
            }
            case SESSION_TIMEOUT, IDLE_TIMEOUT, ACCT_DELAY_TIME, ACCT_SESSION_TIME, ACCT_INTERIM_INTERVAL ->
                duration(bytes.u32(at), out);
            case APPLETALK_LINK, APPLETALK_NETWORK -> {
                long value = bytes.u32(at);
                if (value != 0) out.append(value);
                else out.append(type == APPLETALK_LINK ? "Unnumbered" : "NAS assigned");
            }
            case TUNNEL_PREFERENCE -> {
                int tag = bytes.u8(at);
                tag(tag != 0, tag, out);
                out.append((long) bytes.u8(at + 1) << 16 | bytes.u16(at + 2));
            }
            case EGRESS_VLANID -> {
                vlanTag(bytes.u8(at), out);
                out.append((long) bytes.u8(at + 1) << 16 | bytes.u16(at + 2));
            }
            default -> out.append(bytes.u32(at));
        }
    }

    /** Seconds as "SS secs", "MM:SS min" or "HH:MM:SS hours" (two digits at least). */
    private static void duration(long seconds, StringBuilder out) {
        if (seconds < 60) {
            twoDigits(seconds, out);
            out.append(" secs");
        } else if (seconds < 3600) {
            twoDigits(seconds / 60, out);
            out.append(':');
            twoDigits(seconds % 60, out);
            out.append(" min");
        } else {
            twoDigits(seconds / 3600, out);
            out.append(':');
            twoDigits(seconds % 3600 / 60, out);
            out.append(':');
            twoDigits(seconds % 60, out);
            out.append(" hours");
        }
    }

    private static void twoDigits(long value, StringBuilder out) {
        if (value < 10) out.append('0');
        out.append(value);
    }

    private void address(int type, int at, int length, StringBuilder out) {
        if (length != 4) {
            out.append("ERROR: length ").append(length).append(" != 4");
            return;
        }
        long value = bytes.u32(at);
        if ((type == FRAMED_IP_ADDRESS || type == LOGIN_IP_HOST) && value == USER_SELECTED) {
            out.append("User Selected");
        } else if ((type == FRAMED_IP_ADDRESS || type == LOGIN_IP_HOST) && value == NAS_SELECT) {
            out.append("NAS Select");
        } else {
            Text.ipv4(out, bytes.packet(), at);
        }
    }

    /** Reserved octet, prefix length, then up to 16 bytes of prefix (RFC 3162). */
    private void prefix6(int at, int length, StringBuilder out) {
        if (length < 2 || length > 18) {
            out.append("ERROR: length ").append(length).append(" not in range (2..18)");
            return;
        }
        if (!captured(at, length, out)) return;
        int bits = bytes.u8(at + 1);
        if (bits > 128) {
            out.append("ERROR: netmask ").append(bits).append(" not in range (0..128)");
            return;
        }
        java.util.Arrays.fill(prefix, (byte) 0);
        for (int i = 0; i < length - 2; i++) prefix[i] = (byte) bytes.u8(at + 2 + i);
        Text.ipv6(out, prefixView.set(prefix, 0, prefix.length, prefix.length, 0, 0, 0, 0), 0);
        out.append('/').append(bits);
        if (bits > 8 * (length - 2)) out.append(" (inconsistent prefix length)");
    }

    /** Prefix length, then a whole IPv6 address (RFC 5447). */
    private void homeLinkPrefix(int at, int length, StringBuilder out) {
        if (length != 17) {
            out.append("ERROR: length ").append(length).append(" != 17");
            return;
        }
        if (!captured(at, length, out)) return;
        int bits = bytes.u8(at);
        if (bits > 128) {
            out.append("ERROR: netmask ").append(bits).append(" not in range (0..128)");
            return;
        }
        Text.ipv6(out, bytes.packet(), at + 1);
        out.append('/').append(bits);
    }

    /** Vendor-Id, then sub-attributes of type, length and text (RFC 2865's suggested format). */
    private void vendor(int at, int length, StringBuilder out) {
        if (length < 4) {
            out.append(RadiusFormatter.TRUNCATED);
            return;
        }
        long vendor = bytes.u32(at);
        out.append("Vendor: ").append(RadiusNames.vendor(vendor)).append(" (").append(vendor).append(')');
        at += 4;
        length -= 4;
        while (length >= 2) {
            int type = bytes.u8(at), len = bytes.u8(at + 1);
            if (len < 2 || len > length) {
                out.append("\n\t    Vendor Attribute: ").append(type).append(", Length: ").append(len)
                    .append(len < 2 ? " (bogus, must be >= 2)"
                        : " (bogus, goes past end of vendor-specific attribute)");
                return;
            }
            at += 2;
            len -= 2;
            length -= 2;
            if (!captured(at, len, out)) return;
            out.append("\n\t    Vendor Attribute: ").append(type).append(", Length: ").append(len).append(", Value: ");
            for (int i = 0; i < len; i++) {
                int c = bytes.u8(at + i);
                out.append(c >= 0x20 && c <= 0x7e ? (char) c : '.');
            }
            at += len;
            length -= len;
        }
    }

    /** Seconds since 1970 as C's ctime writes them, in the local zone: "Thu Nov 14 22:13:20 2023". */
    private void time(int at, int length, StringBuilder out) {
        if (length != 4) {
            out.append("ERROR: length ").append(length).append(" != 4");
            return;
        }
        long seconds = bytes.u32(at);
        long local = seconds + (fixedOffset ? offsetSeconds
            : rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds());
        long day = Math.floorDiv(local, 86_400L);
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        long civil = Rfc3339.civilFromDays(day);
        int dayOfMonth = Rfc3339.civilDayOfMonth(civil);
        out.append(DAYS[(int) Math.floorMod(day + 4, 7L)]).append(' ').append(MONTHS[Rfc3339.civilMonth(civil) - 1]).append(' ');
        if (dayOfMonth < 10) out.append(' ');
        out.append(dayOfMonth).append(' ');
        Text.timeOfDay(out, secondOfDay);
        out.append(' ').append(Rfc3339.civilYear(civil));
    }

    /** tcpdump's p_ntp_time: "seconds.nanoseconds" of an NTP timestamp and, unless zero, its UTC date and time. */
    private void ntpTime(int at, StringBuilder out) {
        long seconds = bytes.u32(at), fraction = bytes.u32(at + 4);
        out.append(seconds).append('.');
        long nanos = (long) (fraction / 4294967296.0 * 1_000_000_000.0);
        for (long place = 100_000_000; place > 0; place /= 10) out.append((char) ('0' + nanos / place % 10));
        if (seconds != 0) {
            out.append(" (");
            Rfc3339.appendDateTime(out, seconds - NTP_TO_UNIX);
            out.append("Z)");
        }
    }

    private void featureVector(int at, int length, StringBuilder out) {
        if (length != 8) {
            out.append("ERROR: length ").append(length).append(" != 8");
            return;
        }
        out.append('[');
        long value = bytes.u32(at) << 32 | bytes.u32(at + 4);
        boolean any = false;
        for (int i = 0; i < RadiusNames.FEATURE_BITS.length; i++) {
            if ((value & RadiusNames.FEATURE_BITS[i]) == 0) continue;
            if (any) out.append(", ");
            out.append(RadiusNames.FEATURE_NAMES[i]);
            any = true;
        }
        out.append(']');
    }

    /** Namespace octet, then the name (RFC 5580). */
    private void operatorName(int at, int length, StringBuilder out) {
        if (!captured(at, length, out)) return;
        if (length < 2) {
            out.append("ERROR: length ").append(length).append(" < 2");
            return;
        }
        int namespace = bytes.u8(at);
        String name = RadiusNames.operatorNamespace(namespace);
        out.append('[');
        if (name != null) out.append(name);
        else out.append("unknown namespace ").append(namespace);
        out.append("] ");
        printable(at + 1, length - 1, out);
    }

    /** Index, code, entity, sighting time, time to live, method (RFC 5580). */
    private void locationInformation(int at, int length, StringBuilder out) {
        if (!captured(at, length, out)) return;
        if (length < 21) {
            out.append("ERROR: length ").append(length).append(" < 21");
            return;
        }
        int code = bytes.u8(at + 2), entity = bytes.u8(at + 3);
        out.append("index ").append(bytes.u16(at)).append(", code ");
        named(RadiusNames.LOCATION_CODES, code, out);
        out.append(", entity ");
        named(RadiusNames.LOCATION_ENTITIES, entity, out);
        out.append(", sighting time ");
        ntpTime(at + 4, out);
        out.append(", time to live ");
        ntpTime(at + 12, out);
        out.append(", method \"");
        printable(at + 20, length - 20, out);
        out.append('"');
    }

    private static void named(String[] names, int value, StringBuilder out) {
        if (value < names.length) out.append(names[value]);
        else out.append("Unknown (").append(value).append(')');
    }

    /** Index, then the location object in hex and ASCII (RFC 5580). */
    private void locationData(int at, int length, StringBuilder out) {
        if (!captured(at, length, out)) return;
        if (length < 3) {
            out.append("ERROR: length ").append(length).append(" < 3");
            return;
        }
        out.append("index ").append(bytes.u16(at)).append(", location");
        HexDump.hexAndAscii(bytes.packet(), at + 2, length - 2, "\n\t    ", out);
    }

    /** Flags, retention expiry, note well (RFC 5580). */
    private void locationPolicy(int at, int length, StringBuilder out) {
        if (!captured(at, length, out)) return;
        if (length < 10) {
            out.append("ERROR: length ").append(length).append(" < 10");
            return;
        }
        out.append("flags [");
        Text.bitNames(out, bytes.u16(at), RadiusNames.LOCATION_POLICY_FLAGS);
        out.append("], retention expires ");
        ntpTime(at + 2, out);
        if (length > 10) {
            out.append(", note well \"");
            printable(at + 10, length - 10, out);
            out.append('"');
        }
    }

    /** tcpdump's nd_printn without an end: each byte fetched, as fn_print_char shows it. */
    private void printable(int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) Text.printableChar(out, bytes.u8(at + i));
    }

    /** ARAP-Password, ARAP-Features, ARAP-Challenge-Response and Error-Cause. */
    private void other(int type, int at, int length, StringBuilder out) {
        switch (type) {
            case ARAP_PASSWORD -> {
                if (length != 16) {
                    out.append("ERROR: length ").append(length).append(" != 16");
                    return;
                }
                out.append("User_challenge (");
                upperHex(at, 8, out);
                out.append(") User_resp(");
                upperHex(at + 8, 8, out);
                out.append(')');
            }
            case ARAP_FEATURES -> {
                if (length != 14) {
                    out.append("ERROR: length ").append(length).append(" != 14");
                    return;
                }
                out.append(bytes.u8(at) != 0 ? "User can change password" : "User cannot change password");
                int minimum = bytes.u8(at + 1);   // fetched before its label is printed, as tcpdump's argument
                out.append(", Min password length: ").append(minimum).append(", created at: ");
                upperHex(at + 2, 4, out);
                out.append(", expires in: ");
                upperHex(at + 6, 4, out);
                out.append(", Current Time: ");
                upperHex(at + 10, 4, out);
            }
            case ARAP_CHALLENGE_RESPONSE -> {
                if (length < 8) {
                    out.append("ERROR: length ").append(length).append(" != 8");
                    return;
                }
                upperHex(at, 8, out);
            }
            case ERROR_CAUSE -> {
                if (length != 4) {
                    out.append("Error: length ").append(length).append(" != 4");
                    return;
                }
                long cause = bytes.u32(at);
                String name = RadiusNames.errorCause(cause);
                out.append("Error cause ").append(cause).append(": ");
                if (name != null) out.append(name);
                else out.append("Error-Cause ").append(cause).append(" not known");
            }
            default -> { }
        }
    }

    /** {@code n} bytes as "%02X" each, each fetched. */
    private void upperHex(int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) {
            int b = bytes.u8(at + i);
            out.append(Character.toUpperCase(Character.forDigit(b >>> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
    }
}
