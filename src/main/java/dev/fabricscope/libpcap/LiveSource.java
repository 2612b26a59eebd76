package dev.fabricscope.libpcap;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import java.util.List;

/**
 * A live handle as a {@link PacketSource}: {@link #next} waits across read timeouts until a packet
 * arrives. Once {@link LiveCapture#breakLoop()} was called (Ctrl-C, SIGTERM) it drains without blocking:
 * packets the kernel already holds are still delivered, including those in a buffer block it hands over
 * only when the read timeout expires (Linux TPACKET_V3, when not in immediate mode); then next returns
 * false. So stopping does not lose packets that arrived before the stop, as tcpdump can.
 * {@code interfaces} is the run's whole interface list (several handles share one numbering).
 */
public final class LiveSource implements PacketSource {
    private final LiveCapture capture;
    private final List<CaptureInterface> interfaces;
    private final long holdBackNanos;
    private long drainDeadline;
    private boolean draining;
    private boolean ended;

    /**
     * @param holdBackMs how long the kernel may hold packets back before handing them over: the read
     *                   timeout without immediate mode, 0 with it
     */
    public LiveSource(LiveCapture capture, int interfaceId, List<CaptureInterface> interfaces, int holdBackMs) {
        this.capture = capture;
        this.interfaces = List.copyOf(interfaces);
        this.holdBackNanos = holdBackMs * 1_000_000L;
        capture.setInterfaceId(interfaceId);
    }

    public LiveCapture capture() {
        return capture;
    }

    @Override
    public boolean next(Packet packet) {
        if (ended) return false;
        if (draining) return drain(packet);
        while (!capture.next(packet)) {
            if (capture.isBroken()) {
                draining = true;
                // a margin past the hold-back time, for the kernel's block retirement timer
                drainDeadline = System.nanoTime() + holdBackNanos + (holdBackNanos > 0 ? 200_000_000L : 0);
                capture.setNonBlocking(true);
                return drain(packet);
            }
        }
        return true;
    }

    private boolean drain(Packet packet) {
        // after pcap_breakloop's PCAP_ERROR_BREAK, pcap_next_ex reads normally again
        while (true) {
            if (capture.next(packet)) return true;
            if (System.nanoTime() - drainDeadline >= 0) break;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ended = true;
        return false;
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
