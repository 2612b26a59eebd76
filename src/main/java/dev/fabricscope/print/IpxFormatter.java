package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Novell IPX as tcpdump 4.99 prints it (print-ipx.c), after ethertype 0x8137 ("(NOV-ETHII) " first), LLC SAP 0xe0
 * and Novell's raw 802.3 frames: {@code IPX 00000000.00:11:22:33:44:55.0452 > 00000000.ff:ff:ff:ff:ff:ff.0452: }
 * (no "IPX " with -e) and by destination socket: SAP requests and responses (up to 8 services: type, name, address),
 * RIP requests and responses (up to 50 routes: network/hops.ticks), EIGRP over IPX ({@link EigrpFormatter}), and the
 * other sockets' names and lengths. NetBIOS is not decoded further, as in tcpdump builds without SMB (Debian's).
 * The header's length below 30 is "[length N < 30] (invalid)". Fetches past the capture end the line with " [|ipx]".
 * SAP service types print in hex: tcpdump names them only without -n, which we always are.
 */
final class IpxFormatter {
    static final int ETHERTYPE = 0x8137;
    private static final int HEADER = 30;
    private static final int SOCKET_NCP = 0x0451, SOCKET_SAP = 0x0452, SOCKET_RIP = 0x0453, SOCKET_NETBIOS = 0x0455,
        SOCKET_DIAGNOSTICS = 0x0456, SOCKET_NWLINK_DGM = 0x0553, SOCKET_EIGRP = 0x85be;
    private static final int SAP_NAME = 48, MAX_SAP_ENTRIES = 8, MAX_RIP_ENTRIES = 50, RIP_ENTRY = 8;

    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final EigrpFormatter eigrp;
    private final SnapshotBytes bytes = new SnapshotBytes();

    IpxFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd) {
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.eigrp = new EigrpFormatter(verbosity, earlyEnd);
    }

    /** The IPX packet at {@code off}; {@code length} is ignored as tcpdump ignores it (the header's length rules). */
    void format(Packet p, int off, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            packet(p, off, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ipx");
        }
    }

    private void packet(Packet p, int bp, StringBuilder out) {
        if (!linkHeaders) out.append("IPX ");
        address(p, bp + 18, out);
        out.append(" > ");
        address(p, bp + 6, out);
        out.append(": ");
        int length = bytes.u16(bp + 2);
        if (length < HEADER) {
            out.append("[length ").append(length).append(" < ").append(HEADER).append("] (invalid)");
            return;
        }
        int data = bp + HEADER;
        length -= HEADER;
        int socket = bytes.u16(bp + 16);
        switch (socket) {
            case SOCKET_NCP -> out.append("ipx-ncp ").append(length);
            case SOCKET_SAP -> sap(p, data, length, out);
            case SOCKET_RIP -> rip(data, length, out);
            case SOCKET_NETBIOS -> out.append("ipx-netbios ").append(length);
            case SOCKET_DIAGNOSTICS -> out.append("ipx-diags ").append(length);
            case SOCKET_NWLINK_DGM -> out.append("ipx-nwlink-dgm ").append(length);
            case SOCKET_EIGRP -> eigrp.format(p, data, length, p.capLen(), out);
            default -> {
                out.append("ipx-#");
                Text.hex(out, socket);
                out.append(' ').append(length);
            }
        }
    }

    /** network.node.socket, all fetched before any is printed (tcpdump formats the address whole). */
    private void address(Packet p, int at, StringBuilder out) {
        bytes.need(at, 12);
        Text.hex(out, bytes.u32(at), 8);
        out.append('.');
        Text.linkAddress(out, p, at + 4, 6);
        out.append('.');
        Text.hex(out, bytes.u16(at + 10), 4);
    }

    private void sap(Packet p, int bp, int length, StringBuilder out) {
        int command = bytes.u16(bp);
        if (length < 2) {
            invalidLength(length, out);
            return;
        }
        bp += 2;
        length -= 2;
        switch (command) {
            case 1, 3 -> {
                out.append(command == 1 ? "ipx-sap-req" : "ipx-sap-nearest-req");
                int type = bytes.u16(bp);
                Text.hex(out.append(' '), type, 4);
            }
            case 2, 4 -> {
                out.append(command == 2 ? "ipx-sap-resp" : "ipx-sap-nearest-resp");
                for (int i = 0; i < MAX_SAP_ENTRIES && length != 0; i++) {
                    bytes.need(bp, 2);
                    if (length < 2) {
                        out.append(" (invalid)");
                        return;
                    }
                    out.append(' ');
                    Text.hex(out, bytes.u16(bp), 4);
                    out.append(" '");
                    bp += 2;
                    length -= 2;
                    if (length < SAP_NAME) {
                        out.append("' (invalid)");
                        return;
                    }
                    LldpText.untilNul(bytes, bp, SAP_NAME, out);
                    out.append('\'');
                    bp += SAP_NAME;
                    length -= SAP_NAME;
                    bytes.need(bp, 10);
                    if (length < 10) {
                        out.append(" (invalid)");
                        return;
                    }
                    out.append(" addr ");
                    Text.hex(out, bytes.u32(bp), 8);
                    out.append('.');
                    Text.linkAddress(out, p, bp + 4, 6);
                    bp += 10;
                    length -= 10;
                    bytes.need(bp, 4);   // the socket and the number of intermediate networks, not printed
                    if (length < 4) {
                        out.append(" (invalid)");
                        return;
                    }
                    bp += 4;
                    length -= 4;
                }
            }
            default -> {
                out.append("ipx-sap-?");
                Text.hex(out, command);
            }
        }
    }

    private void rip(int bp, int length, StringBuilder out) {
        int command = bytes.u16(bp);
        if (length < 2) {
            invalidLength(length, out);
            return;
        }
        bp += 2;
        length -= 2;
        switch (command) {
            case 1 -> {
                out.append("ipx-rip-req");
                if (length != 0) {
                    if (length < RIP_ENTRY) {
                        out.append(" (invalid)");
                        return;
                    }
                    route(bp, out);
                }
            }
            case 2 -> {
                out.append("ipx-rip-resp");
                for (int i = 0; i < MAX_RIP_ENTRIES && length != 0; i++) {
                    if (length < RIP_ENTRY) {
                        out.append(" (invalid)");
                        return;
                    }
                    route(bp, out);
                    bp += RIP_ENTRY;
                    length -= RIP_ENTRY;
                }
            }
            default -> {
                out.append("ipx-rip-?");
                Text.hex(out, command);
            }
        }
    }

    /** network/hops.ticks, each fetched before it prints, as tcpdump's one printf evaluates its arguments first. */
    private void route(int bp, StringBuilder out) {
        long network = bytes.u32(bp);
        int hops = bytes.u16(bp + 4), ticks = bytes.u16(bp + 6);
        out.append(' ');
        Text.hex(out, network, 8);
        out.append('/').append(hops).append('.').append(ticks);
    }

    private static void invalidLength(int length, StringBuilder out) {
        out.append(" [length ").append(length).append(" < 2] (invalid)");
    }
}
