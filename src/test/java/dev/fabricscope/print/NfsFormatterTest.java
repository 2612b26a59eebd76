package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NFS over ONC-RPC against tcpdump 4.99 itself: calls (RFC 5531 call header, AUTH_UNIX credentials) of every NFSv3
 * (RFC 1813) procedure and the common NFSv2 (RFC 1094) ones, each followed by its reply in the same capture so that
 * both printers match the reply to its call through the xid map; error statuses, denied and unaccepted replies, a
 * reply without its call, NFS over TCP after the record marker, over IPv6. In every verbosity where the output
 * changes, whole and cut after every byte, and seeded mutants.
 */
class NfsFormatterTest extends TcpdumpConformance {
    private static final int PROGRAM = 100003;
    private static final int CLIENT_PORT = 800;
    /** A Linux-style v3 handle (no layout parsenfsfh.c knows: printed in hex) and a BSD 4.4-style one. */
    private static final byte[] FH_LINUX = hex("01000701 00a10b00 00000000 8a1d2e3f 4c5d6e7f 00112233 44556677");
    private static final byte[] FH_BSD = hex("0d020000 0a000000 0c000000 39300000 11223344 55667788");
    /** v2 handles are 32 bytes: a SunOS 4-style one and an Auspex-style one. */
    private static final byte[] FH2_SUNOS4 = hex("00000712 0000000a 000c0000 00003039 00000000 00000000 00000000 00000000");
    private static final byte[] FH2_AUSPEX = hex("00000000 00000203 00000000 0001e240 00000000 00000000 00000000 00000000");

    // ---- RPC messages

    static byte[] call(long xid, int version, int procedure, byte[] arguments) {
        byte[] credentials = concat(u32(12345), u32(5), ascii("host"), u32(0), u32(0), u32(0), u32(0));
        return concat(u32(xid), u32(0), u32(2), u32(PROGRAM), u32(version), u32(procedure),
            u32(1), u32(credentials.length), credentials, u32(0), u32(0), arguments);
    }

    /** An accepted, successful reply: null verifier, then the results. */
    static byte[] reply(long xid, byte[] results) {
        return concat(u32(xid), u32(1), u32(0), u32(0), u32(0), u32(0), results);
    }

    static byte[] fh3(byte[] handle) {
        return concat(u32(handle.length), handle);
    }

    static byte[] name(String s) {
        byte[] b = ascii(s);
        return concat(u32(b.length), b, zeros((4 - b.length % 4) % 4));
    }

    /** fattr3: type, mode, nlink, uid, gid, size, used, rdev, fsid, fileid, a/m/ctime. */
    static byte[] fattr3(int type, int mode, long size) {
        return concat(u32(type), u32(mode), u32(2), u32(1000), u32(0xfffffffeL), u32(0), u32(size), u32(0),
            u32(4096), u32(0), u32(0), u32(0), u32(0x12345678), u32(0), u32(0x9abcdef0L),
            u32(1700000000), u32(123456), u32(1700000001), u32(7), u32(1700000002), u32(999999999));
    }

    static byte[] postOp(byte[] fattr) {
        return fattr == null ? u32(0) : concat(u32(1), fattr);
    }

    /** wcc_data: pre-op attributes (size, mtime, ctime), then post-op attributes. */
    static byte[] wcc(boolean pre, byte[] post) {
        byte[] before = pre ? concat(u32(1), u32(0), u32(512), u32(1699999999), u32(5), u32(1699999999), u32(6))
            : u32(0);
        return concat(before, postOp(post));
    }

    /** fattr (v2): type, mode, nlink, uid, gid, size, blocksize, rdev, blocks, fsid, fileid, a/m/ctime. */
    static byte[] fattr2(int type, int mode, long size) {
        return concat(u32(type), u32(mode), u32(1), u32(0), u32(0), u32(size), u32(8192), u32(0), u32(2),
            u32(0x0712), u32(12345), u32(1600000000), u32(1), u32(1600000001), u32(2), u32(1600000002), u32(3));
    }

    static final byte[] FILE = fattr3(1, 0100644, 5000);
    static final byte[] DIR = fattr3(2, 040755, 4096);

    // ---- frames

    private static byte[] udp4(boolean toServer, byte[] rpc) {
        int sport = toServer ? CLIENT_PORT : NfsFormatter.PORT, dport = toServer ? NfsFormatter.PORT : CLIENT_PORT;
        byte[] src = toServer ? IP_A : IP_B, dst = toServer ? IP_B : IP_A;
        return ethernet(0x0800, ipv4(17, udp(sport, dport, rpc, src, dst), 0, 64, 1, 0x4000, new byte[0], -1, src,
            dst));
    }

    private static byte[] udp6(boolean toServer, byte[] rpc) {
        int sport = toServer ? CLIENT_PORT : NfsFormatter.PORT, dport = toServer ? NfsFormatter.PORT : CLIENT_PORT;
        byte[] src = toServer ? IP6_A : IP6_B, dst = toServer ? IP6_B : IP6_A;
        return ethernet(0x86dd, ipv6(17, udp(sport, dport, rpc, src, dst), 0x60000000L, src, dst));
    }

    private static byte[] tcp4(boolean toServer, long seq, long ack, byte[] rpc) {
        int sport = toServer ? 901 : NfsFormatter.PORT, dport = toServer ? NfsFormatter.PORT : 901;
        byte[] src = toServer ? IP_A : IP_B, dst = toServer ? IP_B : IP_A;
        byte[] record = concat(u32(0x80000000L | rpc.length), rpc);
        return ethernet(0x0800, ipv4(6, tcp(sport, dport, seq, ack, TcpFormatter.ACK | TcpFormatter.PSH, 1024, 0,
            new byte[0], record, src, dst), 0, 64, 1, 0x4000, new byte[0], -1, src, dst));
    }

    /** A v3 call over UDP and its reply. */
    private static void v3(List<Frame> f, long xid, int procedure, byte[] arguments, byte[] results) {
        f.add(new Frame(udp4(true, call(xid, 3, procedure, arguments))));
        if (results != null) f.add(new Frame(udp4(false, reply(xid, results))));
    }

    private static void v2(List<Frame> f, long xid, int procedure, byte[] arguments, byte[] results) {
        f.add(new Frame(udp4(true, call(xid, 2, procedure, arguments))));
        if (results != null) f.add(new Frame(udp4(false, reply(xid, results))));
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] fh = fh3(FH_LINUX), fhBsd = fh3(FH_BSD);
        byte[] ok = u32(0);
        byte[] verifier = hex("0102030405060708");
        // NFSv3, every procedure
        v3(f, 0x1001, 0, new byte[0], new byte[0]);
        v3(f, 0x1002, 1, fh, concat(ok, FILE));
        v3(f, 0x1003, 2, concat(fh, u32(1), u32(0600), u32(1), u32(1001), u32(0), u32(0), u32(2), u32(5), u32(6),
            u32(1), u32(0)), concat(ok, wcc(true, FILE)));
        v3(f, 0x1004, 3, concat(fhBsd, name("hello.txt")), concat(ok, fh, postOp(FILE), postOp(DIR)));
        v3(f, 0x1005, 3, concat(fh, name("missing")), concat(u32(2), postOp(DIR)));
        v3(f, 0x1006, 4, concat(fh, u32(0x1f)), concat(ok, postOp(FILE), u32(0x1b)));
        v3(f, 0x1007, 4, concat(fh, u32(0x3f)), concat(u32(13), postOp(null)));
        v3(f, 0x1008, 4, concat(fh, u32(0x40)), null);
        v3(f, 0x1009, 5, fh, concat(ok, postOp(null), name("../target")));
        v3(f, 0x100a, 6, concat(fh, u32(0), u32(8192), u32(4096)), concat(ok, postOp(FILE), u32(4096), u32(1),
            u32(4096), zeros(16)));
        v3(f, 0x100b, 7, concat(fh, u32(1), u32(0), u32(100), u32(2), u32(100), zeros(100)),
            concat(ok, wcc(true, FILE), u32(100), u32(2), verifier));
        v3(f, 0x100c, 7, concat(fh, u32(0), u32(0), u32(10), u32(7), u32(10), zeros(12)),
            concat(u32(28), wcc(false, null)));
        v3(f, 0x100d, 8, concat(fh, name("new"), u32(0), u32(1), u32(0644), u32(0), u32(0), u32(0), u32(1), u32(1)),
            concat(ok, u32(1), fhBsd, postOp(FILE), wcc(true, DIR)));
        v3(f, 0x100e, 9, concat(fh, name("dir"), u32(1), u32(0755), u32(0), u32(0), u32(0), u32(0), u32(0)),
            concat(u32(17), wcc(true, DIR)));
        v3(f, 0x100f, 10, concat(fh, name("link"), u32(1), u32(0777), u32(1), u32(5), u32(1), u32(6), u32(0),
            u32(2), u32(1700000000), u32(42), u32(2), u32(1700000001), u32(43), name("/etc/passwd")),
            concat(ok, u32(0), wcc(false, DIR)));
        v3(f, 0x1010, 11, concat(fh, name("tty"), u32(4), u32(1), u32(0620), u32(0), u32(0), u32(0), u32(0), u32(0),
            u32(4), u32(64)), concat(ok, u32(1), fh, postOp(null), wcc(false, null)));
        v3(f, 0x1011, 11, concat(fh, name("fifo"), u32(7), u32(0), u32(0), u32(0), u32(0), u32(0), u32(0)), null);
        v3(f, 0x1012, 12, concat(fh, name("old")), concat(ok, wcc(true, DIR)));
        v3(f, 0x1013, 13, concat(fh, name("dir")), concat(u32(66), wcc(false, DIR)));
        v3(f, 0x1014, 14, concat(fh, name("a"), fhBsd, name("b")), concat(ok, wcc(true, DIR), wcc(false, DIR)));
        v3(f, 0x1015, 15, concat(fh, fhBsd, name("hard")), concat(ok, postOp(FILE), wcc(true, DIR)));
        v3(f, 0x1016, 16, concat(fh, u32(0), u32(0), verifier, u32(4096)),
            concat(ok, postOp(DIR), verifier, u32(0), u32(1)));
        v3(f, 0x1017, 17, concat(fh, u32(0xffffffffL), u32(0xffffffffL), verifier, u32(1024), u32(8192)),
            concat(ok, postOp(null), verifier, u32(0), u32(1)));
        v3(f, 0x1018, 18, fh, concat(ok, postOp(DIR), u32(0), u32(1 << 30), u32(0), u32(1 << 29), u32(0),
            u32(1 << 28), u32(0), u32(1000), u32(0), u32(900), u32(0), u32(800), u32(0)));
        v3(f, 0x1019, 19, fh, concat(ok, postOp(DIR), u32(1048576), u32(1048576), u32(4096), u32(1048576),
            u32(1048576), u32(4096), u32(1048576), u32(0x7fffffffL), u32(0xffffffffL), u32(0), u32(1), u32(0x1b)));
        v3(f, 0x101a, 20, fh, concat(ok, postOp(null), u32(32000), u32(255), u32(1), u32(0), u32(0), u32(1)));
        v3(f, 0x101b, 21, concat(fh, u32(0), u32(0), u32(4096)), concat(ok, wcc(false, FILE), verifier));
        v3(f, 0x101c, 22, fh, ok);
        // handles of the other layouts parsenfsfh.c guesses (DEC OSF, Ultrix, SunOS 5, HP-UX 9, IRIX 4, VMS UCX), short
        String[] handles = {"0a0b0c0d 01000000 0c000000 39300000", "05060000 39300000 01020304 05060708 09000000 00000000",
            "02880001 00000002 000a0000 00003039", "07000012 00000000 000a0000 00003039",
            "00000712 00080000 00003039 00000000", "01444b41 3130303a 00000000 00000000 00000000 00003930 00000102",
            "01444b20 41000000 00000000 00000000 00000000 00003930 00000102", "01020304 05060708", ""};
        for (int i = 0; i < handles.length; i++) v3(f, 0x1100 + i, 1, fh3(hex(handles[i])), null);
        // NFSv2: the generic procedure by v2's number
        byte[] fh2 = FH2_SUNOS4;
        v2(f, 0x2001, 1, fh2, concat(ok, fattr2(1, 0100644, 1234)));
        v2(f, 0x2002, 4, concat(FH2_AUSPEX, name("file")), concat(ok, FH2_AUSPEX, fattr2(2, 040755, 512)));
        v2(f, 0x2003, 6, concat(fh2, u32(0), u32(8192), u32(8192)), concat(ok, fattr2(1, 0100600, 10), u32(10),
            zeros(12)));
        v2(f, 0x2004, 8, concat(fh2, u32(0), u32(0), u32(0), u32(5), ascii("hello"), zeros(3)),
            concat(u32(30)));
        v2(f, 0x2005, 16, concat(fh2, u32(0), u32(4096)), concat(ok, u32(1), u32(7), u32(0)));
        v2(f, 0x2006, 17, fh2, concat(ok, u32(8192), u32(1024), u32(10000), u32(5000), u32(4000)));
        v2(f, 0x2007, 3, fh2, ok);
        // replies that are not accepted, not successful, or to no call seen
        f.add(new Frame(udp4(true, call(0x3001, 3, 1, fh))));
        f.add(new Frame(udp4(false, concat(u32(0x3001), u32(1), u32(1), u32(0), u32(2), u32(3)))));
        f.add(new Frame(udp4(true, call(0x3002, 3, 1, fh))));
        f.add(new Frame(udp4(false, concat(u32(0x3002), u32(1), u32(1), u32(1), u32(5)))));
        f.add(new Frame(udp4(false, concat(u32(0x3003), u32(1), u32(1), u32(1), u32(9)))));
        f.add(new Frame(udp4(false, concat(u32(0x3004), u32(1), u32(1), u32(4)))));
        f.add(new Frame(udp4(false, concat(u32(0x3005), u32(1), u32(2)))));
        f.add(new Frame(udp4(true, call(0x3006, 3, 1, fh))));
        f.add(new Frame(udp4(false, concat(u32(0x3006), u32(1), u32(0), u32(0), u32(0), u32(1)))));
        f.add(new Frame(udp4(false, reply(0x3007, concat(ok, FILE)))));
        f.add(new Frame(udp4(true, call(0x3008, 4, 1, concat(u32(0), u32(0), u32(1), u32(9))))));
        // the ring holds 64 calls: the 65th after a call pushes it out, and its reply finds no call
        for (int i = 0; i <= NfsFormatter.XID_MAP_SIZE; i++) f.add(new Frame(udp4(true, call(0x6000 + i, 3, 1, fh))));
        f.add(new Frame(udp4(false, reply(0x6000, concat(ok, FILE)))));
        f.add(new Frame(udp4(false, reply(0x6001, concat(ok, FILE)))));
        // over TCP after the record marker, and over IPv6
        f.add(new Frame(tcp4(true, 1000, 5000, call(0x4001, 3, 6, concat(fhBsd, u32(0), u32(0), u32(512))))));
        f.add(new Frame(tcp4(false, 5000, 1000 + 4 + 100, reply(0x4001, concat(ok, postOp(FILE), u32(512), u32(0),
            u32(512), zeros(512))))));
        f.add(new Frame(udp6(true, call(0x5001, 3, 1, fh))));
        f.add(new Frame(udp6(false, reply(0x5001, concat(ok, FILE)))));
        return f;
    }

    /** -u: every handle (each layout, v2 and v3, odd lengths) as its words in hex, not the layout tcpdump guesses. */
    @Test
    void undecodedHandlesAsTcpdump() throws Exception {
        List<Frame> f = frames();
        // lengths not a multiple of 4: tcpdump prints the whole words and goes on after them
        v3(f, 0x7001, 3, concat(fh3(hex("0000abcd 0102")), zeros(2), name("x")), null);
        v3(f, 0x7002, 1, fh3(hex("ffffffff 00000001 0a")), null);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, f, "-u", "-u -v", "-u -vv");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(frames().subList(0, 8), 14 + 20 + 8),
            "-u -v");
    }

    @Test
    void nfsPortOnTcpAfterLdp() {
        assertEquals(TcpPorts.Decoder.NFS, TcpPorts.decoder(40000, NfsFormatter.PORT));
        assertEquals(TcpPorts.Decoder.LDP, TcpPorts.decoder(LdpFormatter.PORT, NfsFormatter.PORT));
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** Cut after the UDP header of an IPv4 packet for every frame, as before; mutated after the IP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame);
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("NFS", 2049, 6, 4, 48, MutatedFrames.ALL))
            .cut("-x", "-v")
            .mutated("", "-vv -x")
            .allocation("", "-vv", "-u -vv");
    }
}
