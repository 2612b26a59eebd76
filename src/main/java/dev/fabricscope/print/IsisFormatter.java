package dev.fabricscope.print;

import static dev.fabricscope.print.IsisNames.*;
import static dev.fabricscope.print.OsiFields.LSP_ID;
import static dev.fabricscope.print.OsiFields.NODE_ID;
import static dev.fabricscope.print.OsiFields.SYSTEM_ID;

/**
 * IS-IS (ISO 10589, NLPID 0x83) as tcpdump 4.99 prints it (print-isoclns.c's isis_print). By default one line per
 * PDU: its type and the IDs that tell whose it is ("IS-IS, L2 Lan IIH, src-id 1921.6800.1001, lan-id
 * 1921.6800.1001.01, prio 64, length 1497"; LSPs with their ID, sequence number and lifetime). With -v the header
 * fields (the LSP checksum verified) and every TLV: area addresses, protocols supported, IS and ES neighbors, the old
 * and extended (RFC 5305) IS and IPv4 reachability, IPv6 (RFC 5308) and multi-topology (RFC 5120) reachability with
 * their sub-TLVs ({@link IsisReach}), interface addresses, hostname, TE router ID, authentication (an HMAC-MD5 digest
 * is "unchecked", as tcpdump without -M), restart signaling, the checksum TLV (verified), LSP entries of CSNPs and
 * PSNPs, point-to-point adjacency state, router capability, SPB ({@link IsisSpb}), and so on; TLVs it cannot decode
 * are dumped in hex, and with -vv every header and TLV is dumped too.
 *
 * <p>Reads past the capture jump out ({@link BgpBytes}, tcpdump's GET_ macros; the caller prints " [|isis]"); where
 * tcpdump checks a length first, {@link #print} prints the marker itself and returns normally, and in the places
 * where tcpdump then stops silently (the old IPv4 reachability TLVs) or goes on, so does this printer. Not
 * reentrant; one per {@link OsiFormatter}; allocates nothing.
 */
final class IsisFormatter {
    private static final int COMMON_HEADER = 8, LAN_IIH_HEADER = 19, PTP_IIH_HEADER = 12, LSP_HEADER = 19,
        CSNP_HEADER = 25, PSNP_HEADER = 9;
    private static final String IDENT = IsisReach.IDENT;
    private static final int AREA_ADDRESSES = 1, IS_REACH = 2, ES_NEIGHBORS = 3, PARTITION_DIS = 4,
        PREFIX_NEIGHBORS = 5, IS_NEIGHBORS = 6, INSTANCE_ID = 7, PADDING = 8, LSP_ENTRIES = 9, AUTHENTICATION = 10,
        CHECKSUM = 12, PURGE_ORIGINATOR = 13, LSP_BUFFER_SIZE = 14, EXT_IS_REACH = 22, IS_ALIAS_ID = 24,
        INT_IP_REACH = 128, PROTOCOLS = 129, EXT_IP_REACH = 130, IDRP_INFO = 131, IP_ADDRESSES = 132,
        TE_ROUTER_ID = 134, EXTD_IP_REACH = 135, HOSTNAME = 137, SHARED_RISK_GROUP = 138, MT_PORT_CAPABILITY = 143,
        MT_CAPABILITY = 144, RESTART = 211, MT_IS_REACH = 222, MT_SUPPORTED = 229, IP6_ADDRESSES = 232,
        MT_IP_REACH = 235, IP6_REACH = 236, MT_IP6_REACH = 237, PTP_ADJACENCY = 240, IIH_SEQUENCE = 241,
        ROUTER_CAPABILITY = 242, VENDOR_PRIVATE = 250;
    private static final int AUTH_SIMPLE = 1, AUTH_GENERIC = 3, AUTH_MD5 = 54, MD5_LENGTH = 16, IDRP_ASN = 2;

    /** How a TLV's printer ended, as tcpdump's isis_print goes on after it. */
    private enum Next {
        /** On to the -vv dump and the next TLV. */
        TLV,
        /** tcpdump's tlv_trunc label: the value was too short to print all of; as {@link #TLV}. */
        TLV_TRUNC,
        /** tcpdump's trunc label: " [|isis]" ends the PDU. */
        TRUNC,
        /** The PDU ends without a word (the old IPv4 reachability TLVs' way out). */
        STOP,
        /** A hex dump started past the capture: the PDU fails and the caller dumps it. */
        DUMP_FAILED
    }

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final BgpBytes b;
    private final IsisReach reach;
    private final IsisSpb spb;

    IsisFormatter(Verbosity verbosity, boolean linkHeaders, BgpBytes bytes) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.b = bytes;
        this.reach = new IsisReach(bytes);
        this.spb = new IsisSpb(bytes);
    }

    /**
     * The PDU at {@code p} (its NLPID byte), {@code length} bytes on the wire. False where tcpdump's isis_print fails
     * (an unsupported header, a bad fixed length): the caller then dumps the PDU in hex.
     */
    boolean print(StringBuilder out, int p, int length) {
        // the length unsigned as tcpdump's u_int (a jumbogram's carried PDU passes 2^31), until the PDU length cuts it
        if (!b.has(p, COMMON_HEADER) || Integer.compareUnsigned(length, COMMON_HEADER) < 0) return trunc(out);
        if (!linkHeaders) out.append("IS-IS");
        int version = b.u8(p + 2);
        if (version != 1) {
            out.append("version ").append(version).append(" packet not supported");
            return false;
        }
        int idLength = b.u8(p + 3);
        if (idLength != SYSTEM_ID && idLength != 0) {
            out.append("system ID length of ").append(idLength).append(" is not supported");
            return false;
        }
        int pduVersion = b.u8(p + 5);
        if (pduVersion != 1) {
            out.append("version ").append(pduVersion).append(" packet not supported");
            return false;
        }
        int fixedLength = b.u8(p + 1);
        if (Integer.compareUnsigned(length, fixedLength) < 0) {
            out.append("fixed header length ").append(fixedLength).append(" > packet length ").append(length);
            return false;
        }
        if (fixedLength < COMMON_HEADER) {
            out.append("fixed header length ").append(fixedLength).append(" < minimum header size ")
                .append(COMMON_HEADER);
            return false;
        }
        int maxAreaField = b.u8(p + 7);
        if (maxAreaField == 255) {
            out.append("bad packet -- 255 areas");
            return false;
        }
        int maxArea = maxAreaField == 0 ? 3 : maxAreaField;
        int pduType = b.u8(p + 4);
        String separator = linkHeaders ? "" : ", ";
        String typeName = pduType(pduType);
        if (!verbosity.verbose()) {
            out.append(separator);
            if (typeName != null) out.append(typeName);
            else out.append("unknown PDU-Type ").append(pduType);
        } else {
            out.append(separator).append("length ").append(Integer.toUnsignedLong(length)).append("\n\t");
            if (typeName != null) out.append(typeName);
            else out.append("unknown, type ").append(pduType);
            out.append(", hlen: ").append(fixedLength).append(", v: ").append(version).append(", pdu-v: ")
                .append(pduVersion).append(", sys-id-len: ").append(SYSTEM_ID).append(" (").append(idLength)
                .append("), max-area: ").append(maxArea).append(" (").append(maxAreaField).append(')');
            if (verbosity.veryVerbose()) b.unknownData(out, p, "\n\t", COMMON_HEADER);
        }
        int header = p + COMMON_HEADER;
        int fixedHeader = switch (pduType) {
            case L1_LAN_IIH, L2_LAN_IIH -> LAN_IIH_HEADER;
            case PTP_IIH -> PTP_IIH_HEADER;
            case L1_LSP, L2_LSP -> LSP_HEADER;
            case L1_CSNP, L2_CSNP -> CSNP_HEADER;
            case L1_PSNP, L2_PSNP -> PSNP_HEADER;
            default -> -1;
        };
        if (fixedHeader < 0) {
            if (!verbosity.verbose()) {
                out.append(", length ").append(Integer.toUnsignedLong(length));
                return true;
            }
            b.unknownData(out, header, "\n\t  ", UnsignedLength.clamped(length));
            return false;
        }
        if (fixedLength != COMMON_HEADER + fixedHeader) {
            out.append(fixedHeader == PSNP_HEADER ? "- bogus" : ", bogus").append(" fixed header length ")
                .append(fixedLength).append(" should be ")
                .append(pduType == L1_LSP || pduType == L2_LSP ? LSP_HEADER : COMMON_HEADER + fixedHeader);
            return false;
        }
        if (!b.has(header, fixedHeader) || Integer.compareUnsigned(length, COMMON_HEADER + fixedHeader) < 0) {
            return trunc(out);
        }
        if (!verbosity.verbose()) {
            brief(out, pduType, header);
            out.append(", length ").append(Integer.toUnsignedLong(length));
            return true;
        }
        int pduLength = b.u16(pduType <= PTP_IIH ? header + 9 : header);
        int packetLength = length;
        if (Integer.compareUnsigned(packetLength, pduLength) > 0) {   // decode the TLVs as far as the PDU says it goes
            packetLength = pduLength;
            length = pduLength;
        }
        switch (pduType) {
            case L1_LAN_IIH, L2_LAN_IIH -> {
                OsiFields.id(out, b, "\n\t  source-id: ", header + 1, SYSTEM_ID);
                out.append(",  holding time: ").append(b.u16(header + 7)).append("s, Flags: [");
                circuitType(out, b.u8(header));
                OsiFields.id(out, b, "]\n\t  lan-id:    ", header + 12, NODE_ID);
                out.append(", Priority: ").append(b.u8(header + 11) & 0x7f).append(", PDU length: ").append(pduLength);
            }
            case PTP_IIH -> {
                OsiFields.id(out, b, "\n\t  source-id: ", header + 1, SYSTEM_ID);
                out.append(", holding time: ").append(b.u16(header + 7)).append("s, Flags: [");
                circuitType(out, b.u8(header));
                out.append("]\n\t  circuit-id: 0x");
                Text.hex(out, b.u8(header + 11), 2);
                out.append(", PDU length: ").append(pduLength);
            }
            case L1_LSP, L2_LSP -> lspHeader(out, header, pduLength, length);
            case L1_CSNP, L2_CSNP -> {
                OsiFields.id(out, b, "\n\t  source-id:    ", header + 2, NODE_ID);
                out.append(", PDU length: ").append(pduLength);
                OsiFields.id(out, b, "\n\t  start lsp-id: ", header + 9, LSP_ID);
                OsiFields.id(out, b, "\n\t  end lsp-id:   ", header + 17, LSP_ID);
            }
            default -> {
                OsiFields.id(out, b, "\n\t  source-id:    ", header + 2, NODE_ID);
                out.append(", PDU length: ").append(pduLength);
            }
        }
        if (verbosity.veryVerbose()) b.unknownData(out, header, "\n\t  ", fixedHeader);
        if (packetLength < COMMON_HEADER + fixedHeader) {
            out.append(" [packet length ").append(packetLength).append(" < ").append(COMMON_HEADER + fixedHeader)
                .append("] (invalid)");
            return true;
        }
        return tlvs(out, p, header + fixedHeader, packetLength - COMMON_HEADER - fixedHeader, length);
    }

    /** The PDU's IDs printed without -v. */
    private void brief(StringBuilder out, int pduType, int header) {
        switch (pduType) {
            case L1_LAN_IIH, L2_LAN_IIH -> {
                OsiFields.id(out, b, ", src-id ", header + 1, SYSTEM_ID);
                OsiFields.id(out, b, ", lan-id ", header + 12, NODE_ID);
                out.append(", prio ").append(b.u8(header + 11));
            }
            case PTP_IIH -> OsiFields.id(out, b, ", src-id ", header + 1, SYSTEM_ID);
            case L1_LSP, L2_LSP -> {
                OsiFields.id(out, b, ", lsp-id ", header + 4, LSP_ID);
                out.append(", seq 0x");
                Text.hex(out, b.u32(header + 12), 8);
                out.append(", lifetime ");
                rightAligned(out, b.u16(header + 2), 5);
                out.append('s');
            }
            default -> OsiFields.id(out, b, ", src-id ", header + 2, NODE_ID);
        }
    }

    private static void circuitType(StringBuilder out, int type) {
        String name = IsisNames.circuitType(type);
        if (name != null) {
            out.append(name);
        } else {
            out.append("unknown circuit type 0x");
            Text.hex(out, type, 2);
        }
    }

    /** The LSP header at -v: ID, sequence number, lifetime, checksum (verified), PDU length and the type block. */
    private void lspHeader(StringBuilder out, int header, int pduLength, int length) {
        b.need(header, LSP_HEADER);
        int checksum = b.u16(header + 16);
        OsiFields.id(out, b, "\n\t  lsp-id: ", header + 4, LSP_ID);
        out.append(", seq: 0x");
        Text.hex(out, b.u32(header + 12), 8);
        out.append(", lifetime: ");
        rightAligned(out, b.u16(header + 2), 5);
        out.append("s\n\t  chksum: 0x");
        Text.hex(out, checksum, 4);
        // the checksum covers the PDU from the LSP ID on: 12 bytes after the common header's start
        OsiFields.checksum(out, b, header + 4, checksum, 12, (long) length - 12);
        int typeBlock = b.u8(header + 18);
        out.append(", PDU length: ").append(pduLength).append(", Flags: [ ");
        if ((typeBlock & 0x04) != 0) out.append("Overload bit set, ");
        if ((typeBlock & 0x78) != 0) {
            if ((typeBlock & 0x08) != 0) out.append("default ");
            if ((typeBlock & 0x10) != 0) out.append("delay ");
            if ((typeBlock & 0x20) != 0) out.append("expense ");
            if ((typeBlock & 0x40) != 0) out.append("error ");
            out.append("ATT bit set, ");
        }
        if ((typeBlock & 0x80) != 0) out.append("P bit set, ");
        out.append(isType(typeBlock & 3)).append(" ]");
    }

    /** printf's "%Nu". */
    private static void rightAligned(StringBuilder out, long value, int width) {
        int start = out.length();
        out.append(value);
        for (int n = width - (out.length() - start); n > 0; n--) out.insert(start, ' ');
    }

    /**
     * The TLVs from {@code t}, {@code left} bytes of them; {@code p} is the PDU's start and {@code length} its length
     * (the checksum TLV's range).
     */
    private boolean tlvs(StringBuilder out, int p, int t, int left, int length) {
        while (left > 0) {
            if (!b.has(t, 2) || left < 2) return trunc(out);
            int type = b.u8(t), tlvLength = b.u8(t + 1);
            t += 2;
            left -= 2;
            out.append("\n\t    ").append(tlv(type)).append(" TLV #").append(type).append(", length: ")
                .append(tlvLength);
            if (left < tlvLength) return trunc(out);
            Next next = value(out, type, p, t, tlvLength, length);
            switch (next) {
                case TRUNC -> {
                    return trunc(out);
                }
                case STOP -> {
                    return true;
                }
                case DUMP_FAILED -> {
                    return false;
                }
                default -> { }
            }
            if (verbosity.veryVerbose() && dump(out, t, IDENT, tlvLength) == Next.DUMP_FAILED) return false;
            t += tlvLength;
            left -= tlvLength;
        }
        return true;
    }

    /** tcpdump's print_unknown_data as a TLV printer's last word: DUMP_FAILED where it starts past the capture. */
    private Next dump(StringBuilder out, int at, String indent, int len) {
        boolean past = at > b.end();
        b.unknownData(out, at, indent, len);
        return past ? Next.DUMP_FAILED : Next.TLV;
    }

    /** One TLV's value, {@code tlen} bytes at {@code t}. */
    private Next value(StringBuilder out, int type, int p, int t, int tlen, int length) {
        switch (type) {
            case AREA_ADDRESSES -> {
                while (tlen != 0) {
                    int alen = b.u8(t);
                    t++;
                    tlen--;
                    if (tlen < alen) return Next.TLV_TRUNC;
                    b.need(t, alen);
                    out.append(IDENT).append("Area address (length: ").append(alen).append("): ");
                    b.nsap(out, t, alen);
                    t += alen;
                    tlen -= alen;
                }
            }
            case IS_NEIGHBORS -> {
                for (; tlen != 0; t += 6, tlen -= 6) {
                    if (tlen < 6) return Next.TLV_TRUNC;
                    if (!b.has(t, 6)) return Next.TRUNC;
                    OsiFields.id(out, b, IDENT + "SNPA: ", t, 6);
                }
            }
            case INSTANCE_ID -> {
                if (tlen < 4) return Next.TLV_TRUNC;
                int values = (tlen - 2) / 2;
                int instance = b.u16(t);
                out.append(IDENT).append("Instance ID: ").append(instance).append(", ITIDs(").append(values)
                    .append(')').append(values != 0 ? ":" : "").append(' ');
                t += 2;
                for (int i = 0; i < values; i++, t += 2) {
                    out.append(b.u16(t));
                    if (i < values - 1) out.append(", ");
                }
            }
            case PADDING -> { }
            case MT_IS_REACH, IS_ALIAS_ID, EXT_IS_REACH, EXTD_IP_REACH, MT_IP_REACH, IP6_REACH, MT_IP6_REACH -> {
                if (!reachEntries(out, type, t, tlen)) return Next.TRUNC;
            }
            case IS_REACH -> {
                if (tlen < 1) return Next.TLV_TRUNC;
                int virtual = b.u8(t);
                out.append(IDENT);
                if (virtual == 0) out.append("IsNotVirtual");
                else if (virtual == 1) out.append("IsVirtual");
                else {
                    out.append("bogus virtual flag 0x");
                    Text.hex(out, virtual, 2);
                }
                t++;
                tlen--;
                for (; tlen != 0; t += 11, tlen -= 11) {
                    if (tlen < 11) return Next.TLV_TRUNC;
                    if (!b.has(t, 11)) return Next.TRUNC;
                    OsiFields.id(out, b, IDENT + "IS Neighbor: ", t + 4, NODE_ID);
                    reach.metricBlock(out, t);
                }
            }
            case ES_NEIGHBORS -> {
                for (; tlen != 0; t += 10, tlen -= 10) {
                    if (tlen < 10) return Next.TLV_TRUNC;
                    if (!b.has(t, 10)) return Next.TRUNC;
                    OsiFields.id(out, b, IDENT + "ES Neighbor: ", t + 4, SYSTEM_ID);
                    reach.metricBlock(out, t);
                }
            }
            case INT_IP_REACH, EXT_IP_REACH -> {
                if (!reach.ipReach(out, t, tlen)) return Next.STOP;
            }
            case IP6_ADDRESSES -> {
                for (; tlen != 0; t += 16, tlen -= 16) {
                    if (tlen < 16) return Next.TLV_TRUNC;
                    b.need(t, 16);
                    out.append(IDENT).append("IPv6 interface address: ");
                    b.ip6(out, t);
                }
            }
            case AUTHENTICATION -> {
                return authentication(out, p, t, tlen, length);
            }
            case PTP_ADJACENCY -> {
                return adjacency(out, t, tlen);
            }
            case PROTOCOLS -> {
                out.append(IDENT).append("NLPID(s): ");
                OsiFields.nlpids(out, b, t, tlen);
            }
            case MT_PORT_CAPABILITY, MT_CAPABILITY -> {
                if (tlen < 2) return Next.TLV_TRUNC;
                int value = b.u16(t);
                if (type == MT_PORT_CAPABILITY) {
                    out.append("\n\t       RES: ").append(value >> 12).append(", MTID(s): ").append(value & 0x0fff);
                    if (tlen > 2) spb.portCapabilitySubTlvs(out, t + 2, tlen - 2);
                } else {
                    out.append(IDENT).append("O: ").append(value >> 15 & 1).append(", RES: ").append(value >> 12 & 7)
                        .append(", MTID(s): ").append(value & 0x0fff);
                    if (tlen > 2) spb.mtCapabilitySubTlvs(out, t + 2, tlen - 2);
                }
            }
            case TE_ROUTER_ID -> {
                if (tlen < 4) return Next.TLV_TRUNC;
                b.need(t, 4);
                out.append(IDENT).append("Traffic Engineering Router ID: ");
                b.ip4(out, t);
            }
            case IP_ADDRESSES -> {
                for (; tlen != 0; t += 4, tlen -= 4) {
                    if (tlen < 4) return Next.TLV_TRUNC;
                    b.need(t, 4);
                    out.append(IDENT).append("IPv4 interface address: ");
                    b.ip4(out, t);
                }
            }
            case HOSTNAME -> {
                out.append(IDENT).append("Hostname: ");
                LldpText.untilNul(b, t, tlen, out);
            }
            case SHARED_RISK_GROUP -> {
                return sharedRiskGroup(out, t, tlen);
            }
            case LSP_ENTRIES -> {
                for (; tlen != 0; t += 16, tlen -= 16) {
                    if (tlen < 16) return Next.TLV_TRUNC;
                    if (!b.has(t + 2 + LSP_ID - 1, 1)) return Next.TRUNC;
                    OsiFields.id(out, b, IDENT + "lsp-id: ", t + 2, LSP_ID);
                    long sequence = b.u32(t + 10);
                    out.append(", seq: 0x");
                    Text.hex(out, sequence, 8);
                    int lifetime = b.u16(t);
                    out.append(", lifetime: ");
                    rightAligned(out, lifetime, 5);
                    out.append('s');
                    int checksum = b.u16(t + 14);
                    out.append(", chksum: 0x");
                    Text.hex(out, checksum, 4);
                }
            }
            case CHECKSUM -> {
                if (tlen < 2) break;
                if (!b.has(t, 2)) return Next.TRUNC;
                int checksum = b.u16(t);
                out.append(IDENT).append("checksum: 0x");
                Text.hex(out, checksum, 4);
                out.append(' ');
                OsiFields.checksum(out, b, p, checksum, t - p, length);
            }
            case PURGE_ORIGINATOR -> {
                return purgeOriginator(out, t, tlen);
            }
            case MT_SUPPORTED -> {
                while (tlen != 0) {
                    if (tlen == 1) {
                        out.append(IDENT).append("invalid MT-ID");
                        break;
                    }
                    int mt = reach.mtid(out, t, tlen);
                    if (mt == 0) return Next.TRUNC;
                    t += mt;
                    tlen -= mt;
                }
            }
            case RESTART -> {
                return restart(out, t, tlen);
            }
            case IDRP_INFO -> {
                if (tlen < 1) break;
                int idrp = b.u8(t);
                String name = IsisNames.idrp(idrp);
                out.append(IDENT).append("Inter-Domain Information Type: ");
                if (name != null) {
                    out.append(name);
                } else {
                    out.append("Unknown (0x");
                    Text.hex(out, idrp, 2);
                    out.append(')');
                }
                if (idrp == IDRP_ASN) {
                    if (tlen - 1 < 2) return Next.TLV_TRUNC;
                    int as = b.u16(t + 1);
                    out.append("AS Number: ").append(as);
                } else {
                    return dump(out, t + 1, IDENT, tlen - 1);
                }
            }
            case LSP_BUFFER_SIZE -> {
                if (tlen < 2) break;
                int size = b.u16(t);
                out.append(IDENT).append("LSP Buffersize: ").append(size);
            }
            case PARTITION_DIS -> {
                for (; tlen != 0; t += SYSTEM_ID, tlen -= SYSTEM_ID) {
                    if (tlen < SYSTEM_ID) return Next.TLV_TRUNC;
                    if (!b.has(t, SYSTEM_ID)) return Next.TRUNC;
                    OsiFields.id(out, b, IDENT, t, SYSTEM_ID);
                }
            }
            case PREFIX_NEIGHBORS -> {
                return prefixNeighbors(out, t, tlen);
            }
            case IIH_SEQUENCE -> {
                if (tlen < 4) break;
                long sequence = b.u32(t);
                out.append(IDENT).append("Sequence number: ").append(sequence);
            }
            case ROUTER_CAPABILITY -> {
                if (tlen < 5) {
                    out.append(" [object length ").append(tlen).append(" < 5] (invalid)");
                    break;
                }
                b.need(t, 4);
                out.append(IDENT).append("Router-ID ");
                b.ip4(out, t);
                int flags = b.u8(t + 4);
                out.append(", Flags [");
                LldpText.bits(out, flags, ROUTER_CAPABILITY_FLAGS, ROUTER_CAPABILITY_FLAG_NAMES, "none");
                out.append(']');
                if (tlen > 5) reach.routerCapabilitySubTlvs(out, t + 5, tlen - 5);
            }
            case VENDOR_PRIVATE -> {
                if (tlen < 3) break;
                int vendor = b.u24(t);
                out.append(IDENT).append("Vendor: ").append(TcpdumpOuis.name(vendor)).append(" (").append(vendor)
                    .append(')');
                if (tlen > 3) return dump(out, t + 3, "\n\t\t", tlen - 3);
            }
            default -> {
                if (!verbosity.veryVerbose()) return dump(out, t, "\n\t\t", tlen);
            }
        }
        return Next.TLV;
    }

    /**
     * The entries of an extended IS (or IS alias) or extended IP / IPv6 reachability TLV, after the MT-ID of the
     * multi-topology forms; false where tcpdump stops for a cut entry. An entry longer than what the TLV has left is
     * reported and ends the TLV.
     */
    private boolean reachEntries(StringBuilder out, int type, int t, int tlen) {
        if (type == MT_IS_REACH || type == MT_IP_REACH || type == MT_IP6_REACH) {
            int mt = reach.mtid(out, t, tlen);
            if (mt == 0) return false;
            t += mt;
            tlen -= mt;
        }
        boolean isReach = type == MT_IS_REACH || type == IS_ALIAS_ID || type == EXT_IS_REACH;
        boolean ipv6 = type == IP6_REACH || type == MT_IP6_REACH;
        while (tlen != 0) {
            int used = isReach ? reach.extIsReach(out, t, type, tlen) : reach.extdIpReach(out, t, ipv6);
            if (used == 0) return false;
            if (tlen < used) {
                remainingTooShort(out, tlen, used);
                break;
            }
            tlen -= used;
            t += used;
        }
        return true;
    }

    private static void remainingTooShort(StringBuilder out, int tlen, int used) {
        out.append(" [remaining tlv length ").append(tlen).append(" < ").append(used).append("] (invalid)");
    }

    private Next authentication(StringBuilder out, int p, int t, int tlen, int length) {
        if (tlen < 1) return Next.TLV_TRUNC;
        int authType = b.u8(t);
        t++;
        tlen--;
        String name = IsisNames.authentication(authType);
        out.append(IDENT);
        if (name != null) {
            out.append(name);
        } else {
            out.append("unknown Authentication type 0x");
            Text.hex(out, authType, 2);
        }
        out.append(": ");
        switch (authType) {
            case AUTH_SIMPLE -> LldpText.untilNul(b, t, tlen, out);
            case AUTH_MD5 -> {
                for (int i = 0; i < tlen; i++) Text.hex(out, b.u8(t + i), 2);
                if (tlen != MD5_LENGTH) out.append(", (invalid subTLV) ");
                out.append(" (unchecked)");   // tcpdump verifies the HMAC only with a secret (-M)
            }
            case AUTH_GENERIC -> {
                if (tlen < 2) return Next.TLV_TRUNC;
                out.append(b.u16(t)).append(", password: ");
                for (int i = 2; i < tlen; i++) Text.hex(out, b.u8(t + i), 2);
            }
            default -> {
                return dump(out, t, "\n\t\t  ", tlen);
            }
        }
        return Next.TLV;
    }

    /** RFC 5303's three-way adjacency TLV; tcpdump reads its optional fields at fixed offsets, whatever the length. */
    private Next adjacency(StringBuilder out, int t, int tlen) {
        if (tlen >= 1) {
            int state = b.u8(t);
            out.append(IDENT).append("Adjacency State: ").append(adjacencyState(state)).append(" (").append(state)
                .append(')');
            tlen--;
        }
        if (tlen > 4) {
            long circuit = b.u32(t + 1);
            out.append(IDENT).append("Extended Local circuit-ID: 0x");
            Text.hex(out, circuit, 8);
            tlen -= 4;
        }
        if (tlen >= SYSTEM_ID) {
            if (!b.has(t + 5, SYSTEM_ID)) return Next.TRUNC;
            OsiFields.id(out, b, IDENT + "Neighbor System-ID: ", t + 5, SYSTEM_ID);
            tlen -= SYSTEM_ID;
        }
        if (tlen >= 4) {
            long circuit = b.u32(t + 11);
            out.append(IDENT).append("Neighbor Extended Local circuit-ID: 0x");
            Text.hex(out, circuit, 8);
        }
        return Next.TLV;
    }

    private Next sharedRiskGroup(StringBuilder out, int t, int tlen) {
        if (tlen < NODE_ID) return Next.TLV;
        if (!b.has(t, NODE_ID)) return Next.TRUNC;
        OsiFields.id(out, b, IDENT + "IS Neighbor: ", t, NODE_ID);
        t += NODE_ID;
        tlen -= NODE_ID;
        if (tlen < 1) return Next.TLV;
        int flags = b.u8(t);
        out.append(", Flags: [").append((flags & 1) != 0 ? "numbered" : "unnumbered").append(']');
        t++;
        tlen--;
        if (tlen < 4) return Next.TLV;
        b.need(t, 4);
        out.append(IDENT).append("IPv4 interface address: ");
        b.ip4(out, t);
        t += 4;
        tlen -= 4;
        if (tlen < 4) return Next.TLV;
        b.need(t, 4);
        out.append(IDENT).append("IPv4 neighbor address: ");
        b.ip4(out, t);
        t += 4;
        tlen -= 4;
        for (; tlen != 0; t += 4, tlen -= 4) {
            if (tlen < 4) return Next.TLV_TRUNC;
            long link = b.u32(t);
            out.append(IDENT).append("Link-ID: 0x");
            Text.hex(out, link, 8);
        }
        return Next.TLV;
    }

    private Next purgeOriginator(StringBuilder out, int t, int tlen) {
        if (tlen < 1) return Next.TLV_TRUNC;
        int systems = b.u8(t);
        t++;
        tlen--;
        if (systems == 0) {
            out.append(" No system IDs supplied");
            return Next.TLV;
        }
        if (tlen < SYSTEM_ID) return Next.TLV_TRUNC;
        if (!b.has(t, SYSTEM_ID)) return Next.TRUNC;
        OsiFields.id(out, b, IDENT + "Purge Originator System-ID: ", t, SYSTEM_ID);
        t += SYSTEM_ID;
        tlen -= SYSTEM_ID;
        if (systems > 1) {
            if (tlen < SYSTEM_ID) return Next.TLV_TRUNC;
            if (!b.has(t, 2 * SYSTEM_ID + 1)) return Next.TRUNC;
            OsiFields.id(out, b, IDENT + "Received from System-ID: ", t, SYSTEM_ID);
        }
        return Next.TLV;
    }

    private Next restart(StringBuilder out, int t, int tlen) {
        if (tlen < 1) return Next.TLV;
        if (!b.has(t, 1)) return Next.TRUNC;
        out.append(IDENT).append("Flags [");
        LldpText.bits(out, b.u8(t), RESTART_FLAGS, RESTART_FLAG_NAMES, "none");
        out.append(']');
        t++;
        tlen--;
        if (tlen < 2) return Next.TLV;
        if (!b.has(t, 2)) return Next.TRUNC;
        out.append(", Remaining holding time ").append(b.u16(t)).append('s');
        t += 2;
        tlen -= 2;
        if (tlen == SYSTEM_ID) {
            if (!b.has(t, SYSTEM_ID)) return Next.TRUNC;
            OsiFields.id(out, b, ", for ", t, SYSTEM_ID);
        }
        return Next.TLV;
    }

    /** ISO 10589's prefix neighbors: a metric block, then address prefixes whose lengths count semi-octets. */
    private Next prefixNeighbors(StringBuilder out, int t, int tlen) {
        if (tlen < 4) return Next.TLV;
        if (!b.has(t, 4)) return Next.TRUNC;
        out.append(IDENT).append("Metric Block");
        reach.metricBlock(out, t);
        t += 4;
        tlen -= 4;
        while (tlen != 0) {
            int prefixLength = b.u8(t);
            t++;
            tlen--;
            if (prefixLength < 2) {
                out.append("\n\t\tAddress: prefix length ").append(prefixLength).append(" < 2");
                break;
            }
            if (tlen < prefixLength / 2) break;
            OsiFields.nsap(out, b, "\n\t\tAddress: ", t, prefixLength / 2);
            out.append('/').append(prefixLength * 4);
            t += prefixLength / 2;
            tlen -= prefixLength / 2;
        }
        return Next.TLV;
    }

    private static boolean trunc(StringBuilder out) {
        out.append(" [|isis]");
        return true;
    }
}
