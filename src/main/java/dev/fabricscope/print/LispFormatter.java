package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LISP control messages (RFC 6830, UDP 4342) as tcpdump 4.99 prints them (print-lisp.c): the type
 * ({@code LISP-Map-Register,}); for Map-Register and Map-Notify the record count, then per EID record its IPv4 or
 * IPv6 prefix and locator count and per locator its IPv4 or IPv6 RLOC, then the xTR-ID and site-ID (I bit) or the
 * bytes left over as hex. -v adds the header flags, the key ID and authentication data, each record's TTL,
 * authoritative bit, action and map version, and each locator's priorities, weights and flags. Other types print
 * their name alone, as tcpdump's; a record whose EID is neither IPv4 nor IPv6 (LCAF) ends the output silently, as
 * there. Where tcpdump checks lengths first a cut message ends with " [|lisp]"; where its fetches jump out (the
 * authentication data, the EID address, the header's own flags and counts), the raw dump also starts at byte 0
 * ({@link EarlyEnd}). tcpdump counts its offset in 16 bits; so do we.
 */
final class LispFormatter {
    /** LISP control messages, either side. */
    static final int PORT = 4342;

    private static final int HEADER = 16, RECORD = 12, LOCATOR = 8, XTR_AND_SITE = 24, XTR_ID = 16;
    private static final int MAP_REGISTER = 3, MAP_NOTIFY = 4;
    private static final int AFI_IPV4 = 1, AFI_IPV6 = 2;
    private static final String[] TYPES = {"LISP-Reserved", "LISP-Map-Request", "LISP-Map-Reply", "LISP-Map-Register",
        "LISP-Map-Notify", null, null, null, "LISP-Encapsulated-Contol-Message"};
    private static final String[] AUTHENTICATION = {"None", "SHA1", "SHA256"};
    private static final String[] ACTIONS = {"No-Action", "Natively-Forward", "Send-Map-Request", "Drop"};
    /** Flags of the first header word, in tcpdump's order (bit masks and names side by side). */
    private static final int[] REGISTER_FLAGS = {0x08000000, 0x04000000, 0x02000000, 0x01000000, 0x00000100};
    private static final String[] REGISTER_FLAG_NAMES = {"P-Proxy-Map-Reply", "S-LISP-SEC-Capable", "I-xTR-ID-Present",
        "R-Build-For-RTR", "M-Want-Map-Notify"};
    private static final int[] NOTIFY_FLAGS = {0x08000000, 0x04000000};
    private static final String[] NOTIFY_FLAG_NAMES = {"I-xTR-ID-Present", "R-Build-For-RTR"};
    private static final int[] LOCATOR_FLAGS = {0x0004, 0x0002, 0x0001};
    private static final String[] LOCATOR_FLAG_NAMES = {"Local-Locator", "RLoc-Probed", "Reachable"};
    /** The I bit in the type byte: xTR-ID and site-ID follow the records. */
    private static final int REGISTER_XTR = 0x02, NOTIFY_XTR = 0x08;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    LispFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off} of {@code length} bytes (the UDP payload); {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(p, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark();
            trunc(out);
        }
    }

    private void message(int bp, int length, StringBuilder out) {
        if (!bytes.has(bp, HEADER)) {
            trunc(out);
            return;
        }
        int typeAndFlags = bytes.u8(bp);
        int type = typeAndFlags >>> 4;
        String name = type < TYPES.length ? TYPES[type] : null;
        if (name == null) out.append("unknown-type-").append(type).append(',');
        else out.append(name).append(',');
        boolean verbose = verbosity.verbose();
        if (type != MAP_REGISTER && type != MAP_NOTIFY) return;
        if (verbose) {
            out.append(" flags [");
            if (type == MAP_REGISTER) flags(out, (int) bytes.u32(bp), REGISTER_FLAGS, REGISTER_FLAG_NAMES);
            else flags(out, (int) bytes.u32(bp), NOTIFY_FLAGS, NOTIFY_FLAG_NAMES);
            out.append("],");
        }
        boolean xtr = (typeAndFlags & (type == MAP_REGISTER ? REGISTER_XTR : NOTIFY_XTR)) != 0;
        int authLength = bytes.u16(bp + 14);
        int records = bytes.u8(bp + 3);
        if (verbose) {
            int keyId = bytes.u16(bp + 12);
            out.append("\n    ").append(records).append(" record(s), Authentication ")
                .append(keyId < AUTHENTICATION.length ? AUTHENTICATION[keyId] : "unknown-type").append(',');
            bytes.hexPrint(out, bp + HEADER, "\n    Authentication-Data: ", authLength);
        } else {
            out.append(' ').append(records).append(" record(s),");
        }
        int at = (HEADER + authLength) & 0xffff;   // tcpdump's 16-bit offset from the message start
        if (records == 0) {
            out.append(" (invalid)");
            return;
        }
        while (length > at && records != 0) {
            records--;
            if (!bytes.has(bp + at, RECORD)) {
                trunc(out);
                return;
            }
            out.append('\n');
            int record = bp + at;
            at = (at + RECORD) & 0xffff;
            int maskLength = bytes.u8(record + 5);
            int eidAfi = bytes.u16(record + 10);
            int locators = bytes.u8(record + 4);
            if (verbose) {
                out.append("      Record TTL ");
                Text.u32(out, bytes.u32(record));
                int actAuth = bytes.u8(record + 6);
                out.append((actAuth & 0x10) != 0 ? ", Authoritative, " : ", Non-Authoritative, ")
                    .append(actAuth >>> 5 < ACTIONS.length ? ACTIONS[actAuth >>> 5] : "unknown")
                    .append(", Map Version: ").append(bytes.u16(record + 8) & 0x0fff).append(',');
            }
            int eid = bp + at;
            if (eidAfi == AFI_IPV4) {
                bytes.need(eid, 4);   // fetched before anything of the line is printed
                out.append(" EID ");
                bytes.ip4(out, eid);
                at = (at + 4) & 0xffff;
            } else if (eidAfi == AFI_IPV6) {
                bytes.need(eid, 16);
                out.append(" EID ");
                bytes.ip6(out, eid);
                at = (at + 16) & 0xffff;
            } else {
                return;   // LCAF and other families: tcpdump stops here without a word
            }
            out.append('/').append(maskLength).append(", ").append(locators).append(" locator(s)");
            for (; locators != 0; locators--) {
                if (!bytes.has(bp + at, LOCATOR)) {
                    trunc(out);
                    return;
                }
                int locator = bp + at;
                at = (at + LOCATOR) & 0xffff;
                int locatorAfi = bytes.u16(locator + 6);
                if (verbose) out.append("\n       ");
                int size = locatorAfi == AFI_IPV4 ? 4 : locatorAfi == AFI_IPV6 ? 16 : 0;
                if (size > 0) {
                    if (!bytes.has(bp + at, size)) {
                        trunc(out);
                        return;
                    }
                    bytes.need(locator + LOCATOR, size);   // tcpdump's pointer: right after the locator header
                    out.append(" LOC ");
                    if (size == 4) bytes.ip4(out, locator + LOCATOR);
                    else bytes.ip6(out, locator + LOCATOR);
                    at = (at + size) & 0xffff;
                }
                if (verbose) {
                    out.append("\n          Priority/Weight ").append(bytes.u8(locator)).append('/')
                        .append(bytes.u8(locator + 1)).append(", Multicast Priority/Weight ")
                        .append(bytes.u8(locator + 2)).append('/').append(bytes.u8(locator + 3)).append(", flags [");
                    flags(out, bytes.u16(locator + 4), LOCATOR_FLAGS, LOCATOR_FLAG_NAMES);
                    out.append("],");
                }
            }
        }
        int rest = bp + at;
        if (xtr) {
            if (!bytes.has(rest, XTR_AND_SITE)) {
                out.append(" (invalid)");
                return;
            }
            bytes.hexPrint(out, rest, "\n    xTR-ID: ", XTR_ID);
            out.append("\n    SITE-ID: ");
            Text.u64(out, bytes.u64(rest + XTR_ID));
        } else if (rest < bytes.end()) {
            bytes.hexPrint(out, rest, "\n    Data: ", bytes.end() - rest);
        }
    }

    /** tcpdump's bittok2str: the names of the set flags in its table's order, ", " between, else "none". */
    private static void flags(StringBuilder out, int value, int[] masks, String[] names) {
        boolean any = false;
        for (int i = 0; i < masks.length; i++) {
            if ((value & masks[i]) == 0) continue;
            if (any) out.append(", ");
            out.append(names[i]);
            any = true;
        }
        if (!any) out.append("none");
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|lisp]");
    }
}
