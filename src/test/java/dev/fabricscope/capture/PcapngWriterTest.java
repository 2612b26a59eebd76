package dev.fabricscope.capture;

import static dev.fabricscope.capture.WriterTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PcapngWriter output read back by tshark and tcpdump (the oracles) must show what was written. */
class PcapngWriterTest {
    @TempDir Path dir;

    private static final CaptureInterface ETH0 = new CaptureInterface("eth0", "first port", LinkType.EN10MB, 262144, 1000);
    private static final CaptureInterface IB0 = new CaptureInterface("ib0", "", LinkType.RAW, 65535, 1);
    private static final CaptureInterface UNNAMED = new CaptureInterface("", "", LinkType.EN10MB, 0, 1000);

    private record Written(Rec rec, CaptureInterface iface) { }

    /** Packets on three interfaces, interleaved, lengths 0..3 mod 4 to exercise the padding. */
    private static List<Written> packets() {
        List<Written> out = new ArrayList<>();
        long t = 1_700_000_000_123_456_789L;
        CaptureInterface[] ifaces = {ETH0, IB0, UNNAMED};
        for (int i = 0; i < 12; i++) {
            int id = i % 3;
            CaptureInterface iface = ifaces[id];
            int len = 60 + i;
            int orig = i == 5 ? 4000 : len;
            out.add(new Written(new Rec(t + i * 1_000_000_007L, orig, frame(len, i), iface.linkType(), id), iface));
        }
        return out;
    }

    private Path writeAll(List<Written> packets) throws Exception {
        Path file = dir.resolve("out.pcapng");
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAPNG, 0, 0, TimestampPrecision.MICRO))) {
            Packet view = new Packet();
            long frame = 1;
            for (Written p : packets) w.write(p.rec().packet(view, frame++), p.iface());
        }
        return file;
    }

    @Test
    void tsharkReadsInterfacesTimesAndLengths() throws Exception {
        assumeTool("tshark");
        List<Written> packets = packets();
        Path file = writeAll(packets);
        Result r = run(List.of("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.interface_id",
                "-e", "frame.interface_name", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(packets.size(), lines.size(), r.out());
        for (int i = 0; i < packets.size(); i++) {
            Written p = packets.get(i);
            String[] f = lines.get(i).split("\t", -1);
            assertEquals(String.valueOf(p.rec().interfaceId()), f[0], "interface id of frame " + (i + 1));
            if (!p.iface().name().isEmpty()) assertEquals(p.iface().name(), f[1], "interface name of frame " + (i + 1));
            long ts = p.rec().tsNanos();
            assertEquals(String.format("%d.%09d", ts / 1_000_000_000L, ts % 1_000_000_000L), f[2], "time of frame " + (i + 1));
            assertEquals(String.valueOf(p.rec().origLen()), f[3]);
            assertEquals(String.valueOf(p.rec().data().length), f[4]);
        }
    }

    @Test
    void tsharkSeesInterfaceDescriptionsAndSnaplens() throws Exception {
        assumeTool("capinfos");
        Path file = writeAll(packets());
        Result r = run(List.of("capinfos", "-M", file.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Number of interfaces in file: 3"), r.out());
        assertTrue(r.out().contains("Name = eth0"), r.out());
        assertTrue(r.out().contains("Description = first port"), r.out());
        assertTrue(r.out().contains("Name = ib0"), r.out());
        assertTrue(r.out().contains("Time precision = nanoseconds (9)"), r.out());
        assertTrue(r.out().contains("Capture length = 65535"), r.out());
    }

    @Test
    void tcpdumpReadsEveryPacketWithNanosecondTimes() throws Exception {
        assumeTool("tcpdump");
        // libpcap reads pcapng only when all interfaces share one link type: keep the Ethernet ones
        List<Written> packets = packets().stream().filter(p -> p.iface().linkType() == LinkType.EN10MB).toList();
        Path file = writeAll(packets);
        Result r = run(List.of("tcpdump", "-nn", "-tt", "--time-stamp-precision=nano", "-r", file.toString()), "UTC");
        assertEquals(0, r.exit(), r.err());
        // tcpdump hex-dumps unknown ethertypes on indented lines; one unindented line per packet
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("\t")).toList();
        assertEquals(packets.size(), lines.size(), r.out());
        for (int i = 0; i < packets.size(); i++) {
            long ts = packets.get(i).rec().tsNanos();
            String time = String.format("%d.%09d", ts / 1_000_000_000L, ts % 1_000_000_000L);
            assertTrue(lines.get(i).startsWith(time), lines.get(i));
        }
    }

    @Test
    void redefinedInterfaceIdGetsANewIdb() throws Exception {
        assumeTool("tshark");
        Path file = dir.resolve("redef.pcapng");
        CaptureInterface second = new CaptureInterface("eth1", "", LinkType.EN10MB, 262144, 1000);
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAPNG, 0, 0, null))) {
            Packet view = new Packet();
            w.write(new Rec(1_000_000_000L, 60, frame(60, 1), LinkType.EN10MB, 0).packet(view, 1), ETH0);
            // same source id 0, but a different interface (a later pcapng section): must not merge with eth0
            w.write(new Rec(2_000_000_000L, 60, frame(60, 2), LinkType.EN10MB, 0).packet(view, 2), second);
            w.write(view.set(frame(61, 3), 0, 61, 61, 3_000_000_000L, 0, LinkType.EN10MB, 3), second);
        }
        Result r = run(List.of("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.interface_name"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("eth0", "eth1", "eth1"), r.out().lines().toList());
    }
}
