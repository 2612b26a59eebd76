package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * The TCP header and its options (RFC 9293, RFC 7323, RFC 2018, RFC 7413, RFC 5482, RFC 5925, RFC 6994) over IPv4 and
 * IPv6 against tcpdump 4.99 itself: every flag tcpdump names (and the AE bit it does not), every option it decodes
 * with good and broken lengths, options running past the header, data offsets too short and past the capture or the
 * IP length, the urgent pointer, a zero window, checksums good and bad, RST text, payload on ports nothing decodes;
 * whole in every verbosity, cut after every byte of the TCP header and seeded mutants of it, with absolute numbers
 * (tcpdump -S) and relative ones; {@link Connections} checks the relative numbering on whole conversations.
 */
class TcpFormatterTest extends TcpdumpConformance {
    private static final int FIN = TcpFormatter.FIN, SYN = TcpFormatter.SYN, RST = TcpFormatter.RST,
            PSH = TcpFormatter.PSH, ACK = TcpFormatter.ACK, URG = TcpFormatter.URG, ECE = TcpFormatter.ECE,
            CWR = TcpFormatter.CWR, AE = 0x100;
    private static final int SPORT = 40000, DPORT = 5001;
    private static final byte[] NONE = new byte[0];
    private static final byte[] TEXT = "hello, world\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** NOPs in front of {@code options} so the header stays a multiple of 4 bytes. */
    private static byte[] aligned(byte[] options) {
        byte[] nops = new byte[(4 - options.length % 4) % 4];
        Arrays.fill(nops, (byte) 1);
        return concat(nops, options);
    }

    static byte[] seg4(long seq, long ack, int flags, int window, int urgent, String options, byte[] data) {
        return tcp(SPORT, DPORT, seq, ack, flags, window, urgent, aligned(hex(options)), data, IP_A, IP_B);
    }

    static Frame v4(byte[] seg) {
        return new Frame(ethernet(0x0800, ipv4(6, seg)));
    }

    static Frame v4(int flags, String options, byte[] data) {
        return v4(seg4(3000000000L, 123456789L, flags, 502, 0, options, data));
    }

    static Frame v4(int flags, String options) {
        return v4(flags, options, NONE);
    }

    static Frame v6(int flags, String options, byte[] data) {
        byte[] seg = tcp(SPORT, DPORT, 3000000000L, 123456789L, flags, 502, 0, aligned(hex(options)), data,
            IP6_A, IP6_B);
        return v6(seg);
    }

    static Frame v6(int flags, String options) {
        return v6(flags, options, NONE);
    }

    static Frame v6(byte[] seg) {
        return new Frame(ethernet(0x86dd, ipv6(6, seg, 0x60000000L, IP6_A, IP6_B)));
    }

    /** {@code seg} with its data offset set to {@code words} (checksum left as it was). */
    static byte[] offset(byte[] seg, int words) {
        byte[] s = seg.clone();
        s[12] = (byte) (words << 4 | (s[12] & 0x0f));
        return s;
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // flags: none, each alone, the usual combinations, all, and AE (tcpdump 4.99 reads the flags byte only)
        f.add(v4(0, ""));
        for (int flag : new int[] {FIN, SYN, RST, PSH, ACK, URG, ECE, CWR}) f.add(v4(flag, ""));
        f.add(v4(SYN | ACK, ""));
        f.add(v4(PSH | ACK, "", TEXT));
        f.add(v4(FIN | ACK, ""));
        f.add(v4(FIN | PSH | ACK, "", TEXT));
        f.add(v4(RST | ACK, ""));
        f.add(v4(SYN | ECE | CWR, ""));
        f.add(v4(SYN | ACK | ECE, ""));
        f.add(v4(ACK | ECE, ""));
        f.add(v4(ACK | CWR | PSH, "", TEXT));
        f.add(v4(0xff, ""));
        f.add(v4(AE, ""));
        f.add(v4(AE | SYN | ECE | CWR, ""));
        f.add(v4(0xfff, ""));
        // urgent pointer (printed with URG only), zero window, the largest numbers, a sequence wrapping past 2^32
        f.add(v4(seg4(1000, 2000, URG | ACK | PSH, 8192, 5, "", TEXT)));
        f.add(v4(seg4(1000, 2000, ACK, 8192, 77, "", NONE)));
        f.add(v4(seg4(1000, 2000, URG, 0, 0xffff, "", NONE)));
        f.add(v4(seg4(1000, 2000, ACK, 0, 0, "", NONE)));
        f.add(v4(seg4(0xffffffffL, 0xffffffffL, ACK | FIN, 0xffff, 0, "", NONE)));
        f.add(v4(seg4(0xfffffff0L, 1, ACK | PSH, 65535, 0, "", new byte[32])));
        // MSS, wscale, sackOK, timestamps: a SYN's usual set, a SYN-ACK's
        f.add(v4(SYN, "0204 05b4 0402 080a 0001e240 00000000 0103 0307"));
        f.add(v4(SYN | ACK | ECE, "0204 05a0 0101 0402 0103 030e"));
        f.add(v4(ACK, "0101 080a ffffffff 80000000"));
        // SACK: no blocks, 1 to 4, a length not a multiple of 8
        f.add(v4(ACK, "0502"));
        f.add(v4(ACK, "0101 050a 00000001 00000002"));
        f.add(v4(ACK, "0101 0512 000003e8 000007d0 00000bb8 00000fa0"));
        f.add(v4(ACK, "0101 051a 00000001 00000002 00000003 00000004 fffffff0 00000010"));
        f.add(v4(ACK, "0101 0522 00000001 00000002 00000003 00000004 00000005 00000006 00000007 00000008"));
        f.add(v4(ACK, "0507 00000001 02"));
        f.add(v4(ACK, "0101 050b 00000001 00000002 03"));
        // echo, echoreply, cc, ccnew, cc-echo (tcpdump's name for it is empty)
        f.add(v4(ACK, "0606 00000064"));
        f.add(v4(ACK, "0706 ffffffff"));
        f.add(v4(SYN, "0b06 00000001 0c06 00000002 0d06 00000003"));
        // md5 without -M: tcpdump cannot check it
        f.add(v4(ACK, "0101 1312 00112233445566778899aabbccddeeff"));
        f.add(v4(ACK, "1311 00112233445566778899aabbccddee"));
        // scps, UTO (minutes and seconds)
        f.add(v4(SYN, "1404 0102"));
        f.add(v4(SYN, "1c04 8001"));
        f.add(v4(SYN, "1c04 0258"));
        f.add(v4(SYN, "1c03 80"));
        // TCP-AO: keys only, with a MAC, too short
        f.add(v4(ACK, "1d04 0102"));
        f.add(v4(ACK, "1d10 0709 000102030405060708090a0b"));
        f.add(v4(ACK, "1d03 01"));
        f.add(v4(ACK, "1d02"));
        // TFO (kind 34): cookie request, cookies of 4, 8, 16 bytes, odd and too long ones
        f.add(v4(SYN, "2202"));
        f.add(v4(SYN, "2206 01020304"));
        f.add(v4(SYN | ACK, "220a 0011223344556677"));
        f.add(v4(SYN, "2212 00112233445566778899aabbccddeeff"));
        f.add(v4(SYN, "2205 010203"));
        f.add(v4(SYN, "2204 0102"));
        f.add(v4(SYN, "2214 00112233445566778899aabbccddeeff0011"));
        // experimental (kind 254, RFC 6994): TFO's ExID, with a cookie, another ExID, too short
        f.add(v4(SYN, "fe04 f989"));
        f.add(v4(SYN, "fe0c f989 0011223344556677"));
        f.add(v4(SYN, "fe07 f989 010203"));
        f.add(v4(SYN, "fe06 1234 abcd"));
        f.add(v4(SYN, "fe03 f9"));
        f.add(v4(SYN, "fd04 0102"));
        // unknown options: with data, without, kind 255
        f.add(v4(ACK, "4b04 abcd"));
        f.add(v4(ACK, "4b02"));
        f.add(v4(ACK, "ff06 00010203"));
        // lengths that differ from the layout, too small, past the header
        f.add(v4(SYN, "0206 05b40000"));
        f.add(v4(SYN, "0203 05"));
        f.add(v4(SYN, "0304 0e00"));
        f.add(v4(SYN, "0403 00"));
        f.add(v4(ACK, "080c 00000001 00000002 0000"));
        f.add(v4(ACK, "0809 00000001 000000"));
        f.add(v4(ACK, "0200 0000"));
        f.add(v4(ACK, "0201 0000"));
        f.add(v4(ACK, "0101 0208"));
        f.add(v4(ACK, "080a 00000001 00000002 0228 05b4"));
        f.add(v4(ACK, "0101 01ff"));
        // eol ends the list; after it, more options and padding
        f.add(v4(ACK, "0204 05b4 00 000000"));
        f.add(v4(ACK | PSH, "00 0204 05b4 000000", TEXT));
        f.add(v4(ACK, "0101 0000"));
        // data offsets below 5 and past the IP length
        byte[] plain = seg4(1000, 2000, ACK, 502, 0, "", TEXT);
        for (int words = 0; words < 5; words++) f.add(v4(offset(plain, words)));
        f.add(v4(offset(plain, 15)));
        f.add(v4(offset(seg4(1000, 2000, ACK, 502, 0, "", NONE), 6)));
        // a header whose options the capture does not reach (capture ends before the data)
        byte[] longHeader = ethernet(0x0800, ipv4(6, seg4(1000, 2000, PSH | ACK, 502, 0,
            "0204 05b4 0101 080a 00000001 00000002", TEXT)));
        f.add(new Frame(Arrays.copyOf(longHeader, 14 + 20 + 26), longHeader.length));
        f.add(new Frame(Arrays.copyOf(longHeader, 14 + 20 + 32), longHeader.length));
        // an IP length that ends inside the ports, inside the header, inside the data; Ethernet padding after it
        for (int tcpLength : new int[] {2, 12, 24}) {
            f.add(new Frame(ethernet(0x0800, ipv4(6, seg4(1000, 2000, PSH | ACK, 502, 0, "", TEXT), 0, 64, 1, 0x4000,
                NONE, 20 + tcpLength, IP_A, IP_B))));
        }
        f.add(new Frame(concat(ethernet(0x0800, ipv4(6, seg4(1000, 2000, ACK, 502, 0, "", NONE))), new byte[6])));
        // checksum wrong (-v tells), and a first fragment (no checksum check)
        byte[] bad = seg4(1000, 2000, PSH | ACK, 502, 0, "", TEXT);
        bad[16] ^= 0x5a;
        f.add(v4(bad));
        f.add(new Frame(ethernet(0x0800, ipv4(6, seg4(1000, 2000, PSH | ACK, 502, 0, "", TEXT), 0, 64, 7, 0x2000,
            NONE, -1, IP_A, IP_B))));
        // RST text (-v): short, over 30 bytes, not printable
        f.add(v4(RST | ACK, "", "no such connection".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        f.add(v4(RST, "", "connection refused by the peer at the other end".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII)));
        f.add(v4(RST, "", hex("00017f80ff0a0d41")));
        // payload on ports nothing decodes
        f.add(v4(PSH | ACK, "0101 080a 00000001 00000002", new byte[100]));
        f.add(v4(ACK, "", hex("474554202f20485454502f312e310d0a")));
        // IPv6: plain, options, checksum wrong, offsets broken, RST text
        f.add(v6(SYN, "0204 05a0 0402 080a 00000001 00000000 0103 0307", NONE));
        f.add(v6(PSH | ACK, "0101 050a 00000001 00000002", TEXT));
        f.add(v6(URG | ACK | ECE | CWR, "", NONE));
        byte[] bad6 = tcp(SPORT, DPORT, 1000, 2000, PSH | ACK, 0, 0, NONE, TEXT, IP6_A, IP6_B);
        bad6[17] ^= 0x01;
        f.add(v6(bad6));
        f.add(v6(offset(tcp(SPORT, DPORT, 1000, 2000, ACK, 502, 0, NONE, TEXT, IP6_A, IP6_B), 3)));
        f.add(v6(offset(tcp(SPORT, DPORT, 1000, 2000, ACK, 502, 0, NONE, TEXT, IP6_A, IP6_B), 12)));
        f.add(v6(RST | ACK, "", "reset".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        // after a hop-by-hop header tcpdump names the ports only
        byte[] inner6 = tcp(SPORT, DPORT, 1000, 2000, PSH | ACK, 502, 0, NONE, TEXT, IP6_A, IP6_B);
        f.add(new Frame(ethernet(0x86dd, ipv6(0, concat(hex("0600 0104 00000000"), inner6), 0x60000000L, IP6_A,
            IP6_B))));
        return f;
    }

    /** The TCP header's start (after the one hop-by-hop header a frame has). */
    @Override
    int start(byte[] frame) {
        if ((frame[12] & 0xff) != 0x86) return 14 + 20;
        return frame[14 + 6] == 0 ? 14 + 40 + 8 : 14 + 40;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("TCP", 19, 5))
            .whole("", "-v", "-vv", "-q", "-v -K", "relative", "relative -vv")
            // Relative numbers too: all these frames are one conversation (or, mutated, a few), SYNs and SACKs among
            // them.
            .cut("-x", "-v -x", "relative -v -x")
            // -vv prints the sequence number of every segment, -q stops after the length: both read the header their
            // way.
            .mutated("-x", "-v -x", "-vv", "-q", "relative -vv");
    }

    /**
     * Relative sequence numbers (tcpdump without -S) over whole conversations, interleaved: handshakes and
     * closes in both directions over IPv4 and IPv6, data, SACK blocks from each side, numbers wrapping past 2^32,
     * RST with and without ACK, conversations whose SYN was not seen (the first packet with ACK sets the bases) and
     * whose first packet goes either way, equal ports (and equal addresses), a first ACK of 0, a SYN-ACK in an
     * established conversation, the ports reused after a close, segments carried in IP and quoted by ICMP. Mutants also change the addresses and ports, so they move packets between
     * conversations; each run is one capture, so every packet's numbers depend on those before it on both sides.
     */
    @Nested
    class Connections extends TcpdumpConformance {
        private static final byte[] IP_C = {(byte) 192, (byte) 168, 7, 9};
        private static final String OPENING = "0204 05b4 0402 080a 0001e240 00000000 0103 0307";

        private static Frame seg(byte[] src, byte[] dst, int sport, int dport, long seq, long ack, int flags,
                                 String options, int data) {
            byte[] payload = new byte[data];
            Arrays.fill(payload, (byte) 'a');
            byte[] tcp = tcp(sport, dport, seq, ack, flags, 8192, 0, aligned(hex(options)), payload, src, dst);
            return src.length == 4
                ? new Frame(ethernet(0x0800, ipv4(6, tcp, 0, 64, 1, 0x4000, NONE, -1, src, dst)))
                : new Frame(ethernet(0x86dd, ipv6(6, tcp, 0x60000000L, src, dst)));
        }

        @Override
        List<Frame> frames() {
            List<Frame> f = new ArrayList<>();
            long c1 = 1_000_000, s1 = 2_000_000_000L, c2 = 0xfffffed8L, s2 = 77;
            // handshakes of an IPv4 and an IPv6 conversation, the IPv6 client's numbers about to wrap
            f.add(seg(IP_A, IP_B, 40000, 80, c1, 0, SYN, OPENING, 0));
            f.add(seg(IP6_A, IP6_B, 50000, 443, c2, 0, SYN, OPENING, 0));
            f.add(seg(IP_B, IP_A, 80, 40000, s1, c1 + 1, SYN | ACK, "0204 05b4 0402 0103 0307", 0));
            f.add(seg(IP6_B, IP6_A, 443, 50000, s2, c2 + 1, SYN | ACK, "", 0));
            f.add(seg(IP_A, IP_B, 40000, 80, c1 + 1, s1 + 1, ACK, "", 0));
            f.add(seg(IP6_A, IP6_B, 50000, 443, c2 + 1, s2 + 1, PSH | ACK, "", 300));
            f.add(seg(IP_A, IP_B, 40000, 80, c1 + 1, s1 + 1, PSH | ACK, "0101 080a 00000001 00000002", 100));
            // a conversation under way before the capture, its server's packet first (rev), then its client's
            f.add(seg(IP_C, IP_A, 5000, 22, 5555, 999, PSH | ACK, "", 20));
            f.add(seg(IP6_B, IP6_A, 443, 50000, s2 + 1, (c2 + 301) & 0xffffffffL, ACK,
                "0101 050a 00000010 00000040", 0));
            f.add(seg(IP_B, IP_A, 80, 40000, s1 + 1, c1 + 101, PSH | ACK, "", 200));
            f.add(seg(IP_A, IP_C, 22, 5000, 999, 5575, ACK, "0101 0512 000015e0 00001644 00001700 00001710", 0));
            f.add(seg(IP_A, IP_B, 40000, 80, c1 + 101, s1 + 201, ACK, "0101 050a 77359500 77359600", 0));
            f.add(seg(IP_C, IP_A, 5000, 22, 5575, 999, PSH | ACK | URG, "", 10));
            f.add(seg(IP6_A, IP6_B, 50000, 443, (c2 + 301) & 0xffffffffL, s2 + 1, ACK,
                "0101 050a fffffe00 00000020", 40));
            // equal ports: the lower address's direction is the conversation's
            f.add(seg(IP_B, IP_A, 7000, 7000, 10, 20, PSH | ACK, "", 5));
            f.add(seg(IP_A, IP_B, 7000, 7000, 20, 15, PSH | ACK, "", 5));
            f.add(seg(IP_B, IP_A, 7000, 7000, 15, 25, ACK, "", 0));
            // equal ports and equal addresses: no reversal either way
            f.add(seg(IP_A, IP_A, 9000, 9000, 100, 200, PSH | ACK, "", 3));
            f.add(seg(IP_A, IP_A, 9000, 9000, 200, 103, PSH | ACK, "", 3));
            // a first ACK of 0: its base (ack - 1) wraps below 0
            f.add(seg(IP_B, IP_C, 6000, 6001, 40, 0, ACK, "0101 050a 00000000 00000010", 0));
            f.add(seg(IP_C, IP_B, 6001, 6000, 5, 41, PSH | ACK, "0101 050a 0000002a 00000030", 4));
            // closes from both sides
            f.add(seg(IP_A, IP_B, 40000, 80, c1 + 101, s1 + 201, FIN | ACK, "", 0));
            f.add(seg(IP_B, IP_A, 80, 40000, s1 + 201, c1 + 102, FIN | ACK, "", 0));
            f.add(seg(IP_A, IP_B, 40000, 80, c1 + 102, s1 + 202, ACK, "", 0));
            // resets: with ACK (relative), without (absolute, the bases untouched), with text
            f.add(seg(IP6_A, IP6_B, 50000, 443, (c2 + 341) & 0xffffffffL, s2 + 1, RST | ACK, "", 0));
            f.add(seg(IP6_B, IP6_A, 443, 50000, s2 + 1, 0, RST, "", 0));
            f.add(seg(IP6_B, IP6_A, 443, 50000, s2 + 1, (c2 + 341) & 0xffffffffL, ACK, "", 0));
            f.add(seg(IP_C, IP_A, 5000, 22, 5585, 999, RST | ACK, "", 12));
            // the IPv4 ports reused: a new handshake starts the numbering over
            f.add(seg(IP_A, IP_B, 40000, 80, 3_000_000_000L, 0, SYN, OPENING, 0));
            f.add(seg(IP_B, IP_A, 80, 40000, 123, 3_000_000_001L, SYN | ACK, "", 0));
            f.add(seg(IP_A, IP_B, 40000, 80, 3_000_000_001L, 124, PSH | ACK, "", 50));
            f.add(seg(IP_B, IP_A, 80, 40000, 124, 3_000_000_051L, ACK, "", 0));
            // carried: over IPv4 in IPv4, a first fragment, IPv6 in IPv4; all in the same tables
            byte[] carried = tcp(40000, 80, 3_000_000_051L, 124, PSH | ACK, 8192, 0, NONE, new byte[10], IP_A, IP_B);
            f.add(new Frame(ethernet(0x0800, ipv4(4, ipv4(6, carried, 0, 64, 2, 0x4000, NONE, -1, IP_A, IP_B), 0, 64,
                3, 0x4000, NONE, -1, IP_C, IP_B))));
            byte[] first = tcp(40000, 80, 3_000_000_061L, 124, ACK, 8192, 0, NONE, new byte[40], IP_A, IP_B);
            f.add(new Frame(ethernet(0x0800, ipv4(6, Arrays.copyOf(first, 32), 0, 64, 4, 0x2000, NONE, -1, IP_A,
                IP_B))));
            byte[] carried6 = tcp(443, 50000, s2 + 1, (c2 + 341) & 0xffffffffL, ACK, 8192, 0, NONE, new byte[4],
                IP6_B, IP6_A);
            f.add(new Frame(ethernet(0x0800, ipv4(41, ipv6(6, carried6, 0x60000000L, IP6_B, IP6_A), 0, 64, 5, 0x4000,
                NONE, -1, IP_C, IP_B))));
            // an ICMP error quoting a whole SYN-ACK: tcpdump -v prints (and so looks up) the quoted segment, the
            // default does not, so the next packet's numbers differ between the two
            byte[] quoted = ipv4(6, tcp(80, 40000, 555, 3_000_000_101L, SYN | ACK, 8192, 0, NONE, NONE, IP_B, IP_A),
                0, 64, 6, 0x4000, NONE, -1, IP_B, IP_A);
            f.add(new Frame(ethernet(0x0800, ipv4(1, IcmpFrames.icmp(3, 3, new byte[4], quoted), 0, 64, 7, 0, NONE, -1,
                IP_C, IP_B))));
            f.add(seg(IP_A, IP_B, 40000, 80, 3_000_000_101L, 556, ACK, "", 0));
            // the same addresses and ports over IPv6 are another conversation
            f.add(seg(IP6_A, IP6_B, 40000, 80, 500, 600, ACK, "", 8));
            f.add(seg(IP6_A, IP6_B, 40000, 80, 508, 600, ACK, "", 8));
            // a SYN whose SYN-ACK was not seen: its client's first ACK sets the bases
            f.add(seg(IP_A, IP_B, 41000, 80, 70_000, 0, SYN, "", 0));
            f.add(seg(IP_A, IP_B, 41000, 80, 70_001, 90_001, ACK, "", 0));
            f.add(seg(IP_A, IP_B, 41000, 80, 70_001, 90_001, PSH | ACK, "", 30));
            f.add(seg(IP_B, IP_A, 80, 41000, 90_001, 70_031, ACK, "", 0));
            // a SYN-ACK in the established conversation starts it over (from the other side)
            f.add(seg(IP_A, IP_C, 22, 5000, 4_000_000_000L, 6000, SYN | ACK, "", 0));
            f.add(seg(IP_C, IP_A, 5000, 22, 6000, 4_000_000_001L, PSH | ACK, "", 16));
            return f;
        }

        @Override
        int start(byte[] frame) {
            return (frame[12] & 0xff) == 0x86 ? 14 + 40 : 14 + 20;
        }

        /** From the addresses on: a mutant may land in another conversation or start one. */
        @Override
        int mutantStart(byte[] frame) {
            return (frame[12] & 0xff) == 0x86 ? 14 + 8 : 14 + 12;
        }

        @Override
        Checks checks() {
            return Checks.of(new Mutants("TCP_RELATIVE", 20, 12))
                .whole("relative", "relative -v", "relative -vv", "")
                .cut("relative -x", "relative -v -x")
                .mutated("relative -x", "relative -v -x", "relative -vv")
                .allocation("relative", "relative -v", "relative -vv");
        }
    }
}
