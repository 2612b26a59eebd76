package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * An M3UA message (RFC 4666) in an SCTP DATA chunk of payload protocol 3, as tcpdump 4.99's print-m3ua.c prints it
 * (SCTP calls it from -vv up): version 1 only (others print nothing), "\n\t\t" and the message class with its type's
 * name, then, where the header's length is the chunk's payload length, each parameter on a line of its own by name,
 * with its value for Network Appearance, Routing Context and Correlation ID and its length for all others. tcpdump
 * reads those values at the parameter's header, not after it (so a Routing Context prints as 0x00060008 followed by
 * nothing of its value), which is kept. A parameter past the capture ends the packet with " [|m3ua]".
 */
final class M3uaFormatter {
    private static final int VERSION = 1, HEADER = 8, PARAMETER_HEADER = 4;
    private static final int MGMT = 0, TRANSFER = 1, SSNM = 2, ASPSM = 3, ASPTM = 4, RKM = 9;
    private static final int ROUTING_CONTEXT = 0x0006, CORRELATION_ID = 0x0013, NETWORK_APPEARANCE = 0x0200;

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes b = new SnapshotBytes();

    M3uaFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /**
     * The message of {@code size} bytes at {@code off}; the capture counts up to {@code snapshotEnd}. False where
     * tcpdump's check past the capture ended the whole packet (" [|m3ua]" printed).
     */
    boolean format(Packet p, int snapshotEnd, int off, int size, StringBuilder out) {
        try (var _ = b.reading(p, snapshotEnd)) {
            message(off, size, out);
            return true;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "m3ua");
            return false;
        }
    }

    private void message(long off, long size, StringBuilder out) {
        if (size < HEADER) {
            invalid(off, size, out);
            return;
        }
        b.need(off, HEADER);
        if (b.u8(off) != VERSION) return;
        int messageClass = b.u8(off + 2);
        out.append("\n\t\t");
        appendClass(out, messageClass);
        if (hasTypes(messageClass)) {
            out.append(' ');
            appendType(out, messageClass, b.u8(off + 3));
            out.append(" Message");
        }
        long length = b.u32(off + 4);
        if (size != length) {
            out.append("\n\t\t\t@@@@@@ Corrupted length ").append(length).append(" of message @@@@@@");
        } else {
            parameters(off + HEADER, length - HEADER, out);
        }
    }

    /** The parameters, each padded to 4 bytes from the first; one that does not fit the message is invalid. */
    private void parameters(long buf, long size, StringBuilder out) {
        long end = buf + size;
        for (long p = buf; p < end; ) {
            if (p + PARAMETER_HEADER > end) {
                invalid(buf, size, out);
                return;
            }
            int tag = b.u16(p);
            out.append("\n\t\t\t");
            appendParameterName(out, tag);
            out.append(": ");
            int length = b.u16(p + 2);
            if (length < PARAMETER_HEADER) {
                invalid(buf, size, out);
                return;
            }
            int align = (int) ((p + length - buf) % 4);
            if (align != 0) align = 4 - align;
            b.need(p, length + align);
            value(p, tag, length - PARAMETER_HEADER, out);
            p += length + align;
        }
    }

    private void value(long p, int tag, int size, StringBuilder out) {
        switch (tag) {
            case NETWORK_APPEARANCE, ROUTING_CONTEXT, CORRELATION_ID -> {
                if (size < 4) {
                    invalid(p, size, out);
                    return;
                }
                out.append("0x");
                Text.hex(out, b.u32(p), 8);   // tcpdump's read starts at the parameter's header
            }
            default -> out.append("(length ").append(size + PARAMETER_HEADER).append(')');
        }
        b.need(p, size);
    }

    /** tcpdump's nd_print_invalid, then its check that the part complained about was captured. */
    private void invalid(long at, long size, StringBuilder out) {
        out.append(" (invalid)");
        b.need(at, size);
    }

    private static boolean hasTypes(int messageClass) {
        return switch (messageClass) {
            case MGMT, TRANSFER, SSNM, ASPSM, ASPTM, RKM -> true;
            default -> false;
        };
    }

    private static void appendClass(StringBuilder out, int messageClass) {
        String name = switch (messageClass) {
            case MGMT -> "Management";
            case TRANSFER -> "Transfer";
            case SSNM -> "SS7";
            case ASPSM, ASPTM -> "ASP";
            case RKM -> "Routing Key Management";
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown message class ").append(messageClass);
        }
    }

    private static void appendType(StringBuilder out, int messageClass, int type) {
        String name = switch (messageClass) {
            case MGMT -> switch (type) {
                case 0 -> "Error";
                case 1 -> "Notify";
                default -> null;
            };
            case TRANSFER -> type == 1 ? "Data" : null;
            case SSNM -> switch (type) {
                case 1 -> "Destination Unavailable";
                case 2 -> "Destination Available";
                case 3 -> "Destination State Audit";
                case 4 -> "Signalling Congestion";
                case 5 -> "Destination User Part Unavailable";
                case 6 -> "Destination Restricted";
                default -> null;
            };
            case ASPSM -> switch (type) {
                case 1 -> "Up";
                case 2 -> "Down";
                case 3 -> "Heartbeat";
                case 4 -> "Up Acknowledgement";
                case 5 -> "Down Acknowledgement";
                case 6 -> "Heartbeat Acknowledgement";
                default -> null;
            };
            case ASPTM -> switch (type) {
                case 1 -> "Active";
                case 2 -> "Inactive";
                case 3 -> "Active Acknowledgement";
                case 4 -> "Inactive Acknowledgement";
                default -> null;
            };
            case RKM -> switch (type) {
                case 1 -> "Registration Request";
                case 2 -> "Registration Response";
                case 3 -> "Deregistration Request";
                case 4 -> "Deregistration Response";
                default -> null;
            };
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown (0x");
            Text.hex(out, type, 2);
            out.append(')');
        }
    }

    private static void appendParameterName(StringBuilder out, int tag) {
        String name = switch (tag) {
            case 0x0004 -> "INFO String";
            case ROUTING_CONTEXT -> "Routing Context";
            case 0x0007 -> "Diagnostic Info";
            case 0x0009 -> "Heartbeat Data";
            case 0x000b -> "Traffic Mode Type";
            case 0x000c -> "Error Code";
            case 0x000d -> "Status";
            case 0x0011 -> "ASP Identifier";
            case 0x0012 -> "Affected Point Code";
            case CORRELATION_ID -> "Correlation ID";
            case NETWORK_APPEARANCE -> "Network Appearance";
            case 0x0204 -> "User/Cause";
            case 0x0205 -> "Congestion Indications";
            case 0x0206 -> "Concerned Destination";
            case 0x0207 -> "Routing Key";
            case 0x0208 -> "Registration Result";
            case 0x0209 -> "Deregistration Result";
            case 0x020a -> "Local Routing Key Identifier";
            case 0x020b -> "Destination Point Code";
            case 0x020c -> "Service Indicators";
            case 0x020e -> "Originating Point Code List";
            case 0x0210 -> "Protocol Data";
            case 0x0212 -> "Registration Status";
            case 0x0213 -> "Deregistration Status";
            default -> null;
        };
        if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown Parameter (0x");
            Text.hex(out, tag, 4);
            out.append(')');
        }
    }
}
