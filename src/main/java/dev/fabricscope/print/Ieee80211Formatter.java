package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * An IEEE 802.11 frame as tcpdump's ieee802_11_print (LINKTYPE_IEEE802_11, and after a radiotap header): the
 * frame control field picks the header length (a frame type or control subtype without one prints its number and
 * nothing more); with -e the header's addresses (and with -v the flags and duration) come first; then management
 * frames ({@link Ieee80211Management}), control frames by name with their addresses, and data frames' LLC payload
 * (protected ones: the WEP IV). A trailing FCS, when the radiotap flags say there is one, is not part of the
 * frame's bytes; radiotap's data-pad flag rounds the header up to 4 bytes. With -H a QoS data frame's header is
 * followed by a mesh control header (6 bytes and 0-3 addresses by its address-extension bits, none when other flag
 * bits are set), printed with -e.
 */
final class Ieee80211Formatter {
    private static final String TRUNCATED = " [|802.11]";
    private static final int T_MGMT = 0, T_CTRL = 1, T_DATA = 2;
    private static final int CTRL_WRAPPER = 7, CTRL_BAR = 8, CTRL_BA = 9, CTRL_PS_POLL = 10, CTRL_RTS = 11,
        CTRL_CTS = 12, CTRL_ACK = 13, CTRL_CF_END = 14, CTRL_END_ACK = 15;
    /** Control frames' header lengths by subtype (0: tcpdump knows none). */
    private static final byte[] CTRL_HEADER = {0, 0, 0, 0, 0, 0, 0, 16, 20, 10, 16, 16, 10, 10, 16, 16};
    private static final String[] CTRL_NAMES = {null, null, null, null, null, null, null, "Control Wrapper", "BAR",
        "BA", "Power Save-Poll", "Request-To-Send", "Clear-To-Send", "Acknowledgment", "CF-End", "CF-End+CF-Ack"};

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final boolean meshHeaders;
    private final LlcFormatter llc;
    private final Ieee80211Management management;
    /** The frame without its FCS (tcpdump shortens its snapshot end by it). */
    private final Packet frame = new Packet();

    Ieee80211Formatter(Verbosity verbosity, boolean linkHeaders, boolean meshHeaders, LlcFormatter llc) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.meshHeaders = meshHeaders;
        this.llc = llc;
        this.management = new Ieee80211Management(linkHeaders);
    }

    /**
     * Prints the frame at {@code off} of {@code p} ({@code length}: on the wire, FCS included if {@code fcsLength}
     * is 4); returns the bytes tcpdump counts as link-level header from {@code off} (for -x).
     */
    int format(Packet p, int off, int length, boolean pad, int fcsLength, StringBuilder out) {
        int capLen = Math.max(0, p.capLen() - off);
        int origCapLen = capLen;
        if (length < fcsLength) {
            out.append(TRUNCATED);
            return capLen;
        }
        length -= fcsLength;
        if (capLen > length) capLen = length;
        if (capLen < 2) {
            out.append(TRUNCATED);
            return origCapLen;
        }
        int fc = p.le16(off);
        int header = headerLength(fc, out);
        if (header == 0) return 0;
        if (pad) header = (header + 3) & ~3;
        int mesh = 0;
        if (meshHeaders && (fc >> 2 & 3) == T_DATA && (fc & 0x80) != 0) {   // QoS data
            if (capLen <= header) {
                out.append(TRUNCATED);
                return header;
            }
            int meshFlags = p.u8(off + header);
            mesh = (meshFlags & ~3) != 0 ? 0 : 6 * (1 + (meshFlags & 3));
            header += mesh;
        }
        if (capLen < header) {
            out.append(TRUNCATED);
            return header;
        }
        Packet f = frame.set(p.bytes(), p.offset() + off, capLen, length, p.timestampNanos(), p.interfaceId(),
            p.linkType(), p.frameNumber());
        if (linkHeaders) header(f, fc, header, mesh, out);
        int type = fc >> 2 & 3, subtype = fc >> 4 & 0xf;
        switch (type) {
            case T_MGMT -> {
                if (!management.format(f, fc, header, length - header, out)) out.append(TRUNCATED);
            }
            case T_CTRL -> control(f, subtype, out);
            default -> {
                if ((subtype & 4) != 0) return header;   // no data
                if ((fc & 0x4000) != 0) {
                    out.append("Data");
                    if (!wep(f, header, out)) out.append(TRUNCATED);
                } else {
                    int llcHeader = llc.format(f, dataSource(fc), dataDestination(fc), header, length - header, out);
                    header += Math.abs(llcHeader);
                }
            }
        }
        return header;
    }

    /** tcpdump's extract_header_length; 0 (after its words) for a control subtype or frame type it does not know. */
    private static int headerLength(int fc, StringBuilder out) {
        int subtype = fc >> 4 & 0xf;
        switch (fc >> 2 & 3) {
            case T_MGMT -> {
                return 24;
            }
            case T_CTRL -> {
                if (CTRL_HEADER[subtype] == 0) out.append("unknown 802.11 ctrl frame subtype (").append(subtype).append(')');
                return CTRL_HEADER[subtype];
            }
            case T_DATA -> {
                return ((fc & 0x300) == 0x300 ? 30 : 24) + ((subtype & 8) != 0 ? 2 : 0);
            }
            default -> {
                out.append("unknown 802.11 frame type (3)");
                return 0;
            }
        }
    }

    /** -e: ieee_802_11_hdr_print (-v: the flags and duration first). */
    private void header(Packet f, int fc, int header, int mesh, StringBuilder out) {
        int type = fc >> 2 & 3, subtype = fc >> 4 & 0xf;
        if (verbosity.verbose()) {
            if ((fc & 0x2000) != 0) out.append("More Data ");
            if ((fc & 0x0400) != 0) out.append("More Fragments ");
            if ((fc & 0x1000) != 0) out.append("Pwr Mgmt ");
            if ((fc & 0x0800) != 0) out.append("Retry ");
            if ((fc & 0x8000) != 0) out.append("Strictly Ordered ");
            if ((fc & 0x4000) != 0) out.append("Protected ");
            if (type != T_CTRL || subtype != CTRL_PS_POLL) out.append(f.le16(2)).append("us ");
        }
        if (mesh != 0) {
            int at = header - mesh, extension = f.u8(at) & 3;
            out.append("MeshData (AE ").append(extension).append(" TTL ").append(f.u8(at + 1)).append(" seq ")
                .append(f.le32(at + 2));
            for (int i = 0; i < extension; i++) address(out.append(" A").append(4 + i).append(':'), f, at + 6 + 6 * i);
            out.append(") ");
        }
        switch (type) {
            case T_MGMT -> {
                address(out.append("BSSID:"), f, 16);
                address(out.append(" DA:"), f, 4);
                address(out.append(" SA:"), f, 10);
                out.append(' ');
            }
            case T_CTRL -> controlHeader(f, subtype, out);
            default -> dataHeader(f, fc, out);
        }
    }

    private static void controlHeader(Packet f, int subtype, StringBuilder out) {
        switch (subtype) {
            case CTRL_BAR -> bar(f, out);
            case CTRL_BA, CTRL_CTS, CTRL_ACK -> address(out.append("RA:"), f, 4).append(' ');
            case CTRL_PS_POLL -> address(address(out.append("BSSID:"), f, 4).append(" TA:"), f, 10).append(' ');
            case CTRL_RTS -> address(address(out.append("RA:"), f, 4).append(" TA:"), f, 10).append(' ');
            case CTRL_CF_END, CTRL_END_ACK ->
                address(address(out.append("RA:"), f, 4).append(" BSSID:"), f, 10).append(' ');
            default -> { }
        }
    }

    /** " RA:.. TA:.. CTL(x) SEQ(n) ", as both the -e header and the body print a BAR. */
    private static void bar(Packet f, StringBuilder out) {
        address(address(out.append(" RA:"), f, 4).append(" TA:"), f, 10).append(" CTL(");
        Text.hex(out, f.le16(16));
        out.append(") SEQ(").append(f.le16(18)).append(") ");
    }

    private static void dataHeader(Packet f, int fc, StringBuilder out) {
        int subtype = fc >> 4 & 0xf;
        if ((subtype & 0xb) != 0) {
            out.append("CF ");
            if ((subtype & 1) != 0) out.append((subtype & 2) != 0 ? "Ack/Poll" : "Ack");
            else if ((subtype & 2) != 0) out.append("Poll");
            if ((subtype & 8) != 0) out.append("+QoS");
            out.append(' ');
        }
        switch (fc >> 8 & 3) {
            case 0 -> address(address(address(out.append("DA:"), f, 4).append(" SA:"), f, 10).append(" BSSID:"), f, 16);
            case 2 -> address(address(address(out.append("DA:"), f, 4).append(" BSSID:"), f, 10).append(" SA:"), f, 16);
            case 1 -> address(address(address(out.append("BSSID:"), f, 4).append(" SA:"), f, 10).append(" DA:"), f, 16);
            default -> address(address(address(address(out.append("RA:"), f, 4).append(" TA:"), f, 10)
                .append(" DA:"), f, 16).append(" SA:"), f, 24);
        }
        out.append(' ');
    }

    /** ctrl_body_print: the name, and (without -e) the address tcpdump picks. */
    private void control(Packet f, int subtype, StringBuilder out) {
        out.append(CTRL_NAMES[subtype]);
        switch (subtype) {
            case CTRL_BAR -> {
                if (!linkHeaders) bar(f, out);
            }
            case CTRL_PS_POLL -> {
                out.append(" AID(");
                Text.hex(out, f.le16(2));
                out.append(')');
            }
            case CTRL_RTS -> {
                if (!linkHeaders) address(out.append(" TA:"), f, 10).append(' ');
            }
            case CTRL_BA, CTRL_CTS, CTRL_ACK, CTRL_CF_END, CTRL_END_ACK -> {
                if (!linkHeaders) address(out.append(" RA:"), f, 4).append(' ');
            }
            default -> { }   // the control wrapper: nothing more
        }
    }

    /** wep_print: " IV:%3x Pad %x KeyID %x" from the 4 bytes at {@code at}; false if they were not captured. */
    static boolean wep(Packet f, int at, StringBuilder out) {
        if (!f.has(at, 4)) return false;
        long iv = f.le32(at);
        out.append(" IV:");
        int v = (int) (iv & 0xffffff);
        if (v < 0x10) out.append("  ");
        else if (v < 0x100) out.append(' ');
        Text.hex(out, v);
        out.append(" Pad ");
        Text.hex(out, iv >> 24 & 0x3f);
        out.append(" KeyID ");
        Text.hex(out, iv >> 30 & 3);
        return true;
    }

    /** Where a data frame's source address is, by its To DS and From DS bits (get_data_src_dst_mac). */
    private static int dataSource(int fc) {
        return switch (fc >> 8 & 3) {
            case 0, 1 -> 10;
            case 2 -> 16;
            default -> 24;
        };
    }

    private static int dataDestination(int fc) {
        return (fc & 0x100) == 0 ? 4 : 16;
    }

    static StringBuilder address(StringBuilder out, Packet f, int off) {
        Text.linkAddress(out, f, off, 6);
        return out;
    }
}
