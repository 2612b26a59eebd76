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
 * header line with tcpdump's initiator/responder guess and its payloads (RFC 2408/2409: SA with Oakley and IPsec DOI
 * attributes, KE, ID of each type, certificates, hash, signature, nonce, notifies, deletes, vendor IDs), the two
 * versions' payload types in each other's chains; over UDP 500, 7500 and after 4500's non-ESP marker, IPv4 and IPv6,
 * in every verbosity, whole, cut after every byte and mutated.
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

    /** IKEv1 transform payload (RFC 2408 3.6): more, number, id, attributes. */
    static String v1Transform(boolean more, int number, int id, String attributes) {
        int len = 8 + hex(attributes).length;
        return String.format("%02x00%04x%02x%02x0000", more ? 3 : 0, len, number, id) + attributes;
    }

    /** Main mode's SA (RFC 2409 with Oakley attributes): DOI IPsec, situation identity, one ISAKMP proposal. */
    static String v1MainModeSa(int situation) {
        return "00000001" + String.format("%08x", situation) + (situation == 1 ? "" : "00000000")
            + proposal(false, 1, 1, "",
                v1Transform(true, 1, 1, "800100078003000100020004000151808002000280040002800b0001800e0080"),
                v1Transform(true, 2, 1, "80010005800200018003000380040005800b0001000c000400007080"),
                v1Transform(false, 3, 1, "8001000180020002800300fd8004000e80050003800c0e10001000020102"));
    }

    /** Quick mode's SA: ESP, AH and IPComp proposals with SPIs and IPsec DOI attributes. */
    static String v1QuickModeSa() {
        return "0000000100000001"
            + proposal(true, 1, 3, "c0ffee01",
                v1Transform(true, 1, 12, "80010001000200040000708080040001800500028006008080030012"),
                v1Transform(false, 2, 3, "800400028005000580070004"))
            + proposal(true, 1, 2, "c0ffee02", v1Transform(false, 1, 7, "80050007"))
            + proposal(false, 1, 4, "1234", v1Transform(false, 1, 2, "80090002"));
    }

    /**
     * IKEv1 (RFC 2408, 2409): main mode from the initiator and the responder, aggressive mode, quick mode,
     * informational with notifies and deletes, then unknown cookies and encrypted messages.
     */
    static List<Frame> ikev1() {
        byte[] a = hex("0a000001"), b = hex("0a000002"), c = hex("0a000003");
        String i1 = "1111111111111111", r1 = "2222222222222222";
        List<Frame> f = new ArrayList<>();
        f.add(udp4From(a, b, message(i1, "0000000000000000", 0x10, 2, 0, 0, -1, List.of(
            new Payload(1, v1MainModeSa(1)), new Payload(13, "4a131c81070358455c5728f20e95452f"),
            new Payload(13, "afcad71368a1f1c96b8696fc77570100")))));
        f.add(udp4From(b, a, message(i1, r1, 0x10, 2, 0, 0, -1, List.of(
            new Payload(1, v1MainModeSa(3)), new Payload(4, NONCE + NONCE), new Payload(10, NONCE),
            new Payload(10, NONCE.substring(0, 24)), new Payload(20, HASH), new Payload(20, HASH)))));
        f.add(udp4From(c, a, message(i1, r1, 0x10, 2, 0, 0, -1, List.of(
            new Payload(5, "01110000c0a80001"), new Payload(5, "02000000766964"), new Payload(5, "0300000061406200"),
            new Payload(5, "04000000c0a80000ffffff00"), new Payload(5, "05000000" + "20010db8000000000000000000000001"),
            new Payload(5, "0600000020010db8000000000000000000000000ffffffffffffffff0000000000000000"),
            new Payload(5, "07000000c0a80001c0a800ff"),
            new Payload(5, "08000000" + "20010db8000000000000000000000001" + "20010db80000000000000000000000ff"),
            new Payload(5, "09000000" + "300d"), new Payload(5, "0b000000" + "6b6579"), new Payload(5, "0c000000aa"),
            new Payload(5, "01000000c0a8"), new Payload(5, "04000000c0a80000"), new Payload(5, "05000000c0a8"),
            new Payload(5, "06000000c0a8"), new Payload(5, "07000000c0a8"), new Payload(5, "08000000c0a8"),
            new Payload(5, "01000000")))));
        f.add(udp4From(a, b, message(i1, r1, 0x10, 4, 0, 0, -1, List.of(
            new Payload(6, "04" + HASH), new Payload(7, "04"), new Payload(7, "0e3030"), new Payload(8, HASH),
            new Payload(9, HASH + HASH)))));
        f.add(udp4From(a, b, message(i1, r1, 0x10, 32, 0, 0x5f724dc6L, -1, List.of(
            new Payload(8, HASH), new Payload(1, v1QuickModeSa()), new Payload(10, NONCE),
            new Payload(5, "04110000c0a80000ffffff00")))));
        f.add(udp4From(b, a, message(i1, r1, 0x10, 5, 0, 0x1234L, -1, List.of(
            new Payload(11, "00000001" + "01100018" + i1 + r1),
            new Payload(11, "00000001" + "03044000" + "c0ffee01"),
            new Payload(11, "00000001" + "03046000" + "c0ffee01" + "800b0001000c000400000e10"),
            new Payload(11, "00000001" + "03046001" + "c0ffee01" + "00000001"),
            new Payload(11, "00000001" + "03046001" + "c0ffee01" + "00000000"),
            new Payload(11, "00000001" + "00002001"), new Payload(11, "00000001" + "00008000"),
            new Payload(11, "00000001" + "00004001"), new Payload(11, "00000001" + "00000099"),
            new Payload(11, "00000002" + "00004000"), new Payload(11, "00000000" + "01022001" + "abcd"),
            new Payload(11, "00000003" + "00006000"), new Payload(11, "00000003" + "00000007"),
            new Payload(12, "00000001" + "03040002" + "c0ffee01c0ffee02"),
            new Payload(12, "00000005" + "01100001" + i1 + r1)))));
        f.add(udp4From(a, c, message("3333333333333333", "4444444444444444", 0x10, 5, 1, 9, 8, List.of())));
        f.add(udp4From(a, c, message("3333333333333333", "4444444444444444", 0x10, 32, 3, 0x5f724dc6L, 8, List.of())));
        f.add(udp4From(a, c, message("0000000000000000", "4444444444444444", 0x10, 6, 4, 9, 0, List.of())));
        f.add(udp6(500, 500, message("5555555555555555", "0000000000000000", 0x10, 4, 0, 0, -1, List.of(
            new Payload(1, "00000002" + "00000001" + "00000000"), new Payload(4, NONCE), new Payload(14, "00")))));
        f.add(udp6(500, 500, message("5555555555555555", "6666666666666666", 0x10, 4, 2, 0, -1, List.of(
            new Payload(1, "00000001" + "00000006" + "00000000" + "000000080101"), new Payload(33, saInit())))));
        return f;
    }

    /** IKEv1 payload types inside IKEv2 messages go to IKEv1's printers, and the encrypted type in IKEv1 to none. */
    static List<Frame> mixed() {
        List<Frame> f = new ArrayList<>();
        f.add(udp4(500, 500, message(ISPI, RSPI, 0x20, 35, 0x08, 1, -1, List.of(new Payload(1, v1MainModeSa(1)),
            new Payload(8, HASH), new Payload(11, "00000001" + "03046001" + "c0ffee01" + "00000001"),
            new Payload(12, "00000001" + "0304000100000000"), new Payload(5, "01000000c0a80001"),
            new Payload(40, NONCE)))));
        f.add(udp4(500, 500, message(ISPI, RSPI, 0x10, 2, 0, 0, -1, List.of(new Payload(46, "00"),
            new Payload(40, NONCE)))));
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
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, frames(), "", "-v", "-vv", "-vvv", "-vvvv", "-q");
    }

    @Test
    void ikev1AsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, ikev1(), "", "-v", "-vv", "-vvv", "-vvvv");
    }

    @Test
    void mixedAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, mixed(), "-v", "-vvv");
    }

    @Test
    void cutMessagesAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames(), UDP);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x -v", "-vv");
    }

    @Test
    void cutIkev1AsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(ikev1(), UDP);
        cut.addAll(TcpdumpOracle.cutAfterEveryByte(mixed(), UDP));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x -v", "-vv");
    }

    /** Mutants: the header and the payloads of every message above (IPv4 ones), in the first 40 bytes and anywhere. */
    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> all = new ArrayList<>(frames());
        all.addAll(ikev1());
        all.addAll(mixed());
        List<Frame> v4 = new ArrayList<>();
        for (Frame frame : all) if ((frame.bytes()[12] & 0xff) == 0x08 && frame.bytes().length > IKE + 28) v4.add(frame);
        List<Frame> headers = MutatedFrames.of(v4, "IKE", 500, 8, frame -> UDP + 4, 3, 40, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, headers, "-x", "-vv");
        List<Frame> payloads = MutatedFrames.of(v4, "IKEV", 7296, 12, frame -> IKE + 28, 4, 0, MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, payloads, "-x -v", "-vvv", "-vvvv");
    }

    @Test
    void printsWithoutAllocating() {
        List<Frame> all = new ArrayList<>(frames());
        all.addAll(ikev1());
        all.addAll(mixed());
        PrinterAllocation.assertNoAllocationPerPacketWith(all, "ISAKMP/IKE", "", "-v", "-vvv", "-vvvv");
    }
}
