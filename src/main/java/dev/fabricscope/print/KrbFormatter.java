package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * Kerberos on UDP 88 and 750 as tcpdump 4.99 prints it (print-krb.c): the version (" v5" for an ASN.1 message
 * tcpdump does not decode, nothing for versions it does not know); version 4 messages with their byte order, type
 * and names. tcpdump has two ways out: names that reach the capture end print " [|krb]" (the link header still
 * counts for -x) and other fields past it jump out ({@link EarlyEnd}).
 */
final class KrbFormatter {
    private static final int KDC_REQUEST = 2, KDC_REPLY = 4, APPL_REQUEST = 6, ERR_REPLY = 10;
    private static final String[] TYPES = {null, "KDC_REQUEST", "KDC_REPLY", "APPL_REQUEST", "APPL_REQUEST_MUTUAL",
        "ERR_REPLY", "PRIVATE", "SAFE", "APPL_ERR"};
    private static final String[] ERRORS = {"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER",
        "NAME_MAST_KEY_VER", "SERV_MAST_KEY_VER", "BYTE_ORDER", "PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE",
        "NULL_KEY"};

    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    KrbFormatter(EarlyEnd earlyEnd) {
        this.earlyEnd = earlyEnd;
    }

    /** The UDP payload at {@code off}; {@code end} the snapshot end. */
    void format(Packet p, int off, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            if (off >= end) {
                out.append(" [|krb]");
                return;
            }
            int version = p.u8(off);
            if (version >= 1 && version <= 4) out.append(" v").append(version);
            else if (version == 106 || version == 107) out.append(" v5");
            if (version == 4) krb4(p, off, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "krb");
        }
    }

    private void krb4(Packet p, int kp, StringBuilder out) {
        int typeByte = bytes.u8(kp + 1);
        boolean little = (typeByte & 1) != 0;
        int type = typeByte & 0xfe;
        out.append(little ? " le " : " be ");
        String name = type == 126 ? "DIE" : type >>> 1 < TYPES.length ? TYPES[type >>> 1] : null;
        if (name != null) out.append(name);
        else out.append('#').append(type);
        out.append(": ");
        int cp = kp;
        switch (type) {
            case KDC_REQUEST -> {
                if ((cp = header(p, cp, out)) < 0) return;
                cp += 4;   // ctime
                int life = bytes.u8(cp) * 5;   // fetched before anything of the line is printed
                out.append(' ').append(life).append("min ");
                cp++;
                if ((cp = string(p, out, cp)) < 0 || (cp = string(p, out.append('.'), cp)) < 0) return;
            }
            case APPL_REQUEST -> {
                cp += 2;
                int version = bytes.u8(cp);   // each field fetched before its part of the line is printed
                out.append('v').append(version).append(' ');
                cp++;
                if ((cp = string(p, out, cp)) < 0) return;
                int first = bytes.u8(cp);
                out.append(" (").append(first).append(')');
                cp++;
                int second = bytes.u8(cp);
                out.append(" (").append(second).append(')');
            }
            case KDC_REPLY -> {
                if ((cp = header(p, cp, out)) < 0) return;
                cp += 10;   // timestamp, n, exp, kvno
                int length = u16(cp, little);
                out.append(" (").append(length).append(')');
            }
            case ERR_REPLY -> {
                if ((cp = header(p, cp, out)) < 0) return;
                cp += 4;   // timestamp
                int code = u16(cp, little);
                out.append(' ');
                if (code < ERRORS.length) out.append(ERRORS[code]);
                else out.append('#').append(code);
                out.append(' ');
                cp += 4;
                string(p, out, cp);
            }
            default -> out.append("(unknown)");
        }
    }

    private int u16(int at, boolean little) {
        int v = bytes.u16(at);
        return little ? Integer.reverseBytes(v) >>> 16 : v;
    }

    /** The name "name.instance@realm" after the version and type; -1 when it ran out (" [|krb]" printed). */
    private int header(Packet p, int cp, StringBuilder out) {
        cp += 2;
        if ((cp = string(p, out, cp)) < 0 || (cp = string(p, out.append('.'), cp)) < 0
                || (cp = string(p, out.append('@'), cp)) < 0) {
            return -1;
        }
        return cp;
    }

    /** tcpdump's c_print: characters up to a NUL; without one before the capture end " [|krb]" and -1. */
    private int string(Packet p, StringBuilder out, int cp) {
        int end = bytes.end();
        while (cp < end) {
            int c = p.u8(cp++);
            if (c == 0) return cp;
            Text.printableChar(out, c);
        }
        out.append(" [|krb]");
        return -1;
    }
}
