package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * ICMP (IPv4) as tcpdump 4.99 prints it (print-icmp.c): "ICMP " then each type's and code's text
 * ({@link IcmpMessageText}) and ", length N"; with -v the checksum verdict, then for error messages (unreachable,
 * source quench, redirect, time exceeded, parameter problem) the quoted datagram on a new line through the IP
 * printer, then RFC 4884 extensions ({@link IcmpExtensions}).
 *
 * <p>The quoted datagram is printed as a packet of its own ({@link Encapsulated}) by the same IP printer, so it
 * shares the TCP conversations tcpdump's relative sequence numbers look up, and the IP printer's own known
 * differences (protocols it does not decode) show there too. That path has a nesting bound where tcpdump has none:
 * an error quoting an error quoting ... deeper than the bound prints " [|icmp]" in place of the deeper datagram.
 */
final class IcmpFormatter {
    /** The fixed part of every message: type, code, checksum and the 4-byte rest of header. */
    private static final int HEADER = 8;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Encapsulated quoted;
    private final SnapshotBytes bytes = new SnapshotBytes();

    IcmpFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated quoted) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.quoted = quoted;
    }

    /** @param length ICMP length per the IP header */
    void icmp(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        // the quoted datagram's printing refills ip (and re-enters this printer): keep what is needed after it
        int end = ip.end;
        boolean fragmented = ip.fragmented;
        int start = out.length();
        boolean headline = false;
        try (var _ = bytes.reading(p, end)) {
            int type = bytes.u8(off);
            int code = bytes.u8(off + 1);
            out.append("ICMP ");
            if (!IcmpMessageText.describe(bytes, off, type, code, out)) {
                out.setLength(start);   // tcpdump prints its text only once complete
                out.append(" [|icmp]");
                return;
            }
            out.append(", length ").append(length);
            headline = true;
            if (!verbosity.verbose()) return;
            if (!fragmented && off + length <= end) {
                long sum = InternetChecksum.add(0, p, off, length);
                if (!InternetChecksum.verifies(sum)) {
                    int stored = bytes.u16(off + 2);
                    out.append(" (wrong icmp cksum ");
                    ChecksumText.correction(out, stored, sum);
                    out.append(')');
                }
            }
            if (isError(type)) {
                out.append("\n\t");
                int datagram = off + HEADER;
                int datagramLength = bytes.u16(datagram + 2);
                int captured = Math.min(end, datagram + datagramLength) - datagram;
                bytes.set(p, datagram + captured);
                bytes.u16(datagram + 2);   // tcpdump fetches it again for the IP printer, within the new bounds
                if (!quoted.print(p, datagram, datagramLength, captured, LinkType.IPV4, out)) {
                    out.append(" [|icmp]");   // nested deeper than the printer's bound
                    return;
                }
                if (earlyEnd.happened()) return;   // the quoted packet's printer gave up: so does tcpdump, wholly
                bytes.set(p, end);
            }
            if (IcmpExtensions.apply(type, length)) IcmpExtensions.print(bytes, off, length, out);
        } catch (SnapshotBytes.Jump jump) {
            if (!headline) out.setLength(start);
            earlyEnd.mark(out, "icmp");
        }
    }

    private static boolean isError(int type) {
        return type == IcmpMessageText.UNREACHABLE || type == IcmpMessageText.SOURCE_QUENCH
                || type == IcmpMessageText.REDIRECT || type == IcmpMessageText.TIME_EXCEEDED
                || type == IcmpMessageText.PARAMETER_PROBLEM;
    }
}
