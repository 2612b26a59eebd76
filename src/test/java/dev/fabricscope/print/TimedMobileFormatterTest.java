package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BSD timed's TSP (UDP 525: type, version, sequence, a loop's hop count or a set/adjust message's time, the name)
 * and minimal IP encapsulation (RFC 2004, IP protocol 55: with and without the original source, good and bad
 * checksums) against tcpdump 4.99 itself, whole, cut after every byte and mutated.
 */
class TimedMobileFormatterTest extends TcpdumpConformance {
    static Frame timed(int sport, int dport, byte[] message) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, message, IP_A, IP_B))));
    }

    static byte[] tsp(int type, int seq, String u, String name) {
        return concat(new byte[] {(byte) type, 1}, u16(seq), hex(u), name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** A minimal forwarding header (protocol, flags, checksum, destination, the source if {@code source}). */
    static Frame mobile(int protocol, boolean source, boolean bad, byte[] rest) {
        byte[] h = concat(new byte[] {(byte) protocol, (byte) (source ? 0x80 : 0)}, u16(0), hex("c0a80105"),
            source ? hex("0a000009") : new byte[0]);
        int c = checksum(h) ^ (bad ? 0x0100 : 0);
        h[2] = (byte) (c >>> 8);
        h[3] = (byte) c;
        return new Frame(ethernet(0x0800, ipv4(MobileFormatter.PROTOCOL, concat(h, rest))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        for (int type = 0; type <= 26; type++) {
            f.add(timed(525, 525, tsp(type, type + 1, "0000000a 0001e240", "host\0")));
        }
        f.add(timed(40000, 525, tsp(5, 9, "ffffffff 00000001", "a\0")));            // -1 s + 1 us: "-0.999999"
        f.add(timed(525, 40000, tsp(1, 9, "fffffffe 000f4240", "a\0")));            // usec 1000000
        f.add(timed(525, 525, tsp(22, 9, "80000000 7fffffff", "a\0")));             // past 1000000: negative
        f.add(timed(525, 525, tsp(23, 9, "00000000 80000000", "skipped\0")));       // negative usec: nothing more
        f.add(timed(525, 525, tsp(24, 9, "07000000 00000000", "loop\0")));
        f.add(timed(525, 525, tsp(6, 9, "00000000 00000000", "\u00e9t\u0001")));    // no NUL: up to the capture
        byte[] longName = new byte[300];
        Arrays.fill(longName, (byte) 'n');
        f.add(timed(525, 525, concat(tsp(7, 9, "00000000 00000000", ""), longName)));
        f.add(timed(525, 525, hex("06 01")));
        f.add(mobile(6, false, false, hex("0102")));
        f.add(mobile(17, true, false, new byte[0]));
        f.add(mobile(6, false, true, hex("00000000")));
        f.add(mobile(1, true, true, new byte[0]));
        f.add(new Frame(ethernet(0x0800, ipv4(MobileFormatter.PROTOCOL, hex("0600 0000 c0a80105")))));   // 8 bytes
        f.add(new Frame(ethernet(0x0800, ipv4(MobileFormatter.PROTOCOL, hex("0600 0000 c0a801")))));
        f.add(new Frame(ethernet(0x86dd, ipv6(MobileFormatter.PROTOCOL, hex("0680 0000 c0a80105 0a000009"),
            0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** Cut after the IPv4 header's length for every frame, as before. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** Mutated after the IPv6 header, an IPv4 one and UDP's header (TSP), or the IPv4 header (minimal encapsulation). */
    @Override
    int mutantStart(byte[] frame) {
        return frame[12] == (byte) 0x86 ? 54 : frame[23] == 17 ? 42 : 34;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("TIMED_MOBILE", 525, 8, 4, 16, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e -x")
            .cut("-x", "-v")
            .allocation("", "-v");
    }
}
