package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * IEEE 802.15.4 frames as tcpdump 4.99's print-802_15_4.c: the frame control's type, version and (-vvv) flags, the
 * sequence number (-v), PAN IDs and addresses by the 2015 PAN ID compression rules, the auxiliary security header
 * (-v, -vv), header and payload IEs as hex, the MIC and FCS (-vvv; a 4-byte FCS is tried before a 2-byte one, by
 * their CRCs), beacon fields (-v, -vv) and MAC commands, then the default dump. Multipurpose frames likewise; other
 * types print their name only; -vvvv decodes the IEs' contents (MLME sub-IEs, TSCH, DSME, multiplexed IEs). Reads
 * go through {@link SnapshotBytes}: where tcpdump's GET_ macros jump, the line ends " [|802.15.4]".
 */
final class Ieee802154Formatter {
    static final String PROTOCOL = "802.15.4";
    private static final String[] FRAME_TYPES = {"Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose",
        "Fragment", "Extended"};
    private static final String[] HEADER_IES = headerIeNames();
    private static final String[] PAYLOAD_IES = payloadIeNames();
    private static final String[] COMMANDS = commandNames();
    private static final String[] MLME_SHORT = mlmeShortNames();
    private static final String[] MLME_LONG = mlmeLongNames();
    /** The TSCH Timeslot IE's fields after its ID (the last two 3 bytes long in its 27-byte form). */
    private static final String[] TIMESLOT_FIELDS = {", CCA Offset = ", ", CCA = ", ", TX Offset = ", ", RX Offset = ",
        ", RX Ack Delay = ", ", TX Ack Delay = ", ", RX Wait = ", ", Ack Wait = ", ", RX TX = ", ", Max Ack = ",
        ", Max TX = ", ", Time slot Length = "};

    /** The reads, shared with {@link ZepFormatter} (which sets it for the datagram). */
    final SnapshotBytes bytes = new SnapshotBytes();
    /** tcpdump's ndo_vflag, 0 to 4. */
    private final int vflag;
    private final boolean defaultPrint;
    private final EarlyEnd earlyEnd;
    /** Results of the header IE list and the security header, as tcpdump's out-parameters. */
    private boolean payloadIePresent;
    private int securityLevel;

    Ieee802154Formatter(Verbosity verbosity, boolean defaultPrint, EarlyEnd earlyEnd) {
        this.vflag = verbosity.vflag();
        this.defaultPrint = defaultPrint;
        this.earlyEnd = earlyEnd;
    }

    /** LINKTYPE_IEEE802_15_4_WITHFCS and _NOFCS (ieee802_15_4_if_print); returns tcpdump's link-level byte count. */
    int link(Packet p, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            return print(0, p.capLen(), out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, PROTOCOL);
            return 0;
        }
    }

    /** LINKTYPE_IEEE802_15_4_TAP (ieee802_15_4_tap_if_print): version 0, a TLV header as long as its length says. */
    int tap(Packet p, StringBuilder out) {
        int caplen = p.capLen();
        if (caplen < 4) {
            out.append(" [|802.15.4_tap]");
            return caplen;
        }
        int length = p.le16(2);
        if (p.u8(0) != 0 || length < 4) {
            out.append(" (invalid)");
            return 0;
        }
        if (caplen < length) {
            out.append(" [|802.15.4_tap]");
            return caplen;
        }
        try (var _ = bytes.reading(p, caplen)) {
            return print(length, caplen - length, out) + length;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, PROTOCOL);
            return 0;
        }
    }

    /**
     * ieee802_15_4_print: the frame at {@code p}, {@code caplen} bytes as the caller counts them (a ZEP header's
     * inner length may say more than was captured); {@link #bytes} is set. Returns 1 when printed, 0 on an error or
     * an undecoded type, or {@code caplen} when shorter than the frame control. Jumps as tcpdump's GET_ macros.
     */
    int print(int p, long caplen, StringBuilder out) {
        if (caplen < 2) {
            out.append(" [|802.15.4]");
            return (int) caplen;
        }
        int fc = u16(p);
        int type = fc & 7;
        out.append("IEEE 802.15.4 ").append(FRAME_TYPES[type]).append(" packet ");
        return switch (type) {
            case 0, 1, 2, 3 -> standard(p, caplen, fc, out);
            case 5 -> multipurpose(p, caplen, fc, out);
            default -> 0;   // reserved, fragment and extended frames: tcpdump stops after the name
        };
    }

    /** ieee802_15_4_std_frames: beacon, data, ACK and MAC command frames. */
    private int standard(int p, long caplen, int fc, StringBuilder out) {
        long fcs = 0, crc = 0;
        if (caplen >= 4) {
            bytes.need(p, caplen);   // both CRCs and both FCS fields read every byte
            fcs = u32(p + (int) caplen - 4);
            crc = crc32(p, (int) caplen - 4);
            if (crc == fcs) {
                caplen -= 4;
            } else {
                fcs = u16(p + (int) caplen - 2);
                crc = crc16(p, (int) caplen - 2);
                if (crc == fcs) caplen -= 2;   // else the FCS might not have been captured: kept
            }
        }
        int version = fc >> 12 & 3;
        int type = fc & 7;
        out.append('v').append(version).append(' ');
        if (vflag > 2) {
            if (bit(fc, 3)) out.append("Security Enabled, ");
            if (bit(fc, 4)) out.append("Frame Pending, ");
            if (bit(fc, 5)) out.append("AR, ");
            if (bit(fc, 6)) out.append("PAN ID Compression, ");
            if (bit(fc, 8)) out.append("Sequence Number Suppression, ");
            if (bit(fc, 9)) out.append("IE present, ");
        }
        if (bit(fc, 8)) {
            if (version < 2) out.append("[ERROR: Sequence number suppressed on frames where version < 2]");
            if (vflag > 0) out.append("seq suppressed ");
        }
        int headerLength = sequence(p, caplen, bit(fc, 8), out);
        if (headerLength < 0) return 0;
        p += headerLength;
        caplen -= headerLength;
        int dstLength = addressLength(fc >> 10 & 3), srcLength = addressLength(fc >> 14 & 3);
        if (!validModes(dstLength, srcLength, out)) return 0;
        boolean compressed = bit(fc, 6);
        boolean srcPan = !compressed, dstPan = true;
        if (version < 2) {
            if (compressed && (dstLength <= 0 || srcLength <= 0)) {
                out.append("[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
            }
            if (dstLength <= 0) dstPan = false;
            if (srcLength <= 0) srcPan = false;
        } else {
            if (dstLength <= 0) dstPan = false;
            if (srcLength <= 0) srcPan = false;
            if (compressed) {
                if (srcLength == 0 && dstLength == 0) {
                    dstPan = true;
                } else if (srcLength == 0 || dstLength == 0 || srcLength == 8 && dstLength == 8) {
                    dstPan = false;
                    srcPan = false;
                }
            } else {
                if (srcLength == 8 && dstLength == 8) {
                    dstPan = true;
                    srcPan = false;
                }
                if (srcLength == 8 && dstLength == 2) srcPan = false;   // tcpdump's broken-6TiSCH case
            }
        }
        long end = p + caplen;   // the walk below moves p only: what is left is end - p
        if ((p = pan(p, end, dstPan, out)) < 0 || (p = sizedAddress(p, end, dstLength, out)) < 0) return 0;
        out.append(" < ");
        if ((p = pan(p, end, srcPan, out)) < 0 || (p = sizedAddress(p, end, srcLength, out)) < 0) return 0;
        out.append(' ');
        return afterAddresses(p, end - p, bit(fc, 3), bit(fc, 9), fcs, crc, type, version, out);
    }

    /** ieee802_15_4_mp_frame: multipurpose frames, short or long frame control. */
    private int multipurpose(int p, long caplen, int fc, StringBuilder out) {
        long fcs = 0, crc = 0;
        if (caplen >= 3) {
            bytes.need(p, caplen);
            boolean matched = false;
            if (caplen > 4) {
                fcs = u32(p + (int) caplen - 4);
                crc = crc32(p, (int) caplen - 4);
                if (crc == fcs) {
                    caplen -= 4;
                    matched = true;
                }
            }
            if (!matched) {
                fcs = u16(p + (int) caplen - 2);
                crc = crc16(p, (int) caplen - 2);
                if (crc == fcs) caplen -= 2;
            }
        }
        boolean panIdPresent = false, iePresent = false, security = false;
        if (bit(fc, 3)) {
            int version = fc >> 12 & 3;
            out.append('v').append(version).append(' ');
            panIdPresent = bit(fc, 8);
            iePresent = bit(fc, 15);
            security = bit(fc, 9);
            if (vflag > 2) {
                if (security) out.append("Security Enabled, ");
                if (bit(fc, 11)) out.append("Frame Pending, ");
                if (bit(fc, 14)) out.append("AR, ");
                if (panIdPresent) out.append("PAN ID Present, ");
                if (bit(fc, 10)) out.append("Sequence Number Suppression, ");
                if (iePresent) out.append("IE present, ");
            }
            int headerLength = sequence(p, caplen, bit(fc, 10), out);
            if (headerLength < 0) return 0;
            p += headerLength;
            caplen -= headerLength;
        } else {
            int seq = u8(p + 1);
            p += 2;
            caplen = (caplen - 2) & 0xffffffffL;   // unsigned in tcpdump: a 3-byte frame less its FCS wraps
            if (vflag > 0) hex2(out.append("seq "), seq).append(' ');
        }
        int dstLength = addressLength(fc >> 4 & 3), srcLength = addressLength(fc >> 6 & 3);
        if (!validModes(dstLength, srcLength, out)) return 0;
        long end = p + caplen;
        if ((p = pan(p, end, panIdPresent, out)) < 0 || (p = sizedAddress(p, end, dstLength, out)) < 0) return 0;
        out.append(" <  -:");   // a multipurpose frame never carries a source PAN id; tcpdump's two spaces kept
        if ((p = sizedAddress(p, end, srcLength, out)) < 0) return 0;
        out.append(' ');
        return afterAddresses(p, end - p, security, iePresent, fcs, crc, -1, 0, out);
    }

    /**
     * What both frame formats share after the addresses: the security header, the MIC's removal, the IE lists, MIC
     * and FCS (-vvv), then for a standard frame ({@code type} 0-3) its payload and for a multipurpose one (-1) the
     * default dump.
     */
    private int afterAddresses(int p, long caplen, boolean secured, boolean iePresent, long fcs, long crc, int type,
                               int version, StringBuilder out) {
        int level = 0;
        if (secured) {
            int len = securityHeader(p, caplen, out);
            if (len < 0) return 0;
            level = securityLevel;
            bytes.need(p, len);
            p += len;
            caplen -= len;
        }
        int micLength = switch (level & 3) {
            case 0 -> 0;
            case 1 -> 4;
            case 2 -> 8;
            default -> 16;
        };
        int mic = 0;
        if (micLength != 0) {
            if (caplen < micLength) {
                out.append("[ERROR: Truncated before MIC]");
                return 0;
            }
            caplen -= micLength;
            mic = p + (int) caplen;
        }
        payloadIePresent = false;
        if (iePresent) {
            long len = headerIes(p, caplen, out);
            if (len < 0) return 0;
            p += (int) len;
            caplen -= len;
        }
        if (payloadIePresent) {
            if (level >= 4) {
                out.append("Payload IEs present, but encrypted, cannot print ");
            } else {
                long len = payloadIes(p, caplen, out);
                if (len < 0) return 0;
                p += (int) len;
                caplen -= len;
            }
        }
        if (vflag > 2 && micLength != 0) {
            out.append("\n\tMIC ");
            for (int i = 0; i < micLength; i++) hex2(out, u8(mic + i));
            out.append(' ');
        }
        if (vflag > 2) {
            if (crc == fcs) {
                Text.hex(out.append("FCS "), fcs);
                out.append(' ');
            } else {
                Text.hex(out.append("wrong FCS "), fcs);
                Text.hex(out.append(" vs "), crc);
                out.append(" (assume no FCS stored) ");
            }
        }
        switch (type) {
            case 0 -> {
                if (version < 2) {
                    if (caplen < 2) {
                        out.append("[ERROR: Truncated before beacon information]");
                        return 1;
                    }
                    superframe(u16(p), out);
                    p += 2;
                    caplen -= 2;
                    if (caplen < 1) {
                        out.append("[ERROR: Truncated before GTS info]");
                        return 1;
                    }
                    int len = gtsInfo(p, caplen, out);
                    if (len < 0) return 1;
                    p += len;
                    caplen -= len;
                    if (caplen < 1) {
                        out.append("[ERROR: Truncated before pending addresses]");
                        return 1;
                    }
                    len = pendingAddresses(p, caplen, out);
                    if (len < 0) return 1;
                    bytes.need(p, len);
                    p += len;
                    caplen -= len;
                }
                defaultDump(p, caplen, out);
            }
            case 3 -> {
                if (caplen < 1) {
                    out.append("[ERROR: Truncated before Command ID]");
                } else {
                    int command = u8(p);
                    if (command >= 0x30) hex2(out.append("Command ID = Reserved 0x"), command).append(' ');
                    else out.append("Command ID = ").append(COMMANDS[command]).append(' ');
                    p++;
                    caplen--;
                    if (caplen != 0) {
                        long len = command(command, p, caplen, out);
                        if (len >= 0) {
                            p += (int) len;
                            caplen -= len;
                        }
                    }
                }
                defaultDump(p, caplen, out);
            }
            default -> defaultDump(p, caplen, out);   // data, ACK; multipurpose
        }
        return 1;
    }

    /** ieee802_15_4_print_aux_sec_header: its length, or -1; {@link #securityLevel} set. */
    private int securityHeader(int p, long caplen, StringBuilder out) {
        if (caplen < 1) {
            out.append("[ERROR: Truncated before Aux Security Header]");
            return -1;
        }
        int sc = u8(p);
        int len = 1;
        securityLevel = sc & 7;
        int keyIdMode = sc >> 3 & 3;
        caplen -= 1;
        p += 1;
        if (vflag > 0) {
            out.append("\n\tSecurity Level ").append(securityLevel).append(", Key Id Mode ").append(keyIdMode)
                .append(", ");
        }
        if (!bit(sc, 5)) {
            if (caplen < 4) {
                out.append("[ERROR: Truncated before Frame Counter]");
                return -1;
            }
            if (vflag > 1) {
                long counter = u32(p);
                hex(out.append("Frame Counter 0x"), counter, 8).append(' ');
            }
            p += 4;
            caplen -= 4;
            len += 4;
        }
        switch (keyIdMode) {
            case 0 -> {
                if (vflag > 1) out.append("Implicit");
                return len;
            }
            case 2 -> {
                if (caplen < 4) {
                    out.append("[ERROR: Truncated before Key Source]");
                    return -1;
                }
                if (vflag > 1) {
                    int source = u16(p);
                    int index = u16(p + 2);
                    hex4(out.append("KeySource 0x"), source).append(':');
                    Text.hex(out, index);
                    out.append("4x, ");   // tcpdump's "%0x4x"
                }
                p += 4;
                caplen -= 4;
                len += 4;
            }
            case 3 -> {
                if (caplen < 8) {
                    out.append("[ERROR: Truncated before Key Source]");
                    return -1;
                }
                if (vflag > 1) {
                    bytes.need(p, 8);
                    address(p, 8, out.append("KeySource "));
                    out.append(", ");
                }
                p += 4;   // tcpdump skips 4 of the 8 bytes
                caplen -= 4;
                len += 4;
            }
            default -> { }
        }
        if (caplen < 1) {
            out.append("[ERROR: Truncated before Key Index]");
            return -1;
        }
        if (vflag > 1) {
            int index = u8(p);
            hex2(out.append("KeyIndex 0x"), index).append(", ");
        }
        return len + 1;
    }

    /** ieee802_15_4_print_header_ie_list (contents as hex, decoded at -vvvv); its length, or -1. */
    private long headerIes(int p, long caplen, StringBuilder out) {
        long len = 0;
        do {
            if (caplen < 2) {
                out.append("[ERROR: Truncated header IE]");
                return -1;
            }
            int ie = u16(p);
            if (bit(ie, 15)) out.append("[ERROR: Header IE with type 1] ");
            int ieLength = ie & 0x7f;
            int id = ie >> 7 & 0xff;
            if (id > 127) {
                hex2(out.append("Reserved Element ID "), id).append(", length = ").append(ieLength).append(' ');
            } else if (ieLength == 0) {
                out.append("\n\t").append(HEADER_IES[id]).append(" [");
            } else {
                out.append("\n\t").append(HEADER_IES[id]).append(" [ length = ").append(ieLength).append(", ");
            }
            if (caplen < 2 + ieLength) {
                out.append("[ERROR: Truncated IE data]");
                return -1;
            }
            p += 2;
            if (vflag > 3 && ieLength != 0) headerIe(p, ieLength, id, out);
            else if (ieLength != 0) ieData(p, ieLength, out);
            out.append("] ");
            len += 2 + ieLength;
            p += ieLength;
            caplen -= 2 + ieLength;
            if (id == 0x7e) {
                payloadIePresent = true;
                break;
            }
            if (id == 0x7f) break;
        } while (caplen != 0);
        return len;
    }

    /** ieee802_15_4_print_payload_ie_list (contents as hex, decoded at -vvvv); its length, or -1. */
    private long payloadIes(int p, long caplen, StringBuilder out) {
        long len = 0;
        do {
            if (caplen < 2) {
                out.append("[ERROR: Truncated header IE]");
                return -1;
            }
            int ie = u16(p);
            if (!bit(ie, 15)) out.append("[ERROR: Payload IE with type 0] ");
            int ieLength = ie & 0x3ff;
            int group = ie >> 11 & 0x0f;
            p += 2;
            if (ieLength == 0) out.append("\n\t").append(PAYLOAD_IES[group]).append(" [");
            else out.append("\n\t").append(PAYLOAD_IES[group]).append(" [ length = ").append(ieLength).append(", ");
            if (caplen < 2 + ieLength) {
                out.append("[ERROR: Truncated IE data]");
                return -1;
            }
            if (vflag > 3 && ieLength != 0) {
                switch (group) {
                    case 0x1 -> mlmeIes(p, ieLength, out);
                    case 0x2 -> vendorData(p, ieLength, out);
                    case 0x3 -> multiplexed(p, ieLength, out);
                    case 0x5 -> {   // IETF IE; never empty here
                        int subtype = u8(p);
                        hex2(out.append("Subtype ID = 0x"), subtype).append(", Subtype content = ");
                        bytesFrom(p, 1, ieLength, out);
                    }
                    default -> ieData(p, ieLength, out);
                }
            } else if (ieLength != 0) {
                ieData(p, ieLength, out);
            }
            out.append("]\n\t");
            len += 2 + ieLength;
            p += ieLength;
            caplen -= 2 + ieLength;
            if (group == 0xf) break;
        } while (caplen > 0);
        return len;
    }

    private void ieData(int p, int length, StringBuilder out) {
        bytesFrom(p, 0, length, out.append("IE Data = "));
    }

    /** Bytes {@code from} to {@code length} at {@code p}, each as "%02x ". */
    private void bytesFrom(int p, int from, int length, StringBuilder out) {
        for (int i = from; i < length; i++) hex2(out, u8(p + i)).append(' ');
    }

    /** A vendor-specific header, nested or MLME IE: the OUI, then the data. */
    private void vendorData(int p, int length, StringBuilder out) {
        if (length < 3) {
            out.append("[ERROR: Vendor OUI missing]");
            return;
        }
        int a = u8(p), b = u8(p + 1), c = u8(p + 2);
        hex2(hex2(hex2(out.append("OUI = 0x"), a), b), c).append(", Data = ");
        bytesFrom(p, 3, length, out);
    }

    /**
     * ieee802_15_4_print_header_ie (-vvvv): a header IE's contents, {@code length} bytes (not 0). tcpdump reads all
     * of a line's fields before printing any of it, so a line whose fields were not all captured is not begun.
     */
    private void headerIe(int p, int length, int id, StringBuilder out) {
        switch (id) {
            case 0x00 -> vendorData(p, length, out);
            case 0x1a -> {   // LE CSL
                if (length < 4) {
                    out.append("[ERROR: Truncated CSL IE]");
                    return;
                }
                bytes.need(p, 4);
                out.append("CSL Phase = ").append(u16(p)).append(", CSL Period = ").append(u16(p + 2));
                if (length >= 6) {
                    int rendezvous = u16(p + 4);
                    out.append(", Rendezvous time = ").append(rendezvous);
                }
                if (length != 4 && length != 6) out.append(" [ERROR: CSL IE length wrong]");
            }
            case 0x1b -> {   // LE RIT
                if (length < 4) {
                    out.append("[ERROR: Truncated RIT IE]");
                    return;
                }
                bytes.need(p, 4);
                out.append("Time to First Listen = ").append(u8(p)).append(", # of Repeat Listen = ").append(u8(p + 1))
                    .append(", Repeat Listen Interval = ").append(u16(p + 2));
            }
            case 0x1c, 0x21 -> dsmePanDescriptor(p, length, id == 0x21, out);
            case 0x1d -> {   // Rendezvous Time
                if (length != 4) {
                    out.append("[ERROR: Length != 2]");
                    return;
                }
                bytes.need(p, 4);
                out.append("Rendezvous time = ").append(u16(p)).append(", Wake-up Interval = ").append(u16(p + 2));
            }
            case 0x1e -> {   // Time Correction
                if (length != 2) {
                    out.append("[ERROR: Length != 2]");
                    return;
                }
                int value = u16(p);
                if ((value & 0x8000) != 0) out.append("Negative ");
                out.append("Ack time correction = ").append((short) ((value & 0xfff) << 4) >> 4).append(", ");
            }
            default -> ieData(p, length, out);
        }
    }

    /** The DSME PAN descriptor IE, and (extended) the Extended DSME PAN descriptor IE: the header IE's contents. */
    private void dsmePanDescriptor(int p, int length, boolean extended, StringBuilder out) {
        if (length < 2) {
            out.append("[ERROR: Truncated DSME PAN IE]");
            return;
        }
        superframe(u16(p), out);
        if (length < 3) {
            out.append("[ERROR: Truncated before pending addresses field]");
            return;
        }
        int ptr = 2;
        int len = pendingAddresses(p + ptr, length - ptr, out);
        if (len < 0) return;
        ptr += len;
        boolean hopping = false;
        if (extended) {
            if (length < ptr + 2) {
                out.append("[ERROR: Truncated before DSME Superframe Specification]");
                return;
            }
            int ss = u16(p + ptr);
            ptr += 2;
            out.append("Multi-superframe Order = ").append(ss & 0xff).append(", ")
                .append((ss & 0x100) != 0 ? "Channel hopping mode" : "Channel adaptation mode");
            if ((ss & 0x400) != 0) out.append(", CAP reduction enabled");
            if ((ss & 0x800) != 0) out.append(", Deferred beacon enabled");
            if ((ss & 0x1000) != 0) {
                out.append(", Hopping Sequence Present");
                hopping = true;
            }
        } else {
            if (length < ptr + 1) {
                out.append("[ERROR: Truncated before DSME Superframe Specification]");
                return;
            }
            int ss = u8(p + ptr);
            ptr++;
            out.append("Multi-superframe Order = ").append(ss & 0x0f).append(", ")
                .append((ss & 0x10) != 0 ? "Channel hopping mode" : "Channel adaptation mode");
            if ((ss & 0x40) != 0) out.append(", CAP reduction enabled");
            if ((ss & 0x80) != 0) out.append(", Deferred beacon enabled");
        }
        if (length < ptr + 8) {
            out.append(" [ERROR: Truncated before Time synchronization specification]");
            return;
        }
        bytes.need(p + ptr, 8);
        out.append("Beacon timestamp = ").append(u32(p + ptr) | (long) u16(p + ptr + 4) << 32).append(", offset = ")
            .append(u16(p + ptr + 6));
        ptr += 8;
        if (length < ptr + 4) {
            out.append(" [ERROR: Truncated before Beacon Bitmap]");
            return;
        }
        bytes.need(p + ptr, 4);
        int ulen = u16(p + ptr + 2);
        out.append("SD Index = ").append(u16(p + ptr)).append(", Bitmap len = ").append(ulen).append(", ");
        ptr += 4;
        if (length < ptr + ulen) {
            out.append(" [ERROR: Truncated in SD bitmap]");
            return;
        }
        bytesFrom(p + ptr, 0, ulen, out.append(" SD Bitmap = "));
        ptr += ulen;
        if (length < ptr + 5) {
            out.append(" [ERROR: Truncated before Channel hopping specification]");
            return;
        }
        bytes.need(p + ptr, 6);
        ulen = u16(p + ptr + 4);
        out.append("Hopping Seq ID = ").append(u8(p + ptr)).append(", PAN Coordinator BSN = ").append(u8(p + ptr + 1))
            .append(", Channel offset = ").append(u16(p + ptr + 2)).append(", Bitmap length = ").append(ulen)
            .append(", ");
        ptr += 5;
        if (length < ptr + ulen) {
            out.append(" [ERROR: Truncated in Channel offset bitmap]");
            return;
        }
        bytesFrom(p + ptr, 0, ulen, out.append(" Channel offset bitmap = "));
        ptr += ulen;
        if (hopping) {
            if (length < ptr + 1) {
                out.append(" [ERROR: Truncated in Hopping Sequence length]");
                return;
            }
            ulen = u8(p + ptr);
            ptr++;
            out.append("Hopping Seq length = ").append(ulen).append(" [ ");
            if (length < ptr + ulen * 2) {   // the spec leaves the encoding open: tcpdump reads 2 bytes a channel
                out.append(" [ERROR: Truncated in Channel offset bitmap]");
                return;
            }
            for (int i = 0; i < ulen; i++) hex2(out, u16(p + ptr + i * 2)).append(' ');
            out.append(']');
        }
    }

    /** ieee802_15_4_print_mlme_ie_list (-vvvv): the sub-IEs of an MLME payload IE of {@code length} bytes. */
    private void mlmeIes(int p, int length, StringBuilder out) {
        do {
            if (length < 2) {
                out.append("[ERROR: Truncated MLME IE]");
                return;
            }
            int ie = u16(p);
            boolean longType = bit(ie, 15);
            int subLength = longType ? ie & 0x3ff : ie & 0xff;
            int subId = longType ? ie >> 11 & 0x0f : ie >> 8 & 0x7f;
            p += 2;
            out.append("\n\t\t").append(longType ? MLME_LONG[subId] : MLME_SHORT[subId]).append(" [ length = ")
                .append(subLength).append(", ");
            if (length < 2 + subLength) {
                out.append("[ERROR: Truncated IE data]");
                return;
            }
            if (subLength != 0) mlmeIe(p, subLength, subId, out);
            out.append("] ");
            p += subLength;
            length -= 2 + subLength;
        } while (length > 0);
    }

    /** ieee802_15_4_print_mlme_ie: an MLME sub-IE's contents, {@code length} bytes (not 0); short and long IDs share. */
    private void mlmeIe(int p, int length, int subId, StringBuilder out) {
        switch (subId) {
            case 0x08 -> vendorData(p, length, out);
            case 0x09 -> channelHopping(p, length, out);
            case 0x1a -> {   // TSCH Synchronization: the 6 bytes read whatever the length
                if (length < 6) out.append("[ERROR: Length != 6]");
                bytes.need(p, 6);
                hex(out.append("ASN = "), u32(p) | (long) u8(p + 4) << 32, 10).append(", Join Metric = ")
                    .append(u8(p + 5)).append(' ');
            }
            case 0x1b -> slotframes(p, length, out);
            case 0x1c -> {   // TSCH Timeslot
                if (length == 1) {
                    int id = u8(p);
                    out.append("Time slot ID = ").append(id).append(' ');
                } else if (length == 25 || length == 27) {
                    bytes.need(p, length);
                    out.append("Time slot ID = ").append(u8(p));
                    for (int i = 0; i < TIMESLOT_FIELDS.length; i++) {
                        int at = p + 1 + 2 * i;
                        int value = length == 27 && i == 10 ? u24(at) : length == 27 && i == 11 ? u24(at + 1)
                            : u16(at);
                        out.append(TIMESLOT_FIELDS[i]).append(value);
                    }
                    out.append(' ');
                } else {
                    out.append("[ERROR: Length not 1, 25, or 27]\n\t\t\tIE Data = ");
                    bytesFrom(p, 0, length, out);
                }
            }
            default -> ieData(p, length, out);
        }
    }

    /** The Channel Hopping IE's contents. */
    private void channelHopping(int p, int length, StringBuilder out) {
        int sequence = u8(p);
        out.append("Hopping Sequence ID = ").append(sequence);
        if (length == 1) return;
        p++;
        length--;
        if (length < 7) {
            out.append("[ERROR: IE truncated]");
            return;
        }
        bytes.need(p, 3);
        int page = u8(p), channels = u16(p + 1);
        out.append("Channel Page = ").append(page).append(", Number of Channels = ").append(channels).append(", ");
        long phy = u32(p + 3);
        hex(out.append("Phy Configuration = 0x"), phy, 8).append(", ");
        p += 7;
        length -= 7;
        if (page == 9 || page == 10) {
            int len = (channels + 7) / 8;
            if (length < len) {
                out.append("[ERROR: IE truncated]");
                return;
            }
            out.append("Extended bitmap = 0x");
            for (int i = 0; i < len; i++) hex2(out, u8(p + i));
            out.append(", ");
            p += len;
            length -= len;
        }
        if (length < 2) {
            out.append("[ERROR: IE truncated]");
            return;
        }
        int len = u16(p);
        p += 2;
        length -= 2;
        out.append("Hopping Seq length = ").append(len).append(" [ ");
        if (length < len * 2) {
            out.append(" [ERROR: IE truncated]");
            return;
        }
        for (int i = 0; i < len; i++) hex2(out, u16(p + i * 2)).append(' ');
        out.append(']');
        p += len * 2;
        length -= len * 2;
        if (length < 2) {
            out.append("[ERROR: IE truncated]");
            return;
        }
        int hop = u16(p);
        out.append("Current hop = ").append(hop);
    }

    /** The TSCH Slotframe and Link IE's contents: each slotframe with its links. */
    private void slotframes(int p, int length, StringBuilder out) {
        int count = u8(p);
        out.append("Slotframes = ").append(count).append(' ');
        int off = 1;
        for (int i = 0; i < count; i++) {
            if (length < off + 4) {
                out.append("[ERROR: Truncated IE before slotframes]");
                break;
            }
            bytes.need(p + off, 4);
            int links = u8(p + off + 3);
            out.append("\n\t\t\t[ Handle ").append(u8(p + off)).append(", size = ").append(u16(p + off + 1))
                .append(", links = ").append(links).append(' ');
            off += 4;
            for (int j = 0; j < links; j++) {
                if (length < off + 5) {
                    out.append("[ERROR: Truncated IE links]");
                    break;
                }
                bytes.need(p + off, 5);
                int options = u8(p + off + 4);
                out.append("\n\t\t\t\t[ Timeslot =  ").append(u16(p + off)).append(", Offset = ")
                    .append(u16(p + off + 2)).append(", Options = ");
                if ((options & 0x01) != 0) out.append("TX ");
                if ((options & 0x02) != 0) out.append("RX ");
                if ((options & 0x04) != 0) out.append("Shared ");
                if ((options & 0x08) != 0) out.append("Timekeeping ");
                if ((options & 0x10) != 0) out.append("Priority ");
                off += 5;
                out.append("] ");
            }
            out.append("] ");
        }
    }

    /** ieee802_15_4_print_mpx_ie (-vvvv): a Multiplexed IE's (802.15.9) contents, {@code length} bytes (not 0). */
    private void multiplexed(int p, int length, StringBuilder out) {
        int control = u8(p);
        int type = control & 7, tid = control >> 3;
        int start;
        switch (type) {
            case 0x0, 0x1 -> {
                out.append("Type = Full upper layer fragment").append(type == 1 ? " with small Multiplex ID" : "")
                    .append(", ");
                if (type == 0) {
                    if (length < 3) {
                        out.append("[ERROR: Multiplex ID missing]");
                        return;
                    }
                    start = 3;
                    int id = u16(p + 1);
                    hex4(hex2(out.append("tid = 0x"), tid).append(", Multiplex ID = 0x"), id).append(", ");
                } else {
                    start = 1;
                    hex4(out.append("Multiplex ID = 0x"), tid).append(", ");
                }
            }
            case 0x2, 0x4 -> {
                if (length < 2) {
                    out.append("[ERROR: fragment number missing]");
                    return;
                }
                int fragment = u8(p + 1);
                out.append("Type = ").append(type == 4 ? "Last fragment" : fragment == 0 ? "First fragment"
                    : "Middle fragment");
                hex2(hex2(out.append(", tid = 0x"), tid).append(", fragment = 0x"), fragment).append(", ");
                start = 2;
                if (fragment == 0) {
                    if (length < 6) {
                        out.append("[ERROR: Total upper layer size or multiplex ID missing]");
                        return;
                    }
                    bytes.need(p + 2, 4);
                    hex4(out.append("Total upper layer size = 0x"), u16(p + 2));
                    hex4(out.append(", Multiplex ID = 0x"), u16(p + 4)).append(", ");
                    start = 6;
                }
            }
            case 0x6 -> {
                if (length == 1) {
                    hex2(out.append("Type = Abort, tid = 0x"), tid).append(", no max size given");
                } else if (length == 3) {
                    int max = u16(p + 1);
                    hex4(hex2(out.append("Type = Abort, tid = 0x"), tid).append(", max size = 0x"), max);
                } else {
                    hex2(out.append("Type = Abort, tid = 0x"), tid).append(", invalid length = ").append(length)
                        .append(" (not 1 or 3)Abort data = ");
                    bytesFrom(p, 1, length, out);
                }
                return;
            }
            default -> {   // 3, 5, 7: reserved
                hex2(out.append("Type = ").append(type).append(" (Reserved), tid = 0x"), tid).append(", ");
                start = 1;
            }
        }
        bytesFrom(p, start, length, out.append("Upper layer data = "));
    }

    /** ieee802_15_4_print_superframe_specification (-v). */
    private void superframe(int ss, StringBuilder out) {
        if (vflag < 1) return;
        out.append("\n\tBeacon order = ").append(ss & 0xf).append(", Superframe order = ").append(ss >> 4 & 0xf)
            .append(", Final CAP Slot = ").append(ss >> 8 & 0xf);
        if (bit(ss, 12)) out.append(", BLE enabled");
        if (bit(ss, 14)) out.append(", PAN Coordinator");
        if (bit(ss, 15)) out.append(", Association Permit");
    }

    /** ieee802_15_4_print_gts_info: its length, or -1. */
    private int gtsInfo(int p, long dataLength, StringBuilder out) {
        int count = u8(p) & 7;
        if (count == 0) {
            if (vflag > 0) out.append("\n\tGTS Descriptor Count = ").append(count).append(", ");
            return 1;
        }
        int len = 2 + count * 3;
        if (dataLength < len) {
            out.append(" [ERROR: Truncated GTS Info List]");
            return -1;
        }
        if (vflag < 2) return len;
        out.append("GTS Descriptor Count = ").append(count).append(", ");
        int directions = u8(p + 1) & 0x7f;
        hex2(out.append("GTS Directions Mask = "), directions).append(", [ ");
        for (int i = 0; i < count; i++) {
            out.append("[ ");
            address(p + 2 + i * 3, 2, out);
            int slot = u8(p + 2 + i * 3 + 1);
            out.append(", Start slot = ").append(slot & 0x0f).append(", Length = ").append(slot >> 4 & 0x0f)
                .append(" ] ");
        }
        out.append(']');
        return len;
    }

    /** ieee802_15_4_print_pending_addresses: its length, or -1. */
    private int pendingAddresses(int p, long dataLength, StringBuilder out) {
        int pas = u8(p);
        int shorts = pas & 7, extended = pas >> 4 & 7;
        int len = 1 + shorts * 2 + extended * 8;
        if (vflag > 0) {
            out.append("\n\tPending address list, # short addresses = ").append(shorts)
                .append(", # extended addresses = ").append(extended);
        }
        if (dataLength < len) {
            out.append(" [ERROR: Pending address list truncated]");
            return -1;
        }
        if (vflag < 2) return len;
        if (shorts != 0) {
            out.append(", Short address list = [ ");
            for (int i = 0; i < shorts; i++) {
                address(p + 1 + i * 2, 2, out);
                out.append(' ');
            }
            out.append(']');
        }
        if (extended != 0) {
            out.append(", Extended address list = [ ");
            for (int i = 0; i < extended; i++) {
                address(p + 1 + shorts * 2 + i * 8, 8, out);
                out.append(' ');
            }
            out.append(']');
        }
        return len;
    }

    /** ieee802_15_4_print_command_data: the bytes consumed, or -1. */
    private long command(int id, int p, long caplen, StringBuilder out) {
        switch (id) {
            case 0x01 -> {
                if (caplen != 1) {
                    out.append("Invalid Association request command length");
                    return -1;
                }
                int cap = u8(p);
                out.append((cap & 0x02) != 0 ? "FFD, " : "RFD, ");
                if ((cap & 0x04) != 0) out.append("AC powered, ");
                if ((cap & 0x08) != 0) out.append("Receiver on when idle, ");
                if ((cap & 0x10) != 0) out.append("Fast association, ");
                if ((cap & 0x40) != 0) out.append("Security supported, ");
                if ((cap & 0x80) != 0) out.append("Allocate address, ");
                return caplen;
            }
            case 0x02 -> {
                if (caplen != 3) {
                    out.append("Invalid Association response command length");
                    return -1;
                }
                out.append("Short address = ");
                address(p, 2, out);
                int status = u8(p + 2);
                switch (status) {
                    case 0x00 -> out.append(", Association successful");
                    case 0x01 -> out.append(", PAN at capacity");
                    case 0x02 -> out.append(", PAN access denied");
                    case 0x03 -> out.append(", Hooping sequence offset duplication");
                    case 0x80 -> out.append(", Fast association successful");
                    default -> hex2(out.append(", Status = 0x"), status);
                }
                return caplen;
            }
            case 0x03 -> {
                if (caplen != 1) {
                    out.append("Invalid Disassociation Notification command length");
                    return -1;
                }
                switch (u8(p)) {
                    case 0x00 -> out.append("Reserved");
                    case 0x01 -> out.append("Reason = The coordinator wishes the device to leave PAN");
                    case 0x02 -> out.append("Reason = The device wishes to leave the PAN");
                    default -> {
                        int reason = u8(p + 2);   // tcpdump reads 2 bytes on
                        hex2(out.append("Reason = 0x"), reason);
                    }
                }
                return caplen;
            }
            case 0x04, 0x05, 0x06, 0x07 -> {
                return 0;
            }
            case 0x08 -> {
                if (caplen < 7 || caplen > 8) {
                    out.append("Invalid Coordinator Realignment command length");
                    return -1;
                }
                int pan = u16(p);
                hex4(out.append("Pan ID = 0x"), pan).append(", Coordinator short address = ");
                address(p + 2, 2, out);
                int channel = u8(p + 4);
                int page = caplen == 8 ? u8(p + 7) : 0x80;
                if (bit(page, 7)) {
                    channel |= (page & 0x7f) << 8;
                    out.append(", Channel Number = ").append(channel);
                } else {
                    out.append(", Channel Number = ").append(channel).append(", page = ").append(page);
                }
                out.append(", Short address = ");
                address(p + 5, 2, out);
                return caplen;
            }
            case 0x09 -> {
                if (caplen != 1) {
                    out.append("Invalid GTS Request command length");
                    return -1;
                }
                int gts = u8(p);
                out.append("GTS Length = ").append(gts & 0xf)
                    .append(bit(gts, 4) ? ", Receive-only GTS" : ", Transmit-only GTS")
                    .append(bit(gts, 5) ? ", GTS allocation" : ", GTS deallocations");
                return caplen;
            }
            default -> {
                out.append("Command Data = ");
                for (long i = 0; i < caplen; i++) hex2(out, u8(p + (int) i)).append(' ');
                return 0;
            }
        }
    }

    /** ND_DEFAULTPRINT (hex and ASCII) unless -x/-q: what was captured of it, then a jump if not all of it was. */
    private void defaultDump(int p, long length, StringBuilder out) {
        if (!defaultPrint) return;
        long captured = Math.max(0, Math.min(length, bytes.end() - p));
        if (captured > 0) HexDump.hexAndAscii(bytes.packet(), p, (int) captured, "\n\t", out);
        if (captured < length) bytes.need(p, length);
    }

    /**
     * The length of the 2-byte frame control and the sequence number after it unless suppressed, the number printed
     * at -v; -1 once " [|802.15.4]" is printed when the frame is shorter than that.
     */
    private int sequence(int p, long caplen, boolean suppressed, StringBuilder out) {
        if (!suppressed) {
            int seq = u8(p + 2);   // read even when not printed: a snapshot that ends before it stops here
            if (vflag > 0) hex2(out.append("seq "), seq).append(' ');
        }
        int length = suppressed ? 2 : 3;
        if (caplen < length) {
            out.append(" [|802.15.4]");
            return -1;
        }
        return length;
    }

    /** False once the error is printed when an address mode is the reserved one (tcpdump checks the source first). */
    private static boolean validModes(int dstLength, int srcLength, StringBuilder out) {
        if (srcLength < 0) {
            out.append("[ERROR: Invalid src address mode]");
            return false;
        }
        if (dstLength < 0) {
            out.append("[ERROR: Invalid dst address mode]");
            return false;
        }
        return true;
    }

    /**
     * One end's PAN id and ':', or "-:" when the frame carries none there. Returns the offset after it, or -1 once the
     * error is printed when fewer than 2 bytes are left before {@code end} (tcpdump says dst_pan for either end).
     */
    private int pan(int p, long end, boolean present, StringBuilder out) {
        if (!present) {
            out.append("-:");
            return p;
        }
        if (end - p < 2) {
            out.append("[ERROR: Truncated before dst_pan]");
            return -1;
        }
        hex4(out, u16(p)).append(':');
        return p + 2;
    }

    /** One end's address of {@code length} bytes, as {@link #pan} (tcpdump says dst_addr for either end). */
    private int sizedAddress(int p, long end, int length, StringBuilder out) {
        if (end - p < length) {
            out.append("[ERROR: Truncated before dst_addr]");
            return -1;
        }
        address(p, length, out);
        return p + length;
    }

    /** ieee802_15_4_print_addr: "none", a short address as 4 hex digits, an extended one last byte first. */
    private void address(int p, int length, StringBuilder out) {
        switch (length) {
            case 0 -> out.append("none");
            case 2 -> hex4(out, u16(p));
            case 8 -> {
                bytes.need(p, 8);
                for (int i = 7; i >= 0; i--) {
                    hex2(out, bytes.packet().u8(p + i));
                    if (i > 0) out.append(':');
                }
            }
            default -> { }
        }
    }

    private static int addressLength(int mode) {
        return switch (mode) {
            case 0 -> 0;
            case 1 -> -1;   // reserved (the 8-bit mode was removed in 802.15.4-2015)
            case 2 -> 2;
            default -> 8;
        };
    }

    /** The 802.15.4 CRC-16: CCITT's polynomial, initial value 0, bits reflected in and out. */
    private int crc16(int p, int length) {
        int crc = 0;
        Packet packet = bytes.packet();
        for (int i = 0; i < length; i++) {
            int y = Integer.reverse(packet.u8(p + i)) >>> 24;
            int x = (crc >> 8 ^ y) & 0xff;
            x ^= x >> 4;
            crc = (crc << 8 ^ x << 12 ^ x << 5 ^ x) & 0xffff;
        }
        return Integer.reverse(crc) >>> 16;
    }

    /** The 802.15.4 CRC-32: ANSI X3.66's polynomial, initial value 0, bits reflected in and out. */
    private long crc32(int p, int length) {
        int crc = 0;
        Packet packet = bytes.packet();
        for (int i = 0; i < length; i++) {
            int b = Integer.reverse(packet.u8(p + i));
            for (int k = 0; k < 8; k++) {
                crc = (crc ^ b) < 0 ? crc << 1 ^ 0x04C11DB7 : crc << 1;
                b <<= 1;
            }
        }
        return Integer.toUnsignedLong(Integer.reverse(crc));
    }

    private static boolean bit(int value, int bit) {
        return (value >> bit & 1) != 0;
    }

    private int u8(int at) {
        return bytes.u8(at);
    }

    /** Little-endian, as every multi-byte field of 802.15.4. */
    private int u16(int at) {
        return bytes.le16(at);
    }

    private long u32(int at) {
        return bytes.le32(at);
    }

    private int u24(int at) {
        return u16(at) | u8(at + 2) << 16;
    }

    private static StringBuilder hex2(StringBuilder out, int value) {
        Text.hex(out, value, 2);
        return out;
    }

    private static StringBuilder hex4(StringBuilder out, int value) {
        Text.hex(out, value, 4);
        return out;
    }

    private static StringBuilder hex(StringBuilder out, long value, int digits) {
        Text.hex(out, value, digits);
        return out;
    }

    private static String[] headerIeNames() {
        String[] names = reserved(128);
        names[0x00] = "Vendor Specific Header IE";
        names[0x1a] = "LE CSL IE";
        names[0x1b] = "LE RIT IE";
        names[0x1c] = "DSME PAN descriptor IE";
        names[0x1d] = "Rendezvous Time IE";
        names[0x1e] = "Time Correction IE";
        names[0x21] = "Extended DSME PAN descriptor IE";
        names[0x22] = "Fragment Sequence Context Description IE";
        names[0x23] = "Simplified Superframe Specification IE";
        names[0x24] = "Simplified GTS Specification IE";
        names[0x25] = "LECIM Capabilities IE";
        names[0x26] = "TRLE Descriptor IE";
        names[0x27] = "RCC Capabilities IE";
        names[0x28] = "RCCN Descriptor IE";
        names[0x29] = "Global Time IE";
        names[0x2a] = "Omnibus Header IE";
        names[0x2b] = "DA IE";
        names[0x7e] = "Header Termination 1 IE";
        names[0x7f] = "Header Termination 2 IE";
        return names;
    }

    private static String[] payloadIeNames() {
        String[] names = reserved(16);
        names[0x0] = "ESDU IE";
        names[0x1] = "MLME IE";
        names[0x2] = "Vendor Specific Nested IE";
        names[0x3] = "Multiplexed IE (802.15.9)";
        names[0x4] = "Omnibus Payload Group IE";
        names[0x5] = "IETF IE";
        names[0xf] = "List termination";
        return names;
    }

    private static String[] mlmeShortNames() {
        String[] names = reserved(128);
        for (int i = 0; i < 16; i++) names[i] = "Reserved for long format 0x" + Integer.toHexString(i);
        String[] known = {"TSCH Synchronization IE", "TSCH Slotframe and Link IE", "TSCH Timeslot IE",
            "Hopping timing IE", "Enhanced Beacon Filter IE", "MAC Metrics IE", "All MAC Metrics IE",
            "Coexistence Specification IE", "SUN Device Capabilities IE", "SUN FSK Generic PHY IE",
            "Mode Switch Parameter IE", "PHY Parameter Change IE", "O-QPSK PHY Mode IE", "PCA Allocation IE",
            "LECIM DSSS Operating Mode IE", "LECIM FSK Operating Mode IE", null,
            "TVWS PHY Operating Mode Description IE", "TVWS Device Capabilities IE", "TVWS Device Category IE",
            "TVWS Device Identiication IE", "TVWS Device Location IE", "TVWS Channel Information Query IE",
            "TVWS Channel Information Source IE", "CTM IE", "Timestamp IE", "Timestamp Difference IE",
            "TMCTP Specification IE", "RCC PHY Operating Mode IE"};
        for (int i = 0; i < known.length; i++) if (known[i] != null) names[0x1a + i] = known[i];
        return names;
    }

    private static String[] mlmeLongNames() {
        String[] names = reserved(16);
        names[0x08] = "Vendor Specific MLME Nested IE";
        names[0x09] = "Channel Hopping IE";
        return names;
    }

    private static String[] commandNames() {
        String[] names = reserved(0x30);
        String[] known = {null, "Association Request command", "Association Response command",
            "Disassociation Notification command", "Data Request command", "PAN ID Conflict Notification command",
            "Orphan Notification command", "Beacon Request command", "Coordinator realignment command",
            "GTS request command", "TRLE Management Request command", "TRLE Management Response command"};
        for (int i = 1; i < known.length; i++) names[i] = known[i];
        String[] dsme = {"DSME Association Request command", "DSME Association Response command",
            "DSME GTS Request command", "DSME GTS Response command", "DSME GTS Notify command",
            "DSME Information Request command", "DSME Information Response command",
            "DSME Beacon Allocation Notification command", "DSME Beacon Collision Notification command",
            "DSME Link Report command"};
        System.arraycopy(dsme, 0, names, 0x13, dsme.length);
        String[] rit = {"RIT Data Request command", "DBS Request command", "DBS Response command",
            "RIT Data Response command", "Vendor Specific command"};
        System.arraycopy(rit, 0, names, 0x20, rit.length);
        return names;
    }

    /** "Reserved 0xNN" for each index, as tcpdump's tables name the gaps. */
    private static String[] reserved(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) names[i] = String.format("Reserved 0x%02x", i);
        return names;
    }
}
