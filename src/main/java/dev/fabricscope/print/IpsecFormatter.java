package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * AH (RFC 4302), ESP (RFC 4303) and IPComp (RFC 3173) as tcpdump prints them over IPv4 and IPv6 without an ESP
 * secret (print-ah.c, print-esp.c, print-ipcomp.c): "AH(spi=0x..,seq=0x..,icv=0x..): " before the protocol it
 * protects, "ESP(spi=0x..,seq=0x..), length N" and "IPComp(cpi=0x..)" with nothing after them (tcpdump -E
 * decryption is not supported).
 */
final class IpsecFormatter {
    private static final int ESP_HEADER = 8;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes in = new SnapshotBytes();

    /** After {@link #ah}: the protocol it protects. */
    int nextHeader;

    IpsecFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** @return the AH length (what follows starts there), or -1 after a truncation marker */
    int ah(Packet p, int at, int end, StringBuilder out) {
        if (at >= end) {
            out.append(" [|ah]");
            return -1;
        }
        nextHeader = p.u8(at);
        out.append("AH");
        try (var _ = in.reading(p, end)) {
            int payloadLength = in.u8(at + 1);
            int length = (payloadLength + 2) * 4;   // in 32-bit words, less 2
            out.append('(');
            if (verbosity.verbose()) {
                out.append("length=").append(payloadLength).append('(').append(length).append("-bytes),");
            }
            int reserved = in.u16(at + 2);
            if (reserved != 0) {
                out.append("reserved=0x");
                Text.hex(out, reserved);
                out.append("[MustBeZero],");
            }
            long spi = in.u32(at + 4);
            out.append("spi=0x");
            Text.hex(out, spi, 8);
            out.append(',');
            long sequence = in.u32(at + 8);
            out.append("seq=0x");
            Text.hex(out, sequence);
            out.append(",icv=0x");
            for (int i = 12; i < length; i++) Text.hex(out, in.u8(at + i), 2);
            out.append("): ");
            return length;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ah");
            return -1;
        }
    }

    /** @param length bytes from {@code at} per the IP header (unsigned) */
    void esp(Packet p, int at, long length, int end, StringBuilder out) {
        if (at + ESP_HEADER >= end) {   // tcpdump wants more than the SPI and sequence number
            out.append(" [|esp]");
            return;
        }
        out.append("ESP(spi=0x");
        Text.hex(out, p.u32(at), 8);
        out.append(",seq=0x");
        Text.hex(out, p.u32(at + 4));
        out.append("), length ").append(length);
    }

    void ipcomp(Packet p, int at, int end, StringBuilder out) {
        if (at + 4 > end) {
            earlyEnd.mark(out, "ipcomp");
            return;
        }
        out.append("IPComp(cpi=0x");
        Text.hex(out, p.u16(at + 2), 4);
        out.append(')');
    }
}
