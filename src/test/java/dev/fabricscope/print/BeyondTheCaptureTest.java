package dev.fabricscope.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A packet read from a file is a view into the reader's larger buffer, with the next records' bytes after it; the
 * tcpdump comparisons and the fuzz targets cannot see a printer that reads there (the first through a file, so the
 * same buffer layout as ours; the second with exact arrays, where it throws). Every frame of the tunnels and other
 * printers that print a carried packet, cut after every byte, must print the same whatever follows it in memory.
 */
class BeyondTheCaptureTest {
    /** Frames whose printers hand a carried packet on (tunnels, shims, tap headers, MSDP's data, ICMP's quote). */
    private static List<Frame> carriers() {
        List<Frame> all = new ArrayList<>();
        all.addAll(VxlanFormatterTest.allFrames());
        all.addAll(VxlanGpeFormatterTest.allFrames());
        all.addAll(GeneveFormatterTest.allFrames());
        all.addAll(GreFormatterTest.allFrames());
        all.addAll(IpTunnelTest.allFrames());
        all.addAll(MplsFormatterTest.allFrames());
        all.addAll(MplsInUdpTest.frames());
        all.addAll(NshFormatterTest.frames());
        all.addAll(OtvFormatterTest.allFrames());
        all.addAll(LispFormatterTest.frames());
        all.addAll(BcmLiFormatterTest.allFrames());
        all.addAll(AristaFormatterTest.frames());
        all.addAll(MacsecFormatterTest.allFrames());
        all.addAll(MsdpFormatterTest.allFrames());
        all.addAll(PppoeFormatterTest.sessionFrames());
        all.addAll(L2tpFormatterTest.dataFrames());
        all.addAll(NatTraversalFormatterTest.allFrames());
        return all;
    }

    @Test
    void whatFollowsACutFrameInMemoryNeverShowsInItsLine() {
        List<Frame> carriers = carriers();
        List<Frame> frames = new ArrayList<>(carriers);
        // and mutants: lengths and offsets that point a carried packet past the capture come from these
        frames.addAll(MutatedFrames.of(carriers, "BEYOND_CAPTURE", 20261123, 4, frame -> 14, 4, 48, MutatedFrames.ALL));
        PacketPrinter[] printers = {
            TcpdumpOracle.PrinterFlags.of("-e").printer(), TcpdumpOracle.PrinterFlags.of("-vvv -x").printer()};
        Packet exact = new Packet();
        Packet padded = new Packet();
        Layers layers = new Layers();
        StringBuilder alone = new StringBuilder();
        StringBuilder followed = new StringBuilder();
        int checked = 0;
        for (int f = 0; f < frames.size(); f++) {
            byte[] whole = frames.get(f).bytes();
            for (int cut = 0; cut < whole.length; cut++) {
                byte[] tight = Arrays.copyOf(whole, cut);
                // the rest of the frame, then bytes no field would hold: a printer that reads on finds real-looking data
                byte[] loose = Arrays.copyOf(whole, whole.length + 256);
                Arrays.fill(loose, whole.length, loose.length, (byte) 0xa5);
                for (PacketPrinter printer : printers) {
                    exact.set(tight, 0, cut, whole.length, 0, 0, LinkType.EN10MB, 1);
                    Dissector.dissect(exact, layers);
                    alone.setLength(0);
                    printer.format(exact, layers, alone);
                    padded.set(loose, 0, cut, whole.length, 0, 0, LinkType.EN10MB, 1);
                    Dissector.dissect(padded, layers);
                    followed.setLength(0);
                    printer.format(padded, layers, followed);
                    assertEquals(alone.toString(), followed.toString(), "frame " + f + " cut to " + cut + " bytes");
                    checked++;
                }
            }
        }
        assertEquals(true, checked > 100_000, checked + " cuts checked");
    }
}
