package dev.fabricscope.smc;

import dev.fabricscope.capture.BigEndian;
import dev.fabricscope.smc.ClcCursor.Overrun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes ONE complete CLC message (header to trailer) into a {@link ClcMessage}. Never throws for bad input:
 * every read is bounds-checked and problems come back as {@link ClcParseResult.Failed} with a one-line reason.
 * Layouts: Linux net/smc/smc_clc.h; dispatch and minimum lengths as hwipl/smc-go (smc-clc's decoder).
 */
public final class ClcParser {
    private ClcParser() { }

    /** smc-clc refuses messages longer than this (and so does the kernel's receive buffer). */
    public static final int MAX_LENGTH = 1024;
    public static final int TRAILER_LENGTH = 4;

    static final int PROPOSAL_V1_MIN = 52;
    static final int PROPOSAL_V2_MIN = 84;
    static final int SMCR_V1_LENGTH = 68;
    static final int SMCR_V2_LENGTH = 108;
    static final int SMCD_V1_LENGTH = 48;
    static final int SMCD_V2_LENGTH = 78;
    static final int SMCD_AREA_OFFSET = 40;
    static final int EID_LENGTH = 32;
    static final int IPV6_PREFIX_LENGTH = 17;

    /** Whether the 4 bytes at {@code offset} are an SMC-R or SMC-D eyecatcher (false when fewer remain). */
    public static boolean hasEyecatcher(byte[] bytes, int offset, int available) {
        if (offset < 0 || available < 4 || offset > bytes.length - 4) return false;
        return ClcHeader.isEyecatcher(BigEndian.i32(bytes, offset));
    }

    /** Parses the message at {@code offset}; {@code length} is how many bytes are available there. */
    public static ClcParseResult parse(byte[] bytes, int offset, int length) {
        if (bytes == null || offset < 0 || length < 0 || offset > bytes.length || length > bytes.length - offset) {
            return new ClcParseResult.Failed("CLC: bad buffer range (offset " + offset + ", length " + length + ")",
                -1);
        }
        if (length < ClcHeader.LENGTH) {
            return new ClcParseResult.Failed("CLC: " + length + " bytes, shorter than the 8-byte header", -1);
        }
        int eyecatcher = BigEndian.i32(bytes, offset);
        int msgLength = BigEndian.u16(bytes, offset + 5);
        if (!ClcHeader.isEyecatcher(eyecatcher)) {
            return new ClcParseResult.Failed(String.format("CLC: no eyecatcher (0x%08x)", eyecatcher), -1);
        }
        if (msgLength < ClcHeader.LENGTH + TRAILER_LENGTH) {
            return new ClcParseResult.Failed("CLC header: length " + msgLength
                + " is shorter than header and trailer (12 bytes)", msgLength);
        }
        if (msgLength > MAX_LENGTH) {
            return new ClcParseResult.Failed("CLC header: length " + msgLength + " exceeds " + MAX_LENGTH, msgLength);
        }
        if (msgLength > length) {
            return new ClcParseResult.Failed("CLC header: length " + msgLength + " exceeds the " + length
                + " bytes available", msgLength);
        }
        byte[] raw = Arrays.copyOfRange(bytes, offset, offset + msgLength);
        ClcHeader header = ClcHeader.of(eyecatcher, raw[4] & 0xff, msgLength, raw[7] & 0xff);
        int trailer = BigEndian.i32(raw, msgLength - TRAILER_LENGTH);
        if (header.type() == ClcHeader.TYPE_ACCEPT || header.type() == ClcHeader.TYPE_CONFIRM) {
            if (header.path() != ClcHeader.PATH_R && header.path() != ClcHeader.PATH_D) {
                return new ClcParseResult.Failed("CLC " + header.typeName() + ": path "
                    + ClcHeader.pathName(header.path()) + " is neither SMC-R nor SMC-D", msgLength);
            }
        } else if (header.type() != ClcHeader.TYPE_PROPOSAL && header.type() != ClcHeader.TYPE_DECLINE) {
            return new ClcParseResult.Failed("CLC header: unknown message type " + header.type(), msgLength);
        }
        int min = minimumLength(header);
        if (header.length() < min) {
            return new ClcParseResult.Failed(label(header) + ": length " + header.length() + " is shorter than " + min,
                header.length());
        }
        ClcCursor in = new ClcCursor(raw, ClcHeader.LENGTH, msgLength - TRAILER_LENGTH);
        try {
            return new ClcParseResult.Parsed(switch (header.type()) {
                case ClcHeader.TYPE_PROPOSAL -> header.isV2() ? proposalV2(header, in, trailer, raw)
                    : proposalV1(header, in, trailer, raw);
                case ClcHeader.TYPE_DECLINE -> decline(header, in, trailer, raw);
                default -> header.path() == ClcHeader.PATH_R ? smcr(header, in, trailer, raw)
                    : smcd(header, in, trailer, raw);
            });
        } catch (Overrun e) {
            return new ClcParseResult.Failed("CLC " + header.typeName() + ": " + e.getMessage(), msgLength);
        }
    }

    /** The shortest valid length of a message of this type, version and path (checked types and paths). */
    private static int minimumLength(ClcHeader h) {
        return switch (h.type()) {
            case ClcHeader.TYPE_PROPOSAL -> h.isV2() ? PROPOSAL_V2_MIN : PROPOSAL_V1_MIN;
            case ClcHeader.TYPE_DECLINE -> ClcDecline.LENGTH;
            default -> h.path() == ClcHeader.PATH_R ? SMCR_V1_LENGTH : h.isV2() ? SMCD_V2_LENGTH : SMCD_V1_LENGTH;
        };
    }

    /** How errors name the message: "CLC Proposal v2", "SMC-Dv2 CLC Accept", "CLC Decline". */
    private static String label(ClcHeader h) {
        String what = "CLC " + h.typeName();
        if (h.type() == ClcHeader.TYPE_PROPOSAL && h.isV2()) return what + " v2";
        if ((h.type() == ClcHeader.TYPE_ACCEPT || h.type() == ClcHeader.TYPE_CONFIRM) && h.path() == ClcHeader.PATH_D
            && h.isV2()) {
            return "SMC-Dv2 " + what;
        }
        return what;
    }

    private static ClcProposalV1 proposalV1(ClcHeader h, ClcCursor in, int trailer, byte[] raw) {
        PeerId peer = in.peerId();
        byte[] gid = in.bytes(16, "SMC-R GID");
        long mac = in.u48("RoCE MAC");
        int ipAreaOffset = in.u16("IP area offset");
        ClcProposalV1.SmcdArea smcd = null;
        if (ipAreaOffset == SMCD_AREA_OFFSET) {
            smcd = new ClcProposalV1.SmcdArea(in.u64("SMC-D GID"), in.bytes(32, "SMC-D area"));
        } else {
            in.bytes(ipAreaOffset, "IP area offset " + ipAreaOffset);
        }
        IpPrefixArea ip = ipArea(in);
        return new ClcProposalV1(h, peer, gid, mac, ipAreaOffset, smcd, ip, trailer, raw);
    }

    private static ClcProposalV2 proposalV2(ClcHeader h, ClcCursor in, int trailer, byte[] raw) {
        PeerId peer = in.peerId();
        byte[] gid = in.bytes(16, "SMC-R GID");
        long mac = in.u48("RoCE MAC");
        int ipAreaOffset = in.u16("IP area offset");
        long smcdGid = in.u64("SMC-D GID");
        int chid = in.u16("ISMv2 VCHID");
        int v2ExtOffset = in.u16("SMCv2 extension offset");
        byte[] reserved = in.bytes(28, "SMC-D area");
        IpPrefixArea ip = null;
        if (h.path() != ClcHeader.PATH_N) {
            // The IP area follows the 40-byte SMC-D area (offset 40 in every SMCv2 proposal); a larger offset skips.
            if (ipAreaOffset > SMCD_AREA_OFFSET) in.bytes(ipAreaOffset - SMCD_AREA_OFFSET, "IP area offset");
            ip = ipArea(in);
        }
        ClcProposalV2.V2Extension ext = null;
        if (h.pathv2() != ClcHeader.PATH_N) {
            int eidCount = in.u8("EID count");
            int gidCount = in.u8("GID count");
            int reserved1 = in.u8("v2 extension");
            int flags = in.u8("v2 extension flags");
            byte[] reserved2 = in.bytes(2, "v2 extension");
            int smcdOffset = in.u16("SMC-Dv2 extension offset");
            byte[] area = in.bytes(32, "v2 extension");
            List<byte[]> eids = new ArrayList<>();
            for (int i = 0; i < eidCount; i++) eids.add(in.bytes(EID_LENGTH, "EID", i, eidCount));
            ext = new ClcProposalV2.V2Extension(eidCount, gidCount, reserved1, flags >>> 4, (flags >>> 1) & 7,
                flags & 1, reserved2, smcdOffset, area, List.copyOf(eids));
        }
        ClcProposalV2.SmcdV2Extension smcdExt = null;
        if (h.pathv2() == ClcHeader.PATH_D || h.pathv2() == ClcHeader.PATH_B) {
            byte[] seid = in.bytes(EID_LENGTH, "SEID");
            byte[] res = in.bytes(16, "SMC-Dv2 extension");
            int gidCount = ext == null ? 0 : ext.gidCount();
            List<ClcProposalV2.GidChid> gids = new ArrayList<>();
            for (int i = 0; i < gidCount; i++) {
                gids.add(new ClcProposalV2.GidChid(in.u64("GID", i, gidCount),
                    in.u16("VCHID", i, gidCount)));
            }
            smcdExt = new ClcProposalV2.SmcdV2Extension(seid, res, List.copyOf(gids));
        }
        return new ClcProposalV2(h, peer, gid, mac, ipAreaOffset, smcdGid, chid, v2ExtOffset, reserved, ip, ext,
            smcdExt, trailer, raw);
    }

    private static IpPrefixArea ipArea(ClcCursor in) {
        int prefix = (int) in.u32("IPv4 prefix");
        int prefixLength = in.u8("IPv4 prefix length");
        byte[] reserved = in.bytes(2, "IP area");
        int count = in.u8("IPv6 prefix count");
        List<IpPrefixArea.Ipv6Prefix> prefixes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prefixes.add(new IpPrefixArea.Ipv6Prefix(in.bytes(16, "IPv6 prefix", i, count),
                in.u8("IPv6 prefix", i, count)));
        }
        return new IpPrefixArea(prefix, prefixLength, reserved, count, List.copyOf(prefixes));
    }

    private static ClcAcceptConfirmSmcr smcr(ClcHeader h, ClcCursor in, int trailer, byte[] raw) {
        PeerId peer = in.peerId();
        byte[] gid = in.bytes(16, "SMC-R GID");
        long mac = in.u48("RoCE MAC");
        int qpn = in.u24("QP number");
        long rkey = in.u32("RMB rkey");
        int rmbeIndex = in.u8("RMBE index");
        long token = in.u32("RMBE alert token");
        int sizeMtu = in.u8("RMBE size / QP MTU");
        int reserved = in.u8("reserved");
        long rmbAddress = in.u64("RMB virtual address");
        int reserved2 = in.u8("reserved");
        int psn = in.u24("packet sequence number");
        ClcAcceptConfirmSmcr.V2 v2 = null;
        if (h.isV2() && h.length() >= SMCR_V2_LENGTH) {
            byte[] eid = in.bytes(EID_LENGTH, "EID");
            byte[] res = in.bytes(8, "reserved");
            FirstContactExt fce = null;
            ClcAcceptConfirmSmcr.GidList gidList = null;
            int region = in.remaining();
            boolean v2x = region >= FirstContactExt.LENGTH_V2X;
            if (h.type() == ClcHeader.TYPE_CONFIRM && region >= FirstContactExt.LENGTH + 4) {
                // A first-contact Confirm ends in a GID list (count, 3 reserved, 16-byte GIDs): its count tells
                // whether the extension before it is the 36- or the 52-byte form.
                int countAfterBase = raw[in.position() + FirstContactExt.LENGTH] & 0xff;
                v2x = region != FirstContactExt.LENGTH + 4 + 16 * countAfterBase && v2x;
            }
            if (region >= FirstContactExt.LENGTH) fce = firstContact(in, v2x);
            if (h.type() == ClcHeader.TYPE_CONFIRM && in.remaining() >= 4) {
                int count = in.u8("GID list count");
                byte[] listReserved = in.bytes(3, "GID list");
                List<byte[]> gids = new ArrayList<>();
                for (int i = 0; i < count; i++) gids.add(in.bytes(16, "GID list entry", i, count));
                gidList = new ClcAcceptConfirmSmcr.GidList(count, listReserved, List.copyOf(gids));
            }
            v2 = new ClcAcceptConfirmSmcr.V2(eid, res, fce, gidList);
        }
        return new ClcAcceptConfirmSmcr(h, peer, gid, mac, qpn, rkey, rmbeIndex, token, sizeMtu >>> 4, sizeMtu & 15,
            reserved, rmbAddress, reserved2, psn, v2, trailer, raw);
    }

    private static ClcAcceptConfirmSmcd smcd(ClcHeader h, ClcCursor in, int trailer, byte[] raw) {
        long gid = in.u64("SMC-D GID");
        long token = in.u64("SMC-D token");
        int dmbeIndex = in.u8("DMBE index");
        int sizeBits = in.u8("DMBE size");
        byte[] reserved2 = in.bytes(2, "reserved");
        long linkId = in.u32("link ID");
        if (!h.isV2()) {
            byte[] reserved3 = in.bytes(12, "reserved");
            return new ClcAcceptConfirmSmcd(h, gid, token, dmbeIndex, sizeBits >>> 4, sizeBits & 15, reserved2,
                linkId, reserved3, null, trailer, raw);
        }
        int chid = in.u16("ISMv2 VCHID");
        byte[] eid = in.bytes(EID_LENGTH, "EID");
        byte[] gidExt = in.bytes(8, "GID extension");
        int region = in.remaining();
        FirstContactExt fce = region >= FirstContactExt.LENGTH
            ? firstContact(in, region >= FirstContactExt.LENGTH_V2X) : null;
        return new ClcAcceptConfirmSmcd(h, gid, token, dmbeIndex, sizeBits >>> 4, sizeBits & 15, reserved2, linkId,
            null, new ClcAcceptConfirmSmcd.V2(chid, eid, gidExt, fce), trailer, raw);
    }

    private static FirstContactExt firstContact(ClcCursor in, boolean v2x) {
        int first = in.u8("first contact extension");
        int osRelease = in.u8("OS type / release");
        byte[] reserved2 = in.bytes(2, "first contact extension");
        byte[] hostname = in.bytes(EID_LENGTH, "hostname");
        FirstContactExt.V2x ext = null;
        if (v2x) {
            int maxConns = in.u8("max conns");
            int maxLinks = in.u8("max links");
            int featureMask = in.u16("feature mask");
            long vendor = in.u32("vendor options");
            ext = new FirstContactExt.V2x(maxConns, maxLinks, featureMask, vendor, in.bytes(8, "v2x extension"));
        }
        return new FirstContactExt(first >>> 7, first & 0x7f, osRelease >>> 4, osRelease & 15, reserved2, hostname,
            ext);
    }

    private static ClcDecline decline(ClcHeader h, ClcCursor in, int trailer, byte[] raw) {
        PeerId peer = in.peerId();
        long diagnosis = in.u32("peer diagnosis");
        byte[] reserved = in.bytes(4, "reserved");
        int osType = (reserved[0] & 0xff) >>> 4;
        List<Long> more = List.of();
        if (h.isV2()) {
            reserved[0] &= 0x0f;
            if (h.length() >= ClcDecline.LENGTH_V2) {
                more = List.of(in.u32("peer diagnosis 2"), in.u32("peer diagnosis 3"), in.u32("peer diagnosis 4"),
                    in.u32("peer diagnosis 5"));
            }
        }
        return new ClcDecline(h, peer, diagnosis, osType, reserved, more, trailer, raw);
    }
}
