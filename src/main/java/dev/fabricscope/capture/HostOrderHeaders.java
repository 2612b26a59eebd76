package dev.fabricscope.capture;

/**
 * The pseudo-headers some link types keep in the capturing host's byte order (NFLOG's TLV lengths and types,
 * pflog's uid/pid fields, the Linux USB header, a SocketCAN ID behind a Linux cooked header), turned into
 * little-endian in place when they come from a big-endian file or section, as libpcap 1.10 does on a
 * little-endian host before filtering (pcap_post_process). Our printers and the dissector read them
 * little-endian, and our writers write little-endian files, so a packet written again stays consistent with
 * its file, as it does through tcpdump -r ... -w. Every swap checks that the field was captured and stops at
 * the first one that was not, as libpcap's do.
 */
final class HostOrderHeaders {
    private static final int SLL_HEADER = 16, SLL2_HEADER = 20, SLL_P_CAN = 0x000c, SLL_P_CANFD = 0x000d;
    /** struct pfloghdr: the uid, pid, rule_uid and rule_pid fields, each present when length says so. */
    private static final int[] PFLOG_FIELDS = {44, 48, 52, 56};
    private static final int URB_ISOCHRONOUS = 0;
    /** The USB header's fields {offset, size}: id, bus_id, ts_sec, ts_usec, status, urb_len, data_len. */
    private static final int[][] USB_FIELDS = {{0, 8}, {12, 2}, {16, 8}, {24, 4}, {28, 4}, {32, 4}, {36, 4}};

    private HostOrderHeaders() { }

    /** Swaps the packet's host-order pseudo-header fields of a big-endian capture to little-endian. */
    static void fromBigEndian(Packet packet) {
        byte[] b = packet.bytes();
        int off = packet.offset();
        // libpcap checks each field against both lengths
        int cap = (int) Math.min(packet.capLen(), Math.max(0, (long) packet.origLen()));
        switch (packet.linkType()) {
            case LinkType.NFLOG -> nflog(b, off, cap);
            case LinkType.PFLOG -> pflog(b, off, cap);
            case LinkType.LINUX_SLL -> socketCanId(b, off, cap, SLL_HEADER, 14);
            case LinkType.LINUX_SLL2 -> socketCanId(b, off, cap, SLL2_HEADER, 0);
            case LinkType.USB_LINUX -> usb(b, off, packet.capLen(), false);
            case LinkType.USB_LINUX_MMAPPED -> usb(b, off, packet.capLen(), true);
            default -> { }
        }
    }

    private static void nflog(byte[] b, int off, int cap) {
        if (cap < 4 || b[off + 1] != 0) return; // no TLVs, or an NFLOG version we do not know
        int at = 4;
        while (cap - at >= 4) {
            swap(b, off + at, 2);
            swap(b, off + at + 2, 2);
            int size = (b[off + at] & 0xff | (b[off + at + 1] & 0xff) << 8) + 3 & 0xfffc; // a uint16_t: wraps
            if (size < 4 || cap - at < size) return;
            at += size;
        }
    }

    private static void pflog(byte[] b, int off, int cap) {
        int headerLength = cap > 0 ? b[off] & 0xff : 0;
        for (int field : PFLOG_FIELDS) {
            if (cap < field + 4 || headerLength < field + 4) return;
            swap(b, off + field, 4);
        }
    }

    private static void socketCanId(byte[] b, int off, int cap, int header, int protocolAt) {
        if (cap < header) return;
        int protocol = (b[off + protocolAt] & 0xff) << 8 | b[off + protocolAt + 1] & 0xff;
        if ((protocol == SLL_P_CAN || protocol == SLL_P_CANFD) && cap >= header + 4) swap(b, off + header, 4);
    }

    /** libpcap's swap_linux_usb_header: checked against the captured length only, as there. */
    private static void usb(byte[] b, int off, int cap, boolean headerOf64Bytes) {
        for (int[] f : USB_FIELDS) {
            if (cap < f[0] + f[1]) return;
            swap(b, off + f[0], f[1]);
        }
        boolean isochronous = (b[off + 9] & 0xff) == URB_ISOCHRONOUS;
        if (isochronous) { // s.iso.error_count and numdesc; otherwise the 8-byte setup header, as bytes
            for (int at = 40; at < 48; at += 4) {
                if (cap < at + 4) return;
                swap(b, off + at, 4);
            }
        }
        if (!headerOf64Bytes) return;
        for (int at = 48; at < 64; at += 4) { // interval, start_frame, xfer_flags, ndesc
            if (cap < at + 4) return;
            swap(b, off + at, 4);
        }
        if (!isochronous) return;
        long descriptors = (b[off + 60] & 0xffL) | (b[off + 61] & 0xffL) << 8 | (b[off + 62] & 0xffL) << 16
                | (b[off + 63] & 0xffL) << 24;
        int at = 64;
        for (long i = 0; i < descriptors; i++, at += 16) { // status, offset, len, then 4 bytes of padding
            for (int field = 0; field < 12; field += 4) {
                if (cap < at + field + 4) return;
                swap(b, off + at + field, 4);
            }
        }
    }

    private static void swap(byte[] b, int at, int length) {
        for (int i = 0, j = at + length - 1; i < length / 2; i++, j--) {
            byte t = b[at + i];
            b[at + i] = b[j];
            b[j] = t;
        }
    }
}
