package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ETSI ITS GeoNetworking (ethertypes 0x8947 and the old 0x0707; EN 302 636-4-1 common header, EN 302 636-5-1 BTP)
 * and CALM FAST (0x1111, ISO 29281) as tcpdump 4.99 prints them (print-geonet.c, print-calm-fast.c): the Ethernet
 * source when the frame has one ("GeoNet src:MAC; " / "CALM FAST src:MAC; "), GeoNet's version, next header, header
 * type, hop limit, payload length and the sender's GN address and position, then for beacons, single-hop and
 * multi-hop topologically-scoped broadcasts the BTP ports and the ITS PDU header; CALM FAST its two network
 * references. -v adds the rest in hex and ASCII. Fetches past the capture end the line with " [|geonet]" or
 * " [|calm_fast]".
 */
final class GeonetFormatter {
    static final int ETHERTYPE = 0x8947, ETHERTYPE_OLD = 0x0707, ETHERTYPE_CALM_FAST = 0x1111;
    private static final int COMMON_HEADER = 36, MULTI_HOP_EXTENDED = 68 - 36, BTP = 4;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    GeonetFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /** GeoNet at {@code off}; {@code source} is the offset of the frame's 6-byte source MAC, or -1 when none. */
    void geonet(Packet p, int source, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            out.append("GeoNet ");
            if (source >= 0) Text.linkAddress(out.append("src:"), p, source, 6);
            out.append("; ");
            geonet(p, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "geonet");
        }
    }

    /** CALM FAST at {@code off}; {@code source} as for {@link #geonet}. */
    void calmFast(Packet p, int source, int off, int length, StringBuilder out) {
        try (var _ = bytes.reading(p, p.capLen())) {
            out.append("CALM FAST");
            if (source >= 0) Text.linkAddress(out.append(" src:"), p, source, 6);
            out.append("; ");
            if (length < 2) {
                out.append(" (length ").append(length).append(" < 2) (invalid)");
                if (length > 0) bytes.need(off, length);
                return;
            }
            int srcNwref = bytes.u8(off);
            out.append("SrcNwref:").append(srcNwref).append("; ");
            int dstNwref = bytes.u8(off + 1);
            out.append("DstNwref:").append(dstNwref).append("; ");
            if (verbosity.verbose()) dump(p, off + 2, length - 2, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "calm_fast");
        }
    }

    private void geonet(Packet p, int bp, int length, StringBuilder out) {
        if (length < COMMON_HEADER) {
            out.append(" (common header length ").append(length).append(" < 36) (invalid)");
            return;
        }
        int first = bytes.u8(bp), second = bytes.u8(bp + 1);
        int version = first >>> 4, nextHeader = first & 0x0f, type = second >>> 4, subtype = second & 0x0f;
        int payloadLength = bytes.u16(bp + 4), hopLimit = bytes.u8(bp + 7);
        out.append("v:").append(version).append(" NH:").append(nextHeader).append('-').append(switch (nextHeader) {
            case 0 -> "Any";
            case 1 -> "BTP-A";
            case 2 -> "BTP-B";
            case 3 -> "IPv6";
            default -> "Unknown";
        });
        out.append(" HT:").append(type).append('-').append(subtype).append('-').append(typeName(type, subtype));
        out.append(" HopLim:").append(hopLimit).append(" Payload:").append(payloadLength).append(' ');
        bytes.need(bp + 8, 8);
        out.append("GN_ADDR:");
        Text.linkAddress(out, p, bp + 8, 8);
        out.append(' ');
        long latitude = bytes.u32(bp + 20);
        out.append("lat:").append(latitude).append(' ');
        long longitude = bytes.u32(bp + 24);
        out.append("lon:").append(longitude);
        bytes.need(bp, COMMON_HEADER);
        length -= COMMON_HEADER;
        bp += COMMON_HEADER;
        // tcpdump knows the extended header's size for these only: after the others it prints no more fields
        int extended = switch (type) {
            case 0, 1 -> 0;
            case 5 -> subtype == 0 ? 0 : subtype == 1 ? MULTI_HOP_EXTENDED : -1;
            default -> -1;
        };
        if (extended >= 0) {
            if (length < extended) {
                out.append(" (header size ").append(extended).append(" > ").append(length).append(") (invalid)");
                return;
            }
            bytes.need(bp, extended);
            length -= extended;
            bp += extended;
            if (nextHeader == 1 || nextHeader == 2) {
                if (length < BTP) {
                    out.append(" (BTP length ").append(length).append(" < 4) (invalid)");
                    return;
                }
                int dstPort = bytes.u16(bp);
                out.append("; BTP Dst:").append(dstPort);
                int srcPort = bytes.u16(bp + 2);
                out.append(" Src:").append(srcPort);
                length -= BTP;
                bp += BTP;
                if (length >= 2) {
                    int pduVersion = bytes.u8(bp);
                    out.append("; ItsPduHeader v:").append(pduVersion);
                    int message = bytes.u8(bp + 1);
                    out.append(" t:").append(message).append('-');
                    String name = messageName(message);
                    if (name != null) out.append(name);
                    else out.append("unknown (").append(message).append(')');
                }
            }
        }
        if (verbosity.verbose()) dump(p, bp, length, out);
    }

    /** tcpdump's default print: what was captured of {@code length} bytes, and a jump if not all of it. */
    private void dump(Packet p, int off, int length, StringBuilder out) {
        HexDump.hexAndAscii(p, off, length, "\n\t", out);
        if (length > 0) bytes.need(off, length);
    }

    private static String typeName(int type, int subtype) {
        return switch (type) {
            case 0 -> "Any";
            case 1 -> "Beacon";
            case 2 -> "GeoUnicast";
            case 3 -> subtype == 0 ? "GeoAnycastCircle" : subtype == 1 ? "GeoAnycastRect"
                : subtype == 2 ? "GeoAnycastElipse" : "Unknown";
            case 4 -> subtype == 0 ? "GeoBroadcastCircle" : subtype == 1 ? "GeoBroadcastRect"
                : subtype == 2 ? "GeoBroadcastElipse" : "Unknown";
            case 5 -> subtype == 0 ? "TopoScopeBcast-SH" : subtype == 1 ? "TopoScopeBcast-MH" : "Unknown";
            case 6 -> subtype == 0 ? "LocService-Request" : subtype == 1 ? "LocService-Reply" : "Unknown";
            default -> "Unknown";
        };
    }

    private static String messageName(int type) {
        return switch (type) {
            case 0 -> "CAM";
            case 1 -> "DENM";
            case 101 -> "TPEGM";
            case 102 -> "TSPDM";
            case 103 -> "VPM";
            case 104 -> "SRM";
            case 105 -> "SLAM";
            case 106 -> "ecoCAM";
            case 107 -> "ITM";
            case 150 -> "SA";
            default -> null;
        };
    }
}
