package dev.fabricscope.rdma;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code rdma decode} text, one line per frame in the manner of tcpdump -v:
 * <pre>
 * 7 10:15:02.123456 192.168.70.4.49152 > 192.168.70.6.4791: RoCEv2 RC SEND First qp 0x000045 psn 2394 A
 *   pkey 0xffff len 1024 dscp 26 ecn ECT(0) icrc ok
 * </pre>
 * (one line; wrapped here). With verbose, also the BTH's M, pad count and transport version, the ICRC
 * and VCRC values, and LRH SL/VL. A MAD's common header follows on an indented second line. Renders
 * only: the values come decoded in a {@link DecodedFrame}.
 */
public final class RdmaText {
    private final DateTimeFormatter time;

    public RdmaText(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(zone);
    }

    public void append(StringBuilder out, DecodedFrame f, boolean verbose) {
        out.append(f.frame()).append(' ');
        time.formatTo(Instant.ofEpochSecond(Math.floorDiv(f.timeNanos(), 1_000_000_000L),
            Math.floorMod(f.timeNanos(), 1_000_000_000L)), out);
        out.append(' ');
        switch (f) {
            case DecodedFrame.Transport t -> transport(out, t, verbose);
            case DecodedFrame.Pause p -> pause(out, p, verbose);
            case DecodedFrame.Truncated t -> out.append(t.encapsulation().label()).append(" [|")
                .append(t.reason()).append(" at offset ").append(t.offset()).append(']');
        }
        out.append('\n');
    }

    private static void transport(StringBuilder out, DecodedFrame.Transport t, boolean verbose) {
        if (t.encapsulation() == DecodedFrame.Encapsulation.IB) {
            out.append("lid ").append(t.slid()).append(" > lid ").append(t.dlid());
            if (t.src() != null) {
                out.append(" (");
                AddressFormat.append(out, t.src());
                out.append(" > ");
                AddressFormat.append(out, t.dst());
                out.append(')');
            }
        } else {
            AddressFormat.append(out, t.src());
            if (t.srcPort() >= 0) out.append('.').append(t.srcPort());
            out.append(" > ");
            AddressFormat.append(out, t.dst());
            if (t.dstPort() >= 0) out.append('.').append(t.dstPort());
        }
        out.append(": ");
        if (t.vlanId() >= 0) out.append("vlan ").append(t.vlanId()).append(" p ").append(t.pcp()).append(' ');
        out.append(t.encapsulation().label()).append(' ');
        Bth b = t.bth();
        Opcode op = t.opcode();
        out.append(op.defined() ? op.name() : op.name() + String.format(" (0x%02x)", op.code()));
        out.append(String.format(" qp 0x%06x psn %d", b.destQp(), b.psn()));
        if (b.ackRequest()) out.append(" A");
        if (b.solicitedEvent()) out.append(" SE");
        if (b.fecn()) out.append(" FECN");
        if (b.becn()) out.append(" BECN");
        if (verbose) {
            if (b.migReq()) out.append(" M");
            out.append(" pad ").append(b.padCount()).append(" tver ").append(b.transportVersion());
        }
        out.append(String.format(" pkey 0x%04x", b.pKey()));
        headers(out, t.headers());
        if (t.payloadLength() >= 0) out.append(" len ").append(t.payloadLength());
        if (verbose && t.serviceLevel() >= 0) out.append(" sl ").append(t.serviceLevel()).append(" vl ").append(t.virtualLane());
        if (t.dscp() >= 0) out.append(" dscp ").append(t.dscp()).append(" ecn ").append(ecnName(t.ecn()));
        crc(out, "icrc", t.icrc(), t.icrcComputed(), t.icrcOnWire(), 8, verbose);
        if (t.vcrc() != IcrcStatus.NOT_APPLICABLE) crc(out, "vcrc", t.vcrc(), t.vcrcComputed(), t.vcrcOnWire(), 4, verbose);
        MadBaseHeader m = t.mad();
        if (m != null) {
            out.append("\n    MAD ");
            mad(out, m, verbose);
        } else if (t.madOffset() >= 0) {
            out.append("\n    MAD [|").append(t.madAvailable()).append(" of 24 header bytes]");
        }
        if (t.ipOverIb() != null) ipOverIb(out, t.ipOverIb());
    }

    /**
     * "IPoIB IP 10.0.0.36.49501 > 10.0.0.255.49501: UDP", "IPoIB IP6 a > b: ICMPv6", "IPoIB ARP" (tcpdump's words);
     * an IP header cut short is "IPoIB IP [|ip]".
     */
    private static void ipOverIb(StringBuilder out, DecodedFrame.IpOverIb i) {
        out.append("\n    IPoIB ");
        boolean v4 = i.etherType() == 0x0800;
        if (i.etherType() == 0x0806) {
            out.append("ARP");
            return;
        }
        if (i.src() == null) {
            out.append(v4 ? "IP [|ip]" : "IP6 [|ip6]");
            return;
        }
        out.append(v4 ? "IP " : "IP6 ");
        AddressFormat.append(out, i.src());
        if (i.srcPort() >= 0) out.append('.').append(i.srcPort());
        out.append(" > ");
        AddressFormat.append(out, i.dst());
        if (i.dstPort() >= 0) out.append('.').append(i.dstPort());
        out.append(": ").append(switch (i.protocol()) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 58 -> "ICMPv6";
            default -> "proto " + i.protocol();
        });
    }

    /** "CM v2 Send REQ tid 0x000000117a2fac19" (verbose: base version, status, attribute modifier). */
    public static void mad(StringBuilder out, MadBaseHeader m, boolean verbose) {
        out.append(m.className()).append(" v").append(m.classVersion()).append(' ').append(m.methodName()).append(' ');
        String attr = m.attributeName();
        out.append(attr != null ? attr : String.format("attribute 0x%04x", m.attributeId()));
        out.append(String.format(" tid 0x%016x", m.transactionId()));
        if (m.status() != 0) out.append(String.format(" status 0x%04x", m.status()));
        if (verbose) {
            out.append(" base_version ").append(m.baseVersion());
            out.append(String.format(" attr_mod 0x%08x", m.attributeModifier()));
        }
    }

    private static void crc(StringBuilder out, String name, IcrcStatus s, int computed, int onWire, int digits,
                            boolean verbose) {
        out.append(' ').append(name);
        String fmt = "%0" + digits + "x";
        switch (s) {
            case VALID -> {
                if (verbose) out.append(" 0x").append(String.format(fmt, onWire));
                out.append(" ok");
            }
            case INVALID -> out.append(" BAD (wire 0x").append(String.format(fmt, onWire)).append(", computed 0x")
                .append(String.format(fmt, computed)).append(')');
            case TRUNCATED -> out.append(" not checked (truncated)");
            case NOT_APPLICABLE -> out.append(" none");
        }
    }

    static void headers(StringBuilder out, ExtendedHeaders h) {
        if (h.xrcEth() != null) out.append(String.format(" xrcsrq 0x%06x", h.xrcEth().xrcSrq()));
        if (h.rdeth() != null) out.append(String.format(" rdeth eec 0x%06x", h.rdeth().eeContext()));
        if (h.deth() != null) out.append(String.format(" deth qkey 0x%08x src_qp 0x%06x", h.deth().qKey(), h.deth().srcQp()));
        if (h.feth() >= 0) out.append(String.format(" feth 0x%08x", h.feth()));
        if (h.reth() != null) {
            out.append(String.format(" reth va 0x%016x rkey 0x%08x dmalen %d", h.reth().virtualAddress(), h.reth().rKey(),
                h.reth().dmaLength()));
        }
        if (h.atomicEth() != null) {
            AtomicEth a = h.atomicEth();
            out.append(String.format(" atomic va 0x%016x rkey 0x%08x swap_add 0x%016x compare 0x%016x",
                a.virtualAddress(), a.rKey(), a.swapOrAddData(), a.compareData()));
        }
        if (h.aeth() != null) aeth(out, h.aeth());
        if (h.atomicAckEth() != null) out.append(String.format(" orig_data 0x%016x", h.atomicAckEth().originalRemoteData()));
        if (h.immDt() != null) out.append(String.format(" imm 0x%08x", h.immDt().immediateData()));
        if (h.ieth() != null) out.append(String.format(" ieth rkey 0x%08x", h.ieth().rKey()));
        if (h.truncated()) out.append(" [|ext]");
    }

    /** "aeth ACK credits 31 msn 5", "aeth RNR-NAK timer 0.01ms msn 5", "aeth NAK PSN Sequence Error msn 5". */
    static void aeth(StringBuilder out, Aeth a) {
        out.append(" aeth ");
        switch (a.kind()) {
            case ACK -> {
                out.append("ACK credits ");
                if (a.value() == Aeth.CREDITS_INVALID) out.append("invalid");
                else out.append(a.value());
            }
            case RNR_NAK -> out.append("RNR-NAK timer ").append(millis(a.rnrTimerMicros())).append("ms");
            case NAK -> out.append("NAK ").append(Aeth.nakName(a.value()));
            case RESERVED -> out.append(String.format("reserved syndrome 0x%02x", a.syndrome()));
        }
        out.append(" msn ").append(a.msn());
    }

    private static String millis(int micros) {
        return java.math.BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString();
    }

    public static String ecnName(int ecn) {
        return switch (ecn) {
            case 0 -> "Not-ECT";
            case 1 -> "ECT(1)";
            case 2 -> "ECT(0)";
            case 3 -> "CE";
            default -> "?";
        };
    }

    private static void pause(StringBuilder out, DecodedFrame.Pause p, boolean verbose) {
        AddressFormat.append(out, p.srcMac());
        out.append(" > ");
        AddressFormat.append(out, p.dstMac());
        out.append(": ");
        if (p.vlanId() >= 0) out.append("vlan ").append(p.vlanId()).append(' ');
        switch (p.pfc()) {
            case PfcFrame.LinkPause lp -> out.append("PAUSE quanta ").append(lp.quanta());
            case PfcFrame.PriorityPause pp -> {
                out.append(String.format("PFC vector 0x%02x", pp.classEnableVector()));
                for (int i = 0; i < PfcFrame.PRIORITIES; i++) {
                    if (!verbose && !pp.enabled(i)) continue;
                    out.append(" p").append(i).append(' ').append(pp.quanta(i));
                    if (verbose && !pp.enabled(i)) out.append("(off)");
                }
            }
            case PfcFrame.OtherOpcode o -> out.append(String.format("MAC control opcode 0x%04x", o.opcode()));
            case PfcFrame.Truncated tr -> out.append(tr.opcode() == PfcFrame.OPCODE_PFC ? "PFC" : tr.opcode() == PfcFrame.OPCODE_PAUSE
                ? "PAUSE" : "MAC control").append(" [|").append(tr.available()).append(" of ").append(tr.needed())
                .append(" bytes]");
        }
    }
}
