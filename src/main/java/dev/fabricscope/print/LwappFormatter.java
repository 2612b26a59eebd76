package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco's LWAPP (RFC 5412; UDP 12223 control, 12222 data) as tcpdump 4.99 prints it (print-lwapp.c): by default
 * "LWAPPv0, Control frame, Flags [...], length N" (the UDP length); with -v the radio id, the fragment id and the
 * header's length, then for control the AP's MAC address (datagrams to 12223 carry it first) and each message's
 * header, for data the rest of the header's length in hex (tcpdump does not hand it to its 802.11 printer). A version
 * other than 0 is "not supported"; bytes not captured end the line with " [|lwapp_control]" or " [|lwapp_data]".
 */
final class LwappFormatter {
    static final int DATA_PORT = 12222, CONTROL_PORT = 12223;
    private static final int HEADER = 6, MESSAGE_HEADER = 8, AP_IDENTITY = 6;

    private final Verbosity verbosity;
    /** Every read is checked first (ND_TCHECK, not a jumping GET): the link-level header still counts for -x. */
    private final SnapshotBytes bytes = new SnapshotBytes();

    LwappFormatter(Verbosity verbosity) {
        this.verbosity = verbosity;
    }

    /** A control datagram; {@code apIdentity}: it went to 12223 and starts with the AP's MAC address. */
    void control(Packet packet, int off, int length, int end, boolean apIdentity, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            int header = apIdentity ? off + AP_IDENTITY : off;
            bytes.need(off, AP_IDENTITY);
            bytes.need(header, HEADER);
            int version = bytes.u8(header);
            if (!supported(version, length, out)) return;
            int tlen = bytes.u16(header + 2);
            out.append("LWAPPv").append(version >> 6).append(", ").append(frame(version)).append(" frame, Radio-id ")
                .append(version >> 3 & 7).append(", Flags [");
            flags(version, out);
            out.append("], Frag-id ").append(bytes.u8(header + 1)).append(", length ").append(tlen);
            if (apIdentity) {
                out.append("\n\tAP identity: ");
                Text.linkAddress(out, packet, off, AP_IDENTITY);
            }
            int at = header + HEADER;
            while (tlen != 0) {
                bytes.need(at, MESSAGE_HEADER);
                int messageLength = bytes.u16(at + 2);
                if (tlen < MESSAGE_HEADER + messageLength) {
                    out.append("\n\t  Msg goes past end of PDU");
                    break;
                }
                int type = bytes.u8(at);
                out.append("\n\t  Msg type: ").append(messageType(type)).append(" (").append(type)
                    .append("), Seqnum: ").append(bytes.u8(at + 1)).append(", Msg len: ").append(messageLength)
                    .append(", Session: 0x");
                Text.hex(out, bytes.u32(at + 4), 8);
                bytes.need(at, messageLength);   // tcpdump checks the message's length from its header's start
                at += MESSAGE_HEADER + messageLength;
                tlen -= MESSAGE_HEADER + messageLength;
            }
        } catch (SnapshotBytes.Jump j) {
            out.append(" [|lwapp_control]");
        }
    }

    /** A data datagram (to or from 12222). */
    void data(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            bytes.need(off, HEADER);
            int version = bytes.u8(off);
            if (!supported(version, length, out)) return;
            int tlen = bytes.u16(off + 2);
            out.append("LWAPPv").append(version >> 6).append(", ").append(frame(version))
                .append(" frame, Radio-id  ").append(version >> 3 & 7).append(", Flags [");
            flags(version, out);
            if (tlen < HEADER) {
                out.append("], length ").append(tlen).append(" < transport header length");
                return;
            }
            out.append("], Frag-id  ").append(bytes.u8(off + 1)).append(", length ").append(tlen);
            bytes.unknownData(out, off + HEADER, "\n\t", tlen - HEADER);
        } catch (SnapshotBytes.Jump j) {
            out.append(" [|lwapp_data]");
        }
    }

    /** The version check, then the whole line without -v; false when nothing more is printed. */
    private boolean supported(int version, int length, StringBuilder out) {
        if (version >> 6 != 0) {
            out.append("LWAPP version ").append(version >> 6).append(" packet not supported");
            return false;
        }
        if (verbosity.verbose()) return true;
        out.append("LWAPPv").append(version >> 6).append(", ").append(frame(version)).append(" frame, Flags [");
        flags(version, out);
        out.append("], length ").append(Integer.toUnsignedLong(length));   // unsigned: a jumbogram's passes 2^31
        return false;
    }

    private static String frame(int version) {
        return (version & 4) != 0 ? "Control" : "Data";
    }

    private static void flags(int version, StringBuilder out) {
        int n = out.length();
        if ((version & 1) != 0) out.append("Last Fragment Bit");
        if ((version & 2) != 0) out.append(out.length() > n ? ", " : "").append("Fragment Bit");
        if ((version & 4) != 0) out.append(out.length() > n ? ", " : "").append("Control Bit");
        if (out.length() == n) out.append("none");
    }

    private static String messageType(int type) {
        return switch (type) {
            case 1 -> "Discovery req";
            case 2 -> "Discovery resp";
            case 3 -> "Join req";
            case 4 -> "Join resp";
            case 5 -> "Join ack";
            case 6 -> "Join confirm";
            case 10 -> "Configure req";
            case 11 -> "Configure resp";
            case 12 -> "Update req";
            case 13 -> "Update resp";
            case 14 -> "WTP event req";
            case 15 -> "WTP event resp";
            case 16 -> "Change state event req";
            case 17 -> "Change state event resp";
            case 22 -> "Echo req";
            case 23 -> "Echo resp";
            case 24 -> "Image data req";
            case 25 -> "Image data resp";
            case 26 -> "Channel status req";
            case 27 -> "Channel status resp";
            case 30 -> "Key update req";
            case 31 -> "Key update resp";
            case 32 -> "Primary discovery req";
            case 33 -> "Primary discovery resp";
            case 34 -> "Data transfer req";
            case 35 -> "Data transfer resp";
            case 36 -> "Clear config ind";
            case 37 -> "Wlan config req";
            case 38 -> "Wlan config resp";
            case 39 -> "Mobile config req";
            case 40 -> "Mobile config resp";
            default -> "Unknown";
        };
    }
}
