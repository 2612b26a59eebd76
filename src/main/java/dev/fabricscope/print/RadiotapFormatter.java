package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The radiotap header (LINKTYPE_IEEE802_11_RADIO) as tcpdump's ieee802_11_radio_print: version, pad, a
 * little-endian length and presence bitmaps (bit 31 chains another), then each present field at its natural
 * alignment from the header's start. Fields print in bit order, each followed by a space; a field this printer
 * does not know ends the walk ("[bit N] "), as one that would run past the header does (" [|802.11_radio]"). A
 * vendor namespace's fields are skipped by the length its item gives; extended words in the radiotap namespace
 * reach bits 32 and up, which no field has. The Flags field says whether the frame ends in an FCS and whether the
 * 802.11 header is padded to 4 bytes, for the frame printer.
 */
final class RadiotapFormatter {
    static final int FIXED = 8;   // version, pad, length, the first presence word
    private static final String TRUNCATED = " [|802.11_radio]";

    private static final int TSFT = 0, FLAGS = 1, RATE = 2, CHANNEL = 3, FHSS = 4, DBM_ANTSIGNAL = 5,
        DBM_ANTNOISE = 6, LOCK_QUALITY = 7, TX_ATTENUATION = 8, DB_TX_ATTENUATION = 9, DBM_TX_POWER = 10,
        ANTENNA = 11, DB_ANTSIGNAL = 12, DB_ANTNOISE = 13, RX_FLAGS = 14, XCHANNEL = 18, MCS = 19,
        AMPDU_STATUS = 20, VHT = 21, NAMESPACE = 29, VENDOR_NAMESPACE = 30, EXT = 31;

    static final int F_DATAPAD = 0x20, F_FCS = 0x10;

    private static final String[] HT_BANDWIDTH = {"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)"};
    private static final String[] VHT_BANDWIDTH = {
        "20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)", "80 MHz", "80 MHz (L)", "80 MHz (U)", "80 MHz (LL)",
        "80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)", "160 MHz", "160 MHz (L)", "160 MHz (U)", "160 MHz (LL)",
        "160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)", "160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)",
        "160 MHz (UUU)", "160 MHz (ULL)", "160 MHz (ULU)", "160 MHz (UUL)", "160 MHz (UUU)", "unknown (26)",
        "unknown (27)", "unknown (28)", "unknown (29)", "unknown (30)", "unknown (31)"};

    // the walk's state (tcpdump's cpack_state): the header's bytes start at base, len of them, next is relative
    private Packet p;
    private int base, len, next;
    /** The last header's Flags field (0 without one). */
    private int flags;
    /** A cpack read that did not fit: the walk ends. */
    private boolean failed;

    int flags() {
        return flags;
    }

    /**
     * Prints the header at {@code off}; returns its length, or -1 where tcpdump gives up on the whole packet
     * (fewer captured bytes than the fixed part or the length says, a length below 8, bitmaps beyond it).
     */
    int format(Packet p, int off, StringBuilder out) {
        flags = 0;
        int caplen = p.capLen() - off;
        if (caplen < FIXED) return truncated(out);
        int length = p.le16(off + 2);
        if (length < FIXED || caplen < length) return truncated(out);
        this.p = p;
        this.base = off;
        this.len = length;
        this.next = FIXED;
        int last = off + 4;
        while (last + 4 <= off + length && (p.le32(last) & 1L << EXT) != 0) {
            last += 4;
            advance(4);
        }
        if (last + 4 > off + length) return truncated(out);
        int bit0 = 0;
        boolean vendor = false;
        int skip = 0;
        for (int word = off + 4; word <= last; word += 4) {
            int present = (int) p.le32(word);
            if (vendor) {
                if (!advance(skip)) break;
                skip = 0;
            } else if (!namespace(present, bit0, out)) {
                break;
            }
            switch (present & (1 << NAMESPACE | 1 << VENDOR_NAMESPACE)) {
                case 0 -> bit0 += 32;
                case 1 << NAMESPACE -> {
                    bit0 = 0;
                    vendor = false;
                    skip = 0;
                }
                case 1 << VENDOR_NAMESPACE -> {
                    bit0 = 0;
                    vendor = true;
                    // OUI and sub-namespace bytes, then the skip length (tcpdump aligns only the last of them)
                    failed = (next + 1) / 2 * 2 + 2 > len;
                    for (int i = 0; i < 4 && !failed; i++) u8();
                    int s = failed ? 0 : u16();
                    if (failed) out.append(TRUNCATED);
                    else skip = s;
                }
                default -> { }   // both bits: undefined, ignored
            }
        }
        return length;
    }

    private static int truncated(StringBuilder out) {
        out.append(TRUNCATED);
        return -1;
    }

    /** One presence word's fields in the radiotap namespace; false where the walk ends. */
    private boolean namespace(int present, int bit0, StringBuilder out) {
        for (int rest = present; rest != 0; rest &= rest - 1) {
            int bitno = Integer.numberOfTrailingZeros(rest);
            if (bitno >= NAMESPACE) break;
            if (!field(bit0 + bitno, present, out)) return false;
        }
        return true;
    }

    private boolean field(int bit, int present, StringBuilder out) {
        failed = false;
        int start = out.length();
        switch (bit) {
            case TSFT -> {
                long tsft = u64();
                Text.u64(out, tsft);
                out.append("us tsft ");
            }
            case FLAGS -> {
                int f = u8();
                if (!failed) {
                    flags = f;
                    if ((f & 0x01) != 0) out.append("cfp ");
                    if ((f & 0x02) != 0) out.append("short preamble ");
                    if ((f & 0x04) != 0) out.append("wep ");
                    if ((f & 0x08) != 0) out.append("fragmented ");
                    if ((f & 0x40) != 0) out.append("bad-fcs ");
                }
            }
            case RATE -> {
                int rate = u8();
                if (rate >= 0x80 && rate <= 0x8f) out.append("MCS ").append(rate & 0x7f).append(' ');
                else halves(out, rate).append(" Mb/s ");
            }
            case CHANNEL -> {
                int frequency = u16();
                int channelFlags = u16();
                if (!failed && (present & 1 << XCHANNEL) == 0) channel(frequency, channelFlags, present, out);
            }
            case FHSS -> {
                int set = u8();
                int pattern = u8();
                out.append("fhset ").append(set).append(" fhpat ").append(pattern).append(' ');
            }
            case DBM_ANTSIGNAL -> out.append((byte) u8()).append("dBm signal ");
            case DBM_ANTNOISE -> out.append((byte) u8()).append("dBm noise ");
            case LOCK_QUALITY -> out.append(u16()).append(" sq ");
            case TX_ATTENUATION -> out.append(-(short) u16()).append(" tx power ");
            case DB_TX_ATTENUATION -> out.append(-(byte) u8()).append("dB tx attenuation ");
            case DBM_TX_POWER -> out.append((byte) u8()).append("dBm tx power ");
            case ANTENNA -> out.append("antenna ").append(u8()).append(' ');
            case DB_ANTSIGNAL -> out.append(u8()).append("dB signal ");
            case DB_ANTNOISE -> out.append(u8()).append("dB noise ");
            case RX_FLAGS -> u16();
            case XCHANNEL -> {
                long channelFlags = u32();
                int frequency = u16();
                u8();
                u8();
                if (!failed) channel(frequency, (int) channelFlags, present, out);
            }
            case MCS -> mcs(out);
            case AMPDU_STATUS -> {
                u32();
                u16();
                u8();
                u8();
            }
            case VHT -> vht(out);
            default -> {
                out.append("[bit ").append(bit).append("] ");
                return false;
            }
        }
        if (failed) {
            out.setLength(start);   // tcpdump prints a field once it has all of it
            out.append(TRUNCATED);
            return false;
        }
        return true;
    }

    /** tcpdump's print_chaninfo: the frequency, then the PHY the flags (or an MCS field) say, then HT width. */
    private static void channel(int frequency, int f, int present, StringBuilder out) {
        out.append(frequency).append(" MHz");
        if ((present & 1 << MCS) != 0) {
            out.append(" 11n");
        } else {
            if ((f & 0x880) == 0x880) out.append(" FHSS");
            if ((f & 0x140) == 0x140) {
                out.append((f & 0x4000) != 0 ? " 11a/10Mhz" : (f & 0x8000) != 0 ? " 11a/5Mhz" : " 11a");
            }
            if ((f & 0xc0) == 0xc0 || (f & 0x480) == 0x480) {
                out.append((f & 0x4000) != 0 ? " 11g/10Mhz" : (f & 0x8000) != 0 ? " 11g/5Mhz" : " 11g");
            } else if ((f & 0xa0) == 0xa0) {
                out.append(" 11b");
            }
            if ((f & 0x10) != 0) out.append(" Turbo");
        }
        if ((f & 0x10000) != 0) out.append(" ht/20");
        else if ((f & 0x40000) != 0) out.append(" ht/40-");
        else if ((f & 0x20000) != 0) out.append(" ht/40+");
        out.append(' ');
    }

    private void mcs(StringBuilder out) {
        int known = u8();
        int f = u8();
        int index = u8();
        if (failed) return;
        if ((known & 0x02) != 0) {
            int tenths = index <= Ieee80211Names.MAX_MCS_INDEX && (known & 0x05) != 0
                ? Ieee80211Names.htRateTenths(index, (f & 0x03) == 1, (f & 0x04) != 0) : 0;
            if (tenths != 0) out.append(tenths / 10).append('.').append(tenths % 10).append(" Mb/s ");
            out.append("MCS ").append(index).append(' ');
        }
        if ((known & 0x01) != 0) out.append(HT_BANDWIDTH[f & 0x03]).append(' ');
        if ((known & 0x04) != 0) out.append((f & 0x04) != 0 ? "short" : "long").append(" GI ");
        if ((known & 0x08) != 0) out.append((f & 0x08) != 0 ? "greenfield " : "mixed ");
        if ((known & 0x10) != 0) out.append((f & 0x10) != 0 ? "LDPC" : "BCC").append(" FEC ");
        if ((known & 0x20) != 0) out.append("RX-STBC").append((f & 0x60) >> 5).append(' ');
    }

    private void vht(StringBuilder out) {
        int known = u16();
        int f = u8();
        int bandwidth = u8();
        int users = next;   // the four MCS/NSS bytes, byte-aligned
        for (int i = 0; i < 4; i++) u8();
        int coding = u8();
        u8();
        u16();
        if (failed) return;
        for (int i = 0; i < 4; i++) {
            int mcsNss = p.u8(base + users + i);
            if ((mcsNss & 0x0f) == 0) continue;
            out.append("User ").append(i).append(" MCS ").append(mcsNss >> 4).append(' ')
                .append((coding & 1 << i) != 0 ? "LDPC" : "BCC").append(" FEC ");
        }
        if ((known & 0x40) != 0) out.append(VHT_BANDWIDTH[bandwidth & 0x1f]).append(' ');
        if ((known & 0x04) != 0) out.append((f & 0x04) != 0 ? "short" : "long").append(" GI ");
    }

    /** "%2.1f" of half the value (rates in 500 kb/s units). */
    static StringBuilder halves(StringBuilder out, int units) {
        return out.append(units >> 1).append((units & 1) != 0 ? ".5" : ".0");
    }

    // tcpdump's cpack reads: each aligned to its size from the header's start, within the header's length; after
    // one fails the rest of the field's reads fail too (as tcpdump's field printer has already jumped out)

    private boolean advance(int n) {
        if (next + n > len) return false;
        next += n;
        return true;
    }

    private int reserve(int size) {
        if (failed) return -1;
        int at = (next + size - 1) / size * size;
        if (at + size > len) {
            failed = true;
            return -1;
        }
        next = at + size;
        return base + at;
    }

    private int u8() {
        if (failed || next >= len) {
            failed = true;
            return 0;
        }
        return p.u8(base + next++);
    }

    private int u16() {
        int at = reserve(2);
        return at < 0 ? 0 : p.le16(at);
    }

    private long u32() {
        int at = reserve(4);
        return at < 0 ? 0 : p.le32(at);
    }

    private long u64() {
        int at = reserve(8);
        return at < 0 ? 0 : p.le32(at) | p.le32(at + 4) << 32;
    }

}
