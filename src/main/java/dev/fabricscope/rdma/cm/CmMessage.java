package dev.fabricscope.rdma.cm;

import dev.fabricscope.rdma.MadBaseHeader;

/**
 * A decoded Communication Management message (IBTA vol. 1, ch. 12.6), the body of a CM-class MAD.
 * Offsets in the parser are relative to the MAD data (MAD byte 24). Comm IDs, Q_Keys and GUIDs are
 * unsigned and kept in longs; QPNs and PSNs are 24-bit values in ints.
 */
public sealed interface CmMessage {
    /** The attribute name: REQ, REP, ... */
    String name();

    record Req(long localCommId, long serviceId, long localCaGuid, long localQKey, int localQpn,
               int responderResources, int localEecn, int initiatorDepth, int remoteEecn,
               int remoteCmResponseTimeout, int transportServiceType, boolean endToEndFlowControl,
               int startingPsn, int localCmResponseTimeout, int retryCount, int pKey, int pathMtu,
               boolean rdcExists, int rnrRetryCount, int maxCmRetries, boolean srq, int extendedTransportType,
               CmPath primaryPath, CmPath alternatePath, byte[] privateData, CmaHeader cmaHeader)
        implements CmMessage {
        public String name() { return "REQ"; }
    }

    record Rep(long localCommId, long remoteCommId, long localQKey, int localQpn, int localEecn,
               int startingPsn, int responderResources, int initiatorDepth, int targetAckDelay,
               int failoverAccepted, boolean endToEndFlowControl, int rnrRetryCount, boolean srq,
               long localCaGuid, byte[] privateData) implements CmMessage {
        public String name() { return "REP"; }
    }

    record Rtu(long localCommId, long remoteCommId, byte[] privateData) implements CmMessage {
        public String name() { return "RTU"; }
    }

    /** @param messageRejected 0 REQ, 1 REP, 2 other (LAP) */
    record Rej(long localCommId, long remoteCommId, int messageRejected, int rejectInfoLength, int reason,
               byte[] additionalRejectInfo, byte[] privateData) implements CmMessage {
        public String name() { return "REJ"; }
        public String reasonName() { return RejectReasons.name(reason); }
    }

    /** @param messageMraed 0 REQ, 1 REP, 2 LAP */
    record Mra(long localCommId, long remoteCommId, int messageMraed, int serviceTimeout, byte[] privateData)
        implements CmMessage {
        public String name() { return "MRA"; }
    }

    record Dreq(long localCommId, long remoteCommId, int remoteQpn, byte[] privateData) implements CmMessage {
        public String name() { return "DREQ"; }
    }

    record Drep(long localCommId, long remoteCommId, byte[] privateData) implements CmMessage {
        public String name() { return "DREP"; }
    }

    record SidrReq(long requestId, int pKey, long serviceId, byte[] privateData) implements CmMessage {
        public String name() { return "SIDR_REQ"; }
    }

    record SidrRep(long requestId, int status, int additionalInfoLength, int qpn, long serviceId, long qKey,
                   byte[] classPortInfo, byte[] privateData) implements CmMessage {
        public String name() { return "SIDR_REP"; }
    }

    record Lap(long localCommId, long remoteCommId, int remoteQpn, int remoteCmResponseTimeout,
               CmPath alternatePath, byte[] privateData) implements CmMessage {
        public String name() { return "LAP"; }
    }

    record Apr(long localCommId, long remoteCommId, int additionalInfoLength, int apStatus,
               byte[] additionalInfo, byte[] privateData) implements CmMessage {
        public String name() { return "APR"; }
    }

    /** ClassPortInfo and attributes with no decoder: the header is enough. */
    record Other(int attributeId) implements CmMessage {
        public String name() {
            String n = MadBaseHeader.attributeName(MadBaseHeader.CLASS_CM, attributeId);
            return n != null ? n : String.format("attribute 0x%04x", attributeId);
        }
    }
}
