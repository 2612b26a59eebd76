package dev.fabricscope.libpcap;

import dev.fabricscope.capture.DltNames;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Compiles pcap-filter(7) expressions with libpcap itself (pcap_open_dead + pcap_compile) and copies the
 * instructions into a {@link BpfProgram}; the native program is freed before returning.
 */
public final class BpfCompiler {
    /** tcpdump's default snapshot length (MAXIMUM_SNAPLEN): the accept value of compiled programs. */
    public static final int DEFAULT_SNAPLEN = 262144;
    /** PCAP_NETMASK_UNKNOWN. */
    public static final int NETMASK_UNKNOWN = 0xffffffff;

    private BpfCompiler() { }

    /**
     * Compiles {@code expression} for a LINKTYPE_* value ({@link Dlt} maps it to the DLT libpcap wants).
     * An empty expression accepts everything. {@code netmask} matters only for "ip broadcast"; tcpdump
     * passes 0 when reading files.
     *
     * @throws BpfCompileException with libpcap's message when the expression is invalid
     * @throws Libpcap.UnavailableException when libpcap is not installed
     */
    public static BpfProgram compile(String expression, int linkType, int snaplen, boolean optimize, int netmask) {
        Libpcap lib = Libpcap.load();
        MemorySegment dead;
        try {
            dead = (MemorySegment) lib.pcapOpenDead.handle().invokeExact(DltNames.fromLinkType(linkType), snaplen);
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_open_dead", t);
        }
        if (dead.equals(MemorySegment.NULL)) throw new IllegalStateException("pcap_open_dead failed (out of memory?)");
        try {
            return compileOn(lib, dead, expression, optimize, netmask);
        } finally {
            lib.close(dead);
        }
    }

    /**
     * Compiles {@code expression} as tcpdump -r does for a file of {@code linkType} (a LINKTYPE_* value):
     * on a handle opened from a header-only savefile, because libpcap's code generator treats savefiles
     * differently from dead and live handles (NULL/LOOP test all three BSD AF_INET6 values, not Linux's
     * 10; "inbound"/"ifindex" are refused). Use this to filter files; {@link #compile} gives the
     * live-capture view of the same expression.
     *
     * @throws BpfCompileException with libpcap's message when the expression is invalid, or libpcap cannot
     *     filter {@code linkType} at all ({@link BpfCompileException#linkTypeUnsupported()})
     * @throws Libpcap.UnavailableException when libpcap is not installed
     */
    public static BpfProgram compileForFile(String expression, int linkType, int snaplen, boolean optimize, int netmask) {
        Libpcap lib = Libpcap.load();
        try (Arena arena = Arena.ofConfined()) {
            // struct pcap_file_header in host order: magic, version 2.4, thiszone, sigfigs, snaplen, linktype
            MemorySegment header = arena.allocate(24);
            header.set(ValueLayout.JAVA_INT, 0, 0xa1b2c3d4);
            header.set(ValueLayout.JAVA_SHORT, 4, (short) 2);
            header.set(ValueLayout.JAVA_SHORT, 6, (short) 4);
            header.set(ValueLayout.JAVA_INT, 16, snaplen);
            header.set(ValueLayout.JAVA_INT, 20, linkType);
            MemorySegment errbuf = arena.allocate(PcapLayouts.ERRBUF_SIZE);
            MemorySegment file;
            MemorySegment pcap;
            try {
                file = (MemorySegment) lib.fmemopen.handle().invokeExact(header, 24L, arena.allocateFrom("r"));
                if (file.equals(MemorySegment.NULL)) throw new IllegalStateException("fmemopen failed");
                pcap = (MemorySegment) lib.pcapFopenOffline.handle().invokeExact(file, errbuf);
                if (pcap.equals(MemorySegment.NULL)) {
                    int ignored = (int) lib.fclose.handle().invokeExact(file);
                    throw new BpfCompileException(errbuf.getString(0));
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_fopen_offline", t);
            }
            try {
                return compileOn(lib, pcap, expression, optimize, netmask);
            } finally {
                lib.close(pcap);   // also closes the FILE
            }
        }
    }

    /** Compiles on an open handle (a dead one, or a live one: then Linux VLAN handling applies). */
    static BpfProgram compileOn(Libpcap lib, MemorySegment pcap, String expression, boolean optimize, int netmask) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment program = arena.allocate(PcapLayouts.BPF_PROGRAM);
            int rc;
            try {
                rc = (int) lib.pcapCompile.handle().invokeExact(pcap, program, arena.allocateFrom(expression),
                    optimize ? 1 : 0, netmask);
            } catch (Throwable t) {
                throw Libpcap.failure("pcap_compile", t);
            }
            if (rc != 0) {
                String message = lib.geterr(pcap);
                throw new BpfCompileException(message, expression.isEmpty() || !compiles(lib, pcap, ""));
            }
            try {
                return BpfProgram.ofPacked(copyOut(program));
            } finally {
                freecode(lib, program);
            }
        }
    }

    /** Whether {@code expression} compiles on {@code pcap} (the program is freed at once). */
    private static boolean compiles(Libpcap lib, MemorySegment pcap, String expression) {
        try {
            compileOn(lib, pcap, expression, false, NETMASK_UNKNOWN);
            return true;
        } catch (BpfCompileException e) {
            return false;
        }
    }

    /** Reads the instructions of a native struct bpf_program. */
    static long[] copyOut(MemorySegment program) {
        int len = program.get(ValueLayout.JAVA_INT, PcapLayouts.PROGRAM_LEN);
        MemorySegment insns = program.get(ValueLayout.ADDRESS, PcapLayouts.PROGRAM_INSNS)
            .reinterpret(PcapLayouts.BPF_INSN.byteSize() * Integer.toUnsignedLong(len));
        long[] out = new long[len];
        for (int i = 0; i < len; i++) {
            long at = i * PcapLayouts.BPF_INSN.byteSize();
            out[i] = BpfProgram.pack(
                insns.get(ValueLayout.JAVA_SHORT, at + PcapLayouts.INSN_CODE) & 0xffff,
                insns.get(ValueLayout.JAVA_BYTE, at + PcapLayouts.INSN_JT) & 0xff,
                insns.get(ValueLayout.JAVA_BYTE, at + PcapLayouts.INSN_JF) & 0xff,
                insns.get(ValueLayout.JAVA_INT, at + PcapLayouts.INSN_K));
        }
        return out;
    }

    /** Builds a native struct bpf_program (and its instructions) in {@code arena}: for pcap_setfilter and tests. */
    public static MemorySegment toNative(BpfProgram program, Arena arena) {
        int n = program.length();
        MemorySegment insns = arena.allocate(PcapLayouts.BPF_INSN, n);
        for (int i = 0; i < n; i++) {
            long at = i * PcapLayouts.BPF_INSN.byteSize();
            insns.set(ValueLayout.JAVA_SHORT, at + PcapLayouts.INSN_CODE, (short) program.code(i));
            insns.set(ValueLayout.JAVA_BYTE, at + PcapLayouts.INSN_JT, (byte) program.jt(i));
            insns.set(ValueLayout.JAVA_BYTE, at + PcapLayouts.INSN_JF, (byte) program.jf(i));
            insns.set(ValueLayout.JAVA_INT, at + PcapLayouts.INSN_K, program.k(i));
        }
        MemorySegment native_ = arena.allocate(PcapLayouts.BPF_PROGRAM);
        native_.set(ValueLayout.JAVA_INT, PcapLayouts.PROGRAM_LEN, n);
        native_.set(ValueLayout.ADDRESS, PcapLayouts.PROGRAM_INSNS, insns);
        return native_;
    }

    private static void freecode(Libpcap lib, MemorySegment program) {
        try {
            lib.pcapFreecode.handle().invokeExact(program);
        } catch (Throwable t) {
            throw Libpcap.failure("pcap_freecode", t);
        }
    }
}
