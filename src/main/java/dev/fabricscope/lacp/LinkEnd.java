package dev.fabricscope.lacp;

/** Mutable state of one end (port) of a link, as its own LACPDUs show it. Owned by {@link LagHealthAnalyzer}. */
final class LinkEnd {
    static final int COND_NONE = 0, COND_NOT_SYNC = 1, COND_DEFAULTED = 2, COND_EXPIRED = 3;

    final LagLink link;
    final long srcMac;
    LacpPortInfo actor;
    LacpPortInfo partner;
    long firstPdu = -1, lastPdu = -1, lastFrame;
    long stateSince;
    long pdus;
    /** Smallest gap between two of its PDUs (ns), Long.MAX_VALUE before the second one. */
    long minGap = Long.MAX_VALUE;
    /** Times of its last three PDUs (ring). */
    final long[] recent = new long[3];
    /** Times of its last three losses of Synchronization (ring) and how many so far. */
    final long[] syncLosses = new long[3];
    int syncLossCount;
    boolean everSync;
    int condition = COND_NONE;
    long conditionSince, conditionFrame;
    /** Since when the other end asks for fast PDUs (its Timeout bit), -1 while it does not (or is not heard). */
    long requestedFastSince = -1;
    /** The other end's PDU count when this end last sent one (to count what it sent during a silence). */
    long peerPdusAtLast;
    boolean silenceReported;
    /** FaultKind ordinals already reported for this end. */
    int reported;
    Aggregator aggregator;
    /** Partner system and key this end was last compared with its aggregator's other members for; -1 never. */
    long checkedPartner = -1;

    LinkEnd(LagLink link, long srcMac) {
        this.link = link;
        this.srcMac = srcMac;
    }

    LinkEnd peer() {
        return link.peerOf(this);
    }

    boolean partnerValid() {
        return partner != null && !actor.defaulted() && !actor.expired() && partner.system() != 0
            && partner.system() != actor.system(); // a looped port's "partner" is itself
    }

    boolean collectingDistributing() {
        return actor != null && actor.collecting() && actor.distributing();
    }

    /** Reports {@code kind} once per end: true the first time. */
    boolean once(FaultKind kind) {
        int bit = 1 << kind.ordinal();
        if ((reported & bit) != 0) return false;
        reported |= bit;
        return true;
    }
}
