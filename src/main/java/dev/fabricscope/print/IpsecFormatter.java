package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * AH (RFC 4302), ESP (RFC 4303) and IPComp (RFC 3173) as tcpdump prints them over IPv4 and IPv6 (print-ah.c,
 * print-esp.c, print-ipcomp.c): "AH(spi=0x..,seq=0x..,icv=0x..): " before the protocol it protects,
 * "ESP(spi=0x..,seq=0x..), length N" and "IPComp(cpi=0x..)" with nothing after them. With -E's secrets
 * ({@link EspSecrets}) ESP as print-esp.c decrypts it: the SA by SPI and IP destination (else the default one), the
 * IV, the ciphertext less the ICV, then ": " and the plaintext less its padding, pad length and next header, printed
 * as that next header says (tcpdump's ip_demux_print, {@link Demux}) with the outer IP header's addresses.
 */
final class IpsecFormatter {
    private static final int ESP_HEADER = 8;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes in = new SnapshotBytes();
    /** -E's SAs, or null (no decryption). */
    private final EspSecrets secrets;
    private final Demux demux;

    /** After {@link #ah}: the protocol it protects. */
    int nextHeader;

    /** tcpdump's ip_demux_print on a decrypted payload: {@code length} bytes of protocol {@code nextHeader} at {@code off}. */
    interface Demux {
        void print(Packet plain, int nextHeader, int off, int length, StringBuilder out);
    }

    IpsecFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this(verbosity, earlyEnd, null, null);
    }

    /** @param secrets -E's SAs (null: none); demux prints what they decrypt */
    IpsecFormatter(Verbosity verbosity, EarlyEnd earlyEnd, EspSecrets secrets, Demux demux) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.secrets = secrets;
        this.demux = demux;
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

    /** @param length bytes from {@code at} per the IP header (unsigned); {@code ip} the IP packet around it */
    void esp(Packet p, IpContext ip, int at, long length, int end, StringBuilder out) {
        if (at + ESP_HEADER >= end) {   // tcpdump wants more than the SPI and sequence number
            out.append(" [|esp]");
            return;
        }
        long spi = p.u32(at);
        out.append("ESP(spi=0x");
        Text.hex(out, spi, 8);
        out.append(",seq=0x");
        Text.hex(out, p.u32(at + 4));
        out.append("), length ").append(length);
        if (secrets != null && demux != null && secrets.any()) decrypt(p, ip, at, spi, end, out);
    }

    /** print-esp.c's esp_print after the ESP line, with the SA list parsed and not empty. */
    private void decrypt(Packet p, IpContext ip, int at, long spi, int end, StringBuilder out) {
        if (ip.v6) {
            if (p.u16(ip.srcOffset - 4) == 0) return;   // tcpdump does not decrypt jumbograms
        } else if (ip.fragmented) {
            return;   // the padding and next header are in the last fragment
        }
        EspSecrets.Sa sa = secrets.find(spi, ip.v6, p, ip.dstOffset);
        if (sa == null) return;
        int iv = at + ESP_HEADER;
        int ivLength = sa.algorithm.ivLength;
        int ct = iv + ivLength;
        if (end - ct < sa.authLength) {
            out.append(" [|esp]");
            return;
        }
        int payloadLength = end - sa.authLength - ct;
        Packet plain = secrets.plaintext().decrypt("esp_print", sa, secrets.warnings(), p, iv, ct, payloadLength);
        if (plain == null) return;
        // under 2 bytes tcpdump's fetch of the pad length reads before the plaintext and passes; it fails the check
        if (payloadLength < 2 || plain.u8(ct + payloadLength - 2) + 2 > payloadLength) {
            out.append(" [|esp]");   // corrupt, or not the right key
            return;
        }
        int padLength = plain.u8(ct + payloadLength - 2);
        int nextHeader = plain.u8(ct + payloadLength - 1);
        out.append(": ");
        int innerLength = payloadLength - (padLength + 2);
        plain.set(plain.bytes(), plain.offset(), ct + innerLength, ct + innerLength, p.timestampNanos(),
            p.interfaceId(), p.linkType(), p.frameNumber());   // the padding is not part of it
        demux.print(plain, nextHeader, ct, innerLength, out);
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
