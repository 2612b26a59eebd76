package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ISAKMP/IKE (RFC 2408 header, RFC 7296 IKEv2 payloads) against tcpdump 4.99 itself: IKE_SA_INIT with SA, proposals,
 * transforms and attributes, KE, nonce, notifies (NAT detection, cookie short and long, errors, status), vendor IDs;
 * IKE_AUTH in the clear (IDs of each type, AUTH, an ESP proposal with its SPI, TS, certificates, delete, CP, EAP,
 * unknown payloads) and encrypted; the header alone with odd versions, exchanges and flags, length mismatches; IKEv1's
 * header line with tcpdump's initiator/responder guess; over UDP 500, 7500 and after 4500's non-ESP marker, IPv4 and
 * IPv6, in every verbosity, whole, cut after every byte and mutated. IKEv1's payloads (-v) are not decoded here, nor
 * IKEv1 payload types inside an IKEv2 chain: mutants that could reach them are left out.
 */
class IkeFormatterTest {
    @TempDir
    Path dir;

    private static final int UDP = 14 + 20, IKE = UDP + 8;
    private static final String ISPI = "0102030405060708", RSPI = "a1a2a3a4a5a6a7a8";

    /** One payload of a chain: its type and body (after the generic header), critical bit optional. */
    record Payload(int type, boolean critical, String body) {
        Payload(int type, String body) {
            this(type, false, body);
        }
    }

    /** An IKE message: the RFC 2408/7296 header (its length counted) and the payload chain linked by type. */
    static byte[] message(String ispi, String rspi, int version, int exchange, int flags, long msgid, int firstNp,
                          List<Payload> payloads) {
        ByteArrayOutputStream chain = new ByteArrayOutputStream();
        for (int i = 0; i < payloads.size(); i++) {
            Payload pl = payloads.get(i);
            byte[] body = hex(pl.body());
            int next = i + 1 < payloads.size() ? payloads.get(i + 1).type() : 0;
            if (pl.type() == 46) next = 35;   // the encrypted payload names the first inside
            int len = 4 + body.length;
            chain.write(next);
            chain.write(pl.critical() ? 0x80 : 0);
            chain.write(len >>> 8);
            chain.write(len);
            chain.writeBytes(body);
        }
        byte[] rest = chain.toByteArray();
        int total = 28 + rest.length;
        int np = firstNp >= 0 ? firstNp : payloads.isEmpty() ? 0 : payloads.getFirst().type();
        return concat(hex(ispi), hex(rspi), new byte[] {(byte) np, (byte) version, (byte) exchange, (byte) flags},
            u32(msgid), u32(total), rest);
    }

    static byte[] message(int exchange, int flags, long msgid, Payload... payloads) {
        return message(ISPI, msgid == 0 && (flags & 0x20) == 0 ? "0000000000000000" : RSPI, 0x20, exchange, flags,
            msgid, -1, List.of(payloads));
    }

    private static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static Frame udp4From(byte[] src, byte[] dst, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(500, 500, payload, src, dst), 0, 64, 1, 0, new byte[0], -1,
            src, dst)));
    }

    static Frame udp6(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, payload, IP6_A, IP6_B), 0x60000000L, IP6_A,
            IP6_B)));
    }

    /** Proposal substructure (RFC 7296 3.3.1): more, number, protocol, SPI, transforms as given. */
    static String proposal(boolean more, int number, int protocol, String spi, String... transforms) {
        StringBuilder body = new StringBuilder();
        for (String t : transforms) body.append(t);
        int spiSize = hex(spi).length;
        int len = 8 + spiSize + hex(body.toString()).length;
        return String.format("%02x00%04x%02x%02x%02x%02x", more ? 2 : 0, len, number, protocol, spiSize,
            transforms.length) + spi + body;
    }

    /** Transform substructure (RFC 7296 3.3.2): more, type, id, attributes. */
    static String transform(boolean more, int type, int id, String attributes) {
        int len = 8 + hex(attributes).length;
        return String.format("%02x00%04x%02x00%04x", more ? 3 : 0, len, type, id) + attributes;
    }

    static String saInit() {
        return proposal(false, 1, 1, "",
            transform(true, 1, 12, "800e0080"),
            transform(true, 1, 20, "800e0100"),
            transform(true, 2, 2, ""),
            transform(true, 3, 2, ""),
            transform(true, 4, 14, ""),
            transform(true, 4, 19, ""),
            transform(true, 5, 0, ""),
            transform(true, 9, 7, "000e000400000080"),
            transform(false, 3, 12, "0001000201020005"));
    }

    static final String NONCE = "00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210";
    static final String HASH = "3b0aa4b8a6b45c1d2e3f405162738495a6b7c8d9";

    static List<byte[]> messages() {
        List<byte[]> m = new ArrayList<>();
        // IKE_SA_INIT request and response
        m.add(message(34, 0x08, 0,
            new Payload(33, saInit() + proposal(false, 2, 1, "", transform(false, 4, 2, ""))),
            new Payload(34, "000e0000" + NONCE + NONCE),
            new Payload(40, NONCE),
            new Payload(41, "00004004" + HASH),
            new Payload(41, "00004005" + HASH),
            new Payload(41, "0000402e0002000300040005"),
            new Payload(43, "4f45af5c2e5a32b7")));
        m.add(message(34, 0x20, 0,
            new Payload(33, proposal(false, 1, 1, "", transform(true, 1, 12, "800e0080"), transform(true, 2, 2, ""),
                transform(true, 3, 2, ""), transform(false, 4, 14, ""))),
            new Payload(34, "000e0000" + NONCE),
            new Payload(40, NONCE.substring(0, 16)),
            new Payload(38, "04" + HASH),
            new Payload(41, "00004006" + "0011223344556677")));
        // a cookie to return, long; INVALID_KE_PAYLOAD; NO_PROPOSAL_CHOSEN with an SPI
        m.add(message(34, 0x20, 0, new Payload(41, "00004006" + NONCE + NONCE)));
        m.add(message(34, 0x20, 0, new Payload(41, "00000011" + "000e")));
        m.add(message(37, 0x20, 7, new Payload(41, "0304000ec0ffee01")));
        // IKE_AUTH in the clear: IDs, AUTH, an ESP proposal with a 4-byte SPI, traffic selectors
        m.add(message(35, 0x08, 1,
            new Payload(35, "02000000" + "736974652d612e6578616d706c652e6f7267"),
            new Payload(37, "04" + HASH),
            new Payload(41, "00004000"),
            new Payload(36, "010000000a000002"),
            new Payload(39, "02000000" + HASH + HASH),
            new Payload(33, proposal(false, 1, 3, "c0ffee01", transform(true, 1, 12, "800e0100"),
                transform(true, 3, 12, ""), transform(false, 5, 0, ""))),
            new Payload(44, "01000000" + "070000100000ffff0a000000 0a0000ff".replace(" ", "")),
            new Payload(45, "01000000" + "070000100000ffff0a010000 0a0100ff".replace(" ", "")),
            new Payload(41, "00004007")));
        m.add(message(35, 0x20, 1,
            new Payload(36, "05000000" + "20010db8000000000000000000000001"),
            new Payload(39, "01000000" + HASH),
            new Payload(47, "02000000000100000003000000080000"),
            new Payload(35, "03000000" + "616c69636540782e6f72670a"),
            new Payload(35, "09000000" + "300d310b3009060355040613025553"),
            new Payload(35, "0a000000" + "8204"),
            new Payload(35, "0b000000" + "6b6579"),
            new Payload(35, "07000000" + "0102"),
            new Payload(48, "0101000501"),
            new Payload(39, "09000000" + "00"),
            new Payload(49, "0000"),
            new Payload(14, "00"),
            new Payload(43, true, "537472"),
            new Payload(42, "030400010c0ffee0")));
        // encrypted IKE_AUTH and INFORMATIONAL, child_sa, and the E flag (nothing decoded after it)
        m.add(message(35, 0x08, 1, new Payload(46, "0a0b0c0d0e0f" + NONCE)));
        m.add(message(37, 0x28, 2, new Payload(46, "0a0b0c")));
        m.add(message(36, 0x08, 3, new Payload(46, "aa")));
        m.add(message(36, 0x09, 3, new Payload(46, "aa")));
        // odd headers: flags without I, V or R; unknown exchange; minor version; no payloads
        m.add(message(ISPI, RSPI, 0x21, 40, 0x10, 5, -1, List.of(new Payload(41, "00004000"))));
        m.add(message(ISPI, RSPI, 0x20, 0, 0x40, 0, -1, List.of()));
        m.add(message(ISPI, RSPI, 0x30, 34, 0x08, 0, -1, List.of(new Payload(40, NONCE))));
        m.add(message(ISPI, RSPI, 0x00, 34, 0x08, 0, -1, List.of()));
        // payloads that end the chain or the SA early: a short length, a proposal too long, a bad transform
        m.add(message(ISPI, RSPI, 0x20, 34, 0x08, 0, 40, List.of(new Payload(33, "000000040101"))));
        m.add(message(ISPI, RSPI, 0x20, 34, 0x08, 0, -1, List.of(new Payload(33, "00000040010100010300000c"))));
        m.add(message(34, 0x08, 0, new Payload(33, "0000000c01010001" + "03000004")));
        m.add(message(34, 0x08, 0, new Payload(33, "0000001401010001" + "0000000c01000003" + "000e00"),
            new Payload(40, NONCE)));
        m.add(message(34, 0x08, 0, new Payload(33, "0000001001010001" + "0000000801000003" + "0000")));
        m.add(message(34, 0x08, 0, new Payload(33, "0000000c01010401" + "aabbccdd")));
        m.add(message(34, 0x08, 0, new Payload(33, "0200000801010000" + "0100000801010000")));
        m.add(message(34, 0x08, 0, new Payload(34, "000e"), new Payload(41, "0004"), new Payload(39, "01")));
        m.add(message(34, 0x08, 0, new Payload(36, "0200"), new Payload(40, "")));
        return m;
    }

    /**
     * IKEv1 (RFC 2408): main mode from the initiator and the responder, then an unknown cookie; headers only (no
     * payload, or encrypted ones).
     */
    static List<Frame> ikev1() {
        byte[] a = hex("0a000001"), b = hex("0a000002"), c = hex("0a000003");
        List<Frame> f = new ArrayList<>();
        f.add(udp4From(a, b, message("1111111111111111", "0000000000000000", 0x10, 2, 0, 0, 0, List.of())));
        f.add(udp4From(b, a, message("1111111111111111", "2222222222222222", 0x10, 2, 0, 0, 0, List.of())));
        f.add(udp4From(c, a, message("1111111111111111", "2222222222222222", 0x10, 2, 0, 0, 0, List.of())));
        f.add(udp4From(a, b, message("1111111111111111", "2222222222222222", 0x10, 32, 3, 0x5f724dc6L, 8, List.of())));
        f.add(udp4From(a, c, message("3333333333333333", "4444444444444444", 0x10, 5, 1, 9, 8, List.of())));
        f.add(udp4From(a, c, message("0000000000000000", "4444444444444444", 0x10, 6, 4, 9, 0, List.of())));
        f.add(udp6(500, 500, message("5555555555555555", "0000000000000000", 0x10, 4, 0, 0, 0, List.of())));
        f.add(udp6(500, 500, message("5555555555555555", "6666666666666666", 0x10, 4, 2, 0, 0, List.of())));
        return f;
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        List<byte[]> m = messages();
        for (int i = 0; i < m.size(); i++) {
            byte[] msg = m.get(i);
            f.add(i % 3 == 2 ? udp4(4500, 4500, concat(hex("00000000"), msg)) : udp4(500, 500, msg));
        }
        f.add(udp4(500, 61000, m.getFirst()));
        f.add(udp4(7500, 40000, m.get(1)));
        f.add(udp4(40000, 8500, m.get(4)));
        f.add(udp6(500, 500, m.get(5)));
        f.add(udp6(4500, 4500, concat(hex("00000000"), m.get(6))));
        byte[] longer = udp4(500, 500, concat(m.get(3), hex("00000000"))).bytes();   // IKE length < UDP's
        f.add(new Frame(longer));
        f.add(udp4(500, 500, hex("0102030405060708")));                              // shorter than a header
        f.add(udp4(4500, 4500, hex("00000000 0102030405060708")));
        return f;
    }

    @Test
    void wholeMessagesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-vv", "-vvv", "-q");
    }

    @Test
    void ikev1HeadersAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, ikev1(), "", "-vv");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), UDP);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x -v", "-vv");
    }

    @Test
    void cutIkev1AsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(ikev1(), UDP), "-x");
    }

    /**
     * Mutants: the header and the first payloads at default verbosity (IKEv1 headers included); with -v only those
     * that keep IKEv2, the E flag, and the top-level chain's types and lengths, in messages without an SA (whose
     * proposals decide where the next payload starts), so that no IKEv1 payload printer is reached.
     */
    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> v4 = new ArrayList<>();
        for (Frame frame : frames()) if ((frame.bytes()[12] & 0xff) == 0x08 && frame.bytes()[UDP + 1] == (byte) 0xf4) {
            v4.add(frame);
        }
        List<Frame> headers = MutatedFrames.of(v4, "IKE", 500, 12, frame -> UDP + 4, 3, 40, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, headers, "-x", "");
        List<Frame> noSa = new ArrayList<>();
        for (Frame frame : v4) if (!hasSa(frame.bytes())) noSa.add(frame);
        MutatedFrames.Keep chainKept = (original, mutant, start) -> sameChain(original, mutant);
        List<Frame> payloads = MutatedFrames.of(noSa, "IKEV", 7296, 25, frame -> IKE + 28, 3, 24, chainKept);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, payloads, "-x -v", "-vv");
    }

    private static boolean hasSa(byte[] frame) {
        if (frame.length < IKE + 28) return false;
        for (int np = frame[IKE + 16] & 0xff, ext = IKE + 28; np != 0 && ext + 4 <= frame.length; ) {
            if (np == 33) return true;
            if (np == 46) return false;
            int len = (frame[ext + 2] & 0xff) << 8 | frame[ext + 3] & 0xff;
            if (len <= 4) return false;
            np = frame[ext] & 0xff;
            ext += len;
        }
        return false;
    }

    /** The version, flags and the top-level chain's type and length fields are the original's. */
    private static boolean sameChain(byte[] original, byte[] mutant) {
        for (int i = IKE + 16; i < IKE + 20; i++) if (original[i] != mutant[i]) return false;
        for (int np = original[IKE + 16] & 0xff, ext = IKE + 28; np != 0 && ext + 4 <= original.length; ) {
            for (int i = ext; i < ext + 4 && i < mutant.length; i++) if (original[i] != mutant[i]) return false;
            int len = (original[ext + 2] & 0xff) << 8 | original[ext + 3] & 0xff;
            if (len <= 4 || np == 46) return true;
            np = original[ext] & 0xff;
            ext += len;
        }
        return true;
    }

    @Test
    void printsWithoutAllocating() {
        List<Frame> all = new ArrayList<>(frames());
        all.addAll(ikev1());
        PrinterAllocation.assertNoAllocationPerPacketWith(all, "ISAKMP/IKE", "", "-v", "-vvv");
    }
}
