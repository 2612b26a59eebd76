package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.dissect.TransportKind;
import java.util.zip.CRC32;

/**
 * Invariant CRC of RoCEv2, RoCEv1 and native InfiniBand packets (IBTA vol. 1, 7.8.1; RoCE annexes A16
 * and A17): CRC-32 (the Ethernet polynomial, {@link CRC32}) over the packet from the LRH to the end of
 * the payload (pad included), with the fields routers may change replaced by 1s:
 * <ul>
 *   <li>native IB: the LRH with its VL (high 4 bits of byte 0) masked; when a GRH follows, the whole
 *       LRH is masked (checked on every frame of the ERF capture in the shared corpus: 43/43 valid);</li>
 *   <li>RoCE: 8 bytes of 0xFF stand in for the absent LRH;</li>
 *   <li>IPv4: TOS, TTL and header checksum; IPv6 and the GRH: traffic class, flow label, hop limit;</li>
 *   <li>UDP: the checksum; BTH: the reserved byte resv8a (byte 4, carrying FECN/BECN).</li>
 * </ul>
 * The ICRC follows the payload; its 4 bytes are the CRC value least significant byte first. Values
 * here ({@link #computed()}, {@link #onWire()}) are those 4 bytes read big-endian, so their hex is the
 * byte sequence on the wire (e.g. DAFC1BEF).
 *
 * <p>Native IB also ends with a 2-byte VCRC over the whole packet from the LRH to the ICRC, unmasked
 * (CRC-16, polynomial 0x100B, see {@link Vcrc}); checked by {@link #checkVcrc}.
 *
 * <p>One instance per thread: it reuses a CRC32 and a scratch buffer, so checking allocates nothing.
 */
public final class Icrc {
    public static final int LENGTH = 4;
    /** The RoCE stand-in for the LRH. */
    public static final int LRH_PLACEHOLDER = 8;
    static final int LRH_LENGTH = 8;
    static final int GRH_LENGTH = 40;
    /** Largest pseudo-packet we check: 64 KiB IP packets (RoCEv2) or IB packets (11-bit word length). */
    private static final int MAX_PSEUDO = LRH_PLACEHOLDER + 65_536;

    private final CRC32 crc = new CRC32();
    private final Vcrc vcrc = new Vcrc();
    private byte[] scratch = new byte[2048];
    private int computed;
    private int onWire;
    private int icrcOffset = -1;
    private int computedVcrc;
    private int onWireVcrc;

    // where the last pseudo-packet came from (for explain)
    private int copiedFrom;
    private int copiedLength;
    private int prefix;
    private String encapsulation = "";
    // the mask plan: pseudo-packet positions of the LRH (VL only, or all 8 bytes when a GRH follows), IP header/GRH (v4, v6 or 0 = none), UDP, BTH
    private int vlAt = -1;
    private int ipVersionMask;
    private int ipAt = -1;
    private int udpAt = -1;
    private int bthAt = -1;

    /** ICRC of the last {@link #check} as wire bytes read big-endian. */
    public int computed() { return computed; }
    public int onWire() { return onWire; }
    /** Frame offset of the last checked packet's ICRC, -1 when none. */
    public int icrcOffset() { return icrcOffset; }
    public int computedVcrc() { return computedVcrc; }
    public int onWireVcrc() { return onWireVcrc; }

    /** Checks the ICRC of a dissected RoCEv2, RoCEv1 or native IB packet. */
    public IcrcStatus check(Packet p, Layers l) {
        icrcOffset = -1;
        computed = onWire = 0;
        if (l.ibBthOffset < 0) return IcrcStatus.NOT_APPLICABLE;
        IcrcStatus located;
        if (l.roceVersion == 2) located = locateRoceV2(p, l);
        else if (l.roceVersion == 1) located = locateRoceV1(p, l);
        else if (l.ibLrhOffset >= 0) located = locateIb(p, l);
        else return IcrcStatus.NOT_APPLICABLE;
        if (located != IcrcStatus.VALID) return located;
        computed = crcOfScratch();
        onWire = (int) p.u32(icrcOffset);
        return computed == onWire ? IcrcStatus.VALID : IcrcStatus.INVALID;
    }

    /** Like {@link #check}, also returning the pseudo-packet (allocates: for one frame, not hot paths). */
    public IcrcExplanation explain(Packet p, Layers l) {
        IcrcStatus status = check(p, l);
        int len = status.checked() ? prefix + copiedLength : 0;
        byte[] bytes = java.util.Arrays.copyOf(scratch, len);
        // the masks applied to zeros mark exactly the masked bytes
        byte[] marks = new byte[len];
        java.util.Arrays.fill(marks, 0, Math.min(len, prefix), (byte) 0xff);
        if (len > 0) applyMasks(marks);
        boolean[] masked = new boolean[len];
        for (int i = 0; i < len; i++) masked[i] = marks[i] != 0;
        return new IcrcExplanation(status, encapsulation, bytes, masked, copiedFrom, prefix, icrcOffset,
            computed, onWire, len == 0 ? java.util.List.of() : maskedFields());
    }

    /**
     * Checks the VCRC of a native IB packet: 2 bytes right after the packet length the LRH gives.
     * NOT_APPLICABLE for RoCE, TRUNCATED when not captured.
     */
    public IcrcStatus checkVcrc(Packet p, Layers l) {
        computedVcrc = onWireVcrc = 0;
        int lrh = l.ibLrhOffset;
        if (lrh < 0 || l.roceVersion != 0 || !p.has(lrh, LRH_LENGTH)) return IcrcStatus.NOT_APPLICABLE;
        int end = lrh + ibPacketLength(p, lrh);
        if (end < lrh + LRH_LENGTH || !p.has(end, Vcrc.LENGTH)) return IcrcStatus.TRUNCATED;
        computedVcrc = vcrc.compute(p, lrh, end - lrh);
        onWireVcrc = p.u16(end);
        return computedVcrc == onWireVcrc ? IcrcStatus.VALID : IcrcStatus.INVALID;
    }

    /** LRH PktLen: 11 bits, in 4-byte words, LRH to ICRC inclusive (VCRC excluded). */
    static int ibPacketLength(Packet p, int lrh) {
        return (p.u16(lrh + 4) & 0x7ff) * 4;
    }

    // --- locating and masking: each fills the scratch buffer and sets icrcOffset; VALID means "ready"

    private IcrcStatus locateRoceV2(Packet p, Layers l) {
        if (l.transportKind != TransportKind.UDP || l.udpLength < 0) return IcrcStatus.NOT_APPLICABLE;
        int net = l.networkOffset;
        if (l.networkKind == NetworkKind.IPV4) {
            encapsulation = "RoCEv2/IPv4";
            ipVersionMask = 4;
        } else if (l.networkKind == NetworkKind.IPV6) {
            encapsulation = "RoCEv2/IPv6";
            ipVersionMask = 6;
        } else {
            return IcrcStatus.NOT_APPLICABLE;
        }
        int end = l.transportOffset + l.udpLength;   // the UDP datagram ends with the ICRC
        IcrcStatus s = copy(p, net, end, LRH_PLACEHOLDER, l.ibBthOffset);
        if (s != IcrcStatus.VALID) return s;
        vlAt = -1;
        ipAt = LRH_PLACEHOLDER;
        udpAt = LRH_PLACEHOLDER + l.transportOffset - net;
        bthAt = LRH_PLACEHOLDER + l.ibBthOffset - net;
        applyMasks(scratch);
        return IcrcStatus.VALID;
    }

    private IcrcStatus locateRoceV1(Packet p, Layers l) {
        int grh = l.ibGrhOffset;
        if (grh < 0) return IcrcStatus.NOT_APPLICABLE;
        int end = grh + GRH_LENGTH + p.u16(grh + 4);   // GRH PayLen: BTH to ICRC inclusive
        IcrcStatus s = copy(p, grh, end, LRH_PLACEHOLDER, l.ibBthOffset);
        if (s != IcrcStatus.VALID) return s;
        encapsulation = "RoCEv1";
        vlAt = -1;
        ipVersionMask = 6;
        ipAt = LRH_PLACEHOLDER;
        udpAt = -1;
        bthAt = LRH_PLACEHOLDER + l.ibBthOffset - grh;
        applyMasks(scratch);
        return IcrcStatus.VALID;
    }

    private IcrcStatus locateIb(Packet p, Layers l) {
        int lrh = l.ibLrhOffset;
        int end = lrh + ibPacketLength(p, lrh);
        IcrcStatus s = copy(p, lrh, end, 0, l.ibBthOffset);
        if (s != IcrcStatus.VALID) return s;
        encapsulation = "IB";
        vlAt = 0;
        ipVersionMask = l.ibGrhOffset >= 0 ? 6 : 0;
        ipAt = l.ibGrhOffset - lrh;
        udpAt = -1;
        bthAt = l.ibBthOffset - lrh;
        applyMasks(scratch);
        return IcrcStatus.VALID;
    }

    private java.util.List<IcrcExplanation.MaskedField> maskedFields() {
        var out = new java.util.ArrayList<IcrcExplanation.MaskedField>();
        if (prefix > 0) out.add(new IcrcExplanation.MaskedField(0, prefix, "LRH placeholder (RoCE has no LRH)"));
        if (vlAt >= 0 && ipVersionMask == 6) out.add(new IcrcExplanation.MaskedField(vlAt, LRH_LENGTH, "LRH (a GRH follows)"));
        else if (vlAt >= 0) out.add(new IcrcExplanation.MaskedField(vlAt, 1, "LRH VL (high 4 bits)"));
        String ip = encapsulation.startsWith("RoCEv2") ? (ipVersionMask == 4 ? "IPv4" : "IPv6") : "GRH";
        if (ipVersionMask == 4) {
            out.add(new IcrcExplanation.MaskedField(ipAt + 1, 1, "IPv4 TOS (DSCP/ECN)"));
            out.add(new IcrcExplanation.MaskedField(ipAt + 8, 1, "IPv4 TTL"));
            out.add(new IcrcExplanation.MaskedField(ipAt + 10, 2, "IPv4 header checksum"));
        } else if (ipVersionMask == 6) {
            out.add(new IcrcExplanation.MaskedField(ipAt, 4, ip + " traffic class and flow label (low 28 bits)"));
            out.add(new IcrcExplanation.MaskedField(ipAt + 7, 1, ip + " hop limit"));
        }
        if (udpAt >= 0) out.add(new IcrcExplanation.MaskedField(udpAt + 6, 2, "UDP checksum"));
        out.add(new IcrcExplanation.MaskedField(bthAt + Bth.RESV8A_OFFSET, 1, "BTH resv8a (FECN/BECN byte)"));
        return java.util.List.copyOf(out);
    }

    /** Applies the mask plan the locate methods set (positions in the pseudo-packet). */
    private void applyMasks(byte[] b) {
        if (vlAt >= 0 && ipVersionMask == 6) java.util.Arrays.fill(b, vlAt, vlAt + LRH_LENGTH, (byte) 0xff);
        else if (vlAt >= 0) b[vlAt] |= (byte) 0xf0;
        if (ipVersionMask == 4) maskIpv4(b, ipAt);
        else if (ipVersionMask == 6) maskIpv6(b, ipAt);
        if (udpAt >= 0) maskUdp(b, udpAt);
        maskBth(b, bthAt);
    }

    /**
     * Copies frame bytes [from, end - 4) after {@code prefixLen} bytes of 0xFF; {@code end} is where
     * the ICRC ends per the length fields. The ICRC must lie after the BTH and within caplen.
     */
    private IcrcStatus copy(Packet p, int from, int end, int prefixLen, int bth) {
        int icrc = end - LENGTH;
        if (icrc < bth + Bth.LENGTH) return IcrcStatus.TRUNCATED;   // lengths too small for BTH + ICRC
        if (!p.has(icrc, LENGTH)) return IcrcStatus.TRUNCATED;
        int n = icrc - from;
        if (prefixLen + n > MAX_PSEUDO) return IcrcStatus.TRUNCATED;
        if (scratch.length < prefixLen + n) scratch = new byte[Math.min(MAX_PSEUDO, Math.max(prefixLen + n, scratch.length * 2))];
        java.util.Arrays.fill(scratch, 0, prefixLen, (byte) 0xff);
        p.copyTo(from, scratch, prefixLen, n);
        icrcOffset = icrc;
        copiedFrom = from;
        copiedLength = n;
        prefix = prefixLen;
        return IcrcStatus.VALID;
    }

    private int crcOfScratch() {
        crc.reset();
        crc.update(scratch, 0, prefix + copiedLength);
        return Integer.reverseBytes((int) crc.getValue());
    }

    // --- the masks, on a pseudo-packet buffer

    /** IPv4 TOS (byte 1), TTL (8), header checksum (10-11). */
    static void maskIpv4(byte[] b, int ip) {
        b[ip + 1] = (byte) 0xff;
        b[ip + 8] = (byte) 0xff;
        b[ip + 10] = (byte) 0xff;
        b[ip + 11] = (byte) 0xff;
    }

    /** IPv6 header or GRH: traffic class and flow label (the 28 bits after the version), hop limit (7). */
    static void maskIpv6(byte[] b, int ip) {
        b[ip] |= 0x0f;
        b[ip + 1] = (byte) 0xff;
        b[ip + 2] = (byte) 0xff;
        b[ip + 3] = (byte) 0xff;
        b[ip + 7] = (byte) 0xff;
    }

    /** UDP checksum (bytes 6-7). */
    static void maskUdp(byte[] b, int udp) {
        b[udp + 6] = (byte) 0xff;
        b[udp + 7] = (byte) 0xff;
    }

    /** BTH resv8a (byte 4). */
    static void maskBth(byte[] b, int bth) {
        b[bth + Bth.RESV8A_OFFSET] = (byte) 0xff;
    }

    /**
     * ICRC of a RoCEv2 IP packet held in {@code ip[off, off + len)}: the IP header (v4 with options, or
     * v6 without extension headers), UDP header, BTH, extended headers and payload with pad, ICRC
     * excluded. Returns the 4 ICRC bytes as they go on the wire, read big-endian. For packet builders.
     */
    public int computeRoceV2(byte[] ip, int off, int len) {
        int version = (ip[off] & 0xff) >>> 4;
        int ipHeader = version == 4 ? (ip[off] & 0x0f) * 4 : 40;
        if (len < ipHeader + 8 + Bth.LENGTH) throw new IllegalArgumentException("too short for IP/UDP/BTH: " + len);
        if (scratch.length < LRH_PLACEHOLDER + len) scratch = new byte[LRH_PLACEHOLDER + len];
        java.util.Arrays.fill(scratch, 0, LRH_PLACEHOLDER, (byte) 0xff);
        System.arraycopy(ip, off, scratch, LRH_PLACEHOLDER, len);
        if (version == 4) maskIpv4(scratch, LRH_PLACEHOLDER);
        else maskIpv6(scratch, LRH_PLACEHOLDER);
        maskUdp(scratch, LRH_PLACEHOLDER + ipHeader);
        maskBth(scratch, LRH_PLACEHOLDER + ipHeader + 8);
        prefix = LRH_PLACEHOLDER;
        copiedLength = len;
        return crcOfScratch();
    }
}
