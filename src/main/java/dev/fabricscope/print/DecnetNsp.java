package dev.fabricscope.print;

/**
 * DECnet's NSP messages as tcpdump 4.99's print_nsp (print-decnet.c) prints them behind a data header
 * ({@link DecnetFormatter}): data segments and interrupts with their ack fields, link service, data and other-data
 * acks, connect initiate and confirm, disconnect initiate and confirm with tcpdump's reason names. All fetches go
 * through the caller's {@link SnapshotBytes}; a length too short for the message is tcpdump's "invalid" (false).
 */
final class DecnetNsp {
    private static final int HEADER = 5, MIN_SEGMENT = 7, LINK_SERVICE = 13, ACK = 9, CONNECT = 9,
        CONNECT_CONFIRM = 10, DISCONNECT = 8;
    private static final int DATA = 0x00, ACKNOWLEDGE = 0x04, CONTROL = 0x08;
    private static final int SGQ_ACK = 0x8000, SGQ_NAK = 0x9000, SGQ_OACK = 0xa000, SGQ_ONAK = 0xb000,
        SGQ_MASK = 0x0fff;
    private DecnetNsp() {
    }

    /** print_nsp: the message at {@code nsp}, {@code nsplen} bytes by the routing header's length. */
    static boolean message(SnapshotBytes bytes, int nsp, int nsplen, StringBuilder out) {
        if (nsplen < HEADER) {
            out.append(" (nsplen ").append(nsplen).append(" < 5)");
            return false;
        }
        int flags = bytes.u8(nsp), dst = bytes.le16(nsp + 1), src = bytes.le16(nsp + 3);
        int subtype = flags & 0x70;
        switch (flags & 0x0c) {
            case DATA -> {
                switch (subtype) {
                    case 0x00, 0x20, 0x40, 0x60 -> {
                        out.append("data ").append(src).append('>').append(dst).append(' ');
                        return segment(bytes, nsp, nsplen, "oack ", "onak ", out);
                    }
                    case 0x30 -> {
                        out.append("intr ");
                        return segment(bytes, nsp, nsplen, "ackdat ", "nakdat ", out);
                    }
                    case 0x10 -> {
                        out.append("link-service ").append(src).append('>').append(dst).append(' ');
                        return linkService(bytes, nsp, nsplen, out);
                    }
                    default -> reserved("reserved-subtype? ", flags, src, dst, out);
                }
            }
            case ACKNOWLEDGE -> {
                switch (subtype) {
                    case 0x00, 0x10 -> {
                        boolean data = subtype == 0x00;
                        out.append(data ? "data-ack " : "ils-ack ").append(src).append('>').append(dst).append(' ');
                        if (nsplen < ACK) return false;
                        bytes.need(nsp, ACK);
                        int ack = bytes.le16(nsp + 5);
                        if ((ack & SGQ_ACK) != 0) {
                            acknowledged(ack, "ack ", "nak ", out);
                            ack = bytes.le16(nsp + 7);
                            if ((ack & SGQ_OACK) != 0) {
                                other(ack, data ? "oack " : "ackdat ", data ? "onak " : "nakdat ", out);
                            }
                        }
                    }
                    case 0x20 -> out.append("conn-ack ").append(dst);
                    default -> reserved("reserved-acktype? ", flags, src, dst, out);
                }
            }
            case CONTROL -> {
                switch (subtype) {
                    case 0x10, 0x60 -> {
                        out.append(subtype == 0x10 ? "conn-initiate " : "retrans-conn-initiate ")
                            .append(src).append('>').append(dst).append(' ');
                        if (nsplen < CONNECT) return false;
                        connect(bytes, nsp, out);
                    }
                    case 0x20 -> {
                        out.append("conn-confirm ").append(src).append('>').append(dst).append(' ');
                        if (nsplen < CONNECT_CONFIRM) return false;
                        int optlen = bytes.u8(nsp + 9);
                        connect(bytes, nsp, out);
                        if (optlen != 0) out.append("optlen ").append(optlen).append(' ');
                    }
                    case 0x30 -> {
                        out.append("disconn-initiate ").append(src).append('>').append(dst).append(' ');
                        if (nsplen < DISCONNECT) return false;
                        int reason = bytes.le16(nsp + 5), optlen = bytes.u8(nsp + 7);
                        reason(reason, out);
                        if (optlen != 0) out.append("optlen ").append(optlen).append(' ');
                    }
                    case 0x40 -> {
                        out.append("disconn-confirm ").append(src).append('>').append(dst).append(' ');
                        reason(bytes.le16(nsp + 5), out);   // tcpdump checks no length here
                    }
                    default -> reserved("reserved-ctltype? ", flags, src, dst, out);
                }
            }
            default -> reserved("reserved-type? ", flags, src, dst, out);
        }
        return true;
    }

    /**
     * A data segment's or interrupt's ack fields and segment number: the first word is the segment number unless it
     * carries an ack, then the second unless that carries an other-channel ack (tcpdump's loose SGQ_OACK test).
     */
    private static boolean segment(SnapshotBytes bytes, int nsp, int nsplen, String oack, String onak,
            StringBuilder out) {
        int dataOff = MIN_SEGMENT;
        if (nsplen < dataOff) return false;
        int ack = bytes.le16(nsp + 5);
        if ((ack & SGQ_ACK) != 0) {
            acknowledged(ack, "ack ", "nak ", out);
            dataOff += 2;
            if (nsplen < dataOff) return false;
            ack = bytes.le16(nsp + 7);
            if ((ack & SGQ_OACK) != 0) {
                other(ack, oack, onak, out);
                dataOff += 2;
                if (nsplen < dataOff) return false;
                ack = bytes.le16(nsp + 9);
            }
        }
        out.append("seg ").append(ack & SGQ_MASK).append(' ');
        return true;
    }

    /** A link service message: its ack fields (no length checks between them), then the flow control request. */
    private static boolean linkService(SnapshotBytes bytes, int nsp, int nsplen, StringBuilder out) {
        if (nsplen < LINK_SERVICE) return false;
        int ack = bytes.le16(nsp + 5);
        if ((ack & SGQ_ACK) != 0) {
            acknowledged(ack, "ack ", "nak ", out);
            ack = bytes.le16(nsp + 7);
            if ((ack & SGQ_OACK) != 0) {
                other(ack, "ackdat ", "nakdat ", out);
                ack = bytes.le16(nsp + 9);
            }
        }
        out.append("seg ").append(ack & SGQ_MASK).append(' ');
        int lsflags = bytes.u8(nsp + 11), fcval = bytes.u8(nsp + 12);
        switch (lsflags & 0x0c) {
            case 0x00 -> {
                out.append("dat seg count ").append(fcval).append(' ');
                switch (lsflags & 3) {
                    case 0 -> { }
                    case 1 -> out.append("donotsend-data ");
                    case 2 -> out.append("send-data ");
                    default -> Text.hex(out.append("reserved-fcmod? "), lsflags);
                }
            }
            case 0x04 -> out.append("intr req count ").append(fcval).append(' ');
            default -> Text.hex(out.append("reserved-fcval-int? "), lsflags);
        }
        return true;
    }

    private static void acknowledged(int ack, String yes, String no, StringBuilder out) {
        out.append((ack & SGQ_NAK) == SGQ_NAK ? no : yes).append(ack & SGQ_MASK).append(' ');
    }

    private static void other(int ack, String yes, String no, StringBuilder out) {
        out.append((ack & SGQ_ONAK) == SGQ_ONAK ? no : yes).append(ack & SGQ_MASK).append(' ');
    }

    /** Connect initiate and confirm: flow control, NSP version, segment size. */
    private static void connect(SnapshotBytes bytes, int nsp, StringBuilder out) {
        int services = bytes.u8(nsp + 5), info = bytes.u8(nsp + 6), segsize = bytes.le16(nsp + 7);
        switch (services & 0x0c) {
            case 0x04 -> out.append("seg ");
            case 0x08 -> out.append("msg ");
            default -> { }
        }
        out.append(switch (info & 3) {
            case 0 -> "ver 3.2 ";
            case 1 -> "ver 3.1 ";
            case 2 -> "ver 4.0 ";
            default -> "ver 4.1 ";
        });
        out.append("segsize ").append(segsize).append(' ');
    }

    /** tcpdump's reason2str, "reason-N" for the others. */
    private static void reason(int reason, StringBuilder out) {
        String name = switch (reason) {
            case 0 -> "object rejected connect";
            case 1 -> "insufficient resources";
            case 2 -> "unrecognized node name";
            case 3 -> "node is shutting down";
            case 4 -> "unrecognized object";
            case 5 -> "invalid object name format";
            case 6 -> "object too busy";
            case 7 -> "protocol error discovered";
            case 8 -> "third party abort";
            case 9 -> "user abort";
            case 10 -> "invalid node name format";
            case 11 -> "local node shutting down";
            case 32 -> "insufficient local resources";
            case 33 -> "insufficient remote user resources";
            case 34 -> "invalid access control information";
            case 36 -> "bad ACCOUNT information";
            case 38 -> "no response from object";
            case 39 -> "node unreachable";
            case 41 -> "no link terminate";
            case 42 -> "disconnect complete";
            case 43 -> "bad image data in connect";
            case 54 -> "cryptographic service mismatch";
            default -> null;
        };
        if (name != null) out.append(name);
        else out.append("reason-").append(reason);
        out.append(' ');
    }

    private static void reserved(String what, int flags, int src, int dst, StringBuilder out) {
        Text.hex(out.append(what), flags);
        out.append(' ').append(src).append(" > ").append(dst);
    }
}
