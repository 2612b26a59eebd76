package dev.fabricscope.libpcap;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import java.util.List;

/**
 * A live handle as a {@link PacketSource}: {@link #next} waits across read timeouts until a packet
 * arrives, and returns false once {@link LiveCapture#breakLoop()} was called (Ctrl-C, -c reached).
 * {@code interfaces} is the run's whole interface list (several handles share one numbering).
 */
public final class LiveSource implements PacketSource {
    private final LiveCapture capture;
    private final List<CaptureInterface> interfaces;

    public LiveSource(LiveCapture capture, int interfaceId, List<CaptureInterface> interfaces) {
        this.capture = capture;
        this.interfaces = List.copyOf(interfaces);
        capture.setInterfaceId(interfaceId);
    }

    public LiveCapture capture() {
        return capture;
    }

    @Override
    public boolean next(Packet packet) {
        while (!capture.next(packet)) {
            if (capture.isBroken()) return false;
        }
        return true;
    }

    @Override
    public List<CaptureInterface> interfaces() {
        return interfaces;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.LIVE;
    }

    @Override
    public String name() {
        return capture.device();
    }

    @Override
    public void close() {
        capture.close();
    }
}
