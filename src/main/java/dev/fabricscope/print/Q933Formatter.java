package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ITU-T Q.933 (and ANSI T1.617 Annex D) signalling as tcpdump 4.99's q933_print, as Frame Relay's NLPID 0x08 and
 * the OSI printers carry it: the dialect and codeset, the call reference, the message type, and its information
 * elements (names and contents with -v, LMI's link verification and PVC status always, their bytes with -vv).
 * Every read is checked against the capture; a cut message ends with " [|q.933]". Allocates nothing.
 */
final class Q933Formatter {
    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;

    Q933Formatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
    }

    /**
     * tcpdump's q933_print from octet 2 (the call reference length) at {@code off}: the dialect and codeset, the call
     * reference, the message type, and its information elements (their names and contents with -v, LMI's link
     * verification and PVC status always).
     */
    void format(Packet p, int off, int length, StringBuilder out) {
        if (!linkHeaders) out.append("Q.933");
        if (length == 0 || !p.has(off, 1)) {
            q933Length(length, out);
            return;
        }
        int olen = length;
        int callRefLength = p.u8(off) & 0x0f;
        int at = off + 1;
        length--;
        int callRef = at;
        for (int i = 0; i < callRefLength; i++) {
            if (length == 0 || !p.has(at, 1)) {
                q933Length(olen, out);
                return;
            }
            at++;
            length--;
        }
        if (length == 0 || !p.has(at, 1)) {
            q933Length(olen, out);
            return;
        }
        int msgType = p.u8(at);
        at++;
        length--;
        int codeset = 0;
        boolean ansi = false;
        int nonLockingShift = 0;
        int unshiftCodeset = codeset;
        if (length != 0) {
            if (!p.has(at, 1)) {
                q933Length(olen, out);
                return;
            }
            int ie = p.u8(at);
            if ((ie & 0xf0) == 0x90) {   // a shift first
                at++;
                length--;
                codeset = ie & 0x07;
                if ((ie & 0x08) == 0) {
                    if (codeset == 5) ansi = true;   // a locking shift to codeset 5: T1.617 Annex D
                } else {
                    nonLockingShift = 1;
                    unshiftCodeset = 0;
                }
            }
        }
        if (!linkHeaders) out.append(", ");
        out.append(ansi ? "ANSI" : "CCITT").append(", codeset ").append(codeset);
        if (callRefLength != 0) {
            if (callRefLength == 1 && !p.has(at, 1)) {   // tcpdump reads the byte after the message type here (sic)
                earlyEnd.mark(out, "q.933");
                return;
            }
            if (callRefLength > 1 || p.u8(at) != 0) {
                out.append(", Call Ref: 0x");
                for (int i = 0; i < callRefLength; i++) Text.hex(out, p.u8(callRef + i), 2);
            }
        }
        boolean verbose = verbosity.verbose();
        String name = messageName(msgType);
        if (verbose) {
            out.append(", ").append(name == null ? "unknown message" : name).append(" (0x");
            Text.hex(out, msgType, 2);
            out.append("), length ").append(olen);
        } else if (name != null) {
            out.append(", ").append(name);
        } else {
            out.append(", unknown message 0x");
            Text.hex(out, msgType, 2);
        }
        while (length != 0) {
            if (nonLockingShift == 1) {
                nonLockingShift = 2;
            } else if (nonLockingShift == 2) {
                codeset = unshiftCodeset;
                nonLockingShift = 0;
            }
            if (!p.has(at, 1)) {
                ieCut(olen, out);
                return;
            }
            int ie = p.u8(at);
            at++;
            length--;
            if ((ie & 0x80) != 0) {   // a single-octet IE
                if ((ie & 0xf0) == 0x90) {
                    if ((ie & 0x08) == 0) {
                        nonLockingShift = 0;
                    } else {
                        nonLockingShift = 1;
                        unshiftCodeset = codeset;
                    }
                    codeset = ie & 0x07;
                }
                continue;
            }
            if (length == 0 || !p.has(at, 1)) {
                ieCut(olen, out);
                return;
            }
            int ieLength = p.u8(at);
            at++;
            length--;
            boolean known = codeset == 0 || codeset == 5;
            if (verbose) {
                String ieName = known ? ieName05(ie) : null;
                out.append("\n\t").append(ieName == null ? "unknown" : ieName).append(" IE (0x");
                Text.hex(out, ie, 2);
                out.append("), length ").append(ieLength).append(": ");
            }
            if (ie == 0 || ieLength == 0) return;
            if (length < ieLength || !p.has(at, ieLength)) {
                ieCut(olen, out);
                return;
            }
            if (known && ie05(p, ie, ieLength, at, out)) {
                if (verbosity.veryVerbose()) HexDump.hex(p, at, ieLength, "\n\t  ", out);
            } else if (verbose) {
                HexDump.hex(p, at, ieLength, "\n\t", out);
            }
            length -= ieLength;
            at += ieLength;
        }
        if (!verbose) out.append(", length ").append(olen);
    }

    /** A cut header: ", length N" (without the comma after -e's empty name), then the marker. */
    private void q933Length(int length, StringBuilder out) {
        if (!linkHeaders) out.append(", ");
        out.append("length ").append(length).append(" [|q.933]");
    }

    /** A cut IE: without -v the length first, then the marker. */
    private void ieCut(int olen, StringBuilder out) {
        if (!verbosity.verbose()) out.append(", length ").append(olen);
        out.append(" [|q.933]");
    }

    private static String messageName(int type) {
        return switch (type) {
            case 0x00 -> "ESC to National";
            case 0x01 -> "Alert";
            case 0x02 -> "Call proceeding";
            case 0x07 -> "Connect";
            case 0x0f -> "Connect ACK";
            case 0x03 -> "Progress";
            case 0x05 -> "Setup";
            case 0x45 -> "Disconnect";
            case 0x4d -> "Release";
            case 0x5a -> "Release Complete";
            case 0x46 -> "Restart";
            case 0x4e -> "Restart ACK";
            case 0x7d -> "Status Reply";
            case 0x75 -> "Status Enquiry";
            default -> null;
        };
    }

    private static String ieName05(int ie) {
        return switch (ie) {
            case 0x01 -> "ANSI Report Type";
            case 0x19, 0x03 -> "ANSI Link Verify";
            case 0x07 -> "ANSI PVC Status";
            case 0x51 -> "CCITT Report Type";
            case 0x53 -> "CCITT Link Verify";
            case 0x57 -> "CCITT PVC Status";
            default -> null;
        };
    }

    /** fr_q933_print_ie_codeset_0_5: true for the IEs it knows (the captured {@code length} bytes at {@code at}). */
    private boolean ie05(Packet p, int ie, int length, int at, StringBuilder out) {
        boolean verbose = verbosity.verbose();
        switch (ie) {
            case 0x01, 0x51 -> {
                if (verbose) {
                    int type = p.u8(at);
                    String name = switch (type) {
                        case 0 -> "Full Status";
                        case 1 -> "Link verify";
                        case 2 -> "Async PVC Status";
                        default -> "unknown";
                    };
                    out.append(name).append(" (").append(type).append(')');
                }
                return true;
            }
            case 0x03, 0x53, 0x19 -> {
                if (!verbose) out.append(", ");
                if (length < 2) {
                    out.append("Invalid LINK VERIFY IE");
                    return true;
                }
                out.append("TX Seq: ");
                Text.rightAligned(out, p.u8(at), 3);
                out.append(", RX Seq: ");
                Text.rightAligned(out, p.u8(at + 1), 3);
                return true;
            }
            case 0x07, 0x57 -> {
                if (!verbose) out.append(", ");
                if (length < 3 || (p.u8(at) & 0x80) != 0
                    || length == 3 && (p.u8(at + 1) & 0x80) == 0
                    || length == 4 && ((p.u8(at + 1) & 0x80) != 0 || (p.u8(at + 2) & 0x80) == 0)
                    || length == 5 && ((p.u8(at + 1) & 0x80) != 0 || (p.u8(at + 2) & 0x80) != 0
                        || (p.u8(at + 3) & 0x80) == 0)
                    || length > 5 || (p.u8(at + length - 1) & 0x80) == 0) {
                    out.append("Invalid DLCI in PVC STATUS IE");
                    return true;
                }
                int id = (p.u8(at) & 0x3f) << 4 | (p.u8(at + 1) & 0x78) >> 3;
                if (length == 4) id = id << 6 | (p.u8(at + 2) & 0x7e) >> 1;
                else if (length == 5) id = id << 13 | p.u8(at + 2) & 0x7f | (p.u8(at + 3) & 0x7e) >> 1;
                int status = p.u8(at + length - 1);
                out.append("DLCI ").append(id).append(": status ").append((status & 0x8) != 0 ? "New, " : "")
                    .append((status & 0x2) != 0 ? "Active" : "Inactive");
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
