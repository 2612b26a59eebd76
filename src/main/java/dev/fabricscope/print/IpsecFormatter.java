package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import javax.crypto.Cipher;

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
    /**
     * The decrypted packet: the outer packet's bytes up to the ciphertext, then the plaintext there (so the outer
     * IP header's offsets hold). Two, for ESP found inside a decrypted payload. Grown as needed.
     */
    private byte[] plainA = new byte[0], plainB = new byte[0];
    private final Packet plainPacketA = new Packet(), plainPacketB = new Packet();

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
        Cipher cipher = sa.cipher(secrets.warnings());
        if (cipher == null) return;
        int block = sa.algorithm.blockSize();
        if (payloadLength % block != 0) {
            secrets.warnings().accept("esp_print: ciphertext size " + payloadLength
                + " is not a multiple of the cipher block size " + block);
            return;
        }
        boolean useA = p.bytes() != plainA;   // ESP inside a decrypted payload (maybe a view of it) reads from A
        byte[] plain = useA ? plainA : plainB;
        if (plain.length < ct + payloadLength) {
            plain = new byte[Math.max(ct + payloadLength, 2048)];
            if (useA) plainA = plain;
            else plainB = plain;
        }
        p.copyTo(0, plain, 0, ct);
        byte[] source = p.bytes();
        int base = p.offset();
        try {
            cipher.doFinal(source, base + ct, payloadLength, plain, ct);
        } catch (javax.crypto.ShortBufferException | javax.crypto.IllegalBlockSizeException
                 | javax.crypto.BadPaddingException e) {
            secrets.warnings().accept("esp_print: EVP_DecryptUpdate failed (" + e.getMessage() + ")");
            return;
        }
        if (sa.algorithm.cbc) {   // CBC: each block XOR the ciphertext block before it, the first XOR the IV
            for (int i = 0; i < payloadLength; i++) {
                int previous = i < block ? base + iv + i : base + ct + i - block;
                plain[ct + i] ^= source[previous];
            }
        }
        // under 2 bytes tcpdump's fetch of the pad length reads before the plaintext and passes; it fails the check
        if (payloadLength < 2 || (plain[ct + payloadLength - 2] & 0xff) + 2 > payloadLength) {
            out.append(" [|esp]");   // corrupt, or not the right key
            return;
        }
        int padLength = plain[ct + payloadLength - 2] & 0xff;
        int nextHeader = plain[ct + payloadLength - 1] & 0xff;
        out.append(": ");
        int innerLength = payloadLength - (padLength + 2);
        Packet plainPacket = useA ? plainPacketA : plainPacketB;
        plainPacket.set(plain, 0, ct + innerLength, ct + innerLength, p.timestampNanos(), p.interfaceId(),
            p.linkType(), p.frameNumber());
        demux.print(plainPacket, nextHeader, ct, innerLength, out);
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
