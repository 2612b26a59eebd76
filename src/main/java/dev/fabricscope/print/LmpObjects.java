package dev.fabricscope.print;

import static dev.fabricscope.print.LmpNames.*;

/**
 * The bodies of LMP objects as tcpdump 4.99 prints them with -v (print-lmp.c): identifiers (control channel, node,
 * link, interface, message), Hello configuration and Hello, link verification (Begin Verify, its ACK, Verify ID), TE
 * Link and Data Link (with its Interface Switching Type and Wavelength subobjects), Channel Status and its request,
 * Error Code and OIF UNI 1.0's Service Config. A body of the wrong length for its C-Type prints
 * " (not correct for object)". Bandwidths are IEEE floats of bytes per second printed as tcpdump's "%.3f" of
 * megabits ({@link BgpAttributes#fixed3}). The caller has checked that the whole object was captured; only a Data
 * Link subobject's fields can lie past it (tcpdump reads them whatever the subobject's length), so those reads jump.
 */
final class LmpObjects {
    /** Where the lines of fields and of hex dumps start. */
    static final String INDENT = "\n\t    ";
    private static final String NOT_CORRECT = " (not correct for object)";

    private final SnapshotBytes b;

    LmpObjects(SnapshotBytes bytes) {
        this.b = bytes;
    }

    /** The body of an object: {@code len} bytes at {@code at}; true when tcpdump dumps it in hex afterwards. */
    boolean print(int classNum, int ctype, int at, int len, StringBuilder out) {
        return switch (classNum) {
            case CC_ID -> ctype == 1 || ctype == 2 ? number("Control Channel ID: ", at, len, out) : true;
            case LINK_ID, INTERFACE_ID -> linkId(ctype, at, len, out);
            case MESSAGE_ID -> switch (ctype) {
                case 1 -> number("Message ID: ", at, len, out);
                case 2 -> number("Message ID Ack: ", at, len, out);
                default -> true;
            };
            case NODE_ID -> {
                if (ctype != 1 && ctype != 2) yield true;
                if (len == 4) address4("Node ID: ", at, out);
                else out.append(NOT_CORRECT);
                yield false;
            }
            case CONFIG -> ctype == 1 ? helloConfig(at, len, out) : true;
            case HELLO -> ctype == 1 ? hello(at, len, out) : true;
            case TE_LINK -> teLink(ctype, at, len, out);
            case DATA_LINK -> dataLink(ctype, at, len, out);
            case VERIFY_BEGIN -> ctype == 1 ? beginVerify(at, len, out) : true;
            case VERIFY_BEGIN_ACK -> ctype == 1 ? beginVerifyAck(at, len, out) : true;
            case VERIFY_ID -> {
                if (ctype != 1) yield true;
                if (len == 4) Text.u32(out.append(INDENT).append("Verify ID: "), b.u32(at));
                else out.append(NOT_CORRECT);
                yield false;
            }
            case CHANNEL_STATUS -> channelStatus(ctype, at, len, out);
            case CHANNEL_STATUS_REQUEST -> channelStatusRequest(ctype, at, len, out);
            case ERROR_CODE -> switch (ctype) {
                case 1 -> errorCode(BEGIN_VERIFY_ERROR_BITS, BEGIN_VERIFY_ERRORS, at, len, out);
                case 2 -> errorCode(LINK_SUMMARY_ERROR_BITS, LINK_SUMMARY_ERRORS, at, len, out);
                default -> true;
            };
            case SERVICE_CONFIG -> LmpServiceConfig.print(b, ctype, at, len, out);
            default -> true;   // tcpdump dumps an unknown class once whatever the verbosity
        };
    }

    /** "name%u (0x%08x)" of a 4-byte body. */
    private boolean number(String name, int at, int len, StringBuilder out) {
        if (len != 4) {
            out.append(NOT_CORRECT);
            return false;
        }
        long value = b.u32(at);
        numberAndHex(out.append(INDENT).append(name), value);
        return false;
    }

    private static void numberAndHex(StringBuilder out, long value) {
        Text.u32(out, value);
        hex8(out.append(" (0x"), value);
        out.append(')');
    }

    private static void hex8(StringBuilder out, long value) {
        Text.hex(out, value, 8);
    }

    /** "name%s (0x%08x)" of the IPv4 address at {@code at}. */
    private void address4(String name, int at, StringBuilder out) {
        b.ip4(out.append(INDENT).append(name), at);
        hex8(out.append(" (0x"), b.u32(at));
        out.append(')');
    }

    /** As {@link #address4}, an IPv6 address and the hex of its first four bytes. */
    private void address6(String name, int at, StringBuilder out) {
        b.ip6(out.append(INDENT).append(name), at);
        hex8(out.append(" (0x"), b.u32(at));
        out.append(')');
    }

    /** Link ID and Interface ID share C-Types and tcpdump's text ("Link ID" for both). */
    private boolean linkId(int ctype, int at, int len, StringBuilder out) {
        switch (ctype) {
            case 1, 2 -> {
                if (len == 4) address4("IPv4 Link ID: ", at, out);
                else out.append(NOT_CORRECT);
            }
            case 3, 4 -> {
                if (len == 16) address6("IPv6 Link ID: ", at, out);
                else out.append(NOT_CORRECT);
            }
            case 5, 6 -> number("Link ID: ", at, len, out);
            default -> {
                return true;
            }
        }
        return false;
    }

    private boolean helloConfig(int at, int len, StringBuilder out) {
        if (len != 4) {
            out.append(NOT_CORRECT);
            return false;
        }
        out.append(INDENT).append("Hello Interval: ").append(b.u16(at)).append(INDENT).append("Hello Dead Interval: ")
            .append(b.u16(at + 2));
        return false;
    }

    private boolean hello(int at, int len, StringBuilder out) {
        if (len != 8) {
            out.append(NOT_CORRECT);
            return false;
        }
        Text.u32(out.append(INDENT).append("Tx Seq: "), b.u32(at));
        Text.u32(out.append(", Rx Seq: "), b.u32(at + 4));
        return false;
    }

    /** IPv4 (12 bytes), IPv6 (36) or unnumbered (12): flags, then the local and remote link IDs. */
    private boolean teLink(int ctype, int at, int len, StringBuilder out) {
        if (ctype < 1 || ctype > 3) return true;
        if (len != (ctype == 2 ? 36 : 12)) {
            out.append(NOT_CORRECT);
            return false;
        }
        flags(TE_LINK_FLAG_BITS, TE_LINK_FLAGS, at, out);
        identifiers(ctype, "Local Link-ID: ", "Remote Link-ID: ", at + 4, out);
        return false;
    }

    /** As a TE Link (at least its length), then subobjects; true when one is of an unknown type. */
    private boolean dataLink(int ctype, int at, int len, StringBuilder out) {
        if (ctype < 1 || ctype > 3) return true;
        int fixed = ctype == 2 ? 36 : 12;
        if (len < fixed) {
            out.append(NOT_CORRECT);
            return false;
        }
        flags(DATA_LINK_FLAG_BITS, DATA_LINK_FLAGS, at, out);
        identifiers(ctype, "Local Interface ID: ", "Remote Interface ID: ", at + 4, out);
        return subobjects(at + fixed, len - fixed, out);
    }

    private void flags(long[] bits, String[] names, int at, StringBuilder out) {
        out.append(INDENT).append("Flags: [");
        Icmp6Formatter.flagNames(out, b.u8(at), bits, names);
        out.append(']');
    }

    /** A local and a remote identifier: IPv4 addresses (C-Type 1), IPv6 (2) or numbers (3). */
    private void identifiers(int ctype, String local, String remote, int at, StringBuilder out) {
        switch (ctype) {
            case 1 -> {
                address4(local, at, out);
                address4(remote, at + 4, out);
            }
            case 2 -> {
                address6(local, at, out);
                address6(remote, at + 16, out);
            }
            default -> {
                number(local, at, 4, out);
                number(remote, at + 4, 4, out);
            }
        }
    }

    /**
     * Data Link subobjects in {@code left} bytes at {@code at}: a bad length ends them; an unknown type ends them
     * and asks for the dump. The fields are read at fixed offsets whatever the subobject's own length.
     */
    private boolean subobjects(int at, int left, StringBuilder out) {
        while (left > 0) {
            int type = b.u8(at), length = b.u8(at + 1);
            out.append(INDENT).append("Subobject, Type: ").append(dataLinkSubobject(type)).append(" (").append(type)
                .append("), Length: ").append(length);
            if (length < 4) {
                out.append(" (too short)");
                return false;
            }
            if (length % 4 != 0) {
                out.append(" (not a multiple of 4)");
                return false;
            }
            if (left < length) {
                out.append(" (goes past the end of the object)");
                return false;
            }
            switch (type) {
                case 1 -> {
                    int switching = b.u8(at + 2);
                    out.append(INDENT).append("  Switching Type: ").append(GmplsNames.switchingCapability(switching))
                        .append(" (").append(switching).append(')');
                    int encoding = b.u8(at + 3);
                    out.append(INDENT).append("  Encoding Type: ").append(GmplsNames.lspEncoding(encoding))
                        .append(" (").append(encoding).append(')');
                    // these may lie past the subobject and the capture: each is fetched before its line
                    long min = b.u32(at + 4);
                    megabits(out.append(INDENT).append("  Min Reservable Bandwidth: "), min);
                    long max = b.u32(at + 8);
                    megabits(out.append(INDENT).append("  Max Reservable Bandwidth: "), max);
                }
                case 2 -> {
                    long wavelength = b.u32(at + 4);
                    Text.u32(out.append(INDENT).append("  Wavelength: "), wavelength);
                }
                default -> {
                    return true;
                }
            }
            left -= length;
            at += length;
        }
        return false;
    }

    /** An IEEE float of bytes per second as tcpdump's "%.3f Mbps" (computed in float, as tcpdump does). */
    private static void megabits(StringBuilder out, long bits) {
        BgpAttributes.fixed3(out, Float.intBitsToFloat((int) bits) * 8 / 1000000);
        out.append(" Mbps");
    }

    private boolean beginVerify(int at, int len, StringBuilder out) {
        if (len != 20) {
            out.append(NOT_CORRECT);
            return false;
        }
        out.append(INDENT).append("Flags: ");
        Icmp6Formatter.flagNames(out, b.u16(at), BEGIN_VERIFY_FLAG_BITS, BEGIN_VERIFY_FLAGS);
        out.append(INDENT).append("Verify Interval: ").append(b.u16(at + 2));
        Text.u32(out.append(INDENT).append("Data links: "), b.u32(at + 4));
        out.append(INDENT).append("Encoding type: ").append(GmplsNames.lspEncoding(b.u8(at + 8)));
        int mechanism = b.u16(at + 10);
        out.append(INDENT).append("Verify Transport Mechanism: ").append(mechanism).append(" (0x");
        Text.hex(out, mechanism);
        out.append(')');
        // tcpdump tests the decimal 8000 (0x1f40), not bit 0x8000
        if ((mechanism & 8000) != 0) out.append(" (Payload test messages capable)");
        megabits(out.append(INDENT).append("Transmission Rate: "), b.u32(at + 12));
        Text.u32(out.append(INDENT).append("Wavelength: "), b.u32(at + 16));
        return false;
    }

    private boolean beginVerifyAck(int at, int len, StringBuilder out) {
        if (len != 4) {
            out.append(NOT_CORRECT);
            return false;
        }
        out.append(INDENT).append("Verify Dead Interval: ").append(b.u16(at)).append(INDENT)
            .append("Verify Transport Response: ").append(b.u16(at + 2));
        return false;
    }

    /** Pairs of an interface ID (4 bytes, or 16 for IPv6) and its status word, as many as fit. */
    private boolean channelStatus(int ctype, int at, int len, StringBuilder out) {
        if (ctype < 1 || ctype > 3) return true;
        int idLength = ctype == 2 ? 16 : 4;
        for (int off = 0; off + idLength + 4 <= len; off += idLength + 4) {
            interfaceId(ctype, at + off, out);
            long status = b.u32(at + off + idLength);
            out.append("\n\t\t    Active: ").append(status >>> 31 != 0 ? "Allocated" : "Non-allocated").append(" (")
                .append(status >>> 31).append(')');
            long direction = status >>> 30 & 1;
            out.append("\n\t\t    Direction: ").append(direction != 0 ? "Transmit" : "Receive").append(" (")
                .append(direction).append(')');
            long channel = status & 0x3ffffff;   // tcpdump's mask: 26 bits, not the 30 of RFC 4204
            out.append("\n\t\t    Channel Status: ").append(LmpNames.channelStatus(channel)).append(" (").append(channel)
                .append(')');
        }
        return false;
    }

    /** Interface IDs (4 bytes, or 16 for IPv6), as many as fit. */
    private boolean channelStatusRequest(int ctype, int at, int len, StringBuilder out) {
        if (ctype < 1 || ctype > 3) return true;
        int idLength = ctype == 2 ? 16 : 4;
        for (int off = 0; off + idLength <= len; off += idLength) interfaceId(ctype, at + off, out);
        return false;
    }

    private void interfaceId(int ctype, int at, StringBuilder out) {
        switch (ctype) {
            case 1 -> address4("Interface ID: ", at, out);
            case 2 -> address6("Interface ID: ", at, out);
            default -> number("Interface ID: ", at, 4, out);
        }
    }

    private boolean errorCode(long[] bits, String[] names, int at, int len, StringBuilder out) {
        if (len != 4) {
            out.append(NOT_CORRECT);
            return false;
        }
        out.append(INDENT).append("Error Code: ");
        Icmp6Formatter.flagNames(out, b.u32(at), bits, names);
        return false;
    }
}
