package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * BFD (RFC 5880 control packets on UDP 3784 single-hop, 4784 multihop and 6784 LAG; RFC 5881 echo on 3785) as
 * tcpdump 4.99 prints it (print-bfd.c): {@code BFDv1, Control, State Up, Flags: [none], length: 24}; -v shows the
 * diagnostic, timers, discriminators and the authentication section. tcpdump checks the 24-byte header (and the
 * authentication header) before printing anything of them and jumps out where the capture cuts them
 * ({@link EarlyEnd}), as it does for each later field it fetches.
 */
final class BfdFormatter {
    static final int CONTROL = 3784, ECHO = 3785, MULTIHOP = 4784, LAG = 6784;
    private static final int HEADER = 24, AUTH_HEADER = 4;
    private static final int AUTH_FLAG = 0x04;
    private static final int AUTH_PASSWORD = 1, AUTH_MD5 = 2, AUTH_MET_MD5 = 3, AUTH_SHA1 = 4, AUTH_MET_SHA1 = 5;
    private static final String[] AUTH_TYPES = {null, "Simple Password", "Keyed MD5", "Meticulous Keyed MD5",
        "Keyed SHA1", "Meticulous Keyed SHA1"};
    private static final String[] DIAGNOSTICS = {"No Diagnostic", "Control Detection Time Expired",
        "Echo Function Failed", "Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down",
        "Concatenated Path Down", "Administratively Down", "Reverse Concatenated Path Down"};
    private static final String[] STATES = {"AdminDown", "Down", "Init", "Up"};
    /** Flag names from the high bit down, as tcpdump lists them. */
    private static final String[] V0_FLAGS = {"I Hear You", "Demand", "Poll", "Final", "Control Plane Independent",
        "Authentication Present", "Reserved", "Reserved"};
    private static final String[] V1_FLAGS = {null, null, "Poll", "Final", "Control Plane Independent",
        "Authentication Present", "Demand", "Multipoint"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    BfdFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * The payload at {@code off} of {@code length} bytes (unsigned, as tcpdump's u_int: an IPv6 jumbogram's can pass
     * 2^31) sent to {@code port}; {@code end} is the snapshot end.
     */
    void format(Packet p, int off, int length, int end, int port, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            if (port == ECHO) {
                out.append("BFD, Echo, length: ").append(Integer.toUnsignedLong(length));
                if (verbosity.verbose()) unknownData(off, length, out);
            } else {
                control(off, length, port, out);
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "bfd");
        }
    }

    private void control(int off, int length, int port, StringBuilder out) {
        bytes.u8(off + HEADER - 1);   // the whole header is checked first
        int versionDiag = bytes.u8(off);
        int version = versionDiag >>> 5;
        int diagnostic = versionDiag & 0x1f;
        int flags = bytes.u8(off + 1);
        if (version > 1) {
            out.append("BFDv").append(version).append(", Control, length: ").append(Integer.toUnsignedLong(length));
            if (verbosity.verbose()) unknownData(off, length, out);
            return;
        }
        String[] flagNames = version == 0 ? V0_FLAGS : V1_FLAGS;
        int shownFlags = version == 0 ? flags : flags & 0x3f;
        if (!verbosity.verbose()) {
            out.append("BFDv").append(version).append(", ");
            if (version == 0) out.append("Control");
            else portAndState(port, flags, out);
            out.append(", Flags: [");
            flagList(shownFlags, flagNames, out);
            out.append("], length: ").append(Integer.toUnsignedLong(length));
            return;
        }
        out.append("BFDv").append(version).append(", length: ").append(Integer.toUnsignedLong(length)).append("\n\t");
        if (version == 0) out.append("Control");
        else portAndState(port, flags, out);
        out.append(", Flags: [");
        flagList(shownFlags, flagNames, out);
        out.append("], Diagnostic: ").append(diagnostic < DIAGNOSTICS.length ? DIAGNOSTICS[diagnostic] : "unknown")
            .append(" (0x");
        Text.hex(out, diagnostic, 2);
        int multiplier = bytes.u8(off + 2);
        long desiredTx = bytes.u32(off + 12);
        out.append(")\n\tDetection Timer Multiplier: ").append(multiplier).append(" (")
            .append(((multiplier * desiredTx) & 0xffffffffL) / 1000)   // tcpdump's product is 32-bit
            .append(" ms Detection time), BFD Length: ").append(bytes.u8(off + 3));
        out.append("\n\tMy Discriminator: 0x");
        Text.hex(out, bytes.u32(off + 4), 8);
        out.append(", Your Discriminator: 0x");
        Text.hex(out, bytes.u32(off + 8), 8);
        interval(out, "\n\t  Desired min Tx Interval:    ", desiredTx);
        interval(out, "\n\t  Required min Rx Interval:   ", bytes.u32(off + 16));
        interval(out, "\n\t  Required min Echo Interval: ", bytes.u32(off + 20));
        if ((flags & AUTH_FLAG) != 0) authentication(off + HEADER, out);
    }

    private static void portAndState(int port, int flags, StringBuilder out) {
        switch (port) {
            case CONTROL -> out.append("Control");
            case MULTIHOP -> out.append("Multihop");
            case LAG -> out.append("Lag");
            default -> out.append("unknown (").append(port).append(')');
        }
        out.append(", State ").append(STATES[flags >>> 6]);
    }

    /** "%4u ms" of microseconds. */
    private static void interval(StringBuilder out, String label, long micros) {
        Text.rightAligned(out.append(label), micros / 1000, 4);
        out.append(" ms");
    }

    private void authentication(int at, StringBuilder out) {
        bytes.u8(at + AUTH_HEADER - 1);
        int type = bytes.u8(at);
        int length = bytes.u8(at + 1);
        out.append("\n\tAuthentication: ").append(type < AUTH_TYPES.length && type > 0 ? AUTH_TYPES[type] : "Unknown")
            .append(" (").append(type).append("), length: ").append(length)
            .append("\n\t  Auth Key ID: ").append(bytes.u8(at + 2));
        switch (type) {
            case AUTH_PASSWORD -> {
                if (length < 4 || length > 19) {
                    out.append("[invalid length ").append(length).append(']');
                    return;
                }
                out.append(", Password: ");
                for (int i = 0; i < length - 3; i++) Text.printableChar(out, bytes.u8(at + 3 + i));
            }
            case AUTH_MD5, AUTH_MET_MD5 -> digest(at, length, 24, "\n\t  Digest: ", out);
            case AUTH_SHA1, AUTH_MET_SHA1 -> digest(at, length, 28, "\n\t  Hash: ", out);
            default -> { }
        }
    }

    /** Sequence number then the digest, whose bytes are checked before its label is printed. */
    private void digest(int at, int length, int expected, String label, StringBuilder out) {
        if (length != expected) {
            out.append("[invalid length ").append(length).append(']');
            return;
        }
        long sequence = bytes.u32(at + 4);
        out.append(", Sequence Number: 0x");
        Text.hex(out, sequence, 8);
        int digestLength = expected - 8;
        bytes.u8(at + 8 + digestLength - 1);
        out.append(label);
        for (int i = 0; i < digestLength; i++) Text.hex(out, bytes.u8(at + 8 + i), 2);
    }

    /** tcpdump's print_unknown_data: the bytes that were captured, as hex lines. */
    private void unknownData(int off, int length, StringBuilder out) {
        int captured = (int) Math.min(Integer.toUnsignedLong(length), bytes.end() - off);
        HexDump.hex(bytes.packet(), off, captured, "\n\t", out);
    }

    /** The names of the set bits, high bit first, "none" when no named bit is set. */
    private static void flagList(int flags, String[] namesFromHighBit, StringBuilder out) {
        boolean any = false;
        for (int i = 0; i < 8; i++) {
            String name = namesFromHighBit[i];
            if (name == null || (flags & (0x80 >>> i)) == 0) continue;
            if (any) out.append(", ");
            out.append(name);
            any = true;
        }
        if (!any) out.append("none");
    }
}
