package dev.fabricscope.libpcap;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * Native layouts of the libpcap structs we touch, for LP64 Linux (x86-64, aarch64), from libpcap's
 * pcap/pcap.h and pcap/bpf.h: {@code struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; }},
 * {@code struct bpf_insn { u_short code; u_char jt; u_char jf; bpf_u_int32 k; }},
 * {@code struct pcap_pkthdr { struct timeval ts; bpf_u_int32 caplen; bpf_u_int32 len; }} (timeval is two
 * longs: 16 bytes), {@code struct pcap_stat { u_int ps_recv, ps_drop, ps_ifdrop; }} (no Windows fields),
 * {@code struct pcap_if { next, name, description, addresses; bpf_u_int32 flags; }} and
 * {@code struct pcap_addr { next, addr, netmask, broadaddr, dstaddr; }}.
 */
final class PcapLayouts {
    private PcapLayouts() { }

    /** PCAP_ERRBUF_SIZE. */
    static final int ERRBUF_SIZE = 256;

    static final StructLayout BPF_INSN = MemoryLayout.structLayout(
        ValueLayout.JAVA_SHORT.withName("code"),
        ValueLayout.JAVA_BYTE.withName("jt"),
        ValueLayout.JAVA_BYTE.withName("jf"),
        ValueLayout.JAVA_INT.withName("k"));

    static final StructLayout BPF_PROGRAM = MemoryLayout.structLayout(
        ValueLayout.JAVA_INT.withName("bf_len"),
        MemoryLayout.paddingLayout(4),
        ValueLayout.ADDRESS.withName("bf_insns"));

    static final StructLayout PCAP_PKTHDR = MemoryLayout.structLayout(
        ValueLayout.JAVA_LONG.withName("tv_sec"),
        ValueLayout.JAVA_LONG.withName("tv_usec"),
        ValueLayout.JAVA_INT.withName("caplen"),
        ValueLayout.JAVA_INT.withName("len"));

    static final StructLayout PCAP_STAT = MemoryLayout.structLayout(
        ValueLayout.JAVA_INT.withName("ps_recv"),
        ValueLayout.JAVA_INT.withName("ps_drop"),
        ValueLayout.JAVA_INT.withName("ps_ifdrop"));

    static final StructLayout PCAP_IF = MemoryLayout.structLayout(
        ValueLayout.ADDRESS.withName("next"),
        ValueLayout.ADDRESS.withName("name"),
        ValueLayout.ADDRESS.withName("description"),
        ValueLayout.ADDRESS.withName("addresses"),
        ValueLayout.JAVA_INT.withName("flags"),
        MemoryLayout.paddingLayout(4));

    static final StructLayout PCAP_ADDR = MemoryLayout.structLayout(
        ValueLayout.ADDRESS.withName("next"),
        ValueLayout.ADDRESS.withName("addr"),
        ValueLayout.ADDRESS.withName("netmask"),
        ValueLayout.ADDRESS.withName("broadaddr"),
        ValueLayout.ADDRESS.withName("dstaddr"));

    static final long INSN_CODE = offset(BPF_INSN, "code");
    static final long INSN_JT = offset(BPF_INSN, "jt");
    static final long INSN_JF = offset(BPF_INSN, "jf");
    static final long INSN_K = offset(BPF_INSN, "k");
    static final long PROGRAM_LEN = offset(BPF_PROGRAM, "bf_len");
    static final long PROGRAM_INSNS = offset(BPF_PROGRAM, "bf_insns");
    static final long PKTHDR_SEC = offset(PCAP_PKTHDR, "tv_sec");
    static final long PKTHDR_USEC = offset(PCAP_PKTHDR, "tv_usec");
    static final long PKTHDR_CAPLEN = offset(PCAP_PKTHDR, "caplen");
    static final long PKTHDR_LEN = offset(PCAP_PKTHDR, "len");
    static final long STAT_RECV = offset(PCAP_STAT, "ps_recv");
    static final long STAT_DROP = offset(PCAP_STAT, "ps_drop");
    static final long STAT_IFDROP = offset(PCAP_STAT, "ps_ifdrop");
    static final long IF_NEXT = offset(PCAP_IF, "next");
    static final long IF_NAME = offset(PCAP_IF, "name");
    static final long IF_DESCRIPTION = offset(PCAP_IF, "description");
    static final long IF_ADDRESSES = offset(PCAP_IF, "addresses");
    static final long IF_FLAGS = offset(PCAP_IF, "flags");
    static final long ADDR_NEXT = offset(PCAP_ADDR, "next");
    static final long ADDR_ADDR = offset(PCAP_ADDR, "addr");
    static final long ADDR_NETMASK = offset(PCAP_ADDR, "netmask");

    private static long offset(StructLayout layout, String field) {
        return layout.byteOffset(PathElement.groupElement(field));
    }
}
