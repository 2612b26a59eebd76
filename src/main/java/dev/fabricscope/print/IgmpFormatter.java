package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * IGMP (RFC 1112, 2236, 3376; IP protocol 2) as tcpdump 4.99 prints it (print-igmp.c): queries (v1, v2, and v3 with
 * their maximum response time, group and sources), v1/v2 reports and leaves, v3 reports with their group records
 * (-v: each group and its record type, -vv: its sources), mtrace queries and responses, DVMRP (type 0x13,
 * {@link DvmrpFormatter}) and PIMv1 (0x14, {@link Pimv1Formatter}) messages; -v verifies the checksum. Fetches past
 * the capture end the line with " [|igmp]" ({@link EarlyEnd}), or DVMRP's and PIMv1's own markers inside those.
 */
final class IgmpFormatter {
    static final int PROTOCOL = 2;
    private static final int QUERY = 0x11, V1_REPORT = 0x12, DVMRP = 0x13, PIM_V1 = 0x14, V2_REPORT = 0x16, LEAVE = 0x17,
        MTRACE_RESPONSE = 0x1e, MTRACE = 0x1f, V3_REPORT = 0x22;
    private static final int DEFAULT_RESPONSE_TIME = 100;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final DvmrpFormatter dvmrp;
    private final Pimv1Formatter pimv1;

    IgmpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.dvmrp = new DvmrpFormatter(verbosity, earlyEnd);
        this.pimv1 = new Pimv1Formatter(verbosity, earlyEnd);
    }

    /** The message at {@code off} of {@code length} bytes (the IP payload); {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        if (verbosity == Verbosity.QUIET) {
            out.append("igmp");
            return;
        }
        try (var _ = bytes.reading(packet, end)) {
            if (message(off, length, out) && verbosity.verbose() && length >= 4 && off + (long) length <= end
                    && !InternetChecksum.verifies(InternetChecksum.add(0, packet, off, length))) {
                out.append(" bad igmp cksum ");
                Text.hex(out, packet.u16(off + 2));
                out.append('!');
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "igmp");
        }
    }

    /** False when DVMRP or PIMv1 went past the snapshot end (and marked it): tcpdump's printing ends there. */
    private boolean message(int bp, int len, StringBuilder out) {
        int type = bytes.u8(bp);
        switch (type) {
            case QUERY -> {
                out.append("igmp query");
                if (len >= 12) {
                    v3Query(bp, len, out);
                    return true;
                }
                int time = bytes.u8(bp + 1);
                if (time != 0) {
                    out.append(" v2");
                    if (time != DEFAULT_RESPONSE_TIME) out.append(" [max resp time ").append(time).append(']');
                } else {
                    out.append(" v1");
                }
                if (bytes.u32(bp + 4) != 0) {
                    out.append(" [gaddr ");
                    address(bp + 4, out);
                    out.append(']');
                }
                if (len != 8) out.append(" [len ").append(len).append(']');
            }
            case V1_REPORT, V2_REPORT, LEAVE -> {
                bytes.u32(bp + 4);
                out.append(type == V1_REPORT ? "igmp v1 report " : type == V2_REPORT ? "igmp v2 report " : "igmp leave ");
                address(bp + 4, out);
                if (type == V1_REPORT && len != 8) out.append(" [len ").append(len).append(']');
            }
            case V3_REPORT -> {
                out.append("igmp v3 report");
                v3Report(bp, len, out);
            }
            case DVMRP -> {
                out.append("igmp dvmrp");
                if (len < 8) out.append(" [len ").append(len).append(']');
                else return dvmrp.format(bytes.packet(), bp, len, bytes.end(), out);
            }
            case PIM_V1 -> {
                out.append("igmp pimv1");
                return pimv1.format(bytes.packet(), bp, len, bytes.end(), out);
            }
            case MTRACE_RESPONSE -> mtrace("mresp", bp, len, out);
            case MTRACE -> mtrace("mtrace", bp, len, out);
            default -> out.append("igmp-").append(type);
        }
        return true;
    }

    private void v3Query(int bp, int len, StringBuilder out) {
        out.append(" v3");
        if (len < 12 || (len & 3) != 0) {
            out.append(" [invalid len ").append(len).append(']');
            return;
        }
        int code = bytes.u8(bp + 1);
        int time = code < 128 ? code : ((code & 0x0f) | 0x10) << (((code & 0x70) >>> 4) + 3);
        if (code != DEFAULT_RESPONSE_TIME) {
            out.append(" [max resp time ");
            if (time < 600) out.append(time / 10).append('.').append(time % 10).append('s');
            else Text.relativeTime(out, time / 10);
            out.append(']');
        }
        if (bytes.u32(bp + 4) == 0) return;
        out.append(" [gaddr ");
        address(bp + 4, out);
        int sources = bytes.u16(bp + 10);
        if (sources > 0) {
            if (len < 12 + (sources << 2)) {
                out.append(" [invalid number of sources]");
            } else if (verbosity.veryVerbose()) {
                out.append(" {");
                for (int i = 0; i < sources; i++) {
                    bytes.u32(bp + 12 + 4 * i);
                    out.append(' ');
                    address(bp + 12 + 4 * i, out);
                }
                out.append(" }");
            } else {
                out.append(", ").append(sources).append(" source(s)");
            }
        }
        out.append(']');
    }

    private void v3Report(int bp, int len, StringBuilder out) {
        if (len < 16 || (len & 3) != 0) {
            out.append(" [invalid len ").append(len).append(']');
            return;
        }
        int groups = bytes.u16(bp + 6);
        out.append(", ").append(groups).append(" group record(s)");
        if (!verbosity.verbose()) return;
        long group = 8;
        for (int i = 0; i < groups; i++) {
            if (len < group + 8) {
                out.append(" [invalid number of groups]");
                return;
            }
            int at = (int) (bp + group);
            bytes.u32(at + 4);
            out.append(" [gaddr ");
            address(at + 4, out);
            int recordType = bytes.u8(at);
            out.append(' ');
            switch (recordType) {
                case 1 -> out.append("is_in");
                case 2 -> out.append("is_ex");
                case 3 -> out.append("to_in");
                case 4 -> out.append("to_ex");
                case 5 -> out.append("allow");
                case 6 -> out.append("block");
                default -> out.append(" [v3-report-#").append(recordType).append(']');   // appended, not concatenated
            }
            int sources = bytes.u16(at + 2);
            if (len < group + 8 + ((long) sources << 2)) {
                out.append(" [invalid number of sources ").append(sources).append(']');
                return;
            }
            if (!verbosity.veryVerbose()) {
                out.append(", ").append(sources).append(" source(s)");
            } else {
                out.append(" {");
                for (int j = 0; j < sources; j++) {
                    bytes.u32(at + 8 + 4 * j);
                    out.append(' ');
                    address(at + 8 + 4 * j, out);
                }
                out.append(" }");
            }
            group += 8 + ((long) sources << 2);
            out.append(']');
        }
    }

    /** An mtrace query or response: query ID, source, destination, response address (and TTL if multicast). */
    private void mtrace(String name, int bp, int len, StringBuilder out) {
        if (len < 8 + 16) {
            out.append(" [invalid len ").append(len).append(']');
            return;
        }
        int query = bp + 8;
        long id = bytes.u8(query + 13) << 16 | bytes.u16(query + 14);
        bytes.u32(query);
        bytes.u32(query + 4);
        long responseAddress = bytes.u32(query + 8);
        out.append(name).append(' ').append(id).append(": ");
        address(query, out);
        out.append(" to ");
        address(query + 4, out);
        out.append(" reply-to ");
        address(query + 8, out);
        if ((responseAddress & 0xf0000000L) == 0xe0000000L) out.append(" with-ttl ").append(bytes.u8(query + 12));
    }

    /** The IPv4 address at {@code at}, which the caller fetched. */
    private void address(int at, StringBuilder out) {
        bytes.u8(at + 3);
        Text.ipv4(out, bytes.packet(), at);
    }
}
