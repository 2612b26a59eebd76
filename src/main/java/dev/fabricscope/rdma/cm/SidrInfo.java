package dev.fabricscope.rdma.cm;

/**
 * One Service ID Resolution (IBTA 12.11): a SIDR_REQ from the client asking the server which UD QP and Q_Key
 * serve {@code serviceId}, and the server's SIDR_REP. Matched by (client, request ID). Times are packet
 * times in epoch nanoseconds; reply fields are -1 when no SIDR_REP was seen.
 *
 * @param requests   SIDR_REQs seen for this request ID (retransmissions included)
 * @param status     the SIDR_REP status (0 = the QP is valid), -1 without a reply
 * @param qpn        the server's UD QP for the service (valid with status 0), -1 without a reply
 * @param qKey       its Q_Key, -1 without a reply
 * @param vlan       the SIDR_REQ's outer VLAN ID, or -1
 */
public record SidrInfo(String clientAddress, String serverAddress, long serviceId, long requestId, int pKey,
                       int requests, int vlan, long requestFrame, long requestNanos, long replyFrame,
                       long replyNanos, int status, int qpn, long qKey) {

    /** The RDMA-CM IP port of the service, or -1. */
    public int port() {
        return ServiceIds.port(serviceId);
    }

    public boolean answered() {
        return status >= 0;
    }

    /** The SIDR_REP status name (Linux ib_cm_sidr_status), null without a reply. */
    public String statusName() {
        return switch (status) {
            case -1 -> null;
            case 0 -> "success";
            case 1 -> "unsupported";
            case 2 -> "reject";
            case 3 -> "no_qp";
            case 4 -> "redirect";
            case 5 -> "unsupported_version";
            default -> "status_" + status;
        };
    }
}
