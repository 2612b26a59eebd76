package dev.fabricscope.lacp;

import java.util.List;

/**
 * A LACPDU (subtype 1): version, actor and partner information, collector max delay, and the version 2
 * TLVs (IEEE 802.1AX-2014 6.4.2.4) or unknown TLVs found between the Collector and Terminator TLVs.
 *
 * @param collectorMaxDelay in tens of microseconds
 * @param extraTlvs         TLVs after the Collector Information TLV other than the Terminator, in order
 */
public record LacpPdu(int version, LacpPortInfo actor, LacpPortInfo partner, int collectorMaxDelay,
                      List<LacpTlv> extraTlvs) implements SlowProtocolPdu {
    public LacpPdu {
        extraTlvs = List.copyOf(extraTlvs);
    }

    @Override
    public int subtype() {
        return SUBTYPE_LACP;
    }
}
