package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that reads a capture file treats a damaged one as tcpdump does: one line on stderr naming the
 * file and offset, everything before the damage read and reported as for an intact file of those records, and
 * exit status 1 (a LAG fault's 3 still wins: the diagnosis of what was read stands).
 */
class DamagedInputExitTest {
    @TempDir
    Path tmp;

    private static final Path SAMPLES = Path.of("samples");

    @ParameterizedTest
    @ValueSource(strings = {"capture -n -r", "smc -r", "smc --json -r", "smc-clc -show-timestamps=false -f",
        "rdma decode -r", "rdma qps -r", "rdma conntrack -r", "rdma icrc -r", "lacp -r", "lacp health -r",
        "filter tcp -r"})
    void truncatedLastRecordIsReportedAndExitsOne(String command) throws Exception {
        String sample = command.startsWith("lacp") ? "lacp.pcap" : "smc-4conn.pcap";
        byte[] whole = Files.readAllBytes(SAMPLES.resolve(sample));
        int lastRecord = lastRecordOffset(whole);
        Path cut = Files.write(tmp.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 10));
        Path complete = Files.write(tmp.resolve("complete.pcap"), Arrays.copyOf(whole, lastRecord));

        CliRun intact = run(command, complete);
        CliRun damaged = run(command, cut);

        assertTrue(intact.exitCode() == 0 || intact.exitCode() == LacpHealthCommand.FAULTS_FOUND, intact.err());
        assertEquals(intact.exitCode() == 0 ? 1 : intact.exitCode(), damaged.exitCode(), damaged.err());
        List<String> problems = damaged.err().lines().filter(l -> l.contains("truncated record")).toList();
        assertEquals(1, problems.size(), damaged.err());
        assertTrue(problems.getFirst().contains("cut.pcap") && problems.getFirst().contains("offset " + lastRecord),
            problems.getFirst());
        // rdma decode prints nothing for an SMC capture; every other command reports the records it read
        assertEquals(command.startsWith("rdma decode"), damaged.out().isBlank(), damaged.out());
        assertEquals(intact.out().replace("complete.pcap", "cut.pcap"), damaged.out());
    }

    private static CliRun run(String command, Path file) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add(file.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Offset of the last record of a little-endian classic pcap file (24-byte header, 16-byte record headers). */
    private static int lastRecordOffset(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, b.getInt(0), "a little-endian microsecond pcap");
        int at = 24;
        int last = -1;
        while (at < pcap.length) {
            last = at;
            at += 16 + b.getInt(at + 8);
        }
        assertEquals(pcap.length, at);
        return last;
    }
}
