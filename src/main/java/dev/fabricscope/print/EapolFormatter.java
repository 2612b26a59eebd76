package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * IEEE 802.1X EAP over LAN (ethertype 0x888e) as tcpdump 4.99's print-eap.c: "EAP packet (0) v2, len 5" (the frame
 * type, version and body length); from -v an EAP packet's body follows ({@link EapPacket}): "Request (1), id 1, len 5"
 * and its type on a further line. The other frame types (start, logoff, key, ASF alert) print their header only. A
 * header cut by the capture, and an EAP packet of length 0, end with " [|eap]"; reads past the capture jump out with
 * it ({@link EarlyEnd}).
 */
final class EapolFormatter {
    static final int ETHERTYPE = 0x888e;
    private static final String TRUNCATED = " [|eap]";
    private static final int HEADER = 4, EAP_PACKET = 0;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final EapPacket eap = new EapPacket(bytes, TRUNCATED);

    EapolFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    void format(Packet p, int off, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            frame(off, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            out.append(TRUNCATED);
        }
    }

    private void frame(int off, StringBuilder out) {
        if (!bytes.has(off, HEADER)) {   // tcpdump checks the header without jumping
            out.append(TRUNCATED);
            return;
        }
        int type = bytes.u8(off + 1);
        int length = bytes.u16(off + 2);
        out.append(frameType(type)).append(" (").append(type).append(") v").append(bytes.u8(off)).append(", len ")
            .append(length);
        if (!verbosity.verbose() || type != EAP_PACKET) return;
        if (length == 0) {
            out.append(TRUNCATED);
            return;
        }
        out.append(", ");
        eap.print(off + HEADER, length, out);
    }

    private static String frameType(int type) {
        return switch (type) {
            case 0 -> "EAP packet";
            case 1 -> "EAPOL start";
            case 2 -> "EAPOL logoff";
            case 3 -> "EAPOL key";
            case 4 -> "Encapsulated ASF alert";
            default -> "unknown";
        };
    }
}
