package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * A UDP datagram as tcpdump prints it, by port in tcpdump's own order ({@link UdpPorts}): DNS on 53 and mDNS on 5353
 * ({@link DnsFormatter}), TFTP on 69, BOOTP/DHCP on 67/68 ({@link BootpFormatter}), NTP on 123, SNMP on 161/162
 * ({@link SnmpFormatter}), PTP on 319/320 ({@link PtpFormatter}), syslog on 514, DHCPv6 on 546/547
 * ({@link Dhcp6Formatter}), RADIUS on 1812/1813, 1645/1646, 1700 and 3799 ({@link RadiusFormatter}), BFD to
 * 3784/3785/4784/6784, OTV on 8472 ({@link OtvFormatter}), VXLAN on 4789 ({@link VxlanFormatter}), Geneve on 6081,
 * VXLAN-GPE on 4790 ({@link VxlanGpeFormatter}), MPLS on 6635 ({@link MplsFormatter}), Broadcom's LI shim from 49152
 * ({@link BcmLiFormatter}), SOME/IP on 30490, HSRP to 1985 ({@link HsrpFormatter}), BIND's lightweight resolver on 921
 * ({@link LwresFormatter}), AppleTalk's LLAP and DDP in UDP (KIP: {@link AtalkFormatter}, by port range and the
 * LLAP type), LDP on 646 ({@link LdpFormatter}),
 * OLSR on 698 ({@link OlsrFormatter}), LSP ping on 3503 ({@link LsppingFormatter}), RIP on 520 ({@link RipFormatter}), AODV on 654
 * ({@link AodvFormatter}), RIPng on 521 ({@link RipngFormatter}), sFlow on 6343 ({@link SflowFormatter}),
 * LISP control on 4342 ({@link LispFormatter}), L2TP on 1701 ({@link L2tpFormatter}), LMP on 701
 * ({@link LmpFormatter}), AHCP on 5359 ({@link AhcpFormatter}), Babel on 6696 and 6697 ({@link BabelFormatter}),
 * HNCP on 8231 ({@link HncpFormatter}), Cisco auto-RP on 496 ({@link CiscoAutoRpFormatter}), VQP on 1589 ({@link VqpFormatter}), ISAKMP/IKE on 500, 7500 and 8500 ({@link IkeFormatter}),
 * Zephyr on 2103 and 2104 ({@link ZephyrFormatter}), LWAPP on 12223 and 12222 ({@link LwappFormatter}),
 * ESP in UDP and IKE after the non-ESP marker on 4500 ({@link NatTraversalFormatter}), NFS calls to 2049 and
 * replies from it, tried before all
 * the others ({@link NfsFormatter}); else
 * {@code UDP, length N}
 * (tcpdump -q never decodes by port). Every port tcpdump 4.99 decodes is decoded here (DispatchSweepTest); RoCEv2 (4791)
 * prints what tcpdump prints for it. IPv6 checksums are verified with -v as tcpdump does, IPv4 ones with -vv. With -T
 * ({@link PacketType}) every datagram goes to that type's printer, unchecked, as tcpdump does (Cisco NetFlow,
 * {@link CnfpFormatter}, ONC-RPC, {@link SunrpcFormatter}, RTP and RTCP, {@link RtpFormatter}, only so; vat also to 3456, the
 * whiteboard, {@link WbFormatter}, to 4567).
 */
final class UdpFormatter {
    private static final int HEADER = 8;
    private static final int PROTOCOL = 17;

    private final Verbosity verbosity;
    /** -v's (IPv6) and -vv's (IPv4) checksum check (off with -K). */
    private final boolean verifyChecksums;
    private final DnsFormatter dns;
    private final VxlanFormatter vxlan;
    private final OtvFormatter otv;
    private final VxlanGpeFormatter vxlanGpe;
    private final Encapsulated inner;
    private final SyslogFormatter syslog;
    private final NtpFormatter ntp;
    private final RipFormatter rip;
    private final RipngFormatter ripng;
    private final SflowFormatter sflow;
    private final TftpFormatter tftp;
    private final BfdFormatter bfd;
    private final GeneveFormatter geneve;
    private final BcmLiFormatter bcmLi;
    private final SomeIpFormatter someIp;
    private final BootpFormatter bootp;
    private final Dhcp6Formatter dhcp6;
    private final PtpFormatter ptp;
    private final SnmpFormatter snmp;
    private final RadiusFormatter radius;
    private final HsrpFormatter hsrp;
    private final LwresFormatter lwres;
    private final AtalkFormatter atalk;
    private final LdpFormatter ldp;
    private final OlsrFormatter olsr;
    private final RxFormatter rx;
    private final LsppingFormatter lspping;
    private final LispFormatter lisp;
    private final L2tpFormatter l2tp;
    private final LmpFormatter lmp;
    private final VqpFormatter vqp;
    private final ZephyrFormatter zephyr;
    private final LwappFormatter lwapp;
    private final IkeFormatter ike;
    private final NatTraversalFormatter natTraversal;
    private final NfsFormatter nfs;
    private final CnfpFormatter cnfp;
    private final SunrpcFormatter sunrpc;
    private final RtpFormatter rtp;
    private final WbFormatter wb;
    private final CiscoAutoRpFormatter autoRp;
    private final AodvFormatter aodv;
    /** With -T pgm or pgm_zmtp1 only (the latter with its ZMTP printer). */
    private final PgmFormatter pgm;
    private final KrbFormatter krb;
    private final BabelFormatter babel;
    private final ZepFormatter zep;
    private final HncpFormatter hncp;
    private final AhcpFormatter ahcp;
    private final TimedFormatter timed;
    private final TextProtocolFormatter text;
    /** -T's type, or null. */
    private final PacketType forced;

    /**
     * @param etherTypes what Geneve's payload gets, by its ethertype
     * @param nfs        NFS calls to 2049 and replies from it (its xid map shared with TCP's)
     * @param decrypted  prints what ESP in UDP decrypts to (-E)
     */
    UdpFormatter(PrintSettings settings, EarlyEnd earlyEnd, Encapsulated inner, CarriedEtherType etherTypes,
                 NfsFormatter nfs, IpsecFormatter.Demux decrypted) {
        Verbosity verbosity = settings.verbosity();
        this.verbosity = verbosity;
        this.verifyChecksums = settings.verifyChecksums();
        this.forced = settings.forced();
        this.dns = new DnsFormatter(verbosity, earlyEnd);
        this.vxlan = new VxlanFormatter(earlyEnd, inner);
        this.otv = new OtvFormatter(earlyEnd, inner);
        NshFormatter nsh = new NshFormatter(verbosity, earlyEnd, inner);
        this.vxlanGpe = new VxlanGpeFormatter(verbosity, earlyEnd, inner, nsh);
        this.inner = inner;
        this.syslog = new SyslogFormatter(verbosity, earlyEnd);
        this.ntp = new NtpFormatter(verbosity, earlyEnd);
        this.rip = new RipFormatter(verbosity, earlyEnd);
        this.ripng = new RipngFormatter(verbosity, earlyEnd);
        this.sflow = new SflowFormatter(verbosity, earlyEnd);
        this.tftp = new TftpFormatter(earlyEnd);
        this.bfd = new BfdFormatter(verbosity, earlyEnd);
        this.geneve = new GeneveFormatter(verbosity, settings.linkHeaders(), inner, etherTypes);
        this.bcmLi = new BcmLiFormatter(verbosity, earlyEnd, inner);
        this.someIp = new SomeIpFormatter(earlyEnd);
        this.bootp = new BootpFormatter(verbosity, earlyEnd);
        this.dhcp6 = new Dhcp6Formatter(verbosity, earlyEnd);
        this.ptp = new PtpFormatter(earlyEnd);
        this.snmp = new SnmpFormatter(verbosity, earlyEnd);
        this.radius = new RadiusFormatter(verbosity, earlyEnd, settings.zone());
        this.hsrp = new HsrpFormatter(verbosity, earlyEnd);
        this.lwres = new LwresFormatter(verbosity, earlyEnd);
        this.atalk = new AtalkFormatter(verbosity, false, earlyEnd);   // LLAP only: no "AT " to leave out
        this.ldp = new LdpFormatter(verbosity, earlyEnd);
        this.olsr = new OlsrFormatter(verbosity, earlyEnd);
        this.rx = new RxFormatter(verbosity, earlyEnd, settings.zone());
        this.lspping = new LsppingFormatter(verbosity, earlyEnd);
        this.lisp = new LispFormatter(verbosity, earlyEnd);
        this.l2tp = new L2tpFormatter(earlyEnd, inner);
        this.lmp = new LmpFormatter(verbosity, earlyEnd);
        this.vqp = new VqpFormatter(verbosity, earlyEnd);
        this.zephyr = new ZephyrFormatter(earlyEnd);
        this.lwapp = new LwappFormatter(verbosity);
        this.ike = new IkeFormatter(verbosity, earlyEnd, settings.espSecrets());
        this.natTraversal = new NatTraversalFormatter(earlyEnd,
            new IpsecFormatter(verbosity, earlyEnd, settings.espSecrets(), decrypted), ike);
        this.nfs = nfs;
        this.cnfp = new CnfpFormatter(earlyEnd);
        this.sunrpc = new SunrpcFormatter(earlyEnd, nfs);
        this.rtp = new RtpFormatter(verbosity, earlyEnd);
        this.wb = new WbFormatter(verbosity, earlyEnd);
        this.autoRp = new CiscoAutoRpFormatter(earlyEnd);
        this.aodv = new AodvFormatter(earlyEnd);
        this.krb = new KrbFormatter(earlyEnd);
        this.babel = new BabelFormatter(verbosity, earlyEnd);
        this.zep = new ZepFormatter(verbosity, settings.defaultPrint(), earlyEnd, settings.zone());
        this.hncp = new HncpFormatter(verbosity, earlyEnd);
        this.ahcp = new AhcpFormatter(verbosity, earlyEnd);
        this.timed = new TimedFormatter(earlyEnd);
        this.text = new TextProtocolFormatter(verbosity, earlyEnd);
        this.pgm = forced == null || forced.udp != UdpPorts.Decoder.PGM ? null : new PgmFormatter(verbosity, earlyEnd,
            forced == PacketType.PGM_ZMTP1 ? new ZmtpFormatter(verbosity, earlyEnd) : null);
    }

    /**
     * @param length UDP length per the IP header (header + data), unsigned 32 bits as tcpdump's (an IPv6 jumbo
     *               payload's can pass 2^31)
     */
    void format(Packet p, IpContext ip, int off, int length, StringBuilder out) {
        int end = ip.end;
        if (off + 4 > end) {
            if (ip.addresses) {   // tcpdump names the addresses only when the IP header names UDP
                ip.appendAddresses(out, p);
                out.append(' ');
            }
            out.append(" [|udp]");
            return;
        }
        int sport = p.u16(off), dport = p.u16(off + 2);
        if (Integer.compareUnsigned(length, HEADER) < 0) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append("truncated-udp ").append(length);
            return;
        }
        if (off + 6 > end) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append(" [|udp]");
            return;
        }
        int ulen = p.u16(off + 4);
        if (ulen == 0 && Integer.compareUnsigned(length, 65535) > 0) ulen = length;   // RFC 2675's jumbogram
        if (Integer.compareUnsigned(ulen, HEADER) < 0) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append("truncated-udplength ").append(ulen);
            return;
        }
        ulen -= HEADER;
        length -= HEADER;
        if (Integer.compareUnsigned(ulen, length) < 0) length = ulen;
        if (off + HEADER > end) {
            ip.appendEndpoints(out, p, sport, dport);
            out.append(" [|udp]");
            return;
        }
        if (forced == PacketType.RPC) {   // prints its own addresses, not the datagram's endpoints
            sunrpc.format(p, ip, off + HEADER, length, out);
            return;
        }
        if (forced != null) {   // before checksums and ports, whatever -q says; a type without a UDP printer: nothing
            if (forced.udp != null) decode(forced.udp, p, ip, off + HEADER, length, ulen, sport, dport,
                ip.appendEndpoints(out, p, sport, dport));
            return;
        }
        ip.appendEndpoints(out, p, sport, dport);
        // tcpdump's first look, before checksums and ports: an NFS call to 2049 or reply from it
        // the length unsigned, as tcpdump's u_int: a jumbogram's can pass 2^31
        if (verbosity != Verbosity.QUIET
                && nfs.format(p, ip, off + HEADER, Integer.toUnsignedLong(length), end, sport, dport, "", out)) {
            return;
        }
        // IPv6 (where the checksum is mandatory) from -v, IPv4 from -vv, where a zero checksum means none
        boolean check = verifyChecksums && (ip.v6 ? verbosity.verbose() : verbosity.veryVerbose());
        if (check && !ip.fragmented && !ip.v6 && p.u16(off + 6) == 0) {
            out.append("[no cksum] ");
        } else if (check && !ip.fragmented && (long) off + HEADER + Integer.toUnsignedLong(length) <= end) {
            long sum = InternetChecksum.add(ip.pseudoHeaderSum(p, PROTOCOL, length + HEADER), p, off, length + HEADER);
            ChecksumText.bracketed(out, "udp", p.u16(off + 6), sum);
        }
        int lapType = off + HEADER + 2;   // KIP's LLAP type, tested against the snapshot end as tcpdump's ND_TTEST_1
        boolean longDdp = lapType < ip.end && p.u8(lapType) == 2;
        UdpPorts.Decoder decoder = verbosity == Verbosity.QUIET ? UdpPorts.Decoder.NONE
            : UdpPorts.decoder(sport, dport, longDdp);
        decode(decoder, p, ip, off + HEADER, length, ulen, sport, dport, out);
    }

    private void decode(UdpPorts.Decoder decoder, Packet p, IpContext ip, int payload, int length, int ulen, int sport,
                        int dport, StringBuilder out) {
        int end = ip.end;
        // past 2^31 (an IPv6 jumbogram) the printers that take the length as an int get the largest one; those that
        // take it unsigned as tcpdump's u_int (DNS, NTP, TFTP, BOOTP, RIP, RIPng, LMP, RX, LWAPP,
        // NAT-T, VAT, AODV, HNCP, SIP, LWRES, VQP, BFD, syslog, HSRP, LSP ping, sFlow, SNMP; VXLAN, Geneve, OTV and
        // VXLAN-GPE and BCM-LI, whose carried Ethernet frame's printers see it; MPLS, whose OSI PDU's do; L2TP, whose
        // PPP frame's do) get it whole
        int unsigned = length;
        length = UnsignedLength.clamped(length);
        switch (decoder) {
            case DNS, MDNS -> dns.format(p, payload, unsigned, end, false, decoder == UdpPorts.Decoder.MDNS, out);
            case VXLAN -> vxlan.format(p, payload, unsigned, end, out);
            case GENEVE -> geneve.format(p, payload, unsigned, end, out);
            case OTV -> otv.format(p, payload, unsigned, end, out);
            case VXLAN_GPE -> vxlanGpe.format(p, payload, unsigned, end, out);
            case MPLS -> {   // tcpdump's mpls_print, as for ethertype 0x8847
                if (!inner.print(p, payload, unsigned, end - payload, Encapsulated.MPLS, out)) out.append(" [|mpls]");
            }
            case SYSLOG -> syslog.format(p, payload, unsigned, end, out);
            case NTP -> ntp.format(p, payload, unsigned, end, out);
            case RIP -> rip.format(p, payload, unsigned, end, out);
            case RIPNG -> ripng.format(p, payload, unsigned, end, out);
            case SFLOW -> sflow.format(p, payload, unsigned, end, out);
            case TFTP -> tftp.format(p, payload, unsigned, end, out);
            case BFD -> bfd.format(p, payload, unsigned, end, dport, out);
            case BCM_LI -> bcmLi.format(p, payload, unsigned, end, out);
            case SOME_IP -> someIp.format(p, payload, length, end, out);
            case BOOTP -> bootp.format(p, payload, unsigned, end, out);
            case DHCP6 -> dhcp6.format(p, payload, length, end, out);
            case PTP -> ptp.format(p, payload, length, end, out);
            case SNMP -> snmp.format(p, payload, unsigned, end, out);
            case RADIUS -> radius.format(p, payload, length, end, out);
            case HSRP -> hsrp.format(p, payload, unsigned, end, out);
            case LWRES -> lwres.format(p, payload, unsigned, end, out);
            case KIP -> atalk.llap(p, payload, length, end, verbosity.verbose() ? out.append("kip ") : out);
            case LDP -> ldp.format(p, payload, length, end, out);
            case OLSR -> olsr.format(p, payload, length, end, ip.v6, out);
            case RX -> rx.format(p, ip, payload, unsigned, end, sport, dport, out);
            case LSP_PING -> lspping.format(p, payload, unsigned, end, out);
            case LISP -> lisp.format(p, payload, length, end, out);
            case L2TP -> l2tp.format(p, payload, unsigned, end, out);
            case LMP -> lmp.format(p, payload, unsigned, end, out);
            case VQP -> vqp.format(p, payload, unsigned, end, out);
            case ZEPHYR -> zephyr.format(p, payload, length, end, out);
            case LWAPP_CONTROL_WITH_AP -> lwapp.control(p, payload, unsigned, end, true, out);
            case LWAPP_CONTROL -> lwapp.control(p, payload, unsigned, end, false, out);
            case LWAPP_DATA -> lwapp.data(p, payload, unsigned, end, out);
            case ISAKMP -> ike.format(p, ip, payload, length, end, out);
            case ISAKMP_NATT -> natTraversal.format(p, ip, payload, unsigned, end, out);
            case CNFP -> cnfp.format(p, payload, end, out);
            case RTP -> rtp.rtp(p, payload, length, end, out);
            case RTCP -> rtp.rtcp(p, payload, end, out);
            case VAT -> rtp.vat(p, payload, unsigned, end, out);
            case WB -> wb.format(p, payload, length, end, out);
            case CISCO_AUTORP -> autoRp.format(p, payload, length, end, out);
            case AODV -> aodv.format(p, payload, unsigned, end, ip.v6, out);
            case KRB -> krb.format(p, payload, end, out);
            case BABEL -> babel.format(p, payload, length, end, out);
            case ZEP -> zep.format(p, payload, length, end, out);
            case HNCP -> hncp.format(p, payload, unsigned, end, out);
            case AHCP -> ahcp.format(p, payload, length, end, out);
            case TIMED -> timed.format(p, payload, end, out);
            case SIP -> text.format(p, payload, unsigned, end, TextProtocolFormatter.Protocol.SIP, out);
            case PGM -> pgm.format(p, ip, payload, length, false, out);   // the ports only: the IP header names UDP
            default -> plain(ip, ulen, unsigned, out);
        }
    }

    private static void plain(IpContext ip, int ulen, int length, StringBuilder out) {
        if (Integer.compareUnsigned(ulen, length) > 0 && !ip.fragmented) {
            out.append("UDP, bad length ").append(Integer.toUnsignedLong(ulen)).append(" > ")
                .append(Integer.toUnsignedLong(length));
        } else {
            out.append("UDP, length ").append(Integer.toUnsignedLong(ulen));
        }
    }
}
