package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SSH identification strings (RFC 4253 section 4.2) on TCP 22 against tcpdump 4.99 itself: lines it prints, lines
 * it does not (no end of line, a bare CR, binary bytes, other data), the port order around 22, in every verbosity,
 * whole, cut after every byte and mutated.
 */
class SshFormatterTest extends TcpdumpConformance {
    private static Frame segment(int sport, int dport, int flags, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, flags, 502, 0, new byte[0], payload,
            IP_A, IP_B))));
    }

    private static Frame segment(int sport, int dport, String payload) {
        return segment(sport, dport, 0x018, payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(segment(22, 40000, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"));
        f.add(segment(40000, 22, "SSH-2.0-PuTTY_Release_0.80\n"));
        f.add(segment(22, 40000, "SSH-1.99-Cisco-1.25\r\n" + "\u0000\u0000\u0001\u0014\n\u0014binary kexinit"));
        f.add(segment(22, 40000, "SSH-2.0-no line end"));
        f.add(segment(22, 40000, "SSH-2.0-bare\rcr\r\n"));
        f.add(segment(22, 40000, "SSH-2.0-ends with cr\r"));
        f.add(segment(22, 40000, "SSH-2.0-tab\there\r\n"));
        f.add(segment(22, 40000, "SSH-2.0-caf\u00e9\r\n"));
        f.add(segment(22, 40000, "SSH-\n"));
        f.add(segment(22, 40000, "SSH-2.0-x\r\n"));
        f.add(segment(22, 40000, "SSH_2.0-x\r\n"));
        f.add(segment(22, 40000, "ssh-2.0-x\r\n"));
        f.add(segment(22, 40000, 0x018, hex("000001bc 0a14 0011223344556677")));
        f.add(segment(22, 40000, "SS"));
        f.add(segment(22, 40000, "S"));
        f.add(segment(22, 6379, "SSH-2.0-redis first\r\n"));    // RESP's port comes before SSH's
        f.add(segment(22, 21, "SSH-2.0-ssh first\r\n"));        // SSH's before FTP's
        f.add(segment(22, 40000, 0x014, "SSH-2.0-in a reset\r\n".getBytes(StandardCharsets.US_ASCII)));
        f.add(new Frame(ethernet(0x86dd, ipv6(6, tcp(40000, 22, 1, 2, 0x018, 502, 0, new byte[0],
            ascii("SSH-2.0-OpenSSH_8.9\r\n"), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        f.add(segment(22, 40000, "SSH-2.0-" + "v".repeat(300) + "\r\n"));
        f.add(segment(22, 40000, "SSH-2.0-nul\u0000here\r\n"));
        f.add(segment(22, 40000, "SSH-2.0-\r\n"));
        f.add(segment(22, 40000, "SSH-2.0-a\n\nSSH-2.0-b\r\n"));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The TCP payload, after the IPv4 or IPv6 header. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 20;
    }

    /** All but the long identification string. */
    @Override
    List<Frame> cutFrames() {
        return frames().stream().filter(f -> f.bytes().length < 200).toList();
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("SSH", 22, 16));
    }
}
