package dev.fabricscope.rdma.cm;

import dev.fabricscope.json.JsonLine;
import dev.fabricscope.rdma.MadBaseHeader;

/**
 * Renders MAD headers and CM messages: one text line each ({@link #append}, {@link #appendMad}) and JSON
 * fields ({@link #appendJsonFields}, snake_case, numbers as integers). Used by {@code rdma decode} and
 * {@code rdma conntrack}. Renders only: parsing is {@link CmParser}'s.
 */
public final class CmText {
    private CmText() { }

    /** "MAD CM class_version 2 Send REQ tid 0x000000117a2fac19". */
    public static void appendMad(StringBuilder out, MadBaseHeader mad) {
        out.append("MAD ").append(mad.className());
        out.append(" class_version ").append(mad.classVersion()).append(' ')
            .append(mad.methodName());
        String attr = mad.mgmtClass() == MadBaseHeader.CLASS_CM
            ? MadBaseHeader.attributeName(MadBaseHeader.CLASS_CM, mad.attributeId()) : null;
        out.append(' ').append(attr != null ? attr : String.format("attribute 0x%04x", mad.attributeId()));
        out.append(String.format(" tid 0x%016x", mad.transactionId()));
        if (mad.status() != 0) out.append(String.format(" status 0x%04x", mad.status()));
        if (mad.attributeModifier() != 0) out.append(String.format(" attr_mod 0x%08x", mad.attributeModifier()));
    }

    /** One line (no newline) with the message's fields, e.g. "CM REQ local_comm_id 0x19ac2f7a ...". */
    public static void append(StringBuilder out, CmMessage m) {
        out.append("CM ").append(m.name());
        switch (m) {
            case CmMessage.Req r -> {
                hex8(out, " local_comm_id", r.localCommId());
                out.append(String.format(" service_id 0x%016x", r.serviceId()));
                int ps = ServiceIds.portSpace(r.serviceId());
                if (ps >= 0) {
                    out.append(" (RDMA-CM ").append(ServiceIds.portSpaceName(ps)).append(" port ")
                        .append(ServiceIds.port(r.serviceId())).append(')');
                }
                out.append(String.format(" ca_guid 0x%016x", r.localCaGuid()));
                hex6(out, " qpn", r.localQpn());
                hex6(out, " start_psn", r.startingPsn());
                out.append(" transport ").append(transportName(r.transportServiceType()))
                    .append(" mtu ").append(mtuBytes(r.pathMtu()))
                    .append(String.format(" pkey 0x%04x", r.pKey()))
                    .append(" resp_res ").append(r.responderResources())
                    .append(" init_depth ").append(r.initiatorDepth())
                    .append(" retry ").append(r.retryCount())
                    .append(" rnr_retry ").append(r.rnrRetryCount())
                    .append(" max_cm_retries ").append(r.maxCmRetries())
                    .append(" remote_cm_timeout ").append(r.remoteCmResponseTimeout())
                    .append(" local_cm_timeout ").append(r.localCmResponseTimeout());
                if (r.srq()) out.append(" srq");
                out.append(" path ");
                path(out, r.primaryPath());
                CmaHeader c = r.cmaHeader();
                if (c != null) {
                    out.append(" cma v").append(c.version()).append(" ip").append(c.ipVersion()).append(' ');
                    AddressText.append(out, c.sourceIp());
                    out.append(" port ").append(c.sourcePort()).append(" -> ");
                    AddressText.append(out, c.destinationIp());
                }
            }
            case CmMessage.Rep r -> {
                commIds(out, r.localCommId(), r.remoteCommId());
                hex6(out, " qpn", r.localQpn());
                hex6(out, " start_psn", r.startingPsn());
                out.append(" resp_res ").append(r.responderResources()).append(" init_depth ").append(r.initiatorDepth())
                    .append(" target_ack_delay ").append(r.targetAckDelay()).append(" failover ").append(r.failoverAccepted())
                    .append(" rnr_retry ").append(r.rnrRetryCount());
                if (r.srq()) out.append(" srq");
                out.append(String.format(" ca_guid 0x%016x", r.localCaGuid()));
            }
            case CmMessage.Rtu r -> commIds(out, r.localCommId(), r.remoteCommId());
            case CmMessage.Rej r -> {
                commIds(out, r.localCommId(), r.remoteCommId());
                out.append(" rejects ").append(messageName(r.messageRejected()))
                    .append(" reason ").append(r.reason()).append(" (").append(r.reasonName()).append(')');
                if (r.rejectInfoLength() > 0) out.append(" ari_len ").append(r.rejectInfoLength());
            }
            case CmMessage.Mra r -> {
                commIds(out, r.localCommId(), r.remoteCommId());
                out.append(" mraed ").append(messageName(r.messageMraed())).append(" service_timeout ").append(r.serviceTimeout());
            }
            case CmMessage.Dreq r -> {
                commIds(out, r.localCommId(), r.remoteCommId());
                hex6(out, " remote_qpn", r.remoteQpn());
            }
            case CmMessage.Drep r -> commIds(out, r.localCommId(), r.remoteCommId());
            case CmMessage.SidrReq r -> {
                hex8(out, " request_id", r.requestId());
                out.append(String.format(" pkey 0x%04x service_id 0x%016x", r.pKey(), r.serviceId()));
            }
            case CmMessage.SidrRep r -> {
                hex8(out, " request_id", r.requestId());
                out.append(" status ").append(r.status());
                hex6(out, " qpn", r.qpn());
                out.append(String.format(" service_id 0x%016x qkey 0x%08x", r.serviceId(), r.qKey()));
            }
            case CmMessage.Lap r -> {
                commIds(out, r.localCommId(), r.remoteCommId());
                hex6(out, " remote_qpn", r.remoteQpn());
                out.append(" alt_path ");
                path(out, r.alternatePath());
            }
            case CmMessage.Apr r -> {
                commIds(out, r.localCommId(), r.remoteCommId());
                out.append(" ap_status ").append(r.apStatus());
            }
            case CmMessage.Other o -> { }
        }
    }

    /** The message's fields into an open JSON object (the caller begins and ends it). */
    public static void appendJsonFields(JsonLine j, CmMessage m) {
        j.field("cm_message", m.name());
        switch (m) {
            case CmMessage.Req r -> {
                j.field("local_comm_id", r.localCommId()).field("service_id", r.serviceId())
                    .field("port", ServiceIds.port(r.serviceId())).field("local_ca_guid", r.localCaGuid())
                    .field("local_qkey", r.localQKey()).field("local_qpn", r.localQpn())
                    .field("starting_psn", r.startingPsn()).field("transport_service_type", r.transportServiceType())
                    .field("path_mtu", mtuBytes(r.pathMtu())).field("pkey", r.pKey())
                    .field("responder_resources", r.responderResources()).field("initiator_depth", r.initiatorDepth())
                    .field("retry_count", r.retryCount()).field("rnr_retry_count", r.rnrRetryCount())
                    .field("max_cm_retries", r.maxCmRetries()).field("srq", r.srq())
                    .field("primary_local_lid", r.primaryPath().localLid())
                    .field("primary_remote_lid", r.primaryPath().remoteLid())
                    .field("primary_local_gid", AddressText.ip(r.primaryPath().localGid()))
                    .field("primary_remote_gid", AddressText.ip(r.primaryPath().remoteGid()))
                    .field("primary_flow_label", r.primaryPath().flowLabel())
                    .field("primary_traffic_class", r.primaryPath().trafficClass())
                    .field("primary_hop_limit", r.primaryPath().hopLimit()).field("primary_sl", r.primaryPath().sl());
                CmaHeader c = r.cmaHeader();
                if (c != null) {
                    j.field("cma_ip_version", c.ipVersion()).field("cma_source_port", c.sourcePort())
                        .field("cma_source_ip", AddressText.ip(c.sourceIp()))
                        .field("cma_destination_ip", AddressText.ip(c.destinationIp()));
                }
            }
            case CmMessage.Rep r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId())
                .field("local_qpn", r.localQpn()).field("starting_psn", r.startingPsn())
                .field("local_qkey", r.localQKey()).field("local_ca_guid", r.localCaGuid())
                .field("rnr_retry_count", r.rnrRetryCount()).field("srq", r.srq());
            case CmMessage.Rtu r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId());
            case CmMessage.Rej r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId())
                .field("message_rejected", messageName(r.messageRejected())).field("reject_reason", r.reason())
                .field("reject_reason_name", r.reasonName());
            case CmMessage.Mra r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId())
                .field("message_mraed", messageName(r.messageMraed())).field("service_timeout", r.serviceTimeout());
            case CmMessage.Dreq r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId())
                .field("remote_qpn", r.remoteQpn());
            case CmMessage.Drep r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId());
            case CmMessage.SidrReq r -> j.field("request_id", r.requestId()).field("pkey", r.pKey())
                .field("service_id", r.serviceId());
            case CmMessage.SidrRep r -> j.field("request_id", r.requestId()).field("status", r.status())
                .field("qpn", r.qpn()).field("service_id", r.serviceId()).field("qkey", r.qKey());
            case CmMessage.Lap r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId())
                .field("remote_qpn", r.remoteQpn());
            case CmMessage.Apr r -> j.field("local_comm_id", r.localCommId()).field("remote_comm_id", r.remoteCommId())
                .field("ap_status", r.apStatus());
            case CmMessage.Other o -> j.field("attribute_id", o.attributeId());
        }
    }

    /** Path MTU code (1-5) as bytes (256-4096), else the code itself. */
    public static int mtuBytes(int code) {
        return code >= 1 && code <= 5 ? 128 << code : code;
    }

    static String transportName(int t) {
        return switch (t) {
            case 0 -> "RC";
            case 1 -> "UC";
            case 2 -> "RD";
            default -> "XRC/other(" + t + ")";
        };
    }

    static String messageName(int code) {
        return switch (code) {
            case 0 -> "REQ";
            case 1 -> "REP";
            case 2 -> "LAP/other";
            default -> "reserved(" + code + ")";
        };
    }

    private static void path(StringBuilder out, CmPath p) {
        out.append("lid ").append(p.localLid()).append("->").append(p.remoteLid()).append(" gid ");
        AddressText.append(out, p.localGid());
        out.append("->");
        AddressText.append(out, p.remoteGid());
        out.append(String.format(" flow_label 0x%05x", p.flowLabel())).append(" rate ").append(p.packetRate())
            .append(" tclass ").append(p.trafficClass()).append(" hop_limit ").append(p.hopLimit())
            .append(" sl ").append(p.sl()).append(" ack_timeout ").append(p.localAckTimeout());
    }

    private static void commIds(StringBuilder out, long local, long remote) {
        hex8(out, " local_comm_id", local);
        hex8(out, " remote_comm_id", remote);
    }

    private static void hex8(StringBuilder out, String name, long v) {
        out.append(name).append(String.format(" 0x%08x", v));
    }

    private static void hex6(StringBuilder out, String name, int v) {
        out.append(name).append(String.format(" 0x%06x", v));
    }
}
