package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * BOOTP and DHCP (RFC 951, 2131; UDP 67/68) as tcpdump 4.99 prints them (print-bootp.c):
 * {@code BOOTP/DHCP, Request from 00:11:22:33:44:55, length 300}; -v adds the header fields worth showing (hops,
 * transaction ID, seconds, flags, the four addresses, the client's hardware address, server and file names) and the
 * vendor area: RFC 1048 options ({@link DhcpOptionsFormatter}), CMU's layout, or its first word. A message cut where
 * tcpdump checks a length first ends with " [|bootp]"; where its fetches jump out, {@link EarlyEnd} is marked too.
 */
final class BootpFormatter {
    private static final int REQUEST = 1, REPLY = 2;
    private static final int ETHERNET = 1, MAC_LENGTH = 6;
    private static final int XID = 4, SECS = 8, FLAGS = 10, CIADDR = 12, YIADDR = 16, SIADDR = 20, GIADDR = 24,
        CHADDR = 28, SNAME = 44, FILE = 108, VEND = 236;
    private static final int SNAME_LENGTH = 64, FILE_LENGTH = 128;
    private static final long RFC1048_COOKIE = 0x63825363L, CMU_COOKIE = 0x434d5500L;   // 99.130.83.99, "CMU\0"
    private static final int CMU_SUBNET_MASK_VALID = 1;
    /** CMU's addresses in tcpdump's order (gateway before mask), where they stand in the vendor area. */
    private static final String[] CMU_LABELS = {"DG", "SM", "NS1", "NS2", "IEN1", "IEN2", "TS1", "TS2"};
    private static final int[] CMU_OFFSETS = {12, 8, 16, 20, 24, 28, 32, 36};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final DhcpOptionsFormatter options;

    BootpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.options = new DhcpOptionsFormatter(verbosity, bytes);
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
        int op = bytes.u8(bp);
        out.append("BOOTP/DHCP, ");
        if (op == REQUEST) out.append("Request");
        else if (op == REPLY) out.append("Reply");
        else {
            Text.hex(out.append("unknown (0x"), op, 2);
            out.append(')');
        }
        int htype = bytes.u8(bp + 1), hlen = bytes.u8(bp + 2);
        boolean ethernet = htype == ETHERNET && hlen == MAC_LENGTH;
        if (ethernet && op == REQUEST) mac(bp + CHADDR, " from ", out);
        out.append(", length ").append(Integer.toUnsignedLong(length));   // unsigned: a jumbogram's passes 2^31
        if (!verbosity.verbose()) return;
        if (bp + FLAGS > bytes.end()) {
            trunc(out);
            return;
        }
        if (htype != ETHERNET) out.append(", htype ").append(htype);
        if (!ethernet) out.append(", hlen ").append(hlen);
        int hops = bytes.u8(bp + 3);
        if (hops != 0) out.append(", hops ").append(hops);
        long xid = bytes.u32(bp + XID);
        if (xid != 0) Text.hex(out.append(", xid 0x"), xid);
        int secs = bytes.u16(bp + SECS);
        if (secs != 0) out.append(", secs ").append(secs);
        int flags = bytes.u16(bp + FLAGS);
        out.append(", Flags [").append((flags & 0x8000) != 0 ? "Broadcast" : "none").append(']');
        if (verbosity.veryVerbose()) {
            Text.hex(out.append(" (0x"), flags, 4);
            out.append(')');
        }
        address(bp + CIADDR, "\n\t  Client-IP ", out);
        address(bp + YIADDR, "\n\t  Your-IP ", out);
        address(bp + SIADDR, "\n\t  Server-IP ", out);
        address(bp + GIADDR, "\n\t  Gateway-IP ", out);
        if (ethernet) mac(bp + CHADDR, "\n\t  Client-Ethernet-Address ", out);
        if (!name(bp + SNAME, SNAME_LENGTH, "\n\t  sname \"", out)) return;
        if (!name(bp + FILE, FILE_LENGTH, "\n\t  file \"", out)) return;
        int vend = bp + VEND;
        if (vend + 4 > bytes.end()) {
            trunc(out);
            return;
        }
        long cookie = bytes.u32(vend);
        if (cookie == RFC1048_COOKIE) options.format(vend, out);
        else if (cookie == CMU_COOKIE) cmu(vend, out);
        else if (cookie != 0) Text.hex(out.append("\n\t  Vendor-#0x"), cookie);
    }

    /** {@code before} and the server or file name, NUL-terminated within its field; false when cut (marker written). */
    private boolean name(int at, int size, String before, StringBuilder out) {
        if (bytes.u8(at) == 0) return true;
        out.append(before);
        for (int i = 0; i < size && at + i < bytes.end(); i++) {
            int c = bytes.u8(at + i);
            if (c == 0) {
                out.append('"');
                return true;
            }
            Text.printableChar(out, c);
        }
        out.append('"');   // no NUL in the field or in the capture: tcpdump calls that truncated
        trunc(out);
        return false;
    }

    /** CMU's vendor area: unknown flag bits, then each non-zero address with its label. */
    private void cmu(int vend, StringBuilder out) {
        out.append(" vend-cmu");
        if (vend + 8 > bytes.end()) {
            trunc(out);
            return;
        }
        int flags = bytes.u8(vend + 4);   // the first byte of the 32-bit flags word, as tcpdump reads it
        if ((flags & ~CMU_SUBNET_MASK_VALID) != 0) Text.hex(out.append(" F:0x"), flags);
        for (int i = 0; i < CMU_LABELS.length; i++) {
            int at = vend + CMU_OFFSETS[i];
            if (at + 4 > bytes.end()) {
                trunc(out);
                return;
            }
            if (bytes.u32(at) != 0) {
                String label = i == 1 && (flags & CMU_SUBNET_MASK_VALID) == 0 ? "SM*" : CMU_LABELS[i];
                out.append(' ').append(label).append(':');
                bytes.ip4(out, at);
            }
        }
    }

    /** {@code before} and the IPv4 address at {@code at} unless it is 0.0.0.0 (all four bytes fetched first). */
    private void address(int at, String before, StringBuilder out) {
        if (bytes.u32(at) == 0) return;
        out.append(before);
        bytes.ip4(out, at);
    }

    /** {@code before} and the MAC address at {@code at}; jumps before writing anything when it was not captured. */
    private void mac(int at, String before, StringBuilder out) {
        bytes.u8(at);
        bytes.u8(at + MAC_LENGTH - 1);
        out.append(before);
        Text.linkAddress(out, bytes.packet(), at, MAC_LENGTH);
    }

    static void trunc(StringBuilder out) {
        out.append(" [|bootp]");
    }
}
