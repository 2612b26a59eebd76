package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The body of an Ethernet OAM PDU (IEEE 802.3 clause 57, slow-protocols subtype 3) as tcpdump 4.99 -v prints
 * it after "OAM, length N": the "Code ... OAM PDU, Flags [...]" line, then by code
 * <ul>
 *   <li>Information: each Information TLV; Local and Remote ones (16 bytes) field by field, with the OUI
 *       named from tcpdump's own short OUI list, others as a hex dump;</li>
 *   <li>Event Notification: the sequence number, then each Link Event TLV; the four errored-frame/symbol
 *       events (40 bytes) field by field, others as a hex dump;</li>
 *   <li>Loopback Control: the command;</li>
 *   <li>Variable Request/Response, Vendor Private and unknown codes: a hex dump of the rest.</li>
 * </ul>
 * An End-of-TLV marker (type 0, which the Ethernet padding also reads as) ends the walk. Bad lengths print
 * tcpdump's messages ("ERROR: illegal length - should be 16" and a hex dump of the TLV, "packet is too
 * short"), and the end of the captured bytes prints " [|slow]".
 */
final class OamFormatter {
    private final EarlyEnd earlyEnd;
    /** -vv: each TLV in hex after its fields, and no hex dump of the codes without a decoder (as tcpdump). */
    private final boolean veryVerbose;

    OamFormatter(EarlyEnd earlyEnd, boolean veryVerbose) {
        this.earlyEnd = earlyEnd;
        this.veryVerbose = veryVerbose;
    }

    private static final int HEADER = 3, TLV_HEADER = 2, INFO_TLV = 16, LINK_EVENT_TLV = 40;
    private static final int INFORMATION = 0x00, EVENT_NOTIFICATION = 0x01, LOOPBACK_CONTROL = 0x04;
    private static final String[] FLAGS = {
        "Link Fault", "Dying Gasp", "Critical Event", "Local Evaluating", "Local Stable", "Remote Evaluating",
        "Remote Stable"};
    private static final String[] CONFIG_FLAGS = {
        "Active", "Unidirectional", "Remote-Loopback", "Link-Events", "Variable-Retrieval"};
    private static final String[] PARSER_ACTIONS = {"forwarding", "looping back", "discarding", "reserved"};
    private static final String INDENT = "\n\t  ";

    /** Appends the PDU after its subtype byte: {@code remaining} bytes on the wire, from {@code t}. */
    void format(Packet p, int t, int remaining, StringBuilder out) {
        if (remaining < HEADER) {
            tooShort(out);
            return;
        }
        if (!p.has(t, HEADER)) {
            truncated(out);
            return;
        }
        int code = p.u8(t + 2);
        out.append("\n\tCode ");
        String name = codeName(code);
        if (name != null) out.append(name);
        else out.append("Unknown (").append(code).append(')');
        out.append(" OAM PDU, Flags [");
        Text.bitNames(out, p.u16(t), FLAGS);
        out.append(']');
        t += HEADER;
        remaining -= HEADER;
        switch (code) {
            case INFORMATION -> tlvs(p, t, remaining, true, out);
            case EVENT_NOTIFICATION -> {
                if (remaining < 2) {
                    tooShort(out);
                } else if (!p.has(t, 2)) {
                    truncated(out);
                } else {
                    out.append(INDENT).append("Sequence Number ").append(p.u16(t));
                    tlvs(p, t + 2, remaining - 2, false, out);
                }
            }
            case LOOPBACK_CONTROL -> {
                if (remaining < 1) {
                    tooShort(out);
                } else if (!p.has(t, 1)) {
                    truncated(out);
                } else {
                    int commandCode = p.u8(t);
                    String command = commandCode == 1 ? "Enable OAM Remote Loopback"
                        : commandCode == 2 ? "Disable OAM Remote Loopback" : "Unknown";
                    out.append(INDENT).append("Command ").append(command).append(" (").append(commandCode).append(')');
                }
            }
            default -> {
                if (!veryVerbose) HexDump.hex(p, t, remaining, INDENT, out);
            }
        }
    }

    /** The code's name, null for an unknown code. */
    private static String codeName(int code) {
        return switch (code) {
            case 0x00 -> "Information";
            case 0x01 -> "Event Notification";
            case 0x02 -> "Variable Request";
            case 0x03 -> "Variable Response";
            case 0x04 -> "Loopback Control";
            case 0xfe -> "Vendor Private";
            default -> null;
        };
    }

    /** Information TLVs ({@code information}) or Link Event TLVs: the same walk, different names and bodies. */
    private void tlvs(Packet p, int t, int remaining, boolean information, StringBuilder out) {
        while (remaining > 0) {
            if (remaining < TLV_HEADER) {
                tooShort(out);
                return;
            }
            if (!p.has(t, TLV_HEADER)) {
                truncated(out);
                return;
            }
            int type = p.u8(t), length = p.u8(t + 1);
            out.append(INDENT).append(information ? informationName(type) : linkEventName(type))
                    .append(information ? " Information Type (" : " Link Event Type (").append(type)
                    .append("), length ").append(length);
            if (type == 0) return;  // End of TLV marker: its length and value are ignored (802.3 57.5.2)
            if (length < TLV_HEADER) {
                out.append("\n\t    ERROR: illegal length - should be >= ").append(TLV_HEADER);
                return;
            }
            if (remaining < length) {
                tooShort(out);
                return;
            }
            if (!p.has(t, length)) {
                truncated(out);
                return;
            }
            boolean decoded = information ? (type == 1 || type == 2) : (type >= 1 && type <= 4);
            int expected = information ? INFO_TLV : LINK_EVENT_TLV;
            if (decoded && length != expected) {
                out.append("\n\t    ERROR: illegal length - should be ").append(expected);
                decoded = false;
            }
            if (decoded && information) information(p, t, out);
            else if (decoded) linkEvent(p, t, out);
            if (!decoded || veryVerbose) HexDump.hex(p, t, length, INDENT, out);
            t += length;
            remaining -= length;
        }
    }

    private static String informationName(int type) {
        return switch (type) {
            case 0x00 -> "End of TLV marker";
            case 0x01 -> "Local";
            case 0x02 -> "Remote";
            case 0xfe -> "Organization specific";
            default -> "Reserved";
        };
    }

    private static String linkEventName(int type) {
        return switch (type) {
            case 0x00 -> "End of TLV marker";
            case 0x01 -> "Errored Symbol Period Event";
            case 0x02 -> "Errored Frame Event";
            case 0x03 -> "Errored Frame Period Event";
            case 0x04 -> "Errored Frame Seconds Summary Event";
            case 0xfe -> "Organization specific";
            default -> "Reserved";
        };
    }

    /** A Local or Remote Information TLV (802.3 57.5.2.1/2), 16 bytes from its type byte at {@code t}. */
    private static void information(Packet p, int t, StringBuilder out) {
        int state = p.u8(t + 5);
        out.append("\n\t    OAM-Version ").append(p.u8(t + 2)).append(", Revision ").append(p.u16(t + 3))
                .append("\n\t    State-Parser-Action ").append(PARSER_ACTIONS[state & 3])
                .append(", State-MUX-Action ").append((state & 4) == 0 ? "forwarding" : "discarding")
                .append("\n\t    OAM-Config Flags [");
        Text.bitNames(out, p.u8(t + 6), CONFIG_FLAGS);
        int oui = p.u8(t + 9) << 16 | p.u16(t + 10);
        out.append("], OAM-PDU-Config max-PDU size ").append(p.u16(t + 7) & 0x7ff)
                .append("\n\t    OUI ").append(TcpdumpOuis.name(oui)).append(" (0x");
        Text.hex(out, oui, 6);
        out.append("), Vendor-Private 0x");
        Text.hex(out, p.u32(t + 12), 8);
    }

    /** One of the four errored-symbol/frame Link Event TLVs (802.3 57.5.3), 40 bytes from {@code t}. */
    private static void linkEvent(Packet p, int t, StringBuilder out) {
        out.append("\n\t    Timestamp ").append(p.u16(t + 2) * 100).append(" ms, Errored Window ");
        u64(p, t + 4, out);
        out.append("\n\t    Errored Threshold ");
        u64(p, t + 12, out);
        out.append("\n\t    Errors ");
        u64(p, t + 20, out);
        out.append("\n\t    Error Running Total ");
        u64(p, t + 28, out);
        out.append("\n\t    Event Running Total ").append(p.u32(t + 36));
    }

    /** Unsigned 64-bit decimal ({@code PRIu64}), without a String. */
    private static void u64(Packet p, int off, StringBuilder out) {
        Text.u64(out, p.u32(off) << 32 | p.u32(off + 4));
    }

    private static void tooShort(StringBuilder out) {
        out.append("\n\t\t packet is too short");
    }

    /** print-slow.c jumps out on every truncation: -x dumps from the packet's first byte. */
    private void truncated(StringBuilder out) {
        earlyEnd.mark(out, "slow");
    }
}
