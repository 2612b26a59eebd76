package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * Geneve (RFC 8926, UDP 6081) as tcpdump 4.99 prints it (print-geneve.c): {@code Geneve, Flags [C], vni 0x1,
 * options [8 bytes]: } then the carried packet, printed like any (with -v the options are listed, and the packet
 * follows on its own line; with -e the protocol is named). The protocol field is an ethertype and the payload gets
 * what an Ethernet frame's payload of that type gets ({@link CarriedEtherType}, tcpdump's ethertype_print: IPv4,
 * IPv6, ARP, MPLS, LLDP, NSH, PPPoE, PTP, CFM, ...); Ethernet (TEB, 0x6558) is printed as a frame, and a type
 * ethertype_print does not know (VLAN's 0x8100 among them) prints {@code geneve-proto-0x...}. Types tcpdump decodes
 * there but we do not (IPX, DECnet, AppleTalk, EAPOL, ...) print that too: a known difference.
 * tcpdump checks the header and the options before printing them, so a cut one ends with " [|geneve]".
 */
final class GeneveFormatter {
    private static final int HEADER = 8;
    private static final int TEB = 0x6558;
    private static final String[] FLAGS = {"O", "C", "R1", "R2", "R3", "R4", "R5", "R6"};

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final Encapsulated inner;
    private final CarriedEtherType etherTypes;

    GeneveFormatter(Verbosity verbosity, boolean linkHeaders, Encapsulated inner, CarriedEtherType etherTypes) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.inner = inner;
        this.etherTypes = etherTypes;
    }

    /** The UDP payload at {@code off} ({@code length} bytes), {@code end} the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        out.append("Geneve");
        if (Integer.compareUnsigned(length, HEADER) < 0) {   // unsigned: a jumbogram's can pass 2^31
            out.append(" [length ").append(length).append(" < 8] (invalid)");
            return;
        }
        if (off + HEADER > end) {
            out.append(" [|geneve]");
            return;
        }
        int versionAndOptions = p.u8(off);
        if (versionAndOptions >>> 6 != 0) {
            out.append(" ERROR: unknown-version ").append(versionAndOptions >>> 6);
            return;
        }
        int flags = p.u8(off + 1);
        int protocol = p.u16(off + 2);
        out.append(", Flags [");
        boolean any = false;
        for (int i = 0; i < FLAGS.length; i++) {
            if ((flags & (0x80 >>> i)) == 0) continue;
            out.append(FLAGS[i]);   // tcpdump lists them without a separator
            any = true;
        }
        if (!any) out.append("none");
        out.append("], vni 0x");
        Text.hex(out, p.u24(off + 4));
        if (p.u8(off + 7) != 0) {
            out.append(", rsvd 0x");
            Text.hex(out, p.u8(off + 7));
        }
        if (linkHeaders) {
            String name = EtherTypeNames.of(protocol);
            out.append(", proto ").append(name == null ? "unknown" : name).append(" (0x");
            Text.hex(out, protocol, 4);
            out.append(')');
        }
        int optionsLength = (versionAndOptions & 0x3f) * 4;
        int left = length - HEADER;
        if (Integer.compareUnsigned(left, optionsLength) < 0) {
            out.append(" truncated-geneve - ").append(optionsLength - left).append(" bytes missing");
            return;
        }
        int options = off + HEADER;
        if (options + optionsLength > end) {
            out.append(" [|geneve]");
            return;
        }
        if (optionsLength > 0) {
            out.append(", options [");
            if (verbosity.verbose()) options(p, options, optionsLength, out);
            else out.append(optionsLength).append(" bytes");
            out.append(']');
        }
        int payload = options + optionsLength;
        left -= optionsLength;
        out.append(verbosity.verbose() ? "\n\t" : ": ");
        if (protocol == TEB) {   // not an ethertype ethertype_print knows: tcpdump prints the frame itself
            if (!inner.print(p, payload, left, end - payload, LinkType.EN10MB, out)) out.append(" [|geneve]");
            return;
        }
        switch (etherTypes.print(p, payload, left, end - payload, protocol, out)) {
            case PRINTED -> { }
            case NO_PRINTER -> Text.hex(out.append("geneve-proto-0x"), protocol);
            case TOO_DEEP -> out.append(" [|geneve]");
        }
    }

    /** "class NAME (0xC) type 0xT[(C)] len L[ data xxxxxxxx ...]" per option (data with -vv). */
    private void options(Packet p, int at, int length, StringBuilder out) {
        String separator = "";
        while (length > 0) {
            out.append(separator);
            separator = ", ";
            int optionClass = p.u16(at);
            int type = p.u8(at + 2);
            int optionLength = 4 + (p.u8(at + 3) & 0x1f) * 4;
            out.append("class ").append(className(optionClass)).append(" (0x");
            Text.hex(out, optionClass);
            out.append(") type 0x");
            Text.hex(out, type);
            if ((type & 0x80) != 0) out.append("(C)");
            out.append(" len ").append(optionLength);
            if (optionLength > length) {
                out.append(" [bad length]");
                return;
            }
            if (verbosity.veryVerbose() && optionLength > 4) {
                out.append(" data");
                for (int i = 4; i < optionLength; i += 4) {
                    out.append(' ');
                    Text.hex(out, p.u32(at + i), 8);
                }
            }
            at += optionLength;
            length -= optionLength;
        }
    }

    private static String className(int optionClass) {
        return switch (optionClass) {
            case 0x0100 -> "Linux";
            case 0x0101 -> "Open vSwitch";
            case 0x0102 -> "Open Virtual Networking (OVN)";
            case 0x0103 -> "In-band Network Telemetry (INT)";
            case 0x0104 -> "VMware";
            default -> optionClass <= 0x00ff ? "Standard" : optionClass >= 0xfff0 ? "Experimental" : "Unknown";
        };
    }
}
