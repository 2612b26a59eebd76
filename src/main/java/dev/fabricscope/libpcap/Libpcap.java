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
 * The system libpcap, bound through FFM. Loaded once per JVM (holder idiom, immutable afterwards).
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

    private final SymbolLookup lookup;
    private final String soname;
    private final MethodHandle pcapLibVersion;

    private Libpcap(SymbolLookup lookup, String soname) {
        this.lookup = lookup;
        this.soname = soname;
        this.pcapLibVersion = function("pcap_lib_version", FunctionDescriptor.of(ValueLayout.ADDRESS));
    }

    private static final class Holder {
        static final Object INSTANCE = tryLoad();
    }

    private static Object tryLoad() {
        List<String> failures = new ArrayList<>();
        for (String name : SONAMES) {
            try {
                return new Libpcap(SymbolLookup.libraryLookup(name, Arena.global()), name);
            } catch (IllegalArgumentException e) {
                failures.add(name);
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
            MemorySegment s = (MemorySegment) pcapLibVersion.invokeExact();
            return s.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("pcap_lib_version failed", t);
        }
    }

    /** A downcall handle for a libpcap function; fails loudly when the symbol is missing. */
    MethodHandle function(String name, FunctionDescriptor descriptor) {
        MemorySegment address = lookup.find(name)
            .orElseThrow(() -> new UnavailableException(soname + " has no symbol " + name + " (libpcap too old?)"));
        return Linker.nativeLinker().downcallHandle(address, descriptor);
    }
}
