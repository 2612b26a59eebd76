package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * DHCPv6 (RFC 8415; UDP 546/547) as tcpdump 4.99 prints it (print-dhcp6.c): {@code dhcp6 solicit}; -v adds the
 * transaction ID, or a relay's link and peer addresses, and every option in parentheses ({@link Dhcp6Options}), a
 * relayed message printed whole inside its relay-message option. A message cut where tcpdump checks a length first
 * ends that option list with " [|dhcp6]" (an enclosing list goes on); where its fetches jump out (a relay header the
 * capture cuts), the line ends there and {@link EarlyEnd} is marked.
 */
final class Dhcp6Formatter {
    static final int RELAY_FORWARD = 12, RELAY_REPLY = 13;
    private static final int RELAY_HEADER = 34;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final Dhcp6Options options;

    Dhcp6Formatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.options = new Dhcp6Options(this, bytes);
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            trunc(out);
        }
    }

    /** One message, also one carried in a relay-message option (the snapshot end then clipped to the option). */
    void message(int cp, int length, StringBuilder out) {
        out.append("dhcp6");
        int ep = (int) Math.min(bytes.end(), (long) cp + length);
        if (cp + 4 > bytes.end()) {
            trunc(out);
            return;
        }
        int type = bytes.u8(cp);
        out.append(' ');
        messageType(type, out);
        if (!verbosity.verbose()) return;
        out.append(" (");
        if (type != RELAY_FORWARD && type != RELAY_REPLY) {
            out.append("xid=");
            Text.hex(out, bytes.u32(cp) & 0x00ffffffL);
            options.list(cp + 4, ep, out);
        } else {
            address(cp + 2, "linkaddr=", out);
            address(cp + 18, " peeraddr=", out);
            options.list(cp + RELAY_HEADER, ep, out);
        }
        out.append(')');
    }

    /** A relayed message: printed with the snapshot end clipped to its option, as tcpdump does. */
    void relayed(int cp, int length, StringBuilder out) {
        int saved = bytes.end();
        bytes.set(bytes.packet(), Math.min(cp + length, saved));
        message(cp, length, out);
        bytes.set(bytes.packet(), saved);
    }

    /** {@code before} and the IPv6 address at {@code at}; jumps, writing nothing, when it was not all captured. */
    private void address(int at, String before, StringBuilder out) {
        bytes.u8(at);
        bytes.u8(at + 15);
        out.append(before);
        Text.ipv6(out, bytes.packet(), at);
    }

    static void messageType(int type, StringBuilder out) {
        switch (type) {
            case 1 -> out.append("solicit");
            case 2 -> out.append("advertise");
            case 3 -> out.append("request");
            case 4 -> out.append("confirm");
            case 5 -> out.append("renew");
            case 6 -> out.append("rebind");
            case 7 -> out.append("reply");
            case 8 -> out.append("release");
            case 9 -> out.append("decline");
            case 10 -> out.append("reconfigure");
            case 11 -> out.append("inf-req");
            case RELAY_FORWARD -> out.append("relay-fwd");
            case RELAY_REPLY -> out.append("relay-reply");
            case 14 -> out.append("leasequery");
            case 15 -> out.append("leasequery-reply");
            default -> out.append("msgtype-").append(type);
        }
    }

    static void trunc(StringBuilder out) {
        out.append(" [|dhcp6]");
    }
}
