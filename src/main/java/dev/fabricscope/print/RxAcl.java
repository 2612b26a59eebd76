package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * An AFS access list as print-rx.c's acl_print reads it: a counted opaque string of at most 1024 bytes (up to a NUL)
 * holding "positive negative\n" then "user bits\n" per entry, read as sscanf reads it ({@code %d %d\n},
 * {@code %1024s %d\n}); each entry printed +{user rlidwka} or -{...}, stopping at the first that does not scan.
 */
final class RxAcl {
    private static final int OPAQUE_MAX = 1024, USER_MAX = 1024;
    private static final int READ = 1, WRITE = 2, INSERT = 4, LOOKUP = 8, DELETE = 16, LOCK = 32, ADMINISTER = 64;

    private Packet p;
    private int end;
    private int at;
    private long number;

    /** The opaque string at the reader: its count, the check that it was captured, the list in it. */
    void opaque(RxReader r) {
        long n = r.u32();
        r.check(n);
        int length = (int) Math.min(OPAQUE_MAX, n);
        int stop = r.pos;
        while (stop < r.pos + length && r.p.u8(stop) != 0) stop++;
        p = r.p;
        at = r.pos;
        end = stop;
        print(r.out);
    }

    private void print(StringBuilder out) {
        if (!integer()) return;
        long positive = number;
        skipSpace();
        if (!integer()) return;
        long negative = number;
        skipSpace();
        for (long i = 0; i < (int) positive; i++) if (!entry(out, '+')) return;
        for (long i = 0; i < (int) negative; i++) if (!entry(out, '-')) return;
    }

    private boolean entry(StringBuilder out, char sign) {
        skipSpace();
        int user = at;
        while (at < end && at - user < USER_MAX && !space(p.u8(at))) at++;
        if (at == user) return false;
        int userEnd = at;
        skipSpace();
        if (!integer()) return false;
        skipSpace();
        out.append(' ').append(sign).append('{');
        for (int i = user; i < userEnd; i++) RxReader.printChar(out, p.u8(i));
        out.append(' ');
        int acl = (int) number;
        if ((acl & READ) != 0) out.append('r');
        if ((acl & LOOKUP) != 0) out.append('l');
        if ((acl & INSERT) != 0) out.append('i');
        if ((acl & DELETE) != 0) out.append('d');
        if ((acl & WRITE) != 0) out.append('w');
        if ((acl & LOCK) != 0) out.append('k');
        if ((acl & ADMINISTER) != 0) out.append('a');
        out.append('}');
        return true;
    }

    /** scanf's %d: spaces, a sign, at least one digit; too large a number saturates as strtol does. */
    private boolean integer() {
        skipSpace();
        int i = at;
        boolean negative = false;
        if (i < end && (p.u8(i) == '+' || p.u8(i) == '-')) negative = p.u8(i++) == '-';
        int digits = i;
        long v = 0;
        boolean overflow = false;
        while (i < end && p.u8(i) >= '0' && p.u8(i) <= '9') {
            int d = p.u8(i++) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) overflow = true;
            else v = v * 10 + d;
        }
        if (i == digits) return false;
        at = i;
        number = overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : negative ? -v : v;
        return true;
    }

    private void skipSpace() {
        while (at < end && space(p.u8(at))) at++;
    }

    private static boolean space(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
