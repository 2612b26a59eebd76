package dev.fabricscope.cli;

import dev.fabricscope.capture.DltNames;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.libpcap.BpfCompileException;
import dev.fabricscope.libpcap.Libpcap;
import dev.fabricscope.libpcap.LibpcapException;
import dev.fabricscope.libpcap.LiveCapture;
import java.io.PrintWriter;
import java.util.List;

/** Opening live handles and closing a live run the way tcpdump does, for every command that captures. */
final class LiveHandles {
    private LiveHandles() { }

    /**
     * Opens {@code device}, reports libpcap's warnings, installs the filter (kernel-side when possible) and
     * prints tcpdump's "listening on" line on stderr.
     * @throws UserError a bad filter (exit 2), or a device that cannot be opened / no libpcap (exit 1)
     */
    static LiveCapture open(String device, int snaplen, boolean promisc, int timeoutMs, boolean immediate,
                            int bufferBytes, String expression, PrintWriter err) {
        return open(device, new LiveCapture.Settings(snaplen, promisc, timeoutMs, immediate, bufferBytes, false,
            LiveCapture.Settings.DEFAULT_TIMESTAMP_TYPE, false), -1, expression, err);
    }

    /**
     * @param datalink the link type to capture with (capture -y), set before the filter is compiled; -1: the
     *                 device's default
     */
    static LiveCapture open(String device, LiveCapture.Settings settings, int datalink, String expression,
                            PrintWriter err) {
        LiveCapture capture;
        try {
            capture = LiveCapture.open(device, settings);
        } catch (Libpcap.UnavailableException | LibpcapException e) {
            throw UserError.runtime(e.getMessage());
        }
        try {
            capture.warnings().forEach(w -> err.println("fabricscope: WARNING: " + w));
            if (datalink >= 0) {
                capture.setDatalink(datalink);
                err.println("fabricscope: data link type " + Libpcap.load().datalinkName(datalink));
            }
            if (!expression.isBlank()) capture.setFilter(expression);
        } catch (BpfCompileException e) {
            capture.close();
            throw UserError.usage(e.getMessage());
        } catch (LibpcapException e) {
            capture.close();
            throw UserError.runtime(e.getMessage());
        } catch (RuntimeException e) {
            capture.close();
            throw e;
        }
        err.println("listening on " + device + ", link-type " + DltNames.tcpdumpText(capture.datalink())
            + ", snapshot length " + settings.snaplen() + " bytes");
        return capture;
    }

    /** tcpdump's closing statistics; {@code captured} < 0 leaves out the "captured" line. */
    static void printStats(long captured, List<LiveCapture> captures, PrintWriter err) {
        long received = 0;
        long dropped = 0;
        for (LiveCapture capture : captures) {
            try {
                LiveCapture.Stats s = capture.stats();
                received += s.received();
                dropped += s.dropped();
            } catch (LibpcapException e) {
                err.println("fabricscope: " + e.getMessage());
            }
        }
        if (captured >= 0) err.println(captured + " packet" + (captured == 1 ? "" : "s") + " captured");
        err.println(received + " packet" + (received == 1 ? "" : "s") + " received by filter");
        err.println(dropped + " packet" + (dropped == 1 ? "" : "s") + " dropped by kernel");
        err.flush();
    }
}
