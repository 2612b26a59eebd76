package dev.fabricscope.smc;

import java.util.List;

/**
 * Renders CLC messages as smc-clc (hwipl/smc-clc, decoder hwipl/smc-go pkg/clc) prints them: one line
 * {@code [HH:MM:SS.ffffff ]src:port -> dst:port: <message>} with {@code <message>} from {@link #describe}, then,
 * with -show-hex, Go's hex dump of the message bytes.
 *
 * <p>Byte-identical to smc-clc where smc-clc decodes correctly. Where it does not, this prints the correct decode
 * in smc-clc's style:
 * <ul>
 * <li>SMC-Rv2 Accept/Confirm: after "Packet Sequence Number: n" comes {@code , EID: <eid>} (with -show-reserved
 *     also {@code , Reserved: 0x<8 bytes>}), then the first-contact extension, then (first-contact Confirm) the
 *     GID list {@code , GID List: [GID 0: <ipv6>, ...]} (reserved: {@code , GID Count: n, Reserved: 0x<3 bytes>,
 *     GID List: [...]}; normal: {@code , GID Count: n, GID List: [...]}).</li>
 * <li>First-contact extension: {@code , OS Type: 2 (Linux), Release: 1, Hostname: h} as smc-clc; for SMC-R it is
 *     preceded by {@code , V2 Direct: 1} (reserved: {@code , V2 Direct: 1, Reserved: 0x0}); for SMC-D the first byte
 *     stays {@code , Reserved: 0x0} as smc-clc. The 52-byte v2.x form adds after the hostname, for SMC-R
 *     {@code , Max Connections: c, Max Links: l, Feature Mask: 0x1, Vendor Options: 0x0}, for SMC-D
 *     {@code , Feature Mask: 0x1, Vendor Options: 0x0} (reserved: SMC-D {@code , Reserved: 0x0000} first; both
 *     {@code , Reserved: 0x<8 bytes>} last). smc-clc shows a zeroed extension for anything but 114-byte
 *     SMC-Dv2 messages.</li>
 * <li>SMCv2 Decline of 44 bytes: after "OS Type" (and its reserved field) comes
 *     {@code , Additional Peer Diagnosis: [0x3030002 (no SMC-R device found), 0x3030005 (...), 0x0 (none), 0x0 (none)]}
 *     (0 is "none", other unnamed codes "Unknown").</li>
 * <li>SMCv2 SMC-R Confirm: the header flag is shown as "First Contact" (smc-clc says "Flag").</li>
 * </ul>
 */
public final class SmcClcFormatter {
    private SmcClcFormatter() { }

    /** What follows the addresses in smc-clc's line: ": ", the message text, newline, the hex dump when {@code showHex}. */
    public static void appendMessage(StringBuilder out, ClcMessage message, boolean showReserved, boolean showHex) {
        out.append(": ");
        describe(out, message, showReserved);
        out.append('\n');
        if (showHex) GoText.hexDump(message.raw(), out);
    }

    /**
     * What smc-clc prints for one message, as a string: {@code timestamp} ("" for -show-timestamps=false),
     * {@code addresses} (from {@link #addresses}), then {@link #appendMessage}'s text.
     */
    public static String line(String timestamp, String addresses, ClcMessage message, boolean showReserved,
                              boolean showHex) {
        StringBuilder sb = new StringBuilder(512).append(timestamp).append(addresses);
        appendMessage(sb, message, showReserved, showHex);
        return sb.toString();
    }

    /** "10.0.0.1:10001 -> 10.0.0.2:50000": addresses as Go's net.IP prints them (4 or 16 bytes each). */
    public static String addresses(byte[] src, int srcPort, byte[] dst, int dstPort) {
        StringBuilder sb = new StringBuilder(96);
        appendAddresses(sb, src, srcPort, dst, dstPort);
        return sb.toString();
    }

    public static void appendAddresses(StringBuilder out, byte[] src, int srcPort, byte[] dst, int dstPort) {
        GoText.appendIp(out, src);
        out.append(':').append(srcPort).append(" -> ");
        GoText.appendIp(out, dst);
        out.append(':').append(dstPort);
    }

    /** "10.0.0.1:10001" as smc-clc prints one end (IPv6 without brackets, as it does). */
    public static String endpoint(byte[] address, int port) {
        StringBuilder sb = new StringBuilder(48);
        GoText.appendIp(sb, address);
        return sb.append(':').append(port).toString();
    }

    /** The message text alone: "Proposal: Eyecatcher: SMC-R, ..., Trailer: SMC-R". */
    public static String describe(ClcMessage message, boolean showReserved) {
        StringBuilder sb = new StringBuilder(512);
        describe(sb, message, showReserved);
        return sb.toString();
    }

    public static void describe(StringBuilder out, ClcMessage message, boolean showReserved) {
        header(out, message.header(), showReserved);
        switch (message) {
            case ClcProposalV1 p -> proposalV1(out, p, showReserved);
            case ClcProposalV2 p -> proposalV2(out, p, showReserved);
            case ClcAcceptConfirmSmcr m -> smcr(out, m, showReserved);
            case ClcAcceptConfirmSmcd m -> smcd(out, m, showReserved);
            case ClcDecline d -> decline(out, d, showReserved);
        }
        out.append(", Trailer: ").append(message.trailerName());
    }

    private static void header(StringBuilder out, ClcHeader h, boolean showReserved) {
        out.append(h.typeName()).append(": Eyecatcher: ").append(ClcHeader.eyecatcherName(h.eyecatcher()))
            .append(", Type: ").append(h.type()).append(" (").append(h.typeName()).append("), Length: ")
            .append(h.length()).append(", Version: ").append(h.version()).append(", ");
        boolean v2Proposal = h.type() == ClcHeader.TYPE_PROPOSAL && h.isV2();
        switch (h.type()) {
            case ClcHeader.TYPE_PROPOSAL -> {
                if (v2Proposal) out.append("Pathv2: ").append(ClcHeader.pathName(h.pathv2()));
                else out.append("Flag: ").append(h.flag());
            }
            case ClcHeader.TYPE_ACCEPT -> out.append("First Contact: ").append(h.flag());
            case ClcHeader.TYPE_CONFIRM -> out.append(h.isV2() ? "First Contact: " : "Flag: ").append(h.flag());
            case ClcHeader.TYPE_DECLINE -> out.append("Out of Sync: ").append(h.flag());
            default -> out.append("Flag: ").append(h.flag());
        }
        if (showReserved && !v2Proposal) out.append(", Reserved: ").append(GoText.hex(h.reservedBit()));
        out.append(", Path: ").append(ClcHeader.pathName(h.path()));
    }

    private static void local(StringBuilder out, PeerId peer, byte[] gid, long mac) {
        out.append(", Peer ID: ").append(peer.instance()).append('@');
        GoText.appendMac(out, peer.mac());
        out.append(", SMC-R GID: ");
        GoText.appendIp(out, gid);
        out.append(", RoCE MAC: ");
        GoText.appendMac(out, mac);
    }

    private static void proposalV1(StringBuilder out, ClcProposalV1 p, boolean showReserved) {
        local(out, p.peerId(), p.smcrGid(), p.roceMac());
        out.append(", IP Area Offset: ").append(p.ipAreaOffset()).append(", ");
        if (p.smcd() != null) {
            out.append("SMC-D GID: ").append(Long.toUnsignedString(p.smcd().gid())).append(", ");
            if (showReserved) out.append("Reserved: ").append(GoText.hex(p.smcd().reserved())).append(", ");
        }
        ipArea(out, p.ipArea(), showReserved);
    }

    /** "IPv4 Prefix: a/n[, Reserved: 0x0000], IPv6 Prefix Count: c[, IPv6 Prefix: p/l ...]". */
    private static void ipArea(StringBuilder out, IpPrefixArea ip, boolean showReserved) {
        out.append("IPv4 Prefix: ");
        GoText.appendIpv4(out, ip.ipv4Prefix());
        out.append('/').append(ip.ipv4PrefixLength());
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(ip.reserved()));
        out.append(", IPv6 Prefix Count: ").append(ip.ipv6PrefixCount());
        for (IpPrefixArea.Ipv6Prefix prefix : ip.ipv6Prefixes()) {
            out.append(", IPv6 Prefix: ");
            GoText.appendIp(out, prefix.prefix());
            out.append('/').append(prefix.length());
        }
    }

    private static void proposalV2(StringBuilder out, ClcProposalV2 p, boolean showReserved) {
        local(out, p.peerId(), p.smcrGid(), p.roceMac());
        out.append(", IP Area Offset: ").append(p.ipAreaOffset()).append(", SMC-D GID: ")
            .append(Long.toUnsignedString(p.smcdGid())).append(", ISMv2 VCHID: ").append(p.ismChid())
            .append(", SMCv2 Extension Offset: ").append(p.v2ExtOffset());
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(p.reserved()));
        if (p.ipArea() != null) {
            out.append(", ");
            ipArea(out, p.ipArea(), showReserved);
        }
        ClcProposalV2.V2Extension ext = p.v2Extension();
        if (ext != null) {
            out.append(", EID Number: ").append(ext.eidCount()).append(", GID Number: ").append(ext.gidCount());
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(ext.reserved1()));
            out.append(", Release: ").append(ext.release());
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(ext.reservedBits()));
            out.append(", SEID Indicator: ").append(ext.seidIndicator());
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(ext.reserved2()));
            out.append(", SMC-Dv2 Extension Offset: ").append(ext.smcdV2ExtOffset());
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(ext.optionsArea()));
            out.append(", EID Area: [");
            List<byte[]> eids = ext.eids();
            for (int i = 0; i < eids.size(); i++) {
                if (i > 0) out.append(", ");
                out.append("EID ").append(i).append(": ").append(GoText.eid(eids.get(i)));
            }
            out.append(']');
        }
        ClcProposalV2.SmcdV2Extension smcd = p.smcdV2Extension();
        if (smcd != null) {
            out.append(", SEID: ").append(GoText.eid(smcd.seid()));
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(smcd.reserved()));
            out.append(", GID Area: [");
            for (int i = 0; i < smcd.gids().size(); i++) {
                if (i > 0) out.append(", ");
                ClcProposalV2.GidChid g = smcd.gids().get(i);
                out.append("GID ").append(i).append(": ").append(Long.toUnsignedString(g.gid())).append(", VCHID ")
                    .append(i).append(": ").append(g.chid());
            }
            out.append(']');
        }
    }

    private static void smcr(StringBuilder out, ClcAcceptConfirmSmcr m, boolean showReserved) {
        local(out, m.peerId(), m.smcrGid(), m.roceMac());
        out.append(", QP Number: ").append(m.qpNumber()).append(", RMB RKey: ").append(m.rmbRkey())
            .append(", RMBE Index: ").append(m.rmbeIndex()).append(", RMBE Alert Token: ").append(m.rmbeAlertToken())
            .append(", RMBE Size: ");
        bufferSize(out, m.rmbeSize());
        out.append(", QP MTU: ").append(m.qpMtu()).append(" (").append(ClcNames.qpMtu(m.qpMtu())).append(')');
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(m.reserved()));
        out.append(", RMB Virtual Address: ").append(GoText.hex(m.rmbVirtualAddress()));
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(m.reserved2()));
        out.append(", Packet Sequence Number: ").append(m.psn());
        ClcAcceptConfirmSmcr.V2 v2 = m.v2();
        if (v2 == null) return;
        out.append(", EID: ").append(GoText.eid(v2.eid()));
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(v2.reserved()));
        if (v2.fce() != null) firstContact(out, v2.fce(), true, showReserved);
        ClcAcceptConfirmSmcr.GidList list = v2.gidList();
        if (list != null) {
            out.append(", GID Count: ").append(list.count());
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(list.reserved()));
            out.append(", GID List: [");
            for (int i = 0; i < list.gids().size(); i++) {
                if (i > 0) out.append(", ");
                out.append("GID ").append(i).append(": ");
                GoText.appendIp(out, list.gids().get(i));
            }
            out.append(']');
        }
    }

    private static void smcd(StringBuilder out, ClcAcceptConfirmSmcd m, boolean showReserved) {
        out.append(", SMC-D GID: ").append(Long.toUnsignedString(m.gid())).append(", SMC-D Token: ")
            .append(Long.toUnsignedString(m.token())).append(", DMBE Index: ").append(m.dmbeIndex())
            .append(", DMBE Size: ");
        bufferSize(out, m.dmbeSize());
        if (showReserved) {
            out.append(", Reserved: ").append(GoText.hex(m.reservedBits())).append(", Reserved: ")
                .append(GoText.hex(m.reserved2()));
        }
        out.append(", Link ID: ").append(m.linkId());
        ClcAcceptConfirmSmcd.V2 v2 = m.v2();
        if (v2 == null) {
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(m.reserved3()));
            return;
        }
        out.append(", ISMv2 VCHID: ").append(v2.ismChid()).append(", EID: ").append(GoText.eid(v2.eid()));
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(v2.gidExt()));
        if (v2.fce() != null) firstContact(out, v2.fce(), false, showReserved);
    }

    private static void firstContact(StringBuilder out, FirstContactExt fce, boolean smcr, boolean showReserved) {
        if (smcr) {
            out.append(", V2 Direct: ").append(fce.v2Direct());
            if (showReserved) out.append(", Reserved: ").append(GoText.hex(fce.reservedBits()));
        } else if (showReserved) {
            out.append(", Reserved: ").append(GoText.hex(fce.firstByte()));
        }
        out.append(", OS Type: ").append(fce.osType()).append(" (").append(ClcNames.osType(fce.osType()))
            .append("), Release: ").append(fce.release());
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(fce.reserved2()));
        out.append(", Hostname: ").append(GoText.eid(fce.hostname()));
        FirstContactExt.V2x x = fce.v2x();
        if (x == null) return;
        if (smcr) {
            out.append(", Max Connections: ").append(x.maxConns()).append(", Max Links: ").append(x.maxLinks());
        } else if (showReserved) {
            out.append(", Reserved: ").append(GoText.hex(new byte[] {(byte) x.maxConns(), (byte) x.maxLinks()}));
        }
        out.append(", Feature Mask: ").append(GoText.hex(x.featureMask())).append(", Vendor Options: ")
            .append(GoText.hex(x.vendorExpOptions()));
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(x.reserved()));
    }

    private static void decline(StringBuilder out, ClcDecline d, boolean showReserved) {
        out.append(", Peer ID: ").append(d.peerId().instance()).append('@');
        GoText.appendMac(out, d.peerId().mac());
        out.append(", Peer Diagnosis: ");
        diagnosis(out, d.peerDiagnosis(), "Unknown");
        if (d.header().isV2()) {
            out.append(", OS Type: ").append(d.osType()).append(" (").append(ClcNames.osType(d.osType())).append(')');
        }
        if (showReserved) out.append(", Reserved: ").append(GoText.hex(d.reserved()));
        if (!d.additionalDiagnoses().isEmpty()) {
            out.append(", Additional Peer Diagnosis: [");
            for (int i = 0; i < d.additionalDiagnoses().size(); i++) {
                if (i > 0) out.append(", ");
                diagnosis(out, d.additionalDiagnoses().get(i), "none");
            }
            out.append(']');
        }
    }

    private static void diagnosis(StringBuilder out, long code, String zeroName) {
        out.append(GoText.hex(code)).append(" (").append(code == 0 ? zeroName : ClcNames.declineReason(code))
            .append(')');
    }

    private static void bufferSize(StringBuilder out, int compressed) {
        out.append(compressed).append(" (").append(ClcNames.bufferSize(compressed)).append(')');
    }
}
