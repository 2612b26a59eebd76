package dev.fabricscope.rdma.cm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link RoceBenchCapture} put into its capture, counted while writing it (ground truth by construction:
 * every frame written is tallied on its (source, destination, destination QP) row, and every injected anomaly
 * — a lost packet, a retransmission, a NAK — is tallied where it was made). The bench and the tests compare
 * {@code rdma conntrack}, {@code rdma qps} and tshark against it.
 */
public final class RoceBenchSummary {
    /** Expected outcome of one RDMA-CM connection (the client sent the REQ). */
    public record Connection(String clientIp, String serverIp, int port, int clientQpn, int serverQpn, long clientCommId,
                             CmState state, int rejectReason, int reqCount, int cmMessages, long clientPackets,
                             long clientBytes, long serverPackets, long serverBytes) { }

    /** Expected counts of one (source, destination, destination QP) row of {@code rdma qps}. */
    public static final class Row {
        public long packets, bytes, acks, naks, rnrNaks, ceMarks, cnps, psnGaps, psnSkipped, duplicates, outOfOrder;
        public long dscpMask;
    }

    public record RowKey(String src, String dst, int destQp) { }

    public long frames;
    public long roceFrames;
    public long pfcFrames;
    public long pauseFrames;
    public long cmMessages;
    /** CM messages by MAD attribute ID (0x0010 REQ ... 0x0016 DREP). */
    public final Map<Integer, Long> cmByAttribute = new java.util.TreeMap<>();
    public long unmatched;
    public long dataPackets;
    public long dataAttributed;
    public final List<Connection> connections = new ArrayList<>();
    public final Map<RowKey, Row> rows = new LinkedHashMap<>();

    public Map<CmState, Integer> states() {
        Map<CmState, Integer> m = new EnumMap<>(CmState.class);
        for (Connection c : connections) m.merge(c.state(), 1, Integer::sum);
        return m;
    }

    /** The sum of one row counter over all rows. */
    public long total(java.util.function.ToLongFunction<Row> counter) {
        long t = 0;
        for (Row r : rows.values()) t += counter.applyAsLong(r);
        return t;
    }

    /** "key value" lines (bench/rdma.sh reads them; names follow the JSON fields of conntrack and qps). */
    public void print(PrintStream out) {
        out.println("# expected results (RoceBenchCapture)");
        out.println("frames " + frames);
        out.println("roce_packets " + roceFrames);
        out.println("pfc_frames " + pfcFrames);
        out.println("pause_frames " + pauseFrames);
        out.println("connections " + connections.size());
        for (var e : states().entrySet()) out.println("state." + e.getKey().name() + " " + e.getValue());
        out.println("cm_messages " + cmMessages);
        for (var e : cmByAttribute.entrySet()) out.println(String.format("cm.0x%04x %d", e.getKey(), e.getValue()));
        out.println("unmatched " + unmatched);
        out.println("data_packets " + dataPackets);
        out.println("data_packets_attributed " + dataAttributed);
        out.println("qps " + rows.size());
        out.println("qp.packets " + total(r -> r.packets));
        out.println("qp.bytes " + total(r -> r.bytes));
        out.println("qp.acks " + total(r -> r.acks));
        out.println("qp.naks " + total(r -> r.naks));
        out.println("qp.rnr_naks " + total(r -> r.rnrNaks));
        out.println("qp.psn_gaps " + total(r -> r.psnGaps));
        out.println("qp.psn_skipped " + total(r -> r.psnSkipped));
        out.println("qp.duplicates " + total(r -> r.duplicates));
        out.println("qp.out_of_order " + total(r -> r.outOfOrder));
        out.println("qp.ce_marks " + total(r -> r.ceMarks));
        out.println("qp.cnps " + total(r -> r.cnps));
        long most = 0;
        for (Row r : rows.values()) most = Math.max(most, r.packets);
        out.println("qp.max_packets " + most);
    }
}
