package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * DCCP (IP protocol 33, RFC 4340) as tcpdump 4.99 prints it (print-dccp.c's dccp_print): "a.1 > b.2: DCCP" then the
 * packet type with its service code, reset code and acknowledgement number; -q only the length past the header; -v
 * adds CCVal, CsCov and the checksum verdict (over the covered part with the pseudo-header, when the whole packet is
 * captured); -vv adds the sequence number and the options. Like tcpdump, DCCP always prints both addresses, also
 * after IPv6 extension headers. A fetch past the capture ends the line with " [|dccp]".
 */
final class DccpFormatter {
    static final int PROTOCOL = 33;
    private static final int HEADER = 12, EXTENDED_HEADER = 16;
    private static final int REQUEST = 0, RESPONSE = 1, DATA = 2, RESET = 7;
    private static final String[] TYPES = {"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack", "DCCP-DataAck",
        "DCCP-CloseReq", "DCCP-Close", "DCCP-Reset", "DCCP-Sync", "DCCP-SyncAck"};
    /** What each type adds to the generic header (RFC 4340 section 5). */
    private static final int[] TYPE_HEADER = {4, 12, 0, 8, 8, 8, 8, 12, 8, 8};
    private static final String[] RESET_CODES = {"unspecified", "closed", "aborted", "no_connection", "packet_error",
        "option_error", "mandatory_error", "connection_refused", "bad_service_code", "too_busy", "bad_init_cookie",
        "aggression_penalty"};
    private static final String[] FEATURES = {"reserved", "ccid", "allow_short_seqno", "sequence_window",
        "ecn_incapable", "ack_ratio", "send_ack_vector", "send_ndp_count", "minimum checksum coverage",
        "check data checksum"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes b = new SnapshotBytes();

    DccpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The packet at {@code off}, {@code length} bytes by the IP header, inside {@code ip}. */
    void format(Packet p, IpContext ip, int off, long length, StringBuilder out) {
        try (var _ = b.reading(p, ip.end)) {
            packet(p, ip, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "dccp");
        }
    }

    private void packet(Packet p, IpContext ip, int bp, long len, StringBuilder out) {
        if (!available(bp, HEADER)) {
            out.append(" [|dccp]");
            return;
        }
        if (len < HEADER) {
            out.append("truncated-dccp - ").append(HEADER - len).append(" bytes missing!");
            return;
        }
        boolean extended = (b.u8(bp + 8) & 1) != 0;
        int basic = extended ? EXTENDED_HEADER : HEADER;
        if (len < basic) {
            out.append("truncated-dccp - ").append(basic - len).append(" bytes missing!");
            return;
        }
        if (!available(bp, basic)) {
            out.append(" [|dccp]");
            return;
        }
        int sport = b.u16(bp), dport = b.u16(bp + 2);
        long hlen = b.u8(bp + 4) * 4L;
        ip.appendAddress(out, p, ip.srcOffset);
        out.append('.').append(sport).append(" > ");
        ip.appendAddress(out, p, ip.dstOffset);
        out.append('.').append(dport).append(": DCCP");
        if (verbosity == Verbosity.QUIET) {
            out.append(' ').append((len - hlen) & 0xffffffffL);
            if (hlen > len) out.append(" [bad hdr length ").append(hlen).append(" - too long, > ").append(len).append(']');
            return;
        }
        int coverage = b.u8(bp + 5) & 0x0f;
        if (verbosity.verbose()) {
            out.append(" (CCVal ").append(b.u8(bp + 5) >>> 4).append(", CsCov ").append(coverage);
            if (available(bp, len)) {
                int stored = b.u16(bp + 6);
                out.append(", cksum 0x");
                Text.hex(out, stored, 4);
                out.append(' ');
                long covered = coverage == 0 ? len : Math.min(len, (b.u8(bp + 4) + coverage - 1) * 4L);
                long sum = InternetChecksum.add(ip.pseudoHeaderSum(p, PROTOCOL, (int) len), p, bp, (int) covered);
                if (InternetChecksum.verifies(sum)) {
                    out.append("(correct)");
                } else {
                    out.append("(incorrect -> 0x");
                    Text.hex(out, InternetChecksum.shouldBe(stored, sum), 4);
                    out.append(')');
                }
            }
            out.append(')');
        }
        out.append(' ');
        int type = (b.u8(bp + 8) >>> 1) & 0x0f;
        int fixed = basic;
        if (type < TYPES.length) {
            fixed += TYPE_HEADER[type];
            if (len < fixed) {
                out.append("truncated-").append(TYPES[type]).append(" - ").append(fixed - len).append(" bytes missing!");
                return;
            }
            int checked = type == REQUEST || type == RESPONSE || type == RESET ? TYPE_HEADER[type] : 0;
            if (!available(bp + basic, checked)) {
                out.append(" [|dccp]");
                return;
            }
            out.append(TYPES[type]);
            switch (type) {
                case REQUEST -> out.append(" (service=").append(b.u32(bp + basic)).append(')');
                case RESPONSE -> out.append(" (service=").append(b.u32(bp + basic + 8)).append(')');
                case RESET -> {
                    int code = b.u8(bp + basic + 8);
                    out.append(" (code=").append(code < RESET_CODES.length ? RESET_CODES[code] : "invalid").append(')');
                }
                default -> { }
            }
            out.append(' ');
        } else {
            out.append("unknown-type-").append(type).append(' ');
        }
        if (type != DATA && type != REQUEST) {
            long ack = extended ? u48(bp + basic + 2) : u24(bp + basic + 1);
            out.append("(ack=").append(ack).append(") ");
        }
        if (!verbosity.veryVerbose()) return;
        out.append("seq ").append(extended ? u48(bp + 10) : u24(bp + 9));
        if (hlen > fixed) {
            int cp = bp + fixed;
            long left = hlen - fixed;
            out.append(" <");
            while (true) {
                int optionLength = option(cp, left, out);
                if (optionLength == 0 || left <= optionLength) break;
                left -= optionLength;
                cp += optionLength;
                out.append(", ");
            }
            out.append('>');
        }
    }

    /** One option; its length, or 0 where tcpdump stops listing them. */
    private int option(int cp, long left, StringBuilder out) {
        int kind = b.u8(cp);
        int length = 1;
        if (kind >= 32) {
            length = b.u8(cp + 1);
            if (length < 2) {
                optionName(out, kind);
                out.append(" optlen too short");
                return 0;
            }
        }
        if (left < length) {
            optionName(out, kind);
            out.append(" optlen goes past header length");
            return 0;
        }
        if (!available(cp, length)) {
            out.append(" [|dccp]");
            return 0;
        }
        optionName(out, kind);
        if (kind >= 128) {
            if (length == 4) out.append(' ').append(b.u16(cp + 2));
            else if (length == 6) out.append(' ').append(b.u32(cp + 2));
            return length;
        }
        switch (kind) {
            case 32, 33, 34, 35 -> {
                if (length < 3) {
                    out.append(" optlen too short");
                    return length;
                }
                int feature = b.u8(cp + 2);
                if (feature < FEATURES.length) {
                    out.append(' ').append(FEATURES[feature]);
                    for (int i = 3; i < length; i++) out.append(' ').append(b.u8(cp + i));
                }
            }
            case 36, 38, 39, 40 -> {
                if (length > 2) {
                    out.append(" 0x");
                    for (int i = 2; i < length; i++) Text.hex(out, b.u8(cp + i), 2);
                }
            }
            case 37 -> {
                for (int i = 2; i < length; i++) out.append(' ').append(b.u8(cp + i));
            }
            case 41 -> {
                if (length == 6) out.append(' ').append(b.u32(cp + 2));
                else out.append(" [optlen != 6]");
            }
            case 42 -> {
                switch (length) {
                    case 6 -> out.append(' ').append(b.u32(cp + 2));
                    case 8 -> out.append(' ').append(b.u32(cp + 2)).append(" (elapsed time ").append(b.u16(cp + 6))
                        .append(')');
                    case 10 -> out.append(' ').append(b.u32(cp + 2)).append(" (elapsed time ").append(b.u32(cp + 6))
                        .append(')');
                    default -> out.append(" [optlen != 6 or 8 or 10]");
                }
            }
            case 43 -> {
                if (length == 6) out.append(' ').append(b.u32(cp + 2));
                else if (length == 4) out.append(' ').append(b.u16(cp + 2));
                else out.append(" [optlen != 4 or 6]");
            }
            case 44 -> {
                if (length > 2) {
                    out.append(' ');
                    for (int i = 2; i < length; i++) Text.hex(out, b.u8(cp + i), 2);
                }
            }
            default -> { }
        }
        return length;
    }

    private static void optionName(StringBuilder out, int kind) {
        if (kind >= 128) {
            out.append("CCID option ").append(kind);
            return;
        }
        String name = switch (kind) {
            case 0 -> "nop";
            case 1 -> "mandatory";
            case 2 -> "slowreceiver";
            case 32 -> "change_l";
            case 33 -> "confirm_l";
            case 34 -> "change_r";
            case 35 -> "confirm_r";
            case 36 -> "initcookie";
            case 37 -> "ndp_count";
            case 38 -> "ack_vector0";
            case 39 -> "ack_vector1";
            case 40 -> "data_dropped";
            case 41 -> "timestamp";
            case 42 -> "timestamp_echo";
            case 43 -> "elapsed_time";
            case 44 -> "data_checksum";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append("Option ").append(kind);
    }

    private long u24(int at) {
        return (long) b.u8(at) << 16 | b.u16(at + 1);
    }

    private long u48(int at) {
        return (long) b.u16(at) << 32 | b.u32(at + 2);
    }

    private boolean available(int at, long n) {
        return at + n <= b.end();
    }
}
