package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Cisco's VLAN Query Protocol (VMPS; UDP 1589 either side) as tcpdump 4.99 prints it (print-vqp.c): by default
 * "VQPv1 Request, Join Port Message, error-code No error (0), length N"; with -v the header's sequence and item
 * count, then each object's name, type, length and value (an address, text cut at a NUL, a MAC address; an unknown
 * type in hex with -v only, nothing with -vv). A version other than 1 is "not supported"; a header or object longer
 * than the payload, or an address object of the wrong size, ends the line with " (invalid)"; the header and each
 * object not captured whole end it with " [|vqp]" (tcpdump's jumping checks). Objects are read while the item count
 * and the payload last; an object of type or length 0 ends them.
 */
final class VqpFormatter {
    static final int PORT = 1589;
    private static final int HEADER = 8, OBJECT_HEADER = 6;
    private static final int VERSION = 1;
    private static final int IP_ADDRESS = 0x0c01, PORT_NAME = 0x0c02, VLAN_NAME = 0x0c03, VTP_DOMAIN = 0x0c04,
        ETHERNET_PACKET = 0x0c05, MAC_NULL = 0x0c06, MAC_ADDRESS = 0x0c08;
    private static final int MAC_LENGTH = 6;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    VqpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}, {@code length} bytes of UDP payload; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            if (!message(off, length & 0xffffffffL, out)) out.append(" (invalid)");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "vqp");
        }
    }

    /** False where tcpdump goes to its "invalid" label. */
    private boolean message(int at, long length, StringBuilder out) {
        bytes.need(at, HEADER);
        if (length < HEADER) return false;
        int version = bytes.u8(at), type = bytes.u8(at + 1), error = bytes.u8(at + 2);
        if (version != VERSION) {
            out.append("VQP version ").append(version).append(" packet not supported");
            return true;
        }
        if (!verbosity.verbose()) {
            out.append("VQPv").append(version).append(' ');
            messageType(type, out);
            out.append(" Message, error-code ");
            errorCode(error, out);
            out.append(" (").append(error).append("), length ").append(length);
            return true;
        }
        int items = bytes.u8(at + 3);
        out.append("\n\tVQPv").append(version).append(", ");
        messageType(type, out);
        out.append(" Message, error-code ");
        errorCode(error, out);
        out.append(" (").append(error).append("), seq 0x");
        Text.hex(out, bytes.u32(at + 4), 8);
        out.append(", items ").append(items).append(", length ").append(length);
        long left = length - HEADER;
        at += HEADER;
        while (items != 0 && left != 0) {
            bytes.need(at, OBJECT_HEADER);
            if (left < OBJECT_HEADER) return false;
            long objectType = bytes.u32(at);
            int objectLength = bytes.u16(at + 4);
            at += OBJECT_HEADER;
            left -= OBJECT_HEADER;
            out.append("\n\t  ").append(objectName(objectType)).append(" Object (0x");
            Text.hex(out, objectType, 8);
            out.append("), length ").append(objectLength).append(", value: ");
            if (objectType == 0 || objectLength == 0) return true;
            bytes.need(at, objectLength);
            if (objectLength > left) return false;
            if (objectType == IP_ADDRESS) {
                if (objectLength != 4) return false;
                bytes.ip4(out, at);
                out.append(" (0x");
                Text.hex(out, bytes.u32(at), 8);
                out.append(')');
            } else if (objectType == PORT_NAME || objectType == VLAN_NAME || objectType == VTP_DOMAIN
                    || objectType == ETHERNET_PACKET) {
                LldpText.untilNul(bytes, at, objectLength, out);
            } else if (objectType == MAC_ADDRESS || objectType == MAC_NULL) {
                if (objectLength != MAC_LENGTH) return false;
                Text.linkAddress(out, bytes.packet(), at, MAC_LENGTH);
            } else if (!verbosity.veryVerbose()) {
                bytes.unknownData(out, at, "\n\t    ", objectLength);
            }
            at += objectLength;
            left -= objectLength;
            items--;
        }
        return true;
    }

    private static void messageType(int type, StringBuilder out) {
        switch (type) {
            case 1 -> out.append("Request, Join Port");
            case 2 -> out.append("Response, VLAN");
            case 3 -> out.append("Request, Reconfirm");
            case 4 -> out.append("Response, Reconfirm");
            default -> out.append("unknown (").append(type).append(')');
        }
    }

    private static void errorCode(int error, StringBuilder out) {
        switch (error) {
            case 0 -> out.append("No error");
            case 3 -> out.append("Access denied");
            case 4 -> out.append("Shutdown port");
            case 5 -> out.append("Wrong VTP domain");
            default -> out.append("unknown");
        }
    }

    private static String objectName(long type) {
        if (type == IP_ADDRESS) return "Client IP Address";
        if (type == PORT_NAME) return "Port Name";
        if (type == VLAN_NAME) return "VLAN Name";
        if (type == VTP_DOMAIN) return "VTP Domain";
        if (type == ETHERNET_PACKET) return "Ethernet Packet";
        if (type == MAC_NULL) return "MAC Null";
        if (type == MAC_ADDRESS) return "MAC Address";
        return "Unknown";
    }
}
