package dev.fabricscope.libpcap;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Several live handles as one {@link PacketSource}, read by one thread: the analyzers (LACP health
 * across the links of a LAG, RDMA on several ports) need every interface's packets in one state
 * machine, without a thread per handle or a copy per packet. The handles run non-blocking and are
 * polled in turn; when none has a packet the thread parks for {@link #IDLE_PARK_NANOS}. Packets are
 * handed over in arrival order per handle, so across handles the order is only approximately by time.
 *
 * <p>{@link #stop()} (Ctrl-C) drains: packets the kernels already hold are still delivered until every
 * handle has been quiet past its hold-back time, then {@link #next} returns false.
 */
public final class MultiLiveSource implements PacketSource {
    static final long IDLE_PARK_NANOS = 1_000_000L;
    /** Beyond the hold-back time, a margin for the kernel's block retirement timer (as LiveSource). */
    private static final long DRAIN_MARGIN_NANOS = 200_000_000L;

    private final List<LiveCapture> captures;
    private final List<CaptureInterface> interfaces;
    private final long holdBackNanos;
    private volatile boolean stopRequested;
    private long drainDeadline;
    private boolean draining;
    private boolean ended;
    private int nextHandle;

    /**
     * @param captures   open handles; handle i gives its packets interface id i
     * @param interfaces one entry per handle, same order
     * @param holdBackMs how long a kernel may hold packets back (the read timeout, 0 in immediate mode)
     */
    public MultiLiveSource(List<LiveCapture> captures, List<CaptureInterface> interfaces, int holdBackMs) {
        if (captures.isEmpty() || captures.size() != interfaces.size()) {
            throw new IllegalArgumentException("one interface entry per capture handle");
        }
        this.captures = List.copyOf(captures);
        this.interfaces = List.copyOf(interfaces);
        this.holdBackNanos = holdBackMs * 1_000_000L;
        for (int i = 0; i < captures.size(); i++) {
            LiveCapture capture = captures.get(i);
            capture.setInterfaceId(i);
            capture.setNonBlocking(true);
        }
    }

    /** Asks the source to end after draining; safe from any thread (the signal handler). */
    public void stop() {
        stopRequested = true;
    }

    public List<LiveCapture> captures() {
        return captures;
    }

    @Override
    public boolean next(Packet packet) {
        while (!ended) {
            if (pollOnce(packet)) return true;
            if (stopRequested && !draining) {
                draining = true;
                drainDeadline = System.nanoTime() + holdBackNanos + (holdBackNanos > 0 ? DRAIN_MARGIN_NANOS : 0);
            }
            if (draining && System.nanoTime() - drainDeadline >= 0) {
                ended = true;
                break;
            }
            LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
        return false;
    }

    /** One round over the handles, starting after the one that delivered last (no handle starves). */
    private boolean pollOnce(Packet packet) {
        int n = captures.size();
        for (int i = 0; i < n; i++) {
            int handle = (nextHandle + i) % n;
            if (captures.get(handle).next(packet)) {
                nextHandle = (handle + 1) % n;
                return true;
            }
        }
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
        return String.join(",", interfaces.stream().map(CaptureInterface::name).toList());
    }

    @Override
    public void close() {
        captures.forEach(LiveCapture::close);
    }
}
