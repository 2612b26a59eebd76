package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * PTP (IEEE 1588 on UDP 319/320 and ethertype 0x88f7) as tcpdump 4.99 prints it (print-ptp.c), the same at every
 * verbosity: "PTPv2, v1 compat : no, msg type : sync msg, length : 44, domain : 0, ..." with each field of the
 * 34-byte common header and the message's body (timestamps, port identities, announce's grandmaster fields).
 * Version 1 prints "PTPv1 (not implemented)", other versions the number alone (the version is the second byte
 * whole, so a 1588-2019 minorVersionPTP of 1 reads as "PTPv18"). A message shorter than the header is
 * " [length N < 34] (invalid)".
 *
 * <p>tcpdump's quirks are kept: the log message interval and the reserved fields print unsigned; pdelay_req's and
 * delay_req's bodies are read as the layouts tcpdump assumes; a management message prints its first body byte four
 * times (tcpdump never moves on), each as ", , name  value". Every field is fetched where the capture may end:
 * there tcpdump jumps out with " [|ptp]" ({@link EarlyEnd}). One per printer; allocates nothing.
 *
 * <p>Known difference: over UDP tcpdump first gives a datagram whose third byte is 2 to its AppleTalk (DDP in UDP)
 * printer, 319 and 320 being in that port range; we print such messages (512 to 767 bytes long) as PTP.
 */
final class PtpFormatter {
    private static final int HEADER = 34;
    private static final int SYNC = 0x0, DELAY_REQ = 0x1, PDELAY_REQ = 0x2, PDELAY_RESP = 0x3, FOLLOW_UP = 0x8,
        DELAY_RESP = 0x9, PDELAY_RESP_FOLLOW_UP = 0xa, ANNOUNCE = 0xb, SIGNALLING = 0xc, MANAGEMENT = 0xd;
    private static final String[] MESSAGE_TYPES = {"sync msg", "delay req msg", "peer delay req msg",
        "peer delay resp msg", null, null, null, null, "follow up msg", "delay resp msg", "pdelay resp fup msg",
        "announce msg", "signalling msg", "management msg"};
    private static final String[] CONTROLS = {"Sync", "Delay_Req", "Follow_Up", "Delay_Resp", "Management", "Other"};
    /** tcpdump's flag table in its order; the last, several bits, prints only when all of them are set. */
    private static final int[] FLAG_MASKS = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x100, 0x200, 0x400, 0x1000, 0x2000,
        0x4000, 0x18c0};
    private static final String[] FLAG_NAMES = {"l1 61", "l1 59", "utc reasonable", "timescale", "time tracable",
        "frequency tracable", "alternate master", "two step", "unicast", "profile specific 1", "profile specific 2",
        "security mask", "unknown"};
    private static final String ORIGIN = "originTimeStamp", PRECISE_ORIGIN = "preciseOriginTimeStamp",
        RECEIVE = "receiveTimeStamp";

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    PtpFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes (UDP data or Ethernet payload); {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ptp");
        }
    }

    private void message(int bp, int length, StringBuilder out) {
        if (length < HEADER) {
            out.append(" [length ").append(length).append(" < ").append(HEADER).append("] (invalid)");
            return;
        }
        int version = bytes.u16(bp) & 0xff;
        out.append("PTPv").append(version);
        if (version == 1) out.append(" (not implemented)");
        else if (version == 2) version2(bp, out);
    }

    private void version2(int bp, StringBuilder out) {
        int first = bytes.u8(bp);
        int type = first & 0x0f;
        out.append(", v1 compat : ").append((first & 0x10) != 0 ? "yes" : "no");
        out.append(", msg type : ").append(LldpText.name(MESSAGE_TYPES, 0, type, "Reserved"));
        // each field is fetched before any of its text is printed: a cut one prints nothing of itself
        number(", length : ", bytes.u16(bp + 2), out);
        number(", domain : ", bytes.u16(bp + 4) >>> 8, out);
        number(", reserved1 : ", bytes.u16(bp + 4) & 0xff, out);
        int flags = bytes.u16(bp + 6);
        out.append(", Flags [");
        LldpText.bits(out, flags, FLAG_MASKS, FLAG_NAMES, "none");
        out.append(']');
        number(", NS correction : ", u48(bp + 8), out);
        number(", sub NS correction : ", bytes.u16(bp + 14), out);
        number(", reserved2 : ", bytes.u32(bp + 16), out);
        hexNumber(", clock identity : 0x", u64(bp + 20), out);
        number(", port id : ", bytes.u16(bp + 28), out);
        number(", seq id : ", bytes.u16(bp + 30), out);
        int control = bytes.u8(bp + 32);
        out.append(", control : ").append(control).append(" (").append(LldpText.name(CONTROLS, 0, control, "Reserved"))
            .append(')');
        number(", log message interval : ", bytes.u16(bp + 32) & 0xff, out);
        int body = bp + HEADER;
        switch (type) {
            case SYNC, DELAY_REQ -> timestamp(body, ORIGIN, ",", out);
            case FOLLOW_UP -> timestamp(body, PRECISE_ORIGIN, ",", out);
            case PDELAY_REQ, PDELAY_RESP_FOLLOW_UP -> timestampAndPort(body, PRECISE_ORIGIN, out);
            case PDELAY_RESP, DELAY_RESP -> timestampAndPort(body, RECEIVE, out);
            case ANNOUNCE -> announce(body, out);
            case SIGNALLING -> portIdentity(body, out);
            case MANAGEMENT -> management(body, out);
            default -> { }
        }
    }

    /** ", NAME : S seconds<comma> N nanoseconds": the name is printed before the stamp is fetched. */
    private void timestamp(int bp, String name, String comma, StringBuilder out) {
        out.append(", ").append(name).append(" :");
        long seconds = u48(bp);
        out.append(' ').append(seconds).append(" seconds").append(comma);
        long nanoseconds = bytes.u32(bp + 6);
        out.append(' ').append(nanoseconds).append(" nanoseconds");
    }

    private void timestampAndPort(int bp, String name, StringBuilder out) {
        timestamp(bp, name, ",", out);
        portIdentity(bp + 10, out);
    }

    private void portIdentity(int bp, StringBuilder out) {
        hexNumber(", port identity : 0x", u64(bp), out);
        number(", port id : ", bytes.u16(bp + 8), out);
    }

    private void announce(int bp, StringBuilder out) {
        timestamp(bp, ORIGIN, "", out);
        number(", origin cur utc :", bytes.u16(bp + 10), out);
        number(", rsvd : ", bytes.u8(bp + 12), out);
        number(", gm priority_1 : ", bytes.u8(bp + 13), out);
        number(", gm clock class : ", bytes.u8(bp + 14), out);
        number(", gm clock accuracy : ", bytes.u8(bp + 15), out);
        number(", gm clock variance : ", bytes.u16(bp + 16), out);
        number(", gm priority_2 : ", bytes.u8(bp + 18), out);
        hexNumber(", gm clock id : 0x", u64(bp + 19), out);
        number(", steps removed : ", bytes.u16(bp + 27), out);
        hexNumber(", time source : 0x", bytes.u8(bp + 29), out);
    }

    /** The target port identity, then tcpdump's four one-byte fields, all of them the body's first byte. */
    private void management(int bp, StringBuilder out) {
        portIdentity(bp, out);
        number(", , start boundary hops  ", bytes.u8(bp), out);
        number(", , boundary hops  ", bytes.u8(bp), out);
        hexNumber(", , flags  0x", bytes.u8(bp), out);
        hexNumber(", , reserved  0x", bytes.u8(bp), out);
    }

    /** A field already fetched (the argument is evaluated first), so a jump leaves its label unprinted. */
    private static void number(String label, long value, StringBuilder out) {
        out.append(label).append(value);
    }

    private static void hexNumber(String label, long value, StringBuilder out) {
        out.append(label);
        Text.hex(out, value);
    }

    private long u48(int at) {
        return (long) bytes.u16(at) << 32 | bytes.u32(at + 2);
    }

    private long u64(int at) {
        return bytes.u32(at) << 32 | bytes.u32(at + 4);
    }
}
