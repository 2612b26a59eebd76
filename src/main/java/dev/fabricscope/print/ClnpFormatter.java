package dev.fabricscope.print;

/**
 * CLNP (ISO 8473, NLPID 0x81) as tcpdump 4.99 prints it (print-isoclns.c's clnp_print): by default "CLNP, 49.0001
 * > 49.0002, Data, length 60" (source and destination NSAPs); with -v the header (lifetime, segment length,
 * checksum verified), flags, addresses, segmentation part and options (source routing and route recording, priority,
 * QoS maintenance, security, discard reason, padding; others in hex), then the data in hex, or for an error report
 * (and an echo response) carrying a CLNP header the original PDU. With -vv each option is dumped too. Some of
 * tcpdump's quirks are kept: a source route's NSAP list repeats its first entry.
 *
 * <p>Where tcpdump checks the capture before it reads, this printer prints " [|clnp]" itself; a read past the capture
 * jumps out ({@link BgpBytes}) and {@link OsiFormatter} prints the marker. The original PDU of an error report is
 * printed in a loop, not by recursion as in tcpdump, so that a PDU of nested reports cannot overflow the stack. One
 * per {@link OsiFormatter}; allocates nothing.
 */
final class ClnpFormatter {
    private static final int HEADER = 9, SEGMENT_PART = 6;
    private static final int ERROR_REPORT = 1, ECHO_RESPONSE = 31;
    private static final int FLAG_SEGMENTATION = 0x80;
    private static final int DISCARD_REASON = 193, QOS_MAINTENANCE = 195, SECURITY = 197, SOURCE_ROUTING = 200,
        ROUTE_RECORDING = 203, PADDING = 204, PRIORITY = 205;
    private static final int SCOPE_GLOBAL = 0xc0;
    private static final int[] FLAGS = {0x80, 0x40, 0x20};
    private static final String[] FLAG_NAMES = {"Segmentation permitted", "more Segments", "request Error Report"};
    private static final int[] QOS_FLAGS = {0x20, 0x10, 0x08, 0x04, 0x02, 0x01};
    private static final String[] QOS_FLAG_NAMES = {"reserved", "sequencing vs. delay", "congested", "delay vs. cost",
        "error vs. delay", "error vs. cost"};

    /** What one PDU's printing came to. */
    private enum Result { FAILED, DONE, ORIGINAL_PDU }

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final BgpBytes b;
    /** Where the original PDU of an error report starts, and its length, after {@link Result#ORIGINAL_PDU}. */
    private int nextPdu, nextLength;

    ClnpFormatter(Verbosity verbosity, boolean linkHeaders, BgpBytes bytes) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.b = bytes;
    }

    /**
     * The PDU at {@code p} (its NLPID byte), {@code length} bytes on the wire. False where tcpdump's clnp_print fails
     * (an unsupported header): the caller then dumps the PDU in hex.
     */
    boolean print(StringBuilder out, int p, int length) {
        Result result = pdu(out, p, length);
        boolean ok = result != Result.FAILED;
        while (result == Result.ORIGINAL_PDU) {   // the original PDU's own result does not matter to tcpdump
            out.append("\n\t-----original packet-----\n\t");
            result = pdu(out, nextPdu, nextLength);
        }
        return ok;
    }

    private Result pdu(StringBuilder out, int p, int length) {
        if (!b.has(p, HEADER)) return trunc(out);
        int li = b.u8(p + 1);
        if (!linkHeaders) out.append("CLNP");
        int version = b.u8(p + 2);
        if (version != 1) {
            out.append("version ").append(version).append(" packet not supported");
            return Result.FAILED;
        }
        if (Integer.compareUnsigned(li, length) > 0) {
            out.append(" length indicator(").append(li).append(") > PDU size (").append(Integer.toUnsignedLong(length))
                .append(")!");
            return Result.FAILED;
        }
        if (li < HEADER) {
            out.append(" length indicator ").append(li).append(" < min PDU size:");
            for (int at = p; at < b.end(); at++) LldpText.upperHexByte(out, b.u8(at));
            return Result.FAILED;
        }
        int typeByte = b.u8(p + 4);
        int type = typeByte & 0x1f, flags = typeByte & 0xe0;
        int at = p + HEADER;
        int left = li - HEADER;
        if (left < 1) return addressesTooLong(out);
        int dstLength = b.u8(at);
        at++;
        left--;
        if (left < dstLength) return addressesTooLong(out);
        if (!b.has(at, dstLength)) return trunc(out);
        int dst = at;
        at += dstLength;
        left -= dstLength;
        if (left < 1) return addressesTooLong(out);
        int srcLength = b.u8(at);
        at++;
        left--;
        if (left < srcLength) return addressesTooLong(out);
        if (!b.has(at, srcLength)) return trunc(out);
        int src = at;
        at += srcLength;
        left -= srcLength;
        String separator = linkHeaders ? "" : ", ";
        if (!verbosity.verbose()) {
            out.append(separator);
            b.nsap(out, src, srcLength);
            out.append(" > ");
            b.nsap(out, dst, dstLength);
            out.append(", ");
            typeName(out, type);
            out.append(", length ").append(Integer.toUnsignedLong(length));
            return Result.DONE;
        }
        out.append(separator).append("length ").append(Integer.toUnsignedLong(length)).append("\n\t");
        typeName(out, type);
        int lifetime = b.u8(p + 3), checksum = b.u16(p + 7);
        out.append(" PDU, hlen: ").append(li).append(", v: ").append(version).append(", lifetime: ")
            .append(lifetime / 2).append('.').append(lifetime % 2 * 5).append("s, Segment PDU length: ")
            .append(b.u16(p + 5)).append(", checksum: 0x");
        Text.hex(out, checksum, 4);
        OsiFields.checksum(out, b, p, checksum, 7, li);
        out.append("\n\tFlags [");
        LldpText.bits(out, flags, FLAGS, FLAG_NAMES, "none");
        out.append("]\n\tsource address (length ").append(srcLength).append("): ");
        b.nsap(out, src, srcLength);
        out.append("\n\tdest   address (length ").append(dstLength).append("): ");
        b.nsap(out, dst, dstLength);
        if ((flags & FLAG_SEGMENTATION) != 0) {
            if (left < SEGMENT_PART) {
                out.append("li < size of fixed part of CLNP header, addresses, and segment part");
                return Result.FAILED;
            }
            if (!b.has(at, SEGMENT_PART)) return trunc(out);
            out.append("\n\tData Unit ID: 0x");
            Text.hex(out, b.u16(at), 4);
            out.append(", Segment Offset: ").append(b.u16(at + 2)).append(", Total PDU Length: ")
                .append(b.u16(at + 4));
            at += SEGMENT_PART;
            left -= SEGMENT_PART;
        }
        while (left != 0) {
            if (left < 2) {
                out.append(", bad opts/li");
                return Result.FAILED;
            }
            int op = b.u8(at), opli = b.u8(at + 1);
            at += 2;
            left -= 2;
            if (opli > left) {
                out.append(", opt (").append(op).append(") too long");
                return Result.FAILED;
            }
            if (!b.has(at, opli)) return trunc(out);
            left -= opli;
            out.append("\n\t  ").append(optionName(op)).append(" Option #").append(op).append(", length ")
                .append(opli).append(", value: ");
            if (!option(out, op, at, opli)) return Result.FAILED;
            if (verbosity.veryVerbose()) b.unknownData(out, at, "\n\t  ", opli);
            at += opli;
        }
        if ((type == ERROR_REPORT || type == ECHO_RESPONSE) && b.u8(at) == 0x81) {
            nextPdu = at;
            nextLength = length - li;
            return Result.ORIGINAL_PDU;
        }
        long header = at - p;
        if (Integer.toUnsignedLong(length) > header) {
            out.append("\n\t  undecoded non-header data, length ").append(Integer.toUnsignedLong(length - li));
            b.unknownData(out, at, "\n\t  ", Integer.toUnsignedLong(length) - header);
        }
        return Result.DONE;
    }

    /** One option's value (the whole option was captured); false where tcpdump gives up on the PDU. */
    private boolean option(StringBuilder out, int op, int t, int tlen) {
        switch (op) {
            case ROUTE_RECORDING, SOURCE_ROUTING -> {
                if (tlen < 2) return badLength(out);
                int complete = b.u8(t);
                out.append(complete == 0 ? "partial" : complete == 1 ? "complete" : "Unknown").append(' ')
                    .append(op == SOURCE_ROUTING ? "source routing" : "recording of route in progress");
                int offset = b.u8(t + 1);
                if (offset == 0) {
                    out.append(" Bad NSAP offset (0)");
                    return true;
                }
                offset--;   // to the NSAP list
                if (offset > tlen) {
                    out.append(" Bad NSAP offset (past end of option)");
                    return true;
                }
                t += offset;
                tlen -= offset;
                while (tlen > 0) {
                    int length = b.u8(t);
                    if (tlen < length + 1) {
                        out.append("\n\t    NSAP address goes past end of option");
                        break;
                    }
                    if (length > 0) {
                        b.need(t + 1, length);
                        out.append("\n\t    NSAP address (length ").append(length).append("): ");
                        b.nsap(out, t + 1, length);
                    }
                    tlen -= length + 1;   // tcpdump does not step to the next NSAP: the first one repeats
                }
            }
            case PRIORITY -> {
                if (tlen < 1) return badLength(out);
                out.append("0x");
                Text.hex(out, b.u8(t) & 0x0f);
            }
            case QOS_MAINTENANCE -> {
                if (tlen < 1) return badLength(out);
                int value = b.u8(t);
                out.append("\n\t    Format Code: ").append(scope(value & 0xc0));
                if ((value & 0xc0) == SCOPE_GLOBAL) {
                    out.append("\n\t    QoS Flags [");
                    LldpText.bits(out, value & 0x3f, QOS_FLAGS, QOS_FLAG_NAMES, "none");
                    out.append(']');
                }
            }
            case SECURITY -> {
                if (tlen < 2) return badLength(out);
                out.append("\n\t    Format Code: ").append(scope(b.u8(t) & 0xc0)).append(", Security-Level ")
                    .append(b.u8(t + 1));
            }
            case DISCARD_REASON -> {
                if (tlen < 1) return badLength(out);
                int error = b.u8(t);
                int major = error >> 4, minor = error & 0x0f;
                out.append("\n\t    Class: ").append(errorClass(major)).append(" Error (0x");
                Text.hex(out, major);
                out.append("), ").append(error(major, minor)).append(" (0x");
                Text.hex(out, minor);
                out.append(')');
            }
            case PADDING -> out.append("padding data");
            default -> b.unknownData(out, t, "\n\t  ", tlen);
        }
        return true;
    }

    private static boolean badLength(StringBuilder out) {
        out.append(", bad opt len");
        return false;
    }

    private static Result addressesTooLong(StringBuilder out) {
        out.append("li < size of fixed part of CLNP header and addresses");
        return Result.FAILED;
    }

    private static Result trunc(StringBuilder out) {
        out.append(" [|clnp]");
        return Result.DONE;
    }

    private static void typeName(StringBuilder out, int type) {
        switch (type) {
            case ERROR_REPORT -> out.append("Error Report");
            case 28 -> out.append("Data");
            case 29 -> out.append("MD");
            case 30 -> out.append("Echo Request");
            case ECHO_RESPONSE -> out.append("Echo Response");
            default -> out.append("unknown (").append(type).append(')');
        }
    }

    private static String optionName(int op) {
        return switch (op) {
            case DISCARD_REASON -> "Discard Reason";
            case PRIORITY -> "Priority";
            case QOS_MAINTENANCE -> "QoS Maintenance";
            case SECURITY -> "Security";
            case SOURCE_ROUTING -> "Source Routing";
            case ROUTE_RECORDING -> "Route Recording";
            case PADDING -> "Padding";
            default -> "Unknown";
        };
    }

    private static String scope(int scope) {
        return switch (scope) {
            case 0x40 -> "Source Address Specific";
            case 0x80 -> "Destination Address Specific";
            case SCOPE_GLOBAL -> "Globally unique";
            default -> "Reserved";
        };
    }

    private static String errorClass(int major) {
        return switch (major) {
            case 0x0 -> "General";
            case 0x8 -> "Address";
            case 0x9 -> "Source Routeing";
            case 0xa -> "Lifetime";
            case 0xb -> "PDU Discarded";
            case 0xc -> "Reassembly";
            default -> "Unknown";
        };
    }

    private static String error(int major, int minor) {
        String name = switch (major) {
            case 0x0 -> switch (minor) {
                case 0x0 -> "Reason not specified";
                case 0x1 -> "Protocol procedure error";
                case 0x2 -> "Incorrect checksum";
                case 0x3 -> "PDU discarded due to congestion";
                case 0x4 -> "Header syntax error (cannot be parsed)";
                case 0x5 -> "Segmentation needed but not permitted";
                case 0x6 -> "Incomplete PDU received";
                case 0x7 -> "Duplicate option";
                default -> null;
            };
            case 0x8 -> switch (minor) {
                case 0x0 -> "Destination address unreachable";
                case 0x1 -> "Destination address unknown";
                default -> null;
            };
            case 0x9 -> switch (minor) {
                case 0x0 -> "Unspecified source routeing error";
                case 0x1 -> "Syntax error in source routeing field";
                case 0x2 -> "Unknown address in source routeing field";
                case 0x3 -> "Path not acceptable";
                default -> null;
            };
            case 0xa -> switch (minor) {
                case 0x0 -> "Lifetime expired while data unit in transit";
                case 0x1 -> "Lifetime expired during reassembly";
                default -> null;
            };
            case 0xb -> switch (minor) {
                case 0x0 -> "Unsupported option not specified";
                case 0x1 -> "Unsupported protocol version";
                case 0x2 -> "Unsupported security option";
                case 0x3 -> "Unsupported source routeing option";
                case 0x4 -> "Unsupported recording of route option";
                default -> null;
            };
            case 0xc -> minor == 0 ? "Reassembly interference" : null;
            default -> null;
        };
        return name == null ? "Unknown" : name;
    }
}
