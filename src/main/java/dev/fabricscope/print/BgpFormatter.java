package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * BGP-4 on TCP port 179 as tcpdump 4.99 prints it (print-bgp.c). By default only ": BGP". With -v every message
 * the segment holds whole: its type and length ("\n\tUpdate Message (2), length: 52"), then OPEN's fields, optional
 * parameters and capabilities, UPDATE's withdrawn routes, path attributes ({@link BgpAttributes}) and NLRI,
 * NOTIFICATION's codes (with the maximum-prefix data and RFC 9003 shutdown communication of Cease), and
 * ROUTE-REFRESH's address family; with -vv also hex dumps of each attribute and capability. Messages that start
 * in an earlier segment are skipped (" [|bgp]" where a marker is found after skipped bytes), one that goes on in a
 * later segment ends the line with "\n[|BGP Update]": tcpdump reassembles nothing, nor does this.
 *
 * <p>tcpdump stops in two ways at the end of a short capture, and -x tells them apart: where a fetch jumps out,
 * " [|bgp]" ends the packet and {@link EarlyEnd} is marked; where it tests a length first, it prints the same
 * marker itself and often goes on with the next message. Both are followed here, as is -b (AS numbers above
 * 65535 in ASDOT notation).
 */
final class BgpFormatter {
    static final int PORT = 179;
    static final int HEADER = 19;
    private static final int MARKER = 16;
    private static final int OPEN = 1, UPDATE = 2, NOTIFICATION = 3, KEEPALIVE = 4, ROUTE_REFRESH = 5;
    private static final int OPEN_SIZE = 29, OPTION_HEADER = 2, NOTIFICATION_SIZE = 21, ROUTE_REFRESH_SIZE = 23;
    private static final int CAP_MP = 1, CAP_ROUTE_REFRESH = 2, CAP_MULTIPLE_LABELS = 8, CAP_GRACEFUL_RESTART = 64,
        CAP_AS4 = 65, CAP_ADD_PATH = 69, CAP_LLGR = 71, CAP_ROUTE_REFRESH_CISCO = 128;
    private static final int CEASE = 6, CEASE_MAX_PREFIXES = 1, CEASE_SHUTDOWN = 2, CEASE_RESET = 4;
    private static final String[] ADD_PATH_MODES = {null, "Receive", "Send", "Both"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final BgpBytes bytes = new BgpBytes();
    private final BgpNlri nlri;
    private final BgpAttributes attributes;

    private final boolean asdot;

    /** @param asdot -b: AS numbers above 65535 in ASDOT notation, as tcpdump -b */
    BgpFormatter(Verbosity verbosity, boolean asdot, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.asdot = asdot;
        this.earlyEnd = earlyEnd;
        this.nlri = new BgpNlri(verbosity, bytes, asdot);
        this.attributes = new BgpAttributes(verbosity, asdot, bytes, nlri);
    }

    /** The TCP payload at {@code off}; {@code end} is the snapshot end. */
    void format(Packet p, int off, int end, StringBuilder out) {
        out.append(": BGP");
        if (!verbosity.verbose()) return;
        try (var _ = bytes.reading(p, end)) {
            messages(off, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            trunc(out);
        }
    }

    static void trunc(StringBuilder out) {
        out.append(" [|bgp]");
    }

    /** Each message found by its marker, as bgp_print looks for them: byte by byte. */
    private void messages(int off, StringBuilder out) {
        int end = bytes.end();
        int at = off, start = off;
        while (at < end) {
            if (bytes.u8(at) != 0xff) {
                at++;
                continue;
            }
            if (!bytes.has(at, MARKER)) break;
            if (!marker(at)) {
                at++;
                continue;
            }
            if (!bytes.has(at, HEADER)) {
                trunc(out);
                return;
            }
            if (start != at) trunc(out);
            int length = bytes.u16(at + MARKER);
            if (length < HEADER) {
                out.append("\nmessage length ").append(length).append(" < ").append(HEADER).append(" (invalid)");
                break;
            }
            if (!bytes.has(at, length)) {
                String name = BgpNames.message(bytes.u8(at + 18));
                out.append("\n[|BGP ").append(name != null ? name : "Unknown Message Type").append(']');
                break;
            }
            message(at, length, out);
            at += length;
            start = at;
        }
    }

    private boolean marker(int at) {
        for (int i = 0; i < MARKER; i++) if (bytes.u8(at + i) != 0xff) return false;
        return true;
    }

    private void message(int at, int length, StringBuilder out) {
        int type = bytes.u8(at + 18);
        String name = BgpNames.message(type);
        out.append("\n\t").append(name != null ? name : "Unknown").append(" Message (").append(type)
            .append("), length: ").append(length);
        switch (type) {
            case OPEN -> open(at, length, out);
            case UPDATE -> update(at, length, out);
            case NOTIFICATION -> notification(at, length, out);
            case KEEPALIVE -> { }
            case ROUTE_REFRESH -> routeRefresh(at, length, out);
            default -> {
                out.append("\n\t  no Message ").append(type).append(" decoder");
                bytes.unknownData(out, at, "\n\t  ", length);
            }
        }
    }

    private void open(int at, int length, StringBuilder out) {
        if (!bytes.has(at, OPEN_SIZE) || length < OPEN_SIZE) {
            trunc(out);
            return;
        }
        out.append("\n\t  Version ").append(bytes.u8(at + 19)).append(", my AS ").append(bytes.u16(at + 20))
            .append(", Holdtime ").append(bytes.u16(at + 22)).append("s, ID ");
        bytes.ip4(out, at + 24);
        int optionsLength = bytes.u8(at + 28);
        out.append("\n\t  Optional parameters, length: ").append(optionsLength);
        int options = at + OPEN_SIZE;
        int left = length - OPEN_SIZE;
        for (int i = 0; i < optionsLength; ) {
            if (!bytes.has(options + i, OPTION_HEADER) || left < OPTION_HEADER + i) {
                trunc(out);
                return;
            }
            int type = bytes.u8(options + i);
            int optionLength = bytes.u8(options + i + 1);
            if (OPTION_HEADER + i + optionLength > optionsLength) {
                out.append("\n\t     Option ").append(type).append(", length: ").append(optionLength)
                    .append(", goes past the end of the options");
                break;
            }
            String name = BgpNames.optionalParameter(type);
            out.append("\n\t    Option ").append(name != null ? name : "Unknown").append(" (").append(type)
                .append("), length: ").append(optionLength);
            if (type == 2) capabilities(options + OPTION_HEADER + i, optionLength, out);
            else out.append("\n\t      no decoder for option ").append(type);
            i += OPTION_HEADER + optionLength;
        }
    }

    private void capabilities(int at, int length, StringBuilder out) {
        for (int i = 0; i < length; ) {
            if (!bytes.has(at + i, 2)) {
                trunc(out);
                return;
            }
            int code = bytes.u8(at + i);
            int capLength = bytes.u8(at + i + 1);
            String name = BgpNames.capability(code);
            out.append("\n\t      ").append(name != null ? name : "Unknown").append(" (").append(code)
                .append("), length: ").append(capLength);
            if (!bytes.has(at + 2 + i, capLength)) {
                trunc(out);
                return;
            }
            int value = at + i + 2;
            switch (code) {
                case CAP_MP -> {
                    if (capLength < 4) {
                        out.append(" (too short, < 4)");
                        return;
                    }
                    out.append("\n\t\tAFI ");
                    BgpNames.familyAndNumber(out, BgpNames.family(bytes.u16(value)), bytes.u16(value));
                    out.append(", SAFI ");
                    BgpNames.familyAndNumber(out, BgpNames.subsequentFamily(bytes.u8(value + 3)), bytes.u8(value + 3));
                }
                case CAP_MULTIPLE_LABELS -> {
                    for (int left = capLength, v = value; left >= 4; left -= 4, v += 4) {
                        afiSafi(out, "\n\t\tAFI ", v);
                        out.append(", Count: ").append(bytes.u8(v + 3));
                    }
                }
                case CAP_GRACEFUL_RESTART -> {
                    if (capLength < 2) {
                        out.append(" (too short, < 2)");
                        return;
                    }
                    out.append("\n\t\tRestart Flags: [").append((bytes.u8(value) & 0x80) != 0 ? "R" : "none")
                        .append("], Restart Time ").append(bytes.u16(value) & 0xfff).append('s');
                    for (int left = capLength - 2, v = value + 2; left >= 4; left -= 4, v += 4) {
                        afiSafi(out, "\n\t\t  AFI ", v);
                        out.append(", Forwarding state preserved: ").append((bytes.u8(v + 3) & 0x80) != 0 ? "yes" : "no");
                    }
                }
                case CAP_ROUTE_REFRESH, CAP_LLGR, CAP_ROUTE_REFRESH_CISCO -> { }
                case CAP_AS4 -> {
                    if (capLength < 4) {
                        out.append(" (too short, < 4)");
                        return;
                    }
                    BgpNlri.asNumber(out.append("\n\t\t 4 Byte AS "), bytes.u32(value), asdot);
                }
                case CAP_ADD_PATH -> {
                    if (capLength == 0) {
                        out.append(" (bogus)");
                        break;
                    }
                    for (int left = capLength, v = value; left != 0; left -= 4, v += 4) {
                        if (left < 4) {
                            out.append(" (invalid)");
                            break;
                        }
                        afiSafi(out, "\n\t\tAFI ", v);
                        int mode = bytes.u8(v + 3);
                        String modeName = BgpNames.entry(ADD_PATH_MODES, mode);
                        out.append(", Send/Receive: ");
                        if (modeName != null) {
                            out.append(modeName);
                        } else {
                            out.append("Bogus (0x");
                            Text.hex(out, mode, 2);
                            out.append(')');
                        }
                    }
                }
                default -> {
                    out.append("\n\t\tno decoder for Capability ").append(code);
                    if (!verbosity.veryVerbose()) bytes.unknownData(out, value, "\n\t\t", capLength);
                }
            }
            if (verbosity.veryVerbose() && capLength != 0) bytes.unknownData(out, value, "\n\t\t", capLength);
            i += 2 + capLength;
        }
    }

    /** "AFI name (n), SAFI name (n)" of the AFI at {@code at} and the SAFI after it. */
    private void afiSafi(StringBuilder out, String before, int at) {
        int afi = bytes.u16(at);
        int safi = bytes.u8(at + 2);
        out.append(before);
        BgpNames.familyAndNumber(out, BgpNames.family(afi), afi);
        out.append(", SAFI ");
        BgpNames.familyAndNumber(out, BgpNames.subsequentFamily(safi), safi);
    }

    private void update(int at, int length, StringBuilder out) {
        int p = at + HEADER;
        long left = length - HEADER;
        if (!bytes.has(p, 2) || left < 2) {
            trunc(out);
            return;
        }
        int withdrawn = bytes.u16(p);
        p += 2;
        left -= 2;
        if (withdrawn > 1) {
            if (!bytes.has(p, withdrawn) || left < withdrawn) {
                trunc(out);
                return;
            }
            out.append("\n\t  Withdrawn routes:");
            boolean addPath = nlri.checkAddPath(p, withdrawn, 32);
            while (withdrawn != 0) {
                long pathId = 0;
                if (addPath) {
                    if (withdrawn < 4) {
                        p += withdrawn;
                        left -= withdrawn;
                        break;
                    }
                    pathId = bytes.u32(p);
                    p += 4;
                    left -= 4;
                    withdrawn -= 4;
                }
                int used = route4(p, withdrawn, addPath, pathId, out);
                if (used == BgpNlri.ILLEGAL) break;
                if (used < 0) return;
                p += used;
                left -= used;
                withdrawn -= used;
            }
        } else {
            if (!bytes.has(p, withdrawn) || left < withdrawn) {
                trunc(out);
                return;
            }
            p += withdrawn;
            left -= withdrawn;
        }
        if (!bytes.has(p, 2) || left < 2) {
            trunc(out);
            return;
        }
        int attributesLength = bytes.u16(p);
        p += 2;
        left -= 2;
        if (withdrawn == 0 && attributesLength == 0 && left == 0) {
            out.append("\n\t  End-of-Rib Marker (empty NLRI)");
            return;
        }
        if (attributesLength != 0) {
            if (left < attributesLength) {
                trunc(out);
                return;
            }
            int remaining = attributesLength;
            while (remaining != 0) {
                if (!bytes.has(p, 2) || left < 2) {
                    trunc(out);
                    return;
                }
                if (remaining < 2) {
                    out.append("\n\t  [path attrs too short]");
                    p += remaining;
                    left -= remaining;
                    break;
                }
                int flags = bytes.u8(p);
                int type = bytes.u8(p + 1);
                p += 2;
                remaining -= 2;
                left -= 2;
                int lengthLength = BgpAttributes.lengthLength(flags);
                if (!bytes.has(p, lengthLength) || left < lengthLength) {
                    trunc(out);
                    return;
                }
                if (remaining < lengthLength) {
                    out.append("\n\t  [path attrs too short]");
                    p += remaining;
                    left -= remaining;
                    break;
                }
                int attributeLength = lengthLength == 2 ? bytes.u16(p) : bytes.u8(p);
                p += lengthLength;
                remaining -= lengthLength;
                left -= lengthLength;
                BgpAttributes.header(out, "\n\t  ", type, attributeLength);
                if (flags != 0) {
                    BgpAttributes.flags(out, flags);
                    out.append(": ");
                }
                if (remaining < attributeLength) {
                    out.append(" [path attrs too short]");
                    p += remaining;
                    left -= remaining;
                    break;
                }
                if (left < attributeLength || !attributes.print(type, p, attributeLength, 0, out)) {
                    trunc(out);
                    return;
                }
                p += attributeLength;
                remaining -= attributeLength;
                left -= attributeLength;
            }
        }
        if (left != 0) {
            boolean addPath = nlri.checkAddPath(p, left, 32);
            out.append("\n\t  Updated routes:");
            while (left != 0) {
                long pathId = 0;
                if (addPath) {
                    if (!bytes.has(p, 4) || left < 4) {
                        trunc(out);
                        return;
                    }
                    pathId = bytes.u32(p);
                    p += 4;
                    left -= 4;
                }
                int used = route4(p, left, addPath, pathId, out);
                if (used == BgpNlri.ILLEGAL) break;
                if (used < 0) return;
                p += used;
                left -= used;
            }
        }
    }

    /**
     * One IPv4 route of an UPDATE's withdrawn or updated list on a line of its own, with its path id under ADD-PATH.
     * Returns the prefix's length in bytes; {@link BgpNlri#ILLEGAL} once that is said (the list stops there), another
     * negative once the message is marked truncated (it stops there).
     */
    private int route4(int p, long budget, boolean addPath, long pathId, StringBuilder out) {
        int used = nlri.prefix4(p, budget);
        if (used == BgpNlri.ILLEGAL) {
            out.append("\n\t    (illegal prefix length)");
        } else if (used < 0) {
            trunc(out);
        } else {
            out.append("\n\t    ").append(nlri.text());
            if (addPath) Text.u32(out.append("   Path Id: "), pathId);
        }
        return used;
    }

    private void notification(int at, int length, StringBuilder out) {
        if (!bytes.has(at, NOTIFICATION_SIZE)) {
            trunc(out);
            return;
        }
        if (length < NOTIFICATION_SIZE) return;
        int major = bytes.u8(at + 19);
        int minor = bytes.u8(at + 20);
        String majorName = BgpNames.errorCode(major);
        out.append(", ").append(majorName != null ? majorName : "Unknown Error").append(" (").append(major).append(')');
        String[] subcodes = BgpNames.errorSubcodes(major);
        if (subcodes == null) return;
        String minorName = BgpNames.entry(subcodes, minor);
        // tcpdump writes no comma before the subcode of FSM and capability errors
        out.append(major == 5 || major == 7 ? " subcode " : ", subcode ").append(minorName != null ? minorName : "Unknown")
            .append(" (").append(minor).append(')');
        if (major != CEASE) return;
        int data = at + NOTIFICATION_SIZE;
        if (minor == CEASE_MAX_PREFIXES && length >= NOTIFICATION_SIZE + 7) {
            int afi = bytes.u16(data);
            int safi = bytes.u8(data + 2);
            long max = bytes.u32(data + 3);
            out.append(", AFI ");
            BgpNames.familyAndNumber(out, BgpNames.family(afi), afi);
            out.append(", SAFI ");
            BgpNames.familyAndNumber(out, BgpNames.subsequentFamily(safi), safi);
            Text.u32(out.append(", Max Prefixes: "), max);
        }
        if ((minor == CEASE_SHUTDOWN || minor == CEASE_RESET) && length >= NOTIFICATION_SIZE + 1) {
            int textLength = bytes.u8(data);
            int used = 0;
            if (textLength > length - (NOTIFICATION_SIZE + 1)) {
                out.append(", invalid Shutdown Communication length");
            } else if (textLength == 0) {
                out.append(", empty Shutdown Communication");
                used = 1;
            } else {
                out.append(", Shutdown Communication (length: ").append(textLength).append("): \"");
                bytes.printn(out, data + 1, textLength);
                out.append('"');
                used = textLength + 1;
            }
            int trailing = length - (used + NOTIFICATION_SIZE);
            if (trailing != 0) {
                out.append(", Data: (length: ").append(trailing).append(')');
                bytes.hexPrint(out, data + used, "\n\t\t", trailing);
            }
        }
    }

    private void routeRefresh(int at, int length, StringBuilder out) {
        if (!bytes.has(at, ROUTE_REFRESH_SIZE)) {
            trunc(out);
            return;
        }
        if (length < ROUTE_REFRESH_SIZE) return;
        int afi = bytes.u16(at + 19);
        int safi = bytes.u8(at + 22);
        out.append("\n\t  AFI ");
        BgpNames.familyAndNumber(out, BgpNames.family(afi), afi);
        out.append(", SAFI ");
        BgpNames.familyAndNumber(out, BgpNames.subsequentFamily(safi), safi);
        if (verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t  ", length);
    }
}
