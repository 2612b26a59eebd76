package dev.fabricscope.rdma.cm;

/** REJ reason codes 1-33 (IBTA vol. 1, table 107 "REJ Reason Codes"). */
public final class RejectReasons {
    private RejectReasons() { }

    private static final String[] NAMES = {
        null,
        "No QP available",
        "No EEC available",
        "No resources available",
        "Timeout",
        "Unsupported request",
        "Invalid Communication ID",
        "Invalid Communication Instance",
        "Invalid Service ID",
        "Invalid Transport Service Type",
        "Stale connection",
        "RDC does not exist",
        "Primary Remote Port GID rejected",
        "Primary Remote Port LID rejected",
        "Invalid Primary SL",
        "Invalid Primary Traffic Class",
        "Invalid Primary Hop Limit",
        "Invalid Primary Packet Rate",
        "Alternate Remote Port GID rejected",
        "Alternate Remote Port LID rejected",
        "Invalid Alternate SL",
        "Invalid Alternate Traffic Class",
        "Invalid Alternate Hop Limit",
        "Invalid Alternate Packet Rate",
        "Port and CM Redirection",
        "Port Redirection",
        "Invalid Path MTU",
        "Insufficient Responder Resources",
        "Consumer Reject",
        "RNR Retry Count Reject",
        "Duplicate Local Comm ID",
        "Unsupported Class Version",
        "Invalid Primary Flow Label",
        "Invalid Alternate Flow Label",
    };

    /** The reason's name, or "Unknown reason N". */
    public static String name(int reason) {
        return reason > 0 && reason < NAMES.length ? NAMES[reason] : "Unknown reason " + reason;
    }
}
