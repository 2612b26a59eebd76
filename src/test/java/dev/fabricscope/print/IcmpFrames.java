package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.Arrays;

/**
 * ICMP (IPv4) messages for printer tests, laid out as RFC 792 (header, quoted datagram), RFC 1191 (next-hop MTU),
 * RFC 1256 (router advertisement) and RFC 4884/4950 (extension structure, MPLS label stack objects), with correct
 * checksums unless a test breaks them.
 */
final class IcmpFrames {
    private IcmpFrames() { }

    static final byte[] ROUTER = {(byte) 192, 0, 2, 1};
    static final byte[] FAR = {(byte) 198, 51, 100, 7};

    /** A message: type, code, the 4-byte rest of the header, then the body; its checksum computed. */
    static byte[] icmp(int type, int code, byte[] rest, byte[]... body) {
        byte[] m = concat(new byte[] {(byte) type, (byte) code, 0, 0}, rest, concat(body));
        int c = checksum(m);
        m[2] = (byte) (c >>> 8);
        m[3] = (byte) c;
        return m;
    }

    /** The message sent by ROUTER to IP_B in an Ethernet frame. */
    static Frame fromRouter(byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(1, message, 0xc0, 255, 7, 0, new byte[0], -1, ROUTER, IP_B)));
    }

    /** What IP_B sent to FAR (IP header with the length it was sent with), cut to its first {@code quoted} bytes. */
    static byte[] sent(int protocol, byte[] payload, int quoted) {
        return Arrays.copyOf(ipv4(protocol, payload, 0, 1, 0x1234, 0x4000, new byte[0], -1, IP_B, FAR), quoted);
    }

    /** A UDP datagram from IP_B to FAR as an ICMP error quotes it: IP header and the first 8 bytes after it. */
    static byte[] sentUdp(int dport, int dataLength) {
        return sent(17, udp(33000, dport, new byte[dataLength], IP_B, FAR), 28);
    }

    /** The RFC 4884 original-datagram field: {@code datagram} padded with zeros to {@code words} 32-bit words. */
    static byte[] padded(byte[] datagram, int words) {
        return Arrays.copyOf(datagram, words * 4);
    }

    /** An extension structure (version 2) holding {@code objects}, its checksum right or broken. */
    static byte[] extension(int version, boolean rightChecksum, byte[]... objects) {
        byte[] e = concat(new byte[] {(byte) (version << 4), 0, 0, 0}, concat(objects));
        int c = checksum(e) ^ (rightChecksum ? 0 : 0x0101);
        e[2] = (byte) (c >>> 8);
        e[3] = (byte) c;
        return e;
    }

    /** An extension object: its 4-byte header (length counting itself, class, C-type) then the data. */
    static byte[] object(int classNumber, int classType, byte[] data) {
        return concat(u16(4 + data.length), new byte[] {(byte) classNumber, (byte) classType}, data);
    }

    /** RFC 4950 label stack entries: label, traffic class, bottom-of-stack bit, TTL each. */
    static byte[] labels(long... labelTcBottomTtl) {
        byte[] out = new byte[0];
        for (int i = 0; i + 3 < labelTcBottomTtl.length; i += 4) {
            out = concat(out, u32(labelTcBottomTtl[i] << 12 | labelTcBottomTtl[i + 1] << 9
                    | labelTcBottomTtl[i + 2] << 8 | labelTcBottomTtl[i + 3]));
        }
        return out;
    }

    /** RFC 4884's rest of header for unreachable/time exceeded: unused, the length in words, unused. */
    static byte[] lengthWords(int words) {
        return new byte[] {0, (byte) words, 0, 0};
    }
}
