package dev.fabricscope.libpcap;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.ProblemReporter;
import java.util.HashMap;
import java.util.Map;

/**
 * A pcap-filter expression applied to packets of any link type, as files need it: compiled by libpcap
 * once per link type met (a pcapng file may mix them) and run by our {@link BpfInterpreter}, so there is
 * no native call per packet. One instance per thread (interpreters own scratch memory).
 */
public final class PacketFilter {
    private final String expression;
    private final int snaplen;
    private final boolean optimize;
    private final ProblemReporter problems;
    private final Map<Integer, BpfInterpreter> byLinkType = new HashMap<>();
    private int lastLinkType = Integer.MIN_VALUE;
    private BpfInterpreter last;

    private PacketFilter(String expression, int snaplen, boolean optimize, ProblemReporter problems) {
        this.expression = expression;
        this.snaplen = snaplen;
        this.optimize = optimize;
        this.problems = problems;
    }

    /**
     * A filter for {@code expression}, checked now by compiling it for {@code firstLinkType} so a bad
     * expression fails before any packet is read. An empty expression accepts everything and needs no libpcap.
     *
     * @throws BpfCompileException      with libpcap's message for a bad expression
     * @throws Libpcap.UnavailableException when the expression is not empty and libpcap is missing
     */
    public static PacketFilter compile(String expression, int firstLinkType, int snaplen, boolean optimize,
                                       ProblemReporter problems) {
        PacketFilter filter = new PacketFilter(expression.strip(), snaplen, optimize, problems);
        if (!filter.acceptsAll()) filter.interpreterFor(firstLinkType, true);
        return filter;
    }

    public String expression() {
        return expression;
    }

    public boolean acceptsAll() {
        return expression.isEmpty();
    }

    /** True when the packet passes the filter. */
    public boolean matches(Packet packet) {
        if (expression.isEmpty()) return true;
        int linkType = packet.linkType();
        if (linkType != lastLinkType) {
            last = interpreterFor(linkType, false);
            lastLinkType = linkType;
        }
        return last != null && last.matches(packet);
    }

    private BpfInterpreter interpreterFor(int linkType, boolean rethrow) {
        if (byLinkType.containsKey(linkType)) return byLinkType.get(linkType);
        BpfInterpreter interpreter;
        try {
            // savefile code generation, as tcpdump -r (differs from a dead handle for NULL/LOOP IPv6)
            interpreter = new BpfInterpreter(BpfCompiler.compileForFile(expression, linkType, snaplen, optimize, 0));
        } catch (BpfCompileException e) {
            if (rethrow) throw e;
            // e.g. "ether proto" on a link type without Ethernet headers: such packets never match
            problems.report("filter cannot apply to link type " + LinkType.name(linkType) + ": " + e.getMessage()
                + "; its packets are dropped");
            interpreter = null;
        }
        byLinkType.put(linkType, interpreter);
        return interpreter;
    }
}
