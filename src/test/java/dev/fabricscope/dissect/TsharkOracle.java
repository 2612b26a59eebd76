package dev.fabricscope.dissect;

import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compares our dissection with tshark's, field by field and frame by frame. tshark runs with IP
 * reassembly off (so a first fragment shows its own UDP/TCP header, as we do) and TFTP disabled (so
 * RoCEv2 from UDP source port 69 is decoded by destination port 4791, as we do: see the rdma README).
 */
final class TsharkOracle {
    private TsharkOracle() { }

    /** tshark -e fields, in the order {@link #ours} produces them. */
    static final List<String> FIELDS = List.of("vlan.id", "ieee8021ad.id", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto",
        "tcp.srcport", "tcp.dstport", "tcp.len", "udp.srcport", "udp.dstport", "udp.length",
        "infiniband.lrh.dlid", "infiniband.lrh.slid", "infiniband.lrh.lnh", "infiniband.bth.opcode",
        "infiniband.bth.destqp");
    /** Fields of the inner packet that tshark decodes after GRE and we deliberately do not. */
    static final List<String> AFTER_GRE = List.of("tcp.srcport", "tcp.dstport", "tcp.len", "udp.srcport",
        "udp.dstport", "udp.length");

    /** IP and transport fields (not compared past a stack deeper than we keep). */
    static final List<String> IP_FIELDS = List.of("ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto",
        "tcp.srcport", "tcp.dstport", "tcp.len", "udp.srcport", "udp.dstport", "udp.length");

    static void assumeTshark() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        assumeTrue(ok, "tshark not installed (apt-get install tshark): skipping the tshark comparison");
    }

    /** One row of tshark fields per frame (first occurrence of each). */
    static List<String[]> tshark(Path file, List<String> extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-T", "fields",
            "-E", "occurrence=f", "-E", "separator=\t", "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
            "--disable-protocol", "tftp"));
        cmd.addAll(extraArgs);
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("tshark failed on " + file);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.isEmpty()) continue;
            String[] row = line.split("\t", -1);
            rows.add(java.util.Arrays.copyOf(row, FIELDS.size()));
        }
        return rows;
    }

    /** Our values for {@link #FIELDS}, "" where we decoded nothing. */
    static String[] ours(Packet p, Layers l) {
        String[] v = new String[FIELDS.size()];
        java.util.Arrays.fill(v, "");
        // tshark shows 802.1ad (0x88a8) tags as ieee8021ad, 802.1Q and 0x9100 tags as vlan
        for (int i = l.vlanCount - 1; i >= 0; i--) {
            if (l.vlanTpid[i] == 0x88a8) v[1] = Integer.toString(l.vlanVid[i]);
            else v[0] = Integer.toString(l.vlanVid[i]);
        }
        if (l.networkKind == NetworkKind.IPV4) {
            v[2] = address(p, l.srcAddrOffset, 4);
            v[3] = address(p, l.dstAddrOffset, 4);
            v[6] = Integer.toString(l.ipProtocol);
        } else if (l.networkKind == NetworkKind.IPV6) {
            v[4] = address(p, l.srcAddrOffset, 16);
            v[5] = address(p, l.dstAddrOffset, 16);
        }
        if (l.transportKind == TransportKind.TCP) {
            v[7] = Integer.toString(l.srcPort);
            v[8] = Integer.toString(l.dstPort);
            v[9] = Integer.toString(l.payloadWireLength);
        } else if (l.transportKind == TransportKind.UDP) {
            v[10] = Integer.toString(l.srcPort);
            v[11] = Integer.toString(l.dstPort);
            v[12] = Integer.toString(l.udpLength);
        }
        if (l.ibLrhOffset >= 0) {
            v[13] = Integer.toString(p.u16(l.ibLrhOffset + 2));
            v[14] = Integer.toString(p.u16(l.ibLrhOffset + 6));
            v[15] = Integer.toString(p.u8(l.ibLrhOffset + 1) & 3);
        }
        if (l.ibBthOffset >= 0) {
            v[16] = Integer.toString(p.u8(l.ibBthOffset));
            v[17] = Long.toString(p.u32(l.ibBthOffset + 4) & 0xffffff);
        }
        return v;
    }

    private static String address(Packet p, int off, int len) {
        byte[] b = new byte[len];
        p.copyTo(off, b, 0, len);
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** tshark's value in our notation: addresses canonicalised, hex numbers to decimal. */
    static String normalise(String field, String value) {
        if (value.isEmpty()) return value;
        if (field.endsWith(".src") || field.endsWith(".dst")) {
            if (field.startsWith("ip")) {
                try {
                    return InetAddress.getByName(value).getHostAddress();   // literal: no lookup
                } catch (java.net.UnknownHostException e) {
                    return value;
                }
            }
            return value;
        }
        try {
            return Long.toString(Long.decode(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Every difference between tshark and us on {@code file}, one line each; empty when they agree. */
    static List<String> compare(Path file) throws IOException, InterruptedException {
        return compare(file, List.of());
    }

    /**
     * As {@link #compare(Path)} with extra tshark options. Deliberate differences are not compared:
     * fields after GRE (see above), fields past a stack deeper than we keep (TOO_MANY_*),
     * and a BTH that tshark finds on UDP source port 4791 (we classify RoCEv2 by destination port only).
     */
    static List<String> compare(Path file, List<String> extraArgs) throws IOException, InterruptedException {
        List<String[]> theirs = tshark(file, extraArgs);
        List<String> diffs = new ArrayList<>();
        Layers l = new Layers();
        Packet p = new Packet();
        int frame = 0;
        try (PacketSource src = CaptureFiles.open(file.toString(), ProblemReporter.IGNORE)) {
            while (src.next(p)) {
                frame++;
                Dissector.dissect(p, l);
                String[] ours = ours(p, l);
                if (frame > theirs.size()) {
                    diffs.add(file.getFileName() + " frame " + frame + ": tshark has no row");
                    continue;
                }
                String[] row = theirs.get(frame - 1);
                for (int i = 0; i < FIELDS.size(); i++) {
                    String field = FIELDS.get(i);
                    if (l.transportKind == TransportKind.GRE && AFTER_GRE.contains(field)) continue;
                    // a GRE-bridged inner Ethernet frame's tags: tshark shows them, we stop at GRE
                    if (l.transportKind == TransportKind.GRE && field.endsWith(".id") && ours[i].isEmpty()) continue;
                    if ((l.malformed == Malformed.TOO_MANY_VLAN_TAGS || l.malformed == Malformed.TOO_MANY_MPLS_LABELS)
                        && IP_FIELDS.contains(field)) continue;
                    if (l.transportKind == TransportKind.UDP && l.srcPort == 4791 && l.dstPort != 4791
                        && field.startsWith("infiniband.bth")) continue;
                    String t = normalise(field, row[i] == null ? "" : row[i]);
                    if (!t.equals(ours[i])) {
                        diffs.add(file.getFileName() + " frame " + frame + " " + field + ": tshark '" + t
                            + "' ours '" + ours[i] + "'" + (l.isMalformed() ? " (" + l.malformed + ")" : ""));
                    }
                }
            }
        }
        if (frame != theirs.size()) diffs.add(file.getFileName() + ": " + frame + " frames, tshark " + theirs.size());
        return diffs;
    }

    /** Writes frames of one link type to a pcap file with our writer. */
    static void writePcap(Path file, int linkType, List<byte[]> frames) throws IOException {
        CaptureInterface iface = new CaptureInterface("test", "", linkType, 262144, 1000);
        Packet p = new Packet();
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAP, 262144, linkType, TimestampPrecision.MICRO))) {
            long n = 0;
            for (byte[] f : frames) {
                n++;
                p.set(f, 0, f.length, f.length, 1_700_000_000_000_000_000L + n * 1000, 0,
                    linkType, n);
                w.write(p, iface);
            }
        }
    }
}
