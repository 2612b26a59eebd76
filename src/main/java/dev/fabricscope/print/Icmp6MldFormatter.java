package dev.fabricscope.print;

/**
 * Multicast listener discovery as tcpdump prints it after the type's name: MLDv1 (RFC 2710) query, report and done
 * as "max resp delay: N addr: G" (tcpdump writes no separator before it); MLDv2 (RFC 3810) queries as
 * " v2 [gaddr G]" with -v's delay, flags and QQI, and reports as ", N group record(s)", -v adding each record's
 * group, type and source count, -vv the sources themselves.
 */
final class Icmp6MldFormatter {
    /** An MLDv1 message; a longer query is MLDv2. */
    static final int MLD_LENGTH = 24;
    static final int MLDV2_QUERY_LENGTH = 28;
    private static final int REPORT_HEADER = 8, RECORD_HEADER = 20;
    private static final String[] RECORD_TYPES = {null, "is_in", "is_ex", "to_in", "to_ex", "allow", "block"};

    private final Verbosity verbosity;
    private final Icmp6Bytes bytes;

    Icmp6MldFormatter(Verbosity verbosity, Icmp6Bytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    /** MLDv1: nothing at all when the 24 bytes were not all captured. */
    void listener(int bp, StringBuilder out) {
        if (!bytes.has(bp, MLD_LENGTH)) return;
        out.append("max resp delay: ").append(bytes.u16(bp + 4)).append(' ');
        bytes.ip6(out, "addr: ", bp + 8);
    }

    void v2Report(int bp, long length, StringBuilder out) {
        if (length < REPORT_HEADER) {
            out.append(" [invalid len ").append(length).append(']');
            return;
        }
        int groups = bytes.u16(bp + 6);
        out.append(", ").append(groups).append(" group record(s)");
        if (!verbosity.verbose()) return;
        long group = REPORT_HEADER;
        for (int i = 0; i < groups; i++) {
            if (length < group + RECORD_HEADER) {
                out.append(" [invalid number of groups]");
                return;
            }
            int record = (int) (bp + group);
            bytes.ip6(out, " [gaddr ", record + 4);
            int type = bytes.u8(record);
            out.append(' ');
            if (type > 0 && type < RECORD_TYPES.length) out.append(RECORD_TYPES[type]);
            else out.append(" [v2-report-#").append(type).append(']');
            int sources = bytes.u16(record + 2);
            if (length < group + RECORD_HEADER + 16L * sources) {
                out.append(" [invalid number of sources ").append(sources).append(']');
                return;
            }
            if (!verbosity.veryVerbose()) {
                out.append(", ").append(sources).append(" source(s)");
            } else {
                out.append(" {");
                for (int j = 0; j < sources; j++) bytes.ip6(out, " ", record + RECORD_HEADER + 16 * j);
                out.append(" }");
            }
            group += RECORD_HEADER + 16L * sources;
            out.append(']');
        }
    }

    void v2Query(int bp, long length, StringBuilder out) {
        if (length < MLDV2_QUERY_LENGTH) {
            out.append(" [invalid len ").append(length).append(']');
            return;
        }
        int code = bytes.u16(bp + 4);
        long delay = code < 32768 ? code : (long) ((code & 0x0fff) | 0x1000) << (((code & 0x7000) >>> 12) + 3);
        if (verbosity.verbose()) out.append(" [max resp delay=").append(delay).append(']');
        bytes.ip6(out, " [gaddr ", bp + 8);
        if (verbosity.verbose()) {
            int flags = bytes.u8(bp + 24);
            if ((flags & 0x08) != 0) out.append(" sflag");
            if ((flags & 0x07) != 0) out.append(" robustness=").append(flags & 0x07);
            int qqic = bytes.u8(bp + 25);
            long qqi = qqic < 128 ? qqic : (long) ((qqic & 0x0f) | 0x10) << (((qqic & 0x70) >>> 4) + 3);
            out.append(" qqi=").append(qqi);
        }
        int sources = bytes.u16(bp + 26);
        if (sources > 0) {
            if (length < MLDV2_QUERY_LENGTH + 16L * sources) {
                out.append(" [invalid number of sources]");
            } else if (verbosity.veryVerbose()) {
                out.append(" {");
                for (int i = 0; i < sources; i++) bytes.ip6(out, " ", bp + MLDV2_QUERY_LENGTH + 16 * i);
                out.append(" }");
            } else {
                out.append(", ").append(sources).append(" source(s)");
            }
        }
        out.append(']');
    }
}
