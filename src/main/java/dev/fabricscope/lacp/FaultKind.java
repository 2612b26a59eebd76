package dev.fabricscope.lacp;

/**
 * What {@link LagHealthAnalyzer} diagnoses on a LAG or one of its links. {@link #jsonName()} is the stable name
 * used in JSON ({@code fault}) and in the text report. Limits are in {@link LagHealthAnalyzer}'s Javadoc.
 */
public enum FaultKind {
    /** Links of one actor aggregator (system + key) see different partner systems. */
    SPLIT_LAG("split_lag", false),
    /** Links of one actor aggregator see one partner system but different partner keys (cabling crossed). */
    CROSSED_LAG("crossed_lag", false),
    /** A port hears its own system: partner system equals actor system (own PDUs coming back, or a self-cable). */
    LOOPED("looped", false),
    /** One direction's PDUs stopped while the other continued (or one end says Expired/Defaulted while its partner's PDUs are captured). */
    UNIDIRECTIONAL("unidirectional", false),
    /** Nothing from either end of a link for longer than the receiving end's timeout. */
    PARTNER_TIMEOUT("partner_timeout", false),
    /** The two ends ask for different timeouts (a warning), or one end sends slower than its partner asked. */
    TIMEOUT_MISMATCH("timeout_mismatch", true),
    /** Both ends passive (Activity 0) and never synchronised. */
    PASSIVE_PASSIVE("passive_passive", false),
    /** Synchronization lost again and again. */
    CHURN("churn", false),
    /** Aggregation 0 (individual) on a link whose other end wants to aggregate. */
    INDIVIDUAL("individual", false),
    /** Out of sync for longer than a negotiation takes (not Expired, not Defaulted). */
    NOT_SYNCHRONIZED("not_synchronized", false),
    /** Expired for longer than a negotiation takes. */
    EXPIRED("expired", false),
    /** Defaulted (no partner PDUs received) for longer than a negotiation takes. */
    DEFAULTED("defaulted", false),
    /** A PDU that could not be decoded (or only partly), with the parser's reason. */
    MALFORMED("malformed", false);

    private final String jsonName;
    private final boolean warning;

    FaultKind(String jsonName, boolean warning) {
        this.jsonName = jsonName;
        this.warning = warning;
    }

    public String jsonName() {
        return jsonName;
    }

    /** A warning: the LAG can work this way (exit status stays 0). */
    public boolean warning() {
        return warning;
    }
}
