package dev.fabricscope.print;

/**
 * The RFC 1048 vendor area of a BOOTP/DHCP message (RFC 2132 options and their successors) as tcpdump 4.99 -v prints
 * it (print-bootp.c's rfc1048_print): one line per option, "Name (tag), length N: value", the value laid out as
 * {@link DhcpTags} says, or by the options' own rules (message type, parameter list, client ID, client FQDN, relay
 * agent information, classless static routes, user class, NetBIOS node type, option overload). PAD and END print
 * only with -vvv. Reads go through the {@link BootpFormatter}'s {@link SnapshotBytes} and can jump out as tcpdump's.
 */
final class DhcpOptionsFormatter {
    private static final int PAD = 0, END = 255, NETBIOS_NODE = 46, OVERLOAD = 52, MESSAGE_TYPE = 53,
        PARAMETER_REQUEST = 55, CLIENT_ID = 61, USER_CLASS = 77, CLIENT_FQDN = 81, AGENT_INFORMATION = 82,
        CLASSLESS_ROUTE = 121, CLASSLESS_ROUTE_MICROSOFT = 249;
    private static final int CIRCUIT_ID = 1, REMOTE_ID = 2, SUBSCRIBER_ID = 6;

    private final Verbosity verbosity;
    private final SnapshotBytes bytes;

    DhcpOptionsFormatter(Verbosity verbosity, SnapshotBytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    /** The vendor area at {@code vend}, its magic cookie captured. */
    void format(int vend, StringBuilder out) {
        out.append("\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x");
        Text.hex(out, bytes.u32(vend), 8);
        boolean all = verbosity.mostVerbose();
        int bp = vend + 4;
        while (bp < bytes.end()) {
            int tag = bytes.u8(bp++);
            if ((tag == PAD || tag == END) && !all) {
                if (tag == END) return;
                continue;
            }
            String entry = DhcpTags.entry(tag);
            char layout = entry.charAt(0);
            int len = 0;
            if (tag != PAD && tag != END) len = bytes.u8(bp++);
            out.append("\n\t    ").append(entry, 1, entry.length()).append(" (").append(tag).append("), length ")
                .append(len).append(len > 0 ? ": " : "");
            if (tag == PAD) {
                int pads = 1;
                while (bp < bytes.end() && bytes.u8(bp) == PAD) {
                    bp++;
                    pads++;
                }
                if (pads > 1) out.append(", occurs ").append(pads);
            }
            if (bp + len > bytes.end()) {
                BootpFormatter.trunc(out);
                return;
            }
            if (tag == MESSAGE_TYPE && len == 1) {
                messageType(bytes.u8(bp++), out);
                continue;
            }
            if (tag == PARAMETER_REQUEST) {
                for (int i = 0; i < len; i++) {
                    int requested = bytes.u8(bp + i);
                    out.append(i % 4 == 0 ? "\n\t      " : ", ");
                    String name = DhcpTags.entry(requested);
                    out.append(name, 1, name.length()).append(" (").append(requested).append(')');
                }
                bp += len;
                continue;
            }
            if (layout == '?') layout = (len & 1) != 0 ? 'b' : (len & 2) != 0 ? 's' : 'l';
            int left = layout == '$' ? special(tag, bp, len, out) : value(layout, bp, len, out);
            bp += len - left;
            if (left != 0) {
                out.append("\n\t  trailing data length ").append(left);
                bp += left;
            }
        }
    }

    /** A value in one of the table's layouts; returns the bytes it leaves over. */
    private int value(char layout, int bp, int len, StringBuilder out) {
        switch (layout) {
            case 'a' -> {
                out.append('"');
                printn(bp, len, out);
                out.append('"');
                return 0;
            }
            case 'i', 'l', 'L' -> {
                int i = 0;
                for (; len - i >= 4; i += 4) {
                    if (i > 0) out.append(',');
                    if (layout == 'i') ipv4(bp + i, out);
                    else if (layout == 'L') out.append((int) bytes.u32(bp + i));
                    else out.append(bytes.u32(bp + i));
                }
                return len - i;
            }
            case 'p' -> {
                int i = 0;
                for (; len - i >= 8; i += 8) {
                    if (i > 0) out.append(',');
                    out.append('(');
                    ipv4(bp + i, out);
                    out.append(':');
                    ipv4(bp + i + 4, out);
                    out.append(')');
                }
                return len - i;
            }
            case 's' -> {
                int i = 0;
                for (; len - i >= 2; i += 2) {
                    if (i > 0) out.append(',');
                    out.append(bytes.u16(bp + i));
                }
                return len - i;
            }
            case 'B' -> {
                for (int i = 0; i < len; i++) {
                    if (i > 0) out.append(',');
                    int b = bytes.u8(bp + i);
                    if (b == 0) out.append('N');
                    else if (b == 1) out.append('Y');
                    else out.append(b).append('?');
                }
                return 0;
            }
            default -> {
                for (int i = 0; i < len; i++) {
                    if (i > 0) out.append('.');
                    out.append(bytes.u8(bp + i));
                }
                return 0;
            }
        }
    }

    /** An option of its own layout ('$'); returns the bytes it leaves over. */
    private int special(int tag, int bp, int len, StringBuilder out) {
        switch (tag) {
            case NETBIOS_NODE, OVERLOAD -> {
                if (len < 1) {
                    out.append("[ERROR: length < 1 bytes]");
                    return len;
                }
                int v = bytes.u8(bp);
                String name = tag == NETBIOS_NODE ? switch (v) {
                    case 1 -> "b-node";
                    case 2 -> "p-node";
                    case 4 -> "m-node";
                    case 8 -> "h-node";
                    default -> null;
                } : switch (v) {
                    case 1 -> "file";
                    case 2 -> "sname";
                    case 3 -> "file+sname";
                    default -> null;
                };
                if (name != null) out.append(name);
                else out.append('#').append(v);
                return len - 1;
            }
            case CLIENT_FQDN -> {
                if (len < 3) {
                    out.append("[ERROR: length < 3 bytes]");
                    return 0;
                }
                int flags = bytes.u8(bp);
                if ((flags & 0xf0) != 0) {
                    out.append("[ERROR: MBZ nibble 0x");
                    Text.hex(out, (flags & 0xf0) >>> 4);
                    out.append(" != 0] ");
                }
                if ((flags & 0x0f) != 0) {
                    out.append('[');
                    if ((flags & 1) != 0) out.append('S');
                    if ((flags & 2) != 0) out.append('O');
                    if ((flags & 4) != 0) out.append('E');
                    if ((flags & 8) != 0) out.append('N');
                    out.append("] ");
                }
                int rcode1 = bytes.u8(bp + 1), rcode2 = bytes.u8(bp + 2);
                if (rcode1 != 0 || rcode2 != 0) out.append(rcode1).append('/').append(rcode2).append(' ');
                out.append('"');
                printn(bp + 3, len - 3, out);
                out.append('"');
                return 0;
            }
            case CLIENT_ID -> {
                if (len < 1) {
                    out.append("[ERROR: length < 1 bytes]");
                    return 0;
                }
                int type = bytes.u8(bp);
                if (type == 0) {
                    out.append('"');
                    printn(bp + 1, len - 1, out);
                    out.append('"');
                    return 0;
                }
                switch (type) {
                    case 0x1 -> out.append("ether");
                    case 0x6 -> out.append("ieee802");
                    case 0x7 -> out.append("arcnet");
                    case 0xf -> out.append("frelay");
                    case 0x17 -> out.append("strip");
                    case 0x18 -> out.append("ieee1394");
                    default -> out.append("hardware-type ").append(type).append(',');
                }
                out.append(' ');
                for (int i = 1; i < len; i++) {
                    if (i > 1) out.append(':');
                    Text.hex(out, bytes.u8(bp + i), 2);
                }
                return 0;
            }
            case AGENT_INFORMATION -> {
                return agentInformation(bp, len, out);
            }
            case CLASSLESS_ROUTE, CLASSLESS_ROUTE_MICROSOFT -> {
                classlessRoutes(bp, len, out);
                return 0;
            }
            case USER_CLASS -> {
                userClass(bp, len, out);
                return 0;
            }
            default -> {
                out.append("[unknown special tag ").append(tag).append(", size ").append(len).append(']');
                return 0;
            }
        }
    }

    /** RFC 3046 sub-options: circuit, remote and subscriber IDs as text, others as hex; returns what is left over. */
    private int agentInformation(int bp, int len, StringBuilder out) {
        while (len >= 2) {
            int sub = bytes.u8(bp), subLength = bytes.u8(bp + 1);
            bp += 2;
            len -= 2;
            out.append("\n\t      ").append(switch (sub) {
                case CIRCUIT_ID -> "Circuit-ID";
                case REMOTE_ID -> "Remote-ID";
                case SUBSCRIBER_ID -> "Subscriber-ID";
                default -> "Unknown";
            }).append(" SubOption ").append(sub).append(", length ").append(subLength).append(':');
            if (subLength > len) {
                out.append(" length goes past end of option");
                return 0;
            }
            out.append(' ');
            if (sub == CIRCUIT_ID || sub == REMOTE_ID || sub == SUBSCRIBER_ID) printn(bp, subLength, out);
            else HexDump.hex(bytes.packet(), bp, subLength, "\n\t\t", out);
            bp += subLength;
            len -= subLength;
        }
        return len;
    }

    /** RFC 3442 routes: "(10.0/16:192.0.2.1)", "(default:...)", comma-separated. */
    private void classlessRoutes(int bp, int len, StringBuilder out) {
        if (len < 5) {
            out.append("[ERROR: length < 5 bytes]");
            return;
        }
        boolean first = true;
        while (len > 0) {
            if (!first) out.append(',');
            first = false;
            int width = bytes.u8(bp++);
            len--;
            if (width > 32) {
                out.append("[ERROR: Mask width (").append(width).append(") > 32]");
                return;
            }
            int significant = (width + 7) / 8;
            if (len < significant + 4) {
                out.append("[ERROR: Remaining length (").append(len).append(") < ").append(significant + 4)
                    .append(" bytes]");
                return;
            }
            out.append('(');
            if (width == 0) {
                out.append("default");
            } else {
                for (int i = 0; i < significant; i++) {
                    if (i > 0) out.append('.');
                    out.append(bytes.u8(bp++));
                }
                for (int i = significant; i < 4; i++) out.append(".0");
                out.append('/').append(width);
            }
            out.append(':');
            ipv4(bp, out);
            out.append(')');
            bp += 4;
            len -= significant + 4;
        }
    }

    /** RFC 3004 instances, each a length and text. */
    private void userClass(int bp, int len, StringBuilder out) {
        if (len < 2) {
            out.append("[ERROR: length < 2 bytes]");
            return;
        }
        for (int instance = 1; len > 0; instance++) {
            int n = bytes.u8(bp++);
            len--;
            out.append("\n\t      instance#").append(instance).append(": ");
            if (n == 0) {
                out.append("[ERROR: suboption length must be non-zero]");
                return;
            }
            if (len < n) {
                out.append("[ERROR: invalid option]");
                return;
            }
            out.append('"');
            printn(bp, n, out);
            out.append("\", length ").append(n);
            bp += n;
            len -= n;
        }
    }

    private static void messageType(int type, StringBuilder out) {
        switch (type) {
            case 1 -> out.append("Discover");
            case 2 -> out.append("Offer");
            case 3 -> out.append("Request");
            case 4 -> out.append("Decline");
            case 5 -> out.append("ACK");
            case 6 -> out.append("NACK");
            case 7 -> out.append("Release");
            case 8 -> out.append("Inform");
            case 10 -> out.append("LeaseQuery");
            case 11 -> out.append("LeaseUnassigned");
            case 12 -> out.append("LeaseUnknown");
            case 13 -> out.append("LeaseActive");
            default -> out.append("Unknown (").append(type).append(')');
        }
    }

    /** Text as tcpdump's nd_printn: every byte, non-printable ones escaped (the option was checked captured). */
    private void printn(int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) Text.printableChar(out, bytes.u8(at + i));
    }

    private void ipv4(int at, StringBuilder out) {
        out.append(bytes.u8(at)).append('.').append(bytes.u8(at + 1)).append('.').append(bytes.u8(at + 2)).append('.')
            .append(bytes.u8(at + 3));
    }
}
