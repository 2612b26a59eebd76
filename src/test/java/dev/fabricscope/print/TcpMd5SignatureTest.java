package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tcpdump -M: TCP-MD5 signature options (RFC 2385), signed here as the RFC says (MD5 over the pseudo-header, the TCP
 * header without options and with a zero checksum, the data, the key), with the right key, a wrong one, a changed
 * digest; over IPv4 (with IP options, as a first fragment, with Ethernet padding, after AH) and IPv6 (and after a
 * hop-by-hop header, where tcpdump's pseudo-header keeps the extension header's bytes in the length). Against
 * tcpdump with and without -M, whole, cut after every byte and as seeded mutants.
 */
class TcpMd5SignatureTest extends TcpdumpConformance {
    private static final String KEY = "s3cret";
    private static final int BGP = 179;
    private static final byte[] KEEPALIVE = concat(hex("ffffffffffffffffffffffffffffffff"), u16(19), new byte[] {4});
    /** nop, nop, md5 with a digest to fill in: the option block BGP speakers send. */
    private static final int DIGEST_AT = 20 + 4;

    /** A segment with an md5 option signed with {@code key} over RFC 2385's fields, its checksum then set. */
    static byte[] signed(byte[] src, byte[] dst, int flags, byte[] data, String key) throws Exception {
        byte[] options = concat(new byte[] {1, 1, 19, 18}, new byte[16]);
        byte[] seg = tcp(40000, BGP, 1000, 2000, flags, 16384, 0, options, data, src, dst);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(pseudo(src, dst, 6, seg.length));
        byte[] header = java.util.Arrays.copyOf(seg, 20);
        header[16] = header[17] = 0;
        md5.update(header);
        md5.update(data);
        md5.update(key.getBytes(StandardCharsets.US_ASCII));
        System.arraycopy(md5.digest(), 0, seg, DIGEST_AT, 16);
        seg[16] = seg[17] = 0;
        setChecksum(seg, 16, pseudo(src, dst, 6, seg.length));
        return seg;
    }

    private static byte[] v4(byte[] seg) {
        return ethernet(0x0800, ipv4(6, seg));
    }

    private static byte[] v6(byte[] seg) {
        return ethernet(0x86dd, ipv6(6, seg, 0x60000000L, IP6_A, IP6_B));
    }

    static List<Frame> signedFrames() throws Exception {
        List<Frame> f = new ArrayList<>();
        int syn = TcpFormatter.SYN, push = TcpFormatter.ACK | TcpFormatter.PSH;
        byte[] synSigned = signed(IP_A, IP_B, syn, new byte[0], KEY);
        byte[] keepalive = signed(IP_A, IP_B, push, KEEPALIVE, KEY);
        f.add(new Frame(v4(synSigned)));
        f.add(new Frame(v4(keepalive)));
        f.add(new Frame(v4(signed(IP_A, IP_B, push, KEEPALIVE, "wrong"))));
        byte[] changed = keepalive.clone();
        changed[DIGEST_AT + 15] ^= 1;
        f.add(new Frame(v4(changed)));
        // the data changed after signing (the checksum set again): only the signature tells
        byte[] data = keepalive.clone();
        data[data.length - 1] = 3;
        data[16] = data[17] = 0;
        setChecksum(data, 16, pseudo(IP_A, IP_B, 6, data.length));
        f.add(new Frame(v4(data)));
        // IP options (not in the pseudo-header), a first fragment, padding after the IP packet, AH before TCP
        f.add(new Frame(ethernet(0x0800, ipv4(6, keepalive, 0, 64, 2, 0x4000, hex("01010100"), -1, IP_A, IP_B))));
        f.add(new Frame(ethernet(0x0800, ipv4(6, keepalive, 0, 64, 3, 0x2000, new byte[0], -1, IP_A, IP_B))));
        f.add(new Frame(concat(v4(synSigned), hex("000000000000"))));
        byte[] ah = concat(new byte[] {6, 4, 0, 0}, u32(0x100), u32(1), new byte[12]);
        f.add(new Frame(ethernet(0x0800, ipv4(51, concat(ah, keepalive)))));
        // IPv6, and after a hop-by-hop header
        byte[] keepalive6 = signed(IP6_A, IP6_B, push, KEEPALIVE, KEY);
        f.add(new Frame(v6(signed(IP6_A, IP6_B, syn, new byte[0], KEY))));
        f.add(new Frame(v6(keepalive6)));
        f.add(new Frame(v6(signed(IP6_A, IP6_B, push, KEEPALIVE, "wrong"))));
        f.add(new Frame(ethernet(0x86dd, ipv6(0, concat(hex("0600010400000000"), keepalive6), 0x60000000L, IP6_A,
            IP6_B))));
        // two signatures in one header: each checked
        byte[] twice = signed(IP_A, IP_B, syn, new byte[0], KEY);
        byte[] both = tcp(40000, BGP, 1000, 2000, syn, 16384, 0, concat(java.util.Arrays.copyOfRange(twice, 20, 40),
            java.util.Arrays.copyOfRange(twice, 20, 40)), new byte[0], IP_A, IP_B);
        f.add(new Frame(v4(both)));
        return f;
    }

    /** Without -M the option prints as before: tcpdump cannot check it and says why. */
    @Test
    void withoutSecretAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v");
    }

    @Override
    List<Frame> frames() {
        try {
            return signedFrames();
        } catch (Exception e) {
            throw new IllegalStateException("MD5", e);
        }
    }

    /** Cut after the IPv4 header's length for every frame, as before; mutated after the Ethernet header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MD5", 2385, 20, 3, 60, MutatedFrames.ALL))
            .whole("-M " + KEY, "-M " + KEY + " -v", "-M wrong", "-M " + KEY + " -vv -x", "-M " + KEY + " -q")
            .cut("-M " + KEY + " -x", "-M " + KEY + " -v")
            .mutated("-M " + KEY + " -v")
            .allocation("", "-v", "-M " + KEY, "-M " + KEY + " -v");
    }
}
