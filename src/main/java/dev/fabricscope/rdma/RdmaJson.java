package dev.fabricscope.rdma;

import dev.fabricscope.json.JsonLine;

/**
 * {@code rdma decode --json}: one object per frame, snake_case field names (listed in
 * {@link dev.fabricscope.cli.RdmaDecodeCommand}). Numbers are JSON integers; ICRCs, keys and addresses
 * that are identifiers are hex strings. {@link #fields} leaves the object open so the caller can add
 * fields (the CM body hook) before {@link JsonLine#end()}.
 */
public final class RdmaJson {
    private RdmaJson() { }

    static String hex(long v, int digits) {
        return String.format("%0" + digits + "x", v);
    }

    /** Begins the object and writes the frame's fields. */
    public static void fields(JsonLine j, DecodedFrame f) {
        j.begin().field("frame", f.frame()).time("time", f.timeNanos());
        switch (f) {
            case DecodedFrame.Transport t -> transport(j, t);
            case DecodedFrame.Pause p -> pause(j, p);
            case DecodedFrame.Truncated t -> j.field("type", "truncated").field("version", t.encapsulation().label())
                .field("reason", t.reason()).field("offset", t.offset());
        }
    }

    private static void transport(JsonLine j, DecodedFrame.Transport t) {
        Bth b = t.bth();
        Opcode op = t.opcode();
        j.field("type", "transport").field("version", t.encapsulation().label())
            .field("src", AddressFormat.toString(t.src())).field("dst", AddressFormat.toString(t.dst()));
        if (t.srcPort() >= 0) j.field("src_port", t.srcPort()).field("dst_port", t.dstPort());
        if (t.slid() >= 0) {
            j.field("slid", t.slid()).field("dlid", t.dlid()).field("sl", t.serviceLevel()).field("vl", t.virtualLane());
        }
        if (t.vlanId() >= 0) j.field("vlan", t.vlanId()).field("pcp", t.pcp());
        if (t.dscp() >= 0) j.field("dscp", t.dscp()).field("ecn", t.ecn());
        j.field("opcode", op.code()).field("opcode_name", op.name()).field("transport", op.family().name())
            .field("dest_qp", b.destQp()).field("psn", b.psn()).field("ack_request", b.ackRequest())
            .field("solicited_event", b.solicitedEvent()).field("mig_req", b.migReq())
            .field("pad_count", b.padCount()).field("transport_version", b.transportVersion())
            .field("p_key", b.pKey()).field("fecn", b.fecn()).field("becn", b.becn());
        ExtendedHeaders h = t.headers();
        if (h.xrcEth() != null) j.field("xrc_srq", h.xrcEth().xrcSrq());
        if (h.rdeth() != null) j.field("rdeth_ee_context", h.rdeth().eeContext());
        if (h.deth() != null) j.field("deth_q_key", h.deth().qKey()).field("deth_src_qp", h.deth().srcQp());
        if (h.feth() >= 0) j.field("feth", h.feth());
        if (h.reth() != null) {
            j.field("reth_va", hex(h.reth().virtualAddress(), 16)).field("reth_r_key", h.reth().rKey())
                .field("reth_dma_length", h.reth().dmaLength());
        }
        if (h.atomicEth() != null) {
            AtomicEth a = h.atomicEth();
            j.field("atomic_va", hex(a.virtualAddress(), 16)).field("atomic_r_key", a.rKey())
                .field("atomic_swap_add", hex(a.swapOrAddData(), 16)).field("atomic_compare", hex(a.compareData(), 16));
        }
        if (h.aeth() != null) {
            Aeth a = h.aeth();
            j.field("aeth_syndrome", a.syndrome()).field("aeth_kind", a.kind().name().toLowerCase(java.util.Locale.ROOT))
                .field("aeth_msn", a.msn());
            switch (a.kind()) {
                case ACK -> j.field("aeth_credits", a.value());
                case RNR_NAK -> j.field("aeth_rnr_timer_us", a.rnrTimerMicros());
                case NAK -> j.field("aeth_nak_code", a.value()).field("aeth_nak_name", Aeth.nakName(a.value()));
                case RESERVED -> { }
            }
        }
        if (h.atomicAckEth() != null) j.field("atomic_ack_orig_data", hex(h.atomicAckEth().originalRemoteData(), 16));
        if (h.immDt() != null) j.field("imm_data", hex(h.immDt().immediateData(), 8));
        if (h.ieth() != null) j.field("ieth_r_key", h.ieth().rKey());
        if (h.truncated()) j.field("headers_truncated", true);
        if (t.payloadLength() >= 0) j.field("payload_length", t.payloadLength());
        else j.raw("payload_length", "null");
        icrc(j, "icrc", t.icrc(), t.icrcComputed(), t.icrcOnWire(), 8);
        if (t.vcrc() != IcrcStatus.NOT_APPLICABLE) icrc(j, "vcrc", t.vcrc(), t.vcrcComputed(), t.vcrcOnWire(), 4);
        MadBaseHeader m = t.mad();
        if (m != null) {
            j.field("mad_mgmt_class", m.mgmtClass()).field("mad_class_name", m.className())
                .field("mad_class_version", m.classVersion()).field("mad_method", m.method())
                .field("mad_method_name", m.methodName()).field("mad_status", m.status())
                .field("mad_tid", hex(m.transactionId(), 16)).field("mad_attribute_id", m.attributeId())
                .field("mad_attribute_name", m.attributeName()).field("mad_attribute_modifier", m.attributeModifier());
        }
        DecodedFrame.IpOverIb i = t.ipOverIb();
        if (i != null) {
            j.field("ipoib_ether_type", i.etherType());
            if (i.src() != null) {
                j.field("ipoib_ip_version", i.ipVersion()).field("ipoib_src", AddressFormat.toString(i.src()))
                    .field("ipoib_dst", AddressFormat.toString(i.dst())).field("ipoib_protocol", i.protocol());
            }
            if (i.srcPort() >= 0) j.field("ipoib_src_port", i.srcPort()).field("ipoib_dst_port", i.dstPort());
        }
    }

    /** {@code <name>_valid} (true/false, null when not checked), {@code <name>} and {@code <name>_computed} hex. */
    static void icrc(JsonLine j, String name, IcrcStatus s, int computed, int onWire, int digits) {
        if (s.checked()) {
            j.field(name + "_valid", s == IcrcStatus.VALID).field(name, hex(onWire & 0xffffffffL, digits))
                .field(name + "_computed", hex(computed & 0xffffffffL, digits));
        } else {
            j.raw(name + "_valid", "null").raw(name, "null").raw(name + "_computed", "null");
        }
        j.field(name + "_status", s.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static void pause(JsonLine j, DecodedFrame.Pause p) {
        j.field("src_mac", AddressFormat.toString(p.srcMac())).field("dst_mac", AddressFormat.toString(p.dstMac()));
        if (p.vlanId() >= 0) j.field("vlan", p.vlanId());
        switch (p.pfc()) {
            case PfcFrame.LinkPause lp -> j.field("type", "pause").field("quanta", lp.quanta());
            case PfcFrame.PriorityPause pp -> {
                StringBuilder q = new StringBuilder("[");
                for (int i = 0; i < PfcFrame.PRIORITIES; i++) q.append(i == 0 ? "" : ",").append(pp.quanta(i));
                j.field("type", "pfc").field("class_enable_vector", pp.classEnableVector()).raw("quanta", q.append(']'));
            }
            case PfcFrame.OtherOpcode o -> j.field("type", "mac_control").field("mac_control_opcode", o.opcode());
            case PfcFrame.Truncated tr -> j.field("type", "mac_control_truncated").field("mac_control_opcode", tr.opcode());
        }
    }
}
