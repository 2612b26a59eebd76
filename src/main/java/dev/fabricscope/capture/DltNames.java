package dev.fabricscope.capture;

import java.util.Locale;

/**
 * libpcap's names and descriptions of link types (pcap.c's dlt_choices: what pcap_datalink_val_to_name and
 * _to_description answer, and the names pcap_datalink_name_to_val takes), by DLT value as libpcap 1.10 numbers them
 * on Linux; and libpcap's mapping between the LINKTYPE values files carry and those DLT values (pcap-common.c's
 * linktype_to_dlt and dlt_to_linktype). tcpdump names a file's link type by its DLT ("reading from file F,
 * link-type EN10MB (Ethernet)"), and so do we.
 */
public final class DltNames {
    private DltNames() { }

    private record Entry(int dlt, String name, String description) { }

    private static final Entry[] ENTRIES = {
        new Entry(0, "NULL", "BSD loopback"),
        new Entry(1, "EN10MB", "Ethernet"),
        new Entry(6, "IEEE802", "Token ring"),
        new Entry(7, "ARCNET", "BSD ARCNET"),
        new Entry(8, "SLIP", "SLIP"),
        new Entry(9, "PPP", "PPP"),
        new Entry(10, "FDDI", "FDDI"),
        new Entry(11, "ATM_RFC1483", "RFC 1483 LLC-encapsulated ATM"),
        new Entry(12, "RAW", "Raw IP"),
        new Entry(15, "SLIP_BSDOS", "BSD/OS SLIP"),
        new Entry(16, "PPP_BSDOS", "BSD/OS PPP"),
        new Entry(19, "ATM_CLIP", "Linux Classical IP over ATM"),
        new Entry(50, "PPP_SERIAL", "PPP over serial"),
        new Entry(51, "PPP_ETHER", "PPPoE"),
        new Entry(99, "SYMANTEC_FIREWALL", "Symantec Firewall"),
        new Entry(104, "C_HDLC", "Cisco HDLC"),
        new Entry(105, "IEEE802_11", "802.11"),
        new Entry(107, "FRELAY", "Frame Relay"),
        new Entry(108, "LOOP", "OpenBSD loopback"),
        new Entry(109, "ENC", "OpenBSD encapsulated IP"),
        new Entry(113, "LINUX_SLL", "Linux cooked v1"),
        new Entry(114, "LTALK", "Localtalk"),
        new Entry(117, "PFLOG", "OpenBSD pflog file"),
        new Entry(119, "PRISM_HEADER", "802.11 plus Prism header"),
        new Entry(122, "IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel"),
        new Entry(123, "SUNATM", "Sun raw ATM"),
        new Entry(127, "IEEE802_11_RADIO", "802.11 plus radiotap header"),
        new Entry(129, "ARCNET_LINUX", "Linux ARCNET"),
        new Entry(130, "JUNIPER_MLPPP", "Juniper Multi-Link PPP"),
        new Entry(131, "JUNIPER_MLFR", "Juniper Multi-Link Frame Relay"),
        new Entry(132, "JUNIPER_ES", "Juniper Encryption Services PIC"),
        new Entry(133, "JUNIPER_GGSN", "Juniper GGSN PIC"),
        new Entry(134, "JUNIPER_MFR", "Juniper FRF.16 Frame Relay"),
        new Entry(135, "JUNIPER_ATM2", "Juniper ATM2 PIC"),
        new Entry(136, "JUNIPER_SERVICES", "Juniper Advanced Services PIC"),
        new Entry(137, "JUNIPER_ATM1", "Juniper ATM1 PIC"),
        new Entry(138, "APPLE_IP_OVER_IEEE1394", "Apple IP-over-IEEE 1394"),
        new Entry(139, "MTP2_WITH_PHDR", "SS7 MTP2 with Pseudo-header"),
        new Entry(140, "MTP2", "SS7 MTP2"),
        new Entry(141, "MTP3", "SS7 MTP3"),
        new Entry(142, "SCCP", "SS7 SCCP"),
        new Entry(143, "DOCSIS", "DOCSIS"),
        new Entry(144, "LINUX_IRDA", "Linux IrDA"),
        new Entry(163, "IEEE802_11_RADIO_AVS", "802.11 plus AVS radio information header"),
        new Entry(164, "JUNIPER_MONITOR", "Juniper Passive Monitor PIC"),
        new Entry(165, "BACNET_MS_TP", "BACnet MS/TP"),
        new Entry(166, "PPP_PPPD", "PPP for pppd, with direction flag"),
        new Entry(167, "JUNIPER_PPPOE", "Juniper PPPoE"),
        new Entry(168, "JUNIPER_PPPOE_ATM", "Juniper PPPoE/ATM"),
        new Entry(169, "GPRS_LLC", "GPRS LLC"),
        new Entry(170, "GPF_T", "GPF-T"),
        new Entry(171, "GPF_F", "GPF-F"),
        new Entry(174, "JUNIPER_PIC_PEER", "Juniper PIC Peer"),
        new Entry(175, "ERF_ETH", "Ethernet with Endace ERF header"),
        new Entry(176, "ERF_POS", "Packet-over-SONET with Endace ERF header"),
        new Entry(177, "LINUX_LAPD", "Linux vISDN LAPD"),
        new Entry(178, "JUNIPER_ETHER", "Juniper Ethernet"),
        new Entry(179, "JUNIPER_PPP", "Juniper PPP"),
        new Entry(180, "JUNIPER_FRELAY", "Juniper Frame Relay"),
        new Entry(181, "JUNIPER_CHDLC", "Juniper C-HDLC"),
        new Entry(182, "MFR", "FRF.16 Frame Relay"),
        new Entry(183, "JUNIPER_VP", "Juniper Voice PIC"),
        new Entry(184, "A429", "Arinc 429"),
        new Entry(185, "A653_ICM", "Arinc 653 Interpartition Communication"),
        new Entry(186, "USB_FREEBSD", "USB with FreeBSD header"),
        new Entry(187, "BLUETOOTH_HCI_H4", "Bluetooth HCI UART transport layer"),
        new Entry(188, "IEEE802_16_MAC_CPS", "IEEE 802.16 MAC Common Part Sublayer"),
        new Entry(189, "USB_LINUX", "USB with Linux header"),
        new Entry(190, "CAN20B", "Controller Area Network (CAN) v. 2.0B"),
        new Entry(191, "IEEE802_15_4_LINUX", "IEEE 802.15.4 with Linux padding"),
        new Entry(192, "PPI", "Per-Packet Information"),
        new Entry(193, "IEEE802_16_MAC_CPS_RADIO", "IEEE 802.16 MAC Common Part Sublayer plus radiotap header"),
        new Entry(194, "JUNIPER_ISM", "Juniper Integrated Service Module"),
        new Entry(195, "IEEE802_15_4", "IEEE 802.15.4 with FCS"),
        new Entry(196, "SITA", "SITA pseudo-header"),
        new Entry(197, "ERF", "Endace ERF header"),
        new Entry(198, "RAIF1", "Ethernet with u10 Networks pseudo-header"),
        new Entry(199, "IPMB_KONTRON", "IPMB with Kontron pseudo-header"),
        new Entry(200, "JUNIPER_ST", "Juniper Secure Tunnel"),
        new Entry(201, "BLUETOOTH_HCI_H4_WITH_PHDR", "Bluetooth HCI UART transport layer plus pseudo-header"),
        new Entry(202, "AX25_KISS", "AX.25 with KISS header"),
        new Entry(209, "IPMB_LINUX", "IPMB with Linux/Pigeon Point pseudo-header"),
        new Entry(215, "IEEE802_15_4_NONASK_PHY", "IEEE 802.15.4 with non-ASK PHY data"),
        new Entry(216, "LINUX_EVDEV", "Linux evdev events"),
        new Entry(219, "MPLS", "MPLS with label as link-layer header"),
        new Entry(220, "USB_LINUX_MMAPPED", "USB with padded Linux header"),
        new Entry(221, "DECT", "DECT"),
        new Entry(222, "AOS", "AOS Space Data Link protocol"),
        new Entry(223, "WIHART", "Wireless HART"),
        new Entry(224, "FC_2", "Fibre Channel FC-2"),
        new Entry(225, "FC_2_WITH_FRAME_DELIMS", "Fibre Channel FC-2 with frame delimiters"),
        new Entry(226, "IPNET", "Solaris ipnet"),
        new Entry(227, "CAN_SOCKETCAN", "CAN-bus with SocketCAN headers"),
        new Entry(228, "IPV4", "Raw IPv4"),
        new Entry(229, "IPV6", "Raw IPv6"),
        new Entry(230, "IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS"),
        new Entry(231, "DBUS", "D-Bus"),
        new Entry(232, "JUNIPER_VS", "Juniper Virtual Server"),
        new Entry(233, "JUNIPER_SRX_E2E", "Juniper SRX E2E"),
        new Entry(234, "JUNIPER_FIBRECHANNEL", "Juniper Fibre Channel"),
        new Entry(235, "DVB_CI", "DVB-CI"),
        new Entry(236, "MUX27010", "MUX27010"),
        new Entry(237, "STANAG_5066_D_PDU", "STANAG 5066 D_PDUs"),
        new Entry(238, "JUNIPER_ATM_CEMIC", "Juniper ATM CEMIC"),
        new Entry(239, "NFLOG", "Linux netfilter log messages"),
        new Entry(240, "NETANALYZER", "Ethernet with Hilscher netANALYZER pseudo-header"),
        new Entry(241, "NETANALYZER_TRANSPARENT", "Ethernet with Hilscher netANALYZER pseudo-header and with preamble and SFD"),
        new Entry(242, "IPOIB", "RFC 4391 IP-over-Infiniband"),
        new Entry(243, "MPEG_2_TS", "MPEG-2 transport stream"),
        new Entry(244, "NG40", "ng40 protocol tester Iub/Iur"),
        new Entry(245, "NFC_LLCP", "NFC LLCP PDUs with pseudo-header"),
        new Entry(246, "PFSYNC", "Packet filter state syncing"),
        new Entry(247, "INFINIBAND", "InfiniBand"),
        new Entry(248, "SCTP", "SCTP"),
        new Entry(249, "USBPCAP", "USB with USBPcap header"),
        new Entry(250, "RTAC_SERIAL", "Schweitzer Engineering Laboratories RTAC packets"),
        new Entry(251, "BLUETOOTH_LE_LL", "Bluetooth Low Energy air interface"),
        new Entry(253, "NETLINK", "Linux netlink"),
        new Entry(254, "BLUETOOTH_LINUX_MONITOR", "Bluetooth Linux Monitor"),
        new Entry(255, "BLUETOOTH_BREDR_BB", "Bluetooth Basic Rate/Enhanced Data Rate baseband packets"),
        new Entry(256, "BLUETOOTH_LE_LL_WITH_PHDR", "Bluetooth Low Energy air interface with pseudo-header"),
        new Entry(257, "PROFIBUS_DL", "PROFIBUS data link layer"),
        new Entry(258, "PKTAP", "Apple DLT_PKTAP"),
        new Entry(259, "EPON", "Ethernet with 802.3 Clause 65 EPON preamble"),
        new Entry(260, "IPMI_HPM_2", "IPMI trace packets"),
        new Entry(261, "ZWAVE_R1_R2", "Z-Wave RF profile R1 and R2 packets"),
        new Entry(262, "ZWAVE_R3", "Z-Wave RF profile R3 packets"),
        new Entry(263, "WATTSTOPPER_DLM", "WattStopper Digital Lighting Management (DLM) and Legrand Nitoo Open protocol"),
        new Entry(264, "ISO_14443", "ISO 14443 messages"),
        new Entry(265, "RDS", "IEC 62106 Radio Data System groups"),
        new Entry(266, "USB_DARWIN", "USB with Darwin header"),
        new Entry(267, "OPENFLOW", "OpenBSD DLT_OPENFLOW"),
        new Entry(268, "SDLC", "IBM SDLC frames"),
        new Entry(269, "TI_LLN_SNIFFER", "TI LLN sniffer frames"),
        new Entry(271, "VSOCK", "Linux vsock"),
        new Entry(272, "NORDIC_BLE", "Nordic Semiconductor Bluetooth LE sniffer frames"),
        new Entry(273, "DOCSIS31_XRA31", "Excentis XRA-31 DOCSIS 3.1 RF sniffer frames"),
        new Entry(274, "ETHERNET_MPACKET", "802.3br mPackets"),
        new Entry(275, "DISPLAYPORT_AUX", "DisplayPort AUX channel monitoring data"),
        new Entry(276, "LINUX_SLL2", "Linux cooked v2"),
        new Entry(278, "OPENVIZSLA", "OpenVizsla USB"),
        new Entry(279, "EBHSCR", "Elektrobit High Speed Capture and Replay (EBHSCR)"),
        new Entry(280, "VPP_DISPATCH", "VPP graph dispatch tracer"),
        new Entry(281, "DSA_TAG_BRCM", "Broadcom tag"),
        new Entry(282, "DSA_TAG_BRCM_PREPEND", "Broadcom tag (prepended)"),
        new Entry(283, "IEEE802_15_4_TAP", "IEEE 802.15.4 with pseudo-header"),
        new Entry(284, "DSA_TAG_DSA", "Marvell DSA"),
        new Entry(285, "DSA_TAG_EDSA", "Marvell EDSA"),
        new Entry(286, "ELEE", "ELEE lawful intercept packets"),
        new Entry(287, "Z_WAVE_SERIAL", "Z-Wave serial frames between host and chip"),
        new Entry(288, "USB_2_0", "USB 2.0/1.1/1.0 as transmitted over the cable"),
        new Entry(289, "ATSC_ALP", "ATSC Link-Layer Protocol packets"),
    };

    /** The largest DLT value libpcap names. */
    private static final int MAX_NAMED = 289;
    private static final Entry[] BY_DLT = new Entry[MAX_NAMED + 1];

    static {
        for (Entry e : ENTRIES) BY_DLT[e.dlt()] = e;
    }

    /** libpcap's name of {@code dlt} ("EN10MB"), or null where it has none. */
    public static String name(long dlt) {
        Entry e = entry(dlt);
        return e == null ? null : e.name();
    }

    /** libpcap's description of {@code dlt} ("Ethernet"), or null where it has none. */
    public static String description(long dlt) {
        Entry e = entry(dlt);
        return e == null ? null : e.description();
    }

    /** How tcpdump names a link type in its "reading from file" and "listening on" lines: "EN10MB (Ethernet)", or the number. */
    public static String tcpdumpText(int dlt) {
        Entry e = entry(dlt);
        return e == null ? Integer.toUnsignedString(dlt) : e.name() + " (" + e.description() + ")";
    }

    private static Entry entry(long dlt) {
        return dlt >= 0 && dlt <= MAX_NAMED ? BY_DLT[(int) dlt] : null;
    }

    /** The DLT libpcap names {@code name} (case-insensitive, without "DLT_"), or -1, as pcap_datalink_name_to_val. */
    public static int named(String name) {
        for (Entry e : ENTRIES) {
            if (e.name().equalsIgnoreCase(name)) return e.dlt();
        }
        return -1;
    }

    /** The LINKTYPEs (file values) whose DLT on Linux is another number, and those DLTs. */
    private static final int LINKTYPE_ATM_RFC1483 = 100, LINKTYPE_RAW = 101, LINKTYPE_SLIP_BSDOS = 102,
        LINKTYPE_PPP_BSDOS = 103, LINKTYPE_ATM_CLIP = 106;
    private static final int DLT_ATM_RFC1483 = 11, DLT_RAW = 12, DLT_SLIP_BSDOS = 15, DLT_PPP_BSDOS = 16,
        DLT_ATM_CLIP = 19;

    /**
     * A file's LINKTYPE as the DLT libpcap hands out for it on Linux: the same number, but for the five whose DLT
     * differs by platform. A LINKTYPE libpcap does not know stays as it is.
     */
    public static int fromLinkType(int linkType) {
        return switch (linkType) {
            case LINKTYPE_ATM_RFC1483 -> DLT_ATM_RFC1483;
            case LINKTYPE_RAW -> DLT_RAW;
            case LINKTYPE_SLIP_BSDOS -> DLT_SLIP_BSDOS;
            case LINKTYPE_PPP_BSDOS -> DLT_PPP_BSDOS;
            case LINKTYPE_ATM_CLIP -> DLT_ATM_CLIP;
            default -> linkType;
        };
    }

    /**
     * The link type libpcap writes into a file for packets read with {@code linkType}: the same, but for a DLT
     * value found in a file in place of its LINKTYPE (12 for raw IP, libpcap reads it as DLT_RAW), which becomes
     * that LINKTYPE (101), as tcpdump -r -w and editcap write it.
     */
    public static int fileLinkType(int linkType) {
        return toLinkType(linkType);
    }

    /** A DLT as the LINKTYPE a file carries for it: the inverse of {@link #fromLinkType}. */
    public static int toLinkType(int dlt) {
        return switch (dlt) {
            case DLT_ATM_RFC1483 -> LINKTYPE_ATM_RFC1483;
            case DLT_RAW -> LINKTYPE_RAW;
            case DLT_SLIP_BSDOS -> LINKTYPE_SLIP_BSDOS;
            case DLT_PPP_BSDOS -> LINKTYPE_PPP_BSDOS;
            case DLT_ATM_CLIP -> LINKTYPE_ATM_CLIP;
            default -> dlt;
        };
    }
}
