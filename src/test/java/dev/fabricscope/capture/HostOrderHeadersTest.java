package dev.fabricscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.capture.ReadBack.Frame;
import dev.fabricscope.capture.ReadBack.Result;
import dev.fabricscope.capture.ReadBack.Way;
import dev.fabricscope.testing.Oracles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pseudo-headers kept in the capturing host's byte order, read from a big-endian file: each frame is built twice
 * from the link type's layout (as a big-endian and as a little-endian host stores it), and the big-endian file must
 * read as the little-endian frame, which is also what libpcap hands tcpdump (its -w output, compared at test time),
 * cut after every byte too.
 */
class HostOrderHeadersTest {
    @TempDir Path dir;

    /** A link type and its frame as a host of either byte order would write it. */
    enum Layout {
        NFLOG(239, HostOrderHeadersTest::nflog),
        NFLOG_WRAPPING_TLV(239, HostOrderHeadersTest::nflogWrappingTlv),
        PFLOG(117, HostOrderHeadersTest::pflog),
        SLL_CAN(113, host -> sll(host, 0x000c)),
        SLL_NOT_CAN(113, host -> sll(true, 0x0800)), // not SocketCAN: read as written
        SLL2_CANFD(276, host -> sll2(host, 0x000d)),
        USB(189, host -> usb(host, 3, false)),
        USB_MMAPPED_ISOCHRONOUS(220, host -> usb(host, 0, true)),
        USB_MMAPPED_BULK(220, host -> usb(host, 3, true));

        final int linkType;
        final Function<Boolean, byte[]> frame;

        Layout(int linkType, Function<Boolean, byte[]> frame) {
            this.linkType = linkType;
            this.frame = frame;
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void bigEndianPcapReadsAsLittleEndianHostAndAsLibpcap(Layout layout) throws IOException {
        byte[] be = layout.frame.apply(true);
        byte[] le = layout.frame.apply(false);
        Bytes file = PcapReaderTest.header(Bytes.be(), 0xa1b2c3d4L, 65535, layout.linkType);
        for (int cut = be.length; cut >= 0; cut--) {
            PcapReaderTest.record(file, 1_700_000_000L, cut, cut, be.length, Arrays.copyOf(be, cut));
        }
        List<byte[]> frames = framesOf(file.toArray());
        assertEquals(be.length + 1, frames.size());
        assertArrayEquals(le, frames.get(0), layout + ": the whole frame in little-endian order");
        assertEquals(framesOf(libpcapRewrites(file.toArray())).stream().map(Arrays::toString).toList(),
                frames.stream().map(Arrays::toString).toList(), layout + " as libpcap reads it");
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"NFLOG", "USB_MMAPPED_ISOCHRONOUS"})
    void bigEndianPcapngSectionToo(Layout layout) throws IOException {
        byte[] be = layout.frame.apply(true);
        Bytes file = Pcapng.shb(Bytes.be());
        Pcapng.idb(file, layout.linkType, 65535, null);
        Pcapng.epb(file, 0, 1, be.length, be.length, be);
        assertArrayEquals(layout.frame.apply(false), framesOf(file.toArray()).getFirst());
        // a little-endian file of a little-endian host is read as it is
        Bytes leFile = Pcapng.shb(Bytes.le());
        Pcapng.idb(leFile, layout.linkType, 65535, null);
        byte[] le = layout.frame.apply(false);
        Pcapng.epb(leFile, 0, 1, le.length, le.length, le);
        assertArrayEquals(le, framesOf(leFile.toArray()).getFirst());
    }

    private List<byte[]> framesOf(byte[] file) throws IOException {
        Result r = ReadBack.read(file, Way.FILE, dir);
        assertEquals(List.of(), r.problems());
        return r.frames().stream().map(Frame::data).toList();
    }

    /** tcpdump -r F -w T: libpcap's post-processed packets in a little-endian file. */
    private byte[] libpcapRewrites(byte[] file) throws IOException {
        Oracles.requireTcpdump();
        Path in = Files.write(dir.resolve("be.pcap"), file);
        Path out = dir.resolve("libpcap.pcap");
        Oracles.Run run = Oracles.tcpdump("-r", in.toString(), "-w", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return Files.readAllBytes(out);
    }

    /** Header (family, version 0, resource id big-endian), then TLVs with host-order length and type. */
    private static byte[] nflog(boolean beHost) {
        Bytes b = new Bytes(beHost).u8(2).u8(0).raw((byte) 0, (byte) 7);
        b.u16(8).u16(1).raw((byte) 0x08, (byte) 0x00, (byte) 3, (byte) 0);          // NFULA_PACKET_HDR
        b.u16(7).u16(10).raw("eth".getBytes()).u8(0);                                // prefix, padded below
        b.pad4();
        byte[] ip = Bytes.seq(20, 0x45);
        b.u16(4 + ip.length).u16(9).raw(ip);                                         // NFULA_PAYLOAD
        return b.toArray();
    }

    /** A TLV length of 65534 rounds up past 16 bits to 0: libpcap stops after swapping it, not the bytes after. */
    private static byte[] nflogWrappingTlv(boolean beHost) {
        return new Bytes(beHost).u8(10).u8(0).u16(0).u16(65534).u16(9).raw(Bytes.seq(4, 1)).toArray();
    }

    /** struct pfloghdr with a length covering uid and pid only: rule_uid and rule_pid stay as written. */
    private static byte[] pflog(boolean beHost) {
        Bytes b = new Bytes(beHost).u8(52).u8(2).u8(0).u8(0).raw(new byte[32]);
        b.raw(Bytes.seq(8, 0x10));                                                   // rulenr, subrulenr: network order
        b.u32(1000).u32(4242);                                                       // uid, pid: host order
        b.raw(Bytes.seq(8, 0x20));                                                   // rule_uid, rule_pid: not covered
        return b.u8(1).raw(new byte[3]).toArray();
    }

    /** Linux cooked v1: the protocol (big-endian) at 14; a SocketCAN ID in host order follows the header. */
    private static byte[] sll(boolean beHost, int protocol) {
        Bytes b = new Bytes(true).u16(0).u16(280).u16(0).raw(new byte[8]).u16(protocol);
        return b.raw(new Bytes(beHost).u32(0x12345678L).u8(8).raw(new byte[3]).raw(Bytes.seq(8, 1))).toArray();
    }

    /** Linux cooked v2: the protocol first. */
    private static byte[] sll2(boolean beHost, int protocol) {
        Bytes b = new Bytes(true).u16(protocol).u16(0).u32(3).u16(280).u8(0).u8(0).raw(new byte[8]);
        return b.raw(new Bytes(beHost).u32(0x00000abcL).u8(8).raw(new byte[3]).raw(Bytes.seq(8, 1))).toArray();
    }

    /** pcap/usb.h's header (48 bytes, or 64 memory-mapped), with two isochronous descriptors when transfer type 0. */
    private static byte[] usb(boolean beHost, int transferType, boolean mmapped) {
        Bytes b = new Bytes(beHost).u64(0x0102030405060708L).u8('C').u8(transferType).u8(0x81).u8(5).u16(2)
                .u8(0).u8(0).u64(1_700_000_000L).u32(123_456).u32(-18 & 0xffffffffL).u32(64).u32(16);
        if (transferType == 0) b.u32(1).u32(2); else b.raw(Bytes.seq(8, 0x80)); // iso counts, or the setup bytes
        if (!mmapped) return b.raw(Bytes.seq(16, 0x40)).toArray();
        b.u32(8).u32(100).u32(0x200).u32(transferType == 0 ? 2 : 5);
        if (transferType == 0) {
            for (int d = 0; d < 2; d++) b.u32(-1 & 0xffffffffL).u32(8L * d).u32(8).raw(Bytes.seq(4, 0xa0)); // padding
        }
        return b.raw(Bytes.seq(16, 0x40)).toArray();
    }
}
