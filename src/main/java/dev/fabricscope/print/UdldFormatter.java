package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco's UniDirectional Link Detection (RFC 5171; SNAP OUI 00-00-0c, protocol 0x0111) as tcpdump 4.99 prints it
 * (print-udld.c): version, opcode and flags, and with -v the checksum and TLVs (device and port IDs, echo, message
 * and timeout intervals, device name, sequence number). A TLV that does not fit ends the PDU with " (invalid)"; a PDU
 * not captured whole ends with " [|udld]", at every verbosity. Allocates nothing. One per printer.
 */
final class UdldFormatter {
    private static final int HEADER = 4, TLV_HEADER = 4;
    private static final int DEVICE_ID = 1, PORT_ID = 2, ECHO = 3, MESSAGE_INTERVAL = 4, TIMEOUT_INTERVAL = 5,
        DEVICE_NAME = 6, SEQUENCE_NUMBER = 7;
    private static final String[] TLV_NAMES = {"Device-ID TLV", "Port-ID TLV", "Echo TLV", "Message Interval TLV",
        "Timeout Interval TLV", "Device Name TLV", "Sequence Number TLV"};
    private static final String[] CODES = {"Reserved", "Probe message", "Echo message", "Flush message"};
    private static final String[] FLAGS = {"RT", "RSY", "MBZ-2", "MBZ-3", "MBZ-4", "MBZ-5", "MBZ-6", "MBZ-7"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    UdldFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    void format(Packet p, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            pdu(off, Integer.toUnsignedLong(length), out);   // tcpdump's u_int: a jumbogram's passes 2^31
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "udld");
        }
    }

    private void pdu(int t, long length, StringBuilder out) {
        if (length < HEADER) {
            bytes.invalid(out, t, length);
            return;
        }
        int first = bytes.u8(t);
        int flags = bytes.u8(t + 1);
        int code = first & 0x1f;
        out.append("UDLDv").append(first >> 5).append(", Code ").append(LldpText.name(CODES, 0, code, "Reserved"))
            .append(" (");
        Text.hex(out, code);
        out.append("), Flags [");
        Text.bitNames(out, flags, FLAGS);
        out.append("] (0x");
        Text.hex(out, flags, 2);
        out.append("), length ").append(length);
        t += 2;
        length -= 2;
        if (!verbosity.verbose()) {
            bytes.needLast(t, length);
            return;
        }
        int checksum = bytes.u16(t);
        out.append("\n\tChecksum 0x");
        Text.hex(out, checksum, 4);
        out.append(" (unverified)");
        t += 2;
        length -= 2;
        while (length > 0) {
            if (length < TLV_HEADER) {
                bytes.invalid(out, t, length);
                return;
            }
            int type = bytes.u16(t), len = bytes.u16(t + 2);
            t += TLV_HEADER;
            length -= TLV_HEADER;
            out.append("\n\t").append(LldpText.name(TLV_NAMES, 1, type, "Unknown")).append(" (0x");
            Text.hex(out, type, 4);
            out.append(") TLV, length ").append(len);
            if (len <= TLV_HEADER || length < len - TLV_HEADER) {
                bytes.invalid(out, t, length);
                return;
            }
            len -= TLV_HEADER;
            switch (type) {
                case DEVICE_ID, PORT_ID, DEVICE_NAME -> {
                    out.append(", ");
                    LldpText.untilNul(bytes, t, len, out);
                }
                case ECHO -> {
                    out.append(", ");
                    LldpText.all(bytes, t, len, out);
                }
                case MESSAGE_INTERVAL, TIMEOUT_INTERVAL -> {
                    if (len != 1) {
                        bytes.invalid(out, t, length);
                        return;
                    }
                    int seconds = bytes.u8(t);
                    out.append(", ").append(seconds).append('s');
                }
                case SEQUENCE_NUMBER -> {
                    if (len != 4) {
                        bytes.invalid(out, t, length);
                        return;
                    }
                    long sequence = bytes.u32(t);
                    out.append(", ").append(sequence);
                }
                default -> bytes.needLast(t, len);
            }
            t += len;
            length -= len;
        }
    }
}
