package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The UDP header (RFC 768) as tcpdump 4.99 prints it (print-udp.c) over IPv4 and IPv6, against tcpdump itself: an
 * unknown port with payload, UDP lengths below 8, longer and shorter than the IP payload, IP payloads shorter than a
 * header, zero checksums, good and bad checksums (IPv6 from -v, IPv4 from -vv), fragments, a source route's final
 * hop in the IPv4 pseudo-header; whole in every verbosity, cut after every byte of the UDP header on, and mutants
 * from the IP header on (where the checksum verdicts change).
 */
class UdpFormatterTest extends TcpdumpConformance {
    private static final byte[] DATA = ascii("some data, nobody's port");

    static byte[] datagram(byte[] src, byte[] dst) {
        return udp(40000, 44444, DATA, src, dst);
    }

    static Frame v4(byte[] udp) {
        return new Frame(ethernet(0x0800, ipv4(17, udp)));
    }

    static Frame v4(byte[] udp, int flagsFragment, String options) {
        return new Frame(ethernet(0x0800, ipv4(17, udp, 0, 64, 0x4321, flagsFragment, hex(options), -1, IP_A, IP_B)));
    }

    static Frame v6(byte[] udp) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp, 0x60000000L, IP6_A, IP6_B)));
    }

    /** The datagram with the 16-bit field at {@code at} set to {@code value} (the checksum not recomputed). */
    static byte[] with(byte[] udp, int at, int value) {
        byte[] b = udp.clone();
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
        return b;
    }

    /** The datagram with its length field set and its checksum computed for it. */
    static byte[] withLength(byte[] udp, int length, byte[] src, byte[] dst) {
        byte[] b = with(with(udp, 4, length), 6, 0);
        setChecksum(b, 6, pseudo(src, dst, 17, b.length));
        return b;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] d4 = datagram(IP_A, IP_B), d6 = datagram(IP6_A, IP6_B);
        int sum4 = ((d4[6] & 0xff) << 8) | (d4[7] & 0xff), sum6 = ((d6[6] & 0xff) << 8) | (d6[7] & 0xff);
        for (boolean six : new boolean[] {false, true}) {
            byte[] d = six ? d6 : d4, src = six ? IP6_A : IP_A, dst = six ? IP6_B : IP_B;
            int sum = six ? sum6 : sum4;
            java.util.function.Function<byte[], Frame> ip = six ? UdpFormatterTest::v6 : UdpFormatterTest::v4;
            f.add(ip.apply(d));                                                            // good checksum
            f.add(ip.apply(with(d, 6, sum ^ 0x0101)));                                     // bad checksum
            f.add(ip.apply(with(d, 6, 0)));                                                // zero checksum
            f.add(ip.apply(with(d, 6, 0xffff)));
            f.add(ip.apply(withLength(d, 8 + DATA.length + 10, src, dst)));               // longer than the IP payload
            f.add(ip.apply(withLength(d, 8 + 4, src, dst)));                               // shorter: data after it
            f.add(ip.apply(withLength(d, 8, src, dst)));                                   // no data
            f.add(ip.apply(withLength(d, 7, src, dst)));                                   // below a header
            f.add(ip.apply(withLength(d, 0, src, dst)));
            f.add(ip.apply(withLength(d, 0xffff, src, dst)));
            f.add(ip.apply(udp(40000, 44444, new byte[0], src, dst)));                     // header only
            f.add(ip.apply(hex("9c40adbc0008")));                                          // IP payload below 8
            f.add(ip.apply(hex("9c40")));
            f.add(ip.apply(new byte[0]));
            f.add(ip.apply(udp(0, 0, DATA, src, dst)));                                    // port 0
            f.add(ip.apply(udp(65535, 1, new byte[1], src, dst)));
        }
        // IPv4 fragments: no checksum verdict; later fragments print no UDP
        f.add(v4(d4, 0x2000, ""));
        f.add(v4(with(d4, 6, sum4 ^ 1), 0x2000, ""));
        f.add(v4(with(d4, 4, 1000), 0x2000, ""));                                          // longer: more to come
        f.add(v4(d4, 0x0010, ""));
        // IPv4 options: the checksum covers a source route's last hop, not the destination
        byte[] last = {(byte) 192, (byte) 168, 7, 7};
        f.add(v4(udp(40000, 44444, DATA, IP_A, last), 0, "830b04c0a80101c0a8070700"));   // good
        f.add(v4(d4, 0, "830b04c0a80101c0a8070700"));                                      // good only to IP_B
        f.add(v4(d4, 0, "01010101"));
        f.add(v4(udp(40000, 44444, DATA, IP_A, last), 0, "890b0cc0a80101c0a8070700"));   // SSRR, pointer past
        f.add(v4(udp(40000, 44444, DATA, IP_A, last), 0, "83030400"));                 // LSRR too short
        return f;
    }

    /** The UDP header: after the IPv4 or IPv6 header (and IPv4 options). */
    @Override
    int start(byte[] frame) {
        boolean v6 = (frame[12] & 0xff) == 0x86;
        return 14 + (v6 ? 40 : (frame[14] & 0x0f) * 4);
    }

    /** From the IP header: lengths, fragment fields, addresses and options change the verdicts. */
    @Override
    int mutantStart(byte[] frame) {
        return 14;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("UDP", 768, 12, 4, 48, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-K -vv")
            // UDP's checksum is verified from -v on IPv6, from -vv on IPv4.
            .cut("-x", "-v -x", "-vv -x");
    }
}
