package dev.fabricscope.lacp;

import static dev.fabricscope.lacp.LacpPduBuilder.UP_FAST;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import java.io.IOException;

/**
 * The capture of bench/lacp.sh: {@code LINKS} healthy links (one pcapng interface each, "eth0" ...) of one LAG
 * between systems A and B of {@link LacpScenarios}, fast PDUs both ways for {@code SECONDS}, written in time
 * order with our pcapng writer while generated (nothing held in memory). Each second: link i's A end at
 * +i*0.4 ms, its B end half a second later. Usage: {@code LacpBenchCapture FILE [LINKS [SECONDS]]}
 * (default 1000 links, 600 s: 1,200,000 frames).
 */
public final class LacpBenchCapture {
    private LacpBenchCapture() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LacpBenchCapture FILE [LINKS [SECONDS]]");
            System.exit(2);
        }
        int links = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        CaptureInterface[] ifaces = new CaptureInterface[links];
        byte[][] fromA = new byte[links][], fromB = new byte[links][];
        for (int i = 0; i < links; i++) {
            ifaces[i] = new CaptureInterface("eth" + i, "", LinkType.EN10MB, 262144, 1);
            fromA[i] = LacpPduBuilder.lacpdu(LacpScenarios.macA(i), LacpScenarios.portA(i, UP_FAST), LacpScenarios.portB(i, UP_FAST));
            fromB[i] = LacpPduBuilder.lacpdu(LacpScenarios.macB(i), LacpScenarios.portB(i, UP_FAST), LacpScenarios.portA(i, UP_FAST));
        }
        WriterOptions options = new WriterOptions(CaptureFormat.PCAPNG, 262144, LinkType.EN10MB, TimestampPrecision.NANO);
        Packet p = new Packet();
        long frame = 0;
        long step = Math.min(400_000L, 500_000_000L / links);
        try (CaptureWriter w = CaptureWriters.open(args[0], options)) {
            for (int s = 0; s < seconds; s++) {
                for (int half = 0; half < 2; half++) {
                    long base = LacpCapture.START + s * 1_000_000_000L + half * 500_000_000L;
                    for (int i = 0; i < links; i++) {
                        byte[] f = half == 0 ? fromA[i] : fromB[i];
                        p.set(f, 0, f.length, f.length, base + i * step, i, LinkType.EN10MB, ++frame);
                        w.write(p, ifaces[i]);
                    }
                }
            }
        }
        System.err.println("wrote " + frame + " frames on " + links + " interfaces to " + args[0]);
    }
}
