package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * Where the headers of one packet are: offsets into the packet's captured bytes (as used by
 * {@link dev.fabricscope.capture.Packet#u8} and friends) plus the few decoded values analyzers
 * branch on. One instance per thread is reused for every packet: {@link Dissector#dissect} resets and
 * fills it without allocating. The fields are plain public fields (a C-like struct on the hot path);
 * consumers read them and never write them.
 *
 * <p>Conventions: an offset of {@code -1} means "not present"; counts are 0 when absent; arrays hold
 * {@code count} valid entries. When {@link #malformed} is not {@link Malformed#NONE} the fields describe
 * what was decoded up to {@link #malformedOffset}, and nothing after it.
 */
public final class Layers {
    /** VLAN tags and MPLS labels kept per packet; one more is reported as malformed. */
    public static final int MAX_VLAN_TAGS = 8;
    public static final int MAX_MPLS_LABELS = 8;

    // --- status
    public Malformed malformed = Malformed.NONE;
    /** Byte offset of the header where {@link #malformed} was detected, or -1. */
    public int malformedOffset = -1;

    // --- link layer
    public int linkType;
    /** True when the link type (or the ERF record type) is one we do not decode: not a malformation. */
    public boolean linkUnsupported;
    /** ERF record type (low 7 bits of the type byte) for LINKTYPE_ERF, else -1. */
    public int erfType = -1;
    /** Address family of NULL/LOOP links (2 = IPv4; 24, 28, 30 = IPv6), else -1. */
    public int addressFamily = -1;
    /** Start of the (outer) Ethernet header, -1 when the link is not Ethernet. */
    public int ethOffset = -1;
    public int dstMacOffset = -1;
    /** Source MAC (Ethernet), or the 6-byte sender address of a LINUX_SLL/SLL2 header. */
    public int srcMacOffset = -1;
    /**
     * The ethertype after all VLAN tags and walked Arista/MACsec headers (or SLL/SLL2 protocol field, or IP over IB
     * header's, or LINKTYPE_IPOIB's at 40), -1 when none.
     */
    public int etherType = -1;
    /** Offset of the 2-byte field holding {@link #etherType}. */
    public int etherTypeOffset = -1;
    /**
     * Where the payload of {@link #etherType} starts: etherTypeOffset + 2, except for LINUX_SLL2 (20) and IP over
     * IB, also LINKTYPE_IPOIB (+ 4: two reserved bytes follow the type).
     */
    public int etherPayloadOffset = -1;

    // --- headers walked before or between the VLAN tags (see EthernetLayer): etherType is the type after them
    /** Offset of the first Arista timestamp header's type field (0xd28b), -1 when none was walked. */
    public int aristaOffset = -1;
    /** Arista timestamp headers walked (a tap may stack them). */
    public int aristaCount;
    /** Offset of the first integrity-only MACsec SecTAG's type field (0x88e5), -1 when none was walked. */
    public int macsecOffset = -1;
    public int macsecCount;
    /**
     * Where the (innermost walked) MACsec secure data ends on the wire, before the ICV: what follows the SecTAG was
     * dissected as if the capture ended there, so no layer reaches into the ICV. -1 without MACsec.
     */
    public int macsecDataEnd = -1;
    /** The packet's bytes as far as {@link #macsecDataEnd}: the view the dissector continues in after a SecTAG. */
    final Packet macsecView = new Packet();

    // --- VLAN tags, outermost first (802.1Q 0x8100, 802.1ad 0x88a8, QinQ 0x9100 and 0x9200 in any order)
    public int vlanCount;
    /**
     * Offset of each tag's TPID; the TCI follows it (except on LINUX_SLL2, whose first TPID is the
     * header's protocol field and whose TCI starts the payload at 20).
     */
    public final int[] vlanOffset = new int[MAX_VLAN_TAGS];
    public final int[] vlanTpid = new int[MAX_VLAN_TAGS];
    public final int[] vlanPcp = new int[MAX_VLAN_TAGS];
    public final int[] vlanDei = new int[MAX_VLAN_TAGS];
    public final int[] vlanVid = new int[MAX_VLAN_TAGS];

    // --- MPLS label stack, top first
    public int mplsCount;
    /** Offset of the top label stack entry. */
    public int mplsOffset = -1;
    public final int[] mplsLabel = new int[MAX_MPLS_LABELS];
    public final int[] mplsTc = new int[MAX_MPLS_LABELS];
    public final int[] mplsBottom = new int[MAX_MPLS_LABELS];
    public final int[] mplsTtl = new int[MAX_MPLS_LABELS];
    /** What follows the bottom of stack, and where. */
    public MplsPayload mplsPayload = MplsPayload.NONE;
    public int mplsPayloadOffset = -1;
    /** Ethernet pseudowire: the control word and the inner Ethernet frame. */
    public int pwControlWordOffset = -1;
    public int innerEthOffset = -1;
    /** The inner frame's ethertype after its VLAN tags (tags skipped, not recorded), and its offset. */
    public int innerEtherType = -1;
    public int innerEtherTypeOffset = -1;

    // --- PPPoE session (ethertype 0x8864)
    public int pppoeOffset = -1;
    public int pppoeSessionId = -1;
    /** PPPoE LENGTH field: the PPP frame length (protocol field included). */
    public int pppoeLength = -1;
    public int pppProtocol = -1;
    public int pppProtocolOffset = -1;

    // --- network layer
    public NetworkKind networkKind = NetworkKind.NONE;
    public int networkOffset = -1;
    /** IPv4: IHL*4; IPv6: 40 plus the extension headers walked. */
    public int networkHeaderLength;
    public int srcAddrOffset = -1;
    public int dstAddrOffset = -1;
    /** IPv4 protocol, or the IPv6 next header after the extension headers (59 = none), -1 when unknown. */
    public int ipProtocol = -1;
    public int ttl = -1;
    public int dscp = -1;
    public int ecn = -1;
    /** IPv4 total length; IPv6 40 + payload length. 0 means "unknown" (TSO/jumbogram), see networkEnd. */
    public int ipTotalLength = -1;
    public boolean ipv4Options;
    public int ipv6ExtensionHeaders;
    /** Fragmentation: any fragment; a later fragment (offset > 0) has no transport header. */
    public boolean fragment;
    public boolean laterFragment;
    public boolean moreFragments;
    /** Fragment offset in bytes. */
    public int fragmentOffset;
    /**
     * Where the network packet ends according to its length field (networkOffset + total length),
     * Ethernet padding and trailers excluded; when the length is 0 (TSO, jumbogram) the captured end.
     */
    public int networkWireEnd = -1;
    /** {@link #networkWireEnd} clipped to caplen. */
    public int networkEnd = -1;

    // --- transport layer
    public TransportKind transportKind = TransportKind.NONE;
    public int transportOffset = -1;
    /** TCP: data offset * 4 (options included); UDP: 8; GRE: its variable header. */
    public int transportHeaderLength;
    public int srcPort = -1;
    public int dstPort = -1;
    /** TCP flags: the 12 bits after the data offset (NS, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN). */
    public int tcpFlags;
    public long tcpSeq = -1;
    public long tcpAck = -1;
    public int tcpWindow = -1;
    public int udpLength = -1;
    /** Transport payload: offset, bytes captured, and bytes on the wire per the IP/UDP lengths. */
    public int payloadOffset = -1;
    public int payloadLength;
    public int payloadWireLength;

    // --- GRE (IP protocol 47)
    public int greOffset = -1;
    /** The first 16 bits: C, R, K, S flags, version (low 3 bits). */
    public int greFlags;
    public int greProtocol = -1;
    public long greKey = -1;
    public long greSequence = -1;
    /** Start of the encapsulated packet, -1 when not located (source routing present, or truncated). */
    public int greInnerOffset = -1;

    // --- InfiniBand / RoCE, for the RDMA analyzer
    /** Native InfiniBand local route header (ERF type 21, LINKTYPE_INFINIBAND). */
    public int ibLrhOffset = -1;
    /** Global route header: after an LRH with LNH = 3, or the RoCEv1 (ethertype 0x8915) header. */
    public int ibGrhOffset = -1;
    /** Base transport header (12 bytes present): native IB, RoCEv1, or RoCEv2 (UDP dst port 4791). */
    public int ibBthOffset = -1;
    /** 1 for RoCEv1, 2 for RoCEv2, 0 otherwise (native IB or none). */
    public int roceVersion;

    // --- IEEE 802.3 slow protocols (ethertype 0x8809): offset of the subtype byte
    public int slowProtocolsOffset = -1;

    /**
     * Set by every writer of the rarely used groups (ERF type, address family, Arista/MACsec, MPLS, PPPoE, GRE,
     * InfiniBand/RoCE, slow protocols): {@link #reset} clears them only after a packet that had one. The full reset
     * was ~60 field stores, ~13 ns of every packet on the SMC benchmark's path; the rare groups are ~4-6 ns of it.
     * {@code DissectorReuseTest} catches a writer that does not set this.
     */
    boolean rareGroupsSet;

    /** Forgets the previous packet. */
    void reset(int linkType) {
        malformed = Malformed.NONE;
        malformedOffset = -1;
        this.linkType = linkType;
        linkUnsupported = false;
        ethOffset = dstMacOffset = srcMacOffset = -1;
        etherType = etherTypeOffset = etherPayloadOffset = -1;
        vlanCount = 0;
        networkKind = NetworkKind.NONE;
        networkOffset = -1;
        networkHeaderLength = 0;
        srcAddrOffset = dstAddrOffset = -1;
        ipProtocol = ttl = dscp = ecn = ipTotalLength = -1;
        ipv4Options = false;
        ipv6ExtensionHeaders = 0;
        fragment = laterFragment = moreFragments = false;
        fragmentOffset = 0;
        networkWireEnd = networkEnd = -1;
        transportKind = TransportKind.NONE;
        transportOffset = -1;
        transportHeaderLength = 0;
        srcPort = dstPort = -1;
        tcpFlags = 0;
        tcpSeq = tcpAck = -1;
        tcpWindow = udpLength = -1;
        payloadOffset = -1;
        payloadLength = payloadWireLength = 0;
        if (rareGroupsSet) resetRareGroups();
    }

    private void resetRareGroups() {
        rareGroupsSet = false;
        erfType = -1;
        addressFamily = -1;
        aristaOffset = macsecOffset = macsecDataEnd = -1;
        aristaCount = macsecCount = 0;
        mplsCount = 0;
        mplsOffset = -1;
        mplsPayload = MplsPayload.NONE;
        mplsPayloadOffset = pwControlWordOffset = innerEthOffset = -1;
        innerEtherType = innerEtherTypeOffset = -1;
        pppoeOffset = pppoeSessionId = pppoeLength = pppProtocol = pppProtocolOffset = -1;
        greOffset = -1;
        greFlags = 0;
        greProtocol = -1;
        greKey = greSequence = -1;
        greInnerOffset = -1;
        ibLrhOffset = ibGrhOffset = ibBthOffset = -1;
        roceVersion = 0;
        slowProtocolsOffset = -1;
    }

    /** Records the first problem; later calls keep the first. */
    void fail(Malformed reason, int offset) {
        if (malformed == Malformed.NONE) {
            malformed = reason;
            malformedOffset = offset;
        }
    }

    public boolean isMalformed() {
        return malformed != Malformed.NONE;
    }

    /** True for the first fragment (offset 0, more fragments follow): the only fragment with a transport header. */
    public boolean firstFragment() {
        return fragment && !laterFragment;
    }
}
