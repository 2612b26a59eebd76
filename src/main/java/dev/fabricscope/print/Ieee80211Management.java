package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * IEEE 802.11 management frame bodies as tcpdump's mgmt_body_print: the subtype's name, then per subtype the
 * fixed fields and, from the information elements, the first SSID, the first non-empty supported rates and the
 * first DS parameter set's channel, in tcpdump's words. An element that does not fit what was captured (or the
 * frame), or that tcpdump's copy of it cannot hold (an SSID over 32 bytes, rates over 16, a challenge over 253, a
 * TIM of 255), ends the walk with what was found so far printed, then " [|802.11]" (the caller's).
 */
final class Ieee80211Management {
    private static final int ST_ASSOC_REQUEST = 0, ST_ASSOC_RESPONSE = 1, ST_REASSOC_REQUEST = 2,
        ST_REASSOC_RESPONSE = 3, ST_PROBE_REQUEST = 4, ST_PROBE_RESPONSE = 5, ST_BEACON = 8, ST_ATIM = 9,
        ST_DISASSOC = 10, ST_AUTH = 11, ST_DEAUTH = 12, ST_ACTION = 13;
    private static final String[] SUBTYPES = {"Assoc Request", "Assoc Response", "ReAssoc Request",
        "ReAssoc Response", "Probe Request", "Probe Response", null, null, "Beacon", "ATIM", "Disassociation",
        "Authentication", "DeAuthentication", "Action", null, null};
    private static final int E_SSID = 0, E_RATES = 1, E_DS = 3, E_TIM = 5, E_CHALLENGE = 16;
    private static final int SA = 10;

    private final boolean linkHeaders;
    // what parse_elements found: offsets into the frame (-1: none)
    private int ssidAt, ssidLength, ratesAt, ratesLength, channel;

    Ieee80211Management(boolean linkHeaders) {
        this.linkHeaders = linkHeaders;
    }

    /** The body at {@code at}, {@code length} bytes on the wire; false where tcpdump ends it " [|802.11]". */
    boolean format(Packet f, int fc, int at, int length, StringBuilder out) {
        int subtype = fc >> 4 & 0xf;
        if (SUBTYPES[subtype] != null) {
            out.append(SUBTYPES[subtype]);
        } else {
            out.append("Unhandled Management subtype(");
            Text.hex(out, subtype);
            out.append(')');
        }
        if ((fc & 0x4000) != 0) return Ieee80211Formatter.wep(f, at, out);
        return switch (subtype) {
            case ST_ASSOC_REQUEST -> {
                if (!fits(f, at, length, 4)) yield false;
                boolean whole = elements(f, at + 4, length - 4);
                ssid(f, out);
                rates(f, out);
                yield whole;
            }
            case ST_ASSOC_RESPONSE, ST_REASSOC_RESPONSE -> {
                if (!fits(f, at, length, 6)) yield false;
                boolean whole = elements(f, at + 6, length - 6);
                out.append(" AID(");
                Text.hex(out, f.le16(at + 4) & 0x3fff);
                out.append(") :").append((f.le16(at) & 0x10) != 0 ? " PRIVACY " : "").append(": ")
                    .append(Ieee80211Names.status(f.le16(at + 2)));
                yield whole;
            }
            case ST_REASSOC_REQUEST -> {
                if (!fits(f, at, length, 10)) yield false;
                boolean whole = elements(f, at + 10, length - 10);
                ssid(f, out);
                Ieee80211Formatter.address(out.append(" AP : "), f, at + 4);
                yield whole;
            }
            case ST_PROBE_REQUEST -> {
                boolean whole = elements(f, at, length);
                ssid(f, out);
                rates(f, out);
                yield whole;
            }
            case ST_PROBE_RESPONSE, ST_BEACON -> {
                if (!fits(f, at, length, 12)) yield false;
                boolean whole = elements(f, at + 12, length - 12);
                int capability = f.le16(at + 10);
                ssid(f, out);
                rates(f, out);
                if (subtype == ST_BEACON) out.append((capability & 1) != 0 ? " ESS" : " IBSS");
                if (channel >= 0) out.append(" CH: ").append(channel);
                if ((capability & 0x10) != 0) out.append(", PRIVACY");
                yield whole;
            }
            case ST_DISASSOC -> {
                if (!fits(f, at, length, 2)) yield false;
                out.append(": ").append(Ieee80211Names.reason(f.le16(at)));
                yield true;
            }
            case ST_AUTH -> auth(f, at, length, out);
            case ST_DEAUTH -> {
                if (!fits(f, at, length, 2)) yield false;
                source(f, out);
                out.append(Ieee80211Names.reason(f.le16(at)));
                yield true;
            }
            case ST_ACTION -> {
                if (!fits(f, at, length, 2)) yield false;
                source(f, out);
                action(f.u8(at), f.u8(at + 1), out);
                yield true;
            }
            default -> true;   // ATIM has no body; the reserved subtypes print their number only
        };
    }

    private static boolean fits(Packet f, int at, int length, int n) {
        return f.has(at, n) && length >= n;
    }

    /** ": " with -e (the header showed the addresses), else " (SA): ". */
    private void source(Packet f, StringBuilder out) {
        if (linkHeaders) {
            out.append(": ");
        } else {
            Ieee80211Formatter.address(out.append(" ("), f, SA).append("): ");
        }
    }

    private boolean auth(Packet f, int at, int length, StringBuilder out) {
        if (!fits(f, at, length, 6)) return false;
        boolean whole = elements(f, at + 6, length - 6);
        int algorithm = f.le16(at), sequence = f.le16(at + 2), status = f.le16(at + 4);
        out.append(" (").append(Ieee80211Names.authAlgorithm(algorithm)).append(")-");
        Text.hex(out, sequence);
        out.append(algorithm == 1 && (sequence == 2 || sequence == 3) ? " [Challenge Text] " : ": ");
        if (sequence % 2 != 0) out.append(Ieee80211Names.status(status));
        return whole;
    }

    /** tcpdump's handle_action: the category and action by name, "Act#N" for the rest. */
    private static void action(int category, int action, StringBuilder out) {
        String[] names = switch (category) {
            case 3 -> BA_ACTIONS;
            case 7 -> HT_ACTIONS;
            case 13 -> MESH_ACTIONS;
            case 14 -> MULTIHOP_ACTIONS;
            case 15 -> SELF_PROTECTED_ACTIONS;
            default -> null;
        };
        switch (category) {
            case 0 -> out.append("Spectrum Management ");
            case 1 -> out.append("QoS ");
            case 2 -> out.append("DLS ");
            case 3 -> out.append("BA ");
            case 7 -> out.append("HT ");
            case 13 -> out.append("MeshAction ");
            case 14 -> out.append("MultiohopAction ");
            case 15 -> out.append("SelfprotectAction ");
            case 127 -> out.append("Vendor ");
            default -> out.append("Reserved(").append(category).append(") ");
        }
        if (names != null && action < names.length && names[action] != null) out.append(names[action]);
        else out.append("Act#").append(action);
    }

    private static final String[] BA_ACTIONS = {"ADDBA Request", "ADDBA Response", "DELBA"};
    private static final String[] HT_ACTIONS = {"TxChWidth", "MIMOPwrSave"};
    private static final String[] MESH_ACTIONS = {"MeshLink", "HWMP", "Gate Announcement", "Congestion Control",
        "MCCA Setup Request", "MCCA Setup Reply", "MCCA Advertisement Request", "MCCA Advertisement", "MCCA Teardown",
        "TBTT Adjustment Request", "TBTT Adjustment Response"};
    private static final String[] MULTIHOP_ACTIONS = {"Proxy Update", "Proxy Update Confirmation"};
    private static final String[] SELF_PROTECTED_ACTIONS = {null, "Peering Open", "Peering Confirm", "Peering Close",
        "Group Key Inform", "Group Key Acknowledge"};

    /** tcpdump's parse_elements from {@code at} ({@code length} bytes on the wire); false where it gives up. */
    private boolean elements(Packet f, int at, int length) {
        ssidAt = -1;
        ratesAt = -1;
        channel = -1;
        while (length != 0) {
            if (!f.has(at, 2) || length < 2) return false;
            int id = f.u8(at), elementLength = f.u8(at + 1);
            if (!f.has(at + 2, elementLength) || length < elementLength + 2) return false;
            switch (id) {
                case E_SSID -> {
                    if (elementLength > 32) return false;
                    if (ssidAt < 0) {
                        ssidAt = at + 2;
                        ssidLength = elementLength;
                    }
                }
                case E_CHALLENGE -> {
                    if (elementLength > 253) return false;
                }
                case E_RATES -> {
                    if (elementLength > 16) return false;
                    if (ratesAt < 0 && elementLength != 0) {
                        ratesAt = at + 2;
                        ratesLength = elementLength;
                    }
                }
                case E_DS -> {
                    if (elementLength == 1 && channel < 0) channel = f.u8(at + 2);
                }
                case E_TIM -> {
                    if (elementLength == 255) return false;
                }
                default -> { }   // CF parameters, the rest: not printed
            }
            at += 2 + elementLength;
            length -= 2 + elementLength;
        }
        return true;
    }

    /** " (SSID)", up to a NUL, each byte as tcpdump's fn_print_char. */
    private void ssid(Packet f, StringBuilder out) {
        if (ssidAt < 0) return;
        out.append(" (");
        for (int i = 0; i < ssidLength && f.u8(ssidAt + i) != 0; i++) Text.printableChar(out, f.u8(ssidAt + i));
        out.append(')');
    }

    /** " [1.0* 2.0 ... Mbit]": each rate in Mb/s, "*" for a basic rate. */
    private void rates(Packet f, StringBuilder out) {
        if (ratesAt < 0) return;
        for (int i = 0; i < ratesLength; i++) {
            int rate = f.u8(ratesAt + i);
            out.append(i == 0 ? " [" : " ");
            RadiotapFormatter.halves(out, rate & 0x7f);
            if ((rate & 0x80) != 0) out.append('*');
        }
        out.append(" Mbit]");
    }
}
