package dev.fabricscope.print;

/**
 * ES-IS (ISO 9542, NLPID 0x82) as tcpdump 4.99 prints it (print-isoclns.c's esis_print): by default "ES-IS, ISH,
 * length 24"; with -v the header (checksum verified, holding time), the NETs of an ESH or ISH, a redirect's
 * destination, SNPA and NET, and the options (ES configuration time, protocols supported; others in hex); with -vv
 * the header and each option in hex too. As tcpdump, a protocols-supported option does not step over its value, so
 * the options after it are read from its value.
 *
 * <p>Where tcpdump checks the capture before it reads, this printer prints " [|esis]" itself; a read past the
 * capture jumps out ({@link BgpBytes}) and {@link OsiFormatter} prints the marker. One per {@link OsiFormatter};
 * allocates nothing.
 */
final class EsIsFormatter {
    private static final int HEADER = 9;
    private static final int ESH = 2, ISH = 4, REDIRECT = 6;
    private static final int PROTOCOLS = 129, ES_CONFIGURATION_TIME = 198;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final BgpBytes b;

    EsIsFormatter(Verbosity verbosity, boolean linkHeaders, BgpBytes bytes) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.b = bytes;
    }

    /** The PDU at {@code p} (its NLPID byte), {@code length} bytes on the wire. */
    void print(StringBuilder out, int p, int length) {
        if (!linkHeaders) out.append("ES-IS");
        if (Integer.compareUnsigned(length, 2) <= 0) {   // unsigned: a jumbogram's carried PDU can pass 2^31
            out.append(verbosity == Verbosity.QUIET ? "bad pkt!" : "no header at all!");
            return;
        }
        if (!b.has(p, HEADER)) {
            trunc(out);
            return;
        }
        int li = b.u8(p + 1);
        int nlpid = b.u8(p);
        if (nlpid != 0x82) {
            out.append(" nlpid 0x");
            Text.hex(out, nlpid, 2);
            out.append(" packet not supported");
            return;
        }
        int version = b.u8(p + 2);
        if (version != 1) {
            out.append(" version ").append(version).append(" packet not supported");
            return;
        }
        if (Integer.compareUnsigned(li, length) > 0) {
            out.append(" length indicator(").append(li).append(") > PDU size (").append(length).append(")!");
            return;
        }
        if (li < HEADER + 2) {
            out.append(" length indicator ").append(li).append(" < min PDU size:");
            for (int at = p; at < b.end(); at++) LldpText.upperHexByte(out, b.u8(at));
            return;
        }
        int type = b.u8(p + 4) & 0x1f;
        String separator = linkHeaders ? "" : ", ";
        String name = switch (type) {
            case REDIRECT -> "redirect";
            case ESH -> "ESH";
            case ISH -> "ISH";
            default -> null;
        };
        if (!verbosity.verbose()) {
            out.append(separator);
            if (name != null) out.append(name);
            else out.append("unknown type (").append(type).append(')');
            out.append(", length ").append(Integer.toUnsignedLong(length));
            return;
        }
        out.append(separator).append("length ").append(Integer.toUnsignedLong(length)).append("\n\t");
        if (name != null) out.append(name);
        else out.append("unknown type: ").append(type);
        int checksum = b.u16(p + 7);
        out.append(" (").append(type).append("), v: ").append(version).append(", checksum: 0x");
        Text.hex(out, checksum, 4);
        OsiFields.checksum(out, b, p, checksum, 7, li);
        out.append(", holding time: ").append(b.u16(p + 5)).append("s, length indicator: ").append(li);
        if (verbosity.veryVerbose()) b.unknownData(out, p, "\n\t", HEADER);
        int at = p + HEADER;
        li -= HEADER;
        switch (type) {
            case REDIRECT -> {
                if (!field(at, 1, li, "redirect", out)) return;
                int dstLength = b.u8(at);
                at++;
                li--;
                if (!field(at, dstLength, li, "redirect", out)) return;
                int dst = at;
                at += dstLength;
                li -= dstLength;
                OsiFields.nsap(out, b, "\n\t  ", dst, dstLength);
                if (!field(at, 1, li, "redirect", out)) return;
                int snpaLength = b.u8(at);
                at++;
                li--;
                if (!field(at, snpaLength, li, "redirect", out)) return;
                int snpa = at;
                at += snpaLength;
                li -= snpaLength;
                if (!field(at, 1, li, "redirect", out)) return;
                int netLength = b.u8(at);
                at++;   // tcpdump does not count this byte off the length indicator
                if (!field(at, netLength, li, "redirect", out)) return;
                int net = at;
                at += netLength;
                li -= netLength;
                out.append("\n\t  SNPA (length: ").append(snpaLength).append("): ");
                if (snpaLength == 0) out.append("<empty>");
                else OsiFields.linkAddress(out, b, snpa, snpaLength);
                if (netLength != 0) {
                    b.need(net, netLength);
                    out.append("\n\t  NET (length: ").append(netLength).append(") ");
                    b.nsap(out, net, netLength);
                }
            }
            case ESH -> {
                if (!field(at, 1, li, "esh", out)) return;
                int sources = b.u8(at);
                at++;
                li--;
                out.append("\n\t  Number of Source Addresses: ").append(sources);
                for (; sources > 0; sources--) {
                    if (!field(at, 1, li, "esh", out)) return;
                    int sourceLength = b.u8(at);
                    at++;
                    li--;
                    if (!field(at, sourceLength, li, "esh", out)) return;
                    net(out, at, sourceLength);
                    at += sourceLength;
                    li -= sourceLength;
                }
            }
            case ISH -> {
                if (!field(at, 1, li, "ish", out)) return;
                int netLength = b.u8(at);
                at++;
                li--;
                if (!field(at, netLength, li, "ish", out)) return;
                net(out, at, netLength);
                at += netLength;
                li -= netLength;
            }
            default -> {
                if (!verbosity.veryVerbose() && b.has(at, 1)) b.unknownData(out, at, "\n\t  ", b.end() - at);
                return;
            }
        }
        options(out, at, li);
    }

    /** "NET (length: N): " and the NET. */
    private void net(StringBuilder out, int at, int length) {
        b.need(at, length);
        out.append("\n\t  NET (length: ").append(length).append("): ");
        b.nsap(out, at, length);
    }

    private void options(StringBuilder out, int at, int li) {
        while (li != 0) {
            if (li < 2) {
                out.append(", bad opts/li");
                return;
            }
            int op = b.u8(at), opli = b.u8(at + 1);
            at += 2;
            li -= 2;
            if (opli > li) {
                out.append(", opt (").append(op).append(") too long");
                return;
            }
            li -= opli;
            out.append("\n\t  ").append(switch (op) {
                case PROTOCOLS -> "Protocols supported";
                case 195 -> "QoS Maintenance";
                case 197 -> "Security";
                case ES_CONFIGURATION_TIME -> "ES Configuration Time";
                case 205 -> "Priority";
                case 225 -> "Addressk Mask";
                case 226 -> "SNPA Mask";
                default -> "Unknown";
            }).append(" Option #").append(op).append(", length ").append(opli).append(", value: ");
            switch (op) {
                case ES_CONFIGURATION_TIME -> {
                    if (opli == 2) {
                        if (!b.has(at, 2)) {
                            trunc(out);
                            return;
                        }
                        out.append(b.u16(at)).append('s');
                    } else {
                        out.append("(bad length)");
                    }
                }
                case PROTOCOLS -> {
                    OsiFields.nlpids(out, b, at, opli);
                    opli = 0;   // tcpdump counts its copy down to 0: neither the -vv dump nor the step follows
                }
                default -> b.unknownData(out, at, "\n\t  ", opli);
            }
            if (verbosity.veryVerbose()) b.unknownData(out, at, "\n\t  ", opli);
            at += opli;
        }
    }

    /**
     * tcpdump's two checks before each ES-IS field, in its order: {@code len} bytes captured at {@code at} (else the
     * truncation marker), then within the length indicator {@code li} (else ", bad WHAT/li"). False when the PDU's
     * printing ends here.
     */
    private boolean field(int at, int len, int li, String what, StringBuilder out) {
        if (!b.has(at, len)) {
            trunc(out);
            return false;
        }
        if (li < len) {
            out.append(", bad ").append(what).append("/li");
            return false;
        }
        return true;
    }

    private static void trunc(StringBuilder out) {
        out.append(" [|esis]");
    }
}
