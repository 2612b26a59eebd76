package dev.fabricscope.capture;

/** LINKTYPE_* values (tcpdump.org/linktypes.html) that fabricscope understands, with their names. */
public final class LinkType {
    private LinkType() { }

    public static final int NULL = 0;
    public static final int EN10MB = 1;
    public static final int IEEE802 = 6;      // Token Ring (802.5): access and frame control, addresses, routing, LLC
    public static final int ARCNET = 7;       // BSD: source, destination, type, (flag and sequence number)
    public static final int SLIP = 8;         // a 16-byte header (direction, VJ header bytes), then IP
    public static final int PPP = 9;
    public static final int FDDI = 10;        // frame control, addresses, LLC
    public static final int ATM_RFC1483 = 11;  // RFC 1483 LLC/SNAP-encapsulated ATM PDUs
    public static final int RAW_12 = 12;      // OpenBSD DLT_RAW value some files carry
    public static final int RAW_14 = 14;      // BSD/OS DLT_RAW value
    public static final int ATM_CLIP_19 = 19;  // Linux's DLT_ATM_CLIP value some files carry
    // BSD/OS SLIP and PPP (DLT 15 and 16; LINKTYPE 102 and 103 in files): 16 and 24-byte headers
    public static final int SLIP_BSDOS_15 = 15;
    public static final int PPP_BSDOS_16 = 16;
    public static final int PPP_SERIAL = 50;
    public static final int PPP_ETHER = 51;   // PPPoE: its header, then (session data) the PPP frame; no Ethernet header  // LINKTYPE_PPP_HDLC: PPP in HDLC-like framing, or Cisco HDLC
    public static final int SYMANTEC_FIREWALL = 99;   // a 44-byte header, its ethertype at 6
    public static final int ATM_RFC1483_100 = 100;  // LINKTYPE_ATM_RFC1483: the same as DLT 11 to libpcap
    public static final int RAW = 101;
    public static final int SLIP_BSDOS = 102;
    public static final int PPP_BSDOS = 103;
    public static final int C_HDLC = 104;     // Cisco HDLC
    public static final int ATM_CLIP = 106;   // Linux Classical IP over ATM: LLC/SNAP, or (no LLC header) IPv4
    public static final int FRELAY = 107;    // Frame Relay: a Q.922 address, then Cisco's ethertype or UI and an NLPID
    public static final int IEEE802_11 = 105;        // 802.11 frames, no radio header
    public static final int LOOP = 108;
    public static final int ENC = 109;        // OpenBSD's IPsec enc interface: a 12-byte header, then IPv4/IPv6
    public static final int LINUX_SLL = 113;
    public static final int LTALK = 114;      // LocalTalk: an LLAP header, then a short or long DDP header
    public static final int PPP_PPPD = 166;   // PPP as pppd sees it: LINKTYPE_PPP's header, the address's direction
    public static final int PFLOG = 117;      // the pf firewall's log (pflog0): a pfloghdr, then IPv4/IPv6
    // Junos captures: a pseudo-header ("MGC", flags, TLVs), a PIC's cookie on some, then the packet
    public static final int IEEE802_11_RADIO = 127;  // a radiotap header, then the 802.11 frame
    public static final int PRISM_HEADER = 119;      // a 144-byte Prism header (or an AVS one, by its cookie), 802.11
    public static final int IP_OVER_FC = 122;   // RFC 2625: two 8-byte network addresses (a MAC in each), LLC
    public static final int SUNATM = 123;     // Sun's 4-byte ATM pseudo-header (direction, VPI, VCI), then the PDU
    public static final int ARCNET_LINUX = 129;   // source, destination, a 2-byte offset, type (flag, sequence)
    public static final int JUNIPER_MLPPP = 130;
    public static final int JUNIPER_MLFR = 131;
    public static final int JUNIPER_ES = 132;
    public static final int JUNIPER_GGSN = 133;
    public static final int JUNIPER_MFR = 134;      // FRF.16 on child links, a bundle's packets after a cookie
    // ATM1 and ATM2: a cookie, then an OAM cell, an LLC PDU or (as tcpdump guesses) Ethernet, PPP or IP
    public static final int JUNIPER_ATM2 = 135;
    public static final int JUNIPER_SERVICES = 136;
    public static final int JUNIPER_ATM1 = 137;
    public static final int USER2 = 149;     // macOS Mavericks wrote PKTAP captures with this value (tcpdump: PKTAP)
    public static final int APPLE_IP_OVER_IEEE1394 = 138;   // destination and source EUI-64, then an ethertype
    public static final int IEEE802_11_RADIO_AVS = 163;   // an AVS radio header (its length at 4), then 802.11
    public static final int JUNIPER_MONITOR = 164;
    public static final int JUNIPER_PPPOE = 167;
    public static final int JUNIPER_ETHER = 178;
    public static final int JUNIPER_PPP = 179;
    public static final int JUNIPER_FRELAY = 180;
    public static final int JUNIPER_CHDLC = 181;
    public static final int MFR = 182;        // FRF.16 multilink Frame Relay
    public static final int JUNIPER_VP = 183;       // tcpdump has no printer for VP and ST: UNSUPPORTED
    public static final int USB_LINUX = 189;  // Linux usbmon: a 48-byte header (URB id, types, bus, device, ...), data
    public static final int IEEE802_15_4_WITHFCS = 195;   // an 802.15.4 MAC frame and (as tcpdump tests) its FCS
    public static final int PPI = 192;        // per-packet information: a header and fields, then a packet of its DLT
    public static final int ERF = 197;
    public static final int JUNIPER_ST = 200;
    public static final int BLUETOOTH_HCI_H4_WITH_PHDR = 201;   // a 4-byte direction header, then an HCI UART packet
    public static final int USB_LINUX_MMAPPED = 220;   // the same with a 64-byte header (isochronous fields)
    public static final int IPNET = 226;      // Solaris ipnet: a 24-byte header before IPv4/IPv6
    public static final int IPV4 = 228;
    public static final int IEEE802_15_4_NOFCS = 230;     // an 802.15.4 MAC frame (tcpdump still tests for an FCS)
    public static final int IPV6 = 229;
    public static final int NFLOG = 239;      // Linux netfilter log (nflog:N): a 4-byte header, then TLVs
    // Hilscher netANALYZER: a 4-byte status header, then the Ethernet frame (TRANSPARENT: its preamble and SFD first)
    public static final int NETANALYZER = 240;
    public static final int NETANALYZER_TRANSPARENT = 241;
    public static final int IPOIB = 242;      // IP over InfiniBand (RFC 4391) as Linux captures it: a 44-byte header
    public static final int INFINIBAND = 247;
    public static final int PKTAP = 258;      // Apple's pktap: a header (its DLT, interface, process), then the packet
    public static final int VSOCK = 271;      // Linux vsock monitor (vsockmon): a 32-byte header, a transport header
    public static final int LINUX_SLL2 = 276;
    // Ethernet frames with a switch chip's tag, as Linux DSA ports capture them
    public static final int DSA_TAG_BRCM = 281;          // Broadcom tag after the MAC addresses
    public static final int DSA_TAG_BRCM_PREPEND = 282;  // Broadcom tag before the frame
    public static final int IEEE802_15_4_TAP = 283;       // a TLV pseudo-header (its length at 2), then the frame
    public static final int DSA_TAG_DSA = 284;           // Marvell DSA tag after the MAC addresses
    public static final int DSA_TAG_EDSA = 285;          // Marvell EDSA tag (ethertype, 2 reserved, DSA tag)

    /** libpcap's name of a file's link type ({@link DltNames}: tcpdump's "link-type EN10MB"), or "LINKTYPE_n". */
    public static String name(int linkType) {
        String name = DltNames.name(DltNames.fromLinkType(linkType));
        return name != null ? name : "LINKTYPE_" + linkType;
    }

    /** libpcap's description, as tcpdump prints it after the name ("EN10MB (Ethernet)"), or "unknown". */
    public static String description(int linkType) {
        String description = DltNames.description(DltNames.fromLinkType(linkType));
        return description != null ? description : "unknown";
    }

    /**
     * Parses a link type's libpcap name (case-insensitive, an optional "DLT_" or "LINKTYPE_" prefix; also ETHERNET,
     * PPPOE, PPP_HDLC and CHDLC, the LINKTYPE names where libpcap's differ) or its number.
     */
    public static int parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("DLT_")) t = t.substring(4);
        if (t.startsWith("LINKTYPE_")) t = t.substring(9);
        t = switch (t) {
            case "ETHERNET" -> "EN10MB";
            case "PPPOE" -> "PPP_ETHER";
            case "PPP_HDLC" -> "PPP_SERIAL";
            case "CHDLC" -> "C_HDLC";
            default -> t;
        };
        int dlt = DltNames.named(t);
        if (dlt >= 0) return DltNames.toLinkType(dlt);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown link type '" + text + "'");
        }
    }
}
