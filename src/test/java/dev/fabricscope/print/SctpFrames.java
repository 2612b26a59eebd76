package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * SCTP packets built from RFC 9260's layouts (section 3: common header, chunks padded to 4 bytes; 3.3: DATA, INIT,
 * INIT ACK with parameters, SACK with gap blocks and duplicate TSNs, HEARTBEAT, ABORT, SHUTDOWN, ERROR, COOKIE ECHO and
 * ACK, ...), RFC 3758's FORWARD TSN, over IPv4, IPv6 and IPv6 with a hop-by-hop header, each with its CRC32c, and
 * malformed ones (short chunk lengths, chunks past the packet, bogus DATA and SACK lengths).
 */
final class SctpFrames {
    private SctpFrames() { }

    /** A chunk: type, flags, length (header and value, unpadded), the value, then zeros to a multiple of 4. */
    static byte[] chunk(int type, int flags, byte[] value) {
        return chunk(type, flags, 4 + value.length, value);
    }

    static byte[] chunk(int type, int flags, int length, byte[] value) {
        return concat(new byte[] {(byte) type, (byte) flags}, u16(length), value, zeros((4 - value.length % 4) % 4));
    }

    /** A parameter (or error cause) TLV, padded as a chunk. */
    static byte[] tlv(int type, byte[] value) {
        return concat(u16(type), u16(4 + value.length), value, zeros((4 - value.length % 4) % 4));
    }

    static byte[] data(int flags, long tsn, int sid, int sseq, long ppid, byte[] payload) {
        return chunk(0, flags, concat(u32(tsn), u16(sid), u16(sseq), u32(ppid), payload));
    }

    static byte[] init(int type, long tag, byte[] params) {
        return chunk(type, 0, concat(u32(tag), u32(106_496), u16(10), u16(65_535), u32(0x0badcafeL), params));
    }

    static byte[] sack(long cumulative, int[] gaps, long[] duplicates, int declaredGaps, int declaredDuplicates) {
        byte[] v = concat(u32(cumulative), u32(65_000), u16(declaredGaps), u16(declaredDuplicates));
        for (int g : gaps) v = concat(v, u32(g));
        for (long d : duplicates) v = concat(v, u32(d));
        return chunk(3, 0, v);
    }

    /** The common header with its CRC32c (RFC 9260 appendix A: over the packet with the checksum field zero, little-endian). */
    static byte[] packet(int sport, int dport, long tag, byte[]... chunks) {
        byte[] p = concat(u16(sport), u16(dport), u32(tag), zeros(4), concat(chunks));
        CRC32C crc = new CRC32C();
        crc.update(p);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) p[8 + i] = (byte) (c >>> (8 * i));
        return p;
    }

    static Frame v4(byte[] sctp) {
        return new Frame(ethernet(0x0800, ipv4(SctpFormatter.PROTOCOL, sctp)));
    }

    static Frame v6(byte[] sctp) {
        return new Frame(ethernet(0x86dd, ipv6(SctpFormatter.PROTOCOL, sctp, 0x60000000L, IP6_A, IP6_B)));
    }

    static List<Frame> frames() {
        byte[] initParams = concat(tlv(5, IP_A), tlv(6, IP6_A), tlv(9, u32(30_000)), tlv(12, concat(u16(5), u16(6))),
            tlv(0x8000, new byte[0]), tlv(0xc000, new byte[0]), tlv(0x8008, hex("c0c1")));
        List<byte[]> packets = new ArrayList<>(List.of(
            packet(36_412, 38_412, 0, init(1, 0x11223344L, initParams)),
            packet(38_412, 36_412, 0x11223344L, init(2, 0x55667788L, concat(tlv(7, ascii("a state cookie!")),
                tlv(8, tlv(0x8001, new byte[4]))))),
            packet(36_412, 38_412, 0x55667788L, chunk(10, 0, ascii("a state cookie!"))),
            packet(38_412, 36_412, 0x11223344L, chunk(11, 0, new byte[0])),
            packet(5_000, 5_001, 1, data(3, 1, 0, 0, 46, ascii("hello, world\r\n"))),
            packet(5_000, 5_001, 1, data(0, 2, 1, 7, 18, ascii("middle")), data(1, 3, 2, 8, 0, ascii("end!")),
                data(2, 4, 3, 9, 0x12345678L, ascii("b")), data(4, 5, 4, 10, 27, ascii("unordered")),
                data(7, 6, 65_535, 65_535, 26, new byte[40])),
            packet(5_001, 5_000, 1, sack(100, new int[0], new long[0], 0, 0)),
            packet(5_001, 5_000, 1, sack(0xfffffff0L, new int[] {0x0002_0003, 0x0010_0020}, new long[] {98, 99}, 2, 2)),
            packet(5_001, 5_000, 1, sack(7, new int[] {0x0001_0001}, new long[0], 5, 3)),   // more declared than sent
            packet(5_001, 5_000, 1, chunk(3, 0, 18, concat(u32(1), u32(2), u16(1), u16(0), u16(1)))),   // half a gap
            packet(5_001, 5_000, 1, chunk(4, 0, tlv(1, ascii("heartbeat info")))),
            packet(5_000, 5_001, 1, chunk(5, 0, tlv(1, ascii("heartbeat info")))),
            packet(5_000, 5_001, 1, chunk(6, 1, concat(tlv(1, concat(u16(3), u16(0))), tlv(12, ascii("gone"))))),
            packet(5_000, 5_001, 1, chunk(7, 0, u32(1234)), chunk(8, 0, new byte[0]), chunk(14, 1, new byte[0])),
            packet(5_000, 5_001, 1, chunk(9, 0, concat(tlv(3, u32(5000)), tlv(6, ascii("x"))))),
            packet(5_000, 5_001, 1, chunk(12, 0, u32(77)), chunk(13, 0, u32(78))),
            packet(5_000, 5_001, 1, chunk(0xc0, 0, concat(u32(9), u16(1), u16(2))), chunk(0xc1, 0, u32(1)),
                chunk(0xc2, 0, u32(1)), chunk(0x80, 0, new byte[3]), chunk(0x3f, 0xff, new byte[0])),
            packet(6_704, 6_705, 1, chunk(11, 0, new byte[0])),                           // ForCES ports, no DATA
            packet(5_000, 5_001, 1, chunk(0, 0, 3, new byte[0])),                         // length < 4
            packet(5_000, 5_001, 1, chunk(0, 0, 16, new byte[12])),                       // DATA without payload
            packet(5_000, 5_001, 1, chunk(0, 3, 12, new byte[8])),                        // DATA header short
            packet(5_000, 5_001, 1, chunk(1, 0, 16, new byte[12])),                       // INIT short
            packet(5_000, 5_001, 1, chunk(3, 0, 12, new byte[8])),                        // SACK short
            packet(5_000, 5_001, 1, chunk(11, 0, 200, new byte[0])),                      // past the packet
            packet(5_000, 5_001, 1, chunk(11, 0, new byte[0]), hex("0b00")),               // descriptor cut off
            packet(5_000, 5_001, 1, hex("0b000005 00")),                                  // padding missing
            packet(5_000, 5_001, 1),                                                      // no chunks
            hex("1388 1389 0000")));                                                      // short header
        List<Frame> f = new ArrayList<>();
        for (byte[] p : packets) f.add(v4(p));
        f.add(v6(packets.get(0)));
        f.add(v6(packets.get(5)));
        f.add(v6(packets.get(7)));
        f.add(new Frame(ethernet(0x86dd, ipv6(0, concat(new byte[] {(byte) SctpFormatter.PROTOCOL, 0, 1, 4, 0, 0, 0, 0},
            packets.get(4)), 0x60000000L, IP6_A, IP6_B))));                              // after a hop-by-hop header
        return f;
    }
}
