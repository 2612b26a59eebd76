package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.Malformed;
import dev.fabricscope.dissect.NetworkKind;

/**
 * Turns a dissected frame into a {@link DecodedFrame} for display: every BTH field, the extended headers
 * the opcode announces, addresses, DSCP/ECN, ICRC (and VCRC) status, where a MAD sits; or a PAUSE/PFC
 * frame. Allocates the records it returns (display path); hot paths use {@link Bth}'s static accessors
 * and {@link Icrc} directly. One instance per thread (it owns an {@link Icrc}).
 */
public final class RdmaDecoder {
    /** A MAD rides in a UD SEND Only to QP 0 (SMI) or QP 1 (GSI) after BTH + DETH. */
    public static final int MAD_OFFSET_AFTER_BTH = Bth.LENGTH + Deth.LENGTH;

    private final Icrc icrc = new Icrc();

    /** The ICRC checker (its last results describe the last decoded frame). */
    public Icrc icrc() {
        return icrc;
    }

    /** True for frames {@link #decode} returns something for. */
    public static boolean isRdmaOrPause(Layers l) {
        return l.ibBthOffset >= 0 || l.roceVersion != 0 || l.ibLrhOffset >= 0 || PfcFrame.isMacControl(l);
    }

    /** The decoded frame, or null when it is neither RoCE/IB nor a MAC control frame. */
    public DecodedFrame decode(Packet p, Layers l) {
        long frame = p.frameNumber();
        long time = p.timestampNanos();
        if (PfcFrame.isMacControl(l)) {
            return new DecodedFrame.Pause(frame, time, bytes(p, l.srcMacOffset, 6), bytes(p, l.dstMacOffset, 6),
                l.vlanCount > 0 ? l.vlanVid[0] : -1, PfcFrame.read(p, l));
        }
        DecodedFrame.Encapsulation enc = l.roceVersion == 2 ? DecodedFrame.Encapsulation.ROCE_V2
            : l.roceVersion == 1 ? DecodedFrame.Encapsulation.ROCE_V1
            : l.ibLrhOffset >= 0 ? DecodedFrame.Encapsulation.IB : null;
        if (enc == null) return null;
        int bth = l.ibBthOffset;
        if (bth < 0) {
            if (l.malformed == Malformed.NONE) return null;   // e.g. raw IB (LNH 0/1): no transport header
            return new DecodedFrame.Truncated(frame, time, enc, l.malformed.description(), l.malformedOffset);
        }
        int ipVersion = 0;
        byte[] src = null;
        byte[] dst = null;
        int srcPort = -1;
        int dstPort = -1;
        int slid = -1;
        int dlid = -1;
        int sl = -1;
        int vl = -1;
        int dscp = -1;
        int ecn = -1;
        switch (enc) {
            case ROCE_V2 -> {
                ipVersion = l.networkKind == NetworkKind.IPV4 ? 4 : 6;
                int len = ipVersion == 4 ? 4 : 16;
                src = bytes(p, l.srcAddrOffset, len);
                dst = bytes(p, l.dstAddrOffset, len);
                srcPort = l.srcPort;
                dstPort = l.dstPort;
                dscp = l.dscp;
                ecn = l.ecn;
            }
            case ROCE_V1, IB -> {
                int lrh = l.ibLrhOffset;
                if (lrh >= 0) {
                    vl = p.u8(lrh) >>> 4;
                    sl = p.u8(lrh + 1) >>> 4;
                    dlid = p.u16(lrh + 2);
                    slid = p.u16(lrh + 6);
                }
                int grh = l.ibGrhOffset;
                if (grh >= 0) {
                    ipVersion = 6;
                    src = bytes(p, grh + 8, 16);
                    dst = bytes(p, grh + 24, 16);
                    int tc = ((p.u8(grh) & 0x0f) << 4) | (p.u8(grh + 1) >>> 4);
                    dscp = tc >>> 2;
                    ecn = tc & 3;
                }
            }
        }
        Bth b = Bth.read(p, bth);
        Opcode op = Opcode.of(b.opcode());
        int icrcStart = icrcStart(p, l);
        int end = icrcStart < 0 ? p.capLen() : icrcStart;
        ExtendedHeaders headers = ExtendedHeaders.read(p, bth, op, end);
        int payloadOffset = Opcode.payloadOffset(bth, b.opcode());
        int payloadLength = icrcStart < 0 ? -1 : icrcStart - payloadOffset - b.padCount();
        if (payloadLength < 0) payloadLength = -1;
        IcrcStatus status = icrc.check(p, l);
        IcrcStatus vstatus = icrc.checkVcrc(p, l);
        int madOffset = -1;
        int madAvailable = 0;
        if ((b.opcode() == Opcode.UD_SEND_ONLY || b.opcode() == Opcode.UD_SEND_ONLY_IMMEDIATE)
                && (b.destQp() == 0 || b.destQp() == 1) && !headers.truncated()) {
            madOffset = payloadOffset;
            madAvailable = Math.max(0, Math.min(end, p.capLen()) - madOffset);
        }
        return new DecodedFrame.Transport(frame, time, enc, ipVersion, src, dst, srcPort, dstPort, slid, dlid, sl, vl,
            l.vlanCount > 0 ? l.vlanVid[0] : -1, l.vlanCount > 0 ? l.vlanPcp[0] : -1, dscp, ecn, bth, b, op, headers,
            payloadOffset, payloadLength, status, icrc.computed(), icrc.onWire(), vstatus, icrc.computedVcrc(),
            icrc.onWireVcrc(), madOffset, madAvailable,
            madOffset < 0 ? null : MadBaseHeader.read(p, madOffset, madAvailable),
            DecodedFrame.IpOverIb.read(p, l));
    }

    /**
     * Frame offset where the ICRC starts according to the length fields (UDP length, GRH payload length,
     * LRH packet length); it may lie beyond caplen. -1 when no length field applies.
     */
    public static int icrcStart(Packet p, Layers l) {
        if (l.roceVersion == 2) {
            return l.transportOffset >= 0 && l.udpLength >= 8 ? l.transportOffset + l.udpLength - Icrc.LENGTH : -1;
        }
        if (l.roceVersion == 1) {
            return l.ibGrhOffset >= 0 ? l.ibGrhOffset + Icrc.GRH_LENGTH + p.u16(l.ibGrhOffset + 4) - Icrc.LENGTH : -1;
        }
        if (l.ibLrhOffset >= 0) return l.ibLrhOffset + Icrc.ibPacketLength(p, l.ibLrhOffset) - Icrc.LENGTH;
        return -1;
    }

    private static byte[] bytes(Packet p, int off, int len) {
        if (off < 0 || !p.has(off, len)) return null;
        byte[] b = new byte[len];
        p.copyTo(off, b, 0, len);
        return b;
    }
}
