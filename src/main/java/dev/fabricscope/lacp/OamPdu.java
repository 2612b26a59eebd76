package dev.fabricscope.lacp;

/**
 * An Ethernet OAM PDU (subtype 3, IEEE 802.3 clause 57) headline: flags and code; TLVs are not decoded.
 *
 * @param flags 16-bit flags field (Link Fault 0x01, Dying Gasp 0x02, Critical Event 0x04, ...)
 * @param code  0 Information, 1 Event Notification, 2 Variable Request, 3 Variable Response,
 *              4 Loopback Control, 0xfe Organization Specific
 */
public record OamPdu(int flags, int code) implements SlowProtocolPdu {
    private static final String[] FLAG_NAMES = {
        "Link Fault", "Dying Gasp", "Critical Event", "Local Evaluating", "Local Stable",
        "Remote Evaluating", "Remote Stable"};

    public String codeName() {
        return switch (code) {
            case 0x00 -> "Information";
            case 0x01 -> "Event Notification";
            case 0x02 -> "Variable Request";
            case 0x03 -> "Variable Response";
            case 0x04 -> "Loopback Control";
            case 0xfe -> "Organization Specific";
            default -> "Unknown (" + code + ")";
        };
    }

    /** Names of the set flags, lowest bit first. */
    public java.util.List<String> flagNames() {
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < FLAG_NAMES.length; i++) if ((flags & (1 << i)) != 0) names.add(FLAG_NAMES[i]);
        return names;
    }

    @Override
    public int subtype() {
        return SUBTYPE_OAM;
    }
}
