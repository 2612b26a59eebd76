package dev.fabricscope.print;

import static dev.fabricscope.dissect.BsdHeaders.AF_INET;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_BSD;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_DARWIN;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_FREEBSD;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.BsdHeaders;

/**
 * LINKTYPE_PFLOG (the OpenBSD/FreeBSD pf firewall's log, {@code tcpdump -i pflog0}) as tcpdump's pflog_if_print
 * built for Linux: a header of {@code length} bytes (rounded up to 4; 64 as Linux's struct pfloghdr has it: length,
 * family, action, reason, interface and ruleset names, rule and subrule numbers, uid/pid fields, direction), then
 * IPv4 or IPv6 by the family (the BSDs' and macOS's AF_INET6 values alike); -e prints the rule, reason, action,
 * direction and interface first. The names are those tcpdump's tables hold without a BSD's own additions.
 */
final class PflogFormatter {
    static final int MIN_HEADER = BsdHeaders.PFLOG_MIN_LENGTH, HEADER = BsdHeaders.PFLOG_LENGTH;
    private static final int IFNAME = 4, RULESET = 20, NAME_SIZE = 16, RULE = 36, SUBRULE = 40, DIR = 60;

    /** pf_reasons: reason 3's entry carries PFRES_NORM's value in tcpdump, so 3 is unknown and 4 reads "3(short)". */
    private static final String[] REASONS = {"0(match)", "1(bad-offset)", "2(fragment)", null, "3(short)", "5(memory)",
        "6(bad-timestamp)", "7(congestion)", "8(ip-option)", "9(proto-cksum)", "10(state-mismatch)",
        "11(state-insert)", "12(state-limit)", "13(src-limit)", "14(synproxy)"};
    /** pf_actions (PF_NOSCRUB, 3, has no name). */
    private static final String[] ACTIONS = {"pass", "block", "scrub", null, "nat", "nonat", "binat", "nobinat", "rdr",
        "nordr", "synproxy-drop"};
    private static final String[] DIRECTIONS = {"in/out", "in", "out"};

    private final boolean linkHeaders;
    private final boolean defaultPrint;
    private final IpFormatter ip;

    PflogFormatter(boolean linkHeaders, boolean defaultPrint, IpFormatter ip) {
        this.linkHeaders = linkHeaders;
        this.defaultPrint = defaultPrint;
        this.ip = ip;
    }

    /**
     * Prints the record ({@code length}: on the wire) and returns the link-level bytes tcpdump counts for -x: the
     * rounded header length, also for a cut header (a length below the minimum: that length).
     */
    int format(Packet p, int length, StringBuilder out) {
        if (p.capLen() < 1) {   // only inside another header (PKTAP): a record has at least one byte
            out.append(" [|pflog]");
            return 0;
        }
        int headerLength = p.u8(0);
        if (headerLength < MIN_HEADER) {
            out.append("[pflog: invalid header length!]");
            return headerLength;
        }
        int rounded = (headerLength + 3) & ~3;
        if (p.capLen() < rounded || p.capLen() < HEADER) {   // the header, then all of struct pfloghdr checked
            out.append(" [|pflog]");
            return rounded;
        }
        if (linkHeaders) header(p, out);
        int off = rounded;
        switch (p.u8(1)) {
            case AF_INET -> ip.ipv4(p, off, length - off, out);
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> ip.ipv6(p, off, length - off, out);
            default -> {
                if (!linkHeaders) header(p, out);
                if (defaultPrint) HexDump.hexAndAscii(p, off, p.capLen() - off, "\n\t", out);
            }
        }
        return rounded;
    }

    /** pflog_print: "rule R/" or "rule R.RULESET.S/", then "REASON: ACTION DIR on IFNAME: ". */
    private static void header(Packet p, StringBuilder out) {
        long rule = p.u32(RULE);
        long subrule = p.u32(SUBRULE);
        out.append("rule ").append(rule);
        if (subrule == 0xffffffffL) {
            out.append('/');
        } else {
            out.append('.');
            name(p, RULESET, out);
            out.append('.').append(subrule).append('/');
        }
        named(REASONS, p.u8(3), out);
        out.append(": ");
        named(ACTIONS, p.u8(2), out);
        out.append(' ');
        named(DIRECTIONS, p.u8(DIR), out);
        out.append(" on ");
        name(p, IFNAME, out);
        out.append(": ");
    }

    private static void named(String[] names, int value, StringBuilder out) {
        String name = value < names.length ? names[value] : null;
        if (name != null) out.append(name);
        else out.append("unkn(").append(value).append(')');
    }

    /** nd_printjnp: up to 16 bytes, to the first NUL. */
    private static void name(Packet p, int off, StringBuilder out) {
        for (int i = 0; i < NAME_SIZE; i++) {
            int c = p.u8(off + i);
            if (c == 0) return;
            Text.printableChar(out, c);
        }
    }
}
