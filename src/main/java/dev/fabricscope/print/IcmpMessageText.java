package dev.fabricscope.print;

/**
 * What tcpdump writes between "ICMP " and ", length N" for each ICMP (IPv4) type and code (print-icmp.c; layouts
 * from RFC 792, 1191, 1256, 950): tcpdump builds this text in a buffer and prints it only once it is complete, so
 * a message cut short prints none of it. Reads go through {@link SnapshotBytes} (a jump out where tcpdump's GET
 * macros jump); where tcpdump checks a length first and gives up itself, {@link #describe} returns false.
 */
final class IcmpMessageText {
    static final int ECHO_REPLY = 0, UNREACHABLE = 3, SOURCE_QUENCH = 4, REDIRECT = 5, ECHO = 8,
            ROUTER_ADVERTISEMENT = 9, ROUTER_SOLICITATION = 10, TIME_EXCEEDED = 11, PARAMETER_PROBLEM = 12,
            TIMESTAMP = 13, TIMESTAMP_REPLY = 14, INFO_REQUEST = 15, INFO_REPLY = 16, MASK_REQUEST = 17,
            MASK_REPLY = 18;

    /** Offsets in the message: the 4-byte field after the checksum, the quoted IP header, its protocol and destination. */
    private static final int REST = 4, DATA = 8, QUOTED_PROTOCOL = DATA + 9, QUOTED_DESTINATION = DATA + 16;
    private static final int TCP = 6, UDP = 17;
    /** tcpdump's buffer holds MAXHOSTNAMELEN + 100 bytes with its terminating NUL; only a long router list fills it. */
    private static final int BUFFER_TEXT = 64 + 100 - 1;

    /** Destination unreachable codes 0 to 15: the words before and after the quoted destination address. */
    private static final String[] UNREACHABLE_BEFORE = {
        "net ", "host ", "", "", "", "", "net ", "host ", "", "net ", "host ", "net ", "host ", "host ", "host ",
        "host "};
    private static final String[] UNREACHABLE_AFTER = {
        " unreachable", " unreachable", null, null, null, " unreachable - source route failed",
        " unreachable - unknown", " unreachable - unknown", " unreachable - source host isolated",
        " unreachable - admin prohibited", " unreachable - admin prohibited", " unreachable - tos prohibited",
        " unreachable - tos prohibited", " unreachable - admin prohibited filter",
        " unreachable - host precedence violation", " unreachable - precedence cutoff"};

    private IcmpMessageText() { }

    /**
     * Appends the text for the message at {@code off} (captured up to the reader's end). False when the message ends
     * before what tcpdump checks for (the caller drops the partial text and prints the marker).
     */
    static boolean describe(SnapshotBytes bytes, int off, int type, int code, StringBuilder out) {
        switch (type) {
            case ECHO, ECHO_REPLY -> out.append(type == ECHO ? "echo request" : "echo reply")
                    .append(", id ").append(bytes.u16(off + 4)).append(", seq ").append(bytes.u16(off + 6));
            case UNREACHABLE -> {
                return unreachable(bytes, off, code, out);
            }
            case REDIRECT -> redirect(bytes, off, code, out);
            case ROUTER_ADVERTISEMENT -> {
                return routerAdvertisement(bytes, off, out);
            }
            case TIME_EXCEEDED -> {
                if (off + QUOTED_DESTINATION + 4 > bytes.end()) return false;
                switch (code) {
                    case 0 -> out.append("time exceeded in-transit");
                    case 1 -> out.append("ip reassembly time exceeded");
                    default -> out.append("time exceeded-#").append(code);
                }
            }
            case PARAMETER_PROBLEM -> {
                if (code != 0) out.append("parameter problem - code ").append(code);
                else out.append("parameter problem - octet ").append(bytes.u8(off + REST));
            }
            case MASK_REPLY -> {
                out.append("address mask is 0x");
                Text.hex(out, bytes.u32(off + DATA), 8);
            }
            case TIMESTAMP -> out.append("time stamp query id ").append(bytes.u16(off + 4))
                    .append(" seq ").append(bytes.u16(off + 6));
            case TIMESTAMP_REPLY -> {
                if (off + DATA + 12 > bytes.end()) return false;   // tcpdump checks for the transmit time first
                out.append("time stamp reply id ").append(bytes.u16(off + 4)).append(" seq ")
                        .append(bytes.u16(off + 6)).append(": org ");
                timeOfDay(out, bytes.u32(off + DATA));
                out.append(", recv ");
                timeOfDay(out, bytes.u32(off + DATA + 4));
                out.append(", xmit ");
                timeOfDay(out, bytes.u32(off + DATA + 8));
            }
            case SOURCE_QUENCH -> out.append("source quench");
            case ROUTER_SOLICITATION -> out.append("router solicitation");
            case INFO_REQUEST -> out.append("information request");
            case INFO_REPLY -> out.append("information reply");
            case MASK_REQUEST -> out.append("address mask request");
            default -> out.append("type-#").append(type);
        }
        return true;
    }

    private static boolean unreachable(SnapshotBytes bytes, int off, int code, StringBuilder out) {
        switch (code) {
            case 2 -> {
                bytes.ip4(out, off + QUOTED_DESTINATION);
                out.append(" protocol ").append(bytes.u8(off + QUOTED_PROTOCOL)).append(" unreachable");
            }
            case 3 -> {
                if (off + QUOTED_PROTOCOL + 1 > bytes.end()) return false;
                int headerLength = (bytes.u8(off + DATA) & 0x0f) * 4;
                int port = bytes.u16(off + DATA + headerLength + 2);   // the quoted transport header's destination
                int protocol = bytes.u8(off + QUOTED_PROTOCOL);
                bytes.ip4(out, off + QUOTED_DESTINATION);
                switch (protocol) {
                    case TCP -> out.append(" tcp port ").append(port);
                    case UDP -> out.append(" udp port ").append(port);
                    default -> out.append(" protocol ").append(protocol).append(" port ").append(port);
                }
                out.append(" unreachable");
            }
            case 4 -> {
                int mtu = bytes.u16(off + 6);   // RFC 1191's next-hop MTU, in the second half of the unused field
                bytes.ip4(out, off + QUOTED_DESTINATION);
                out.append(" unreachable - need to frag");
                if (mtu != 0) out.append(" (mtu ").append(mtu).append(')');
            }
            default -> {
                if (code < UNREACHABLE_AFTER.length) {
                    out.append(UNREACHABLE_BEFORE[code]);
                    bytes.ip4(out, off + QUOTED_DESTINATION);
                    out.append(UNREACHABLE_AFTER[code]);
                } else {
                    bytes.ip4(out, off + QUOTED_DESTINATION);
                    out.append(" unreachable - #").append(code);
                }
            }
        }
        return true;
    }

    private static void redirect(SnapshotBytes bytes, int off, int code, StringBuilder out) {
        switch (code) {
            case 0, 1 -> out.append("redirect ");
            case 2, 3 -> out.append("redirect-tos ");
            default -> out.append("redirect-#").append(code).append(' ');
        }
        bytes.ip4(out, off + QUOTED_DESTINATION);
        out.append(switch (code) {
            case 0, 2 -> " to net ";
            case 1, 3 -> " to host ";
            default -> " to ";
        });
        bytes.ip4(out, off + REST);
    }

    /** RFC 1256: lifetime, address count, and {address preference} per entry when entries are 2 words. */
    private static boolean routerAdvertisement(SnapshotBytes bytes, int off, StringBuilder out) {
        if (off + DATA > bytes.end()) return false;
        int start = out.length();
        out.append("router advertisement lifetime ");
        int lifetime = bytes.u16(off + 6);
        if (lifetime < 60) {
            out.append(lifetime);
        } else if (lifetime < 3600) {
            out.append(lifetime / 60).append(':');
            Text.twoDigits(out, lifetime % 60);
        } else {
            out.append(lifetime / 3600).append(':');
            Text.twoDigits(out, lifetime % 3600 / 60);
            out.append(':');
            Text.twoDigits(out, lifetime % 60);
        }
        int count = bytes.u8(off + REST);
        out.append(' ').append(count).append(':');
        int size = bytes.u8(off + REST + 1);
        if (size != 2) {
            out.append(" [size ").append(size).append(']');
            return true;
        }
        for (int i = 0, entry = off + DATA; i < count; i++, entry += 8) {
            if (entry + 8 > bytes.end()) return false;
            int text = out.length();
            out.append(" {");
            bytes.ip4(out, entry);
            out.append(' ');
            Text.u32(out, bytes.u32(entry + 4));
            out.append('}');
            if (out.length() - start > BUFFER_TEXT) out.setLength(Math.max(text, start + BUFFER_TEXT));
        }
        return true;
    }

    /** Milliseconds since midnight UT as "hh:mm:ss.mmm" (hours not wrapped at 24). */
    private static void timeOfDay(StringBuilder out, long millis) {
        long seconds = millis / 1000;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        if (hours < 10) out.append('0');
        out.append(hours).append(':');
        Text.twoDigits(out, (int) (minutes % 60));
        out.append(':');
        Text.twoDigits(out, (int) (seconds % 60));
        out.append('.');
        int ms = (int) (millis % 1000);
        if (ms < 100) out.append('0');
        if (ms < 10) out.append('0');
        out.append(ms);
    }
}
