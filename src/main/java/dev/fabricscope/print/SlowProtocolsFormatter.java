package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * IEEE 802.3 slow protocols as tcpdump 4.99 prints them: the headline ("LACPv1, length N", "MARKERv1,
 * length N", "OAM, length N", "unknown (N), length N" followed by a hex dump of the PDU) and, with -v,
 * the LACP/Marker TLVs on tab-indented lines ("\n\tActor Information TLV (0x01), length 20" ...),
 * including tcpdump's messages for bad lengths ("ERROR: illegal length - should be 20", "packet is too
 * short") and its truncation marker " [|slow]" where the capture ends. tcpdump 4.99 knows only the
 * Marker Information TLV: a Marker Response TLV prints as "Unknown TLV (0x02)" plus a hex dump, as here.
 * OAM -v: the OAM PDU's code, flags and TLVs ({@link OamFormatter}). Appends to the caller's builder;
 * allocates nothing.
 */
public final class SlowProtocolsFormatter {
    private static final int LACP = 1, MARKER = 2, OAM = 3;
    private static final int TLV_HEADER = 2, PORT_INFO = 18, COLLECTOR_INFO = 14, MARKER_INFO = 14;
    private static final String[] STATE_FLAGS = {
        "Activity", "Timeout", "Aggregation", "Synchronization", "Collecting", "Distributing", "Default", "Expired"};

    private final Verbosity verbosity;

    private final EarlyEnd earlyEnd;
    private final OamFormatter oam;

    SlowProtocolsFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.oam = new OamFormatter(earlyEnd, verbosity.veryVerbose());
    }

    /** The capture ended: "[|slow]"; print-slow.c jumps out on every truncation (-x dumps from the first byte). */
    private boolean truncated(StringBuilder out) {
        earlyEnd.mark(out, "slow");
        return false;
    }

    /**
     * Appends the PDU at {@code off} whose on-wire length (Ethernet padding included, as tcpdump counts
     * it) is {@code unsigned}, taken as tcpdump's u_int; multi-line output has no trailing newline.
     */
    public void format(Packet p, int off, int unsigned, StringBuilder out) {
        // tcpdump's u_int (a frame carried in a jumbogram's UDP payload passes 2^31): printed unsigned, the rest
        // walked with the int clamped to 2^31-1 (the capture ends it first)
        int length = UnsignedLength.clamped(unsigned);
        if (length < 1) {
            tooShort(out);
            return;
        }
        if (!p.has(off, 1)) {
            truncated(out);
            return;
        }
        int subtype = p.u8(off);
        if (subtype == LACP || subtype == MARKER) {
            if (length < 2) {
                tooShort(out);
                return;
            }
            if (!p.has(off, 2)) {
                truncated(out);
                return;
            }
            int version = p.u8(off + 1);
            String name = subtype == LACP ? "LACP" : "MARKER";
            if (version != 1) {
                out.append(name).append(" version ").append(version).append(" packet not supported");
                return;
            }
            out.append(name).append('v').append(version).append(", length ").append(Integer.toUnsignedLong(unsigned));
            if (verbosity.verbose()) tlvs(p, off + 2, length - 2, subtype, out);
        } else if (subtype == OAM) {
            out.append("OAM, length ").append(Integer.toUnsignedLong(unsigned));
            if (verbosity.verbose()) oam.format(p, off + 1, length - 1, out);
        } else {
            out.append("unknown (").append(subtype).append("), length ").append(Integer.toUnsignedLong(unsigned));
            HexDump.hex(p, off, length, "\n\t", out);
        }
    }

    /** The LACP/Marker TLV walk: each TLV's header line, then its fields (or why not). */
    private void tlvs(Packet p, int t, int remaining, int subtype, StringBuilder out) {
        while (remaining != 0) {
            if (remaining < TLV_HEADER) {
                out.append("\n\t\t packet is too short");
                return;
            }
            if (!p.has(t, TLV_HEADER)) {
                truncated(out);
                return;
            }
            int type = p.u8(t), length = p.u8(t + 1);
            out.append("\n\t").append(tlvName(subtype, type)).append(" TLV (0x");
            Text.hex(out, type, 2);
            out.append("), length ").append(length);
            if (type == 0) return;  // Terminator: nothing after it is read
            if (length < TLV_HEADER) {
                out.append("\n\t    ERROR: illegal length - should be >= 2");
                return;
            }
            if (remaining < length) {
                out.append("\n\t\t packet is too short");
                return;
            }
            if (!p.has(t, length)) {
                truncated(out);
                return;
            }
            int v = t + TLV_HEADER, valueLength = length - TLV_HEADER;
            int key = subtype << 8 | type;
            switch (key) {
                case LACP << 8 | 1, LACP << 8 | 2 -> {
                    if (valueLength != PORT_INFO) illegalLength(out, PORT_INFO);
                    else portInfo(p, v, out);
                }
                case LACP << 8 | 3 -> {
                    if (valueLength != COLLECTOR_INFO) illegalLength(out, COLLECTOR_INFO);
                    else out.append("\n\t  Max Delay ").append(p.u16(v));
                }
                case MARKER << 8 | 1 -> {
                    if (valueLength != MARKER_INFO) {
                        illegalLength(out, MARKER_INFO);
                    } else {
                        out.append("\n\t  Request System ");
                        Text.linkAddress(out, p, v + 2, 6);
                        out.append(", Request Port ").append(p.u16(v)).append(", Request Transaction ID 0x");
                        Text.hex(out, p.u32(v + 8), 8);
                    }
                }
                default -> {
                    if (!verbosity.veryVerbose()) HexDump.hex(p, v, valueLength, "\n\t  ", out);
                }
            }
            // -vv: every TLV's value in hex too
            if (verbosity.veryVerbose()) HexDump.hex(p, v, valueLength, "\n\t  ", out);
            t += length;
            remaining -= length;
        }
    }

    private static String tlvName(int subtype, int type) {
        if (type == 0) return "Terminator";
        if (subtype == LACP) {
            return switch (type) {
                case 1 -> "Actor Information";
                case 2 -> "Partner Information";
                case 3 -> "Collector Information";
                default -> "Unknown";
            };
        }
        return type == 1 ? "Marker Information" : "Unknown";
    }

    private static void illegalLength(StringBuilder out, int valueLength) {
        out.append("\n\t    ERROR: illegal length - should be ").append(valueLength + TLV_HEADER);
    }

    private static void portInfo(Packet p, int v, StringBuilder out) {
        out.append("\n\t  System ");
        Text.linkAddress(out, p, v + 2, 6);
        out.append(", System Priority ").append(p.u16(v))
                .append(", Key ").append(p.u16(v + 8))
                .append(", Port ").append(p.u16(v + 12))
                .append(", Port Priority ").append(p.u16(v + 10))
                .append("\n\t  State Flags [");
        Text.bitNames(out, p.u8(v + 14), STATE_FLAGS);
        out.append(']');
    }

    private void tooShort(StringBuilder out) {
        out.append(verbosity.verbose() ? "\n\t\t packet is too short" : " (packet is too short)");
    }
}
