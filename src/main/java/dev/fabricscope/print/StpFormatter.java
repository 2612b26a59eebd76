package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Spanning tree BPDUs as tcpdump 4.99 prints them (print-stp.c): 802.1D configuration and topology change BPDUs,
 * 802.1w RSTP, 802.1s/802.1Q MSTP with its MSTI records and 802.1aq SPB, whether carried by LLC SAP 0x42, by SNAP
 * (Cisco PVST+, RFC 2684 bridged BPDUs) or elsewhere. By default one line ("STP 802.1w, Rapid STP, Flags [...],
 * bridge-id 8000.00:11:22:33:44:55.8001, length 36"); -v adds the timers, root and, for MSTP and SPB, the region and
 * every MSTI. A BPDU too short for its type prints " (invalid)"; a read past the capture " [|stp]" where tcpdump's
 * stops, with what it had printed before. Allocates nothing. One per printer.
 */
final class StpFormatter {
    private static final int CONFIG_LENGTH = 35, RSTP_LENGTH = 36, MSTP_MIN_LENGTH = 102, SPB_MIN_LENGTH = 87;
    private static final int MSTI_LENGTH = 16, MST_CONFIG_INFO_LENGTH = 64;
    private static final int PROTOCOL_VERSION = 2, BPDU_TYPE = 3, FLAGS = 4, ROOT_ID = 5, ROOT_PATH_COST = 13,
        BRIDGE_ID = 17, PORT_ID = 25, MESSAGE_AGE = 27, V1_LENGTH = 35, V3_LENGTH = 36, MST_CONFIG_NAME = 39,
        MST_REVISION = 71, MST_DIGEST = 73, CIST_INTERNAL_COST = 89, CIST_BRIDGE_ID = 93, CIST_HOPS = 101,
        MSTI_RECORDS = 102;
    private static final int VERSION_STP = 0, VERSION_RSTP = 2, VERSION_MSTP = 3, VERSION_SPB = 4;
    private static final int TYPE_CONFIG = 0x00, TYPE_RSTP = 0x02, TYPE_TOPOLOGY_CHANGE = 0x80;
    private static final int[] FLAG_MASKS = {0x01, 0x02, 0x10, 0x20, 0x40, 0x80};
    private static final String[] FLAG_NAMES = {"Topology change", "Proposal", "Learn", "Forward", "Agreement",
        "Topology change ACK"};
    private static final String[] PORT_ROLES = {"Unknown", "Alternate", "Root", "Designated"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    StpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * The BPDU at {@code off}, {@code length} bytes long (tcpdump's u_int: an IPv6 jumbogram's carried frame passes
     * 2^31); the packet's capture length is tcpdump's snapshot end.
     */
    void format(Packet p, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            bpdu(off, Integer.toUnsignedLong(length), out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "stp");
        }
    }

    private void bpdu(int off, long length, StringBuilder out) {
        if (length < 4) {
            invalid(out);
            return;
        }
        if (bytes.u16(off) != 0) {
            out.append("unknown STP version, length ").append(length);
            return;
        }
        int version = bytes.u8(off + PROTOCOL_VERSION);
        out.append("STP ");
        switch (version) {
            case VERSION_STP -> out.append("802.1d");
            case VERSION_RSTP -> out.append("802.1w");
            case VERSION_MSTP -> out.append("802.1s");
            case VERSION_SPB -> out.append("802.1aq");
            default -> {
                out.append("Unknown STP protocol (0x");
                Text.hex(out, version, 2);
                out.append(')');
                return;
            }
        }
        int type = bytes.u8(off + BPDU_TYPE);
        out.append(", ");
        switch (type) {
            case TYPE_CONFIG -> out.append("Config");
            case TYPE_RSTP -> out.append("Rapid STP");
            case TYPE_TOPOLOGY_CHANGE -> out.append("Topology Change");
            default -> {
                out.append("Unknown BPDU Type (0x");
                Text.hex(out, type, 2);
                out.append(')');
            }
        }
        if (type == TYPE_CONFIG) {
            if (length < CONFIG_LENGTH) invalid(out);
            else config(off, length, out);
        } else if (type == TYPE_RSTP && version == VERSION_RSTP) {
            if (length < RSTP_LENGTH) invalid(out);
            else config(off, length, out);
        } else if (type == TYPE_RSTP && (version == VERSION_MSTP || version == VERSION_SPB)) {
            mstpOrSpb(off, length, version, out);
        }
    }

    /** The length checks of an MSTP or SPB BPDU, then its fields. */
    private void mstpOrSpb(int off, long length, int version, StringBuilder out) {
        if (length < MSTP_MIN_LENGTH || bytes.u8(off + V1_LENGTH) != 0) {
            invalid(out);
            return;
        }
        int mstpLength = bytes.u16(off + V3_LENGTH) + 2;   // the length field counts itself here
        if (length < RSTP_LENGTH + mstpLength) {
            invalid(out);
            return;
        }
        mstp(off, length, out);
        if (version != VERSION_SPB) return;
        int spbLength = bytes.u16(off + V3_LENGTH + mstpLength) + 2;
        if (length < RSTP_LENGTH + mstpLength + spbLength || spbLength < SPB_MIN_LENGTH) {
            invalid(out);
            return;
        }
        if (verbosity.verbose()) spb(off + RSTP_LENGTH + mstpLength, out);
    }

    /** Configuration and RSTP BPDUs. Every field of one printf is read before it prints, as C evaluates arguments. */
    private void config(int off, long length, StringBuilder out) {
        int flags = bytes.u8(off + FLAGS);
        out.append(", Flags [");
        LldpText.bits(out, flags, FLAG_MASKS, FLAG_NAMES, "none");
        out.append(']');
        checkBridgeId(off + BRIDGE_ID);
        int port = bytes.u16(off + PORT_ID);
        out.append(", bridge-id ");
        bridgeId(off + BRIDGE_ID, out);
        out.append('.');
        Text.hex(out, port, 4);
        out.append(", length ").append(length);
        if (!verbosity.verbose()) return;
        timers(off, out);
        checkBridgeId(off + ROOT_ID);
        long cost = bytes.u32(off + ROOT_PATH_COST);
        out.append("\n\troot-id ");
        bridgeId(off + ROOT_ID, out);
        out.append(", root-pathcost ").append(cost);
        if (bytes.u8(off + PROTOCOL_VERSION) == VERSION_RSTP) {
            out.append(", port-role ").append(PORT_ROLES[flags >> 2 & 3]);
        }
    }

    private void timers(int off, StringBuilder out) {
        int age = bytes.u16(off + MESSAGE_AGE), maxAge = bytes.u16(off + MESSAGE_AGE + 2),
            hello = bytes.u16(off + MESSAGE_AGE + 4), delay = bytes.u16(off + MESSAGE_AGE + 6);
        out.append("\n\tmessage-age ");
        seconds(age, out);
        out.append("s, max-age ");
        seconds(maxAge, out);
        out.append("s, hello-time ");
        seconds(hello, out);
        out.append("s, forwarding-delay ");
        seconds(delay, out);
        out.append('s');
    }

    private void mstp(int off, long length, StringBuilder out) {
        int flags = bytes.u8(off + FLAGS);
        out.append(", CIST Flags [");
        LldpText.bits(out, flags, FLAG_MASKS, FLAG_NAMES, "none");
        out.append("], length ").append(length);
        if (!verbosity.verbose()) return;
        out.append("\n\tport-role ").append(PORT_ROLES[flags >> 2 & 3]).append(", ");
        checkBridgeId(off + ROOT_ID);
        long externalCost = bytes.u32(off + ROOT_PATH_COST);
        out.append("CIST root-id ");
        bridgeId(off + ROOT_ID, out);
        out.append(", CIST ext-pathcost ").append(externalCost);
        checkBridgeId(off + BRIDGE_ID);
        out.append("\n\tCIST regional-root-id ");
        bridgeId(off + BRIDGE_ID, out);
        out.append(", ");
        int port = bytes.u16(off + PORT_ID);
        out.append("CIST port-id ");
        Text.hex(out, port, 4);
        out.append(',');
        timers(off, out);
        int v3Length = bytes.u16(off + V3_LENGTH);
        out.append("\n\tv3len ").append(v3Length).append(", MCID Name ");
        LldpText.untilNul(bytes, off + MST_CONFIG_NAME, 32, out);
        int revision = bytes.u16(off + MST_REVISION);
        bytes.u8(off + MST_DIGEST + 15);
        out.append(", rev ").append(revision).append(",\n\t\tdigest ");
        digest(off + MST_DIGEST, 4, out);
        out.append(", ");
        long internalCost = bytes.u32(off + CIST_INTERNAL_COST);
        out.append("CIST int-root-pathcost ").append(internalCost).append(',');
        checkBridgeId(off + CIST_BRIDGE_ID);
        out.append("\n\tCIST bridge-id ");
        bridgeId(off + CIST_BRIDGE_ID, out);
        out.append(", ");
        int hops = bytes.u8(off + CIST_HOPS);
        out.append("CIST remaining-hops ").append(hops);
        if (v3Length <= MST_CONFIG_INFO_LENGTH) return;
        for (int left = v3Length - MST_CONFIG_INFO_LENGTH, m = off + MSTI_RECORDS; left >= MSTI_LENGTH;
                left -= MSTI_LENGTH, m += MSTI_LENGTH) {
            int msti = bytes.u16(m + 1) & 0x0fff;
            int mstiFlags = bytes.u8(m);
            out.append("\n\tMSTI ").append(msti).append(", Flags [");
            LldpText.bits(out, mstiFlags, FLAG_MASKS, FLAG_NAMES, "none");
            out.append("], port-role ").append(PORT_ROLES[mstiFlags >> 2 & 3]);
            checkBridgeId(m + 1);
            long cost = bytes.u32(m + 9);
            out.append("\n\t\tMSTI regional-root-id ");
            bridgeId(m + 1, out);
            out.append(", pathcost ").append(cost);
            int bridgePriority = bytes.u8(m + 13) >> 4, portPriority = bytes.u8(m + 14) >> 4, mstiHops = bytes.u8(m + 15);
            out.append("\n\t\tMSTI bridge-prio ").append(bridgePriority).append(", port-prio ").append(portPriority)
                .append(", hops ").append(mstiHops);
        }
    }

    /** 802.1aq's SPB fields, {@code s} at its v4 length field. */
    private void spb(int s, StringBuilder out) {
        int v4Length = bytes.u16(s);
        out.append("\n\tv4len ").append(v4Length).append(", AUXMCID Name ");
        LldpText.untilNul(bytes, s + 3, 32, out);
        int revision = bytes.u16(s + 35);
        bytes.u8(s + 37 + 15);
        out.append(", Rev ").append(revision).append(",\n\t\tdigest ");
        digest(s + 37, 4, out);
        int agreement = bytes.u8(s + 53), format = bytes.u8(s + 55), convention = bytes.u8(s + 56);
        int edges = bytes.u16(s + 57);
        bytes.u8(s + 67 + 19);
        out.append("\n\tAgreement num ").append(agreement >> 6).append(", Discarded Agreement num ")
            .append(agreement >> 4 & 3).append(", Agreement valid-flag ").append(agreement >> 3 & 1)
            .append(",\n\tRestricted role-flag: ").append(agreement >> 2 & 1).append(", Format id ").append(format >> 4)
            .append(" cap ").append(format).append(", Convention id ").append(convention >> 4).append(" cap ")
            .append(convention).append(",\n\tEdge count ").append(edges).append(", Agreement digest ");
        digest(s + 67, 5, out);
    }

    /** {@code words} 32-bit words as "%08x" each, read (checked) by the caller. */
    private void digest(int at, int words, StringBuilder out) {
        for (int i = 0; i < words; i++) Text.hex(out, bytes.u32(at + 4 * i), 8);
    }

    private void checkBridgeId(int at) {
        bytes.u8(at + 7);
    }

    /** "pppp.aa:bb:cc:dd:ee:ff": priority and system ID extension, then the MAC address. */
    private void bridgeId(int at, StringBuilder out) {
        Text.hex(out, bytes.u16(at), 4);
        out.append('.');
        for (int i = 2; i < 8; i++) {
            if (i > 2) out.append(':');
            Text.hex(out, bytes.u8(at + i), 2);
        }
    }

    /**
     * STP times count 1/256 s; printf's "%.2f" of that exact binary fraction rounds half to even.
     */
    private static void seconds(int units, StringBuilder out) {
        long hundredths = units * 100L / 256, rest = units * 100L % 256;
        if (rest > 128 || rest == 128 && (hundredths & 1) == 1) hundredths++;
        out.append(hundredths / 100).append('.');
        Text.twoDigits(out, (int) (hundredths % 100));
    }

    private static void invalid(StringBuilder out) {
        out.append(" (invalid)");
    }
}
