package dev.fabricscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.fabricscope.testing.ByteArrays.ascii;
import static dev.fabricscope.testing.ByteArrays.concat;
import static dev.fabricscope.testing.ByteArrays.hex;

import dev.fabricscope.testing.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capture -r F --json}: every field we print equals tshark's for the same packet, on every shared capture.
 * Our lines are read back by Python's json module (an independent parser) into tshark's -T fields columns.
 */
class CaptureJsonTest {
    /** tshark fields, and the Python expression giving ours in the same form ("" when we print nothing). */
    private static final List<String[]> COLUMNS = List.of(
        new String[] {"frame.number", "d['frame']"},
        // ours are the record's lengths; for an ERF record tshark gives those of the frame inside (16 bytes less)
        new String[] {"frame.len", "d['len'] - (16 if d['link_type'] == 'ERF' else 0)"},
        new String[] {"frame.cap_len", "d['cap_len'] - (16 if d['link_type'] == 'ERF' else 0)"},
        new String[] {"eth.src", "d.get('eth_src')"},
        new String[] {"eth.dst", "d.get('eth_dst')"},
        // IP over InfiniBand: the ethertype of the IPoIB header after the IB transport headers
        new String[] {"infiniband.rwh.etype", "'0x%04x' % d['ether_type'] if 'ether_type' in d and d['link_type'] == 'ERF' "
            + "and 'eth_src' not in d else None"},
        // tshark names 802.1ad (TPID 0x88a8) tags ieee8021ad, the others vlan
        new String[] {"vlan.id", "','.join(str(t['id']) for t in d.get('vlan', []) if t['tpid'] != 0x88a8) or None"},
        new String[] {"vlan.priority", "','.join(str(t['pcp']) for t in d.get('vlan', []) if t['tpid'] != 0x88a8) or None"},
        new String[] {"ieee8021ad.id", "','.join(str(t['id']) for t in d.get('vlan', []) if t['tpid'] == 0x88a8) or None"},
        new String[] {"mpls.label", "','.join(map(str, d['mpls'])) if 'mpls' in d else None"},
        // tshark's TCI is the byte's six TCI bits shifted down, its AN in hex; the SCI is its MAC and port number
        new String[] {"macsec.TCI", "'0x%02x' % (d['macsec_tci'] >> 2) if 'macsec_tci' in d else None"},
        new String[] {"macsec.AN", "'0x%02x' % d['macsec_an'] if 'macsec_an' in d else None"},
        new String[] {"macsec.SL", "d.get('macsec_sl')"},
        new String[] {"macsec.PN", "d.get('macsec_pn')"},
        new String[] {"macsec.SCI.system_identifier", "':'.join(d['macsec_sci'][i:i + 2] for i in range(0, 12, 2)) "
            + "if 'macsec_sci' in d else None"},
        new String[] {"macsec.SCI.port_identifier", "int(d['macsec_sci'][12:], 16) if 'macsec_sci' in d else None"},
        new String[] {"ip.src", "d.get('ip_src') if v == 4 else None"},
        new String[] {"ip.dst", "d.get('ip_dst') if v == 4 else None"},
        new String[] {"ipv6.src", "d.get('ip_src') if v == 6 else None"},
        new String[] {"ipv6.dst", "d.get('ip_dst') if v == 6 else None"},
        new String[] {"ip.proto", "d.get('ip_proto') if v == 4 else None"},
        new String[] {"ipv6.nxt", "d.get('ip_proto') if v == 6 else None"},
        new String[] {"ip.ttl", "d.get('ttl') if v == 4 else None"},
        new String[] {"ipv6.hlim", "d.get('ttl') if v == 6 else None"},
        new String[] {"ip.dsfield.dscp", "d.get('dscp') if v == 4 else None"},
        new String[] {"ip.dsfield.ecn", "d.get('ecn') if v == 4 else None"},
        new String[] {"ipv6.tclass.dscp", "d.get('dscp') if v == 6 else None"},
        new String[] {"ipv6.tclass.ecn", "d.get('ecn') if v == 6 else None"},
        // ours in bytes, tshark's in the header's 8-byte units
        new String[] {"ip.frag_offset", "d['fragment_offset'] // 8 if v == 4 and 'fragment_offset' in d else None"},
        new String[] {"ip.flags.mf", "(1 if d['more_fragments'] else 0) if v == 4 and 'more_fragments' in d else None"},
        new String[] {"tcp.srcport", "d.get('src_port') if tcp else None"},
        new String[] {"tcp.dstport", "d.get('dst_port') if tcp else None"},
        new String[] {"tcp.flags", "'0x%04x' % d['tcp_flags'] if tcp else None"},
        new String[] {"tcp.seq_raw", "d.get('tcp_seq')"},
        new String[] {"tcp.ack_raw", "d.get('tcp_ack')"},
        new String[] {"tcp.window_size_value", "d.get('tcp_window')"},
        new String[] {"tcp.len", "d.get('payload_length') if tcp else None"},
        new String[] {"udp.srcport", "d.get('src_port') if 'udp_length' in d else None"},
        new String[] {"udp.dstport", "d.get('dst_port') if 'udp_length' in d else None"},
        new String[] {"udp.length", "d.get('udp_length')"});

    /**
     * Our IPv6 ip_proto is the protocol after the extension headers: the Next Header of the last extension header
     * tshark shows (these follow the recommended order of RFC 8200 section 4.1), else of the IPv6 header.
     */
    private static final List<String> IPV6_EXTENSION_NEXT = List.of("ipv6.hopopts.nxt", "ipv6.dstopts.nxt",
        "ipv6.routing.nxt", "ipv6.fraghdr.nxt");

    private static final int IPV6_NEXT_COLUMN = COLUMNS.stream().map(c -> c[0]).toList().indexOf("ipv6.nxt");

    /** tshark prints every occurrence; the first is the outermost header, which is the one we describe. */
    private static String first(String tsharkField, String value) {
        if (List.of("vlan.id", "vlan.priority", "ieee8021ad.id", "mpls.label").contains(tsharkField)) return value;
        int comma = value.indexOf(',');
        return comma < 0 ? value : value.substring(0, comma);
    }

    /**
     * What tshark shows and we leave out (besides what follows a header we report malformed): the fragment fields of
     * an unfragmented IPv4 packet (we print them for fragments only).
     */
    private static boolean omittedOnPurpose(String field, String theirs) {
        return (field.equals("ip.frag_offset") || field.equals("ip.flags.mf")) && theirs.equals("0");
    }

    @TempDir
    Path tmp;

    /** Ethernet frames the shared captures lack: QinQ, IPv4 fragments, MPLS, plain IPv6 TCP, a cut IPv4 header. */
    private Path syntheticCapture() throws Exception {
        byte[] macs = hex("020000000002 020000000001");
        byte[] udp = concat(hex("1f90 270f 0010 0000"), ascii("8 bytes!"));
        byte[] firstFragment = concat(hex("4500 0024 0001 2000 4011 0000 0a000001 0a000002"), udp);
        byte[] secondFragment = concat(hex("4588 001c 0001 0002 3f11 0000 0a000001 0a000002"), ascii("more pls"));
        byte[] tcp = hex("c000 01bb 00000064 000000c8 5018 fff0 0000 0000");
        byte[] ipv4Tcp = concat(hex("4500 0028 0002 4000 4006 0000 c0a80001 c0a80002"), tcp);
        byte[] ipv6Tcp = concat(hex("6b812345 0014 06 3f 20010db8000000000000000000000001 20010db8000000000000000000000002"), tcp);
        List<byte[]> frames = List.of(
            concat(macs, hex("88a8 0064 8100 20c8 0800"), firstFragment),
            concat(macs, hex("8100 a064 0800"), secondFragment),
            concat(macs, hex("8847 00010140 000111ff"), ipv4Tcp),
            concat(macs, hex("86dd"), ipv6Tcp),
            concat(macs, hex("0800 4500 0028 00"))); // IPv4 header cut after 5 bytes
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(concat(hex("d4c3b2a1 0200 0400 00000000 00000000"), u32le(65535), u32le(1)));
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            file.writeBytes(concat(u32le(second++), u32le(250_000), u32le(f.length), u32le(f.length), f));
        }
        return Files.write(tmp.resolve("synthetic.pcap"), file.toByteArray());
    }

    /**
     * MACsec frames (tshark 4.0 decodes their SecTAG, and what an integrity-only one carries): with an SCI and IPv4
     * TCP, without one and a VLAN tag inside, a short length, encrypted (only the SecTAG), and an invalid version (tshark takes a short length beyond 6 bits
     * as MACsec, tcpdump and our dissector do not).
     */
    private Path macsecCapture() throws Exception {
        byte[] macs = hex("020000000002 020000000001");
        byte[] tcp = hex("c000 01bb 00000064 000000c8 5018 fff0 0000 0000");
        byte[] ipv4Tcp = concat(hex("4500 0028 0002 4000 4006 0000 c0a80001 c0a80002"), tcp);
        byte[] icv = hex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0");
        byte[] sci = hex("0011223344550001");
        return pcap("macsec.pcap", List.of(
            concat(macs, hex("88e5 21 00 00000044"), sci, hex("0800"), ipv4Tcp, icv),
            concat(macs, hex("88e5 02 00 fffffffe 8100 6064 0800"), ipv4Tcp, icv),
            concat(macs, hex("88e5 73 2a 00000007"), sci, hex("0800"), ipv4Tcp, hex("0000"), icv),
            concat(macs, hex("88e5 2c 00 00000045 0011223344550002"), ascii("ciphertext, thirty bytes long!"), icv),
            concat(macs, hex("88e5 a0 00 00000001"), sci, hex("0800"), ipv4Tcp, icv)));
    }

    private Path pcap(String name, List<byte[]> frames) throws Exception {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(concat(hex("d4c3b2a1 0200 0400 00000000 00000000"), u32le(65535), u32le(1)));
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            file.writeBytes(concat(u32le(second++), u32le(250_000), u32le(f.length), u32le(f.length), f));
        }
        return Files.write(tmp.resolve(name), file.toByteArray());
    }

    /**
     * Arista timestamp headers (tshark 4.0 has no dissector for them; the values are the frame's layout): two stacked
     * after a VLAN tag, then IPv4 TCP; a MACsec SecTAG after one; an unknown subtype, which is not walked.
     */
    @Test
    void aristaAndMacsecHeadersAreCountedAndTheTypeAfterThemGiven() throws Exception {
        byte[] macs = hex("020000000002 020000000001");
        byte[] ipv4Tcp = concat(hex("4500 0028 0002 4000 4006 0000 c0a80001 c0a80002"),
            hex("c000 01bb 00000064 000000c8 5018 fff0 0000 0000"));
        byte[] timestamp64 = hex("d28b 0001 0010 5e0be100 075bcd15");
        byte[] timestamp48 = hex("d28b 0001 0120 0001 00000002");
        Path capture = pcap("arista.pcap", List.of(
            concat(macs, hex("8100 0005"), timestamp64, timestamp48, hex("0800"), ipv4Tcp),
            concat(macs, timestamp64, hex("88e5 20 00 00000009 0011223344550001 0800"), ipv4Tcp, new byte[16]),
            concat(macs, hex("d28b 0002 0010 5e0be100 075bcd15 0800"), ipv4Tcp)));
        CliRun run = CliRun.of("capture", "-r", capture.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).contains("\"ether_type\":2048,\"outer_ether_type\":53899,\"arista_headers\":2,"
            + "\"vlan\":[{\"tpid\":33024,\"id\":5,"), lines.get(0));
        assertTrue(lines.get(0).contains("\"ip_src\":\"192.168.0.1\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"ether_type\":2048,\"outer_ether_type\":53899,\"arista_headers\":1,"
            + "\"macsec_tci\":32,\"macsec_an\":0,\"macsec_sl\":0,\"macsec_pn\":9,\"macsec_sci\":\"0011223344550001\","),
            lines.get(1));
        assertTrue(lines.get(2).endsWith("\"ether_type\":53899}"), lines.get(2));
    }

    private static byte[] u32le(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    @Test
    void aCutHeaderIsReportedWithItsReasonAndOffset() throws Exception {
        CliRun run = CliRun.of("capture", "-r", syntheticCapture().toString(), "--json");
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.err());
        assertTrue(lines.get(4).contains("\"malformed\":\"IPv4 header truncated\",\"malformed_offset\":14"), lines.get(4));
        assertTrue(lines.subList(0, 4).stream().noneMatch(l -> l.contains("malformed")), run.out());
    }

    /** -x adds packet_hex: each frame's captured bytes as tshark's -T json -x gives them (frame_raw). */
    @Test
    void packetHexIsTsharksFrameRaw() throws Exception {
        Oracles.requireTshark();
        Oracles.requireTool("python3", "python3");
        Path capture = syntheticCapture();
        CliRun ours = CliRun.of("capture", "-r", capture.toString(), "--json", "-x");
        assertEquals(0, ours.exitCode(), ours.err());
        Path oursFile = Files.writeString(tmp.resolve("ours.json"), ours.out());
        Oracles.Run tshark = Oracles.run("tshark", "-r", capture.toString(), "-T", "json", "-x");
        assertEquals(0, tshark.exitCode(), tshark.err());
        Path theirsFile = Files.writeString(tmp.resolve("theirs.json"), tshark.out());
        Path python = Files.writeString(tmp.resolve("raw.py"), "import json, sys\n"
            + "ours = [json.loads(l)['packet_hex'] for l in open(sys.argv[1])]\n"
            + "theirs = [p['_source']['layers']['frame_raw'][0] for p in json.load(open(sys.argv[2]))]\n"
            + "print(len(ours), len(theirs), sum(1 for a, b in zip(ours, theirs) if a == b))\n");
        Oracles.Run compared = Oracles.run("python3", python.toString(), oursFile.toString(), theirsFile.toString());
        assertEquals("5 5 5", compared.out().strip(), compared.err());
        assertTrue(!CliRun.of("capture", "-r", capture.toString(), "--json").out().contains("packet_hex"));
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRun.of("capture", "-r", "x.pcap", "--json", "-w", "y.pcap").exitCode());
        assertEquals(2, CliRun.of("capture", "-r", "x.pcap", "--json", "-v").exitCode());
    }

    @Test
    void everyFieldEqualsTsharksOnEverySharedCaptureAndOnFramesTheyLack() throws Exception {
        Oracles.requireTshark();
        Oracles.requireTool("python3", "python3");
        List<Path> captures = new ArrayList<>(Oracles.allSharedCaptures());
        captures.add(syntheticCapture());
        captures.add(macsecCapture());
        StringBuilder script = new StringBuilder("import json, sys\nfor line in open(sys.argv[1]):\n"
            + "    d = json.loads(line)\n    v = d.get('ip_version')\n    tcp = 'tcp_flags' in d\n    cols = [");
        for (String[] c : COLUMNS) script.append(c[1]).append(", ");
        script.append("d.get('malformed')]\n    print('\\t'.join('' if c is None else str(c) for c in cols))\n");
        Path python = Files.writeString(tmp.resolve("columns.py"), script);
        int packets = 0;
        int fields = 0;
        List<String> missing = new ArrayList<>();
        for (Path capture : captures) {
            CliRun ours = CliRun.of("capture", "-r", capture.toString(), "--json");
            assertEquals(0, ours.exitCode(), capture + ": " + ours.err());
            Path json = Files.writeString(tmp.resolve("ours.json"), ours.out());
            Oracles.Run columns = Oracles.run("python3", python.toString(), json.toString());
            assertEquals(0, columns.exitCode(), columns.err());
            List<String> tsharkCommand = new ArrayList<>(List.of("tshark", "-r", capture.toString(), "-T", "fields",
                "-E", "occurrence=a", "-o", "ip.defragment:FALSE"));
            for (String[] c : COLUMNS) tsharkCommand.addAll(List.of("-e", c[0]));
            for (String f : IPV6_EXTENSION_NEXT) tsharkCommand.addAll(List.of("-e", f));
            Oracles.Run tshark = Oracles.run(tsharkCommand);
            assertEquals(0, tshark.exitCode(), tshark.err());
            List<String> ourLines = columns.out().lines().toList();
            List<String> theirLines = tshark.out().lines().toList();
            assertEquals(theirLines.size(), ourLines.size(), capture + ": packets");
            for (int i = 0; i < ourLines.size(); i++) {
                String[] mine = ourLines.get(i).split("\t", -1);
                String[] theirs = theirLines.get(i).split("\t", -1);
                for (int e = 0; e < IPV6_EXTENSION_NEXT.size(); e++) {
                    String next = theirs[COLUMNS.size() + e];
                    if (!next.isEmpty()) theirs[IPV6_NEXT_COLUMN] = next;
                }
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String field = COLUMNS.get(c)[0];
                    if (mine[c].isEmpty()) {
                        boolean malformed = !mine[COLUMNS.size()].isEmpty();
                        if (!theirs[c].isEmpty() && !malformed && !omittedOnPurpose(field, theirs[c])) {
                            missing.add(capture.getFileName() + " frame " + (i + 1) + " " + field + "=" + theirs[c]);
                        }
                        continue;
                    }
                    assertEquals(first(field, theirs[c]), mine[c], capture.getFileName() + " frame " + (i + 1) + " " + field);
                    fields++;
                }
                packets++;
            }
        }
        assertEquals(List.of(), missing, "fields tshark shows and we do not");
        assertTrue(packets > 300 && fields > 10 * packets, packets + " packets, " + fields + " fields compared");
    }
}
