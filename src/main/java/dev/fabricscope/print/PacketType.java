package dev.fabricscope.print;

import java.util.Locale;

/**
 * tcpdump's {@code -T type}: UDP payloads (and some TCP and IP ones) printed as {@code type} whatever their ports.
 * As in tcpdump 4.99, a type without a printer for the transport prints nothing after the endpoints (UDP) or the
 * length (TCP), and with any type TCP and UDP payloads are no longer decoded by port; -q does not stop it for UDP.
 * CARP also turns IP protocol 112 from VRRP into CARP; CNFP (Cisco NetFlow) has no port, only -T; RPC prints
 * ONC-RPC calls as portmapper calls and everything else as NFS replies, without the UDP endpoints; RTP, RTCP and
 * VAT are print-udp.c's own ({@link RtpFormatter}), WB the whiteboard ({@link WbFormatter}), AODV
 * {@link AodvFormatter} (also on its port). New types go at the end (the fuzz target picks types by position).
 * ZMTP1, PGM and PGM_ZMTP1 are {@link ZmtpFormatter}'s and {@link PgmFormatter}'s; every tcpdump type is taken.
 */
public enum PacketType {
    SNMP(UdpPorts.Decoder.SNMP, null), TFTP(UdpPorts.Decoder.TFTP, null), RADIUS(UdpPorts.Decoder.RADIUS, null),
    VXLAN(UdpPorts.Decoder.VXLAN, null), PTP(UdpPorts.Decoder.PTP, null), SOMEIP(UdpPorts.Decoder.SOME_IP, null),
    DOMAIN(UdpPorts.Decoder.DNS, TcpPorts.Decoder.DNS), RESP(null, TcpPorts.Decoder.RESP), CARP(null, null),
    LMP(UdpPorts.Decoder.LMP, null), CNFP(UdpPorts.Decoder.CNFP, null),
    /** UDP goes to {@link SunrpcFormatter} before the endpoints are printed (it prints its own). */
    RPC(null, null), RTP(UdpPorts.Decoder.RTP, null), RTCP(UdpPorts.Decoder.RTCP, null),
    VAT(UdpPorts.Decoder.VAT, null), WB(UdpPorts.Decoder.WB, null), AODV(UdpPorts.Decoder.AODV, null),
    /** ZMTP/1.0 over TCP ({@link ZmtpFormatter}). */
    ZMTP1(null, TcpPorts.Decoder.ZMTP1),
    /** UDP payloads as PGM ({@link PgmFormatter}); with PGM_ZMTP1 ODATA and RDATA (also over IP) carry ZMTP/1.0. */
    PGM(UdpPorts.Decoder.PGM, null), PGM_ZMTP1(UdpPorts.Decoder.PGM, null);

    /** What a UDP / TCP payload goes to; null: nothing is printed of it. */
    final UdpPorts.Decoder udp;
    final TcpPorts.Decoder tcp;

    PacketType(UdpPorts.Decoder udp, TcpPorts.Decoder tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    /** The type tcpdump names {@code name} (any case, as tcpdump's ascii_strcasecmp); null when there is none here. */
    public static PacketType named(String name) {
        for (PacketType type : values()) {
            if (type.tcpdumpName().equalsIgnoreCase(name)) return type;
        }
        return null;
    }

    /** The name tcpdump -T takes. */
    public String tcpdumpName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
