package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;

/**
 * Whatever packets the readers take from arbitrary bytes, our writers keep them: written in the input's format
 * and read back, every packet has the same bytes, lengths, link type (as libpcap writes it), time (and, in pcap,
 * an out-of-range fraction field, and the interface's snapshot length and FCS bits); written as pcapng
 * (--format pcapng), the same bytes, lengths, link type and time, and the IDB's name, description and snapshot
 * length. `./build test` fuzzes for a short time (pom.xml, fuzz.duration); longer:
 * {@code ./build test-compile surefire:test@fuzz-writer-round-trip -Dfuzz.duration=30m}.
 */
class WriterRoundTripFuzzTest {
    /** One packet as read, copied out of the reader's buffer. */
    private record Read(long timestampNanos, long fractionField, int origLen, int linkType, byte[] bytes,
                        int interfaceId, CaptureInterface iface) { }

    @FuzzTest(maxDuration = "20s")
    void writtenPacketsReadBackTheSame(byte[] input) throws IOException {
        PacketSource source;
        try {
            source = CaptureFiles.open(new ByteArrayInputStream(input), "fuzz", ProblemReporter.IGNORE);
        } catch (CaptureFormatException e) {
            return;
        }
        List<Read> packets;
        CaptureFormat format = source.format();
        try (source) {
            packets = readAll(source);
        }
        if (packets.isEmpty()) return;
        if (format == CaptureFormat.PCAP) {
            CaptureInterface iface = packets.getFirst().iface();
            TimestampPrecision precision = iface.tsResolutionNanos() == 1 ? TimestampPrecision.NANO
                : TimestampPrecision.MICRO;
            List<Read> back = roundTrip(packets,
                WriterOptions.of(CaptureFormat.PCAP, iface.snapLen(), iface, precision));
            for (int i = 0; i < packets.size(); i++) {
                Read was = packets.get(i);
                Read is = back.get(i);
                assertEquals(was.fractionField(), is.fractionField(), "fraction field, packet " + i);
                CaptureInterface in = was.iface();
                assertEquals(new CaptureInterface(in.name(), in.description(), DltNames.fileLinkType(in.linkType()),
                    in.snapLen(), in.tsResolutionNanos(), in.linkTypeExtension()), is.iface(), "interface " + i);
            }
        }
        roundTrip(packets, new WriterOptions(CaptureFormat.PCAPNG, 0, 0, null));
    }

    /** Writes the packets, reads them back, checks what every format keeps, and returns what was read back. */
    private static List<Read> roundTrip(List<Read> packets, WriterOptions options) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (CaptureWriter writer = CaptureWriters.open("out", Channels.newChannel(file), false, true, options)) {
            Packet view = new Packet();
            long frame = 0;
            for (Read r : packets) {
                view.set(r.bytes(), 0, r.bytes().length, r.origLen(), r.timestampNanos(), r.interfaceId(), r.linkType(),
                    ++frame);
                if (r.fractionField() != Packet.NO_FRACTION_FIELD) view.fractionField(r.fractionField());
                writer.write(view, r.iface());
            }
        }
        List<Read> back;
        try (PacketSource source = CaptureFiles.open(new ByteArrayInputStream(file.toByteArray()), "out",
                ProblemReporter.IGNORE)) {
            assertEquals(options.format(), source.format());
            back = readAll(source);
        }
        assertEquals(packets.size(), back.size(), options.format() + ": packets read back");
        for (int i = 0; i < packets.size(); i++) {
            Read was = packets.get(i);
            Read is = back.get(i);
            String where = options.format() + ", packet " + i;
            assertArrayEquals(was.bytes(), is.bytes(), where);
            assertEquals(was.origLen(), is.origLen(), where);
            assertEquals(DltNames.fileLinkType(was.linkType()), is.linkType(), where);   // 12 (DLT_RAW) as 101
            assertEquals(was.timestampNanos(), is.timestampNanos(), where);
            if (options.format() == CaptureFormat.PCAPNG) {   // what an IDB keeps of the interface
                assertEquals(was.iface().name(), is.iface().name(), where);
                assertEquals(was.iface().description(), is.iface().description(), where);
                assertEquals(was.iface().snapLen(), is.iface().snapLen(), where);
            }
        }
        return back;
    }

    private static List<Read> readAll(PacketSource source) throws IOException {
        List<Read> packets = new ArrayList<>();
        Packet p = new Packet();
        while (source.next(p)) {
            packets.add(new Read(p.timestampNanos(), p.fractionField(), p.origLen(), p.linkType(), p.copyBytes(),
                p.interfaceId(), source.interfaces().get(p.interfaceId())));
        }
        return packets;
    }
}
