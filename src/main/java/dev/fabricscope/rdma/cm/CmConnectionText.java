package dev.fabricscope.rdma.cm;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.json.Rfc3339;
import java.util.EnumMap;
import java.util.Map;

/** Renders tracked connections and tracker events for {@code rdma conntrack}: text lines and JSON lines. */
public final class CmConnectionText {
    private CmConnectionText() { }

    /** A connection time, "-" when unknown. */
    static String time(long nanos) {
        return nanos < 0 ? "-" : Rfc3339.utc(nanos);
    }

    /**
     * "2026-01-01T00:00:01Z 10.1.0.1 -> 10.1.0.2 port 7471 ESTABLISHED client qpn 0x000100 comm 0x00001111
     * psn 0x000100, server qpn 0x000200 comm 0x00002222 psn 0x000200, mtu 4096, c->s 2 pkts 300 bytes,
     * s->c 1 pkts 80 bytes, end capture_end".
     */
    public static void appendLine(StringBuilder out, CmConnectionInfo c) {
        out.append(time(c.firstNanos())).append(' ').append(c.clientAddress()).append(" -> ").append(c.serverAddress());
        if (c.port() >= 0) out.append(" port ").append(c.port());
        else out.append(String.format(" service_id 0x%016x", c.serviceId()));
        if (ServiceIds.isIpoibCm(c.serviceId())) out.append(" (IPoIB-CM)");
        out.append(' ').append(c.state());
        if (c.state() == CmState.REJECTED) {
            out.append(" (reason ").append(c.rejectReason()).append(' ').append(c.rejectReasonName())
                .append(", by ").append(c.rejectedBy()).append(')');
        }
        out.append(" client qpn ").append(hex6(c.clientQpn())).append(" comm ").append(hex8(c.clientCommId()))
            .append(" psn ").append(hex6(c.clientStartPsn()));
        out.append(", server qpn ").append(hex6(c.serverQpn())).append(" comm ").append(hex8(c.serverCommId()))
            .append(" psn ").append(hex6(c.serverStartPsn()));
        out.append(", mtu ").append(c.pathMtu());
        if (c.ipoibClient() != null) out.append(", ipoib ").append(c.ipoibClient()).append(" -> ").append(c.ipoibServer());
        if (c.reqCount() > 1) out.append(", REQ sent ").append(c.reqCount()).append(" times");
        if (c.vlan() >= 0) out.append(", vlan ").append(c.vlan());
        out.append(", c->s ").append(c.clientPackets()).append(" pkts ").append(c.clientBytes()).append(" bytes")
            .append(", s->c ").append(c.serverPackets()).append(" pkts ").append(c.serverBytes()).append(" bytes");
        if (c.end() != null) out.append(", end ").append(c.end());
        out.append('\n');
    }

    /** JSON object of type "connection" (fields documented in RdmaConntrackCommand). */
    public static void appendJson(StringBuilder out, CmConnectionInfo c) {
        JsonLine j = new JsonLine(out).begin();
        j.field("type", "connection").field("client_ip", c.clientAddress()).field("server_ip", c.serverAddress())
            .field("port", c.port()).field("service_id", c.serviceId())
            .field("client_qpn", c.clientQpn()).field("server_qpn", c.serverQpn())
            .field("client_comm_id", c.clientCommId()).field("server_comm_id", c.serverCommId())
            .field("client_start_psn", c.clientStartPsn()).field("server_start_psn", c.serverStartPsn())
            .field("state", c.state().name()).field("reject_reason", c.rejectReason())
            .field("reject_reason_name", c.rejectReasonName()).field("rejected_by", c.rejectedBy())
            .field("path_mtu", c.pathMtu()).field("transaction_id", c.transactionId())
            .field("req_count", c.reqCount()).field("cm_messages", c.cmMessages())
            .field("cma_source_port", c.cmaSourcePort()).field("vlan", c.vlan())
            .field("first_seen", time(c.firstNanos()))
            .field("established", c.establishedNanos() < 0 ? null : time(c.establishedNanos()))
            .field("ended", c.endNanos() < 0 ? null : time(c.endNanos()))
            .field("last_seen", time(c.lastNanos())).field("first_frame", c.firstFrame())
            .field("packets", c.clientPackets() + c.serverPackets()).field("bytes", c.clientBytes() + c.serverBytes())
            .field("client_packets", c.clientPackets()).field("client_bytes", c.clientBytes())
            .field("server_packets", c.serverPackets()).field("server_bytes", c.serverBytes())
            .field("end", c.end()).field("ipoib_cm", ServiceIds.isIpoibCm(c.serviceId()))
            .field("ipoib_client_ip", c.ipoibClient()).field("ipoib_server_ip", c.ipoibServer());
        j.end();
    }

    /**
     * "2026-01-01T00:00:00Z 10.1.0.1 -> 10.1.0.2 port 4791 SIDR success server qpn 0x000321 qkey 0x00000123,
     * request 0x00abcdef, 1 SIDR_REQ" (or "SIDR no reply"), and JSON type "sidr".
     */
    public static void appendSidr(StringBuilder out, SidrInfo s, boolean json) {
        if (json) {
            new JsonLine(out).begin().field("type", "sidr").field("client_ip", s.clientAddress())
                .field("server_ip", s.serverAddress()).field("port", s.port()).field("service_id", s.serviceId())
                .field("request_id", s.requestId()).field("p_key", s.pKey()).field("requests", s.requests())
                .field("vlan", s.vlan()).field("status", s.status()).field("status_name", s.statusName())
                .field("server_qpn", s.qpn()).field("q_key", s.qKey())
                .field("request_time", time(s.requestNanos())).field("request_frame", s.requestFrame())
                .field("reply_time", s.answered() ? time(s.replyNanos()) : null).field("reply_frame", s.replyFrame())
                .end();
            return;
        }
        out.append(time(s.requestNanos())).append(' ').append(s.clientAddress()).append(" -> ").append(s.serverAddress());
        if (s.port() >= 0) out.append(" port ").append(s.port());
        else out.append(String.format(" service_id 0x%016x", s.serviceId()));
        out.append(" SIDR ");
        if (s.answered()) {
            out.append(s.statusName()).append(" server qpn ").append(hex6(s.qpn())).append(" qkey ").append(hex8(s.qKey()));
        } else {
            out.append("no reply");
        }
        out.append(", request ").append(hex8(s.requestId())).append(", ").append(s.requests())
            .append(s.requests() == 1 ? " SIDR_REQ" : " SIDR_REQs");
        if (s.vlan() >= 0) out.append(", vlan ").append(s.vlan());
        out.append('\n');
    }

    /** Text ("frame 5: RTU for no tracked connection ...") or JSON for the non-connection events. */
    public static void appendEvent(StringBuilder out, CmEvent e, boolean json) {
        switch (e) {
            case CmEvent.Unmatched u when u.message().equals("SIDR_REP") -> {
                if (json) {
                    new JsonLine(out).begin().field("type", "unmatched").field("frame", u.frame())
                        .field("time", time(u.timeNanos())).field("message", u.message())
                        .field("request_id", u.localCommId()).end();
                } else {
                    out.append("frame ").append(u.frame()).append(": SIDR_REP for no tracked SIDR_REQ (request_id ")
                        .append(hex8(u.localCommId())).append(")\n");
                }
            }
            case CmEvent.Unmatched u -> {
                if (json) {
                    new JsonLine(out).begin().field("type", "unmatched").field("frame", u.frame())
                        .field("time", time(u.timeNanos())).field("message", u.message())
                        .field("local_comm_id", u.localCommId()).field("remote_comm_id", u.remoteCommId()).end();
                } else {
                    out.append("frame ").append(u.frame()).append(": ").append(u.message())
                        .append(" for no tracked connection (local_comm_id ").append(hex8(u.localCommId()))
                        .append(", remote_comm_id ").append(hex8(u.remoteCommId())).append(")\n");
                }
            }
            case CmEvent.Malformed m -> {
                if (json) {
                    new JsonLine(out).begin().field("type", "malformed").field("frame", m.frame())
                        .field("time", time(m.timeNanos())).field("reason", m.reason()).field("offset", m.offset()).end();
                } else {
                    out.append("frame ").append(m.frame()).append(": malformed CM MAD at offset ").append(m.offset())
                        .append(": ").append(m.reason()).append('\n');
                }
            }
            case CmEvent.TableFull t -> {
                if (json) {
                    new JsonLine(out).begin().field("type", "table_full").field("frame", t.frame())
                        .field("time", time(t.timeNanos())).field("capacity", t.capacity()).end();
                } else {
                    out.append("frame ").append(t.frame()).append(": connection table full (").append(t.capacity())
                        .append("), REQ not tracked\n");
                }
            }
            case CmEvent.SidrDone s -> appendSidr(out, s.sidr(), json);
            case CmEvent.Established x -> { }
            case CmEvent.Ended x -> { }
        }
    }

    /** The closing table: connections by final state, then the tracker's counters. */
    public static void appendSummary(StringBuilder out, Map<CmState, Integer> byState, CmTracker.Stats s, boolean json) {
        int total = byState.values().stream().mapToInt(Integer::intValue).sum();
        if (json) {
            StringBuilder states = new StringBuilder();
            JsonLine sj = new JsonLine(states).begin();
            for (var e : byState.entrySet()) sj.field(e.getKey().name(), e.getValue());
            states.append('}');
            new JsonLine(out).begin().field("type", "summary").field("connections", total).raw("states", states)
                .field("cm_messages", s.cmMessages()).field("unmatched", s.unmatched()).field("malformed", s.malformed())
                .field("table_full", s.tableFull()).field("data_packets", s.dataPackets())
                .field("data_packets_attributed", s.dataMatched()).field("sidr_answered", s.sidrAnswered())
                .field("sidr_unanswered", s.sidrUnanswered()).end();
            return;
        }
        out.append('\n').append(String.format("%-14s %8s%n", "STATE", "COUNT"));
        for (var e : byState.entrySet()) out.append(String.format("%-14s %8d%n", e.getKey().name(), e.getValue()));
        out.append(String.format("%-14s %8d%n", "total", total));
        out.append("CM messages ").append(s.cmMessages()).append(", unmatched ").append(s.unmatched())
            .append(", malformed ").append(s.malformed()).append(", not tracked (table full) ").append(s.tableFull())
            .append("; RC/UC packets ").append(s.dataPackets()).append(", attributed to a connection ")
            .append(s.dataMatched()).append('\n');
        if (s.sidrAnswered() + s.sidrUnanswered() > 0) {
            out.append("SIDR resolutions ").append(s.sidrAnswered() + s.sidrUnanswered()).append(", answered ")
                .append(s.sidrAnswered()).append(", no reply ").append(s.sidrUnanswered()).append('\n');
        }
    }

    public static Map<CmState, Integer> emptyStateCounts() {
        return new EnumMap<>(CmState.class);
    }

    static String hex6(long v) {
        return v < 0 ? "-" : String.format("0x%06x", v);
    }

    static String hex8(long v) {
        return v < 0 ? "-" : String.format("0x%08x", v);
    }
}
