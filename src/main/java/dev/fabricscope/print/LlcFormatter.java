package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * IEEE 802.2 LLC and SNAP headers, and what they carry, as tcpdump 4.99 prints an IEEE 802.3 frame (print-llc.c).
 * With -e the header itself ("LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: ", and for SNAP
 * "oui Cisco (0x00000c), pid CDP (0x2000), length 93: "). Then the payload: spanning tree BPDUs on SAP 0x42
 * ({@link StpFormatter}), IPv4 on SAP 0x06, SNAP with OUI 0 (or Cisco's 00-00-f8) as an ethertype, AppleTalk's DDP
 * with Apple's OUI ({@link AtalkFormatter}), Cisco's CDP
 * ({@link CdpFormatter}), DTP ({@link DtpFormatter}), UDLD ({@link UdldFormatter}), VTP ({@link VtpFormatter}) and
 * PVST+ BPDUs, RFC 2684 bridged Ethernet frames and BPDUs, and on SAP 0xfe the ISO network layer protocols (IS-IS,
 * ES-IS, CLNP: {@link OsiFormatter}). Frames of other SAPs print tcpdump's "Unnumbered",
 * "Supervisory" or "Information" line (XID's format and class too), and, as for any SNAP payload tcpdump does not
 * decode, the LLC payload in hex and ASCII on further lines unless -q, -x or -X.
 *
 * IPX (SAP 0xe0 and Novell's raw 802.3 "ff ff" frames) is {@link IpxFormatter}'s.
 *
 * <p>Differences from tcpdump: bridged Token Ring and
 * FDDI frames print as a SNAP payload tcpdump could not decode; ethertypes inside SNAP are decoded as far as
 * {@link EtherTypes} does. NetBEUI is not decoded, as in tcpdump builds without SMB support (Debian's). The LLC
 * header of LINUX_SLL/SLL2's 802.2 protocol is this printer's too (PacketPrinter hands it the payload).
 *
 * <p>As tcpdump, the 802.3 length field bounds what is read (Ethernet padding is not the payload's). Appends to the
 * caller's builder; allocates nothing. Reentrant: a frame its payload carries may come back to it. One per printer.
 */
final class LlcFormatter {
    /** An ethertype's payload printed as tcpdump's ethertype_print does; false when it has no printer for it. */
    interface EtherTypes {
        boolean print(Packet p, int type, int off, int length, StringBuilder out);
    }

    private static final int SAP_SNAP = 0xaa, SAP_STP = 0x42, SAP_IP = 0x06, SAP_IPX = 0xe0, SAP_OSI = 0xfe,
        SAP_GLOBAL = 0xff;
    private static final int UI = 0x03, XID = 0xaf, XID_FORMAT = 0x81, U_POLL = 0x10, IS_POLL = 0x100;
    private static final int OUI_ETHER = 0x000000, OUI_CISCO = 0x00000c, OUI_CISCO_BRIDGED = 0x0000f8,
        OUI_APPLETALK = 0x080007, OUI_RFC2684 = 0x0080c2;
    private static final int PID_CDP = 0x2000, PID_VTP = 0x2003, PID_DTP = 0x2004, PID_UDLD = 0x0111,
        PID_PVST = 0x010b, PID_VLAN_BRIDGE = 0x010c;
    private static final int PID_BRIDGED_ETHERNET_FCS = 0x0001, PID_BRIDGED_ETHERNET = 0x0007, PID_BPDU = 0x000e;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final String[] BRIDGED = {null, "Ethernet + FCS", "802.4 + FCS", "Token Ring + FCS", "FDDI + FCS",
        "802.6 + FCS", null, "Ethernet w/o FCS", "802.4 w/o FCS", "Token Ring w/o FCS", "FDDI w/o FCS",
        "802.6 w/o FCS", null, null, "BPDU"};

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final boolean defaultDump;
    private final EarlyEnd earlyEnd;
    private final EtherTypes etherTypes;
    private final Encapsulated encapsulated;
    private final StpFormatter stp;
    private final CdpFormatter cdp;
    private final DtpFormatter dtp;
    private final UdldFormatter udld;
    private final VtpFormatter vtp;
    private final OsiFormatter osi;
    private final IpxFormatter ipx;
    private final SnapshotBytes bytes = new SnapshotBytes();
    /**
     * The frame with its capture cut at the end of the 802.3 length, as tcpdump's pushed snapshot end; this call's
     * ({@link #enter}), as are {@link #bytes}' packet and end and {@link #protocol}.
     */
    private final Packet view = new Packet();
    /** The protocol whose marker a read past the capture prints (tcpdump's ndo_protocol). */
    private String protocol;
    /**
     * The bytes before an RFC 2684 bridged frame (tcpdump's bridge_pad): 2 after LLC, none after Frame Relay. Set for
     * one call and put back after it ({@link #enter}): an LLC frame carried inside Frame Relay's SNAP payload has its
     * own 2.
     */
    private int bridgePad = 2;

    /**
     * {@code defaultDump}: tcpdump's hex and ASCII dump of what it cannot decode (off with -q, -x and -X);
     * {@code etherTypes} prints SNAP's ethertypes, {@code encapsulated} RFC 2684 bridged Ethernet frames.
     */
    LlcFormatter(Verbosity verbosity, boolean linkHeaders, boolean defaultDump, EarlyEnd earlyEnd,
                 EtherTypes etherTypes, Encapsulated encapsulated) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.defaultDump = defaultDump;
        this.earlyEnd = earlyEnd;
        this.etherTypes = etherTypes;
        this.encapsulated = encapsulated;
        this.stp = new StpFormatter(verbosity, earlyEnd);
        this.cdp = new CdpFormatter(verbosity, earlyEnd);
        this.dtp = new DtpFormatter(verbosity, earlyEnd);
        this.udld = new UdldFormatter(verbosity, earlyEnd);
        this.vtp = new VtpFormatter(verbosity, earlyEnd);
        this.osi = new OsiFormatter(verbosity, linkHeaders, earlyEnd, etherTypes, encapsulated);
        this.ipx = new IpxFormatter(verbosity, linkHeaders, earlyEnd);
    }

    /**
     * The LLC header at {@code off} and its payload, {@code length} bytes in all (the 802.3 length, or what the wire
     * had if less); {@code srcMac}/{@code dstMac} locate the frame's addresses (-1 where it has none). Returns the
     * LLC header length (with SNAP 8; 0 where the printer gave up), negated when the payload could not be printed
     * (tcpdump's llc_print: after Ethernet the header still counts as link level for -x, after a Linux cooked
     * header it does not).
     */
    int format(Packet p, int srcMac, int dstMac, int off, int length, StringBuilder out) {
        return enter(FORMAT, p, srcMac, dstMac, off, length, 0xff, 2, out);
    }

    /**
     * What the source address's first byte keeps of the frame being printed: Token Ring's source-routed frames clear
     * their routing bit. Set for one call and put back after it ({@link #enter}).
     */
    private int sourceMask = 0xff;

    /**
     * {@link #format} for a source-routed Token Ring frame: tcpdump prints its source address with the routing
     * information indicator cleared.
     */
    int formatSourceRouted(Packet p, int srcMac, int dstMac, int off, int length, StringBuilder out) {
        return enter(FORMAT, p, srcMac, dstMac, off, length, 0x7f, 2, out);
    }

    /** tcpdump's llc_print alone, as Juniper's ATM printers call it: no default print of a payload it left. */
    int withoutDefaultPrint(Packet p, int off, int length, StringBuilder out) {
        return enter(LLC_ONLY, p, -1, -1, off, length, 0xff, 2, out);
    }

    /**
     * A SNAP header at {@code off} and its payload, as Frame Relay's NLPID 0x80 hands it to tcpdump's snap_print (no
     * addresses, no bridge pad, the packet's whole capture readable); false when only the header was printed.
     */
    boolean snapOnly(Packet p, int off, int length, StringBuilder out) {
        return enter(SNAP_ONLY, p, -1, -1, off, length, 0xff, 0, out) != 0;
    }

    /** What {@link #enter} runs: {@link #format}'s llc_print and default print, llc_print alone, snap_print alone. */
    private static final int FORMAT = 0, LLC_ONLY = 1, SNAP_ONLY = 2;

    /**
     * One call of an entry point, with its own view, reader, marker name, source mask and bridge pad. A frame carried
     * in the payload (an 802.3 frame in VXLAN in SNAP, an LLC frame in Frame Relay's SNAP) re-enters this printer from
     * a nested printer and sets them all for itself: the caller's are kept in locals and put back when it returns, so
     * what the caller does after the nested printer (a default dump, a marker) sees its own frame. No allocation.
     * {@link #SNAP_ONLY} returns 1 where snap_print printed the payload, else 0.
     */
    private int enter(int mode, Packet p, int srcMac, int dstMac, int off, int length, int mask, int pad,
                      StringBuilder out) {
        byte[] callerBytes = view.bytes();
        int callerOffset = view.offset(), callerCapLen = view.capLen(), callerOrigLen = view.origLen(),
            callerInterface = view.interfaceId(), callerLinkType = view.linkType();
        long callerTime = view.timestampNanos(), callerFrame = view.frameNumber();
        Packet callerReading = bytes.packet();
        int callerEnd = bytes.end(), callerMask = sourceMask, callerPad = bridgePad;
        String callerProtocol = protocol;
        sourceMask = mask;
        bridgePad = pad;
        // the length is tcpdump's u_int: an IPv6 jumbogram's carried frame passes 2^31, and off + length overflows
        int end = mode == SNAP_ONLY ? p.capLen()
            : (int) Math.max(Math.min(off, p.capLen()), Math.min(p.capLen(), off + Integer.toUnsignedLong(length)));
        view.set(p.bytes(), p.offset(), end, p.origLen(), p.timestampNanos(), p.interfaceId(), p.linkType(),
            p.frameNumber());
        int capLen = Math.max(0, end - off);
        bytes.set(view, end);
        try {
            return switch (mode) {
                case FORMAT -> {
                    int header = llc(srcMac, dstMac, off, length, capLen, out);
                    if (header < 0 && defaultDump) dump(off, capLen, out);   // payload not printed: the default print
                    yield header;
                }
                case LLC_ONLY -> llc(srcMac, dstMac, off, length, capLen, out);
                default -> snap(srcMac, dstMac, off, length, capLen, out) ? 1 : 0;
            };
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, protocol);
            return mode == SNAP_ONLY ? 1 : 0;
        } finally {
            view.set(callerBytes, callerOffset, callerCapLen, callerOrigLen, callerTime, callerInterface,
                callerLinkType, callerFrame);
            bytes.set(callerReading, callerEnd);   // the outermost call's caller had none: cleared
            protocol = callerProtocol;
            sourceMask = callerMask;
            bridgePad = callerPad;
        }
    }

    private void source(int srcMac, StringBuilder out) {
        Text.hex(out, view.u8(srcMac) & sourceMask, 2);
        for (int i = 1; i < 6; i++) {
            out.append(':');
            Text.hex(out, view.u8(srcMac + i), 2);
        }
    }

    /** tcpdump's llc_print: the header length, negative when the payload was not printed. */
    private int llc(int srcMac, int dstMac, int off, int length, int capLen, StringBuilder out) {
        protocol = "llc";
        if (capLen < 3 || Integer.compareUnsigned(length, 3) < 0) {   // length: tcpdump's u_int, as in the rest
            return truncated(off, capLen, capLen < 3 ? capLen : length, out);
        }
        int dsapField = bytes.u8(off), ssapField = bytes.u8(off + 1);
        int control = bytes.u8(off + 2);
        boolean unnumbered = (control & 3) == 3;
        int header = unnumbered ? 3 : 4;
        if (!unnumbered) {
            if (capLen < 4 || Integer.compareUnsigned(length, 4) < 0) {
                return truncated(off, capLen, capLen < 4 ? capLen : length, out);
            }
            control |= bytes.u8(off + 3) << 8;   // I and S frames: a 2-byte control field, little-endian
        }
        if (dsapField == SAP_GLOBAL && ssapField == SAP_GLOBAL) {   // Novell's "raw 802.3": IPX with no LLC header
            if (linkHeaders) out.append("IPX 802.3: ");
            ipx.format(view, off, out);
            return 0;
        }
        int dsap = dsapField & ~1, ssap = ssapField & ~1;
        if (linkHeaders) {
            out.append("LLC, dsap ").append(sapName(dsap, "Unknown")).append(" (0x");
            Text.hex(out, dsap, 2);
            out.append(") ").append((dsapField & 1) == 0 ? "Individual" : "Group").append(", ssap ")
                .append(sapName(ssap, "Unknown")).append(" (0x");
            Text.hex(out, ssap, 2);
            out.append(") ").append((ssapField & 1) == 0 ? "Command" : "Response").append(", ctrl 0x");
            Text.hex(out, control, unnumbered ? 2 : 4);
            out.append(": ");
        }
        int payload = off + header;
        int payloadLength = length - header, payloadCapLen = capLen - header;
        if (dsap == ssap && control == UI) {
            switch (dsap) {
                case SAP_SNAP -> {
                    boolean printed = snap(srcMac, dstMac, payload, payloadLength, payloadCapLen, out);
                    return printed ? header + 5 : -(header + 5);
                }
                case SAP_STP -> {
                    stp.format(view, payload, payloadLength, out);
                    return header;
                }
                case SAP_IP -> {
                    etherTypes.print(view, ETHERTYPE_IPV4, payload, payloadLength, out);
                    return header;
                }
                case SAP_IPX -> {
                    if (linkHeaders) out.append("IPX 802.2: ");
                    ipx.format(view, payload, out);
                    return header;
                }
                case SAP_OSI -> {
                    osi.format(view, payload, payloadLength, out);
                    return header;
                }
                default -> { }
            }
        }
        if (!linkHeaders) {
            boolean addresses = srcMac >= 0 && dstMac >= 0;
            if (addresses) {
                source(srcMac, out);
                out.append(' ');
            }
            if (ssap != dsap) {
                out.append(sapName(ssap, "Unknown SSAP 0x"));
                if (sapName(ssap, null) == null) Text.hex(out, ssap, 2);
                out.append(' ');
            }
            if (addresses || ssap != dsap) out.append("> ");
            if (addresses) {
                Text.linkAddress(out, view, dstMac, 6);
                out.append(' ');
            }
            out.append(sapName(dsap, "Unknown DSAP 0x"));
            if (sapName(dsap, null) == null) Text.hex(out, dsap, 2);
            out.append(' ');
        }
        if (unnumbered) {
            out.append("Unnumbered, ");
            String command = commandName(control & 0xef);
            if (command != null) out.append(command);
            else Text.hex(out, control & 0xef, 2);
            out.append(", Flags [").append(flagName(ssapField & 1 | control & U_POLL)).append("], length ")
                .append(Integer.toUnsignedLong(length));
            if ((control & ~U_POLL) == XID) {
                if (payloadLength == 0) return header;   // an XID with no information field
                if (payloadCapLen < 1) {
                    out.append(" [|llc]");
                    return header;
                }
                if (bytes.u8(payload) == XID_FORMAT) {
                    if (payloadCapLen < 3 || Integer.compareUnsigned(payloadLength, 3) < 0) {
                        out.append(" [|llc]");
                        dump(payload, payloadCapLen, out);
                    } else {
                        out.append(": ");
                        Text.hex(out, bytes.u8(payload + 1), 2);
                        out.append(' ');
                        Text.hex(out, bytes.u8(payload + 2), 2);
                    }
                    return header;
                }
            }
        } else if ((control & 1) == 1) {
            int function = control >> 2 & 3;
            out.append("Supervisory, ").append(switch (function) {
                case 0 -> "Receiver Ready";
                case 1 -> "Receiver not Ready";
                case 2 -> "Reject";
                default -> "?";
            }).append(", rcv seq ").append(control >> 9 & 0x7f).append(", Flags [")
                .append(flagName(ssapField & 1 | control & IS_POLL)).append("], length ")
                .append(Integer.toUnsignedLong(length));
            return header;   // no payload to print
        } else {
            out.append("Information, send seq ").append(control >> 1 & 0x7f).append(", rcv seq ")
                .append(control >> 9 & 0x7f).append(", Flags [").append(flagName(ssapField & 1 | control & IS_POLL))
                .append("], length ").append(Integer.toUnsignedLong(length));
        }
        return -header;
    }

    /** Too short for the header: tcpdump's marker, its default print of what there is, and what it counts. */
    private int truncated(int off, int capLen, int counted, StringBuilder out) {
        out.append(" [|llc]");
        dump(off, capLen, out);   // llc_print's own dumps ignore -q, -x and -X
        return counted;
    }

    /** tcpdump's snap_print; false when it printed the SNAP header only (the caller then dumps the payload). */
    private boolean snap(int srcMac, int dstMac, int off, int length, int capLen, StringBuilder out) {
        protocol = "snap";
        if (capLen < 5 || Integer.compareUnsigned(length, 5) < 0) {
            out.append(" [|snap]");
            return true;
        }
        int oui = bytes.u24(off);
        int pid = bytes.u16(off + 3);
        if (linkHeaders) {
            out.append("oui ").append(TcpdumpOuis.name(oui)).append(" (0x");
            Text.hex(out, oui, 6);
            out.append("), ").append(oui == OUI_ETHER ? "ethertype " : "pid ").append(pidName(oui, pid)).append(" (0x");
            Text.hex(out, pid, 4);
            out.append("), length ").append(Integer.toUnsignedLong(length - 5)).append(": ");
        }
        int payload = off + 5;
        length -= 5;
        capLen -= 5;
        switch (oui) {
            case OUI_ETHER, OUI_CISCO_BRIDGED -> {
                if (etherTypes.print(view, pid, payload, length, out)) return true;
            }
            case OUI_APPLETALK -> {   // Apple's own OUI for DDP only (AARP goes with OUI 0)
                if (pid == AtalkFormatter.ETHERTYPE && etherTypes.print(view, pid, payload, length, out)) return true;
            }
            case OUI_CISCO -> {
                switch (pid) {
                    case PID_CDP -> cdp.format(view, payload, length, out);
                    case PID_DTP -> dtp.format(view, payload, length, out);
                    case PID_UDLD -> udld.format(view, payload, length, out);
                    case PID_VTP -> vtp.format(view, payload, length, out);
                    case PID_PVST, PID_VLAN_BRIDGE -> stp.format(view, payload, length, out);
                    default -> {
                        return snapHeader(srcMac, dstMac, oui, pid, length, out);
                    }
                }
                return true;
            }
            case OUI_RFC2684 -> {
                switch (pid) {
                    case PID_BRIDGED_ETHERNET_FCS, PID_BRIDGED_ETHERNET -> {
                        if (capLen < bridgePad) {   // LLC's 2-byte pad before the frame
                            out.append(" [|snap]");
                            return true;
                        }
                        encapsulated.print(view, payload + bridgePad, length - bridgePad, capLen - bridgePad,
                            LinkType.EN10MB, out);
                        return true;
                    }
                    case PID_BPDU -> {
                        stp.format(view, payload, length, out);
                        return true;
                    }
                    default -> { }
                }
            }
            default -> { }
        }
        return snapHeader(srcMac, dstMac, oui, pid, length, out);
    }

    /** Without -e, what tcpdump prints of a SNAP payload it cannot decode: addresses and the SNAP header. */
    private boolean snapHeader(int srcMac, int dstMac, int oui, int pid, int length, StringBuilder out) {
        if (linkHeaders) return false;
        if (srcMac >= 0 && dstMac >= 0) {
            source(srcMac, out);
            out.append(" > ");
            Text.linkAddress(out, view, dstMac, 6);
            out.append(' ');
        }
        if (oui == OUI_ETHER) {
            out.append("SNAP, ethertype ").append(pidName(oui, pid)).append(" (0x");
        } else {
            out.append("SNAP, oui ").append(TcpdumpOuis.name(oui)).append(" (0x");
            Text.hex(out, oui, 6);
            out.append("), pid ").append(pidName(oui, pid)).append(" (0x");
        }
        Text.hex(out, pid, 4);
        out.append("), length ").append(Integer.toUnsignedLong(length)).append(": ");
        return false;
    }

    /** tcpdump's default print: the bytes in hex and ASCII on further lines. */
    private void dump(int off, int capLen, StringBuilder out) {
        HexDump.hexAndAscii(view, off, capLen, "\n\t", out);
    }

    /** tcpdump's names of the protocol IDs of the OUIs it has tables for. */
    private static String pidName(int oui, int pid) {
        String name = switch (oui) {
            case OUI_ETHER, OUI_CISCO_BRIDGED, OUI_APPLETALK -> EtherTypeNames.of(pid);
            case OUI_CISCO -> switch (pid) {
                case PID_CDP -> "CDP";
                case PID_VTP -> "VTP";
                case PID_DTP -> "DTP";
                case PID_UDLD -> "UDLD";
                case PID_PVST -> "PVST";
                case PID_VLAN_BRIDGE -> "VLAN Bridge";
                default -> null;
            };
            case OUI_RFC2684 -> pid < BRIDGED.length ? BRIDGED[pid] : null;
            default -> null;
        };
        return name == null ? "Unknown" : name;
    }

    /** tcpdump's SAP names, or {@code unknown} for the others. */
    private static String sapName(int sap, String unknown) {
        return switch (sap) {
            case 0x00 -> "Null";
            case 0x02 -> "802.1B I";
            case 0x04 -> "SNA";
            case 0x06 -> "IP";
            case 0x0e -> "ProWay NM";
            case 0x42 -> "STP";
            case 0x4e -> "RS511";
            case 0x7e -> "ISO8208";
            case 0x8e -> "ProWay";
            case 0xaa -> "SNAP";
            case 0xe0 -> "IPX";
            case 0xf0 -> "NetBeui";
            case 0xfe -> "OSI";
            default -> unknown;
        };
    }

    private static String commandName(int command) {
        return switch (command) {
            case 0x03 -> "ui";
            case 0xe3 -> "test";
            case 0xaf -> "xid";
            case 0x63 -> "ua";
            case 0x43 -> "disc";
            case 0x0f -> "dm";
            case 0x6f -> "sabme";
            case 0x87 -> "frmr";
            default -> null;
        };
    }

    /** Command/Response from the SSAP's C/R bit, Poll/Final with the P/F bit (U: 0x10, I and S: 0x100). */
    private static String flagName(int value) {
        return switch (value) {
            case 0 -> "Command";
            case 1 -> "Response";
            case U_POLL, IS_POLL -> "Poll";
            case U_POLL | 1, IS_POLL | 1 -> "Final";
            default -> "?";
        };
    }
}
