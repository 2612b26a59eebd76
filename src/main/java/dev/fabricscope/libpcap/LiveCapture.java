package dev.fabricscope.libpcap;

import dev.fabricscope.capture.Packet;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A live capture handle (pcap_create … pcap_activate). {@link #next} fills a {@link Packet} view over
 * libpcap's own buffer without allocating: the view's segment covers all memory and its offset is the
 * data pointer, valid until the next call.
 *
 * <p>On Linux (libpcap 1.10) {@code pcap_next_ex} does not return when the timeout passes with no
 * packet: it keeps waiting until a packet arrives or {@link #breakLoop()} is called (which wakes it
 * through libpcap's event fd). So stop a capture with {@link #breakLoop()}, and read several devices
 * with one thread per handle.
 *
 * <p>Threading: one thread reads ({@link #next}) and closes; {@link #breakLoop()} may be called from any
 * thread (a signal hook) and is a no-op once closed.
 */
public final class LiveCapture implements AutoCloseable {
    /** pcap_stats counters (unsigned 32-bit in libpcap, so they wrap on long captures). */
    public record Stats(long received, long dropped, long ifDropped) { }

    private static final MemorySegment ALL_MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final int PCAP_ERROR_BREAK = -2;
    private static final int PCAP_WARNING = 1;
    private static final int PCAP_ERROR = -1;
    /** Failures whose libpcap text tcpdump adds to the status (the others' text repeats the status). */
    private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5, PCAP_ERROR_PERM_DENIED = -8;

    private final Libpcap lib;
    private final String device;
    private final MemorySegment pcap;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment headerPtr;
    private final MemorySegment dataPtr;
    private int linkType;
    private final Object lock = new Object();
    private final List<String> warnings = new ArrayList<>(1);
    private int interfaceId;
    private boolean closed;
    private volatile boolean broken;
    private long frames;
    private byte[] copy = new byte[2048];   // the current packet, copied out of libpcap's buffer
    /** Nanoseconds per unit of the header's second fraction: 1000 (microseconds) or 1 (nanosecond precision). */
    private final long fractionNanos;
    /** Whether libpcap can put the device into monitor mode (asked before activation, where libpcap answers). */
    private final boolean supportsMonitorMode;

    private LiveCapture(Libpcap lib, String device, MemorySegment pcap, boolean nanoseconds,
                        boolean supportsMonitorMode) {
        this.lib = lib;
        this.supportsMonitorMode = supportsMonitorMode;
        this.device = device;
        this.pcap = pcap;
        this.fractionNanos = nanoseconds ? 1 : 1000;
        this.headerPtr = arena.allocate(ValueLayout.ADDRESS);
        this.dataPtr = arena.allocate(ValueLayout.ADDRESS);
        this.linkType = datalinkOf(lib, pcap);
    }

    /**
     * Opens and activates {@code device}. Activation warnings (promiscuous mode unsupported …) go to
     * {@link #warnings()}; errors throw {@link LibpcapException} with libpcap's text, e.g.
     * "eth0: You don't have permission to perform this capture on that device (socket: Operation not permitted)".
     *
     * @param timeoutMs   packet buffer timeout (how long libpcap may hold packets before delivering them;
     *                    see the class comment: on Linux it does not make {@link #next} return empty)
     * @param bufferSize  kernel buffer in bytes, or 0 for libpcap's default
     */
    public static LiveCapture open(String device, int snaplen, boolean promisc, int timeoutMs, boolean immediate,
                                   int bufferSize) {
        return open(device, snaplen, promisc, timeoutMs, immediate, bufferSize, false);
    }

    /** @param nanoseconds ask for nanosecond time stamps (pcap_set_tstamp_precision), as tcpdump --nano does */
    public static LiveCapture open(String device, int snaplen, boolean promisc, int timeoutMs, boolean immediate,
                                   int bufferSize, boolean nanoseconds) {
        return open(device, new Settings(snaplen, promisc, timeoutMs, immediate, bufferSize, nanoseconds,
            Settings.DEFAULT_TIMESTAMP_TYPE, false));
    }

    /**
     * How to open a handle, as tcpdump's flags say it.
     *
     * @param timeoutMs     packet buffer timeout (how long libpcap may hold packets before delivering them; see the
     *                      class comment: on Linux it does not make {@link #next} return empty)
     * @param bufferSize    kernel buffer in bytes, or 0 for libpcap's default
     * @param nanoseconds   nanosecond time stamps (pcap_set_tstamp_precision), as tcpdump --nano
     * @param timestampType the time stamp source (pcap_set_tstamp_type, tcpdump -j: host, adapter ...), or
     *                      {@link #DEFAULT_TIMESTAMP_TYPE} for the device's
     * @param monitorMode   802.11 monitor mode (pcap_set_rfmon, tcpdump -I); activation fails on devices without it
     */
    public record Settings(int snaplen, boolean promisc, int timeoutMs, boolean immediate, int bufferSize,
                           boolean nanoseconds, int timestampType, boolean monitorMode) {
        public static final int DEFAULT_TIMESTAMP_TYPE = -1;
    }

    /**
     * Opens and activates {@code device} with {@code settings}. Warnings (promiscuous mode or a time stamp type
     * unsupported …) go to {@link #warnings()}; errors throw {@link LibpcapException} with libpcap's text.
     */
    public static LiveCapture open(String device, Settings settings) {
        Libpcap lib = Libpcap.load();
        MemorySegment pcap = create(lib, device);
        boolean ok = false;
        try {
            boolean monitorCapable = canSetMonitorMode(lib, pcap);
            set(lib, pcap, device, "snaplen", lib.pcapSetSnaplen.handle(), settings.snaplen());
            set(lib, pcap, device, "promiscuous mode", lib.pcapSetPromisc.handle(), settings.promisc() ? 1 : 0);
            if (settings.monitorMode()) set(lib, pcap, device, "monitor mode", lib.pcapSetRfmon.handle(), 1);
            set(lib, pcap, device, "timeout", lib.pcapSetTimeout.handle(), settings.timeoutMs());
            set(lib, pcap, device, "immediate mode", lib.pcapSetImmediateMode.handle(), settings.immediate() ? 1 : 0);
            if (settings.bufferSize() > 0) {
                set(lib, pcap, device, "buffer size", lib.pcapSetBufferSize.handle(), settings.bufferSize());
            }
            if (settings.nanoseconds()) {
                set(lib, pcap, device, "nanosecond time stamp precision", lib.pcapSetTstampPrecision.handle(), 1);
            }
            String timestampWarning = settings.timestampType() == Settings.DEFAULT_TIMESTAMP_TYPE ? null
                : setTimestampType(lib, pcap, device, settings.timestampType());
            int status;
            try {
                status = (int) lib.pcapActivate.handle().invokeExact(pcap);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_activate", t);
            }
            if (status < 0) throw new LibpcapException(activationMessage(lib, pcap, device, status));
            LiveCapture capture = new LiveCapture(lib, device, pcap, settings.nanoseconds(), monitorCapable);
            if (timestampWarning != null) capture.warnings.add(timestampWarning);
            if (status > 0) capture.warnings.add(activationMessage(lib, pcap, device, status));
            ok = true;
            return capture;
        } finally {
            if (!ok) lib.close(pcap);
        }
    }

    /** pcap_can_set_rfmon, as tcpdump asks it: 1 is yes; 0, or an error (no such device ...), is no. */
    private static boolean canSetMonitorMode(Libpcap lib, MemorySegment pcap) {
        try {
            return (int) lib.pcapCanSetRfmon.handle().invokeExact(pcap) == 1;
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_can_set_rfmon", t);
        }
    }

    /** Whether the device can capture in 802.11 monitor mode (-I), as libpcap said before activating it. */
    public boolean supportsMonitorMode() {
        return supportsMonitorMode;
    }

    private static MemorySegment create(Libpcap lib, String device) {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment errbuf = tmp.allocate(PcapLayouts.ERRBUF_SIZE);
            MemorySegment pcap;
            try {
                pcap = (MemorySegment) lib.pcapCreate.handle().invokeExact(tmp.allocateFrom(device), errbuf);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_create", t);
            }
            if (pcap.equals(MemorySegment.NULL)) throw new LibpcapException(device + ": " + errbuf.getString(0));
            return pcap;
        }
    }

    /** pcap_set_tstamp_type, in tcpdump's words: an error throws; a warning (type not supported) is returned. */
    private static String setTimestampType(Libpcap lib, MemorySegment pcap, String device, int type) {
        int status;
        try {
            status = (int) lib.pcapSetTstampType.handle().invokeExact(pcap, type);
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_set_tstamp_type", t);
        }
        if (status < 0) {
            throw new LibpcapException(device + ": Can't set time stamp type: " + lib.statusToString(status));
        }
        return status == 0 ? null : "When trying to set timestamp type '" + lib.timestampTypeName(type) + "' on "
            + device + ": " + lib.statusToString(status);
    }

    /**
     * The time stamp types {@code device} offers (pcap_list_tstamp_types on a handle not yet activated, as tcpdump
     * -J asks: no capture permission needed); empty when the type cannot be set.
     */
    public static int[] timestampTypes(String device) {
        Libpcap lib = Libpcap.load();
        MemorySegment pcap = create(lib, device);
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment list = tmp.allocate(ValueLayout.ADDRESS);
            int n;
            try {
                n = (int) lib.pcapListTstampTypes.handle().invokeExact(pcap, list);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_list_tstamp_types", t);
            }
            if (n < 0) throw new LibpcapException(lib.geterr(pcap));
            MemorySegment first = list.get(ValueLayout.ADDRESS, 0);
            if (n == 0 || first.equals(MemorySegment.NULL)) return new int[0];
            int[] types = first.reinterpret((long) n * Integer.BYTES).toArray(ValueLayout.JAVA_INT);
            try {
                lib.pcapFreeTstampTypes.handle().invokeExact(first);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_free_tstamp_types", t);
            }
            return types;
        } finally {
            lib.close(pcap);
        }
    }

    // tcpdump's wording: the generic codes carry libpcap's detail only, the specific ones name the device
    private static String activationMessage(Libpcap lib, MemorySegment pcap, String device, int status) {
        String detail = lib.geterr(pcap);
        if ((status == PCAP_ERROR || status == PCAP_WARNING) && !detail.isEmpty()) return detail;
        String text = device + ": " + lib.statusToString(status);
        boolean detailed = status > 0 || status == PCAP_ERROR_NO_SUCH_DEVICE || status == PCAP_ERROR_PERM_DENIED;
        return detail.isEmpty() || !detailed ? text : text + " (" + detail + ")";
    }

    private static void set(Libpcap lib, MemorySegment pcap, String device, String what,
                            java.lang.invoke.MethodHandle setter, int value) {
        int rc;
        try {
            rc = (int) setter.invokeExact(pcap, value);
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_set", t);
        }
        if (rc != 0) throw new LibpcapException(device + ": cannot set " + what + ": " + lib.statusToString(rc));
    }

    private static int datalinkOf(Libpcap lib, MemorySegment pcap) {
        try {
            return (int) lib.pcapDatalink.handle().invokeExact(pcap);
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_datalink", t);
        }
    }

    /** Warnings pcap_activate gave (e.g. promiscuous mode not supported); empty normally. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Sets the {@link Packet#interfaceId()} given to this handle's packets (several handles in one run). */
    public void setInterfaceId(int interfaceId) {
        this.interfaceId = interfaceId;
    }

    public String device() {
        return device;
    }

    /** pcap_datalink: the handle's DLT_* value (equal to the LINKTYPE_* value for the types we capture on Linux). */
    public int datalink() {
        return linkType;
    }

    /**
     * Compiles {@code expression} on this handle (so Linux's VLAN-offload handling applies) and installs it.
     * @throws BpfCompileException with libpcap's message for a bad expression
     */
    public void setFilter(String expression) {
        BpfProgram program = BpfCompiler.compileOn(lib, pcap, expression, true, BpfCompiler.NETMASK_UNKNOWN);
        setFilter(program);
    }

    /** pcap_list_datalinks: the link types this device can capture with (tcpdump -L). */
    public int[] datalinks() {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment list = tmp.allocate(ValueLayout.ADDRESS);
            int n;
            try {
                n = (int) lib.pcapListDatalinks.handle().invokeExact(pcap, list);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_list_datalinks", t);
            }
            if (n < 0) throw new LibpcapException(device + ": " + lib.geterr(pcap));
            MemorySegment values = list.get(ValueLayout.ADDRESS, 0).reinterpret((long) n * Integer.BYTES);
            int[] dlts = values.toArray(ValueLayout.JAVA_INT);
            try {
                lib.pcapFreeDatalinks.handle().invokeExact(list.get(ValueLayout.ADDRESS, 0));
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_free_datalinks", t);
            }
            return dlts;
        }
    }

    /** pcap_set_datalink (tcpdump -y): packets then come with this link type; set it before the filter. */
    public void setDatalink(int dlt) {
        applyActive(lib.pcapSetDatalink, "pcap_set_datalink", dlt, "");
        linkType = datalinkOf(lib, pcap);
    }

    /** Which packets a capture sees by direction (pcap_direction_t), as tcpdump's -Q in|out|inout. */
    public enum Direction {
        INOUT, IN, OUT
    }

    /** Keeps only the packets of {@code direction} (pcap_setdirection; not every platform supports it). */
    public void setDirection(Direction direction) {
        applyActive(lib.pcapSetdirection, "pcap_setdirection", direction.ordinal(),
            "cannot capture only direction " + direction.name().toLowerCase(java.util.Locale.ROOT) + ": ");
    }

    /** Calls an {@code int f(pcap_t *, int)} setter of an active handle; failing, libpcap's error after {@code what}. */
    private void applyActive(Libpcap.Downcall setter, String function, int value, String what) {
        int rc;
        try {
            rc = (int) setter.handle().invokeExact(pcap, value);
        } catch (Throwable t) {
            throw Libpcap.failure(function, t);
        }
        if (rc != 0) throw new LibpcapException(device + ": " + what + lib.geterr(pcap));
    }

    /** Installs a program (libpcap copies it, and hands it to the kernel when it can). */
    public void setFilter(BpfProgram program) {
        try (Arena tmp = Arena.ofConfined()) {
            int rc;
            try {
                rc = (int) lib.pcapSetfilter.handle().invokeExact(pcap, BpfCompiler.toNative(program, tmp));
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_setfilter", t);
            }
            if (rc != 0) throw new LibpcapException(device + ": " + lib.geterr(pcap));
        }
    }

    /**
     * Waits for the next packet and fills {@code packet}. Returns false when libpcap reports the timeout
     * passed with no packet (platforms other than Linux), or when {@link #breakLoop()} stopped the
     * capture ({@link #isBroken()} then says so).
     * @throws LibpcapException when libpcap reports an error (interface went down …)
     */
    public boolean next(Packet packet) {
        int rc;
        try {
            rc = (int) lib.pcapNextEx.handle().invokeExact(pcap, headerPtr, dataPtr);
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_next_ex", t);
        }
        if (rc == 1) {
            // raw addresses (no MemorySegment wrappers, so nothing is allocated per packet)
            long hdr = headerPtr.get(ValueLayout.JAVA_LONG, 0);
            long data = dataPtr.get(ValueLayout.JAVA_LONG, 0);
            long sec = ALL_MEMORY.get(ValueLayout.JAVA_LONG, hdr + PcapLayouts.PKTHDR_SEC);
            long usec = ALL_MEMORY.get(ValueLayout.JAVA_LONG, hdr + PcapLayouts.PKTHDR_USEC);
            int capLen = ALL_MEMORY.get(ValueLayout.JAVA_INT, hdr + PcapLayouts.PKTHDR_CAPLEN);
            int len = ALL_MEMORY.get(ValueLayout.JAVA_INT, hdr + PcapLayouts.PKTHDR_LEN);
            // one copy out of libpcap's buffer: packets are byte arrays (see Packet); grown, never shrunk
            if (capLen < 0) capLen = 0;
            if (capLen > copy.length) copy = new byte[capLen];
            MemorySegment.copy(ALL_MEMORY, ValueLayout.JAVA_BYTE, data, copy, 0, capLen);
            packet.set(copy, 0, capLen, len, sec * 1_000_000_000L + usec * fractionNanos, interfaceId, linkType,
                ++frames);
            return true;
        }
        if (rc == 0) return false;
        if (rc == PCAP_ERROR_BREAK) {
            broken = true;
            return false;
        }
        throw new LibpcapException(device + ": " + lib.geterr(pcap));
    }

    /**
     * pcap_setnonblock: in non-blocking mode {@link #next} returns false at once when no packet is ready
     * (used to drain after a stop: a blocking read on a quiet Linux TPACKET_V3 handle may never time out).
     */
    public void setNonBlocking(boolean nonBlocking) {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment errbuf = tmp.allocate(PcapLayouts.ERRBUF_SIZE);
            int rc;
            try {
                rc = (int) lib.pcapSetnonblock.handle().invokeExact(pcap, nonBlocking ? 1 : 0, errbuf);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_setnonblock", t);
            }
            if (rc < 0) throw new LibpcapException(device + ": " + errbuf.getString(0));
        }
    }

    /** True once {@link #breakLoop()} has stopped {@link #next}. */
    public boolean isBroken() {
        return broken;
    }

    /** pcap_breakloop: makes the pending or next {@link #next} return false; safe from any thread. */
    public void breakLoop() {
        synchronized (lock) {
            if (closed) return;
            try {
                lib.pcapBreakloop.handle().invokeExact(pcap);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_breakloop", t);
            }
        }
    }

    /** pcap_stats: packets received by the filter, dropped by the kernel, dropped by the interface. */
    public Stats stats() {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment stat = tmp.allocate(PcapLayouts.PCAP_STAT);
            int rc;
            try {
                rc = (int) lib.pcapStats.handle().invokeExact(pcap, stat);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_stats", t);
            }
            if (rc != 0) throw new LibpcapException(device + ": " + lib.geterr(pcap));
            return new Stats(Integer.toUnsignedLong(stat.get(ValueLayout.JAVA_INT, PcapLayouts.STAT_RECV)),
                Integer.toUnsignedLong(stat.get(ValueLayout.JAVA_INT, PcapLayouts.STAT_DROP)),
                Integer.toUnsignedLong(stat.get(ValueLayout.JAVA_INT, PcapLayouts.STAT_IFDROP)));
        }
    }

    /** pcap_inject: sends a raw link-layer frame; returns the bytes written. */
    public int inject(byte[] frame) {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment buf = tmp.allocate(Math.max(1, frame.length));
            MemorySegment.copy(frame, 0, buf, ValueLayout.JAVA_BYTE, 0, frame.length);
            int rc;
            try {
                rc = (int) lib.pcapInject.handle().invokeExact(pcap, buf, (long) frame.length);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_inject", t);
            }
            if (rc < 0) throw new LibpcapException(device + ": " + lib.geterr(pcap));
            return rc;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            lib.close(pcap);
        }
        arena.close();
    }
}
