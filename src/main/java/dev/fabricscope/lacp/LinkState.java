package dev.fabricscope.lacp;

/**
 * The last known state of one end of a link, at the end of the input.
 *
 * @param interfaceId   capture interface index
 * @param interfaceName its name ("" when none)
 * @param mac           the end's source MAC
 * @param peerMac       the other end's source MAC, -1 when its PDUs were not captured
 * @param actor         the end's own information from its last PDU
 * @param partner       the partner information of its last PDU (what it believes of the other end)
 * @param peer          the other end's own information from its last PDU, null when not captured
 * @param sinceNanos    packet time of the last change of the end's state octet
 * @param lastNanos     packet time of its last PDU
 * @param pdus          PDUs captured from it
 */
public record LinkState(int interfaceId, String interfaceName, long mac, long peerMac, LacpPortInfo actor,
                        LacpPortInfo partner, LacpPortInfo peer, long sinceNanos, long lastNanos, long pdus) {

    static LinkState of(LinkEnd e) {
        LinkEnd p = e.peer();
        return new LinkState(e.link.interfaceId, e.link.interfaceName, e.srcMac, p == null ? -1 : p.srcMac, e.actor,
            e.partner, p == null ? null : p.actor, e.stateSince, e.lastPdu, e.pdus);
    }

    /** Collecting and Distributing: the end carries traffic on this link. */
    public boolean collectingDistributing() {
        return actor.collecting() && actor.distributing();
    }

    public boolean peerHeard() {
        return peer != null;
    }

    /** The partner system and key: the other end's own when captured, else what this end reports. */
    public long partnerSystem() {
        return peer != null ? peer.system() : partner.system();
    }

    public int partnerKey() {
        return peer != null ? peer.key() : partner.key();
    }
}
