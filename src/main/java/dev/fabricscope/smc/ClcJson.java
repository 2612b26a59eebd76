package dev.fabricscope.smc;

import dev.fabricscope.json.JsonLine;
import java.util.List;

/**
 * The decoded fields of a CLC message as JSON members (smc-clc -json), one snake_case name per field,
 * stable for scripts (documented in the README). Addresses and GIDs are text as smc-clc prints them
 * (IPv4-mapped GIDs as dotted quads), MACs "aa:bb:cc:dd:ee:ff"; 64-bit values that may exceed JSON's safe
 * integers (SMC-D GIDs and tokens) are decimal strings, virtual addresses and codes "0x..." strings.
 * Reserved fields are left out (the {@code text} member shows them with -show-reserved).
 */
public final class ClcJson {
    private ClcJson() { }

    public static void appendFields(JsonLine json, ClcMessage message) {
        switch (message) {
            case ClcProposalV1 p -> proposalV1(json, p);
            case ClcProposalV2 p -> proposalV2(json, p);
            case ClcAcceptConfirmSmcr m -> smcr(json, m);
            case ClcAcceptConfirmSmcd m -> smcd(json, m);
            case ClcDecline d -> decline(json, d);
        }
    }

    private static void peer(JsonLine json, PeerId peer) {
        json.field("peer_id", peer.instance() + "@" + GoText.mac(peer.mac()))
            .field("peer_instance", peer.instance())
            .field("peer_mac", GoText.mac(peer.mac()));
    }

    private static void local(JsonLine json, PeerId peer, byte[] gid, long mac) {
        peer(json, peer);
        json.field("smcr_gid", GoText.ip(gid)).field("roce_mac", GoText.mac(mac));
    }

    private static void proposalV1(JsonLine json, ClcProposalV1 p) {
        local(json, p.peerId(), p.smcrGid(), p.roceMac());
        json.field("ip_area_offset", p.ipAreaOffset());
        if (p.smcd() != null) json.field("smcd_gid", Long.toUnsignedString(p.smcd().gid()));
        ipArea(json, p.ipArea());
    }

    private static void ipArea(JsonLine json, IpPrefixArea ip) {
        if (ip == null) return;
        json.field("ipv4_prefix", GoText.ipv4(ip.ipv4Prefix()) + "/" + ip.ipv4PrefixLength())
            .field("ipv6_prefix_count", ip.ipv6PrefixCount())
            .array("ipv6_prefixes");
        for (IpPrefixArea.Ipv6Prefix prefix : ip.ipv6Prefixes()) json.value(GoText.ip(prefix.prefix()) + "/" + prefix.length());
        json.close();
    }

    private static void proposalV2(JsonLine json, ClcProposalV2 p) {
        local(json, p.peerId(), p.smcrGid(), p.roceMac());
        json.field("ip_area_offset", p.ipAreaOffset())
            .field("smcd_gid", Long.toUnsignedString(p.smcdGid()))
            .field("ism_chid", p.ismChid())
            .field("v2_extension_offset", p.v2ExtOffset());
        ipArea(json, p.ipArea());
        ClcProposalV2.V2Extension ext = p.v2Extension();
        if (ext != null) {
            json.field("eid_count", ext.eidCount())
                .field("gid_count", ext.gidCount())
                .field("release", ext.release())
                .field("seid_indicator", ext.seidIndicator())
                .field("smcd_v2_extension_offset", ext.smcdV2ExtOffset())
                .field("rocev2_gid", GoText.ip(ext.roceGid()))
                .field("max_conns", ext.maxConns())
                .field("max_links", ext.maxLinks())
                .field("feature_mask", GoText.hex(ext.featureMask()));
            strings(json, "eids", ext.eids());
        }
        ClcProposalV2.SmcdV2Extension smcd = p.smcdV2Extension();
        if (smcd != null) {
            json.field("seid", GoText.eid(smcd.seid())).array("smcd_gids");
            for (ClcProposalV2.GidChid g : smcd.gids()) {
                json.object().field("gid", Long.toUnsignedString(g.gid())).field("chid", g.chid()).close();
            }
            json.close();
        }
    }

    private static void strings(JsonLine json, String name, List<byte[]> eids) {
        json.array(name);
        for (byte[] eid : eids) json.value(GoText.eid(eid));
        json.close();
    }

    private static void smcr(JsonLine json, ClcAcceptConfirmSmcr m) {
        local(json, m.peerId(), m.smcrGid(), m.roceMac());
        json.field("qp_number", m.qpNumber())
            .field("rmb_rkey", m.rmbRkey())
            .field("rmbe_index", m.rmbeIndex())
            .field("rmbe_alert_token", m.rmbeAlertToken())
            .field("rmbe_size", m.rmbeSize())
            .field("rmbe_size_bytes", ClcNames.bufferSize(m.rmbeSize()))
            .field("qp_mtu", m.qpMtu())
            .field("qp_mtu_name", ClcNames.qpMtu(m.qpMtu()))
            .field("rmb_virtual_address", GoText.hex(m.rmbVirtualAddress()))
            .field("psn", m.psn());
        ClcAcceptConfirmSmcr.V2 v2 = m.v2();
        if (v2 == null) return;
        json.field("eid", GoText.eid(v2.eid()));
        if (v2.fce() != null) firstContact(json, v2.fce(), true);
        if (v2.gidList() != null) {
            json.array("gids");
            for (byte[] gid : v2.gidList().gids()) json.value(GoText.ip(gid));
            json.close();
        }
    }

    private static void smcd(JsonLine json, ClcAcceptConfirmSmcd m) {
        json.field("smcd_gid", Long.toUnsignedString(m.gid()))
            .field("smcd_token", Long.toUnsignedString(m.token()))
            .field("dmbe_index", m.dmbeIndex())
            .field("dmbe_size", m.dmbeSize())
            .field("dmbe_size_bytes", ClcNames.bufferSize(m.dmbeSize()))
            .field("link_id", m.linkId());
        ClcAcceptConfirmSmcd.V2 v2 = m.v2();
        if (v2 == null) return;
        json.field("ism_chid", v2.ismChid()).field("eid", GoText.eid(v2.eid()));
        if (v2.fce() != null) firstContact(json, v2.fce(), false);
    }

    /** The first-contact extension; max conns/links are SMC-R fields (reserved for SMC-D). */
    private static void firstContact(JsonLine json, FirstContactExt fce, boolean smcr) {
        json.object("first_contact");
        if (smcr) json.field("v2_direct", fce.v2Direct());
        json.field("os_type", fce.osType())
            .field("os_type_name", ClcNames.osType(fce.osType()))
            .field("release", fce.release())
            .field("hostname", GoText.eid(fce.hostname()));
        FirstContactExt.V2x x = fce.v2x();
        if (x != null) {
            if (smcr) json.field("max_conns", x.maxConns()).field("max_links", x.maxLinks());
            json.field("feature_mask", GoText.hex(x.featureMask()))
                .field("vendor_options", GoText.hex(x.vendorExpOptions()));
        }
        json.close();
    }

    private static void decline(JsonLine json, ClcDecline d) {
        peer(json, d.peerId());
        json.field("peer_diagnosis", ClcNames.codeHex(d.peerDiagnosis()))
            .field("peer_diagnosis_name", ClcNames.declineReason(d.peerDiagnosis()));
        if (d.header().isV2()) json.field("os_type", d.osType()).field("os_type_name", ClcNames.osType(d.osType()));
        json.array("additional_diagnoses");
        for (long code : d.additionalDiagnoses()) {
            json.object().field("code", ClcNames.codeHex(code))
                .field("name", code == 0 ? "none" : ClcNames.declineReason(code)).close();
        }
        json.close();
    }
}
