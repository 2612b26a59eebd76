package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * LSP ping, the MPLS echo request and reply (RFC 8029, formerly RFC 4379; UDP 3503 either side), as tcpdump 4.99
 * prints it (print-lspping.c). By default the message type and sequence number:
 * {@code LSP-PINGv1, MPLS Echo Request, seq 1, length: 48}. With -v the header (message type, reply mode, return
 * code and subcode, sender's handle, sequence number, both NTP timestamps), then every TLV: the Target FEC Stack's
 * sub-TLVs (LDP, BGP, RSVP, L3VPN prefixes, L2VPN endpoint, FEC 128 pseudowires; others in hex), the Downstream
 * Mapping's MTU and addresses (then the TLV in hex, as tcpdump's decoder stops there), the BFD discriminator, the
 * vendor's enterprise number; the TLVs tcpdump does not decode (Pad, Error Code, ...) in hex. With -vv every TLV and
 * sub-TLV is also dumped in hex.
 *
 * <p>As tcpdump: a payload shorter than the header or a TLV longer than what is left is "packet is too short"; a
 * TLV not all captured ends the packet with " [|lspping]" ({@link EarlyEnd}); a sub-TLV advances the walk by its
 * value length only (not its header), as print-lspping.c 4.99 does, so the next one is read 4 bytes early.
 */
final class LsppingFormatter {
    static final int PORT = 3503;
    private static final int HEADER = 32, TLV_HEADER = 4;
    private static final int TARGET_FEC_STACK = 1, DOWNSTREAM_MAPPING = 2, VENDOR_ENTERPRISE = 5,
        BFD_DISCRIMINATOR = 15;
    private static final String TLV_INDENT = "\n\t    ", SUB_INDENT = "\n\t      ";

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    LsppingFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** The message at {@code off}, {@code length} bytes of UDP payload; {@code end} is the snapshot end. */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            message(off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "lspping");
        }
    }

    /** {@code len} is unsigned, as tcpdump's u_int: an IPv6 jumbogram's UDP payload can pass 2^31. */
    private void message(int bp, int len, StringBuilder out) {
        if (Integer.compareUnsigned(len, HEADER) < 0) {
            tooShort(out);
            return;
        }
        bytes.need(bp, HEADER);
        int version = bytes.u16(bp);
        if (version != 1) {
            out.append("LSP-PING version ").append(version).append(" packet not supported");
            return;
        }
        int type = bytes.u8(bp + 4);
        String typeName = type == 1 ? "MPLS Echo Request" : type == 2 ? "MPLS Echo Reply" : null;
        if (!verbosity.verbose()) {
            out.append("LSP-PINGv").append(version).append(", ");
            if (typeName != null) out.append(typeName);
            else out.append("unknown (").append(type).append(')');
            out.append(", seq ");
            Text.u32(out, bytes.u32(bp + 12));
            out.append(", length: ").append(Integer.toUnsignedLong(len));
            return;
        }
        int replyMode = bytes.u8(bp + 5);
        out.append("\n\tLSP-PINGv").append(version).append(", msg-type: ").append(typeName != null ? typeName : "unknown")
            .append(" (").append(type).append("), length: ").append(Integer.toUnsignedLong(len))
            .append("\n\t  reply-mode: ")
            .append(replyMode(replyMode)).append(" (").append(replyMode).append(')');
        int code = bytes.u8(bp + 6), subcode = bytes.u8(bp + 7);
        out.append("\n\t  Return Code: ").append(returnCode(code));
        // the codes whose text ends "at stack depth" get the subcode (the depth) after it
        if (code == 3 || code == 4 || code == 8 || code == 10 || code == 11 || code == 12) {
            out.append(' ').append(subcode);
        }
        out.append(" (").append(code).append(")\n\t  Return Subcode: (").append(subcode).append(')');
        out.append("\n\t  Sender Handle: 0x");
        Text.hex(out, bytes.u32(bp + 8), 8);
        out.append(", Sequence: ");
        Text.u32(out, bytes.u32(bp + 12));
        out.append("\n\t  Sender Timestamp: ");
        NtpFormatter.timestamp(bytes.u32(bp + 16), bytes.u32(bp + 20), out);
        out.append(" Receiver Timestamp: ");
        long seconds = bytes.u32(bp + 24), fraction = bytes.u32(bp + 28);
        if (seconds == 0 && fraction == 0) out.append("no timestamp");
        else NtpFormatter.timestamp(seconds, fraction, out);
        tlvs(bp + HEADER, UnsignedLength.clamped(len - HEADER), out);
    }

    private void tlvs(int tptr, int tlen, StringBuilder out) {
        while (tlen != 0) {
            if (tlen < TLV_HEADER) {
                tooShort(out);
                return;
            }
            int type = bytes.u16(tptr), tlvLength = bytes.u16(tptr + 2);
            out.append("\n\t  ").append(tlvName(type)).append(" TLV (").append(type).append("), length: ")
                .append(tlvLength);
            if (tlvLength == 0) {
                tptr += TLV_HEADER;
                tlen -= TLV_HEADER;
                continue;
            }
            if (tlen < tlvLength + TLV_HEADER) {
                tooShort(out);
                return;
            }
            int value = tptr + TLV_HEADER;
            bytes.need(value, tlvLength);
            int dump = switch (type) {
                case TARGET_FEC_STACK -> targetFecStack(value, tlvLength, out);
                case DOWNSTREAM_MAPPING -> downstreamMapping(value, tlvLength, out);
                case BFD_DISCRIMINATOR -> {
                    if (tlvLength < 4) yield tlvTooShort(out);
                    out.append(TLV_INDENT).append("BFD Discriminator 0x");
                    Text.hex(out, bytes.u32(value), 8);
                    yield 0;
                }
                case VENDOR_ENTERPRISE -> {
                    if (tlvLength < 4) yield tlvTooShort(out);
                    long vendor = bytes.u32(value);
                    out.append(TLV_INDENT).append("Vendor: ").append(RadiusNames.vendor(vendor)).append(" (0x");
                    Text.hex(out, vendor, 4);
                    out.append(')');
                    yield 0;
                }
                default -> {   // Pad, Error Code and the rest tcpdump has no decoder for
                    if (!verbosity.veryVerbose()) bytes.unknownData(out, value, TLV_INDENT, tlvLength);
                    yield 0;
                }
            };
            if (dump == STOP) return;
            if (verbosity.veryVerbose() || dump == DUMP) bytes.unknownData(out, value, TLV_INDENT, tlvLength);
            if (tlvLength % 4 != 0) {   // TLVs are padded to 4 bytes
                tlvLength += 4 - tlvLength % 4;
                if (tlen < tlvLength + TLV_HEADER) {
                    tooShort(out);
                    return;
                }
            }
            tptr += tlvLength + TLV_HEADER;
            tlen -= tlvLength + TLV_HEADER;
        }
    }

    /** What a TLV's decoder asks of the loop: nothing more, a hex dump of the TLV, or the end of the packet. */
    private static final int DUMP = 1, STOP = 2;

    private static int tlvTooShort(StringBuilder out) {
        out.append(SUB_INDENT).append("TLV is too short");
        return DUMP;
    }

    private int targetFecStack(int at, int left, StringBuilder out) {
        while (left != 0) {
            if (left < TLV_HEADER) return tlvTooShort(out);
            int type = bytes.u16(at), length = bytes.u16(at + 2);
            int value = at + TLV_HEADER;
            if (left < length + TLV_HEADER) return tlvTooShort(out);
            bytes.need(value, length);
            out.append("\n\t    ").append(subTlvName(type)).append(" subTLV (").append(type).append("), length: ")
                .append(length);
            boolean dump = subTlv(type, value, length, out);
            if (verbosity.veryVerbose() || dump) bytes.unknownData(out, value, SUB_INDENT, length);
            if (length % 4 != 0) {
                length += 4 - length % 4;
                if (left < length + TLV_HEADER) {
                    out.append("\n\t\t TLV is too short");
                    return STOP;
                }
            }
            at += length;   // not the header: tcpdump 4.99's walk, see the class comment
            left -= length + TLV_HEADER;
        }
        return 0;
    }

    /** One Target FEC Stack sub-TLV; true when it is dumped in hex (unknown, or not of its type's length). */
    private boolean subTlv(int type, int v, int length, StringBuilder out) {
        int expected = switch (type) {
            case 1, 12 -> 5;
            case 2, 13 -> 17;
            case 3 -> 20;
            case 4 -> 56;
            case 6 -> 13;
            case 7 -> 25;
            case 8, 10 -> 14;
            case 9 -> 10;
            default -> -1;
        };
        if (expected < 0) return true;
        if (length != expected) {
            out.append(SUB_INDENT).append("invalid subTLV length, should be ").append(expected);
            return true;
        }
        out.append(SUB_INDENT);
        switch (type) {
            case 1, 12 -> prefix4(v, out);
            case 2, 13 -> prefix6(v, out);
            case 3 -> rsvp(v, 4, out);
            case 4 -> rsvp(v, 16, out);
            case 6 -> {
                out.append("RD: ");
                BgpNlri.routeDistinguisher(bytes, out, v, false);
                out.append(", ");
                prefix4(v + 8, out);
            }
            case 7 -> {
                out.append("RD: ");
                BgpNlri.routeDistinguisher(bytes, out, v, false);
                out.append(", ");
                prefix6(v + 8, out);
            }
            case 8 -> {
                out.append("RD: ");
                BgpNlri.routeDistinguisher(bytes, out, v, false);
                out.append(", Sender VE ID: ").append(bytes.u16(v + 8)).append(", Receiver VE ID: ")
                    .append(bytes.u16(v + 10)).append(SUB_INDENT).append("Encapsulation Type: ");
                pseudowireType(bytes.u16(v + 12), out);
            }
            case 9 -> {
                bytes.ip4(out.append("Remote PE: "), v);
                pseudowire(v + 4, out);
            }
            default -> {   // 10, FEC 128
                bytes.ip4(out.append("Sender PE: "), v);
                bytes.ip4(out.append(", Remote PE: "), v + 4);
                pseudowire(v + 8, out);
            }
        }
        return false;
    }

    private void prefix4(int at, StringBuilder out) {
        bytes.ip4(out, at);
        out.append('/').append(bytes.u8(at + 4));
    }

    private void prefix6(int at, StringBuilder out) {
        bytes.ip6(out, at);
        out.append('/').append(bytes.u8(at + 16));
    }

    /** RSVP session query: end point, 2 zero bytes, tunnel ID, extended tunnel ID, sender, 2 zero bytes, LSP ID. */
    private void rsvp(int v, int size, StringBuilder out) {
        int tunnelId = v + size + 2, extended = tunnelId + 2, sender = extended + size, lspId = sender + size + 2;
        out.append("tunnel end-point ");
        address(v, size, out);
        out.append(", tunnel sender ");
        address(sender, size, out);
        out.append(", lsp-id 0x");
        Text.hex(out, bytes.u16(lspId), 4);
        out.append(SUB_INDENT).append("tunnel-id 0x");
        Text.hex(out, bytes.u16(tunnelId), 4);
        out.append(", extended tunnel-id ");
        address(extended, size, out);
    }

    private void address(int at, int size, StringBuilder out) {
        if (size == 4) bytes.ip4(out, at);
        else bytes.ip6(out, at);
    }

    /** The PW ID and PW type of a FEC 128 pseudowire. */
    private void pseudowire(int at, StringBuilder out) {
        out.append(SUB_INDENT).append("PW ID: 0x");
        Text.hex(out, bytes.u32(at), 8);
        out.append(", PW Type: ");
        pseudowireType(bytes.u16(at + 4), out);
    }

    private static void pseudowireType(int type, StringBuilder out) {
        String name = LdpNames.pseudowireType(type);
        out.append(name != null ? name : "unknown").append(" (").append(type).append(')');
    }

    private int downstreamMapping(int at, int left, StringBuilder out) {
        if (left < 4) return tlvTooShort(out);
        int addressType = bytes.u8(at + 2);
        out.append(TLV_INDENT).append("MTU: ").append(bytes.u16(at)).append(", Address-Type: ").append(switch (addressType) {
            case 1 -> "IPv4";
            case 2 -> "Unnumbered IPv4";
            case 3, 4 -> "IPv6";
            default -> "unknown";
        }).append(" (").append(addressType).append(')');
        int size = switch (addressType) {
            case 1, 2 -> 12;
            case 3 -> 36;
            case 4 -> 24;
            default -> 0;
        };
        if (size != 0) {
            if (left < size) return tlvTooShort(out);
            int ip = addressType <= 2 ? 4 : 16;
            out.append(TLV_INDENT).append("Downstream IP: ");
            address(at + 4, ip, out);
            if (addressType == 1 || addressType == 3) {
                out.append(TLV_INDENT).append("Downstream Interface IP: ");
                address(at + 4 + ip, ip, out);
            } else {
                out.append(TLV_INDENT).append("Downstream Interface Index: 0x");
                Text.hex(out, bytes.u32(at + 4 + ip), 8);
            }
            left -= size;
        }
        if (left < 4) return tlvTooShort(out);
        return DUMP;   // tcpdump decodes no further (multipath, labels): the TLV in hex
    }

    private static void tooShort(StringBuilder out) {
        out.append("\n\t\t packet is too short");
    }

    private static String replyMode(int mode) {
        return switch (mode) {
            case 1 -> "Do not reply";
            case 2 -> "Reply via an IPv4/IPv6 UDP packet";
            case 3 -> "Reply via an IPv4/IPv6 UDP packet with Router Alert";
            case 4 -> "Reply via application level control channel";
            default -> "unknown";
        };
    }

    private static String returnCode(int code) {
        return switch (code) {
            case 0 -> "No return code or return code contained in the Error Code TLV";
            case 1 -> "Malformed echo request received";
            case 2 -> "One or more of the TLVs was not understood";
            case 3 -> "Replying router is an egress for the FEC at stack depth";
            case 4 -> "Replying router has no mapping for the FEC at stack depth";
            case 5, 6, 7 -> "Reserved";
            case 8 -> "Label switched at stack-depth";
            case 9 -> "Label switched but no MPLS forwarding at stack-depth";
            case 10 -> "Mapping for this FEC is not the given label at stack depth";
            case 11 -> "No label entry at stack-depth";
            case 12 -> "Protocol not associated with interface at FEC stack depth";
            case 13 -> "Premature termination of ping due to label stack shrinking to a single label";
            default -> "unknown";
        };
    }

    private static String tlvName(int type) {
        return switch (type) {
            case TARGET_FEC_STACK -> "Target FEC Stack";
            case DOWNSTREAM_MAPPING -> "Downstream Mapping";
            case 3 -> "Pad";
            case 9 -> "Error Code";
            case VENDOR_ENTERPRISE -> "Vendor Enterprise Code";
            case 7 -> "Interface Label Stack";
            case 10 -> "Reply TOS Byte";
            case BFD_DISCRIMINATOR -> "BFD Discriminator";
            case 0xfc00 -> "Vendor Private Code";
            default -> "Unknown";
        };
    }

    private static String subTlvName(int type) {
        return switch (type) {
            case 1 -> "LDP IPv4 prefix";
            case 2 -> "LDP IPv6 prefix";
            case 3 -> "RSVP IPv4 Session Query";
            case 4 -> "RSVP IPv6 Session Query";
            case 5 -> "Reserved";
            case 6 -> "VPN IPv4 prefix";
            case 7 -> "VPN IPv6 prefix";
            case 8 -> "L2 VPN endpoint";
            case 9 -> "FEC 128 pseudowire (old)";
            case 10 -> "FEC 128 pseudowire";
            case 12 -> "BGP labeled IPv4 prefix";
            case 13 -> "BGP labeled IPv6 prefix";
            default -> "Unknown";
        };
    }
}
