package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capture -r}: what we write must equal, byte for byte, what tcpdump -r ... -w writes. */
class CaptureCommandFileTest {
    private static final List<String> FILTERS = List.of("", "tcp", "udp dst port 4791", "ether proto 0x8809",
        "vlan && ether[14] & 224 == 32", "ip[1] & 0xfc == 40", "ip6", "tcp[tcpflags] & tcp-syn != 0");

    @TempDir
    Path tmp;

    private static List<String> withFilter(List<String> head, String filter) {
        List<String> cmd = new ArrayList<>(head);
        if (!filter.isEmpty()) cmd.addAll(Arrays.asList(filter.split(" ")));
        return cmd;
    }

    private Path tcpdumpWrite(Path input, String filter, String... extra) throws Exception {
        Path out = tmp.resolve("tcpdump-" + Math.abs((input + filter + Arrays.toString(extra)).hashCode()) + ".pcap");
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-r", input.toString(), "-w", out.toString()));
        cmd.addAll(List.of(extra));
        Oracles.Run r = Oracles.run(withFilter(cmd, filter));
        return r.exitCode() == 0 ? out : null;
    }

    private CliRun ours(Path input, Path out, String filter, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("capture", "-r", input.toString(), "-w", out.toString()));
        cmd.addAll(List.of(extra));
        return CliRun.of(withFilter(cmd, filter).toArray(String[]::new));
    }

    /**
     * The "reading from file" line names a file's link type as tcpdump does (libpcap's name and description of the
     * DLT the LINKTYPE stands for, or the number): every LINKTYPE from 0 to 300, and the largest.
     */
    @Test
    void bannerNamesEveryLinkTypeAsTcpdump() throws Exception {
        Oracles.requireTcpdump();
        Path input = tmp.resolve("empty.pcap");
        for (int linkType = 0; linkType <= 301; linkType++) {
            int value = linkType == 301 ? 0xffff : linkType;
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(value);
            Files.write(input, header.array());
            String tcpdump = Oracles.run("tcpdump", "-r", input.toString()).err().lines().findFirst().orElse("");
            CliRun ours = CliRun.of("capture", "-r", input.toString());
            assertEquals(tcpdump, ours.err().lines().findFirst().orElse(""), "LINKTYPE " + value);
        }
    }

    @Test
    void everySharedCaptureAndFilterIsWrittenAsTcpdumpWritesIt() throws Exception {
        Oracles.requireTcpdump();
        Oracles.requireLibpcap();
        int compared = 0;
        for (Path input : Oracles.allSharedCaptures()) {
            for (String filter : FILTERS) {
                Path expected = tcpdumpWrite(input, filter);
                Path actual = tmp.resolve("ours.pcap");
                CliRun run = ours(input, actual, filter);
                String what = input.getFileName() + " [" + filter + "]";
                if (expected == null) {
                    // libpcap rejects the filter for this link type: so must we, as a usage error
                    assertEquals(2, run.exitCode(), what + ": " + run.err());
                    continue;
                }
                assertEquals(0, run.exitCode(), what + ": " + run.err());
                assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), what);
                compared++;
            }
        }
        assertTrue(compared >= 50, "compared only " + compared + " file/filter pairs");
    }

    /**
     * tcpdump -F: the expression comes from the file ('#' comments, several lines), the one on the command line
     * is ignored; the same packets are written, and a missing file is the same one-line error.
     */
    @Test
    void filterFromAFileAsTcpdumpReadsIt() throws Exception {
        Oracles.requireTcpdump();
        Oracles.requireLibpcap();
        Path input = Path.of("samples/smc-mixed.pcap");
        Path file = tmp.resolve("smc.bpf");
        Files.writeString(file, "# SYNs of the SMC servers' ports\ntcp[tcpflags] & tcp-syn != 0 # handshakes\n"
            + "  and (port 12345 or port 6379)#no space before\n#\n");
        Path expected = tcpdumpWrite(input, "udp", "-F", file.toString());
        Path actual = tmp.resolve("ours-F.pcap");
        CliRun run = ours(input, actual, "udp", "-F", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] written = Files.readAllBytes(actual);
        assertArrayEquals(Files.readAllBytes(expected), written);
        assertTrue(written.length > 24 + 10 * 16, "the filter kept " + written.length + " bytes");

        Oracles.Run tcpdump = Oracles.run("tcpdump", "-r", input.toString(), "-F", tmp.resolve("none.bpf").toString());
        CliRun ours = CliRun.of("capture", "-r", input.toString(), "-F", tmp.resolve("none.bpf").toString());
        assertEquals(tcpdump.exitCode(), ours.exitCode());
        assertEquals(tcpdump.err().replace("tcpdump: ", "fabricscope: "), ours.err());   // header line, then the error
        assertEquals(2, CliRun.of("capture", "-r", input.toString(), "-F", "pcapng", "-w", actual.toString())
            .exitCode());   // the old meaning of -F: pointed to --format
    }

    /**
     * -Z as tcpdump -Z (a separate process: it gives up root for good): the file is written by, and owned by, the
     * user, with the same bytes; an unknown user is tcpdump's error after the header line, exit 1. Unlike Debian's
     * tcpdump, which keeps CAP_DAC_OVERRIDE to write, the user must be able to create the file: an open directory.
     */
    @Test
    void dashZGivesRootUpBeforeWritingAsTcpdumpDoes() throws Exception {
        Oracles.requireRootAndLibpcap();
        Oracles.requireTcpdump();
        Path open = Files.createTempDirectory("fabricscope-Z");
        try {
            Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Path ours = open.resolve("ours.pcap");
            Path theirs = open.resolve("tcpdump.pcap");
            Oracles.Run run = Oracles.run(Oracles.fabricscopeCommand("capture", "-r", "samples/smc-4conn.pcap", "-Z",
                "nobody", "-w", ours.toString()));
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(0, Oracles.run("tcpdump", "-r", "samples/smc-4conn.pcap", "-Z", "nobody", "-w",
                theirs.toString()).exitCode());
            assertEquals("nobody", Files.getOwner(ours).getName());
            assertEquals(Files.getOwner(theirs), Files.getOwner(ours));
            assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));

            Oracles.Run unknown = Oracles.run(Oracles.fabricscopeCommand("capture", "-r", "samples/smc-4conn.pcap",
                "-Z", "no-such-user-here", "-w", ours.toString()));
            Oracles.Run tcpdump = Oracles.run("tcpdump", "-r", "samples/smc-4conn.pcap", "-Z", "no-such-user-here",
                "-w", theirs.toString());
            assertEquals(tcpdump.exitCode(), unknown.exitCode());
            assertEquals(tcpdump.err().replace("tcpdump: ", "fabricscope: "), unknown.err());
        } finally {
            try (var files = Files.list(open)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(open);
        }
    }

    /** A pcap file header and records, little-endian µs, written here (the format is the spec). */
    private static byte[] pcap(long snaplen, byte[]... records) {
        return pcap(snaplen, 1, records);
    }

    private static byte[] pcap(long snaplen, int linkTypeField, byte[]... records) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + 16 * records.length
            + Arrays.stream(records).mapToInt(r -> r.length).sum()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt((int) snaplen)
            .putInt(linkTypeField);
        int sec = 1000;
        for (byte[] r : records) b.putInt(sec++).putInt(5).putInt(r.length).putInt(r.length + 10).put(r);
        return b.array();
    }

    @Test
    void oddSnapLengthsAreHandledAsLibpcapDoes() throws Exception {
        Oracles.requireTcpdump();
        byte[] frame = new byte[60];
        for (int i = 0; i < frame.length; i++) frame[i] = (byte) i;
        // records longer than the snaplen (cut to it), and a snaplen of 2^31 (262144 in the output)
        for (long snaplen : new long[] {40, 0x80000000L, 0}) {
            Path input = tmp.resolve("snap" + snaplen + ".pcap");
            Files.write(input, pcap(snaplen, frame, Arrays.copyOf(frame, 30)));
            Path expected = tcpdumpWrite(input, "");
            Path actual = tmp.resolve("ours-snap" + snaplen + ".pcap");
            assertEquals(0, ours(input, actual, "").exitCode());
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), "snaplen " + snaplen);
        }
    }

    @Test
    void fcsBitsOfTheLinkTypeFieldAreKeptAsTcpdumpKeepsThem() throws Exception {
        Oracles.requireTcpdump();
        Oracles.requireLibpcap();
        byte[] ipv4 = new byte[64];
        ipv4[12] = 0x08;
        ipv4[14] = 0x45;
        byte[] other = new byte[70];
        // 4-byte FCS (2 words, bit 26 set), an FCS length of 0 that is known, and every extension bit
        for (int field : new int[] {0x2400_0001, 0x0400_0001, 0xfc00_0001}) {
            Path input = tmp.resolve(String.format("fcs%08x.pcap", field));
            Files.write(input, pcap(65535, field, ipv4, other, ipv4));
            for (String filter : List.of("", "ip")) {
                Path expected = tcpdumpWrite(input, filter);
                Path actual = tmp.resolve("ours-fcs.pcap");
                CliRun run = ours(input, actual, filter);
                assertEquals(0, run.exitCode(), run.err());
                assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual),
                    String.format("link-type field 0x%08x [%s]", field, filter));
            }
        }
    }

    /** A little-endian pcapng block (draft-ietf-opsawg-pcapng layout): type, length, body padded to 4, length. */
    private static void block(java.io.ByteArrayOutputStream out, int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(12 + padded).put(body).position(8 + padded);
        b.putInt(12 + padded);
        out.writeBytes(b.array());
    }

    /** Ethernet pcapng, one interface with {@code snapLen}; packets: EPB lengths, or -N for an SPB of N bytes on the wire holding 60. */
    private static byte[] pcapng(long snapLen, int... packets) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer shb = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        block(out, 0x0a0d0d0a, shb.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1).array());
        java.nio.ByteBuffer idb = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        block(out, 1, idb.putShort((short) 1).putShort((short) 0).putInt((int) snapLen).array());
        int n = 0;
        for (int length : packets) {
            byte[] data = new byte[length < 0 ? 60 : length];
            Arrays.fill(data, (byte) ++n);
            java.nio.ByteBuffer body = java.nio.ByteBuffer.allocate((length < 0 ? 4 : 20) + data.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (length < 0) {
                block(out, 3, body.putInt(-length).put(data).array());
            } else {
                block(out, 6, body.putInt(0).putInt(0).putInt(1_000_000 * n).putInt(length).putInt(length).put(data).array());
            }
        }
        return out.toByteArray();
    }

    @Test
    void pcapngPacketsBeyondTheSnapLenOrTheirBlockEndTheFileAsInTcpdump() throws Exception {
        Oracles.requireTcpdump();
        Oracles.requireLibpcap();
        record Case(long snapLen, int[] packets, String problem) { }
        List<Case> cases = List.of(
            new Case(40, new int[] {30, 60, 30}, "has caplen 60, larger than the interface's snaplen 40"),
            new Case(100, new int[] {60, 30, 120, 60}, "has caplen 120, larger than the interface's snaplen 100"),
            new Case(0, new int[] {60, -60, 2000, -40}, null),            // SPBs that hold exactly their packet
            new Case(50, new int[] {40, -90, 50}, null),            // SPB: min(90, snaplen 50) = 50 of 60 held
            new Case(0, new int[] {60, 30, -90, 60}, "needs 90 bytes of packet data but room for only 60 bytes"),
            new Case(300_000, new int[] {60, 300_000}, null),             // libpcap 1.10 keeps a snaplen above 262144
            new Case(300_000, new int[] {60, 300_001}, "has caplen 300001, larger than the interface's snaplen 300000"),
            new Case(0x8000_0000L, new int[] {60, 262_145}, "has caplen 262145, larger than the interface's snaplen 262144"));
        int n = 0;
        for (Case c : cases) {
            Path input = tmp.resolve("ng" + n++ + ".pcapng");
            Files.write(input, pcapng(c.snapLen(), c.packets()));
            Path expected = tmp.resolve("tcpdump-" + input.getFileName() + ".pcap");
            Oracles.Run tcpdump = Oracles.run("tcpdump", "-r", input.toString(), "-w", expected.toString());
            // tcpdump writes the packets before the bad one, then fails
            assertEquals(c.problem() == null, tcpdump.exitCode() == 0, input.getFileName() + ": " + tcpdump.err());
            Path actual = tmp.resolve("ours-" + input.getFileName() + ".pcap");
            CliRun run = ours(input, actual, "", "--format", "pcap");
            String what = input.getFileName() + " " + Arrays.toString(c.packets());
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), what);
            assertEquals(tcpdump.exitCode(), run.exitCode(), what);
            // libpcap reads up to the first interface when it opens a pcapng file: the banner names its link type
            String banner = tcpdump.err().lines().findFirst().orElse("");
            assertTrue(banner.startsWith("reading from file " + input), banner);
            assertEquals(banner, run.err().lines().findFirst().orElse(""), what);
            if (c.problem() == null) {
                assertEquals(banner + "\n", run.err(), what);
            } else {
                assertTrue(run.err().contains(c.problem()) && run.err().contains(input.toString()), what + ": " + run.err());
            }
        }
    }

    @Test
    void stdinToStdoutIsWhatTcpdumpWrites() throws Exception {
        Oracles.requireTcpdump();
        Path input = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Path expected = tcpdumpWrite(input, "udp");
        Path actual = tmp.resolve("piped.pcap");
        ProcessBuilder pb = new ProcessBuilder(Oracles.fabricscopeCommand("capture", "-r", "-", "-w", "-", "udp"))
            .redirectInput(input.toFile()).redirectOutput(actual.toFile()).redirectError(tmp.resolve("e").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("e")));
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
    }

    @Test
    void pcapngInputKeepsItsFormatAndInterfacesUnlessToldOtherwise() throws Exception {
        Oracles.requireTshark();
        Oracles.requireTool("editcap", "tshark");
        Path input = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Path ng = tmp.resolve("in.pcapng");
        assertEquals(0, Oracles.run("editcap", "-F", "pcapng", input.toString(), ng.toString()).exitCode());
        Path out = tmp.resolve("out.pcapng");
        assertEquals(0, ours(ng, out, "tcp").exitCode());
        String fields = "frame.time_epoch,frame.len,frame.cap_len,ip.src,tcp.srcport";
        List<String> args = new ArrayList<>(List.of("tshark", "-T", "fields", "-E", "separator=,"));
        for (String f : fields.split(",")) args.addAll(List.of("-e", f));
        List<String> want = new ArrayList<>(args);
        want.addAll(List.of("-r", ng.toString(), "-Y", "tcp"));
        List<String> got = new ArrayList<>(args);
        got.addAll(List.of("-r", out.toString()));
        Oracles.Run expected = Oracles.run(want);
        Oracles.Run actual = Oracles.run(got);
        assertTrue(expected.out().lines().count() > 5, expected.out());
        assertEquals(expected.out(), actual.out());
        assertTrue(Oracles.run("capinfos", "-t", out.toString()).out().contains("pcapng"));
        // -F pcap from pcapng input: what tcpdump writes
        Path asPcap = tmp.resolve("out.pcap");
        assertEquals(0, ours(ng, asPcap, "tcp", "--format", "pcap").exitCode());
        assertArrayEquals(Files.readAllBytes(tcpdumpWrite(ng, "tcp")), Files.readAllBytes(asPcap));
    }

    /** -G on packet time, aligned, with -W: files per 10 s of packet time, each packet once, then stop. */
    @Test
    void timeRotationOnPacketTimeAlignedAndLimited() throws Exception {
        Oracles.requireTcpdump();
        Path input = generated("slow.pcap", "--connections", "100", "--rate", "4", "--seed", "5");  // ~24 s from 12:00
        Path dir = Files.createDirectories(tmp.resolve("g"));
        CliRun run = CliRun.of("capture", "-r", input.toString(), "-w", dir.resolve("part-%s.pcap").toString(),
            "-G", "10", "--align-rotation", "-W", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("Maximum file limit reached: 2"), run.err());
        assertEquals(List.of("part-1709294400.pcap", "part-1709294410.pcap"), list(dir));
        // together the two files hold exactly the input's packets up to the first one of 12:00:20 or later
        // (which would open a third file), in order; the input is not strictly time-ordered, so a late
        // packet stamped before a file's start stays in that file
        List<String> all = Oracles.run("tcpdump", "-tt", "-n", "-S", "-r", input.toString()).out().lines().toList();
        int stop = 0;
        while (stop < all.size() && Long.parseLong(all.get(stop).substring(0, all.get(stop).indexOf('.'))) < 1709294420L) {
            stop++;
        }
        List<String> expected = all.subList(0, stop);
        List<String> written = new ArrayList<>();
        for (String name : list(dir)) {
            written.addAll(Oracles.run("tcpdump", "-tt", "-n", "-S", "-r", dir.resolve(name).toString()).out().lines().toList());
        }
        assertTrue(expected.size() > 100 && stop < all.size(), "input does not span three intervals: " + stop);
        assertEquals(expected.size(), written.size(), "packets written");
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), written.get(i), "packet " + (i + 1));
    }

    /** Without -w the command prints tcpdump -n lines: relative sequence numbers, absolute with -S; -q and -v. */
    @Test
    void printedLinesAreTcpdumps() throws Exception {
        Oracles.requireTcpdump();
        Path input = Path.of("samples/smc-4conn.pcap");
        for (List<String> mode : List.of(List.<String>of(), List.of("-q"), List.of("-S"), List.of("-v"),
                List.of("-S", "-v"))) {
            String[] both = tcpdumpAndCapture(input, mode);
            assertTrue(both[0].lines().count() >= 44, both[0]);  // 44 packets, -v: 2 lines each
            assertEquals(both[0], both[1], mode.toString());
        }
    }

    /**
     * The whole output on a generated mix (SMC and background TCP/UDP over IPv4 and IPv6: HTTP, RESP, DNS, NTP,
     * syslog; connections starting before the capture, retransmissions, out-of-order segments) is tcpdump's, byte for
     * byte: relative sequence numbers by default, absolute with -S, and -v, -vv.
     */
    @Test
    void wholeOutputOnAGeneratedMixIsTcpdumps() throws Exception {
        Oracles.requireTcpdump();
        Path input = generated("mix.pcap", "--connections", "300", "--seed", "9");
        for (List<String> mode : List.of(List.<String>of(), List.of("-S"), List.of("-v"), List.of("-vv"))) {
            String[] both = tcpdumpAndCapture(input, mode);
            List<String> want = both[0].lines().toList();
            List<String> got = both[1].lines().toList();
            assertTrue(want.size() > 10_000, "lines: " + want.size());
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                assertEquals(want.get(i), got.get(i), "line " + (i + 1) + " " + mode);
            }
            assertEquals(want.size(), got.size(), "lines " + mode);
        }
    }

    /** What {@code tcpdump -n MODE -r input} and {@code capture -r input MODE} print (in that order); ours exits 0. */
    private static String[] tcpdumpAndCapture(Path input, List<String> mode) {
        List<String> t = new ArrayList<>(List.of("tcpdump", "-n"));
        t.addAll(mode);
        t.addAll(List.of("-r", input.toString()));
        Oracles.Run expected = Oracles.run(t);
        assertEquals(0, expected.exitCode(), expected.err());
        List<String> ours = new ArrayList<>(List.of("capture", "-r", input.toString()));
        ours.addAll(mode);
        Oracles.Run actual = Oracles.run(Oracles.fabricscopeCommand(ours.toArray(String[]::new)));
        assertEquals(0, actual.exitCode(), actual.err());
        return new String[] {expected.out(), actual.out()};
    }

    /** ../shared/bench/gen_smc_bench.py's capture for {@code args}, as {@code name} in the temporary directory. */
    private Path generated(String name, String... args) {
        Oracles.requireTool("python3", "python3");
        Path gen = Oracles.sharedCaptures().getParent().resolve("bench/gen_smc_bench.py");
        assumeTrue(Files.exists(gen), gen + " missing");
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("python3", gen.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-o", out.toString(), "-q"));
        Oracles.Run g = Oracles.run(cmd);
        assertEquals(0, g.exitCode(), g.err());
        return out;
    }

    @Test
    void countLimitStopsLikeTcpdump() throws Exception {
        Oracles.requireTcpdump();
        Path input = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Path expected = tcpdumpWrite(input, "", "-c", "7");
        Path actual = tmp.resolve("c7.pcap");
        assertEquals(0, ours(input, actual, "", "-c", "7").exitCode());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
    }

    @Test
    void gzipInputIsReadTransparently() throws Exception {
        Oracles.requireTcpdump();
        Path input = Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap");
        Path gz = tmp.resolve("in.pcap.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(input));
        }
        Path expected = tcpdumpWrite(input, "");
        Path actual = tmp.resolve("fromgz.pcap");
        assertEquals(0, ours(gz, actual, "").exitCode());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
    }

    @Test
    void truncatedInputKeepsCompletePacketsReportsOffsetAndExitsOne() throws Exception {
        Oracles.requireTcpdump();
        byte[] whole = Files.readAllBytes(Oracles.sharedCapture("rdma/oferby-proxy_roce.pcap"));
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        // tcpdump writes every complete record, then reports the truncation (exit 1)
        Path expected = tmp.resolve("tcpdump-cut.pcap");
        Oracles.Run t = Oracles.run("tcpdump", "-r", cut.toString(), "-w", expected.toString());
        assertEquals(1, t.exitCode(), t.err());
        Path actual = tmp.resolve("ours-cut.pcap");
        CliRun run = ours(cut, actual, "");
        assertEquals(1, run.exitCode());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual));
        List<String> problems = run.err().lines().filter(l -> l.startsWith("fabricscope: ")).toList();
        assertEquals(1, problems.size(), run.err());
        assertTrue(problems.getFirst().contains("cut.pcap") && problems.getFirst().contains("offset"), run.err());
    }

    @Test
    void badExpressionIsLibpcapsMessageAndExitTwo() throws Exception {
        Oracles.requireTcpdump();
        Oracles.requireLibpcap();
        Path input = Oracles.sharedCapture("lacp/LACP.pcap");
        Oracles.Run t = Oracles.run("tcpdump", "-r", input.toString(), "-w", "/dev/null", "tcp", "port");
        String libpcapMessage = t.err().lines().filter(l -> l.startsWith("tcpdump: "))
            .map(l -> l.substring("tcpdump: ".length())).reduce((a, b) -> b).orElseThrow();
        CliRun run = ours(input, tmp.resolve("x.pcap"), "tcp port");
        assertEquals(2, run.exitCode());
        assertEquals("fabricscope: " + libpcapMessage, run.err().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void missingFileIsOneLineAndExitOne() {
        CliRun run = CliRun.of("capture", "-r", tmp.resolve("nope.pcap").toString(), "-w", "/dev/null");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("nope.pcap") && run.err().contains("no such file"), run.err());
    }

    @Test
    void notACaptureFileIsOneLineAndExitOne() throws IOException {
        Path junk = tmp.resolve("junk.pcap");
        Files.writeString(junk, "this is not a capture file at all");
        CliRun run = CliRun.of("capture", "-r", junk.toString(), "-w", "/dev/null");
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("fabricscope: ") && run.err().contains("junk.pcap"), run.err());
    }

    @Test
    void rotationOptionsWithoutWriteAreAUsageError() {
        CliRun run = CliRun.of("capture", "-r", "x.pcap", "-C", "1");
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void splittingWithMinusCGivesTcpdumpsFiles() throws Exception {
        Oracles.requireTcpdump();
        Path input = generated("bench.pcap", "--connections", "150", "--seed", "2");
        assumeTrue(Files.size(input) > 2_000_000, "generated input too small to split");
        for (String[] extra : List.of(new String[] {"-C", "1"}, new String[] {"-C", "1", "-W", "2"})) {
            Path theirs = Files.createDirectories(tmp.resolve("t" + extra.length));
            Path mine = Files.createDirectories(tmp.resolve("o" + extra.length));
            List<String> t = new ArrayList<>(List.of("tcpdump", "-r", input.toString(), "-w",
                theirs.resolve("part").toString()));
            t.addAll(List.of(extra));
            // as root, tcpdump drops to user "tcpdump" before opening rotated files: keep root for the temp dir
            if ("root".equals(System.getProperty("user.name"))) t.addAll(List.of("-Z", "root"));
            t.add("tcp");
            Oracles.Run r = Oracles.run(t);
            assertEquals(0, r.exitCode(), r.err());
            CliRun run = ours(input, mine.resolve("part"), "tcp", extra);
            assertEquals(0, run.exitCode(), run.err());
            List<String> names = list(theirs);
            assertTrue(names.size() >= 2, "tcpdump made " + names);
            assertEquals(names, list(mine), Arrays.toString(extra));
            for (String name : names) {
                assertArrayEquals(Files.readAllBytes(theirs.resolve(name)), Files.readAllBytes(mine.resolve(name)),
                    name + " " + Arrays.toString(extra));
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
