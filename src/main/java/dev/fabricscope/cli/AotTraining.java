package dev.fabricscope.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run the launcher records an AOT cache from (JDK 25 -XX:AOTCacheOutput) after each build:
 * the main commands, in one JVM, on the bundled samples, output discarded. Classes they load come
 * pre-parsed and pre-linked from the cache, and the methods they run start with profiles, so every later
 * run starts and warms up faster. Not a user command: {@code fabricscope __aot-training SAMPLES_DIR}.
 *
 * <p>The SMC commands train on {@code smc-mixed.pcap} (100 generated connections with split, coalesced,
 * retransmitted and out-of-order CLC messages, SYN-less flows, IPv6 and background traffic), not on the
 * four clean connections of {@code smc-4conn.pcap}: with profiles that had never seen those branches, the
 * JIT's code for a real capture met them, deoptimized and was compiled again mid-run (4.5M-packet
 * benchmark, same-minute A/B of 12+12 runs: mean 1.168 -> 1.089 s, 10 of 12 pairs faster).
 */
final class AotTraining {
    static final String NAME = "__aot-training";
    /** Rounds over the sample commands: enough for the hot methods to be profiled, about a second in all. */
    private static final int ROUNDS = 40;

    private AotTraining() { }

    static int run(Path samples) {
        String smc = samples.resolve("smc-4conn.pcap").toString();
        String smcMixed = samples.resolve("smc-mixed.pcap").toString();
        String lacp = samples.resolve("lacp.pcap").toString();
        for (String file : List.of(smc, smcMixed, lacp)) {
            if (!Files.isReadable(Path.of(file))) return 1;
        }
        List<String[]> commands = List.of(
            new String[] {"capture", "-r", smc, "-w", "/dev/null", "tcp"},
            new String[] {"capture", "-r", smc, "-q"},
            new String[] {"capture", "-r", smc, "--json"},
            new String[] {"smc-clc", "-f", smcMixed, "-show-timestamps=false"},
            new String[] {"smc-clc", "-f", smcMixed, "-json"},
            new String[] {"smc", "-r", smcMixed, "--json"},
            new String[] {"lacp", "-r", lacp, "--json"},
            new String[] {"lacp", "health", "-r", lacp, "--json"},
            new String[] {"rdma", "decode", "-r", smc},
            new String[] {"rdma", "conntrack", "-r", smc, "--json"},
            new String[] {"rdma", "qps", "-r", smc, "--json"});
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        for (int round = 0; round < ROUNDS; round++) {
            for (String[] command : commands) Main.run(command, discard, discard);
        }
        return 0;
    }
}
