package dev.fabricscope.cli;

import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.libpcap.BpfCompileException;
import dev.fabricscope.libpcap.BpfCompiler;
import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.libpcap.PacketFilter;
import java.io.PrintWriter;
import java.util.List;

/** A pcap-filter expression for the rdma commands, compiled by libpcap as {@code capture} does it. */
final class RdmaFilter {
    private RdmaFilter() { }

    static PacketFilter compile(List<String> words, PacketSource source, PrintWriter err) {
        String expression = words == null ? "" : String.join(" ", words);
        List<CaptureInterface> known = source.interfaces();
        int linkType = known.isEmpty() ? LinkType.EN10MB : known.getFirst().linkType();
        try {
            return PacketFilter.compile(expression, linkType, BpfCompiler.DEFAULT_SNAPLEN, true,
                message -> err.println("fabricscope: " + message));
        } catch (BpfCompileException e) {
            throw UserError.usage(e.getMessage());
        } catch (Libpcap.UnavailableException e) {
            throw UserError.runtime("a filter expression needs libpcap: " + e.getMessage());
        }
    }
}
