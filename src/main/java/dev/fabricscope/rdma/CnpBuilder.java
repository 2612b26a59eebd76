package dev.fabricscope.rdma;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;

/**
 * Builds RoCEv2 CNPs from a {@link CnpTemplate}: the headers are laid out once, then {@link #build(int)}
 * writes the destination QP and the ICRC into the same buffer (libconntrack-cm's split between
 * ctcm_fill_cnp_template and ctcm_generate_cnp). No allocation per packet; one builder per thread.
 *
 * <p>Layout (IBA Annex A17, RoCEv2): [Ethernet [802.1Q]] IPv4/IPv6, UDP (dst 4791, checksum 0, as RoCEv2
 * allows and NICs send), BTH (opcode 0x81, SE/M/Pad/TVer 0, P_Key, FECN 0 / BECN 1, dest QP, A 0, PSN 0),
 * 16 reserved zero bytes, ICRC.
 */
public final class CnpBuilder {
    /** BTH opcode of a RoCEv2 CNP. */
    public static final int CNP_OPCODE = 0x81;
    public static final int ROCEV2_PORT = 4791;
    static final int BTH_LENGTH = 12, CNP_PAYLOAD = 16, ICRC_LENGTH = 4;
    static final int UDP_LENGTH = 8 + BTH_LENGTH + CNP_PAYLOAD + ICRC_LENGTH;

    private final CnpTemplate template;
    private final byte[] frame;
    private final int ipOffset;
    private final int bthOffset;
    // the ICRC is computed by Icrc over a dissected view of the frame itself (reused)
    private final Icrc icrc = new Icrc();
    private final Packet view = new Packet();
    private final Layers layers = new Layers();

    public CnpBuilder(CnpTemplate template) {
        this.template = template;
        this.ipOffset = template.ethernet() == null ? 0 : template.ethernet().length();
        int ipHeader = template.ipv6() ? 40 : 20;
        this.bthOffset = ipOffset + ipHeader + 8;
        this.frame = new byte[ipOffset + ipHeader + UDP_LENGTH];
        if (template.ethernet() != null) writeEthernet(template.ethernet());
        if (template.ipv6()) writeIpv6(); else writeIpv4();
        int udp = ipOffset + ipHeader;
        put16(udp, template.srcPort());
        put16(udp + 2, ROCEV2_PORT);
        put16(udp + 4, UDP_LENGTH);
        // udp + 6: checksum 0
        frame[bthOffset] = (byte) CNP_OPCODE;
        put16(bthOffset + 2, template.pkey());
        frame[bthOffset + 4] = 0x40; // BECN (FECN 0x80 clear, reserved bits 0)
        int linkType = template.ethernet() == null ? LinkType.RAW : LinkType.EN10MB;
        view.set(frame, 0, frame.length, frame.length, 0, 0, linkType, 1);
    }

    public CnpTemplate template() {
        return template;
    }

    /** Where the IP header starts (0 for raw IP, 14 or 18 after an Ethernet header). */
    public int ipOffset() {
        return ipOffset;
    }

    /** The frame's length in bytes (fixed per template). */
    public int length() {
        return frame.length;
    }

    /**
     * Fills in {@code destQp} (24 bits) and the ICRC; returns the builder's buffer, valid until the next call
     * (copy it to keep it). The length of the array is the frame's length.
     */
    public byte[] build(int destQp) {
        if (destQp < 0 || destQp > 0xFFFFFF) throw new IllegalArgumentException("QP number " + destQp + " is not 24 bits");
        frame[bthOffset + 5] = (byte) (destQp >>> 16);
        frame[bthOffset + 6] = (byte) (destQp >>> 8);
        frame[bthOffset + 7] = (byte) destQp;
        writeIcrc();
        return frame;
    }

    /** Sets the IPv4 identification of the next {@link #build} (a sender counting packets); no-op for IPv6. */
    public void setIpId(int id) {
        if (template.ipv6()) return;
        put16(ipOffset + 4, id & 0xFFFF);
        if (template.ipChecksum()) writeIpv4Checksum();
    }

    private void writeIcrc() {
        Dissector.dissect(view, layers);
        icrc.check(view, layers); // computed over the masked pseudo-packet whatever the ICRC bytes hold now
        if (icrc.icrcOffset() != frame.length - ICRC_LENGTH) {
            throw new IllegalStateException("CNP not recognised as RoCEv2 by the dissector");
        }
        int v = icrc.computed(); // the wire bytes read big-endian
        int at = frame.length - ICRC_LENGTH;
        frame[at] = (byte) (v >>> 24);
        frame[at + 1] = (byte) (v >>> 16);
        frame[at + 2] = (byte) (v >>> 8);
        frame[at + 3] = (byte) v;
    }

    private void writeEthernet(CnpTemplate.Ethernet eth) {
        System.arraycopy(eth.dstMac(), 0, frame, 0, 6);
        System.arraycopy(eth.srcMac(), 0, frame, 6, 6);
        int type = 12;
        if (eth.tagged()) {
            put16(12, 0x8100);
            put16(14, eth.pcp() << 13 | eth.vlanId());
            type = 16;
        }
        put16(type, template.ipv6() ? 0x86DD : 0x0800);
    }

    private void writeIpv4() {
        int o = ipOffset;
        frame[o] = 0x45;
        frame[o + 1] = (byte) template.trafficClass();
        put16(o + 2, 20 + UDP_LENGTH);
        put16(o + 4, template.ipId());
        put16(o + 6, template.dontFragment() ? 0x4000 : 0);
        frame[o + 8] = (byte) template.ttl();
        frame[o + 9] = 17;
        System.arraycopy(template.src(), 0, frame, o + 12, 4);
        System.arraycopy(template.dst(), 0, frame, o + 16, 4);
        if (template.ipChecksum()) writeIpv4Checksum();
    }

    // RFC 791 header checksum: one's complement of the one's complement sum of the header's 16-bit words
    private void writeIpv4Checksum() {
        int o = ipOffset;
        put16(o + 10, 0);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) sum += (frame[o + i] & 0xFF) << 8 | (frame[o + i + 1] & 0xFF);
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        put16(o + 10, ~sum & 0xFFFF);
    }

    private void writeIpv6() {
        int o = ipOffset;
        int tc = template.trafficClass();
        frame[o] = (byte) (0x60 | tc >>> 4);
        frame[o + 1] = (byte) ((tc & 0x0F) << 4); // flow label 0
        put16(o + 4, UDP_LENGTH);
        frame[o + 6] = 17;
        frame[o + 7] = (byte) template.ttl();
        System.arraycopy(template.src(), 0, frame, o + 8, 16);
        System.arraycopy(template.dst(), 0, frame, o + 24, 16);
    }

    private void put16(int off, int v) {
        frame[off] = (byte) (v >>> 8);
        frame[off + 1] = (byte) v;
    }
}
