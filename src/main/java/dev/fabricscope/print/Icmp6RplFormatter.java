package dev.fabricscope.print;

/**
 * RPL control messages (RFC 6550, ICMPv6 type 155) as print-icmp6.c prints them: ", (CLR)" and the message's name
 * (secured ones only as ", (SEC) [worktodo]"); -v adds a DIO's, DAO's or DAO-ACK's fields in brackets, -vv their
 * options by name and length, -vvv each option's bytes.
 */
final class Icmp6RplFormatter {
    private static final int DIS = 0, DIO = 1, DAO = 2, DAO_ACK = 3;
    private static final int DIO_LENGTH = 24, DAO_LENGTH = 20, DAO_MIN = 4, DAO_ACK_MIN = 4, DAGID = 16;
    private static final String[] MODES = {"nonstoring", "storing", "nonstoring-multicast", "storing-multicast"};
    private static final String[] OPTIONS = {"pad1", "padN", "metrics", "routinginfo", "config", "rpltarget",
        "transitinfo", null, "destprefix", "rpltargetdesc"};

    private final Verbosity verbosity;
    private final Icmp6Bytes bytes;

    Icmp6RplFormatter(Verbosity verbosity, Icmp6Bytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
    }

    /** @param length the message after the ICMPv6 type, code and checksum, as tcpdump's unsigned count */
    void format(int code, int bp, long length, StringBuilder out) {
        if ((code & 0x80) != 0) {
            out.append(", (SEC) [worktodo]");
            return;
        }
        out.append(", (CLR)");
        boolean verbose = verbosity.verbose();
        switch (code) {
            case DIS -> out.append("DODAG Information Solicitation");
            case DIO -> {
                out.append("DODAG Information Object");
                if (verbose) dio(bp, length, out);
            }
            case DAO -> {
                out.append("Destination Advertisement Object");
                if (verbose) dao(bp, length, out);
            }
            case DAO_ACK -> {
                out.append("Destination Advertisement Object Ack");
                if (verbose) daoAck(bp, length, out);
            }
            default -> out.append("RPL message, unknown code ").append(code);
        }
    }

    private void dio(int bp, long length, StringBuilder out) {
        if (length < DIO_LENGTH) {
            out.append(" [length ").append(length).append(" < ").append(DIO_LENGTH).append("] (invalid)");
            return;
        }
        bytes.u8(bp + DIO_LENGTH - 1);   // the DODAG ID, last field: all are fetched before any is printed
        int modePreference = bytes.u8(bp + 4);
        bytes.ip6(out, " [dagid:", bp + 8);
        out.append(",seq:").append(bytes.u8(bp + 5)).append(",instance:").append(bytes.u8(bp))
            .append(",rank:").append(bytes.u16(bp + 2)).append(',');
        if ((modePreference & 0x80) != 0) out.append("grounded,");
        int mode = (modePreference & 0x38) >>> 3;
        out.append("mop:");
        if (mode < MODES.length) out.append(MODES[mode]);
        else out.append("mop").append(mode);
        out.append(",prf:").append(modePreference & 0x07).append(']');
        if (verbosity.veryVerbose()) options(bp + DIO_LENGTH, length - DIO_LENGTH, out);
    }

    private void dao(int bp, long length, StringBuilder out) {
        if (!bytes.has(bp, DAO_LENGTH)) {   // tcpdump wants the whole structure, DODAG ID or not
            Icmp6Formatter.trunc(out);
            return;
        }
        if (length < DAO_MIN) {
            out.append(" [|length too short]");
            return;
        }
        int flags = bytes.u8(bp + 1);
        boolean hasDagid = (flags & 0x40) != 0;
        if (hasDagid && length - DAO_MIN < DAGID) {
            out.append(" [|length too short]");
            return;
        }
        if (hasDagid) bytes.ip6(out, " [dagid:", bp + DAO_MIN);
        else out.append(" [dagid:<elided>");
        out.append(",seq:").append(bytes.u8(bp + 3)).append(",instance:").append(bytes.u8(bp));
        if ((flags & 0x80) != 0) out.append(",acK");
        if (hasDagid) out.append(",Dagid");
        out.append(',');
        Text.hex(out, flags, 2);
        out.append(']');
        int consumed = DAO_MIN + (hasDagid ? DAGID : 0);
        if (verbosity.veryVerbose()) options(bp + consumed, length - consumed, out);
    }

    private void daoAck(int bp, long length, StringBuilder out) {
        if (!bytes.has(bp, DAO_ACK_MIN)) {
            Icmp6Formatter.trunc(out);
            return;
        }
        if (length < DAO_ACK_MIN) {
            out.append(" [|dao-length too short]");
            return;
        }
        boolean hasDagid = (bytes.u8(bp + 1) & 0x80) != 0;
        if (hasDagid) {
            if (!bytes.has(bp + DAO_ACK_MIN, DAGID)) {
                Icmp6Formatter.trunc(out);
                return;
            }
            if (length - DAO_ACK_MIN < DAGID) {
                out.append(" [|dao-length too short]");
                return;
            }
            bytes.ip6(out, " [dagid:", bp + DAO_ACK_MIN);
        } else {
            out.append(" [dagid:<elided>");
        }
        out.append(",seq:").append(bytes.u8(bp + 2)).append(",instance:").append(bytes.u8(bp))
            .append(",status:").append(bytes.u8(bp + 3)).append(']');
        int consumed = DAO_ACK_MIN + (hasDagid ? DAGID : 0);
        if (verbosity.veryVerbose()) options(bp + consumed, length - consumed, out);
    }

    /** The options: " opt:name len:N " each (-vvv: and its bytes); " [|icmp6]" where one runs past the data. */
    private void options(int at, long length, StringBuilder out) {
        while (length != 0) {
            int type = bytes.u8(at);
            int optionLength;
            if (type == 0) {
                optionLength = 1;
                out.append(" opt:pad1");
            } else {
                if (length < 2) {
                    Icmp6Formatter.trunc(out);
                    return;
                }
                optionLength = bytes.u8(at + 1) + 2;
                out.append(" opt:");
                if (type < OPTIONS.length && OPTIONS[type] != null) out.append(OPTIONS[type]);
                else out.append("subopt:").append(type);
                out.append(" len:").append(optionLength).append(' ');
                if (!bytes.has(at, optionLength) || length < optionLength) {
                    Icmp6Formatter.trunc(out);
                    return;
                }
                if (verbosity.mostVerbose()) {
                    HexDump.hex(bytes.packet(), at + 2, optionLength - 2, " ", out);
                }
            }
            at += optionLength;
            length -= optionLength;
        }
    }
}
