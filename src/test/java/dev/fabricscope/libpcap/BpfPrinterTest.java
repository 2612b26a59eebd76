package dev.fabricscope.libpcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BpfPrinter against tcpdump -d/-dd/-ddd run on header-only pcap files of several link types. */
class BpfPrinterTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needTools() {
        assumeTrue(Libpcap.available(), "libpcap (package libpcap0.8) is not installed");
        Oracles.tcpdump();
    }

    // the interpreter's list plus expressions that print every other instruction form
    static List<String> expressions() {
        List<String> all = new ArrayList<>(BpfInterpreterTest.FILTERS);
        all.addAll(List.of("", "ip[0] - ip[1] = 3", "ip[0] & ip[1] = 0", "ip[0] | ip[1] = 0", "ip[0] ^ ip[1] = 0",
            "ip[0] * ip[1] = 0", "ip[0] / ip[1] = 0", "ip[0] % ip[1] = 1", "ip[0] << ip[1] = 0",
            "ip[0] >> ip[1] = 0", "-ip[0] = 0", "len - 4 > ip[2:2]", "ip[2:2] > len", "ip[ip[0] & 3] = 5",
            "tcp[tcp[12] >> 2] = 22", "ip6 protochain 58", "ip proto 47 or ip6 proto 47",
            "ip and ip[0:4] & 0x0fffffff != 0 and ip[2:2] >= 100 and ip[2:2] < 1000"));
        return all;
    }

    @Test
    void imageFormatMatchesTcpdumpForSeveralLinkTypesWithAndWithoutOptimizer() throws IOException {
        int compared = 0;
        int[] linkTypes = {1, 101, 113, 276, 0, 228};   // EN10MB, RAW, LINUX_SLL, LINUX_SLL2, NULL, IPV4
        for (int lt : linkTypes) {
            Path file = Oracles.emptyPcap(dir, lt, lt == 1 ? 65535 : 262144);
            for (String expr : expressions()) {
                compared += compare(file, lt, lt == 1 ? 65535 : 262144, expr, true, "-d");
                if (lt == 1) compared += compare(file, lt, 65535, expr, false, "-d");
            }
        }
        assertTrue(compared > 200, "only " + compared + " programs compiled");
    }

    @Test
    void cArrayAndDecimalFormatsMatchTcpdump() throws IOException {
        Path file = Oracles.emptyPcap(dir, 1, 262144);
        for (String expr : expressions()) {
            compare(file, 1, 262144, expr, true, "-dd");
            compare(file, 1, 262144, expr, true, "-ddd");
            compare(file, 1, 262144, expr, false, "-ddd");
        }
    }

    @Test
    void deadHandleProgramsEqualTcpdumpsForEthernet() throws IOException {
        // pcap_open_dead and savefile code generation differ only for NULL/LOOP and a few keywords
        Path file = Oracles.emptyPcap(dir, 1, 262144);
        for (String expr : BpfInterpreterTest.FILTERS) {
            Oracles.Run tcpdump = Oracles.tcpdump("-d", "-r", file.toString(), "--", expr);
            assertEquals(tcpdump.out(), BpfPrinter.dump(BpfCompiler.compile(expr, 1, 262144, true, 0),
                BpfPrinter.Format.IMAGE), expr);
        }
    }

    @Test
    void ancillaryLoadsAndUnimplementedOpcodesPrintAsBpfImage() {
        // bpf_image (libpcap 1.10.3, Linux) names SKF_AD loads and prints opcodes it lacks as unimp;
        // expected text written from bpf_image.c's format strings
        BpfProgram p = BpfProgram.of(
            BpfInstruction.stmt(Bpf.LD | Bpf.B | Bpf.ABS, Bpf.SKF_AD_OFF + 44),
            BpfInstruction.stmt(Bpf.LD | Bpf.W | Bpf.ABS, Bpf.SKF_AD_OFF + 2),
            BpfInstruction.stmt(Bpf.LDX | Bpf.W | Bpf.LEN, 0),
            BpfInstruction.stmt(Bpf.RET | Bpf.A, 0));
        assertEquals("(000) ldb      [vlan_tci]\n(001) ld       [-4094]\n(002) unimp    0x81\n(003) ret      \n",
            BpfPrinter.dump(p, BpfPrinter.Format.IMAGE));
    }

    /** Compares one program with tcpdump's; returns 1 when compiled, 0 when both reject the expression. */
    private static int compare(Path file, int linkType, int snaplen, String expr, boolean optimize, String flag) {
        List<String> args = new ArrayList<>(List.of(flag, "-r", file.toString()));
        if (!optimize) args.add("-O");
        args.add("--");   // "-ip[0] = 0" is an expression, not options
        args.add(expr);
        Oracles.Run tcpdump = Oracles.tcpdump(args.toArray(String[]::new));
        String where = "tcpdump " + String.join(" ", args) + " (link type " + linkType + ")";
        BpfProgram program;
        try {
            program = BpfCompiler.compileForFile(expr, linkType, snaplen, optimize, 0);
        } catch (BpfCompileException e) {
            assertEquals(1, tcpdump.exitCode(), where + " accepted what libpcap rejected for us: " + e.getMessage());
            assertTrue(tcpdump.err().contains("tcpdump: " + e.getMessage() + "\n"), where + ": " + tcpdump.err());
            return 0;
        }
        assertEquals(0, tcpdump.exitCode(), where + ": " + tcpdump.err());
        BpfPrinter.Format format = BpfPrinter.Format.forDFlags(flag.length() - 1);
        assertEquals(tcpdump.out(), BpfPrinter.dump(program, format), where);
        return 1;
    }
}
