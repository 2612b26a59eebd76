package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco's Dynamic Trunking Protocol (SNAP OUI 00-00-0c, protocol 0x2004) as tcpdump 4.99 prints it (print-dtp.c):
 * "DTPv1, length 29", and with -v its TLVs: domain, status, DTP type and neighbor. A TLV of the wrong length ends the
 * PDU with " (invalid)"; a read past the capture with " [|dtp]". Allocates nothing. One per printer.
 */
final class DtpFormatter {
    private static final int DOMAIN = 1, STATUS = 2, DTP_TYPE = 3, NEIGHBOR = 4;
    private static final String[] TLV_NAMES = {"Domain", "Status", "DTP type", "Neighbor"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    DtpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    void format(Packet p, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            pdu(p, off, Integer.toUnsignedLong(length), out);   // tcpdump's u_int: a jumbogram's passes 2^31
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "dtp");
        }
    }

    private void pdu(Packet p, int t, long length, StringBuilder out) {
        if (length < 1) {
            out.append("[zero packet length]");
            bytes.invalid(out, t, length);
            return;
        }
        int version = bytes.u8(t);
        out.append("DTPv").append(version).append(", length ").append(length);
        if (!verbosity.verbose()) return;
        t++;
        length--;
        while (length > 0) {
            if (length < 4) {
                out.append('[').append(length).append(" bytes remaining]");
                bytes.invalid(out, t, length);
                return;
            }
            int type = bytes.u16(t), len = bytes.u16(t + 2);
            if (type == 0) return;   // tcpdump stops here: captures show padding where a TLV should be
            out.append("\n\t").append(LldpText.name(TLV_NAMES, 1, type, "Unknown")).append(" (0x");
            Text.hex(out, type, 4);
            out.append(") TLV, length ").append(len);
            if (len < 4 || len > length) {
                out.append("[invalid TLV length ").append(len).append(']');
                bytes.invalid(out, t, length);
                return;
            }
            switch (type) {
                case DOMAIN -> {
                    out.append(", ");
                    LldpText.untilNul(bytes, t + 4, len - 4, out);
                }
                case STATUS, DTP_TYPE -> {
                    if (len != 5) {
                        bytes.invalid(out, t, length);
                        return;
                    }
                    int value = bytes.u8(t + 4);
                    out.append(", 0x");
                    Text.hex(out, value);
                }
                case NEIGHBOR -> {
                    if (len != 10) {
                        bytes.invalid(out, t, length);
                        return;
                    }
                    bytes.u8(t + 9);
                    out.append(", ");
                    Text.linkAddress(out, p, t + 4, 6);
                }
                default -> bytes.needLast(t, len);
            }
            t += len;
            length -= len;
        }
    }
}
