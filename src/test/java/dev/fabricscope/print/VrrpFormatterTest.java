package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * VRRP (RFC 3768 v2, RFC 9568 v3 layouts) against tcpdump 4.99 itself: v2 with each authentication type, v3 over
 * IPv4 and IPv6, bad checksums, TTLs other than 255, versions and types tcpdump does not decode further, in every
 * verbosity, whole, cut after every byte and mutated.
 */
class VrrpFormatterTest extends TcpdumpConformance {
    private static final byte[] VRRP_GROUP = hex("e0000012");
    private static final byte[] VRRP_GROUP6 = hex("ff020000000000000000000000000012");

    /** Sets the checksum at 6: over the message (v2) or with the pseudo-header (v3); {@code bad} breaks it. */
    private static byte[] withChecksum(byte[] m, byte[] pseudo, boolean bad) {
        byte[] out = m.clone();
        int c = (pseudo == null ? checksum(out) : checksum(pseudo, out)) ^ (bad ? 0x0100 : 0);
        out[6] = (byte) (c >>> 8);
        out[7] = (byte) c;
        return out;
    }

    static Frame v4(String message, int ttl, boolean v3, boolean bad) {
        byte[] m = hex(message);
        m = withChecksum(m, v3 ? pseudo(IP_A, VRRP_GROUP, VrrpFormatter.PROTOCOL, m.length) : null, bad);
        return new Frame(ethernet(0x0800, ipv4(VrrpFormatter.PROTOCOL, m, 0xc0, ttl, 9, 0, new byte[0], -1, IP_A,
            VRRP_GROUP)));
    }

    static Frame v6(String message, int hopLimit, boolean bad) {
        byte[] m = hex(message);
        m = withChecksum(m, pseudo(IP6_A, VRRP_GROUP6, VrrpFormatter.PROTOCOL, m.length), bad);
        byte[] packet = ipv6(VrrpFormatter.PROTOCOL, m, 0x60000000L, IP6_A, VRRP_GROUP6);
        packet[7] = (byte) hopLimit;
        return new Frame(ethernet(0x86dd, packet));
    }

    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(v4("21 0a 64 01 00 01 0000 0a000001", 255, false, false));
        f.add(v4("21 0b fe 03 01 03 0000 0a000001 0a000002 0a000003 73656372 65740000", 255, false, false));
        f.add(v4("21 0c 64 01 01 01 0000 0a000001 70617373 776f7264", 254, false, false));
        f.add(v4("21 0d 64 01 02 01 0000 0a000001", 255, false, false));
        f.add(v4("21 0e 64 00 07 01 0000", 255, false, false));
        f.add(v4("21 0a 64 01 00 01 0000 0a000001", 255, false, true));
        f.add(v4("31 0a 64 02 00 64 0000 0a000001 0a000002", 255, true, false));
        f.add(v4("31 0a 64 01 0f ff 0000 0a000001", 64, true, true));
        f.add(v6("31 14 c8 02 00 64 0000 fe800000000000000000000000000001 20010db8000000000000000000000001", 255,
            false));
        f.add(v6("31 15 01 01 00 c8 0000 fe800000000000000000000000000001", 1, true));
        f.add(v4("11 0a 64 01 00 01 0000 0a000001", 255, false, false));
        f.add(v4("22 0a 64 01 00 01 0000 0a000001", 255, false, false));
        f.add(v4("41 0a 64 01 00 01 0000 0a000001", 255, false, false));
        f.add(v4("21 0a 64 05 00 01 0000 0a000001", 255, false, false));   // more addresses than bytes
        f.add(v4("21 0f 64 01 01 01 0000 0a000001 31323334 35363738", 255, false, false));   // 8-byte password
        f.add(v4("21 10 64 01 01 01 0000 0a000001 01ff7f20 00410000", 255, false, false));   // odd bytes, NUL
        f.add(v4("21 11 64 01 01 01 0000 0a000001 7061", 255, false, false));                // password cut short
        f.add(v4("21 12 64 00 00 01 0000", 255, false, false));                              // no addresses
        f.add(v4("31 13 64 00 f1 23 0000", 255, true, false));                               // v3: reserved bits
        f.add(v6("31 16 64 00 00 64 0000", 255, false));
        f.add(v4("20 0a 64 01 00 01 0000 0a000001", 255, false, false));                     // type 0
        f.add(v4("2f 0a 64 01 00 01 0000 0a000001", 255, false, false));                     // type 15
        f.add(v4("01 0a 64 01 00 01 0000 0a000001", 255, false, false));                     // version 0
        f.add(v6("21 0a 64 01 00 01 0000 fe800000000000000000000000000001", 255, false));    // v2 over IPv6
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut from the IP header's end on IPv4 (also inside the IPv6 header, where the v3 checksum's addresses are). */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    /** The VRRP message. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("VRRP", 112, 16));
    }
}
