package dev.fabricscope.print;

/**
 * The IntServ body (RFC 2210, 2215) RSVP's Sender TSpec, Adspec and Flowspec objects share, as tcpdump -v prints it
 * (print-rsvp.c): the message version, each service header, and each parameter with its known value (token bucket,
 * guaranteed-service rate, MTU, ...) or, at -v only, its bytes in hex. Bandwidths are IEEE floats in bytes per second,
 * printed as tcpdump's "%.10g Mbps" ({@link FloatText}).
 */
final class RsvpIntServ {
    private static final String PARAMETER_INDENT = "\n\t      ", VALUE_INDENT = "\n\t\t";
    private static final float BYTES_PER_MEGABIT = 125000;

    private final Verbosity verbosity;
    private final SnapshotBytes b;
    private final FloatText floats;

    RsvpIntServ(Verbosity verbosity, SnapshotBytes bytes, FloatText floats) {
        this.verbosity = verbosity;
        this.b = bytes;
        this.floats = floats;
    }

    /** An IntServ object's {@code len} bytes at {@code at} (4 at least); each service's parameters in turn. */
    void specs(int at, long len, String indent, StringBuilder out) {
        out.append(indent).append("  Msg-Version: ").append((b.u8(at) & 0xf0) >>> 4)
            .append(", length: ").append(b.u16(at + 2) << 2);
        at += 4;
        len -= 4;
        while (len >= 4) {
            long serviceLength = (long) b.u16(at + 2) << 2;
            int type = b.u8(at);
            out.append(indent).append("  Service Type: ").append(RsvpNames.intServService(type)).append(" (")
                .append(type).append("), break bit ").append((b.u8(at + 1) & 0x80) != 0 ? "" : "not ")
                .append("set, Service length: ").append(serviceLength);
            at += 4;
            len -= 4;
            while (serviceLength >= 4) {
                int used = parameter(at, len, out);
                if (used == 0) break;
                len -= used;
                serviceLength = (serviceLength - used) & 0xffffffffL;   // tcpdump's unsigned count may wrap
                at += used;
            }
        }
    }

    /** One parameter in the {@code len} bytes left of the object; the bytes it took, 0 where tcpdump stops. */
    private int parameter(int at, long len, StringBuilder out) {
        if (len < 4) return 0;
        int id = b.u8(at);
        int length = b.u16(at + 2) << 2;
        out.append(PARAMETER_INDENT).append("Parameter ID: ").append(RsvpNames.intServParameter(id)).append(" (")
            .append(id).append("), length: ").append(length).append(", Flags: [0x");
        Text.hex(out, b.u8(at + 1), 2);
        out.append(']');
        if (len < length + 4L) return 0;
        int value = at + 4;
        switch (id) {
            case 4 -> {
                if (length == 4) out.append(VALUE_INDENT).append("IS hop count: ").append(b.u32(value));
            }
            case 6 -> {
                if (length == 4) megabits(out.append(VALUE_INDENT).append("Path b/w estimate: "), value);
            }
            case 8 -> {
                if (length == 4) {
                    long latency = b.u32(value);
                    out.append(VALUE_INDENT).append("Minimum path latency: ");
                    if (latency == 0xffffffffL) out.append("don't care");
                    else out.append(latency);
                }
            }
            case 10 -> {
                if (length == 4) {
                    out.append(VALUE_INDENT).append("Composed MTU: ").append(b.u32(value)).append(" bytes");
                }
            }
            case 127 -> {
                if (length == 20) {
                    megabits(out.append(VALUE_INDENT).append("Token Bucket Rate: "), value);
                    floats.g10(out.append(VALUE_INDENT).append("Token Bucket Size: "), floatAt(value + 4));
                    out.append(" bytes");
                    megabits(out.append(VALUE_INDENT).append("Peak Data Rate: "), value + 8);
                    out.append(VALUE_INDENT).append("Minimum Policed Unit: ").append(b.u32(value + 12))
                        .append(" bytes").append(VALUE_INDENT).append("Maximum Packet Size: ").append(b.u32(value + 16))
                        .append(" bytes");
                }
            }
            case 130 -> {
                if (length == 8) {
                    megabits(out.append(VALUE_INDENT).append("Rate: "), value);
                    out.append(VALUE_INDENT).append("Slack Term: ").append(b.u32(value + 4));
                }
            }
            case 133, 134, 135, 136 -> {
                if (length == 4) out.append(VALUE_INDENT).append("Value: ").append(b.u32(value));
            }
            default -> {
                if (!verbosity.veryVerbose()) b.unknownData(out, value, VALUE_INDENT, length);
            }
        }
        return length + 4;
    }

    private float floatAt(int at) {
        return Float.intBitsToFloat((int) b.u32(at));
    }

    /** Bytes per second as megabits, computed in float as tcpdump does. */
    private void megabits(StringBuilder out, int at) {
        floats.g10(out, floatAt(at) / BYTES_PER_MEGABIT);
        out.append(" Mbps");
    }
}
