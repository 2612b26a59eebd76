package dev.fabricscope.libpcap;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The system libpcap, bound through FFM. Loaded once per JVM (holder idiom); each function is bound on its
 * first use.
 * File reading never needs this; live capture and filter compilation do, and when the library is
 * missing they fail with {@link UnavailableException} naming the package to install.
 */
public final class Libpcap {
    /** Sonames tried in order: Debian/Ubuntu (libpcap0.8), most other distributions, dev symlink. */
    static final List<String> SONAMES = List.of("libpcap.so.0.8", "libpcap.so.1", "libpcap.so");

    /** Thrown when libpcap cannot be loaded; the message says what to install. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout ADDR = ValueLayout.ADDRESS;

    private final SymbolLookup lookup;
    private final String soname;
    private final Downcall pcapLibVersion;
    // Every symbol is looked up here, so a missing one fails when the library loads, not mid-capture; the
    // handles are bound on first use (see Downcall).
    final Downcall pcapCreate;
    final Downcall pcapSetSnaplen;
    final Downcall pcapSetPromisc;
    final Downcall pcapSetRfmon;
    final Downcall pcapCanSetRfmon;
    final Downcall pcapSetTimeout;
    final Downcall pcapSetImmediateMode;
    final Downcall pcapSetBufferSize;
    final Downcall pcapActivate;
    final Downcall pcapCompile;
    final Downcall pcapSetfilter;
    final Downcall pcapNextEx;
    final Downcall pcapBreakloop;
    final Downcall pcapSetnonblock;
    final Downcall pcapStats;
    final Downcall pcapClose;
    final Downcall pcapGeterr;
    final Downcall pcapStatustostr;
    final Downcall pcapFindalldevs;
    final Downcall pcapFreealldevs;
    final Downcall pcapOpenDead;
    final Downcall pcapFreecode;
    final Downcall pcapDatalink;
    final Downcall pcapSetdirection;
    final Downcall pcapSetTstampPrecision;
    final Downcall pcapListDatalinks;
    final Downcall pcapFreeDatalinks;
    final Downcall pcapSetDatalink;
    final Downcall pcapDatalinkValToName;
    final Downcall pcapDatalinkValToDescription;
    final Downcall pcapDatalinkNameToVal;
    final Downcall pcapListTstampTypes;
    final Downcall pcapFreeTstampTypes;
    final Downcall pcapSetTstampType;
    final Downcall pcapTstampTypeValToName;
    final Downcall pcapTstampTypeValToDescription;
    final Downcall pcapTstampTypeNameToVal;
    final Downcall pcapInject;
    final Downcall pcapOfflineFilter;
    final Downcall pcapFopenOffline;
    final Downcall fmemopen;   // libc: lets pcap_fopen_offline read a file header held in memory
    final Downcall fclose;

    private Libpcap(SymbolLookup lookup, String soname) {
        this.lookup = lookup;
        this.soname = soname;
        this.pcapLibVersion = function("pcap_lib_version", FunctionDescriptor.of(ADDR));
        this.pcapCreate = function("pcap_create", FunctionDescriptor.of(ADDR, ADDR, ADDR));
        this.pcapSetSnaplen = function("pcap_set_snaplen", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapSetPromisc = function("pcap_set_promisc", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapSetRfmon = function("pcap_set_rfmon", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapCanSetRfmon = function("pcap_can_set_rfmon", FunctionDescriptor.of(INT, ADDR));
        this.pcapSetTimeout = function("pcap_set_timeout", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapSetImmediateMode = function("pcap_set_immediate_mode", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapSetBufferSize = function("pcap_set_buffer_size", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapActivate = function("pcap_activate", FunctionDescriptor.of(INT, ADDR));
        // int pcap_compile(pcap_t *, struct bpf_program *, const char *, int optimize, bpf_u_int32 netmask)
        this.pcapCompile = function("pcap_compile", FunctionDescriptor.of(INT, ADDR, ADDR, ADDR, INT, INT));
        this.pcapSetfilter = function("pcap_setfilter", FunctionDescriptor.of(INT, ADDR, ADDR));
        // int pcap_next_ex(pcap_t *, struct pcap_pkthdr **, const u_char **)
        this.pcapNextEx = function("pcap_next_ex", FunctionDescriptor.of(INT, ADDR, ADDR, ADDR));
        this.pcapBreakloop = function("pcap_breakloop", FunctionDescriptor.ofVoid(ADDR));
        this.pcapSetnonblock = function("pcap_setnonblock", FunctionDescriptor.of(INT, ADDR, INT, ADDR));
        this.pcapStats = function("pcap_stats", FunctionDescriptor.of(INT, ADDR, ADDR));
        this.pcapClose = function("pcap_close", FunctionDescriptor.ofVoid(ADDR));
        this.pcapGeterr = function("pcap_geterr", FunctionDescriptor.of(ADDR, ADDR));
        this.pcapStatustostr = function("pcap_statustostr", FunctionDescriptor.of(ADDR, INT));
        this.pcapFindalldevs = function("pcap_findalldevs", FunctionDescriptor.of(INT, ADDR, ADDR));
        this.pcapFreealldevs = function("pcap_freealldevs", FunctionDescriptor.ofVoid(ADDR));
        this.pcapOpenDead = function("pcap_open_dead", FunctionDescriptor.of(ADDR, INT, INT));
        this.pcapFreecode = function("pcap_freecode", FunctionDescriptor.ofVoid(ADDR));
        this.pcapDatalink = function("pcap_datalink", FunctionDescriptor.of(INT, ADDR));
        // int pcap_setdirection(pcap_t *, pcap_direction_t)
        this.pcapSetdirection = function("pcap_setdirection", FunctionDescriptor.of(INT, ADDR, INT));
        // int pcap_set_tstamp_precision(pcap_t *, int): 0 micro, 1 nano
        this.pcapSetTstampPrecision = function("pcap_set_tstamp_precision", FunctionDescriptor.of(INT, ADDR, INT));
        // int pcap_list_datalinks(pcap_t *, int **); void pcap_free_datalinks(int *); int pcap_set_datalink(pcap_t *, int)
        this.pcapListDatalinks = function("pcap_list_datalinks", FunctionDescriptor.of(INT, ADDR, ADDR));
        this.pcapFreeDatalinks = function("pcap_free_datalinks", FunctionDescriptor.ofVoid(ADDR));
        this.pcapSetDatalink = function("pcap_set_datalink", FunctionDescriptor.of(INT, ADDR, INT));
        // const char *pcap_datalink_val_to_name(int) / _to_description(int); int pcap_datalink_name_to_val(const char *)
        this.pcapDatalinkValToName = function("pcap_datalink_val_to_name", FunctionDescriptor.of(ADDR, INT));
        this.pcapDatalinkValToDescription = function("pcap_datalink_val_to_description", FunctionDescriptor.of(ADDR, INT));
        this.pcapDatalinkNameToVal = function("pcap_datalink_name_to_val", FunctionDescriptor.of(INT, ADDR));
        // int pcap_list_tstamp_types(pcap_t *, int **); void pcap_free_tstamp_types(int *);
        // int pcap_set_tstamp_type(pcap_t *, int); const char *pcap_tstamp_type_val_to_name(int) / _to_description(int);
        // int pcap_tstamp_type_name_to_val(const char *)
        this.pcapListTstampTypes = function("pcap_list_tstamp_types", FunctionDescriptor.of(INT, ADDR, ADDR));
        this.pcapFreeTstampTypes = function("pcap_free_tstamp_types", FunctionDescriptor.ofVoid(ADDR));
        this.pcapSetTstampType = function("pcap_set_tstamp_type", FunctionDescriptor.of(INT, ADDR, INT));
        this.pcapTstampTypeValToName = function("pcap_tstamp_type_val_to_name", FunctionDescriptor.of(ADDR, INT));
        this.pcapTstampTypeValToDescription = function("pcap_tstamp_type_val_to_description",
            FunctionDescriptor.of(ADDR, INT));
        this.pcapTstampTypeNameToVal = function("pcap_tstamp_type_name_to_val", FunctionDescriptor.of(INT, ADDR));
        // int pcap_inject(pcap_t *, const void *, size_t)
        this.pcapInject = function("pcap_inject", FunctionDescriptor.of(INT, ADDR, ADDR, ValueLayout.JAVA_LONG));
        // int pcap_offline_filter(const struct bpf_program *, const struct pcap_pkthdr *, const u_char *)
        this.pcapOfflineFilter = function("pcap_offline_filter", FunctionDescriptor.of(INT, ADDR, ADDR, ADDR));
        // pcap_t *pcap_fopen_offline(FILE *, char *errbuf)
        this.pcapFopenOffline = function("pcap_fopen_offline", FunctionDescriptor.of(ADDR, ADDR, ADDR));
        // FILE *fmemopen(void *buf, size_t size, const char *mode); int fclose(FILE *)
        this.fmemopen = libc("fmemopen", FunctionDescriptor.of(ADDR, ADDR, ValueLayout.JAVA_LONG, ADDR));
        this.fclose = libc("fclose", FunctionDescriptor.of(INT, ADDR));
    }

    private static final class Holder {
        static final Object INSTANCE = tryLoad();
    }

    /**
     * The libraries to try: $FABRICSCOPE_LIBPCAP (a path or soname, for a libpcap outside the linker's
     * search path) when set, else {@link #SONAMES}.
     */
    private static List<String> candidates() {
        String chosen = System.getenv("FABRICSCOPE_LIBPCAP");
        return chosen == null || chosen.isBlank() ? SONAMES : List.of(chosen.strip());
    }

    private static Object tryLoad() {
        List<String> failures = new ArrayList<>();
        for (String name : candidates()) {
            SymbolLookup lookup;
            try {
                lookup = SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                failures.add(name);
                continue;
            }
            try {
                return new Libpcap(lookup, name);
            } catch (UnavailableException e) {
                return e;   // found, but lacks a symbol we bind (too old): say so instead of failing class init
            }
        }
        return new UnavailableException("libpcap not found (tried " + String.join(", ", failures)
            + "); install it: apt-get install libpcap0.8 (Debian/Ubuntu) or dnf install libpcap");
    }

    /** The loaded library, or throws {@link UnavailableException} with install advice. */
    public static Libpcap load() {
        if (Holder.INSTANCE instanceof Libpcap lib) return lib;
        throw (UnavailableException) Holder.INSTANCE;
    }

    /** True when libpcap can be loaded (tests use this to say why they skip). */
    public static boolean available() {
        return Holder.INSTANCE instanceof Libpcap;
    }

    /** The soname that was loaded. */
    public String soname() {
        return soname;
    }

    /** pcap_lib_version(), e.g. "libpcap version 1.10.3 (with TPACKET_V3)". */
    public String version() {
        try {
            MemorySegment s = (MemorySegment) pcapLibVersion.handle().invokeExact();
            return s.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("pcap_lib_version failed", t);
        }
    }

    /** pcap_datalink_val_to_name: libpcap's name of a DLT ("EN10MB"), or null when it has none. */
    public String datalinkName(int dlt) {
        return nameText(pcapDatalinkValToName, "pcap_datalink_val_to_name", dlt);
    }

    /** pcap_datalink_val_to_description ("Ethernet"), or null. */
    public String datalinkDescription(int dlt) {
        return nameText(pcapDatalinkValToDescription, "pcap_datalink_val_to_description", dlt);
    }

    private static String nameText(Downcall function, String name, int value) {
        try {
            MemorySegment s = (MemorySegment) function.handle().invokeExact(value);
            return s.equals(MemorySegment.NULL) ? null : cString(s);
        } catch (Throwable t) {
            throw failure(name, t);
        }
    }

    /** pcap_datalink_name_to_val: the DLT of a name (any case, with or without "DLT_"), -1 when unknown. */
    public int datalinkByName(String name) {
        try (java.lang.foreign.Arena tmp = java.lang.foreign.Arena.ofConfined()) {
            return (int) pcapDatalinkNameToVal.handle().invokeExact(tmp.allocateFrom(name));
        } catch (Throwable t) {
            throw failure("pcap_datalink_name_to_val", t);
        }
    }

    /** pcap_tstamp_type_val_to_name: libpcap's name of a time stamp type ("adapter_unsynced"), or null. */
    public String timestampTypeName(int type) {
        return nameText(pcapTstampTypeValToName, "pcap_tstamp_type_val_to_name", type);
    }

    /** pcap_tstamp_type_val_to_description ("Adapter, not synced with system time"), or null. */
    public String timestampTypeDescription(int type) {
        return nameText(pcapTstampTypeValToDescription, "pcap_tstamp_type_val_to_description", type);
    }

    /** pcap_tstamp_type_name_to_val: the time stamp type of a name (any case), -1 when unknown. */
    public int timestampTypeByName(String name) {
        try (java.lang.foreign.Arena tmp = java.lang.foreign.Arena.ofConfined()) {
            return (int) pcapTstampTypeNameToVal.handle().invokeExact(tmp.allocateFrom(name));
        } catch (Throwable t) {
            throw failure("pcap_tstamp_type_name_to_val", t);
        }
    }

    /** pcap_geterr(p): libpcap's last error message for a handle. */
    String geterr(MemorySegment pcap) {
        try {
            return cString((MemorySegment) pcapGeterr.handle().invokeExact(pcap));
        } catch (Throwable t) {
            throw failure("pcap_geterr", t);
        }
    }

    /** pcap_statustostr(status): the fixed text libpcap gives a PCAP_ERROR_* / PCAP_WARNING_* code. */
    String statusToString(int status) {
        try {
            return cString((MemorySegment) pcapStatustostr.handle().invokeExact(status));
        } catch (Throwable t) {
            throw failure("pcap_statustostr", t);
        }
    }

    /** pcap_close(p). */
    void close(MemorySegment pcap) {
        try {
            pcapClose.handle().invokeExact(pcap);
        } catch (Throwable t) {
            throw failure("pcap_close", t);
        }
    }

    /** Reads a NUL-terminated C string (empty for NULL). */
    static String cString(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) return "";
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Wraps a Throwable escaping a downcall (only Errors and bugs can: native calls don't throw). */
    static RuntimeException failure(String function, Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(function + " failed", t);
    }

    private static Downcall libc(String name, FunctionDescriptor descriptor) {
        MemorySegment address = Linker.nativeLinker().defaultLookup().find(name)
            .orElseThrow(() -> new UnavailableException("the C library has no " + name));
        return new Downcall(address, descriptor);
    }

    /** A libpcap function, looked up now, bound on first use; fails loudly when the symbol is missing. */
    Downcall function(String name, FunctionDescriptor descriptor) {
        MemorySegment address = lookup.find(name)
            .orElseThrow(() -> new UnavailableException(soname + " has no symbol " + name + " (libpcap too old?)"));
        return new Downcall(address, descriptor);
    }

    /**
     * Binds what compiling a filter needs (Main does this on a second thread while it parses the command line;
     * commands that read files need nothing else from libpcap).
     */
    public void bindFilterFunctions() {
        for (Downcall d : List.of(pcapOpenDead, pcapCompile, pcapFreecode, pcapClose, pcapGeterr, pcapFopenOffline,
                fmemopen, fclose)) {
            d.handle();
        }
    }

    /**
     * A native function's downcall handle, made on first use: each one costs milliseconds of generated glue code
     * (FFM's first one ~45 ms), and most commands need a few of the 34. Threads may race to bind one; a
     * MethodHandle is immutable, so whichever is kept works.
     */
    static final class Downcall {
        private final MemorySegment address;
        private final FunctionDescriptor descriptor;
        private volatile MethodHandle handle;

        Downcall(MemorySegment address, FunctionDescriptor descriptor) {
            this.address = address;
            this.descriptor = descriptor;
        }

        MethodHandle handle() {
            MethodHandle h = handle;
            if (h == null) handle = h = Linker.nativeLinker().downcallHandle(address, descriptor);
            return h;
        }
    }
}
