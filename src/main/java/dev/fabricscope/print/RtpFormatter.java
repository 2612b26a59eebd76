package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * tcpdump's {@code -T vat}, {@code -T rtp} and {@code -T rtcp} (print-udp.c's vat_print, rtp_print and rtcp_print),
 * after the UDP endpoints:
 * <ul>
 * <li>vat/vt audio: {@code udp/vat 160 c1 23456* f3 s2} (length, conference, timestamp, marker, format, sequence)
 * or {@code udp/vt 172 5 / 12};</li>
 * <li>RTP v1 and v2: {@code udp/rtp 160 c0 +* 4660 305419896} (payload length, payload type, options or extension,
 * marker, sequence number, timestamp); -v adds the SSRC and, for payload type 31 (H.261), the word after the options
 * and extension, or " !opt" / " !ext" when their lengths run past the message;</li>
 * <li>RTCP: each packet of a compound one up to the capture's end (not the UDP length), {@code  sr @12.50 160 3p
 * 480b} / {@code  rr} / {@code  sdes 20} / {@code  bye 8} / {@code  type-0xcc 12}, an unexpected length in brackets,
 * the first report block as many times as the count says (tcpdump's loop never advances;
 * {@code  0l 4660s 12j @1.50+0.25}); -v adds the SSRCs.</li>
 * </ul>
 * vat's and RTP's fetches past the capture end " [|vat]" / " [|rtp]" (tcpdump's jump, {@link EarlyEnd}); RTCP checks
 * first and prints " [|rtcp]" itself. Times are C's {@code %.2f} ({@link Text#twoDecimals}).
 */
final class RtpFormatter {
    private static final int SR = 200, RR = 201, SDES = 202, BYE = 203;
    private static final int HEADER = 8, SENDER_INFO = 20, REPORT_BLOCK = 24;
    private static final int H261 = 0x1f;
    private static final double TWO_TO_32 = 4294967296.0;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    RtpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** vat/vt audio at {@code off}, {@code length} bytes by the UDP header. */
    void vat(Packet p, int off, int length, int end, StringBuilder out) {
        // length is unsigned, as tcpdump's u_int: an IPv6 jumbogram's UDP payload can pass 2^31
        if (Integer.compareUnsigned(length, 2) < 0) {
            out.append("udp/va/vat, length ").append(length).append(" < 2");
            return;
        }
        try (var _ = bytes.reading(p, end)) {
            int ts = bytes.u16(off);
            if ((ts & 0xf060) != 0) {   // probably vt
                out.append("udp/vt ").append(Integer.toUnsignedLong(length)).append(' ').append(ts & 0x3ff).append(" / ")
                    .append(ts >>> 10);
                return;
            }
            if (Integer.compareUnsigned(length, 8) < 0) {
                out.append("udp/vat, length ").append(length).append(" < 8");
                return;
            }
            long i0 = bytes.u32(off), i1 = bytes.u32(off + 4);
            out.append("udp/vat ").append(Integer.toUnsignedLong(length) - 8).append(" c").append(i0 & 0xffff).append(' ').append(i1);
            if ((i0 & 0x800000) != 0) out.append('*');
            if ((i0 & 0x1f0000) != 0) out.append(" f").append(i0 >>> 16 & 0x1f);
            if ((i0 & 0x3f000000) != 0) out.append(" s").append(i0 >>> 24 & 0x3f);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "vat");
        }
    }

    /** RTP v1 or v2 at {@code off}, {@code length} bytes by the UDP header. */
    void rtp(Packet p, int off, int length, int end, StringBuilder out) {
        if (length < 8) {
            out.append("udp/rtp, length ").append(length).append(" < 8");
            return;
        }
        try (var _ = bytes.reading(p, end)) {
            rtp(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "rtp");
        }
    }

    private void rtp(int off, int length, StringBuilder out) {
        long i0 = bytes.u32(off), i1 = bytes.u32(off + 4);
        int dlen = length - 8;
        long at = off + 8;   // tcpdump's word pointer, as a byte offset
        int words = (length >>> 2) - 2;   // words left from it
        boolean hasOption = false, hasExtension = false, marker;
        int contentType;
        String type;
        if (i0 >>> 30 == 1) {   // v1, draft-ietf-avt-rtp-04
            hasOption = (i0 & 0x800000) != 0;
            contentType = (int) (i0 >>> 16 & 0x3f);
            marker = (i0 & 0x400000) != 0;
            type = "rtpv1";
        } else {   // v2, RFC 3550 (and anything else)
            if (dlen < 4) {
                out.append("udp/rtp, length ").append(dlen + 8).append(" < 12");
                return;
            }
            hasExtension = (i0 & 0x10000000) != 0;
            contentType = (int) (i0 >>> 16 & 0x7f);
            marker = (i0 & 0x800000) != 0;
            dlen -= 4;
            type = "rtp";
            at += 4;
            words--;
        }
        out.append("udp/").append(type).append(' ').append(dlen).append(" c").append(contentType).append(' ');
        if (hasOption || hasExtension) out.append('+');
        if (marker) out.append('*');
        out.append(' ').append(i0 & 0xffff).append(' ').append(i1);
        if (!verbosity.verbose()) return;
        long ssrc = bytes.u32(off + 8);
        out.append(' ').append(ssrc);
        if (hasOption) {
            long i2;
            do {
                i2 = bytes.u32(at);
                int optionWords = (int) (i2 >>> 16 & 0xff);
                if (optionWords == 0 || optionWords > words) {
                    out.append(" !opt");
                    return;
                }
                at += 4L * optionWords;
                words -= optionWords;
            } while ((int) i2 >= 0);
        }
        if (hasExtension) {
            long i2 = bytes.u32(at);
            long extensionWords = (i2 & 0xffff) + 1;
            if (extensionWords > words) {
                out.append(" !ext");
                return;
            }
            at += 4 * extensionWords;
        }
        if (contentType == H261) {
            long word = bytes.u32(at);   // fetched before anything of it is printed
            out.append(" 0x");
            Text.hex(out, word >>> 16, 4);
        }
    }

    /** RTCP packets from {@code off} to the capture's end {@code end}, one after another. */
    void rtcp(Packet p, int off, int end, StringBuilder out) {
        long at = off;
        while (at < end) at = rtcpPacket(p, (int) at, end, out);
    }

    /** One RTCP packet; where the next one starts (past {@code end} after a truncation). */
    private long rtcpPacket(Packet p, int rh, int end, StringBuilder out) {
        if (rh + HEADER > end) return trunc(out, end);
        long len = (p.u16(rh + 2) + 1L) * 4;
        int flags = p.u16(rh);
        int count = flags >>> 8 & 0x1f;
        boolean verbose = verbosity.verbose();
        int rr = rh + HEADER;
        switch (flags & 0xff) {
            case SR -> {
                out.append(" sr");
                if (len != (long) count * REPORT_BLOCK + SENDER_INFO + HEADER) out.append(" [").append(len).append(']');
                if (verbose) out.append(' ').append(p.u32(rh + 4));
                int sr = rh + HEADER;
                if (sr + SENDER_INFO > end) return trunc(out, end);
                double ts = (double) p.u32(sr) + (double) p.u32(sr + 4) / TWO_TO_32;
                Text.twoDecimals(out.append(" @"), ts);
                out.append(' ').append(p.u32(sr + 8)).append(' ').append(p.u32(sr + 12)).append("p ")
                    .append(p.u32(sr + 16)).append('b');
                rr = sr + SENDER_INFO;
            }
            case RR -> {
                out.append(" rr");
                if (len != (long) count * REPORT_BLOCK + HEADER) out.append(" [").append(len).append(']');
                if (verbose) out.append(' ').append(p.u32(rh + 4));
            }
            case SDES, BYE -> {
                out.append((flags & 0xff) == SDES ? " sdes " : " bye ").append(len);
                if (verbose) out.append(' ').append(p.u32(rh + 4));
                count = 0;
            }
            default -> {
                out.append(" type-0x");
                Text.hex(out, flags & 0xff);
                out.append(' ').append(len);
                count = 0;
            }
        }
        if (count > 1) out.append(" c").append(count);
        for (; count != 0; count--) {   // tcpdump never moves on from the first block: it prints that one count times
            if (rr + REPORT_BLOCK > end) return trunc(out, end);
            if (verbose) out.append(' ').append(p.u32(rr));
            out.append(' ').append(p.u32(rr + 4) & 0xffffff).append("l ").append(p.u32(rr + 8)).append("s ")
                .append(p.u32(rr + 12)).append("j @");
            Text.twoDecimals(out, p.u32(rr + 16) / 65536.0);
            out.append('+');
            Text.twoDecimals(out, p.u32(rr + 20) / 65536.0);
        }
        return rh + len;
    }

    /** tcpdump's trunc label: the marker, and the loop ends at the capture's end. */
    private static long trunc(StringBuilder out, int end) {
        out.append(" [|rtcp]");
        return end;
    }
}
