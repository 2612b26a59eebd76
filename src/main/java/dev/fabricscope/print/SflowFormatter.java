package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * sFlow version 5 (sflow.org's specification; UDP 6343) as tcpdump 4.99 prints it (print-sflow.c). By default the
 * datagram header only: {@code sFlowv5, IPv4 agent 10.0.0.1, agent-id 0, length 200}; other versions print
 * "sFlow version N packet not supported". With -v the header also gives the sequence number, uptime and sample count,
 * and every sample follows on its own line: flow and expanded flow samples, counter and expanded counter samples, each
 * with its records ({@link SflowRecords}); samples of other formats in hex (-v only, as tcpdump).
 *
 * <p>As tcpdump, an agent address type other than 1 is read as IPv6, a sample's printer is given the rest of the
 * datagram rather than the sample's own length, and an inconsistent length prints " (invalid)" and ends the decoding.
 * Every fetch past the capture (and a sample not captured whole) ends the packet with " [|sflow]" ({@link EarlyEnd}).
 * No known difference from tcpdump.
 */
final class SflowFormatter {
    static final int PORT = 6343;
    private static final int VERSION = 5;
    /** The datagram header with an IPv4 agent address, and with an IPv6 one. */
    private static final int HEADER_V4 = 28, HEADER_V6 = 40;
    private static final int SAMPLE_HEADER = 8;
    private static final int FLOW_SAMPLE = 1, COUNTER_SAMPLE = 2, EXPANDED_FLOW_SAMPLE = 3, EXPANDED_COUNTER_SAMPLE = 4;
    private static final int FLOW_SAMPLE_SIZE = 32, EXPANDED_FLOW_SAMPLE_SIZE = 44;
    private static final int COUNTER_SAMPLE_SIZE = 12, EXPANDED_COUNTER_SAMPLE_SIZE = 16;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final SflowRecords records;

    SflowFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.records = new SflowRecords(verbosity, bytes);
    }

    /** The datagram at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            datagram(off, Integer.toUnsignedLong(length), out);   // unsigned, as tcpdump's u_int (a jumbogram's)
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "sflow");
        }
    }

    private void datagram(long at, long length, StringBuilder out) {
        long addressType = bytes.u32(at + 4);
        if (length < HEADER_V4 && addressType == 1 || length < HEADER_V6 && addressType == 2) {
            out.append("sFlowv").append(bytes.u32(at)).append(" [length ").append(length).append(" < ")
                .append(HEADER_V4).append("] (invalid)");
            return;
        }
        bytes.need(at, HEADER_V4);
        long version = bytes.u32(at);
        if (version != VERSION) {
            out.append("sFlow version ").append(version).append(" packet not supported");
            return;
        }
        boolean v4 = addressType == 1;   // any other type is read as IPv6, as tcpdump
        int header = v4 ? HEADER_V4 : HEADER_V6;
        int agentId = v4 ? 12 : 24;
        if (!verbosity.verbose()) {
            agent(out.append("sFlowv").append(version).append(", "), at, v4);
            out.append(", agent-id ").append(bytes.u32(at + agentId)).append(", length ").append(length);
            return;
        }
        bytes.need(at, header);
        long samples = bytes.u32(at + agentId + 12);
        agent(out.append("sFlowv").append(version).append(", "), at, v4);
        out.append(", agent-id ").append(bytes.u32(at + agentId)).append(", seqnum ").append(bytes.u32(at + agentId + 4))
            .append(", uptime ").append(bytes.u32(at + agentId + 8)).append(", samples ").append(samples)
            .append(", length ").append(length);
        if (length < header) {
            out.append(" [tlen ").append(length).append(" < ").append(header).append(']');
            invalid(at, length, out);
            return;
        }
        samples(at + header, length - header, samples, out);
    }

    private void agent(StringBuilder out, long at, boolean v4) {
        if (v4) bytes.ip4(out.append("IPv4 agent "), at + 8);
        else bytes.ip6(out.append("IPv6 agent "), at + 8);
    }

    private void samples(long at, long left, long count, StringBuilder out) {
        for (; count > 0 && left > 0; count--) {
            long type = bytes.u32(at) & 0x0fff;
            long length = bytes.u32(at + 4);
            if (left < SAMPLE_HEADER) {
                invalid(at, left, out);
                return;
            }
            at += SAMPLE_HEADER;
            left -= SAMPLE_HEADER;
            out.append("\n\t").append(sampleName(type)).append(" (").append(type).append("), length ").append(length)
                .append(',');
            if (type == 0 || length == 0) return;
            if (left < length) {
                invalid(at, left, out);
                return;
            }
            bytes.need(at, length);   // the sample captured whole
            boolean valid = switch ((int) type) {
                case FLOW_SAMPLE -> flowSample(at, left, out);
                case COUNTER_SAMPLE -> counterSample(at, left, out);
                case EXPANDED_FLOW_SAMPLE -> expandedFlowSample(at, left, out);
                case EXPANDED_COUNTER_SAMPLE -> expandedCounterSample(at, left, out);
                default -> {
                    if (!verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t    ", length);
                    yield true;
                }
            };
            if (!valid) {
                invalid(at, left, out);
                return;
            }
            at += length;
            left -= length;
        }
    }

    /** tcpdump's "invalid" exit: the marker, then the truncation marker unless the rest was captured. */
    private void invalid(long at, long left, StringBuilder out) {
        out.append(" (invalid)");
        bytes.need(at, left);
    }

    private boolean flowSample(long at, long left, StringBuilder out) {
        if (left < FLOW_SAMPLE_SIZE) return false;
        bytes.need(at, FLOW_SAMPLE_SIZE);
        long count = bytes.u32(at + 28);
        out.append(" seqnum ").append(bytes.u32(at)).append(", type ").append(bytes.u8(at + 4))
            .append(", idx ").append(bytes.u24(at + 5)).append(", rate ").append(bytes.u32(at + 8))
            .append(", pool ").append(bytes.u32(at + 12)).append(", drops ").append(bytes.u32(at + 16))
            .append(", input ").append(bytes.u32(at + 20)).append(" output ").append(bytes.u32(at + 24))
            .append(" records ").append(count);
        return records.flowRecords(at + FLOW_SAMPLE_SIZE, left - FLOW_SAMPLE_SIZE, count, out);
    }

    private boolean expandedFlowSample(long at, long left, StringBuilder out) {
        if (left < EXPANDED_FLOW_SAMPLE_SIZE) return false;
        bytes.need(at, EXPANDED_FLOW_SAMPLE_SIZE);
        long count = bytes.u32(at + 40);
        out.append(" seqnum ").append(bytes.u32(at)).append(", type ").append(bytes.u32(at + 4))
            .append(", idx ").append(bytes.u32(at + 8)).append(", rate ").append(bytes.u32(at + 12))
            .append(", pool ").append(bytes.u32(at + 16)).append(", drops ").append(bytes.u32(at + 20))
            .append(", records ").append(count);
        return records.flowRecords(at + EXPANDED_FLOW_SAMPLE_SIZE, left - EXPANDED_FLOW_SAMPLE_SIZE, count, out);
    }

    private boolean counterSample(long at, long left, StringBuilder out) {
        if (left < COUNTER_SAMPLE_SIZE) return false;
        bytes.need(at, COUNTER_SAMPLE_SIZE);
        long count = bytes.u32(at + 8);
        out.append(" seqnum ").append(bytes.u32(at)).append(", type ").append(bytes.u8(at + 4))
            .append(", idx ").append(bytes.u24(at + 5)).append(", records ").append(count);
        return records.counterRecords(at + COUNTER_SAMPLE_SIZE, left - COUNTER_SAMPLE_SIZE, count, out);
    }

    private boolean expandedCounterSample(long at, long left, StringBuilder out) {
        if (left < EXPANDED_COUNTER_SAMPLE_SIZE) return false;
        bytes.need(at, EXPANDED_COUNTER_SAMPLE_SIZE);
        long count = bytes.u32(at + 12);
        out.append(" seqnum ").append(bytes.u32(at)).append(", type ").append(bytes.u32(at + 4))
            .append(", idx ").append(bytes.u32(at + 8)).append(", records ").append(count);
        return records.counterRecords(at + EXPANDED_COUNTER_SAMPLE_SIZE, left - EXPANDED_COUNTER_SAMPLE_SIZE, count,
            out);
    }

    private static String sampleName(long type) {
        return switch ((int) type) {
            case FLOW_SAMPLE -> "flow sample";
            case COUNTER_SAMPLE -> "counter sample";
            case EXPANDED_FLOW_SAMPLE -> "expanded flow sample";
            case EXPANDED_COUNTER_SAMPLE -> "expanded counter sample";
            default -> "Unknown";
        };
    }
}
