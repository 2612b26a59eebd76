package dev.fabricscope.print;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares our line with tcpdump's for every packet of a capture, in the three verbosities, for the
 * packet classes the printer claims (TCP, UDP, ICMP, ICMPv6, IPv6 extension headers and fragments, AH/ESP, ARP,
 * IPv4 later fragments, slow protocols, LLDP, OSI (ethertype 0xfefe), OSPF, PIM, ethertypes tcpdump does not know; MPLS, PPPoE and GRE, with what they
 * carry classified in turn). Everything else is counted as "not claimed"; every difference in a claimed packet is a
 * mismatch.
 */
final class CaptureComparison {
    enum Category { TCP, UDP, ICMP, ICMPV6, IPSEC, IPV4_LATER_FRAGMENT, IPV6_FRAGMENT, ARP, SLOW_PROTOCOLS, LLDP,
        UNKNOWN_ETHERTYPE, MPLS, PPPOE, GRE, OSPF, PIM, SCTP, DCCP, OSI, NOT_CLAIMED }

    /** Encapsulations inside encapsulations classified before giving up (the printer nests 8 packets deep). */
    private static final int MAX_CLASSIFIED_NESTING = 4;

    private record Info(Category category, String why) { }

    int compared;
    final Map<String, Integer> notClaimed = new TreeMap<>();
    final Map<String, Integer> detailLinesOmitted = new TreeMap<>();
    final List<String> mismatches = new ArrayList<>();

    void compare(Path file) throws IOException, InterruptedException {
        for (int m = 0; m < PacketPrinterTest.MODES.length; m++) {
            Verbosity verbosity = PacketPrinterTest.VERBOSITIES[m];
            List<Tcpdump.Record> expected = Tcpdump.run(file, "UTC", PacketPrinterTest.MODES[m]);
            List<String> ours = new ArrayList<>();
            List<Info> infos = new ArrayList<>();
            print(file, verbosity, ours, infos);
            if (expected.size() != ours.size()) {
                mismatches.add(file.getFileName() + ": tcpdump printed " + expected.size() + " packets, we " + ours.size());
                continue;
            }
            for (int i = 0; i < ours.size(); i++) {
                check(file, verbosity, i, infos.get(i), expected.get(i), ours.get(i));
            }
        }
    }

    private void check(Path file, Verbosity verbosity, int i, Info info, Tcpdump.Record expected, String ours) {
        if (info.category() == Category.NOT_CLAIMED) {
            notClaimed.merge(info.why(), 1, Integer::sum);
            return;
        }
        String want = expected.comparable(ours);
        if (info.category() == Category.UNKNOWN_ETHERTYPE
                && !want.contains("ethertype Unknown (0x") && !want.contains("Unknown Ethertype (0x")) {
            notClaimed.merge("ethertype tcpdump decodes (" + ours.replaceAll(".*\\((0x[0-9a-f]+)\\).*", "$1") + ")",
                    1, Integer::sum);
            return;
        }
        if (expected.detailLines() > 0 && !ours.contains("\n\t")) {
            // hex dumps and -v TLV trees on tab-indented lines: we print the headline only
            detailLinesOmitted.merge(info.category() + " " + verbosity, 1, Integer::sum);
        }
        if (want.equals(ours)) {
            compared++;
            return;
        }
        mismatches.add(file.getFileName() + " frame " + (i + 1) + " " + verbosity + "\n  tcpdump: " + want + "\n  ours:    " + ours);
    }

    private static void print(Path file, Verbosity verbosity, List<String> lines, List<Info> infos) throws IOException {
        PacketPrinter printer = new PacketPrinter(ZoneId.of("UTC"), verbosity);
        Packet p = new Packet();
        Layers l = new Layers();
        StringBuilder sb = new StringBuilder();
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (src.next(p)) {
                Dissector.dissect(p, l);
                sb.setLength(0);
                printer.format(p, l, sb);
                lines.add(sb.toString());
                infos.add(classify(p, l));
            }
        }
    }

    private static Info classify(Packet p, Layers l) {
        return classify(p, l, 0);
    }

    private static Info classify(Packet p, Layers l, int nesting) {
        if (p.linkType() == LinkType.ERF || p.linkType() == LinkType.INFINIBAND) {
            return notClaimed("link type " + LinkType.name(p.linkType()) + " (tcpdump: UNSUPPORTED)");
        }
        switch (l.etherType) {
            case 0x8847, 0x8848 -> {
                return mpls(p, l.etherPayloadOffset, nesting);
            }
            case 0x8863, 0x8864, 0x3c12, 0x3c13 -> {
                return pppoe(p, l.etherPayloadOffset, nesting);
            }
            default -> { }
        }
        if (l.networkKind != NetworkKind.NONE) {
            if (l.laterFragment) {
                return new Info(l.networkKind == NetworkKind.IPV4 ? Category.IPV4_LATER_FRAGMENT : Category.IPV6_FRAGMENT,
                        null);
            }
            return switch (l.ipProtocol) {
                case 6 -> new Info(Category.TCP, null);
                case 17 -> new Info(Category.UDP, null);
                case 1 -> new Info(Category.ICMP, null);
                case 58 -> new Info(Category.ICMPV6, null);
                case 50, 51 -> new Info(Category.IPSEC, null);
                case 47 -> gre(p, l, nesting);
                case 89 -> new Info(Category.OSPF, null);
                case 103 -> new Info(Category.PIM, null);
                case 132 -> new Info(Category.SCTP, null);
                case 33 -> new Info(Category.DCCP, null);
                default -> notClaimed("IP protocol " + l.ipProtocol);
            };
        }
        return switch (l.etherType) {
            case 0x0806 -> new Info(Category.ARP, null);
            case 0x8809 -> new Info(Category.SLOW_PROTOCOLS, null);
            case 0x88cc -> new Info(Category.LLDP, null);
            case 0xfefe -> new Info(Category.OSI, null);
            case 0x0800, 0x86dd -> new Info(Category.TCP, null);  // IP header itself broken: claimed
            default -> l.etherType > 1500 ? new Info(Category.UNKNOWN_ETHERTYPE, null)
                                          : notClaimed("802.3 length field / LLC");
        };
    }

    /**
     * An MPLS stack at {@code off}: claimed as MPLS when tcpdump dumps what follows it, as what it carries when
     * tcpdump guesses IP (print-mpls.c's guess: labels 0, 2, 3, else the first byte); OSI (0x81-0x83) as MPLS.
     */
    private static Info mpls(Packet p, int off, int nesting) {
        int label;
        while (true) {
            if (!p.has(off, 4)) return new Info(Category.MPLS, null);
            long entry = p.u32(off);
            label = (int) (entry >>> 12);
            off += 4;
            if ((entry & 0x100) != 0) break;
        }
        int linkType = switch (label) {
            case 0, 3 -> LinkType.IPV4;
            case 2 -> LinkType.IPV6;
            default -> {
                if (!p.has(off, 1)) yield -1;
                int first = p.u8(off);
                yield first >= 0x45 && first <= 0x4f ? LinkType.IPV4 : first >= 0x60 && first <= 0x6f ? LinkType.IPV6 : -1;
            }
        };
        if (linkType < 0) return new Info(Category.MPLS, null);
        return carried(p, off, linkType, Category.MPLS, "MPLS", nesting);
    }

    /**
     * PPPoE at {@code off}: discovery, or a session's PPP frame, claimed as what it carries (IP, MPLS) or as PPPoE
     * (OSI among the rest).
     */
    private static Info pppoe(Packet p, int off, int nesting) {
        if (!p.has(off, 6) || p.u8(off + 1) != 0) return new Info(Category.PPPOE, null);
        return ppp(p, off + 6, Category.PPPOE, "PPPoE", nesting);
    }

    /** A PPP frame as print-ppp.c reads its header (optional address and control, compressed protocol). */
    private static Info ppp(Packet p, int off, Category category, String name, int nesting) {
        if (p.has(off, 2) && (p.u16(off) == 0xff03 || p.u16(off) == 0x0003 || p.u16(off) == 0x0103)) off += 2;
        if (!p.has(off, 1)) return new Info(category, null);
        boolean compressed = p.u8(off) % 2 == 1;
        int protocol = compressed ? p.u8(off) : p.has(off, 2) ? p.u16(off) : -1;
        int payload = off + (compressed ? 1 : 2);
        return switch (protocol) {
            case 0x0021, 0x002f, 0x0800 -> carried(p, payload, LinkType.IPV4, category, name, nesting);
            case 0x0057, 0x86dd -> carried(p, payload, LinkType.IPV6, category, name, nesting);
            case 0x0281, 0x0283 -> nesting < MAX_CLASSIFIED_NESTING ? mpls(p, payload, nesting + 1)
                : notClaimed(name + ": nested too deep to classify");
            default -> new Info(category, null);
        };
    }

    /** GRE: claimed as what it carries (IP, Ethernet, MPLS, PPTP's PPP) or, for what tcpdump 4.99 names only, as GRE. */
    private static Info gre(Packet p, Layers l, int nesting) {
        int off = l.greOffset;
        if (off < 0 || !p.has(off, 4)) return new Info(Category.GRE, null);
        int flags = p.u16(off), protocol = p.u16(off + 2);
        int version = flags & 7;
        if (version > 1) return new Info(Category.GRE, null);
        boolean carries = version == 1 ? protocol == 0x880b && (flags & 0x1000) != 0
            : protocol == 0x0800 || protocol == 0x86dd || protocol == 0x6558 || protocol == 0x8847;
        if (!carries) return new Info(Category.GRE, null);
        int inner = l.greInnerOffset;
        if (inner < 0 && version == 0 && (flags & 0x4000) != 0) inner = afterSourceRoutes(p, off + 4 + 4
            + ((flags & 0x2000) != 0 ? 4 : 0) + ((flags & 0x1000) != 0 ? 4 : 0));
        if (inner < 0) return new Info(Category.GRE, null);   // header cut: the printer prints [|gre]
        if (nesting >= MAX_CLASSIFIED_NESTING) return notClaimed("GRE: nested too deep to classify");
        if (version == 1) return ppp(p, inner, Category.GRE, "GRE", nesting + 1);
        return switch (protocol) {
            case 0x0800 -> carried(p, inner, LinkType.IPV4, Category.GRE, "GRE", nesting);
            case 0x86dd -> carried(p, inner, LinkType.IPV6, Category.GRE, "GRE", nesting);
            case 0x6558 -> carried(p, inner, LinkType.EN10MB, Category.GRE, "GRE", nesting);
            default -> mpls(p, inner, nesting + 1);
        };
    }

    /** Where the packet after GRE's source route entries (RFC 1701) starts, or -1 when they are cut. */
    private static int afterSourceRoutes(Packet p, int at) {
        while (p.has(at, 4)) {
            int family = p.u16(at), length = p.u8(at + 3);
            at += 4;
            if (family == 0 && length == 0) return at;
            at += length;
        }
        return -1;
    }

    /**
     * The packet of {@code linkType} at {@code off}, dissected and classified on its own; when even its header is
     * unreadable, the encapsulation's category (the printer prints tcpdump's markers for that).
     */
    private static Info carried(Packet p, int off, int linkType, Category category, String name, int nesting) {
        if (nesting >= MAX_CLASSIFIED_NESTING) return notClaimed(name + ": nested too deep to classify");
        int capLen = Math.max(0, p.capLen() - off);
        if (capLen == 0) return new Info(category, null);
        Packet inner = new Packet().set(p.bytes(), p.offset() + off, capLen, Math.max(capLen, p.origLen() - off),
            p.timestampNanos(), p.interfaceId(), linkType, p.frameNumber());
        Layers layers = new Layers();
        Dissector.dissect(inner, layers);
        boolean unreadable = linkType == LinkType.EN10MB ? layers.ethOffset < 0 : layers.networkKind == NetworkKind.NONE;
        if (unreadable) return new Info(category, null);
        Info info = classify(inner, layers, nesting + 1);
        return info.category() == Category.NOT_CLAIMED ? notClaimed(name + ": " + info.why()) : info;
    }

    private static Info notClaimed(String why) {
        return new Info(Category.NOT_CLAIMED, why);
    }

    String summary() {
        return "compared (identical): " + compared + "\nnot claimed: " + notClaimed + "\ntcpdump detail lines omitted (headline compared): "
                + detailLinesOmitted + "\nmismatches: " + mismatches.size();
    }
}
