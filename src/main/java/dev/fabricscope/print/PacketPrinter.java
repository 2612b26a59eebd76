package dev.fabricscope.print;

import dev.fabricscope.capture.DltNames;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.AristaHeader;
import dev.fabricscope.dissect.BsdHeaders;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.MacsecSecTag;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;

/**
 * One line per packet like {@code tcpdump -n -S} (absolute TCP sequence numbers), or like {@code tcpdump -n} with
 * {@link Option#RELATIVE_SEQUENCE_NUMBERS}, in tcpdump's verbosities ({@code -q}, default, {@code -v} to
 * {@code -vvv}). The line is appended without its trailing newline; a VERBOSE IPv4 line contains one
 * {@code "\n    "} continuation as tcpdump -v prints it, and some protocols add lines as tcpdump's do.
 *
 * <p>Byte-identical to tcpdump 4.99 for TCP, UDP (ports tcpdump does not decode), DNS, TFTP, BFD, VXLAN, Geneve, OTV,
 * VXLAN-GPE, NSH (also on ethertype 0x894f: {@link NshFormatter}), MPLS in UDP, LISP control ({@link LispFormatter}),
 * NTP, syslog, DHCP, DHCPv6, SNMP, RADIUS, BGP, PTP, L2TP ({@link L2tpFormatter}), the SSH banner, Telnet's commands,
 * ICMP, ICMPv6, IGMP, VRRP, RSVP, OSPFv2/v3, PIM, IPv6 extension headers, AH/ESP/IPComp, SCTP, DCCP, IP tunnels, GRE
 * ({@link GreFormatter}), MPLS ({@link MplsFormatter}), PPPoE and PPP ({@link PppoeFormatter}), ARP and Reverse ARP, IPv4 fragments,
 * slow protocols, LLDP ({@link LldpFormatter}), MACsec ({@link MacsecFormatter}), Arista timestamp headers
 * ({@link AristaFormatter}), MS NLB heartbeats, MPCP and MAC control ({@link MpcpFormatter}), TIPC ({@link TipcFormatter}), DECnet ({@link DecnetFormatter}), Loopback (CTP), ATA over Ethernet ({@link AoeFormatter}), EAPOL ({@link EapolFormatter}), Ethernet CFM, IEEE 802.3 and Alteon jumbo (0x8870) frames with their LLC/SNAP header and STP,
 * CDP, DTP, UDLD, VTP, IS-IS, ES-IS and CLNP ({@link LlcFormatter}), unknown ethertypes (with tcpdump's default hex
 * dump), Linux cooked and NULL/LOOP link layers, PPP, PPP_SERIAL and Cisco HDLC with SLARP ({@link ChdlcFormatter}), IP
 * over InfiniBand (LINKTYPE_IPOIB), Linux netfilter log ({@link NflogFormatter}), Solaris ipnet ({@link
 * IpnetFormatter}), Linux vsock ({@link VsockFormatter}), Frame Relay and FRF.16 multilink Frame Relay ({@link
 * FrameRelayFormatter}, Q.933 in {@link Q933Formatter}), IEEE 802.11 bare, after radiotap ({@link
 * RadiotapFormatter}), Prism or AVS headers ({@link Ieee80211Formatter}), pf's log ({@link PflogFormatter}), OpenBSD's
 * enc ({@link EncFormatter}), macOS's pktap ({@link PktapFormatter}) and PPI headers before a packet of their DLT, and
 * the truncation markers of those; see PacketPrinterTest for the
 * known differences. Starts from the link layers the {@link dev.fabricscope.dissect.Dissector} found ({@link Layers})
 * and reads each protocol header itself as tcpdump's printers do (every read bounds-checked), and allocates nothing
 * per packet. Not thread-safe: one per thread.
 */
public final class PacketPrinter {
    /** tcpdump flags beyond the verbosity. */
    public enum Option {
        /**
         * {@code -e}: on Ethernet (LINKTYPE_EN10MB), the MAC addresses, ethertype (tcpdump's names, "Unknown" for
         * others) and frame length, and each VLAN tag; on Linux cooked captures their header; on NULL/LOOP the address
         * family; on raw IP "ip: "; on PPP the protocol and frame length; on PPP_SERIAL the address, control and
         * length; on Cisco HDLC the address, type and length; on IPoIB "IPOIB", the ethertype and length; on NFLOG
         * and IPNET their header; on Frame Relay the Q.922 header; on PFLOG the rule, reason, action, direction and
         * interface; on PKTAP and PPI the DLT and header length. On every link type the line then leaves out the "IP ", "IP6 " and "ARP, " names, as
         * tcpdump -e does.
         */
        LINK_HEADERS,
        /** {@code -#}: each line starts with the packet's number among those printed, as "%5u  ". */
        PACKET_NUMBERS,
        /** {@code --time-stamp-precision=nano}: times (and -ttt/-ttttt differences) with nine fraction digits. */
        NANOSECONDS,
        /**
         * tcpdump's default (no {@code -S}): TCP sequence and acknowledgement numbers, and SACK blocks, relative to
         * each conversation's first packet with ACK set. The printer then remembers conversations (bounded).
         */
        RELATIVE_SEQUENCE_NUMBERS,
        /** {@code -K}: with -v, IPv4 header, TCP and UDP checksums are not verified (the only ones tcpdump's -K skips). */
        DONT_VERIFY_CHECKSUMS,
        /** {@code -b}: BGP's 4-byte AS numbers above 65535 in ASDOT notation ("1.0" for 65536). */
        BGP_ASDOT,
        /** {@code -u}: NFS file handles printed undecoded, as their 32-bit words in hex ("fh[...]"). */
        NFS_RAW_HANDLES,
        /** {@code -H}: 802.11s mesh control headers after QoS data frames' 802.11 headers ("MeshData (...)" with -e). */
        MESH_HEADERS
    }

    private static final int ETHERNET_HEADER = 14, SLL_HEADER = 16, SLL2_HEADER = 20, NULL_HEADER = 4;
    private static final int MAX_ETHERNET_LENGTH = 1500;
    private static final int ETHERTYPE_IPV4 = 0x0800, ETHERTYPE_ARP = 0x0806, ETHERTYPE_REVARP = 0x8035, ETHERTYPE_IPV6 = 0x86dd,
            ETHERTYPE_SLOW = 0x8809, ETHERTYPE_LLDP = 0x88cc;
    private static final int ETHERTYPE_MPLS = 0x8847, ETHERTYPE_MPLS_MULTICAST = 0x8848,
            ETHERTYPE_PPPOE_DISCOVERY = 0x8863, ETHERTYPE_PPPOE_SESSION = 0x8864,
            ETHERTYPE_PPPOE_DISCOVERY_3COM = 0x3c12, ETHERTYPE_PPPOE_SESSION_3COM = 0x3c13;
    private static final int ETHERTYPE_PTP = 0x88f7, ETHERTYPE_CFM = 0x8902, ETHERTYPE_CFM_OLD = 0xabcd,
            ETHERTYPE_ISO = 0xfefe, ETHERTYPE_NSH = 0x894f, ETHERTYPE_PPP = 0x880b, ETHERTYPE_JUMBO = 0x8870;
    private static final int ERF_TYPE_INFINIBAND = 21;
    private static final int PPP_HEADER = 4, PPP_ADDRESS = 0xff;
    private static final int IPOIB_HEADER = 44, IPOIB_TYPE = 40;
    private static final int NLPID_CLNP = 0x81, NLPID_ESIS = 0x82, NLPID_ISIS = 0x83;
    private static final int MAX_CACHED_INTERFACE_NAMES = 64;

    private final Verbosity verbosity;
    private final TimestampFormatter timestamps;
    private final IpFormatter ip;
    private final ArpFormatter arp;
    private final SlowProtocolsFormatter slow;
    private final LldpFormatter lldp;
    private final LlcFormatter llc;
    private final OsiFormatter osi;
    /** The LLC (and SNAP) header length tcpdump counted for the last outermost 802.3 frame (for -x). */
    private int llcHeaderLength;
    /** The link-level bytes tcpdump counted for the last Linux cooked packet (header, VLAN tags, LLC; for -x). */
    private int cookedLinkLength;
    /** The link-level bytes tcpdump counted for the last outermost MACsec or Arista frame (for -x); -1: another. */
    private int etherHeaderLength = -1;
    private final MplsFormatter mpls;
    private final PppFormatter ppp;
    private final PppoeFormatter pppoe;
    private final PtpFormatter ptp;
    private final CfmFormatter cfm;
    private final NshFormatter nsh;
    private final MsnlbFormatter msnlb;
    private final MpcpFormatter mpcp;
    private final LoopbackFormatter loopback;
    private final EapolFormatter eapol;
    private final TipcFormatter tipc;
    private final DecnetFormatter decnet;
    private final IpxFormatter ipx;
    private final AtalkFormatter atalk;
    private final Ieee802154Formatter wpan;
    private final GeonetFormatter geonet;
    private final RealtekFormatter realtek;
    /** The frame whose Ethernet source MAC GeoNet, CALM FAST and Realtek print (tcpdump's src), as bytes and offset. */
    private byte[] sourceBytes;
    private int sourceFrame, sourceMac = -1;
    private final AoeFormatter aoe;
    private final SwitchTagFormatter switchTags;
    private final ChdlcFormatter chdlc;
    /** The link-level bytes tcpdump counted for the last PPP, PPP_SERIAL or C_HDLC packet (for -x). */
    private int serialLinkLength;
    private final InfinibandFormatter infiniband = new InfinibandFormatter();
    private final NflogFormatter nflog;
    private final IpnetFormatter ipnet;
    private final VsockFormatter vsock;
    private final PflogFormatter pflog;
    private final EncFormatter enc;
    /**
     * The link-level bytes tcpdump counted for this packet, as the link printers that work them out return them
     * (NFLOG, VSOCK, PFLOG, PPI, PKTAP, Frame Relay, ATM, 802.11, LTALK, PPPoE, the legacy types); -1 for the
     * others, whose length {@link #linkHeaderLength} derives. Set by {@link #link}, read by -x's dump (a carried
     * packet's is read before its carrier's is set).
     */
    private int linkLength = -1;
    private final LegacyLinkFormatter legacyLinks;
    private final SlipFormatter slip;
    private final JuniperFormatter juniper;
    private final FrameRelayFormatter frameRelay;
    private final AtmFormatter atm;
    private final UsbFormatter usb;
    private final BluetoothFormatter bluetooth;
    /** {@link #encapsulated} as the ATM printers call it (one reference, made once). */
    private final Encapsulated carried = this::encapsulated;
    private final RadiotapFormatter radiotap = new RadiotapFormatter();
    private final Ieee80211Formatter wifi;
    /** The Ethernet frame after the last Juniper pseudo-header, at {@code juniperFrameAt} (-1: none printed). */
    private final Packet juniperFrame = new Packet();
    private final Layers juniperLayers = new Layers();
    private int juniperFrameAt;
    private final EarlyEnd earlyEnd = new EarlyEnd();
    /** LINUX_SLL2 interface index → name on this machine, as tcpdump resolves it (if_indextoname); bounded. */
    private final int[] nameIndexes = new int[MAX_CACHED_INTERFACE_NAMES];
    private final String[] names = new String[MAX_CACHED_INTERFACE_NAMES];
    private int namesCached;

    private static final int MAX_NESTING = 8;
    private final Packet[] innerPackets = new Packet[MAX_NESTING];
    private final Layers[] innerLayers = new Layers[MAX_NESTING];
    private int nesting;
    /**
     * Makes the printer of OpenFlow 1.0's carried frames ({@link Encapsulated#OPENFLOW_FRAME}): these settings at
     * tcpdump's ndo_vflag - 3; null below -vvv, where tcpdump does not decode them. Made on the first such frame.
     */
    private final java.util.function.Supplier<PacketPrinter> lowerer;
    private PacketPrinter lowered;

    private final boolean linkHeaders;
    private final boolean packetNumbers;
    private final TimestampStyle timestampStyle;
    private final RawDump rawDump;
    /** tcpdump's default hex+ASCII dump of what it cannot decode: off with -q, -x and -X (suppress_default_print). */
    private final boolean defaultPrint;
    private long printed;

    public PacketPrinter(ZoneId zone, Verbosity verbosity) {
        this(zone, verbosity, Set.of());
    }

    public PacketPrinter(ZoneId zone, Verbosity verbosity, Set<Option> options) {
        this(zone, verbosity, options, TimestampStyle.TIME, RawDump.NONE);
    }

    /** With tcpdump's time stamp flag ({@code -t} ... {@code -ttttt}) and raw-byte flag ({@code -x}, -X, -A). */
    public PacketPrinter(ZoneId zone, Verbosity verbosity, Set<Option> options, TimestampStyle timestampStyle,
                         RawDump rawDump) {
        this(zone, verbosity, options, timestampStyle, rawDump, null);
    }

    /** And tcpdump's {@code -T type} ({@code forced}; null: by port). */
    public PacketPrinter(ZoneId zone, Verbosity verbosity, Set<Option> options, TimestampStyle timestampStyle,
                         RawDump rawDump, PacketType forced) {
        this(zone, verbosity, options, timestampStyle, rawDump, forced, null);
    }

    /**
     * And tcpdump's {@code -M secret}: TCP-MD5 signature options (RFC 2385) verified with {@code tcpSignatureSecret}
     * (the argument's bytes, as tcpdump hashes them; copied), "md5 valid" or "md5  (invalid)"; null: no -M.
     */
    public PacketPrinter(ZoneId zone, Verbosity verbosity, Set<Option> options, TimestampStyle timestampStyle,
                         RawDump rawDump, PacketType forced, byte[] tcpSignatureSecret) {
        this(zone, verbosity, options, timestampStyle, rawDump, forced, tcpSignatureSecret, null, null);
    }

    /**
     * And tcpdump's {@code -E secret} ({@code espSecret}, null: no -E): ESP decrypted with its SAs ({@link EspSecrets},
     * parsed at the first ESP packet as tcpdump parses them); {@code espWarnings} gets tcpdump's warnings about them
     * (a line each, without "WARNING: "). An invalid hex digit or an unreadable secrets file ends {@link #format} with
     * {@link EspSecrets.BadSecretException}, as it ends tcpdump.
     */
    public PacketPrinter(ZoneId zone, Verbosity verbosity, Set<Option> options, TimestampStyle timestampStyle,
                         RawDump rawDump, PacketType forced, byte[] tcpSignatureSecret, String espSecret,
                         java.util.function.Consumer<String> espWarnings) {
        this(zone, verbosity, options, timestampStyle, rawDump, forced, tcpSignatureSecret,
            espSecret == null ? null : new EspSecrets.Parsed(espSecret, espWarnings == null ? w -> { } : espWarnings));
    }

    /**
     * With -E's secrets parsed once for several printers ({@code espSecrets}, null: no -E): a capture on several
     * interfaces prints their warnings once, as tcpdump; each printer decrypts with cipher state of its own.
     */
    public PacketPrinter(ZoneId zone, Verbosity verbosity, Set<Option> options, TimestampStyle timestampStyle,
                         RawDump rawDump, PacketType forced, byte[] tcpSignatureSecret, EspSecrets.Parsed espSecrets) {
        this.verbosity = verbosity;
        // the same flags at vflag - 3, as tcpdump's OpenFlow printer lowers ndo_vflag alone (the -E parse shared:
        // its warnings are said once)
        this.lowerer = verbosity.mostVerbose() ? () -> new PacketPrinter(zone, Verbosity.of(false,
            verbosity.vflag() - 3), options, timestampStyle, rawDump, forced, tcpSignatureSecret, espSecrets)
            : null;
        this.linkHeaders = options.contains(Option.LINK_HEADERS);
        this.packetNumbers = options.contains(Option.PACKET_NUMBERS);
        this.timestampStyle = timestampStyle;
        this.rawDump = rawDump;
        this.defaultPrint = verbosity != Verbosity.QUIET && !rawDump.hex;
        this.timestamps = new TimestampFormatter(zone, timestampStyle, options.contains(Option.NANOSECONDS), true);
        PrintSettings settings = new PrintSettings(verbosity, linkHeaders,
            options.contains(Option.RELATIVE_SEQUENCE_NUMBERS), defaultPrint, rawDump.hex && rawDump.ascii, zone, forced,
            !options.contains(Option.DONT_VERIFY_CHECKSUMS), options.contains(Option.BGP_ASDOT),
            options.contains(Option.NFS_RAW_HANDLES), tcpSignatureSecret == null ? null : tcpSignatureSecret.clone(),
            espSecrets == null ? null : new EspSecrets(espSecrets));
        this.ip = new IpFormatter(settings, earlyEnd, this::encapsulated, this::carriedEtherType);
        this.arp = new ArpFormatter(verbosity, linkHeaders, earlyEnd);
        this.slow = new SlowProtocolsFormatter(verbosity, earlyEnd);
        this.lldp = new LldpFormatter(verbosity, earlyEnd);
        this.llc = new LlcFormatter(verbosity, linkHeaders, defaultPrint, earlyEnd, this::etherTypeBody,
            this::encapsulated);
        this.osi = new OsiFormatter(verbosity, linkHeaders, earlyEnd, this::etherTypeBody, this::encapsulated);
        this.mpls = new MplsFormatter(verbosity, defaultPrint, earlyEnd, this::encapsulated);
        this.ppp = new PppFormatter(verbosity, linkHeaders, earlyEnd, this::encapsulated);
        this.pppoe = new PppoeFormatter(earlyEnd, ppp);
        this.ptp = new PtpFormatter(earlyEnd);
        this.cfm = new CfmFormatter(verbosity, earlyEnd);
        this.nsh = new NshFormatter(verbosity, earlyEnd, this::encapsulated);
        this.msnlb = new MsnlbFormatter(earlyEnd);
        this.mpcp = new MpcpFormatter(verbosity, earlyEnd);
        this.loopback = new LoopbackFormatter(earlyEnd);
        this.eapol = new EapolFormatter(verbosity, earlyEnd);
        this.tipc = new TipcFormatter(verbosity, earlyEnd);
        this.decnet = new DecnetFormatter(verbosity, earlyEnd);
        this.ipx = new IpxFormatter(verbosity, linkHeaders, earlyEnd);
        this.atalk = new AtalkFormatter(verbosity, linkHeaders, earlyEnd);
        this.wpan = new Ieee802154Formatter(verbosity, defaultPrint, earlyEnd);
        this.geonet = new GeonetFormatter(verbosity, earlyEnd);
        this.realtek = new RealtekFormatter(earlyEnd);
        this.aoe = new AoeFormatter(verbosity, earlyEnd);
        this.switchTags = new SwitchTagFormatter(linkHeaders);
        this.chdlc = new ChdlcFormatter(verbosity, earlyEnd);
        this.nflog = new NflogFormatter(verbosity, linkHeaders, defaultPrint, ip);
        this.ipnet = new IpnetFormatter(verbosity, linkHeaders, defaultPrint, earlyEnd, ip);
        this.vsock = new VsockFormatter(verbosity);
        this.pflog = new PflogFormatter(linkHeaders, defaultPrint, ip);
        this.enc = new EncFormatter(earlyEnd, ip);
        this.wifi = new Ieee80211Formatter(verbosity, linkHeaders, options.contains(Option.MESH_HEADERS), llc);
        this.juniper = new JuniperFormatter(verbosity, linkHeaders, earlyEnd, ip, ppp, mpls, osi);
        this.usb = new UsbFormatter(verbosity, earlyEnd);
        this.bluetooth = new BluetoothFormatter(linkHeaders, defaultPrint, earlyEnd);
        this.atm = new AtmFormatter(verbosity, linkHeaders, earlyEnd, llc, osi, carried);
        this.legacyLinks = new LegacyLinkFormatter(verbosity, linkHeaders, defaultPrint, earlyEnd, this::etherTypeBody,
            llc);
        this.slip = new SlipFormatter(linkHeaders, earlyEnd, ip);
        this.frameRelay = new FrameRelayFormatter(verbosity, linkHeaders, defaultPrint, rawDump.hex && !rawDump.ascii,
            earlyEnd, ip, osi, ppp, this::etherTypeBody, llc::snapOnly, timestamps);
    }

    /**
     * Appends the line for {@code p}, dissected into {@code l}, to {@code out} (no newline), then the raw bytes
     * asked for (on further lines). Call it for each packet to print, in order: -# counts the calls, and -ttt
     * measures from the previous call's packet.
     */
    public void format(Packet p, Layers l, StringBuilder out) {
        earlyEnd.reset();
        etherHeaderLength = -1;
        sourceMac = -1;
        if (packetNumbers) {
            int start = out.length();
            out.append(++printed);
            while (out.length() - start < 5) out.insert(start, ' ');
            out.append("  ");
        }
        if (invalidHeader(p, out)) return;
        if (timestampStyle != TimestampStyle.NONE) {
            timestamps.format(p.timestampNanos(), p.fractionField(), out);
            out.append(' ');
        }
        link(p, l, p.origLen(), out);
        if (rawDump != RawDump.NONE) rawBytes(p, l, out);
    }

    /** A packet of {@code p}'s link type ({@code length}: on the wire), as tcpdump's printer for that type. */
    private void link(Packet p, Layers l, int length, StringBuilder out) {
        linkLength = -1;
        switch (p.linkType()) {
            case LinkType.EN10MB -> ethernet(p, l, 0, length, out);
            case LinkType.LINUX_SLL -> linuxCooked(p, false, length, out);
            case LinkType.LINUX_SLL2 -> linuxCooked(p, true, length, out);
            case LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14, LinkType.IPV4, LinkType.IPV6 -> {
                if (linkHeaders) out.append("ip: ");   // tcpdump -e's whole link-level header for raw IP
                ip.ipByVersion(p, 0, length, out);
            }
            case LinkType.NULL, LinkType.LOOP -> nullOrLoop(p, length, out);
            case LinkType.ERF -> {
                if (l.erfType == ERF_TYPE_INFINIBAND) infiniband(p, l, out);
                else if (l.ethOffset >= 0) ethernet(p, l, l.ethOffset, length - l.ethOffset, out);
                else unsupported(p, out);
            }
            case LinkType.INFINIBAND -> infiniband(p, l, out);
            case LinkType.DSA_TAG_DSA, LinkType.DSA_TAG_EDSA, LinkType.DSA_TAG_BRCM ->
                ethernet(p, l, 0, length, SwitchTagFormatter.innerTagLength(p.linkType()), out);
            case LinkType.DSA_TAG_BRCM_PREPEND -> brcmPrepended(p, l, length, out);
            case LinkType.NETANALYZER, LinkType.NETANALYZER_TRANSPARENT -> netanalyzer(p, l, length, out);
            case LinkType.PPP, LinkType.PPP_PPPD -> pppLink(p, length, out);
            case LinkType.PPP_SERIAL -> serialLinkLength = pppSerial(p, length, out);
            case LinkType.PPP_ETHER -> linkLength = pppoe.format(p, 0, length, out);
            case LinkType.SYMANTEC_FIREWALL -> linkLength = legacyLinks.symantec(p, length, out);
            case LinkType.APPLE_IP_OVER_IEEE1394 -> linkLength = legacyLinks.ap1394(p, length, out);
            case LinkType.IP_OVER_FC -> linkLength = legacyLinks.ipfc(p, length, out);
            case LinkType.FDDI -> linkLength = legacyLinks.fddi(p, length, out);
            case LinkType.IEEE802 -> linkLength = legacyLinks.tokenRing(p, length, out);
            case LinkType.ARCNET -> linkLength = arcnet(p, length, out);
            case LinkType.ARCNET_LINUX -> linkLength = arcnetLinux(p, length, out);
            case LinkType.SLIP -> linkLength = slip.slip(p, length, out);
            case LinkType.SLIP_BSDOS, LinkType.SLIP_BSDOS_15 -> linkLength = slip.slipBsdos(p, length, out);
            case LinkType.PPP_BSDOS, LinkType.PPP_BSDOS_16 -> linkLength = 0;   // tcpdump prints nothing off BSD/OS
            case LinkType.C_HDLC -> serialLinkLength = chdlc(p, 0, length, out);
            case LinkType.IPOIB -> ipoib(p, length, out);
            case LinkType.NFLOG -> linkLength = nflog.format(p, length, out);
            case LinkType.IPNET -> ipnet.format(p, length, out);
            case LinkType.VSOCK -> linkLength = vsock.format(p, out);
            case LinkType.PFLOG -> linkLength = pflog.format(p, length, out);
            case LinkType.ENC -> enc.format(p, length, out);
            case LinkType.PPI -> linkLength = ppi(p, length, out);
            case LinkType.FRELAY -> linkLength = frameRelay.link(p, length, out);
            case LinkType.MFR -> linkLength = frameRelay.multilink(p, length, out);
            case LinkType.ATM_RFC1483, LinkType.ATM_RFC1483_100 -> linkLength = atm.rfc1483(p, length, out);
            case LinkType.SUNATM -> linkLength = atm.sunatm(p, length, out);
            case LinkType.ATM_CLIP, LinkType.ATM_CLIP_19 -> linkLength = atm.clip(p, length, out);
            case LinkType.USB_LINUX, LinkType.USB_LINUX_MMAPPED -> linkLength = usb.format(p, p.linkType(), out);
            case LinkType.BLUETOOTH_HCI_H4_WITH_PHDR -> linkLength = bluetooth.format(p, length, out);
            case LinkType.LTALK -> {
                // tcpdump's ltalk_if_print: where the capture ends inside the headers, all of it is header
                int header = atalk.llap(p, 0, length, out);
                linkLength = header == 0 ? p.capLen() : header;
            }
            case LinkType.IEEE802_15_4_WITHFCS, LinkType.IEEE802_15_4_NOFCS -> linkLength = wpan.link(p, out);
            case LinkType.IEEE802_15_4_TAP -> linkLength = wpan.tap(p, out);
            case LinkType.IEEE802_11 -> linkLength = wifi.format(p, 0, length, false, 0, out);
            case LinkType.IEEE802_11_RADIO -> linkLength = radiotap(p, length, out);
            case LinkType.PRISM_HEADER -> linkLength = prism(p, length, out);
            case LinkType.IEEE802_11_RADIO_AVS -> linkLength = avs(p, length, out);
            case LinkType.PKTAP, LinkType.USER2 -> linkLength = pktap(p, length, out);
            default -> {
                if (JuniperFormatter.prints(p.linkType())) juniper(p, length, out);
                else unsupported(p, out);
            }
        }
    }

    /**
     * LINKTYPE_PKTAP ({@link PktapFormatter}): the header's checks, -e's header, then for a packet record the packet as
     * a packet of the header's DLT (a nested view, dissected on its own) when tcpdump has a printer for it, else the
     * header and the default dump. Returns the link-level bytes tcpdump counts: the header, and the carried packet's
     * own twice (pktap_if_print adds what the inner printer added to the running count, then adds the sum to it).
     */
    private int pktap(Packet p, int length, StringBuilder out) {
        if (length >= PktapFormatter.HEADER && !p.has(0, 12)) {   // the DLT and pkt_len fetched first
            earlyEnd.mark(out, "pktap");
            return 0;
        }
        if (!PktapFormatter.valid(p, length, out)) return 0;
        long header = PktapFormatter.headerLength(p);
        if (p.capLen() < header) {
            earlyEnd.mark(out, "pktap");
            return 0;
        }
        int hdr = (int) header;
        if (linkHeaders) PktapFormatter.header(p, length, verbosity == Verbosity.QUIET, out);
        long recordType = PktapFormatter.recordType(p);
        if (recordType == PktapFormatter.REC_NONE) {
            out.append("no data");
            return hdr;
        }
        if (recordType != PktapFormatter.REC_PACKET) return hdr;
        int carried = carriedLink(p, hdr, length, PktapFormatter.dlt(p), out);
        if (carried < 0) {
            if (!linkHeaders) PktapFormatter.header(p, length, verbosity == Verbosity.QUIET, out);
            if (defaultPrint) HexDump.hexAndAscii(p, hdr, p.capLen() - hdr, "\n\t", out);
            return hdr;
        }
        return hdr + 2 * carried;
    }

    /**
     * The packet after a PKTAP or PPI header ({@code hdr} bytes of {@code length}) as a packet of link type {@code
     * dlt} (a nested view, dissected on its own), when tcpdump has a printer for that DLT; returns the link-level
     * bytes that printer counted, -1 when tcpdump has none (nothing printed).
     */
    private int carriedLink(Packet p, int hdr, int length, long dlt, StringBuilder out) {
        if (!PktapFormatter.tcpdumpPrints(dlt) || nesting == MAX_NESTING) return -1;
        Packet inner = innerView(p, hdr, length - hdr, p.capLen() - hdr, PktapFormatter.linkType(dlt));
        Layers layers = innerLayers[nesting];
        Dissector.dissect(inner, layers);
        nesting++;
        try {
            link(inner, layers, length - hdr, out);
            return linkHeaderLength(inner, layers);
        } finally {
            nesting--;
        }
    }

    private static final int PPI_HEADER = 8, PPI_MAX_LENGTH = 65532;

    /**
     * LINKTYPE_PPI as tcpdump's ppi_if_print: the 8-byte header (version, flags, little-endian length and DLT) and
     * its fields up to that length (not printed), then the packet as a packet of the DLT ({@link #carriedLink}); -e
     * prints "V.N DLT NAME (N) len H, length L: " first. Returns the link-level bytes tcpdump counts: the length, and
     * the carried packet's own twice, as for PKTAP.
     */
    private int ppi(Packet p, int length, StringBuilder out) {
        if (p.capLen() < PPI_HEADER) {
            out.append(" [|ppi]");
            return p.capLen();
        }
        int hdr = p.u8(2) | p.u8(3) << 8;
        if (hdr < PPI_HEADER || hdr > PPI_MAX_LENGTH) {
            out.append(" [length ").append(hdr).append(" < ").append(PPI_HEADER).append(" or > ").append(PPI_MAX_LENGTH)
                .append("] (invalid)");
            return p.capLen();
        }
        if (p.capLen() < hdr) {
            out.append(" [|ppi]");
            return p.capLen();
        }
        long dlt = p.le32(4);
        if (linkHeaders) ppiHeader(p, dlt, hdr, length, out);
        int carried = carriedLink(p, hdr, length, dlt, out);
        if (carried < 0) {
            if (!linkHeaders) ppiHeader(p, dlt, hdr, length, out);
            if (defaultPrint) HexDump.hexAndAscii(p, hdr, p.capLen() - hdr, "\n\t", out);
            return hdr;
        }
        return hdr + 2 * carried;
    }

    private void ppiHeader(Packet p, long dlt, int hdr, int length, StringBuilder out) {
        String name = DltNames.name(dlt);
        if (verbosity != Verbosity.QUIET) {
            out.append("V.").append(p.u8(0)).append(" DLT ").append(name == null ? "UNKNOWN" : name).append(" (")
                .append(dlt).append(") len ").append(hdr);
        } else {
            out.append(name == null ? "UNKNOWN" : name);
        }
        out.append(", length ").append(length).append(": ");
    }

    /**
     * LINKTYPE_IEEE802_11_RADIO as tcpdump's ieee802_11_radio_print: the radiotap header's fields, then the 802.11
     * frame (its FCS and header padding as the header's flags say); returns the link-level bytes tcpdump counts.
     */
    private int radiotap(Packet p, int length, StringBuilder out) {
        int header = radiotap.format(p, 0, out);
        if (header < 0) return p.capLen();   // a cut header: all of the packet
        int flags = radiotap.flags();
        return header + wifi.format(p, header, length - header, (flags & RadiotapFormatter.F_DATAPAD) != 0,
            (flags & RadiotapFormatter.F_FCS) != 0 ? 4 : 0, out);
    }

    /** The Prism header's length, and the cookies that mark an AVS header in its place (tcpdump's). */
    private static final int PRISM_HEADER = 144;
    private static final long AVS_COOKIE_V1 = 0x80211001L, AVS_COOKIE_V2 = 0x80211002L;

    /**
     * LINKTYPE_PRISM_HEADER as tcpdump's prism_if_print: an AVS header when the first 4 bytes are its cookie, else
     * the 144-byte Prism header (not printed), then the 802.11 frame; returns the link-level bytes tcpdump counts.
     */
    private int prism(Packet p, int length, StringBuilder out) {
        if (p.capLen() < 4) {
            out.append(" [|prism]");
            return p.capLen();
        }
        long cookie = p.u32(0);
        if (cookie == AVS_COOKIE_V1 || cookie == AVS_COOKIE_V2) return avs(p, length, out);
        if (p.capLen() < PRISM_HEADER) {
            out.append(" [|prism]");
            return p.capLen();
        }
        return PRISM_HEADER + wifi.format(p, PRISM_HEADER, length - PRISM_HEADER, false, 0, out);
    }

    /** An AVS radio header (tcpdump's ieee802_11_radio_avs_print): its big-endian length at 4, not printed. */
    private int avs(Packet p, int length, StringBuilder out) {
        long header = p.capLen() < 8 ? 0 : p.u32(4);
        if (header < 8 || p.capLen() < header) {
            out.append(" [|802.11_radio_avs]");
            return p.capLen();
        }
        return (int) header + wifi.format(p, (int) header, length - (int) header, false, 0, out);
    }

    /** tcpdump's unsupported_if_print: the name, then every captured byte in hex and ASCII, with or without -x. */
    private static void unsupported(Packet p, StringBuilder out) {
        out.append("UNSUPPORTED");
        HexDump.hexAndAscii(p, 0, p.capLen(), "\n\t", out);
    }

    /** tcpdump's largest snapshot length (MAXIMUM_SNAPLEN): records claiming more are not printed. */
    private static final int MAXIMUM_SNAPLEN = 262_144;

    /**
     * tcpdump's sanity checks on a record's lengths (print.c): a record without bytes, without length, longer
     * than it was on the wire or beyond the largest snapshot is "[Invalid header: ...]" instead of a packet,
     * with no time stamp and no dump.
     */
    private static boolean invalidHeader(Packet p, StringBuilder out) {
        int capLen = p.capLen();
        int len = p.origLen();
        int start = out.length();
        if (capLen == 0) out.append(" caplen==0");
        if (len == 0) out.append(out.length() > start ? ", len==0" : " len==0");
        else if (len < capLen) {
            out.append(out.length() > start ? ", " : " ").append("len(").append(len).append(") < caplen(").append(capLen)
                .append(')');
        }
        if (capLen > MAXIMUM_SNAPLEN) {
            out.append(out.length() > start ? ", " : " ").append("caplen(").append(capLen).append(") > ")
                .append(MAXIMUM_SNAPLEN);
        }
        if (len > MAXIMUM_SNAPLEN) {
            out.append(out.length() > start ? ", " : " ").append("len(").append(len).append(") > ").append(MAXIMUM_SNAPLEN);
        }
        if (out.length() == start) return false;
        out.insert(start, "[Invalid header:").append(']');
        return true;
    }

    /** True for the link types whose packets this printer decodes (tcpdump -L marks the others). */
    public static boolean prints(int linkType) {
        return switch (linkType) {
            case LinkType.EN10MB, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.RAW_12,
                 LinkType.RAW_14, LinkType.IPV4, LinkType.IPV6, LinkType.NULL, LinkType.LOOP, LinkType.ERF,
                 LinkType.INFINIBAND, LinkType.DSA_TAG_DSA, LinkType.DSA_TAG_EDSA, LinkType.DSA_TAG_BRCM,
                 LinkType.DSA_TAG_BRCM_PREPEND, LinkType.PPP, LinkType.PPP_PPPD, LinkType.PPP_SERIAL, LinkType.C_HDLC,
                 LinkType.IPOIB, LinkType.NFLOG, LinkType.IPNET, LinkType.VSOCK, LinkType.FRELAY, LinkType.MFR,
                 LinkType.ATM_RFC1483, LinkType.ATM_RFC1483_100, LinkType.SUNATM, LinkType.ATM_CLIP,
                 LinkType.ATM_CLIP_19, LinkType.USB_LINUX, LinkType.USB_LINUX_MMAPPED,
                 LinkType.BLUETOOTH_HCI_H4_WITH_PHDR, LinkType.IEEE802_11,
                 LinkType.IEEE802_11_RADIO, LinkType.PRISM_HEADER, LinkType.IEEE802_11_RADIO_AVS, LinkType.PFLOG,
                 LinkType.PKTAP, LinkType.USER2, LinkType.ENC, LinkType.PPI, LinkType.NETANALYZER,
                 LinkType.NETANALYZER_TRANSPARENT, LinkType.PPP_ETHER, LinkType.IEEE802_15_4_WITHFCS,
                 LinkType.IEEE802_15_4_NOFCS, LinkType.IEEE802_15_4_TAP -> true;
            default -> JuniperFormatter.prints(linkType) || LegacyLinkFormatter.prints(linkType);
        };
    }

    /** -x/-X/-A: the captured bytes, from the start of the packet (-xx ...) or after its link-layer header. */
    private void rawBytes(Packet p, Layers l, StringBuilder out) {
        int from = rawDump.withLinkHeader || earlyEnd.happened() ? 0 : linkHeaderLength(p, l);
        if (!rawDump.withLinkHeader && from >= p.capLen()) return;   // nothing after the link-layer header
        int length = p.capLen() - from;
        if (rawDump.hex && rawDump.ascii) HexDump.hexAndAscii(p, from, length, "\n\t", out);
        else if (rawDump.hex) HexDump.hex(p, from, length, "\n\t", out);
        else HexDump.ascii(p, from, length, out);
    }

    /**
     * The link-layer header as tcpdump's printers count it (ndo_ll_hdr_len): Ethernet's 14 bytes and its VLAN
     * tags, the SLL/SLL2/NULL headers, nothing for raw IP; all the captured bytes when the frame ends inside it.
     */
    private int linkHeaderLength(Packet p, Layers l) {
        if (p.linkType() == LinkType.PPP || p.linkType() == LinkType.PPP_PPPD || p.linkType() == LinkType.PPP_SERIAL
            || p.linkType() == LinkType.C_HDLC) {
            return Math.min(serialLinkLength, p.capLen());
        }
        if (p.linkType() == LinkType.IPOIB) return Math.min(IPOIB_HEADER, p.capLen());   // a cut header: all of it
        if (linkLength >= 0) return linkLength;   // a cut PPI/PKTAP header jumped: no -x exclusion
        if (p.linkType() == LinkType.IPNET) return IpnetFormatter.HEADER;
        if (p.linkType() == LinkType.ENC) return EncFormatter.HEADER;
        if (JuniperFormatter.prints(p.linkType())) {
            return juniperFrameAt < 0 ? Math.min(juniper.headerLength(), p.capLen())
                : juniperFrameAt + linkHeaderLength(juniperFrame, juniperLayers);
        }
        int header = switch (p.linkType()) {
            case LinkType.EN10MB -> ETHERNET_HEADER;
            case LinkType.DSA_TAG_DSA, LinkType.DSA_TAG_EDSA, LinkType.DSA_TAG_BRCM ->
                ETHERNET_HEADER + SwitchTagFormatter.innerTagLength(p.linkType());
            case LinkType.DSA_TAG_BRCM_PREPEND -> SwitchTagFormatter.BRCM_LENGTH + ETHERNET_HEADER;
            case LinkType.NETANALYZER, LinkType.NETANALYZER_TRANSPARENT ->
                netanalyzerHeader(p.linkType()) + ETHERNET_HEADER;
            case LinkType.LINUX_SLL -> SLL_HEADER;
            case LinkType.LINUX_SLL2 -> SLL2_HEADER;
            case LinkType.NULL, LinkType.LOOP -> NULL_HEADER;
            default -> 0;
        };
        if (header == 0) return 0;
        if (!p.has(0, header)) return p.capLen();
        if (header == SLL_HEADER || header == SLL2_HEADER) return Math.min(cookedLinkLength, p.capLen());
        if (isEthernet(p.linkType()) && etherHeaderLength >= 0) return Math.min(etherHeaderLength, p.capLen());
        int payload = outerPayloadOffset(l);
        if (isLlcField(p, l)) return payload + llcHeaderLength;
        return payload >= 0 ? payload : header == NULL_HEADER ? header : p.capLen();
    }

    /** An Ethernet frame whose type field is an 802.3 length or Alteon's jumbo type: an LLC header follows. */
    private static boolean isLlcField(Packet p, Layers l) {
        int type = outerEtherType(p, l);
        return isEthernet(p.linkType()) && outerPayloadOffset(l) >= 0 && type >= 0
            && (type <= MAX_ETHERNET_LENGTH || type == ETHERTYPE_JUMBO);
    }

    /**
     * The type field of the first MACsec SecTAG or Arista header the dissector walked through, -1 when none: where
     * this printer's own walk of the frame starts ({@link #taggedEthernet}, also behind a switch tag), and where
     * tcpdump's ethertype_print stops (IP over InfiniBand's type).
     */
    private static int outerTag(Layers l) {
        if (l.macsecOffset < 0) return l.aristaOffset;
        return l.aristaOffset < 0 ? l.macsecOffset : Math.min(l.macsecOffset, l.aristaOffset);
    }

    /** {@link Layers#etherType}, or the first walked MACsec/Arista type ({@link #outerTag}). */
    private static int outerEtherType(Packet p, Layers l) {
        int tag = outerTag(l);
        return tag >= 0 ? p.u16(tag) : l.etherType;
    }

    /** {@link Layers#etherPayloadOffset}, or what follows the first walked MACsec/Arista type ({@link #outerTag}). */
    private static int outerPayloadOffset(Layers l) {
        int tag = outerTag(l);
        return tag >= 0 ? tag + 2 : l.etherPayloadOffset;
    }

    /** ICRC and VCRC end every native IB packet: not part of what IP over IB carries. */
    private static final int IB_CRCS = 6;

    /** The IB headers, then what IP over IB carries, as after an Ethernet header with -e: ": IP a > b: ...". */
    private void infiniband(Packet p, Layers l, StringBuilder out) {
        infiniband.format(p, l, out);
        if (l.ibBthOffset >= 0 && l.etherPayloadOffset >= 0) {
            out.append(": ");
            etherTypePayload(p, l, Math.max(0, p.origLen() - l.etherPayloadOffset - IB_CRCS), out);
        }
    }

    /**
     * A packet carried inside this one (VXLAN's frame, a Broadcom LI shim's packet): a view of its bytes, dissected
     * on its own, printed as a packet of its link type. One view per nesting level, up to {@link #MAX_NESTING}
     * (tcpdump has no limit; deeper packets are not printed).
     */
    private boolean encapsulated(Packet outer, int off, int length, int capLen, int linkType, StringBuilder out) {
        if (linkType == Encapsulated.OPENFLOW_FRAME) return lowered(outer, off, length, capLen, out);
        if (linkType == LinkType.EN10MB) {
            // tcpdump's ether_print is handed the bytes left in the (IP-clipped) capture: a carrier's length field
            // saying fewer makes the frame invalid; then it checks both the captured and the wire length
            // (lengths unsigned, as tcpdump's u_int: a frame carried in a jumbogram's UDP payload passes 2^31)
            int readable = readable(outer, off, capLen);
            if (Integer.compareUnsigned(length, readable) < 0) {
                out.append("[length ").append(length).append(" < caplen ").append(readable).append("] (invalid)");
                return true;
            }
            if (capLen < ETHERNET_HEADER || Integer.compareUnsigned(length, ETHERNET_HEADER) < 0) {
                out.append(" [|ether]");
                return true;
            }
        }
        if (nesting == MAX_NESTING) return false;
        // carriers hand on tcpdump's u_int, which a jumbogram's takes past 2^31: IPv4's printer and IPX's take it as
        // an int up to 2^31-1 (IPv4's 16-bit total length bounds what it prints), the others unsigned
        if (linkType == LinkType.IPV4 || linkType == Encapsulated.IPX) length = UnsignedLength.clamped(length);
        Packet inner = innerView(outer, off, length, capLen, linkType);
        Layers layers = innerLayers[nesting];
        Dissector.dissect(inner, layers);
        nesting++;
        try {
            switch (linkType) {
                case LinkType.EN10MB -> ethernet(inner, layers, 0, length, out);
                case LinkType.IPV4 -> ip.ipv4(inner, 0, length, out);
                case LinkType.IPV6 -> ip.ipv6(inner, 0, length, out);
                case Encapsulated.MPLS -> mpls.format(inner, 0, length, out);
                case Encapsulated.PPP -> ppp.format(inner, 0, length, out);
                case Encapsulated.OSI -> osi.format(inner, 0, length, out);
                case Encapsulated.IPX -> ipx.format(inner, 0, out);
                case Encapsulated.ATALK -> atalk.ddp(inner, 0, length, out);
                default -> ip.ipByVersion(inner, 0, length, out);
            }
        } finally {
            nesting--;
        }
        return true;
    }

    /**
     * An Ethernet frame OpenFlow 1.0 carries, printed by {@link #lowered}'s printers, which tcpdump's vflag - 3 made
     * (the others are this printer's), nested one level below this one. A fetch past its end there ends this packet
     * too ({@link EarlyEnd}).
     */
    private boolean lowered(Packet outer, int off, int length, int capLen, StringBuilder out) {
        if (lowerer == null || nesting == MAX_NESTING) return false;
        if (lowered == null) lowered = lowerer.get();
        lowered.earlyEnd.reset();
        lowered.nesting = nesting;
        try {
            lowered.encapsulated(outer, off, length, capLen, LinkType.EN10MB, out);
        } finally {
            lowered.nesting = 0;
        }
        if (lowered.earlyEnd.happened()) earlyEnd.mark();
        return true;
    }

    /**
     * A carried packet whose protocol field is an ethertype ({@link CarriedEtherType}): the view as {@link
     * #encapsulated} makes it, then {@link #etherTypeBody}, the dispatch an Ethernet frame's payload gets.
     */
    private CarriedEtherType.Result carriedEtherType(Packet outer, int off, int length, int capLen, int type,
                                                     StringBuilder out) {
        if (nesting == MAX_NESTING) return CarriedEtherType.Result.TOO_DEEP;
        Packet inner = innerView(outer, off, length, capLen, outer.linkType());
        nesting++;
        try {
            return etherTypeBody(inner, type, 0, length, out) ? CarriedEtherType.Result.PRINTED
                : CarriedEtherType.Result.NO_PRINTER;
        } finally {
            nesting--;
        }
    }

    /**
     * This nesting level's view of {@code capLen} bytes at {@code off} of {@code outer} (wire: {@code length}),
     * held inside the outer packet's captured bytes whatever the caller computed: the outer view usually sits in a
     * larger read buffer, so an unchecked view past its end would read the next record's bytes (a view starting past
     * the capture holds none, as tcpdump's fetch of it would fail).
     */
    private Packet innerView(Packet outer, int off, int length, int capLen, int linkType) {
        if (innerPackets[nesting] == null) {
            innerPackets[nesting] = new Packet();
            innerLayers[nesting] = new Layers();
        }
        int from = Math.clamp(off, 0, outer.capLen());
        return innerPackets[nesting].set(outer.bytes(), outer.offset() + from, readable(outer, off, capLen), length,
            outer.timestampNanos(), outer.interfaceId(), linkType, outer.frameNumber());
    }

    /** How many of a carried packet's {@code capLen} bytes from {@code off} the outer capture holds. */
    private static int readable(Packet outer, int off, int capLen) {
        return Math.clamp(capLen, 0, outer.capLen() - Math.clamp(off, 0, outer.capLen()));
    }

    /** Ethernet frames, also those with a switch chip's tag in them (the link types {@link SwitchTagFormatter} knows). */
    private static boolean isEthernet(int linkType) {
        return linkType == LinkType.EN10MB || linkType == LinkType.DSA_TAG_DSA || linkType == LinkType.DSA_TAG_EDSA
            || linkType == LinkType.DSA_TAG_BRCM || linkType == LinkType.DSA_TAG_BRCM_PREPEND
            || linkType == LinkType.NETANALYZER || linkType == LinkType.NETANALYZER_TRANSPARENT;
    }

    private void ethernet(Packet p, Layers l, int off, int length, StringBuilder out) {
        ethernet(p, l, off, length, 0, out);
    }

    /**
     * An Ethernet frame at {@code off}; a switch tag of {@code tagLength} bytes between its MAC addresses and its type
     * is printed (with or without -e) as tcpdump's ether_switch_tag_print does, which wants the whole tag captured.
     */
    private void ethernet(Packet p, Layers l, int off, int length, int tagLength, StringBuilder out) {
        if (!p.has(off, ETHERNET_HEADER + tagLength)) {
            out.append(" [|").append(tagLength == 0 ? "ether" : SwitchTagFormatter.protocol(p.linkType())).append(']');
            return;
        }
        sourceBytes = p.bytes();
        sourceFrame = p.offset();
        sourceMac = off + 6;
        // tcpdump's ether_common_print takes MACsec only as the first type (after a switch tag too), Arista's also
        // after VLAN tags. The dissector walks the same places: an Arista header it walked, or one it stopped at,
        // comes after the first tags.
        int first = p.u16(off + 12 + tagLength);
        if (first == MacsecSecTag.ETHERTYPE || first == AristaHeader.ETHERTYPE || l.aristaOffset >= 0
                || l.etherType == AristaHeader.ETHERTYPE) {
            taggedEthernet(p, off, tagLength, length, out);
            return;
        }
        if (linkHeaders) {
            macAddresses(p, off + 6, off, out);
            out.append(", ");
        }
        if (tagLength > 0) switchTags.format(p, p.linkType(), off + 12, out);
        if (linkHeaders && !linkHeader(p, l, off, off + 12 + tagLength, out)) return;
        etherTypePayload(p, l, length - (outerPayloadOffset(l) - off), out);
    }

    /** tcpdump -e's "vlan V, p P[, DEI], " of a tag's TCI. */
    private static void vlanTag(int tci, StringBuilder out) {
        out.append("vlan ").append(tci & 0xfff).append(", p ").append(tci >>> 13);
        if ((tci & 0x1000) != 0) out.append(", DEI");
        out.append(", ");
    }

    /** "src > dst", the MAC addresses at {@code src} and {@code dst}, as tcpdump's Ethernet printers show them. */
    private static void macAddresses(Packet p, int src, int dst, StringBuilder out) {
        Text.linkAddress(out, p, src, 6);
        out.append(" > ");
        Text.linkAddress(out, p, dst, 6);
    }

    private static final int ETHERTYPE_QINQ_9100 = 0x9100, ETHERTYPE_QINQ_9200 = 0x9200, ETHERTYPE_QINQ = 0x88a8;

    /**
     * An Ethernet frame whose type field is MACsec's or Arista's, as tcpdump's ether_common_print walks it from the
     * type field on (the dissector stops at these types): a SecTAG, then (integrity only) the type after it with the
     * ICV left out of what the payload's printer may read, or Arista's header and the type after it again; then VLAN
     * tags, an 802.3 length or the final ethertype. A switch tag of {@code tagLength} bytes after the MAC addresses
     * is printed first (with or without -e) and names the truncation marker. Records the link-level length tcpdump
     * counts for -x. The lengths are unsigned as tcpdump's u_int (a frame carried in a jumbogram's UDP payload).
     */
    private void taggedEthernet(Packet frame, int off, int tagLength, int wire, StringBuilder out) {
        boolean outermost = nesting == 0;
        int views = 0;
        Packet p = frame;
        int at = off + 12 + tagLength, length = wire - 12 - tagLength, caplen = frame.capLen() - at;
        String protocol = tagLength == 0 ? "ether" : SwitchTagFormatter.protocol(p.linkType());
        if (linkHeaders) {
            macAddresses(p, off + 6, off, out);
            out.append(", ");
        }
        if (tagLength > 0) switchTags.format(p, p.linkType(), off + 12, out);
        try {
            while (true) {
                if (!p.has(at, 2)) {
                    earlyEnd.mark(out, protocol);
                    return;
                }
                int type = p.u16(at);
                at += 2;
                length -= 2;
                caplen -= 2;
                boolean printedLength = false;
                if (type == MacsecSecTag.ETHERTYPE) {
                    if (linkHeaders) {
                        etherTypeName(type, out);
                        out.append(", length ").append(Integer.toUnsignedLong(wire)).append(": ");
                        printedLength = true;
                    }
                    if (caplen < MacsecSecTag.LENGTH || Integer.compareUnsigned(length, MacsecSecTag.LENGTH) < 0
                            || caplen < MacsecSecTag.length(p, at)
                            || Integer.compareUnsigned(length, MacsecSecTag.length(p, at)) < 0) {
                        out.append(" [|macsec]");
                        if (outermost) etherHeaderLength = frame.capLen();
                        return;
                    }
                    if (MacsecSecTag.invalid(p, at)) {
                        out.append(" (invalid)");
                        if (outermost) etherHeaderLength = frame.capLen();
                        return;
                    }
                    int sectag = MacsecSecTag.length(p, at);
                    if (linkHeaders) MacsecFormatter.header(p, at, out);
                    int tag = at;
                    at += sectag;
                    length -= sectag;
                    caplen -= sectag;
                    if (MacsecSecTag.encrypted(p, tag)) {
                        if (!linkHeaders) {
                            macAddresses(p, off + 6, off, out);
                            out.append(" 802.1AE MACsec, ");
                            MacsecFormatter.header(p, tag, out);
                        }
                        if (defaultPrint && caplen > 0) HexDump.hexAndAscii(p, at, caplen, "\n\t", out);
                        if (outermost) etherHeaderLength = at;
                        return;
                    }
                    if (Integer.compareUnsigned(length, MacsecSecTag.ICV_LENGTH) < 0
                            || caplen < MacsecSecTag.ICV_LENGTH) {
                        out.append(" [|macsec]");
                        if (outermost) etherHeaderLength = frame.capLen();
                        return;
                    }
                    length -= MacsecSecTag.ICV_LENGTH;
                    caplen -= MacsecSecTag.ICV_LENGTH;
                    if (nesting == MAX_NESTING) return;
                    // what follows may not read the ICV: a view of the frame that ends before it (tcpdump takes it
                    // off the captured bytes, where the dissector's walk takes it off the wire's end)
                    p = innerView(p, 0, p.origLen(), p.capLen() - MacsecSecTag.ICV_LENGTH, p.linkType());
                    nesting++;
                    views++;
                    int shortLength = MacsecSecTag.shortLength(frame, tag);
                    if (shortLength != 0) {
                        if (Integer.compareUnsigned(shortLength, length) > 0 || shortLength > caplen) {
                            out.append(" [|macsec]");
                            if (outermost) etherHeaderLength = frame.capLen();
                            return;
                        }
                        length = UnsignedLength.min(length, shortLength);
                        caplen = Math.min(caplen, shortLength);
                    }
                    if (!p.has(at, 2)) {
                        earlyEnd.mark(out, protocol);
                        return;
                    }
                    type = p.u16(at);
                    if (caplen < 2) {
                        out.append(" [caplen ").append(caplen).append(" < 2]");
                        if (outermost) etherHeaderLength = at;
                        return;
                    }
                    at += 2;
                    length -= 2;
                    caplen -= 2;
                }
                while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ_9100 || type == ETHERTYPE_QINQ_9200
                        || type == ETHERTYPE_QINQ) {
                    if (caplen < 4 || Integer.compareUnsigned(length, 4) < 0) {
                        out.append(" [|vlan]");
                        if (outermost) etherHeaderLength = at + (caplen < 4 ? caplen : length);
                        return;
                    }
                    if (linkHeaders) {
                        etherTypeName(type, out);
                        if (printedLength) out.append(", ");
                        else out.append(", length ").append(Integer.toUnsignedLong(wire)).append(": ");
                        printedLength = true;
                        int tci = p.u16(at);
                        vlanTag(tci, out);
                    }
                    type = p.u16(at + 2);
                    at += 4;
                    length -= 4;
                    caplen -= 4;
                }
                if (type <= MAX_ETHERNET_LENGTH) {
                    if (Integer.compareUnsigned(type, length) < 0) {
                        length = type;
                        caplen = Math.min(caplen, length);
                    }
                    if (linkHeaders) {
                        out.append("802.3");
                        if (!printedLength) out.append(", length ").append(length).append(": ");
                    }
                    int header = llc.format(p, off + 6, off, at, length, out);
                    if (outermost) etherHeaderLength = at + Math.abs(header);
                    return;
                }
                if (type == ETHERTYPE_JUMBO) {   // as in ethernet(): an LLC header, no name or length with -e
                    int header = llc.format(p, off + 6, off, at, length, out);
                    if (outermost) etherHeaderLength = at + Math.abs(header);
                    return;
                }
                if (type == AristaHeader.ETHERTYPE) {
                    if (caplen < 2 || Integer.compareUnsigned(length, 2) < 0) {
                        out.append("[|arista]");
                        if (outermost) etherHeaderLength = at + (caplen < 2 ? caplen : length);
                        return;
                    }
                    etherTypeName(type, out);
                    out.append(", length ").append(Integer.toUnsignedLong(wire)).append(": ");
                    protocol = "arista";
                    int header = AristaFormatter.format(p, at, out);
                    if (header == AristaFormatter.TRUNCATED) {
                        earlyEnd.mark(out, protocol);
                        return;
                    }
                    if (header > 0) {
                        at += header;
                        length -= header;
                        caplen -= header;
                        continue;
                    }
                    undecodedTaggedType(p, off, type, wire, at, caplen, out);
                    if (outermost) etherHeaderLength = at;
                    return;
                }
                if (linkHeaders) {
                    etherTypeName(type, out);
                    if (printedLength) out.append(", ");
                    else out.append(", length ").append(Integer.toUnsignedLong(wire)).append(": ");
                }
                if (outermost) etherHeaderLength = at;
                if (!etherTypeBody(p, type, at, length, out)) undecodedTaggedType(p, off, type, wire, at, caplen, out);
                return;
            }
        } finally {
            nesting -= views;
        }
    }

    /**
     * LINKTYPE_DSA_TAG_BRCM_PREPEND as tcpdump's brcm_tag_prepend_if_print: the tag (with -e only; it fetches it with
     * a jumping check), then the Ethernet frame after it.
     */
    private void brcmPrepended(Packet p, Layers l, int length, StringBuilder out) {
        if (!p.has(0, SwitchTagFormatter.BRCM_LENGTH)) {
            earlyEnd.mark(out, "brcm-tag-prepend");
            return;
        }
        if (linkHeaders) switchTags.brcm(p, 0, out);
        ethernet(p, l, SwitchTagFormatter.BRCM_LENGTH, length - SwitchTagFormatter.BRCM_LENGTH, out);
    }

    /** The bytes before a netANALYZER capture's Ethernet frame: the status header (and the preamble and SFD). */
    static int netanalyzerHeader(int linkType) {
        return linkType == LinkType.NETANALYZER ? Dissector.NETANALYZER_HEADER_LENGTH
            : Dissector.NETANALYZER_TRANSPARENT_HEADER_LENGTH;
    }

    /**
     * LINKTYPE_NETANALYZER(_TRANSPARENT) as tcpdump's netanalyzer(_transparent)_if_print: the header is skipped, not
     * printed (not even with -e), and the Ethernet frame after it printed as on an Ethernet capture.
     */
    private void netanalyzer(Packet p, Layers l, int length, StringBuilder out) {
        int header = netanalyzerHeader(p.linkType());
        if (!p.has(0, header)) {
            earlyEnd.mark(out, p.linkType() == LinkType.NETANALYZER ? "netanalyzer" : "netanalyzer_transparent");
            return;
        }
        ethernet(p, l, header, length - header, out);
    }

    /**
     * tcpdump -e after the MAC addresses (and a switch tag): "ethertype NAME (0xNNNN), length N: " then "vlan V, p
     * P[, DEI], ethertype NAME (0xNNNN), " per tag; the type field is at {@code typeOff}. False when the frame ends
     * inside a tag (the marker is printed).
     */
    private boolean linkHeader(Packet p, Layers l, int off, int typeOff, StringBuilder out) {
        int type = p.u16(typeOff);
        if (type <= MAX_ETHERNET_LENGTH) {   // an 802.3 length: tcpdump prints what it bounds the LLC payload to
            out.append("802.3, length ").append(UnsignedLength.min(type, p.origLen() - typeOff - 2)).append(": ");
            return true;
        }
        // as print-ether.c: a tag's TPID is named only once the whole tag is there; the length comes once
        int tag = typeOff;
        for (int i = 0; i < l.vlanCount; i++, tag += 4) {
            etherTypeName(p.u16(tag), out);
            if (i == 0) out.append(", length ").append(Integer.toUnsignedLong(p.origLen() - off)).append(": ");
            else out.append(", ");
            int tci = p.u16(tag + 2);
            vlanTag(tci, out);
        }
        if (l.malformed == dev.fabricscope.dissect.Malformed.TRUNCATED_VLAN_TAG) {
            out.append(" [|vlan]");
            return false;
        }
        if (p.u16(tag) <= MAX_ETHERNET_LENGTH) {   // 802.3 inside the tags: its length was printed with the first
            out.append("802.3");
            return true;
        }
        if (p.u16(tag) == ETHERTYPE_JUMBO) return true;   // tcpdump prints neither its name nor the length
        etherTypeName(p.u16(tag), out);
        if (tag == typeOff) out.append(", length ").append(Integer.toUnsignedLong(p.origLen() - off)).append(": ");
        else out.append(", ");
        return true;
    }

    /**
     * "ethertype NAME (0xNNNN)" with tcpdump's name ({@link EtherTypeNames}); with -q the name alone, "Unknown
     * Ethertype (0xNNNN)" when it has none.
     */
    private void etherTypeName(int type, StringBuilder out) {
        String name = EtherTypeNames.of(type);
        if (verbosity == Verbosity.QUIET) {
            if (name != null) {
                out.append(name);
                return;
            }
            out.append("Unknown Ethertype (0x");
        } else {
            out.append("ethertype ").append(name == null ? "Unknown" : name).append(" (0x");
        }
        Text.hex(out, type, 4);
        out.append(')');
    }

    /** What follows the final ethertype (after VLAN tags); {@code length} is its on-wire length. */
    private void etherTypePayload(Packet p, Layers l, int length, StringBuilder out) {
        int off = outerPayloadOffset(l);
        if (off == l.etherPayloadOffset && (l.malformed == dev.fabricscope.dissect.Malformed.TRUNCATED_VLAN_TAG
                || l.malformed == dev.fabricscope.dissect.Malformed.TOO_MANY_VLAN_TAGS)) {
            out.append(" [|vlan]");
            return;
        }
        int type = outerEtherType(p, l);
        if (type == ETHERTYPE_JUMBO && isEthernet(p.linkType())) {
            // Alteon jumbo frames: ether_common_print's LLC header and payload, unbounded by a length field
            int header = llc.format(p, l.srcMacOffset, l.dstMacOffset, off, length, out);
            if (nesting == 0) llcHeaderLength = Math.abs(header);
            return;
        }
        if (type <= MAX_ETHERNET_LENGTH) {
            if (!isEthernet(p.linkType()) && p.linkType() != LinkType.ERF) {
                out.append("802.3, length ").append(type);  // SLL's 802.2/802.3 protocols: a known difference
                return;
            }
            // the length field bounds the LLC payload (the rest is padding), unless the frame is shorter
            int header = llc.format(p, l.srcMacOffset, l.dstMacOffset, off, UnsignedLength.min(type, length), out);
            if (nesting == 0) llcHeaderLength = Math.abs(header);
            return;
        }
        if (!etherTypeBody(p, type, off, length, out)) unknownEtherType(p, l, type, off, out);
    }

    /**
     * A type tcpdump does not decode behind a MACsec or Arista header: the addresses, type and length (unless -e
     * printed them), then the default dump of the {@code caplen} bytes at {@code at}.
     */
    private void undecodedTaggedType(Packet p, int off, int type, int wire, int at, int caplen, StringBuilder out) {
        if (!linkHeaders) {
            macAddresses(p, off + 6, off, out);
            out.append(", ");
            etherTypeName(type, out);
            out.append(", length ").append(Integer.toUnsignedLong(wire)).append(": ");
        }
        if (defaultPrint && caplen > 0) HexDump.hexAndAscii(p, at, caplen, "\n\t", out);
    }

    /**
     * An ethertype's payload, as tcpdump's ethertype_print (after an Ethernet or Linux cooked header, in SNAP, on LLC
     * SAP 0x06): false for the types it would dump (also those tcpdump decodes but this printer does not: a known
     * difference).
     */
    /** The Ethernet source MAC's offset in {@code p} when {@code p} is (a view of) that frame, else -1. */
    private int source(Packet p) {
        return sourceMac >= 0 && p.bytes() == sourceBytes && p.offset() == sourceFrame ? sourceMac : -1;
    }

    private boolean etherTypeBody(Packet p, int type, int off, int unsigned, StringBuilder out) {
        // a frame carried in a jumbogram's UDP payload can be longer than 2^31 (tcpdump's u_int): IPv6 (its own jumbo
        // option), ARP, LLDP, PPP, MPLS, OSI, slow protocols, MPCP, loopback, AoE, CFM, NSH, AppleTalk, AARP and the
        // 802.3 path take the length unsigned; the others get the int clamped to 2^31-1, as UDP's payload printers
        int length = UnsignedLength.clamped(unsigned);
        switch (type) {
            case ETHERTYPE_IPV4 -> ip.ipv4(p, off, length, out);
            case ETHERTYPE_IPV6 -> ip.ipv6(p, off, unsigned, out);   // its own jumbo option can go past 2^31
            case ETHERTYPE_ARP, ETHERTYPE_REVARP -> arp.format(p, off, unsigned, out);
            case DecnetFormatter.ETHERTYPE -> decnet.format(p, off, length, out);
            case AtalkFormatter.ETHERTYPE -> atalk.ddp(p, off, unsigned, verbosity.verbose()
                ? out.append("et1 ") : out);   // tcpdump's -v mark of EtherTalk phase 1 (also in SNAP)
            case AtalkFormatter.ETHERTYPE_AARP -> atalk.aarp(p, off, unsigned, out);
            case ETHERTYPE_SLOW -> slow.format(p, off, unsigned, out);
            case ETHERTYPE_LLDP -> lldp.format(p, off, unsigned, out);
            case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST -> mpls.format(p, off, unsigned, out);   // clamps IPv4's
            case ETHERTYPE_PPPOE_DISCOVERY, ETHERTYPE_PPPOE_SESSION, ETHERTYPE_PPPOE_DISCOVERY_3COM,
                 ETHERTYPE_PPPOE_SESSION_3COM -> pppoe.format(p, off, length, out);
            case EapolFormatter.ETHERTYPE -> eapol.format(p, off, out);
            case RealtekFormatter.ETHERTYPE -> realtek.format(p, source(p), off, out);
            case AoeFormatter.ETHERTYPE -> aoe.format(p, off, unsigned, out);
            case ETHERTYPE_PTP -> ptp.format(p, off, length, p.capLen(), out);
            case ETHERTYPE_CFM, ETHERTYPE_CFM_OLD -> cfm.format(p, off, unsigned, out);
            case ETHERTYPE_NSH -> nsh.format(p, off, unsigned, p.capLen(), out);
            case LoopbackFormatter.ETHERTYPE -> loopback.format(p, off, unsigned, out);
            case MsnlbFormatter.ETHERTYPE -> msnlb.format(p, off, out);
            case MpcpFormatter.ETHERTYPE -> mpcp.format(p, off, unsigned, out);
            case TipcFormatter.ETHERTYPE -> tipc.format(p, off, out);
            case IpxFormatter.ETHERTYPE -> ipx.format(p, off, out.append("(NOV-ETHII) "));
            case GeonetFormatter.ETHERTYPE_OLD, GeonetFormatter.ETHERTYPE ->
                geonet.geonet(p, source(p), off, length, out);
            case GeonetFormatter.ETHERTYPE_CALM_FAST -> geonet.calmFast(p, source(p), off, length, out);
            case ETHERTYPE_PPP -> {
                // PPP straight in Ethernet: tcpdump's ppp_print after ": ", nothing for an empty payload
                if (length != 0) ppp.format(p, off, unsigned, out.append(": "));
            }
            case ETHERTYPE_ISO -> {
                // tcpdump skips one byte (of no known meaning) before the PDU; with none there, a marker, no jump
                // the OSI printers take the length unsigned, as tcpdump's u_int (a jumbogram's passes 2^31)
                if (unsigned == 0 || off >= p.capLen()) out.append(" [|isoclns]");
                else osi.format(p, off + 1, unsigned - 1, out);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * tcpdump's line for an ethertype it cannot decode: MACs and type, then the payload in hex and ASCII on further
     * lines, the type named as tcpdump names it if it does. Also used for types tcpdump does decode but we do not (IPX,
     * AppleTalk, ...): a known difference.
     */
    private void unknownEtherType(Packet p, Layers l, int type, int off, StringBuilder out) {
        if (!linkHeaders || !isEthernet(p.linkType())) {   // else the -e header said it all
            if (l.srcMacOffset >= 0 && l.dstMacOffset >= 0) {
                macAddresses(p, l.srcMacOffset, l.dstMacOffset, out);
                out.append(", ");
            }
            etherTypeName(type, out);   // tcpdump names the types it has a name but no printer for (NS, Trail, ...)
            out.append(", length ").append(Integer.toUnsignedLong(p.origLen() - Math.max(0, l.ethOffset))).append(": ");
        }
        // tcpdump's default print of what it cannot decode, unless -q, -x or -X replace it
        if (defaultPrint && off < p.capLen()) HexDump.hexAndAscii(p, off, p.capLen() - off, "\n\t", out);
    }

    private static final String[] COOKED_PACKET_TYPES = {"In", "B", "M", "P", "Out"};
    private static final int SLL_P_802_3 = 0x0001, SLL_P_802_2 = 0x0004, ETHERTYPE_VLAN = 0x8100;

    /**
     * LINUX_SLL and LINUX_SLL2 (what "-i any" captures) as tcpdump's sll_if_print and sll2_if_print: SLL2 names the
     * interface (as this machine names the index) and the packet type; with -e the cooked header follows
     * ({@link #cookedHeader}); VLAN tags inside are walked ("ethertype IPv4, " each, -e adds the tag); a protocol
     * tcpdump cannot decode gets the cooked header (without -e too) and the default dump.
     */
    private void linuxCooked(Packet p, boolean v2, int length, StringBuilder out) {
        int header = v2 ? SLL2_HEADER : SLL_HEADER;
        cookedLinkLength = header;
        if (!p.has(0, header)) {
            earlyEnd.mark(out, v2 ? "sll2" : "sll");   // tcpdump fetches the header with a jumping check
            return;
        }
        if (v2) {
            int start = out.length();
            out.append(interfaceName((int) p.u32(4)));
            while (out.length() - start < 5) out.append(' ');
            out.append(' ');
            start = out.length();
            out.append(cookedPacketType(p.u8(10)));
            while (out.length() - start < 3) out.append(' ');
            out.append(' ');
        }
        if (linkHeaders) cookedHeader(p, v2, length, out);
        int off = header;
        int remaining = length - header;
        int type = p.u16(v2 ? 0 : 14);
        while (type == ETHERTYPE_VLAN) {
            if (p.capLen() - off < 4) {
                out.append(" [|vlan]");
                cookedLinkLength = p.capLen();
                return;
            }
            int tci = p.u16(off);
            if (linkHeaders) {
                vlanTag(tci, out);
            }
            type = p.u16(off + 2);
            if (type <= MAX_ETHERNET_LENGTH) type = SLL_P_802_2;
            if (verbosity != Verbosity.QUIET) {
                String name = EtherTypeNames.of(type);
                out.append("ethertype ").append(name == null ? "Unknown" : name).append(", ");
            }
            off += 4;
            remaining -= 4;
            cookedLinkLength = off;
        }
        boolean printed;
        if (type == SLL_P_802_2) {
            int llcHeader = llc.format(p, -1, -1, off, remaining, out);
            if (llcHeader > 0) cookedLinkLength += llcHeader;   // one whose payload went unprinted does not count
            return;
        } else if (type == SLL_P_802_3) {   // Novell's 802.3 frames: IPX without an LLC header
            ipx.format(p, off, out);
            return;
        } else if (type <= MAX_ETHERNET_LENGTH) {
            printed = false;
        } else {
            printed = etherTypeBody(p, type, off, remaining, out);
            if (!printed && !linkHeaders) cookedHeader(p, v2, remaining + header, out);
        }
        if (!printed && defaultPrint && off < p.capLen()) {
            HexDump.hexAndAscii(p, off, p.capLen() - off, "\n\t", out);
        }
    }

    /**
     * tcpdump's sll_print / sll2_print: "In " (SLL) or "ifindex N " (SLL2), the link-layer address when it has 6
     * bytes, then (not with -q) "ethertype NAME (0xNNNN), length N: ".
     */
    private void cookedHeader(Packet p, boolean v2, int length, StringBuilder out) {
        if (v2) {
            out.append("ifindex ").append(p.u32(4)).append(' ');
        } else {
            String type = cookedPacketType(p.u16(0));
            for (int i = type.length(); i < 3; i++) out.append(' ');
            out.append(type).append(' ');
        }
        if ((v2 ? p.u8(11) : p.u16(4)) == 6) {
            Text.linkAddress(out, p, v2 ? 12 : 6, 6);
            out.append(' ');
        }
        if (verbosity == Verbosity.QUIET) return;
        int protocol = p.u16(v2 ? 0 : 14);
        if (protocol == SLL_P_802_3) {
            out.append("802.3");
        } else if (protocol == SLL_P_802_2) {
            out.append("802.2");
        } else {
            String name = protocol <= MAX_ETHERNET_LENGTH ? null : EtherTypeNames.of(protocol);
            out.append("ethertype ").append(name == null ? "Unknown" : name).append(" (0x");
            Text.hex(out, protocol, 4);
            out.append(')');
        }
        out.append(", length ").append(length).append(": ");
    }

    private static String cookedPacketType(int type) {
        return type < COOKED_PACKET_TYPES.length ? COOKED_PACKET_TYPES[type] : "?";
    }

    private String interfaceName(int index) {
        for (int i = 0; i < namesCached; i++) if (nameIndexes[i] == index) return names[i];
        String name;
        try {
            NetworkInterface nif = NetworkInterface.getByIndex(index);
            name = nif == null ? sysfsInterfaceName(index) : nif.getName();
        } catch (SocketException | IllegalArgumentException e) {
            name = "?";
        }
        if (namesCached < MAX_CACHED_INTERFACE_NAMES) {
            nameIndexes[namesCached] = index;
            names[namesCached++] = name;
        }
        return name;
    }

    /**
     * if_indextoname's answer where Java's interface list has none (Java lists only interfaces with an address
     * or up; tcpdump names down ones too): /sys/class/net/NAME/ifindex. "?" when no interface has the index.
     */
    private static String sysfsInterfaceName(int index) {
        try (var dirs = Files.list(Path.of("/sys/class/net"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Path file = dir.resolve("ifindex");
                if (Files.isReadable(file) && Files.readString(file).strip().equals(Integer.toUnsignedString(index))) {
                    return dir.getFileName().toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no sysfs (not Linux, a container without it): the name stays unknown
        }
        return "?";
    }

    /**
     * LINKTYPE_NULL/LOOP as tcpdump's null_if_print: -e prints "AF IPv4 (2), length N: " (-q: the name alone); an
     * address family it cannot decode gets that header (without -e too) and the default dump. ISO (7) is printed by
     * {@link OsiFormatter}, AppleTalk (16) by {@link AtalkFormatter}; IPX, which tcpdump decodes, is dumped here (a
     * known difference).
     */
    private void nullOrLoop(Packet p, int length, StringBuilder out) {
        if (!p.has(0, NULL_HEADER)) {
            earlyEnd.mark(out, "null");   // tcpdump fetches the header with a jumping check
            return;
        }
        int family = Integer.reverseBytes((int) p.u32(0));   // tcpdump reads it little-endian (host order) ...
        if ((family & 0xffff0000) != 0) family = Integer.reverseBytes(family);   // ... and swaps a big value
        if (linkHeaders) addressFamilyHeader(family, length, out);
        switch (family) {
            case BsdHeaders.AF_INET -> ip.ipv4(p, NULL_HEADER, length - NULL_HEADER, out);
            case BsdHeaders.AF_INET6_BSD, BsdHeaders.AF_INET6_FREEBSD, BsdHeaders.AF_INET6_DARWIN ->
                ip.ipv6(p, NULL_HEADER, length - NULL_HEADER, out);
            case BsdHeaders.AF_ISO -> osi.format(p, NULL_HEADER, length - NULL_HEADER, out);
            case BsdHeaders.AF_APPLETALK -> atalk.ddp(p, NULL_HEADER, length - NULL_HEADER, out);
            default -> {
                if (!linkHeaders) addressFamilyHeader(family, length, out);
                if (defaultPrint && NULL_HEADER < p.capLen()) {
                    HexDump.hexAndAscii(p, NULL_HEADER, p.capLen() - NULL_HEADER, "\n\t", out);
                }
            }
        }
    }

    /**
     * LINKTYPE_PPP as tcpdump's ppp_if_print: a frame shorter than 4 bytes is " [|ppp]", else the PPP frame
     * ({@link PppFormatter}); tcpdump counts 4 link-level bytes for -x whatever the header's length.
     */
    private void pppLink(Packet p, int length, StringBuilder out) {
        if (p.capLen() < PPP_HEADER) {
            out.append(" [|ppp]");
            serialLinkLength = p.capLen();
            return;
        }
        serialLinkLength = PPP_HEADER;
        ppp.format(p, 0, length, out);
    }

    /**
     * LINKTYPE_PPP_HDLC (DLT_PPP_SERIAL) as tcpdump's ppp_hdlc_if_print: after address 0xff the protocol by name
     * (always) and its packet; Cisco HDLC's addresses as {@link #chdlc}; any other "unknown addr NN; ctrl NN" of the
     * two bytes after them (sic). With -e the address and control bytes and the length first. Returns the
     * link-level length tcpdump counts for -x.
     */
    private int pppSerial(Packet p, int length, StringBuilder out) {
        int capLen = p.capLen();
        if (capLen < 2) {
            out.append(" [|ppp_hdlc]");
            return capLen;
        }
        int address = p.u8(0);
        if (address == ChdlcFormatter.UNICAST || address == ChdlcFormatter.BROADCAST) return chdlc(p, 0, length, out);
        if (capLen < PPP_HEADER) {
            out.append(" [|ppp_hdlc]");
            return capLen;
        }
        if (linkHeaders) {
            Text.hex(out, address, 2);
            out.append(' ');
            Text.hex(out, p.u8(1), 2);
            out.append(' ').append(length).append(' ');
        }
        if (address != PPP_ADDRESS) {
            out.append("unknown addr ");
            Text.hex(out, p.u8(2), 2);
            out.append("; ctrl ");
            Text.hex(out, p.u8(3), 2);
            return 2;
        }
        int protocol = p.u16(2);
        String name = PppNames.protocol(protocol);
        if (name != null) {
            out.append(name);
        } else {
            out.append("unknown PPP protocol (0x");
            Text.hex(out, protocol, 4);
            out.append(')');
        }
        out.append(": ");
        ppp.payload(p, protocol, PPP_HEADER, length - PPP_HEADER, "ppp_hdlc", out);
        return PPP_HEADER;
    }

    /**
     * Cisco HDLC (LINKTYPE_C_HDLC, and PPP_SERIAL frames with its addresses) as tcpdump's chdlc_print: with -e the
     * header ({@link ChdlcFormatter#header}), then by the ethertype-like type IPv4, IPv6, SLARP, MPLS or OSI (with
     * or without the pad byte before the NLPID, as tcpdump guesses), other types "unknown CHDLC protocol (0xNNNN)"
     * (nothing with -e). Returns the link-level length tcpdump counts for -x.
     */
    private int chdlc(Packet p, int off, int length, StringBuilder out) {
        if (length < ChdlcFormatter.HEADER_LENGTH) {
            out.append(" [|chdlc]");
            return p.capLen() - off;
        }
        if (!p.has(off, ChdlcFormatter.HEADER_LENGTH)) {
            earlyEnd.mark(out, "chdlc");   // tcpdump fetches the type with a jumping check
            return 0;
        }
        int type = p.u16(off + 2);
        if (linkHeaders) ChdlcFormatter.header(p, off, type, length, out);
        int at = off + ChdlcFormatter.HEADER_LENGTH;
        int rest = length - ChdlcFormatter.HEADER_LENGTH;
        switch (type) {
            case ETHERTYPE_IPV4 -> ip.ipv4(p, at, rest, out);
            case ETHERTYPE_IPV6 -> ip.ipv6(p, at, rest, out);
            case ChdlcFormatter.TYPE_SLARP -> chdlc.slarp(p, at, rest, out);
            case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST -> mpls.format(p, at, rest, out);
            case ETHERTYPE_ISO -> {
                if (rest < 2) {
                    out.append(" [|chdlc]");
                    return p.capLen() - off;
                }
                if (!p.has(at + 1, 1)) {
                    earlyEnd.mark(out, "chdlc");
                    return 0;
                }
                int nlpid = p.u8(at + 1);
                if (nlpid == NLPID_CLNP || nlpid == NLPID_ESIS || nlpid == NLPID_ISIS) osi.format(p, at + 1, rest - 1, out);
                else osi.format(p, at, rest, out);
            }
            default -> {
                if (!linkHeaders) {
                    out.append("unknown CHDLC protocol (0x");
                    Text.hex(out, type, 4);
                    out.append(')');
                }
            }
        }
        return ChdlcFormatter.HEADER_LENGTH;
    }

    /**
     * LINKTYPE_IPOIB as tcpdump's ipoib_if_print: the 44-byte header (two 20-byte hardware-address fields, the
     * ethertype, 2 reserved bytes) must be captured, else " [|ipoib]"; -e prints "IPOIB" and {@link #ipoibHeader};
     * the payload goes where an Ethernet frame's would, and a type tcpdump cannot decode gets the header (without -e
     * too) and the default dump.
     */
    private void ipoib(Packet p, int length, StringBuilder out) {
        if (p.capLen() < IPOIB_HEADER || length < IPOIB_HEADER) {
            out.append(" [|ipoib]");   // not a jump: -x then dumps nothing after the link-level bytes
            return;
        }
        int type = p.u16(IPOIB_TYPE);
        if (linkHeaders) {
            out.append("IPOIB");
            ipoibHeader(type, length, out);
        }
        if (etherTypeBody(p, type, IPOIB_HEADER, length - IPOIB_HEADER, out)) return;
        if (!linkHeaders) ipoibHeader(type, length, out);   // with the leading ", " as tcpdump writes it
        if (defaultPrint && IPOIB_HEADER < p.capLen()) {
            HexDump.hexAndAscii(p, IPOIB_HEADER, p.capLen() - IPOIB_HEADER, "\n\t", out);
        }
    }

    private static final int ARCTYPE_IP_OLD = 240, ARCTYPE_ARP_OLD = 241, ARCTYPE_DIAGNOSE = 0x80;

    /**
     * LINKTYPE_ARCNET as tcpdump's arcnet_if_print: source, destination and type, then (but for the old IP and ARP
     * types and diagnostics) the fragmentation flag and sequence number, extended after a flag of 0xff; with -e the
     * header; fragments after the first print nothing more, the others their IP, ARP or IPX packet, or the default
     * dump. A cut header jumps: " [|arcnet]", after the header so far where the flag is missing. Returns the
     * link-level length tcpdump counts.
     */
    private int arcnet(Packet p, int length, StringBuilder out) {
        int capLen = p.capLen();
        if (capLen < 3) {
            earlyEnd.mark(out, "arcnet");
            return 0;
        }
        int type = p.u8(2);
        boolean phds = type != ARCTYPE_IP_OLD && type != ARCTYPE_ARP_OLD && type != ARCTYPE_DIAGNOSE;
        int header = 3, flag = 0, seqid = 0;
        if (phds) {
            if (capLen < 6) {
                arcnetHeader(p, length, false, 0, 0, out);
                out.append(" phds");
                earlyEnd.mark(out, "arcnet");
                return 0;
            }
            flag = p.u8(3);
            if (flag == 0xff) {
                if (capLen < 10) {
                    arcnetHeader(p, length, false, 0, 0, out);
                    out.append(" phds extended");
                    earlyEnd.mark(out, "arcnet");
                    return 0;
                }
                flag = p.u8(7);
                seqid = p.u16(8);
                header = 10;
            } else {
                seqid = p.u16(4);
                header = 6;
            }
        }
        if (linkHeaders) arcnetHeader(p, length, phds, flag, seqid, out);
        if (phds && flag != 0 && (flag & 1) == 0) return header;   // a later fragment
        arcnetPayload(p, type, header, length - header, out);
        return header;
    }

    /** LINKTYPE_ARCNET_LINUX as tcpdump's arcnet_linux_if_print: source, destination, offset, type (flag, seqid). */
    private int arcnetLinux(Packet p, int length, StringBuilder out) {
        int capLen = p.capLen();
        if (capLen < 5) {
            earlyEnd.mark(out, "arcnet_linux");
            return 0;
        }
        int type = p.u8(4);
        int header = type == ARCTYPE_IP_OLD || type == ARCTYPE_ARP_OLD || type == ARCTYPE_DIAGNOSE ? 5 : 8;
        if (capLen < header) {
            earlyEnd.mark(out, "arcnet_linux");
            return 0;
        }
        // tcpdump prints it with the plain header's layout: the "type" it names is the offset's first byte
        if (linkHeaders) arcnetHeader(p, length, false, 0, 0, out);
        arcnetPayload(p, type, header, length - header, out);
        return header;
    }

    /**
     * tcpdump's arcnet_encap_print (AppleTalk's DDP after "et1 " with -v), or the default dump of what it does not
     * decode, which its ARCNET printers make even with -q, -x and -X.
     */
    private void arcnetPayload(Packet p, int type, int off, int length, StringBuilder out) {
        switch (type) {
            case ARCTYPE_IP_OLD, 212 -> ip.ipv4(p, off, length, out);
            case 0xc4 -> ip.ipv6(p, off, length, out);
            case ARCTYPE_ARP_OLD, 213, 214 -> arp.format(p, off, length, out);
            case 221 -> {
                if (verbosity.verbose()) out.append("et1 ");
                atalk.ddp(p, off, length, out);
            }
            case 250 -> ipx.format(p, off, out);
            default -> {
                if (p.capLen() > off) HexDump.hexAndAscii(p, off, p.capLen() - off, "\n\t", out);
            }
        }
    }

    /** tcpdump's arcnet_print: "SS DD TYPE [seqid NNNN [(first of N fragments)|(fragment N)]] LENGTH: "; -q: no type. */
    private void arcnetHeader(Packet p, int length, boolean phds, int flag, int seqid, StringBuilder out) {
        Text.hex(out, p.u8(0), 2);
        out.append(' ');
        Text.hex(out, p.u8(1), 2);
        out.append(' ');
        if (verbosity == Verbosity.QUIET) {
            out.append(Integer.toUnsignedLong(length)).append(": ");
            return;
        }
        int type = p.u8(2);
        String name = switch (type) {
            case ARCTYPE_IP_OLD -> "oldip";
            case ARCTYPE_ARP_OLD -> "oldarp";
            case 212 -> "ip";
            case 213 -> "arp";
            case 214 -> "rarp";
            case 221 -> "atalk";
            case 247 -> "banyan";
            case 250 -> "ipx";
            case 0xc4 -> "ipv6";
            case ARCTYPE_DIAGNOSE -> "diag";
            default -> null;
        };
        if (name == null) Text.hex(out, type, 2);
        else out.append(name);
        out.append(' ');
        if (phds) {
            out.append("seqid ");
            Text.hex(out, seqid, 4);
            out.append(' ');
            if (flag != 0 && (flag & 1) != 0) out.append("(first of ").append((flag + 3) / 2).append(" fragments) ");
            else if (flag != 0) out.append("(fragment ").append(flag / 2 + 1).append(") ");
        }
        out.append(length).append(": ");
    }

    /** tcpdump's ipoib_hdr_print: ", ethertype NAME (0xNNNN), length N: " (-q: no number), "Unknown" unnamed. */
    private void ipoibHeader(int type, int length, StringBuilder out) {
        String name = EtherTypeNames.of(type);
        out.append(", ethertype ").append(name == null ? "Unknown" : name);
        if (verbosity != Verbosity.QUIET) {
            out.append(" (0x");
            Text.hex(out, type, 4);
            out.append(')');
        }
        out.append(", length ").append(length).append(": ");
    }

    /**
     * The Juniper link types as tcpdump's juniper_*_if_print: the pseudo-header ({@link JuniperFormatter}), then
     * JUNIPER_ETHER's and JUNIPER_PPPOE's Ethernet frame (printed as a capture of its own; tcpdump counts its header
     * for -x on JUNIPER_ETHER only), JUNIPER_PPP's PPP frame, JUNIPER_CHDLC's Cisco HDLC frame, JUNIPER_FRELAY's
     * Frame Relay frame, the FRF.16 frame of a JUNIPER_MFR child link, the multilink bundles' packets or the PICs' IP.
     */
    private void juniper(Packet p, int length, StringBuilder out) {
        juniperFrameAt = -1;
        int type = p.linkType();
        int at = juniper.header(p, type, out);
        if (at < 0) return;
        switch (type) {
            case LinkType.JUNIPER_ETHER, LinkType.JUNIPER_PPPOE -> {
                juniperFrame.set(p.bytes(), p.offset() + at, p.capLen() - at, length - at, p.timestampNanos(),
                    p.interfaceId(), LinkType.EN10MB, p.frameNumber());
                Dissector.dissect(juniperFrame, juniperLayers);
                ethernet(juniperFrame, juniperLayers, 0, length - at, out);
                if (type == LinkType.JUNIPER_ETHER) juniperFrameAt = at;
            }
            case LinkType.JUNIPER_PPP -> ppp.format(p, at, length - at, out);
            case LinkType.JUNIPER_CHDLC -> chdlc(p, at, length - at, out);
            case LinkType.JUNIPER_MLPPP -> juniper.multilinkPpp(p, at, length - at, out);
            case LinkType.JUNIPER_MLFR -> juniper.multilinkFrameRelay(p, at, length - at, out);
            case LinkType.JUNIPER_FRELAY -> frameRelay.frameAt(p, at, length - at, out);
            case LinkType.JUNIPER_ATM1, LinkType.JUNIPER_ATM2 ->
                juniper.atm(p, type, at, length - at, atm, llc, carried, out);
            case LinkType.JUNIPER_MFR -> {
                if (juniper.childLink()) frameRelay.multilinkAt(p, at, length - at, out);
                else juniper.multilinkFrf16(p, at, length - at, out);
            }
            default -> juniper.picPayload(p, type, at, length - at, out);
        }
    }

    /** The name tcpdump's bsd_af_values give a BSD address family (NULL/LOOP headers, RIP), or null. */
    static String bsdAddressFamily(int family) {
        return switch (family) {
            case BsdHeaders.AF_INET -> "IPv4";
            case BsdHeaders.AF_NS -> "NS";
            case BsdHeaders.AF_ISO -> "ISO";
            case BsdHeaders.AF_APPLETALK -> "Appletalk";
            case BsdHeaders.AF_IPX -> "IPX";
            case BsdHeaders.AF_INET6_BSD, BsdHeaders.AF_INET6_FREEBSD, BsdHeaders.AF_INET6_DARWIN -> "IPv6";
            default -> null;
        };
    }

    /** tcpdump's null_hdr_print: "AF NAME (N), length N: ", with -q "NAME, length N: " ("Unknown AF N"). */
    private void addressFamilyHeader(int family, int length, StringBuilder out) {
        String name = bsdAddressFamily(family);
        if (verbosity != Verbosity.QUIET) {
            out.append("AF ").append(name == null ? "Unknown" : name).append(" (")
                .append(family & 0xffffffffL).append(')');
        } else if (name != null) {
            out.append(name);
        } else {
            out.append("Unknown AF ").append(family & 0xffffffffL);
        }
        out.append(", length ").append(length).append(": ");
    }
}
