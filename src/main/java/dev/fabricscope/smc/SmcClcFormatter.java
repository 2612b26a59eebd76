package dev.fabricscope.smc;

import dev.fabricscope.print.Latin1Builder;
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
    public static void appendMessage(Latin1Builder out, ClcMessage message, boolean showReserved, boolean showHex) {
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
        Latin1Builder sb = new Latin1Builder(512).append(timestamp).append(addresses);
        appendMessage(sb, message, showReserved, showHex);
        return sb.toString();
    }

    /** "10.0.0.1:10001 -> 10.0.0.2:50000": addresses as Go's net.IP prints them (4 or 16 bytes each). */
    public static String addresses(byte[] src, int srcPort, byte[] dst, int dstPort) {
        Latin1Builder sb = new Latin1Builder(96);
        appendAddresses(sb, src, srcPort, dst, dstPort);
        return sb.toString();
    }

    public static void appendAddresses(Latin1Builder out, byte[] src, int srcPort, byte[] dst, int dstPort) {
        GoText.appendIp(out, src);
        out.append(':').append(srcPort).append(" -> ");
        GoText.appendIp(out, dst);
        out.append(':').append(dstPort);
    }

    /** "10.0.0.1:10001" as smc-clc prints one end (IPv6 without brackets, as it does). */
    public static String endpoint(byte[] address, int port) {
        Latin1Builder sb = new Latin1Builder(48);
        GoText.appendIp(sb, address);
        return sb.append(':').append(port).toString();
    }

    /** The message text alone: "Proposal: Eyecatcher: SMC-R, ..., Trailer: SMC-R". */
    public static String describe(ClcMessage message, boolean showReserved) {
        Latin1Builder sb = new Latin1Builder(512);
        describe(sb, message, showReserved);
        return sb.toString();
    }

    public static void describe(Latin1Builder out, ClcMessage message, boolean showReserved) {
        header(out, message.header(), showReserved);
        // instanceof, not a type switch over the sealed ClcMessage: each type switch makes the JVM generate a
        // class when it first runs (SwitchBootstraps, through the ClassFile API), which the AOT cache does not
        // keep; on the smc-clc path that was 5-20 ms of start-up and ~40 ms of CPU (interpreting and compiling
        // the ClassFile API) in every run. ClcVectorTest formats every message type.
        if (message instanceof ClcProposalV1 p) {
            proposalV1(out, p, showReserved);
        } else if (message instanceof ClcProposalV2 p) {
            proposalV2(out, p, showReserved);
        } else if (message instanceof ClcAcceptConfirmSmcr m) {
            smcr(out, m, showReserved);
        } else if (message instanceof ClcAcceptConfirmSmcd m) {
            smcd(out, m, showReserved);
        } else if (message instanceof ClcDecline d) {
            decline(out, d, showReserved);
        } else {
            throw new IllegalStateException("unknown CLC message " + message.getClass().getSimpleName());
        }
        out.append(", Trailer: ").append(message.trailerName());
    }

    private static void header(Latin1Builder out, ClcHeader h, boolean showReserved) {
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
        if (showReserved && !v2Proposal) reserved(out, h.reservedBit());
        out.append(", Path: ").append(ClcHeader.pathName(h.path()));
    }

    private static void local(Latin1Builder out, PeerId peer, byte[] gid, long mac) {
        out.append(", Peer ID: ").append(peer.instance()).append('@');
        GoText.appendMac(out, peer.mac());
        out.append(", SMC-R GID: ");
        GoText.appendIp(out, gid);
        out.append(", RoCE MAC: ");
        GoText.appendMac(out, mac);
    }

    private static void proposalV1(Latin1Builder out, ClcProposalV1 p, boolean showReserved) {
        local(out, p.peerId(), p.smcrGid(), p.roceMac());
        out.append(", IP Area Offset: ").append(p.ipAreaOffset()).append(", ");
        if (p.smcd() != null) {
            out.append("SMC-D GID: ").appendUnsigned(p.smcd().gid()).append(", ");
            if (showReserved) GoText.appendHex(out.append("Reserved: "), p.smcd().reserved()).append(", ");
        }
        ipArea(out, p.ipArea(), showReserved);
    }

    /** "IPv4 Prefix: a/n[, Reserved: 0x0000], IPv6 Prefix Count: c[, IPv6 Prefix: p/l ...]". */
    private static void ipArea(Latin1Builder out, IpPrefixArea ip, boolean showReserved) {
        out.append("IPv4 Prefix: ");
        GoText.appendIpv4(out, ip.ipv4Prefix());
        out.append('/').append(ip.ipv4PrefixLength());
        if (showReserved) reserved(out, ip.reserved());
        out.append(", IPv6 Prefix Count: ").append(ip.ipv6PrefixCount());
        for (IpPrefixArea.Ipv6Prefix prefix : ip.ipv6Prefixes()) {
            out.append(", IPv6 Prefix: ");
            GoText.appendIp(out, prefix.prefix());
            out.append('/').append(prefix.length());
        }
    }

    private static void proposalV2(Latin1Builder out, ClcProposalV2 p, boolean showReserved) {
        local(out, p.peerId(), p.smcrGid(), p.roceMac());
        out.append(", IP Area Offset: ").append(p.ipAreaOffset()).append(", SMC-D GID: ")
            .appendUnsigned(p.smcdGid()).append(", ISMv2 VCHID: ").append(p.ismChid())
            .append(", SMCv2 Extension Offset: ").append(p.v2ExtOffset());
        if (showReserved) reserved(out, p.reserved());
        if (p.ipArea() != null) {
            out.append(", ");
            ipArea(out, p.ipArea(), showReserved);
        }
        ClcProposalV2.V2Extension ext = p.v2Extension();
        if (ext != null) {
            out.append(", EID Number: ").append(ext.eidCount()).append(", GID Number: ").append(ext.gidCount());
            if (showReserved) reserved(out, ext.reserved1());
            out.append(", Release: ").append(ext.release());
            if (showReserved) reserved(out, ext.reservedBits());
            out.append(", SEID Indicator: ").append(ext.seidIndicator());
            if (showReserved) reserved(out, ext.reserved2());
            out.append(", SMC-Dv2 Extension Offset: ").append(ext.smcdV2ExtOffset());
            if (showReserved) reserved(out, ext.optionsArea());
            out.append(", EID Area: [");
            List<byte[]> eids = ext.eids();
            for (int i = 0; i < eids.size(); i++) {
                if (i > 0) out.append(", ");
                GoText.appendEid(out.append("EID ").append(i).append(": "), eids.get(i));
            }
            out.append(']');
        }
        ClcProposalV2.SmcdV2Extension smcd = p.smcdV2Extension();
        if (smcd != null) {
            GoText.appendEid(out.append(", SEID: "), smcd.seid());
            if (showReserved) reserved(out, smcd.reserved());
            out.append(", GID Area: [");
            for (int i = 0; i < smcd.gids().size(); i++) {
                if (i > 0) out.append(", ");
                ClcProposalV2.GidChid g = smcd.gids().get(i);
                out.append("GID ").append(i).append(": ").appendUnsigned(g.gid()).append(", VCHID ")
                    .append(i).append(": ").append(g.chid());
            }
            out.append(']');
        }
    }

    private static void smcr(Latin1Builder out, ClcAcceptConfirmSmcr m, boolean showReserved) {
        local(out, m.peerId(), m.smcrGid(), m.roceMac());
        out.append(", QP Number: ").append(m.qpNumber()).append(", RMB RKey: ").append(m.rmbRkey())
            .append(", RMBE Index: ").append(m.rmbeIndex()).append(", RMBE Alert Token: ").append(m.rmbeAlertToken())
            .append(", RMBE Size: ");
        bufferSize(out, m.rmbeSize());
        out.append(", QP MTU: ").append(m.qpMtu()).append(" (").append(ClcNames.qpMtu(m.qpMtu())).append(')');
        if (showReserved) reserved(out, m.reserved());
        GoText.appendHex(out.append(", RMB Virtual Address: "), m.rmbVirtualAddress());
        if (showReserved) reserved(out, m.reserved2());
        out.append(", Packet Sequence Number: ").append(m.psn());
        ClcAcceptConfirmSmcr.V2 v2 = m.v2();
        if (v2 == null) return;
        GoText.appendEid(out.append(", EID: "), v2.eid());
        if (showReserved) reserved(out, v2.reserved());
        if (v2.fce() != null) firstContact(out, v2.fce(), true, showReserved);
        ClcAcceptConfirmSmcr.GidList list = v2.gidList();
        if (list != null) {
            out.append(", GID Count: ").append(list.count());
            if (showReserved) reserved(out, list.reserved());
            out.append(", GID List: [");
            for (int i = 0; i < list.gids().size(); i++) {
                if (i > 0) out.append(", ");
                out.append("GID ").append(i).append(": ");
                GoText.appendIp(out, list.gids().get(i));
            }
            out.append(']');
        }
    }

    private static void smcd(Latin1Builder out, ClcAcceptConfirmSmcd m, boolean showReserved) {
        out.append(", SMC-D GID: ").appendUnsigned(m.gid()).append(", SMC-D Token: ")
            .appendUnsigned(m.token()).append(", DMBE Index: ").append(m.dmbeIndex())
            .append(", DMBE Size: ");
        bufferSize(out, m.dmbeSize());
        if (showReserved) {
            reserved(out, m.reservedBits());
            reserved(out, m.reserved2());
        }
        out.append(", Link ID: ").append(m.linkId());
        ClcAcceptConfirmSmcd.V2 v2 = m.v2();
        if (v2 == null) {
            if (showReserved) reserved(out, m.reserved3());
            return;
        }
        GoText.appendEid(out.append(", ISMv2 VCHID: ").append(v2.ismChid()).append(", EID: "), v2.eid());
        if (showReserved) reserved(out, v2.gidExt());
        if (v2.fce() != null) firstContact(out, v2.fce(), false, showReserved);
    }

    private static void firstContact(Latin1Builder out, FirstContactExt fce, boolean smcr, boolean showReserved) {
        if (smcr) {
            out.append(", V2 Direct: ").append(fce.v2Direct());
            if (showReserved) reserved(out, fce.reservedBits());
        } else if (showReserved) {
            reserved(out, fce.firstByte());
        }
        out.append(", OS Type: ").append(fce.osType()).append(" (").append(ClcNames.osType(fce.osType()))
            .append("), Release: ").append(fce.release());
        if (showReserved) reserved(out, fce.reserved2());
        GoText.appendEid(out.append(", Hostname: "), fce.hostname());
        FirstContactExt.V2x x = fce.v2x();
        if (x == null) return;
        if (smcr) {
            out.append(", Max Connections: ").append(x.maxConns()).append(", Max Links: ").append(x.maxLinks());
        } else if (showReserved) {
            reserved(out, new byte[] {(byte) x.maxConns(), (byte) x.maxLinks()});
        }
        GoText.appendHex(out.append(", Feature Mask: "), x.featureMask());
        GoText.appendHex(out.append(", Vendor Options: "), x.vendorExpOptions());
        if (showReserved) reserved(out, x.reserved());
    }

    private static void decline(Latin1Builder out, ClcDecline d, boolean showReserved) {
        out.append(", Peer ID: ").append(d.peerId().instance()).append('@');
        GoText.appendMac(out, d.peerId().mac());
        out.append(", Peer Diagnosis: ");
        diagnosis(out, d.peerDiagnosis(), "Unknown");
        if (d.header().isV2()) {
            out.append(", OS Type: ").append(d.osType()).append(" (").append(ClcNames.osType(d.osType())).append(')');
        }
        if (showReserved) reserved(out, d.reserved());
        if (!d.additionalDiagnoses().isEmpty()) {
            out.append(", Additional Peer Diagnosis: [");
            for (int i = 0; i < d.additionalDiagnoses().size(); i++) {
                if (i > 0) out.append(", ");
                diagnosis(out, d.additionalDiagnoses().get(i), "none");
            }
            out.append(']');
        }
    }

    private static void diagnosis(Latin1Builder out, long code, String zeroName) {
        GoText.appendHex(out, code).append(" (").append(code == 0 ? zeroName : ClcNames.declineReason(code))
            .append(')');
    }

    /** smc-clc's ", Reserved: 0x..." (-show-reserved). */
    private static void reserved(Latin1Builder out, long value) {
        GoText.appendHex(out.append(", Reserved: "), value);
    }

    private static void reserved(Latin1Builder out, byte[] value) {
        GoText.appendHex(out.append(", Reserved: "), value);
    }

    private static void bufferSize(Latin1Builder out, int compressed) {
        out.append(compressed).append(" (").append(ClcNames.bufferSize(compressed)).append(')');
    }
}
