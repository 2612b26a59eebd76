package dev.fabricscope.lacp;

/**
 * One diagnosed fault, emitted by {@link LagHealthAnalyzer} when it is detected.
 *
 * @param kind          what is wrong
 * @param interfaceId   capture interface index of the link
 * @param interfaceName its name ("" when the capture names none)
 * @param localMac      source MAC of the end the fault is about (or of the malformed frame)
 * @param peerMac       source MAC of the other end, -1 when not (yet) heard
 * @param actorSystem   the end's system MAC, -1 when unknown (malformed frame)
 * @param actorKey      its key, -1 when unknown
 * @param partnerSystem the partner system it reports (or the other end's), -1 when unknown
 * @param partnerKey    the partner key, -1 when unknown
 * @param sinceNanos    packet time the condition started
 * @param detectedNanos packet time it was diagnosed
 * @param frame         frame number at detection
 * @param evidence      one line: the observations behind the diagnosis
 */
public record LagFault(FaultKind kind, int interfaceId, String interfaceName, long localMac, long peerMac,
                       long actorSystem, int actorKey, long partnerSystem, int partnerKey,
                       long sinceNanos, long detectedNanos, long frame, String evidence) {

    /** The MAC pair "00:13:c4:12:0f:0d <-> 00:0e:83:16:f5:10" ("?" for an end not heard). */
    public String macPair() {
        return LacpPortInfo.formatMac(localMac) + " <-> " + (peerMac < 0 ? "?" : LacpPortInfo.formatMac(peerMac));
    }

    /** The link as people name it: the interface in a multi-interface capture, else the MAC pair. */
    public String link(boolean multiInterface) {
        return multiInterface && !interfaceName.isEmpty() ? interfaceName : macPair();
    }
}
