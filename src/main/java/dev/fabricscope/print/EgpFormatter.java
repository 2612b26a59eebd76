package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * EGP (RFC 904, IP protocol 8) as tcpdump 4.99 prints it (print-egp.c): {@code EGPv2, AS 65001, seq 7, length 16};
 * -v the message instead: acquire request/confirm/refuse/cease with the status and times, hello and I-H-U, poll,
 * error with its reason, update with its source network and gateway counts and each gateway's distances and
 * networks. A message shorter than its 16-byte header is " [|egp]".
 *
 * <p>tcpdump builds the update's gateway and network addresses in host-order integers from network-order pieces and
 * prints their bytes as they lie in memory; on the little-endian machines it runs on (x86, arm64) that reverses them
 * and classes the source network by its last byte. We print what tcpdump prints there.
 */
final class EgpFormatter {
    static final int PROTOCOL = 8;
    private static final int HEADER = 16, VERSION = 2;
    private static final int ACQUIRE = 3, REACH = 5, POLL = 2, UPDATE = 1, ERROR = 8, UNSOLICITED = 0x80;
    private static final String[] ACQUIRE_CODES = {"request", "confirm", "refuse", "cease", "cease_ack"};
    private static final String[] ACQUIRE_STATUS = {"unspecified", "active_mode", "passive_mode",
        "insufficient_resources", "administratively_prohibited", "going_down", "parameter_violation",
        "protocol_violation"};
    private static final String[] REACH_CODES = {"hello", "i-h-u"};
    private static final String[] UP_DOWN = {"indeterminate", "up", "down"};
    private static final String[] REASONS = {"unspecified", "bad_EGP_header_format", "bad_EGP_data_field_format",
        "reachability_info_unavailable", "excessive_polling_rate", "no_response", "unsupported_version"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    EgpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * The message at {@code off}, {@code length} bytes of IP payload taken unsigned (tcpdump's u_int: an IPv6
     * jumbogram's passes 2^31); {@code end} is the snapshot end.
     */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            if (Integer.compareUnsigned(length, HEADER) < 0 || !bytes.has(off, HEADER)) {
                out.append(" [|egp]");   // tcpdump checks first: no jump
                return;
            }
            message(p, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "egp");
        }
    }

    private void message(Packet p, int bp, int length, StringBuilder out) {
        int version = bytes.u8(bp);
        if (!verbosity.verbose()) {
            out.append("EGPv").append(version).append(", AS ").append(bytes.u16(bp + 6)).append(", seq ")
                .append(bytes.u16(bp + 8)).append(", length ").append(Integer.toUnsignedLong(length));
            return;
        }
        out.append("EGPv").append(version).append(", length ").append(Integer.toUnsignedLong(length));
        if (version != VERSION) {
            out.append("[version ").append(version).append(']');
            return;
        }
        int type = bytes.u8(bp + 1), code = bytes.u8(bp + 2), status = bytes.u8(bp + 3);
        switch (type) {
            case ACQUIRE -> {
                out.append(" acquire");
                if (code <= 1) {
                    out.append(' ').append(ACQUIRE_CODES[code]);
                    if (status <= 2) out.append(' ').append(ACQUIRE_STATUS[status]);
                    else out.append(" [status ").append(status).append(']');
                    out.append(" hello:").append(bytes.u16(bp + 10)).append(" poll:").append(bytes.u16(bp + 12));
                } else if (code <= 4) {
                    out.append(' ').append(ACQUIRE_CODES[code]);
                    if (status == 0 || status >= 3 && status <= 7) out.append(' ').append(ACQUIRE_STATUS[status]);
                    else out.append("[status ").append(status).append(']');
                } else {
                    out.append("[code ").append(code).append(']');
                }
            }
            case REACH -> {
                if (code <= 1) {
                    out.append(' ').append(REACH_CODES[code]);
                    upDown(status, out);
                } else {
                    out.append("[reach code ").append(code).append(']');
                }
            }
            case POLL -> {
                out.append(" poll");
                upDown(status, out);
                Text.ipv4(out.append(" net:"), p, bp + 12);
            }
            case UPDATE -> {
                out.append(" update");
                if ((status & UNSOLICITED) != 0) {
                    status &= ~UNSOLICITED;
                    out.append(" unsolicited");
                }
                upDown(status, out);
                out.append(' ');
                Text.ipv4(out, p, bp + 12);
                out.append(" int ").append(bytes.u8(bp + 10)).append(" ext ").append(bytes.u8(bp + 11));
                reachability(bp, length, out);
            }
            case ERROR -> {
                out.append(" error");
                upDown(status, out);
                int reason = bytes.u16(bp + 10);
                if (reason < REASONS.length) out.append(' ').append(REASONS[reason]);
                else out.append(" [reason ").append(reason).append(']');
            }
            default -> out.append("[type ").append(type).append(']');
        }
    }

    private static void upDown(int status, StringBuilder out) {
        if (status < UP_DOWN.length) out.append(" state:").append(UP_DOWN[status]);
        else out.append(" [status ").append(status).append(']');
    }

    /** tcpdump's egpnr_print: the gateways, each with its distances and their networks. */
    private void reachability(int bp, int length, StringBuilder out) {
        // the source network as a little-endian host reads a network-order word: its class from the last byte
        int source = Integer.reverseBytes((int) bytes.u32(bp + 12));
        int net, netLength;
        if ((source & 0x80000000) == 0) {
            net = source & 0xff000000;
            netLength = 1;
        } else if ((source & 0xc0000000) == 0x80000000) {
            net = source & 0xffff0000;
            netLength = 2;
        } else if ((source & 0xe0000000) == 0xc0000000) {
            net = source & 0xffffff00;
            netLength = 3;
        } else {
            net = 0;
            netLength = 0;
        }
        int cp = bp + HEADER;
        long left = Integer.toUnsignedLong(length) - HEADER;
        int internal = bytes.u8(bp + 10), external = bytes.u8(bp + 11);
        for (int gateway = 0; gateway < internal + external; gateway++) {
            int address = 0;
            if (left < 4 - netLength || !bytes.has(cp, 4 - netLength)) {
                out.append(" [|egp]");
                return;
            }
            if (netLength >= 1 && netLength <= 3) {   // tcpdump's fall-through switch; 0 reads no byte
                for (int i = netLength; i <= 3; i++) address = address << 8 | bytes.u8(cp++);
            }
            address |= net;
            left -= 4 - netLength;
            if (left < 1) {
                out.append(" [|egp]");
                return;
            }
            int distances = bytes.u8(cp++);
            left--;
            out.append(' ').append(gateway < internal ? "int" : "ext").append(' ');
            memoryOrder(address, out);
            out.append(" (");
            String comma = "";
            while (distances != 0) {
                if (left < 2) {
                    out.append(" [|egp]");
                    return;
                }
                int distance = bytes.u8(cp++);
                out.append(comma).append('d').append(distance).append(':');
                comma = ", ";
                int networks = bytes.u8(cp++);
                left -= 2;
                while (networks != 0) {
                    if (left < 1) {
                        out.append(" [|egp]");
                        return;
                    }
                    int network = bytes.u8(cp++) << 24;
                    left--;
                    if ((network & 0xc0000000) == 0x80000000) {
                        if (left < 1) {
                            out.append(" [|egp]");
                            return;
                        }
                        network |= bytes.u8(cp++) << 16;
                        left--;
                    } else if ((network & 0x80000000) != 0) {
                        if (left < 2) {
                            out.append(" [|egp]");
                            return;
                        }
                        network |= bytes.u8(cp++) << 16;
                        network |= bytes.u8(cp++) << 8;
                        left -= 2;
                    }
                    memoryOrder(network, out.append(' '));
                    networks--;
                }
                distances--;
            }
            out.append(')');
        }
    }

    /** A host-order word's bytes as a little-endian machine stores them, dotted (tcpdump's ipaddr_string of it). */
    private static void memoryOrder(int word, StringBuilder out) {
        out.append(word & 0xff).append('.').append(word >>> 8 & 0xff).append('.').append(word >>> 16 & 0xff)
            .append('.').append(word >>> 24);
    }
}
