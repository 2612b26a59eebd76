package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ONC-RPC over UDP under {@code -T rpc} against tcpdump 4.99 (print-sunrpc.c for calls, print-nfs.c's reply status
 * for the rest): portmapper calls, other programs' calls, accepted and denied replies, on any port, IPv4 and IPv6,
 * whole, cut after every byte and mutated; NFS's frames too, whose replies are not interpreted under -T.
 */
class SunrpcFormatterTest extends TcpdumpConformance {
    private static final int PORTMAPPER = 100000;

    /** A call with AUTH_NULL credentials and verifier. */
    static byte[] call(long xid, long rpcVersion, long program, long version, long procedure, byte[] arguments) {
        return concat(u32(xid), u32(0), u32(rpcVersion), u32(program), u32(version), u32(procedure), u32(0), u32(0),
            u32(0), u32(0), arguments);
    }

    static byte[] deniedReply(long xid, byte[] rejection) {
        return concat(u32(xid), u32(1), u32(1), rejection);
    }

    static Frame over4(int sport, int dport, byte[] rpc) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, rpc, IP_A, IP_B))));
    }

    static Frame over6(int sport, int dport, byte[] rpc) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, rpc, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] mapping = concat(u32(100003), u32(3), u32(17), u32(0));
        for (int procedure = 0; procedure <= 6; procedure++) {
            f.add(over4(700 + procedure, 111, call(0x1234 + procedure, 2, PORTMAPPER, 2, procedure, mapping)));
        }
        f.add(over4(800, 111, call(0xdeadbeefL, 2, PORTMAPPER, 2, 0xffffffffL, new byte[0])));
        f.add(over4(800, 5555, call(7, 3, 100005, 3, 1, new byte[0])));   // rpcver 3, mountd's mnt as set
        f.add(over4(800, 2049, call(8, 2, 100003, 3, 1, fh())));   // an NFS call: printed as portmapper's
        f.add(over4(2049, 800, concat(u32(8), u32(1), u32(0), u32(0), u32(0), u32(0), u32(0))));   // its reply
        f.add(over4(111, 700, concat(u32(0x1237), u32(1), u32(0), u32(0), u32(0), u32(0), u32(2049))));
        f.add(over4(111, 700, deniedReply(9, concat(u32(0), u32(2), u32(2)))));
        for (int why = 0; why <= 8; why += 2) f.add(over4(111, 700, deniedReply(10 + why, concat(u32(1), u32(why)))));
        f.add(over4(111, 700, deniedReply(20, concat(u32(7), u32(0)))));
        f.add(over4(111, 700, concat(u32(21), u32(1), u32(3))));   // reply status 3
        f.add(over4(111, 700, concat(u32(22), u32(5), u32(0))));   // direction 5: a reply to tcpdump
        f.add(over4(111, 700, deniedReply(23, u32(0))));   // short mismatch
        f.add(over4(111, 700, concat(u32(24), u32(1))));   // no status
        f.add(over4(111, 700, concat(u32(25), u32(0), u32(2), u32(PORTMAPPER))));   // a call short of its header
        f.add(over4(111, 700, u32(26)));
        f.add(over4(111, 700, new byte[0]));
        f.add(over6(900, 111, call(0xabc, 2, PORTMAPPER, 2, 3, mapping)));
        f.add(over6(111, 900, deniedReply(0xabc, concat(u32(1), u32(5)))));
        return f;
    }

    private static byte[] fh() {
        return concat(u32(8), hex("0102030405060708"));
    }

    private static int payload(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Test
    void nfsFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, NfsFormatterTest.allFrames(), "-T rpc", "-T rpc -vv");
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the IPv4 header for every frame, as before; mutated after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20;
    }

    @Override
    int mutantStart(byte[] frame) {
        return payload(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("SUNRPC", 111, 12, 4, 24, MutatedFrames.ALL))
            .whole("-T rpc", "-T rpc -v", "-T rpc -q", "-T rpc -e -x")
            .cut("-T rpc -x", "-T rpc -v")
            .mutated("-T rpc -x")
            .allocation("-T rpc", "-T rpc -v");
    }
}
