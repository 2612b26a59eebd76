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
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares our line with tcpdump's for every packet of a capture, in the three verbosities, for the
 * packet classes the printer claims (TCP, UDP, ICMP, ICMPv6, IPv6 extension headers and fragments, AH/ESP, ARP,
 * IPv4 later fragments, slow protocols, LLDP, ethertypes tcpdump does not know). Everything else is counted as "not claimed", and claimed packets
 * whose difference is explained by a named rule are counted as known differences; all other differences
 * are mismatches.
 */
final class CaptureComparison {
    /** TCP ports tcpdump 4.99 hands to an application printer (print-tcp.c) that we do not have. */
    static final Set<Integer> TCP_APPLICATION_PORTS = Set.of(22, 23, 139, 179, 323, 445, 639, 646, 1723, 2049, 6633,
            6653, 10288);

    enum Category { TCP, UDP, ICMP, ICMPV6, IPSEC, IPV4_LATER_FRAGMENT, IPV6_FRAGMENT, ARP, SLOW_PROTOCOLS, LLDP,
        UNKNOWN_ETHERTYPE, NOT_CLAIMED }

    private record Info(Category category, String why, int payloadLength, int srcPort, int dstPort) { }

    int compared;
    final Map<String, Integer> knownDifferences = new TreeMap<>();
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
        String rule = knownDifference(verbosity, info, want, ours);
        if (rule != null) {
            knownDifferences.merge(rule, 1, Integer::sum);
            return;
        }
        mismatches.add(file.getFileName() + " frame " + (i + 1) + " " + verbosity + "\n  tcpdump: " + want + "\n  ours:    " + ours);
    }

    /** The named reason a claimed packet may differ, or null. */
    static String knownDifference(Verbosity verbosity, Info info, String want, String ours) {
        if (verbosity == Verbosity.QUIET) return null;
        if (info.category() == Category.TCP) {
            if (ours.contains("options [") && ours.contains("mptcp ")) return "TCP: MPTCP option subtype fields (headline only)";
            boolean appPort = TCP_APPLICATION_PORTS.contains(info.srcPort()) || TCP_APPLICATION_PORTS.contains(info.dstPort());
            if (appPort && info.payloadLength() > 0 && want.startsWith(ours) && want.length() > ours.length()) {
                return "TCP: application payload decoded by tcpdump (port " + appPort(info) + ")";
            }
        }
        if (info.category() == Category.UDP) {
            int at = ours.lastIndexOf("UDP, ");
            if (at > 0 && want.startsWith(ours.substring(0, at)) && !want.startsWith("UDP, ", at)) {
                return "UDP: application protocol decoded by tcpdump (port " + Math.min(info.srcPort(), info.dstPort()) + ")";
            }
        }
        return null;
    }

    private static int appPort(Info info) {
        return TCP_APPLICATION_PORTS.contains(info.dstPort()) ? info.dstPort() : info.srcPort();
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
        if (p.linkType() == LinkType.ERF || p.linkType() == LinkType.INFINIBAND) {
            return notClaimed("link type " + LinkType.name(p.linkType()) + " (tcpdump: UNSUPPORTED)");
        }
        if (l.mplsCount > 0 || l.pppoeOffset >= 0) return notClaimed("MPLS/PPPoE (tcpdump prints the labels/session)");
        if (l.networkKind != NetworkKind.NONE) {
            if (l.laterFragment) {
                return new Info(l.networkKind == NetworkKind.IPV4 ? Category.IPV4_LATER_FRAGMENT : Category.IPV6_FRAGMENT,
                        null, 0, -1, -1);
            }
            return switch (l.ipProtocol) {
                case 6 -> new Info(Category.TCP, null, l.payloadWireLength, l.srcPort, l.dstPort);
                case 17 -> new Info(Category.UDP, null, l.payloadWireLength, l.srcPort, l.dstPort);
                case 1 -> new Info(Category.ICMP, null, 0, -1, -1);
                case 58 -> new Info(Category.ICMPV6, null, 0, -1, -1);
                case 50, 51 -> new Info(Category.IPSEC, null, 0, -1, -1);
                default -> notClaimed("IP protocol " + l.ipProtocol);
            };
        }
        return switch (l.etherType) {
            case 0x0806 -> new Info(Category.ARP, null, 0, -1, -1);
            case 0x8809 -> new Info(Category.SLOW_PROTOCOLS, null, 0, -1, -1);
            case 0x88cc -> new Info(Category.LLDP, null, 0, -1, -1);
            case 0x0800, 0x86dd -> new Info(Category.TCP, null, 0, -1, -1);  // IP header itself broken: claimed
            default -> l.etherType > 1500 ? new Info(Category.UNKNOWN_ETHERTYPE, null, 0, -1, -1)
                                          : notClaimed("802.3 length field / LLC");
        };
    }

    private static Info notClaimed(String why) {
        return new Info(Category.NOT_CLAIMED, why, 0, -1, -1);
    }

    String summary() {
        return "compared (identical): " + compared + "\nknown differences: " + knownDifferences
                + "\nnot claimed: " + notClaimed + "\ntcpdump detail lines omitted (headline compared): "
                + detailLinesOmitted + "\nmismatches: " + mismatches.size();
    }
}
