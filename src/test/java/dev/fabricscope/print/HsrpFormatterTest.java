package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HSRP (RFC 2281 section 5 layout; to UDP 1985) against tcpdump 4.99 itself, whole in every verbosity, cut after every
 * byte and mutated; and where HSRP and LDP stand in tcpdump's UDP port order.
 */
class HsrpFormatterTest extends TcpdumpConformance {
    private static byte[] hsrp(int version, int op, int state, int hello, int hold, int priority, int group,
                               int reserved, byte[] auth, String virtualAddress) {
        return concat(new byte[] {(byte) version, (byte) op, (byte) state, (byte) hello, (byte) hold, (byte) priority,
            (byte) group, (byte) reserved}, auth, hex(virtualAddress));
    }

    private static byte[] auth(String text) {
        return java.util.Arrays.copyOf(ascii(text), 8);
    }

    private static Frame udpFrame(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(udpFrame(1985, 1985, hsrp(0, 0, 16, 3, 10, 100, 1, 0, auth("cisco"), "0a0000fe")));
        f.add(udpFrame(1985, 1985, hsrp(0, 1, 4, 1, 3, 255, 255, 0, auth("abcdefgh"), "c0a80101")));
        f.add(udpFrame(1985, 1985, hsrp(0, 2, 8, 0, 0, 0, 0, 0, new byte[8], "00000000")));
        f.add(udpFrame(40000, 1985, hsrp(0, 3, 5, 200, 255, 1, 2, 7, hex("e9 01 7f 20 41 00 42 43"), "0a000001")));
        f.add(udpFrame(1985, 1985, hsrp(0, 250, 0, 60, 180, 10, 3, 255, auth("a\u0000b"), "0a000002")));
        f.add(udpFrame(1985, 1985, hsrp(0, 0, 1, 3, 10, 100, 1, 0, auth("x"), "0a0000fe")));
        f.add(udpFrame(1985, 1985, hsrp(0, 0, 2, 3, 10, 100, 1, 0, auth("y"), "0a0000fe")));
        f.add(udpFrame(1985, 1985, concat(hsrp(0, 0, 32, 3, 10, 100, 1, 0, auth("z"), "0a0000fe"), hex("0102"))));
        // HSRP version 2 (Cisco): TLVs, the first one's type where version 0 has its version byte
        f.add(udpFrame(1985, 1985, hex("01 28 02 00 10 00 00 01 0064 00000003 00000bb8 00002710 0a0000fe")));
        f.add(udpFrame(1985, 1985, hex("02")));
        f.add(udpFrame(1985, 1985, hex("00 00 10 03 0a 64 01")));   // shorter than the message
        f.add(udpFrame(1985, 1985, new byte[0]));
        return f;
    }

    /** Which printer tcpdump picks when HSRP's or LDP's port meets another in its order (print-udp.c). */
    static List<Frame> portOrderFrames() {
        byte[] hello = LdpMessages.linkHello();
        byte[] hsrp = hsrp(0, 0, 16, 3, 10, 100, 1, 0, auth("cisco"), "0a0000fe");
        List<Frame> f = new ArrayList<>();
        f.add(udpFrame(1985, 40000, hsrp));    // HSRP by its destination port only
        f.add(udpFrame(646, 1985, hsrp));      // HSRP before LDP
        f.add(udpFrame(1985, 646, hello));     // so LDP from HSRP's port
        f.add(udpFrame(646, 698, hello));      // LDP before OLSR
        f.add(udpFrame(646, 3503, hello));     // and LSP ping
        f.add(udpFrame(646, 49152, hello));    // and the LI shim (a source port only)
        f.add(udpFrame(49152, 646, hello));
        f.add(udpFrame(1812, 646, hello));     // RADIUS before LDP
        f.add(udpFrame(1985, 3784, hsrp));     // BFD after HSRP
        f.add(udpFrame(3784, 1985, hsrp));
        f.add(udpFrame(646, 514, hello));      // syslog after LDP
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** The HSRP message: after the IPv4 and UDP headers. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        // The changes spread over the whole message (no head span).
        return Checks.of(new Mutants("HSRP", 1985, 20, 4, 0, MutatedFrames.ALL))
            .cut("-x", "-v")
            .allocation("-v")
            .repeats(2_000);
    }
}
