package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.Rfc3339;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * A cursor over an Rx packet's argument words with print-rx.c's field printers (its FIDOUT, STROUT, INTOUT, DATEOUT,
 * VECOUT... macros). Two ways out, as tcpdump has: a fetch past the capture ({@link #fetchFailed}, tcpdump's GET_
 * longjmp: " [|rx]" and nothing after, not even the length) and a failed check ({@link #checkFailed}, its
 * ND_TCHECK/goto trunc: the service's own marker, then the length). Both are preallocated, without stack traces.
 */
final class RxReader {
    static final class Jump extends RuntimeException {
        Jump() {
            super(null, null, false, false);
        }
    }

    final Jump fetchFailed = new Jump();
    final Jump checkFailed = new Jump();
    final RxAcl acl = new RxAcl();

    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int offsetSeconds;

    Packet p;
    int pos;
    int end;
    StringBuilder out;

    /** @param zone tcpdump's localtime: the dates print in the printer's zone */
    RxReader(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    void start(Packet p, int pos, int end, StringBuilder out) {
        this.p = p;
        this.pos = pos;
        this.end = end;
        this.out = out;
    }

    long u32() {
        if (pos > end - 4) throw fetchFailed;
        long v = p.u32(pos);
        pos += 4;
        return v;
    }

    int u8(int off) {
        if (off >= end) throw fetchFailed;
        return p.u8(off);
    }

    /** ND_TCHECK_LEN from the cursor. */
    void check(long length) {
        if (length > end - pos) throw checkFailed;
    }

    /** Moves on by a count that may run past the capture (tcpdump's plain pointer arithmetic). */
    void skip(long n) {
        pos = (int) Math.min(Integer.MAX_VALUE, pos + n);
    }

    void fid() {
        check(12);
        out.append(" fid ");
        Text.u32(out, u32());
        out.append('/');
        Text.u32(out, u32());
        out.append('/');
        Text.u32(out, u32());
    }

    /** A counted string of at most {@code max} bytes, padded to a word; its bytes as far as captured. */
    void string(int max) {
        long n = u32();
        if (n > max) throw checkFailed;
        out.append(" \"");
        int at = pos;
        long left = n;
        while (left > 0 && at < end) {
            left--;
            printChar(out, p.u8(at++));
        }
        if (left > 0) throw checkFailed;
        out.append('"');
        skip((n + 3) / 4 * 4);
    }

    /** {@code label} (" offset"), printed before the word is fetched as tcpdump's does, then {@link #signed()}. */
    void signed(String label) {
        out.append(label);
        signed();
    }

    /** {@code label}, then {@link #unsigned()}. */
    void unsigned(String label) {
        out.append(label);
        unsigned();
    }

    /** {@code label}, then {@link #unsigned64()}. */
    void unsigned64(String label) {
        out.append(label);
        unsigned64();
    }

    /** {@code label}, then {@link #date()}. */
    void date(String label) {
        out.append(label);
        date();
    }

    // the word is fetched before its space is printed, as tcpdump's macros do
    void signed() {
        int v = (int) u32();
        out.append(' ').append(v);
    }

    void unsigned() {
        long v = u32();
        Text.u32(out.append(' '), v);
    }

    void unsigned64() {
        if (pos > end - 8) throw fetchFailed;
        long high = u32();
        Text.u64(out.append(' '), high << 32 | u32());
    }

    /** DATEOUT: signed seconds since 1970 as localtime and "%Y/%m/%d %H:%M:%S". */
    void date() {
        long seconds = (int) u32();   // fetched before anything is printed
        long local = seconds + (fixedOffset ? offsetSeconds
            : rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds());
        long day = Math.floorDiv(local, 86_400L);
        int second = (int) Math.floorMod(local, 86_400L);
        long civil = Rfc3339.civilFromDays(day);
        out.append(' ').append(Rfc3339.civilYear(civil)).append('/');
        Text.zeroPadded(out, Rfc3339.civilMonth(civil), 2);
        out.append('/');
        Text.zeroPadded(out, Rfc3339.civilDayOfMonth(civil), 2);
        out.append(' ');
        Text.zeroPadded(out, second / 3600, 2);
        out.append(':');
        Text.zeroPadded(out, second / 60 % 60, 2);
        out.append(':');
        Text.zeroPadded(out, second % 60, 2);
    }

    /** STOREATTROUT: the mask, then each field it names. */
    void storeStatus() {
        check(24);
        long mask = u32();
        if (mask != 0) out.append(" StoreStatus");
        if ((mask & 1) != 0) {
            out.append(" date");
            date();
        } else {
            pos += 4;
        }
        long v = u32();
        if ((mask & 2) != 0) Text.u32(out.append(" owner "), v);
        v = u32();
        if ((mask & 4) != 0) Text.u32(out.append(" group "), v);
        v = u32();
        if ((mask & 8) != 0) octal(out.append(" mode "), (int) v & 07777);
        v = u32();
        if ((mask & 16) != 0) Text.u32(out.append(" segsize "), v);
        if ((mask & 1024) != 0) out.append(" fsync");
    }

    private static void octal(StringBuilder out, int v) {
        int shift = 9;
        while (shift > 0 && (v >>> shift) == 0) shift -= 3;
        for (; shift >= 0; shift -= 3) out.append((char) ('0' + ((v >>> shift) & 7)));
    }

    /** UBIK_VERSIONOUT: epoch.counter. */
    void ubikVersion() {
        check(8);
        out.append(' ');
        Text.u32(out, u32());
        out.append('.');
        Text.u32(out, u32());
    }

    /** AFSUUIDOUT: eleven words, the last eight by their low byte. */
    void afsUuid() {
        check(44);
        out.append(' ');
        Text.hex(out, u32(), 8);
        Text.hex(out, u32(), 4);
        Text.hex(out, u32(), 4);
        for (int i = 0; i < 8; i++) Text.hex(out, u32() & 0xff, 2);
    }

    /** VECOUT: {@code max} words, each a character in its low byte, printed up to the first NUL. */
    void vector(int max) {
        check(4L * max);
        out.append(" \"");
        boolean ended = false;
        for (int k = 0; k < max; k++) {
            int c = (int) u32() & 0xff;
            if (c == 0) ended = true;
            if (!ended) printChar(out, c);
        }
        out.append('"');
    }

    /** DESTSERVEROUT. */
    void destServer() {
        check(12);
        out.append(" server ");
        Text.u32(out, u32());
        out.append(':');
        Text.u32(out, u32());
        out.append(':');
        Text.u32(out, u32());
    }

    /** tcpdump's fn_print_char: "M-" for the high bit, "^" for controls. */
    static void printChar(StringBuilder out, int c) {
        if (c >= 0x80) {
            c &= 0x7f;
            out.append("M-");
        }
        if (c < 0x20 || c == 0x7f) {
            c ^= 0x40;
            out.append('^');
        }
        out.append((char) c);
    }
}
