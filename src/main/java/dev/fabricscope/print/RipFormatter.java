package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * RIP versions 1 and 2 (RFC 1058, 2453, 4822; UDP 520) as tcpdump 4.99 prints it (print-rip.c): by default
 * {@code RIPv2, Response, length: 44}; with -v on a line of its own, requests and responses then give their route
 * count and every entry: RIPv1 routes (address and metric), RIPv2 routes (family, prefix, tag, metric, next hop),
 * simple-password, cryptographic-header, trailer and unknown authentication entries, entries of other families and
 * with nonzero must-be-zero fields in hex. Other commands are dumped in hex at -v; at -vv the whole message is dumped
 * in hex after the entries. Version 0 is dumped in hex at every verbosity.
 *
 * <p>As tcpdump, the entries are read up to the capture's end (or the message's, when earlier): an entry that does not
 * fit ends the line with " [|rip]", where tcpdump checks it and keeps the link-level header counted; a fetch past the
 * capture (a simple password, say) jumps out with the same marker ({@link EarlyEnd}). No known difference from
 * tcpdump.
 */
final class RipFormatter {
    static final int PORT = 520;
    private static final int HEADER = 4, ROUTE = 20, AUTH = 16;
    private static final int REQUEST = 1, RESPONSE = 2, TRACE_OFF = 4, POLL = 5, POLL_ENTRY = 6;
    private static final int AF_INET = 2, AUTH_FAMILY = 0xffff;
    private static final String TRUNCATED = " [|rip]";

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    RipFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        // tcpdump reads the entries up to the capture's end; length is unsigned (a jumbogram's passes 2^31)
        int entries = (int) Math.min(end - off, Integer.toUnsignedLong(length));
        if (entries < HEADER) {
            out.append(TRUNCATED);
            return;
        }
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, entries - HEADER, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            out.append(TRUNCATED);
        }
    }

    private void message(int at, int length, int entries, StringBuilder out) {
        int version = bytes.u8(at + 1);
        out.append(verbosity.verbose() ? "\n\t" : "").append("RIPv").append(version);
        if (version == 0) {
            bytes.unknownData(out, at, "\n\t", Integer.toUnsignedLong(length));
            return;
        }
        int command = bytes.u8(at);
        out.append(", ");
        command(out, command);
        out.append(", length: ").append(Integer.toUnsignedLong(length));
        if (!verbosity.verbose()) return;
        switch (command) {
            case REQUEST, RESPONSE -> {
                if (version == 1 || version == 2) {
                    out.append(", routes: ").append(Integer.toUnsignedLong(length) / ROUTE)
                        .append(version == 2 ? " or less" : "");
                    entries(at + HEADER, entries, version, out);
                } else {
                    out.append(", unknown version");
                }
            }
            case TRACE_OFF, POLL, POLL_ENTRY -> { }
            default -> {
                if (!verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t", Integer.toUnsignedLong(length));
            }
        }
        if (verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t", Integer.toUnsignedLong(length));
    }

    private void entries(int at, int left, int version, StringBuilder out) {
        while (left != 0) {
            int size = version == 1 ? entryV1(at, left, out) : entryV2(at, left, out);
            if (size == 0) {
                out.append(TRUNCATED);
                return;
            }
            if (left < size) {
                out.append(" [remaining entries length ").append(left).append(" < ").append(size).append("] (invalid)");
                return;
            }
            at += size;
            left -= size;
        }
    }

    /** An RFC 1058 entry; its size, or 0 when it does not fit what was captured. */
    private int entryV1(int at, int left, StringBuilder out) {
        if (left < ROUTE || !bytes.has(at, ROUTE)) return 0;
        int family = bytes.u16(at);
        if (family != AF_INET && family != 0) {
            out.append("\n\t AFI ");
            family(out, family, true);
            out.append(", ");
            bytes.unknownData(out, at + 4, "\n\t  ", ROUTE - 4);
        } else if (bytes.u16(at + 2) != 0 || bytes.u32(at + 8) != 0 || bytes.u32(at + 12) != 0) {
            bytes.unknownData(out, at, "\n\t  ", ROUTE);
        } else {
            bytes.ip4(out.append(family == 0 ? "\n\t  AFI 0, " : "\n\t  "), at + 4);
            out.append(", metric: ").append(bytes.u32(at + 16));
        }
        return ROUTE;
    }

    /** An RFC 2453 entry (a route or authentication); its size, or 0 when it does not fit what was captured. */
    private int entryV2(int at, int left, StringBuilder out) {
        if (left < 4 || !bytes.has(at, 4)) return 0;
        int family = bytes.u16(at);
        if (family == AUTH_FAMILY) {
            int type = bytes.u16(at + 2);
            int data = at + 4;
            left -= 4;
            switch (type) {
                case 2 -> {
                    out.append("\n\t  Simple Text Authentication data: ");
                    for (int i = 0; i < AUTH; i++) {   // up to the first NUL, each byte fetched
                        int c = bytes.u8(data + i);
                        if (c == 0) break;
                        Text.printableChar(out, c);
                    }
                }
                case 3 -> {
                    if (!bytes.has(data, 16) || left < 16) return 0;
                    out.append("\n\t  Auth header: Packet Len ").append(bytes.u16(data)).append(", Key-ID ")
                        .append(bytes.u8(data + 2)).append(", Auth Data Len ").append(bytes.u8(data + 3))
                        .append(", SeqNo ").append(bytes.u32(data + 4)).append(", MBZ ").append(bytes.u32(data + 8))
                        .append(", MBZ ").append(bytes.u32(data + 12));
                }
                default -> {   // a trailer (type 1) or a type of unknown size: to the message's end
                    if (type == 1) out.append("\n\t  Auth trailer:");
                    else out.append("\n\t  Unknown (").append(type).append(") Authentication data:");
                    bytes.unknownData(out, data, "\n\t  ", left);
                    return 4 + left;
                }
            }
        } else if (family != AF_INET && family != 0) {
            out.append("\n\t  AFI ");
            family(out, family, true);
            bytes.unknownData(out, at + 4, "\n\t  ", ROUTE - 4);
        } else {
            if (!bytes.has(at, ROUTE) || left < ROUTE) return 0;
            out.append("\n\t  AFI ");
            family(out, family, false);
            out.append(", ");
            int start = out.length();
            bytes.ip4(out, at + 4);
            for (int pad = 15 - (out.length() - start); pad > 0; pad--) out.insert(start, ' ');   // %15s
            int prefix = prefixLength(bytes.u32(at + 8));
            out.append('/').append(prefix).append(prefix >= 0 && prefix < 10 ? " " : "").append(", tag 0x");
            Text.hex(out, bytes.u16(at + 2), 4);
            out.append(", metric: ").append(bytes.u32(at + 16)).append(", next-hop: ");
            if (bytes.u32(at + 12) != 0) bytes.ip4(out, at + 12);
            else out.append("self");
        }
        return ROUTE;
    }

    /** tcpdump's mask2plen: the prefix length of a contiguous mask, else -1. */
    private static int prefixLength(long mask) {
        for (int length = 32; length >= 0; length--) {
            if ((0xffffffffL << (32 - length) & 0xffffffffL) == mask) return length;
        }
        return -1;
    }

    private static void command(StringBuilder out, int command) {
        String name = switch (command) {
            case REQUEST -> "Request";
            case RESPONSE -> "Response";
            case 3 -> "Trace on";
            case TRACE_OFF -> "Trace off";
            case POLL -> "Poll";
            case POLL_ENTRY -> "Poll Entry";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append("unknown command (").append(command).append(')');
    }

    /** BSD address family names as tcpdump's bsd_af_values; others "Unknown (n)", or just the number. */
    private static void family(StringBuilder out, int family, boolean unknownWord) {
        String name = PacketPrinter.bsdAddressFamily(family);
        if (name != null) out.append(name);
        else if (unknownWord) out.append("Unknown (").append(family).append(')');
        else out.append(family);
    }
}
