package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import java.io.IOException;
import java.nio.file.Path;

/** For tests in other packages: a pcap with one established RDMA-CM connection (CmFrames, CmTrackerTest's handshake). */
public final class CmHandshakeFile {
    private CmHandshakeFile() { }

    /** Client 10.1.0.1 QP {@code clientQpn} to server 10.1.0.2 QP {@code serverQpn}, REQ/REP/RTU then data both ways. */
    public static Path write(Path file, int clientQpn, int serverQpn) throws IOException {
        CmFrames f = new CmFrames();
        CmTrackerTest.handshake(f, 1000, CmTrackerTest.C, CmTrackerTest.S, 0x1111, 0x2222, clientQpn, serverQpn);
        f.rcSend(2000, CmTrackerTest.C, CmTrackerTest.S, serverQpn, 100).rcSend(2001, CmTrackerTest.S, CmTrackerTest.C, clientQpn, 10);
        CaptureInterface iface = new CaptureInterface("t", "", LinkType.EN10MB, 65535, 1000);
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.MICRO))) {
            for (int i = 0; i < f.frames.size(); i++) {
                byte[] b = f.frames.get(i);
                w.write(new Packet().set(b, 0, b.length, b.length, f.times.get(i) * 1000L, 0, LinkType.EN10MB, i + 1), iface);
            }
        }
        return file;
    }
}
