package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The ISO network layer protocols as tcpdump 4.99's isoclns_print prints them, wherever it hands a PDU to it (LLC
 * SAP 0xfe, NULL/LOOP address family 7, ethertype 0xfefe after one skipped byte, GRE protocol 0x00fe, MPLS, PPP
 * protocol 0x0023): with -e "OSI NLPID IS-IS (0x83): ", then by the NLPID IS-IS
 * ({@link IsisFormatter}), ES-IS ({@link EsIsFormatter}), CLNP ({@link ClnpFormatter}), IPv4 and IPv6 (by their
 * ethertype printers), PPP ({@link PppFormatter}), the null network layer's length, or an unknown NLPID's bytes in
 * hex; Q.933 ({@link Q933Formatter}). A read past the capture ends the line with tcpdump's marker of the protocol being printed (" [|isis]") and marks {@link EarlyEnd}. Appends to the caller's
 * builder; allocates nothing. One per printer.
 */
final class OsiFormatter {
    private static final int NLPID_NULL = 0x00, NLPID_Q933 = 0x08, NLPID_CLNP = 0x81, NLPID_ESIS = 0x82,
        NLPID_ISIS = 0x83, NLPID_IPV4 = 0xcc, NLPID_IPV6 = 0x8e, NLPID_PPP = 0xcf;
    private static final int ETHERTYPE_IPV4 = 0x0800, ETHERTYPE_IPV6 = 0x86dd;

    private final boolean linkHeaders;
    private final EarlyEnd earlyEnd;
    private final LlcFormatter.EtherTypes etherTypes;
    private final Encapsulated encapsulated;
    private final BgpBytes bytes = new BgpBytes();
    private final IsisFormatter isis;
    private final EsIsFormatter esis;
    private final ClnpFormatter clnp;
    private final Q933Formatter q933;
    /** The protocol whose marker a read past the capture prints (tcpdump's ndo_protocol). */
    private String protocol;

    /** {@code etherTypes} prints IPv4 and IPv6 (NLPIDs 0xcc and 0x8e), {@code encapsulated} PPP (0xcf). */
    OsiFormatter(Verbosity verbosity, boolean linkHeaders, EarlyEnd earlyEnd, LlcFormatter.EtherTypes etherTypes,
                 Encapsulated encapsulated) {
        this.linkHeaders = linkHeaders;
        this.earlyEnd = earlyEnd;
        this.etherTypes = etherTypes;
        this.encapsulated = encapsulated;
        this.isis = new IsisFormatter(verbosity, linkHeaders, bytes);
        this.esis = new EsIsFormatter(verbosity, linkHeaders, bytes);
        this.clnp = new ClnpFormatter(verbosity, linkHeaders, bytes);
        this.q933 = new Q933Formatter(verbosity, linkHeaders, earlyEnd);
    }

    /**
     * The PDU at {@code off} (its NLPID byte), {@code length} bytes on the wire; {@code p}'s capture length is
     * tcpdump's snapshot end (what an enclosing length field leaves).
     */
    void format(Packet p, int off, int length, StringBuilder out) {
        protocol = "isoclns";
        // CLNP, ES-IS, IS-IS and the IP packets and PPP frames after their NLPID take the length unsigned, as tcpdump's
        // u_int (a jumbogram's carried PDU passes 2^31); the others get the int clamped to 2^31-1
        int clamped = UnsignedLength.clamped(length);
        try (var _ = bytes.reading(p, p.capLen())) {
            int nlpid = bytes.u8(off);
            if (linkHeaders) {
                out.append("OSI NLPID ").append(OsiFields.nlpidName(nlpid, "Unknown")).append(" (0x");
                Text.hex(out, nlpid, 2);
                out.append("): ");
            }
            String separator = linkHeaders ? "" : ", ";
            switch (nlpid) {
                case NLPID_CLNP -> {
                    protocol = "clnp";
                    if (!clnp.print(out, off, length)) bytes.unknownData(out, off, "\n\t", clamped);
                }
                case NLPID_ESIS -> {
                    protocol = "esis";
                    esis.print(out, off, length);
                }
                case NLPID_ISIS -> {
                    protocol = "isis";
                    if (!isis.print(out, off, length)) bytes.unknownData(out, off, "\n\t", clamped);
                }
                case NLPID_NULL -> out.append(separator).append("length: ").append(Integer.toUnsignedLong(length));
                // tcpdump's u_int (a jumbogram's passes 2^31): the ethertype and carried-packet printers clamp IPv4's
                case NLPID_IPV4 -> etherTypes.print(p, ETHERTYPE_IPV4, off + 1, length - 1, out);
                case NLPID_IPV6 -> etherTypes.print(p, ETHERTYPE_IPV6, off + 1, length - 1, out);
                case NLPID_PPP -> {
                    int at = off + 1;
                    if (!encapsulated.print(p, at, length - 1, p.capLen() - at, Encapsulated.PPP, out)) {
                        out.append(" [|ppp]");   // nested too deep to print another packet
                    }
                }
                case NLPID_Q933 -> q933.format(p, off + 1, clamped - 1, out);
                default -> {
                    if (!linkHeaders) {
                        out.append("OSI NLPID 0x");
                        Text.hex(out, nlpid, 2);
                        out.append(" unknown");
                    }
                    out.append(separator).append("length: ").append(Integer.toUnsignedLong(length));
                    if (Integer.compareUnsigned(length, 1) > 0) bytes.unknownData(out, off, "\n\t", clamped);
                }
            }
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, protocol);
        }
    }
}
