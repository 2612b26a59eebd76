package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DCCP packets built from RFC 4340's layouts (section 5: generic header with long and short sequence numbers, the
 * acknowledgement subheader, Request, Response, Data, Ack, DataAck, CloseReq, Close, Reset, Sync, SyncAck; section 5.8
 * and 6, 11-13: options), over IPv4, IPv6 and IPv6 with a hop-by-hop header, with correct checksums (over the
 * pseudo-header and the covered part, section 9) unless a frame breaks one on purpose, and malformed ones.
 */
final class DccpFrames {
    private DccpFrames() { }

    private static final int REQUEST = 0, RESPONSE = 1, DATA = 2, ACK = 3, DATA_ACK = 4, CLOSE_REQ = 5, CLOSE = 6,
        RESET = 7, SYNC = 8, SYNC_ACK = 9;

    /** The generic header with a 48-bit (extended) or 24-bit sequence number. */
    private static byte[] generic(int ccval, int cscov, int type, boolean extended, long seq) {
        return extended
            ? concat(new byte[] {(byte) (ccval << 4 | cscov), 0, 0, (byte) (type << 1 | 1), 0}, u16((int) (seq >>> 32)),
                u32(seq & 0xffffffffL))
            : concat(new byte[] {(byte) (ccval << 4 | cscov), 0, 0, (byte) (type << 1), (byte) (seq >>> 16)},
                u16((int) seq & 0xffff));
    }

    /** The acknowledgement subheader: 8 bytes (48-bit number) or 4 (24-bit). */
    static byte[] ack(boolean extended, long number) {
        return extended ? concat(u16(0), u16((int) (number >>> 32)), u32(number & 0xffffffffL))
                        : concat(new byte[] {0, (byte) (number >>> 16)}, u16((int) number & 0xffff));
    }

    /**
     * A packet: ports, data offset over header, type fields and options (padded with zeros to a multiple of 4), then
     * the payload; the checksum over the pseudo-header of {@code src} to {@code dst} and the covered part, xor
     * {@code breakSum}.
     */
    static byte[] dccp(int sport, int dport, int ccval, int cscov, int type, boolean extended, long seq,
                       byte[] typeFields, byte[] options, byte[] payload, byte[] src, byte[] dst, int breakSum) {
        byte[] opts = concat(options, zeros((4 - options.length % 4) % 4));
        byte[] g = generic(ccval, cscov, type, extended, seq);
        int header = 4 + g.length + typeFields.length + opts.length;
        byte[] d = concat(u16(sport), u16(dport), new byte[] {(byte) (header / 4)}, g, typeFields, opts, payload);
        int covered = cscov == 0 ? d.length : Math.min(d.length, (header / 4 + cscov - 1) * 4);
        int c = checksum(pseudo(src, dst, DccpFormatter.PROTOCOL, d.length), Arrays.copyOf(d, covered)) ^ breakSum;
        d[6] = (byte) (c >>> 8);
        d[7] = (byte) c;
        return d;
    }

    private record Spec(int type, boolean extended, byte[] typeFields, byte[] options, byte[] payload, int cscov,
                        int breakSum) { }

    private static Spec spec(int type, boolean extended, byte[] typeFields, byte[] options, byte[] payload) {
        return new Spec(type, extended, typeFields, options, payload, 0, 0);
    }

    private static List<Spec> specs() {
        byte[] ack = ack(true, 0x0000_1234_5678_9abcL);
        byte[] allOptions = hex("00 01 02 2606c0ffee01 2503010203 2705112233 2804ab00 29060000 0400"
            + " 2a06 00000005 2a08 00000006 0007 2a0a 00000008 00000009 2b04 0102 2b06 01020304 2c06 deadbeef"
            + " 8004 0102 c006 01020304 ff03 00 05 1f");
        return List.of(
            spec(REQUEST, true, u32(42), hex("2004 0102 2005 0102 03"), new byte[0]),
            spec(RESPONSE, true, concat(ack, u32(43)), hex("2305 0102 03 2404 aabb"), new byte[0]),
            spec(DATA, true, new byte[0], new byte[0], ascii("payload!")),
            spec(ACK, true, ack, allOptions, new byte[0]),
            spec(DATA_ACK, false, ack(false, 0x123456), hex("2904 0000"), ascii("short sequence numbers")),
            spec(DATA_ACK, true, ack, hex("2a04 0000"), ascii("data")),
            spec(CLOSE_REQ, true, ack, new byte[0], new byte[0]),
            spec(CLOSE, true, ack, hex("2b05 000000"), new byte[0]),
            spec(RESET, true, concat(ack, hex("02 00 00 00")), new byte[0], new byte[0]),
            spec(RESET, true, concat(ack, hex("14 01 02 03")), new byte[0], new byte[0]),
            spec(SYNC, true, ack, hex("220c0102 030405060708090a"), new byte[0]),
            spec(SYNC_ACK, true, ack, hex("2102 2202"), new byte[0]),
            spec(12, true, ack, new byte[0], new byte[0]),
            spec(CLOSE, false, ack(false, 5), new byte[0], new byte[0]),
            spec(ACK, true, ack, hex("2801"), new byte[0]),                                 // optlen too short
            spec(ACK, true, ack, hex("8001"), new byte[0]),                                 // CCID optlen too short
            spec(ACK, true, ack, hex("00002c09 01020304 05"), new byte[0]),                 // past the header
            spec(ACK, true, ack, hex("9009 0102030405060708"), new byte[0]),                // CCID past the header
            new Spec(DATA, true, new byte[0], new byte[0], ascii("covered in part only"), 1, 0),
            new Spec(DATA_ACK, true, ack, new byte[0], ascii("covered"), 15, 0),
            new Spec(REQUEST, true, u32(1), new byte[0], new byte[0], 0, 0x0100));           // bad checksum
    }

    static Frame v4(byte[] dccp) {
        return new Frame(ethernet(0x0800, ipv4(DccpFormatter.PROTOCOL, dccp)));
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        List<byte[]> v6 = new ArrayList<>();
        long seq = 0x0000_0102_0304_0506L;
        for (Spec s : specs()) {
            f.add(v4(dccp(5_001, 6_001, 3, s.cscov(), s.type(), s.extended(), s.extended() ? seq : seq & 0xffffff,
                s.typeFields(), s.options(), s.payload(), IP_A, IP_B, s.breakSum())));
            v6.add(dccp(5_001, 6_001, 3, s.cscov(), s.type(), s.extended(), s.extended() ? seq : seq & 0xffffff,
                s.typeFields(), s.options(), s.payload(), IP6_A, IP6_B, s.breakSum()));
        }
        f.add(v4(hex("1389 1771 0300 0000")));                                                 // shorter than 12
        f.add(v4(hex("1389 1771 0300 0000 0100 0000 0000")));                                   // extended, 14 bytes
        f.add(v4(dccp(5_001, 6_001, 0, 0, REQUEST, true, 1, new byte[0], new byte[0], new byte[0], IP_A, IP_B, 0)));
        f.add(v4(dccp(5_001, 6_001, 0, 0, RESPONSE, true, 1, ack, new byte[0], new byte[0], IP_A, IP_B, 0)));
        f.add(v4(dccp(5_001, 6_001, 0, 0, ACK, false, 1, new byte[0], new byte[0], new byte[0], IP_A, IP_B, 0)));
        byte[] longOffset = dccp(5_001, 6_001, 0, 0, DATA, true, 1, new byte[0], new byte[0], new byte[0], IP_A, IP_B, 0);
        longOffset[4] = 9;                                                                     // header past the packet
        f.add(v4(longOffset));
        for (byte[] d : v6) f.add(new Frame(ethernet(0x86dd, ipv6(DccpFormatter.PROTOCOL, d, 0x60000000L, IP6_A, IP6_B))));
        f.add(new Frame(ethernet(0x86dd, ipv6(0, concat(new byte[] {(byte) DccpFormatter.PROTOCOL, 0, 1, 4, 0, 0, 0, 0},
            v6.get(3)), 0x60000000L, IP6_A, IP6_B))));                                          // after hop-by-hop
        return f;
    }

    private static final byte[] ack = ack(true, 0x0000_1234_5678_9abcL);
}
