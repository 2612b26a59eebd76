package dev.fabricscope.print;

import static dev.fabricscope.dissect.BsdHeaders.AF_INET;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_BSD;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_DARWIN;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_FREEBSD;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.BsdHeaders;

/**
 * LINKTYPE_ENC (OpenBSD's IPsec enc interface, {@code tcpdump -i enc0}) as tcpdump's enc_if_print: a 12-byte header
 * (address family, SPI, flags), printed with or without -e as "(authentic,confidential): SPI 0x...: ", then IPv4 or
 * IPv6 by the family (BSD values; nothing for others). The family and flags are in the capturing host's byte order:
 * read little-endian as tcpdump on this host reads them, both swapped when the family has upper bits set.
 */
final class EncFormatter {
    static final int HEADER = BsdHeaders.ENC_LENGTH;
    private static final int M_CONF = 0x0400, M_AUTH = 0x0800;

    private final EarlyEnd earlyEnd;
    private final IpFormatter ip;

    EncFormatter(EarlyEnd earlyEnd, IpFormatter ip) {
        this.earlyEnd = earlyEnd;
        this.ip = ip;
    }

    /** Prints the packet ({@code length}: on the wire); -x leaves out the header (a cut one: nothing, as a jump). */
    void format(Packet p, int length, StringBuilder out) {
        if (!p.has(0, HEADER)) {
            earlyEnd.mark(out, "enc");
            return;
        }
        int family = BsdHeaders.encField(p, 0);
        int flags = BsdHeaders.encField(p, BsdHeaders.ENC_FLAGS);
        out.append(flags == 0 ? "(unprotected): " : "(");
        flags = type(flags, M_AUTH, "authentic", out);
        type(flags, M_CONF, "confidential", out);
        out.append("SPI 0x");
        Text.hex(out, p.u32(4), 8);
        out.append(": ");
        switch (family) {
            case AF_INET -> ip.ipv4(p, HEADER, length - HEADER, out);
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> ip.ipv6(p, HEADER, length - HEADER, out);
            default -> { }
        }
    }

    /** ENC_PRINT_TYPE: the name when the flag is set, "): " after it when it was the only one left, else ",". */
    private static int type(int flags, int flag, String name, StringBuilder out) {
        if ((flags & flag) == 0) return flags;
        out.append(name).append(flags == flag ? "): " : ",");
        return flags & ~flag;
    }
}
