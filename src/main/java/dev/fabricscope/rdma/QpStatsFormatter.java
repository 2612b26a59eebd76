package dev.fabricscope.rdma;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.json.Rfc3339;
import java.util.List;

/**
 * Text and JSON of {@code fabricscope rdma qps}. Renders only; JSON field names are stable (listed in
 * {@code RdmaQpsCommand}'s Javadoc).
 */
public final class QpStatsFormatter {
    private static final String[] NAK_CODE_NAMES = {"psn_sequence_error", "invalid_request", "remote_access_error",
        "remote_operational_error", "invalid_rd_request"};

    private QpStatsFormatter() { }

    private static final String ROW = "%-Ws %-Ws %8s %9s %11s %5s %6s %5s %5s %5s %5s %6s %6s %-7s %s%n";

    /** Width of the address columns: 15 (IPv4), wider when an address needs it. */
    public static int addressWidth(List<QpSummary> rows) {
        int w = 15;
        for (QpSummary q : rows) w = Math.max(w, Math.max(q.src().length(), q.dst().length()));
        return w;
    }

    public static void appendHeader(StringBuilder out, int addressWidth) {
        out.append(String.format(ROW.replace("W", String.valueOf(addressWidth)),
            "src", "dst", "dest_qp", "packets", "bytes", "gaps", "skip", "dup", "ooo", "nak", "rnr", "ce", "cnp", "dscp", "opcodes"));
    }

    public static void appendRow(StringBuilder out, QpSummary q, int addressWidth) {
        out.append(String.format(ROW.replace("W", String.valueOf(addressWidth)),
            q.src(), q.dst(), String.format("0x%06x", q.destQp()), q.packets(), q.bytes(), q.psnGaps(), q.psnSkipped(),
            q.duplicates(), q.outOfOrder(), q.naks(), q.rnrNaks(), q.ceMarks(), q.cnps(), dscpText(q.dscp()), opcodesText(q)));
    }

    /** The time range of the rows and the score rule, printed under the table. */
    public static void appendFooter(StringBuilder out, List<QpSummary> rows, QpStatsTable table) {
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (QpSummary q : rows) {
            first = Math.min(first, q.firstNanos());
            last = Math.max(last, q.lastNanos());
        }
        out.append(rows.size()).append(rows.size() == 1 ? " QP" : " QPs");
        if (!rows.isEmpty()) out.append(", ").append(Rfc3339.utc(first)).append(" to ").append(Rfc3339.utc(last));
        out.append("; worst first: 1000 x (nak + rnr) + 100 x (gaps + dup + ooo) + 10 x cnp + ce\n");
        if (table.pfcFrames() + table.pauseFrames() > 0) {
            out.append("PFC frames ").append(table.pfcFrames()).append(", 802.3x PAUSE frames ").append(table.pauseFrames()).append(';');
            long[] pauses = table.pfcPauses(), resumes = table.pfcResumes();
            for (int i = 0; i < 8; i++) {
                if (pauses[i] + resumes[i] > 0) out.append(" prio ").append(i).append(": ").append(pauses[i]).append(" pause/").append(resumes[i]).append(" resume;");
            }
            if (pauses[8] + resumes[8] > 0) out.append(" 802.3x: ").append(pauses[8]).append(" pause/").append(resumes[8]).append(" resume;");
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        if (table.evictedRows() > 0) {
            out.append(table.evictedRows()).append(" QP rows evicted (table full at ").append(table.capacity())
                .append(" rows; the longest idle go first, their counts are not shown)\n");
        }
    }

    public static void appendJson(StringBuilder out, QpSummary q) {
        StringBuilder ops = new StringBuilder("{");
        for (QpSummary.OpcodeCount o : q.opcodes()) {
            if (ops.length() > 1) ops.append(',');
            ops.append('"').append(String.format("0x%02x", o.opcode())).append("\":").append(o.packets());
        }
        ops.append('}');
        StringBuilder codes = new StringBuilder("{");
        for (int i = 0; i < NAK_CODE_NAMES.length; i++) {
            if (i > 0) codes.append(',');
            codes.append('"').append(NAK_CODE_NAMES[i]).append("\":").append(q.nakCodes().get(i));
        }
        codes.append('}');
        new JsonLine(out).begin().field("type", "qp").field("src", q.src()).field("dst", q.dst()).field("dest_qp", q.destQp())
            .field("packets", q.packets()).field("bytes", q.bytes()).raw("opcodes", ops).field("other_opcodes", q.otherOpcodes())
            .field("psn_gaps", q.psnGaps()).field("psn_skipped", q.psnSkipped()).field("duplicates", q.duplicates())
            .field("out_of_order", q.outOfOrder()).field("acks", q.acks()).field("naks", q.naks()).field("rnr_naks", q.rnrNaks())
            .raw("nak_codes", codes).field("ce_marks", q.ceMarks()).field("cnps", q.cnps()).raw("dscp", q.dscp().toString().replace(" ", ""))
            .field("priority", q.priority()).field("first_seen", Rfc3339.utc(q.firstNanos()))
            .field("last_seen", Rfc3339.utc(q.lastNanos())).field("score", q.score()).end();
    }

    public static void appendJsonSummary(StringBuilder out, int qps, QpStatsTable table) {
        long[] pauses = table.pfcPauses(), resumes = table.pfcResumes();
        StringBuilder p = new StringBuilder("[");
        for (int i = 0; i < 8; i++) p.append(i > 0 ? "," : "").append(pauses[i]);
        StringBuilder r = new StringBuilder("[");
        for (int i = 0; i < 8; i++) r.append(i > 0 ? "," : "").append(resumes[i]);
        new JsonLine(out).begin().field("type", "summary").field("qps", qps).field("evicted_qps", table.evictedRows())
            .field("pfc_frames", table.pfcFrames()).field("pause_frames", table.pauseFrames())
            .raw("pfc_pauses", p.append(']')).raw("pfc_resumes", r.append(']'))
            .field("pause_8023x_pauses", pauses[8]).field("pause_8023x_resumes", resumes[8]).end();
    }

    public static void appendInterval(StringBuilder out, CongestionInterval c) {
        String time = Rfc3339.utc(c.startNanos());
        for (CongestionInterval.PriorityCongestion p : c.priorities()) {
            out.append(time).append("  ").append(p.priority() < 0 ? "802.3x PAUSE" : "prio " + p.priority())
                .append(": ce ").append(p.ceMarks()).append(", cnp ").append(p.cnps())
                .append(", pfc pause ").append(p.pfcPauses()).append(", resume ").append(p.pfcResumes()).append('\n');
        }
        for (CongestionInterval.QpCongestion q : c.qps()) {
            out.append(time).append("  qp ").append(q.src()).append(" > ").append(q.dst()).append(' ')
                .append(String.format("0x%06x", q.destQp())).append(": ce ").append(q.ceMarks()).append(", cnp ").append(q.cnps()).append('\n');
        }
    }

    public static void appendIntervalJson(StringBuilder out, CongestionInterval c) {
        StringBuilder prios = new StringBuilder("[");
        for (CongestionInterval.PriorityCongestion p : c.priorities()) {
            if (prios.length() > 1) prios.append(',');
            prios.append("{\"priority\":").append(p.priority() < 0 ? "\"802.3x\"" : String.valueOf(p.priority()))
                .append(",\"ce_marks\":").append(p.ceMarks()).append(",\"cnps\":").append(p.cnps())
                .append(",\"pfc_pauses\":").append(p.pfcPauses()).append(",\"pfc_resumes\":").append(p.pfcResumes()).append('}');
        }
        StringBuilder qps = new StringBuilder("[");
        for (CongestionInterval.QpCongestion q : c.qps()) {
            if (qps.length() > 1) qps.append(',');
            StringBuilder one = new StringBuilder();
            new JsonLine(one).begin().field("src", q.src()).field("dst", q.dst()).field("dest_qp", q.destQp())
                .field("ce_marks", q.ceMarks()).field("cnps", q.cnps()).end();
            qps.append(one, 0, one.length() - 1);
        }
        new JsonLine(out).begin().field("type", "interval").field("start", Rfc3339.utc(c.startNanos()))
            .field("interval_ms", c.intervalNanos() / 1_000_000).raw("priorities", prios.append(']')).raw("qps", qps.append(']')).end();
    }

    private static String dscpText(List<Integer> dscp) {
        if (dscp.isEmpty()) return "-";
        StringBuilder sb = new StringBuilder();
        for (int d : dscp) sb.append(sb.isEmpty() ? "" : ",").append(d);
        return sb.toString();
    }

    // "RC SEND First 33, RC Acknowledge 1" (names from the Opcode table)
    private static String opcodesText(QpSummary q) {
        StringBuilder sb = new StringBuilder();
        for (QpSummary.OpcodeCount o : q.opcodes()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(Opcode.of(o.opcode()).name()).append(' ').append(o.packets());
        }
        if (q.otherOpcodes() > 0) sb.append(", other ").append(q.otherOpcodes());
        return sb.toString();
    }
}
