package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump -E: ESP (RFC 4303) encrypted here with javax.crypto from known keys, IVs and inner packets (tunnel mode:
 * IPv4, IPv6 and ESP again inside; transport mode: TCP, UDP), over IPv4 and IPv6 and in UDP on port 4500, with the
 * SA chosen by SPI and destination or the default one, a wrong key, padding that makes no sense, a ciphertext that
 * is not whole blocks, a first fragment. Against tcpdump -E (the secrets on the command line and from a file), whole,
 * cut after every byte and as seeded mutants; RFC 3602's AES-CBC test vector decrypts as published.
 */
class EspDecryptionTest {
    @TempDir
    Path dir;

    static final byte[] AES128 = hex("00112233445566778899aabbccddeeff");
    static final byte[] TDES = hex("0123456789abcdef23456789abcdef01456789abcdef0123");
    static final byte[] AES256 = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final String ASCII_KEY = "twenty-four-byte-secret!";
    static final byte[] DEFAULT_KEY = hex("fedcba98765432100123456789abcdef");
    static final byte[] INNER_A = {(byte) 192, (byte) 168, 1, 1}, INNER_B = {(byte) 192, (byte) 168, 2, 2};

    static final String SECRETS = "0x1000@10.0.0.2 aes128-cbc-hmac96:0x" + hexOf(AES128)
        + ",0x2000@10.0.0.2 3des-cbc-hmac96:0x" + hexOf(TDES)
        + ",0x3000@10.0.0.2 aes256:0x" + hexOf(AES256)
        + ",0x5000@10.0.0.2 aes-128-ecb:0x" + hexOf(AES128)
        + ",0x6000@10.0.0.2 des-ede3-cbc:0x" + hexOf(TDES)
        + ",28672@fd00:30:1b::4 aes192:" + ASCII_KEY
        + ",0x8000@10.0.0.2 aes128:0x" + hexOf(DEFAULT_KEY)
        + ",aes128-hmac96:0x" + hexOf(DEFAULT_KEY);

    static String hexOf(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    /**
     * ESP: SPI, sequence number, IV, the inner bytes with RFC 4303's padding (1, 2, 3, ...), pad length and next
     * header encrypted, then {@code icv} bytes of ICV.
     */
    static byte[] esp(long spi, long seq, String algorithm, String mode, byte[] key, byte[] iv, byte[] inner, int nh,
                      int icv, int block, int padExtra) throws Exception {
        int pad = (block - (inner.length + 2) % block) % block + padExtra;
        byte[] plain = new byte[inner.length + pad + 2];
        System.arraycopy(inner, 0, plain, 0, inner.length);
        for (int i = 0; i < pad; i++) plain[inner.length + i] = (byte) (i + 1);
        plain[plain.length - 2] = (byte) pad;
        plain[plain.length - 1] = (byte) nh;
        // GCM without its tag is CTR from the 12-byte IV and counter 2
        Cipher c = Cipher.getInstance(algorithm + "/" + (mode.equals("GCM") ? "CTR" : mode) + "/NoPadding");
        if (mode.equals("ECB")) c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, algorithm));
        else c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, algorithm),
            new IvParameterSpec(mode.equals("GCM") ? concat(iv, u32(2)) : iv));
        byte[] icvBytes = new byte[icv];
        for (int i = 0; i < icv; i++) icvBytes[i] = (byte) (0xa0 + i);
        return concat(u32(spi), u32(seq), mode.equals("ECB") ? new byte[0] : iv, c.doFinal(plain), icvBytes);
    }

    static byte[] innerPing(int seq) {
        return ipv4(1, icmpEcho(8, 0x1234, seq, ascii("abcdefghijklmnopqrstuvwxyz012345")), 0, 63, 7, 0x4000,
            new byte[0], -1, INNER_A, INNER_B);
    }

    static byte[] outer(byte[] esp) {
        return ethernet(0x0800, ipv4(50, esp));
    }

    static byte[] iv(int n, int seed) {
        byte[] iv = new byte[n];
        for (int i = 0; i < n; i++) iv[i] = (byte) (seed * 31 + i * 7);
        return iv;
    }

    private static final int NOT_WHOLE_BLOCKS = 15;

    static List<Frame> frames() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] ping = innerPing(1);
        // tunnel mode, AES-128-CBC with a 12-byte ICV; 3DES-CBC; AES-256-CBC without ICV
        f.add(new Frame(outer(esp(0x1000, 1, "AES", "CBC", AES128, iv(16, 1), ping, 4, 12, 16, 0))));
        f.add(new Frame(outer(esp(0x2000, 2, "DESede", "CBC", TDES, iv(8, 2), innerPing(2), 4, 12, 8, 0))));
        f.add(new Frame(outer(esp(0x3000, 3, "AES", "CBC", AES256, iv(16, 3), innerPing(3), 4, 0, 16, 16))));
        // transport mode: TCP and UDP (ports only: the IP header names ESP)
        byte[] tcp = tcp(40000, 80, 1000, 2000, TcpFormatter.ACK | TcpFormatter.PSH, 512, 0, new byte[0],
            ascii("GET / HTTP/1.0\r\n\r\n"), IP_A, IP_B);
        f.add(new Frame(outer(esp(0x3000, 4, "AES", "CBC", AES256, iv(16, 4), tcp, 6, 0, 16, 0))));
        byte[] udp = udp(5000, 9, ascii("discard me"), IP_A, IP_B);
        f.add(new Frame(outer(esp(0x1000, 5, "AES", "CBC", AES128, iv(16, 5), udp, 17, 12, 16, 0))));
        // ECB ciphers: aes-128-ecb, and des-ede3-cbc, which tcpdump cuts to des-ede3 (OpenSSL's 3DES-ECB)
        f.add(new Frame(outer(esp(0x5000, 6, "AES", "ECB", AES128, null, innerPing(6), 4, 0, 16, 0))));
        f.add(new Frame(outer(esp(0x6000, 7, "DESede", "ECB", TDES, null, innerPing(7), 4, 0, 8, 0))));
        // IPv6 outer, the SA by IPv6 destination, an ASCII key; IPv6 inside
        byte[] ping6 = ipv6(58, icmp6Echo(), 0x60000000L, INNER6_A, INNER6_B);
        f.add(new Frame(ethernet(0x86dd, ipv6(50, esp(0x7000, 8, "AES", "CBC", ascii(ASCII_KEY), iv(16, 8), ping6,
            41, 0, 16, 0), 0x60000000L, IP6_A, IP6_B))));
        // the same SPI to another destination: the default SA (whose key is not this one: nonsense or " [|esp]")
        f.add(new Frame(ethernet(0x0800, ipv4(50, esp(0x1000, 9, "AES", "CBC", AES128, iv(16, 9), ping, 4, 12, 16, 0),
            0, 64, 1, 0x4000, new byte[0], -1, IP_A, new byte[] {10, 0, 0, 3}))));
        // no SA for the SPI: the default one, with its own key
        f.add(new Frame(outer(esp(0x4000, 10, "AES", "CBC", DEFAULT_KEY, iv(16, 10), ping, 4, 12, 16, 0))));
        // a wrong key for the SA: whatever the padding bytes decrypt to
        for (int i = 0; i < 4; i++) {
            f.add(new Frame(outer(esp(0x8000, 11 + i, "AES", "CBC", AES128, iv(16, 11 + i), ping, 4, 0, 16, 0))));
        }
        // pad length past the payload
        byte[] badPad = esp(0x3000, 15, "AES", "CBC", AES256, iv(16, 15), innerPing(15), 4, 0, 16, 0);
        f.add(new Frame(outer(reencrypt(badPad, 200))));
        // a ciphertext that is not whole blocks; a first fragment (not decrypted)
        f.add(new Frame(outer(concat(esp(0x3000, 16, "AES", "CBC", AES256, iv(16, 16), ping, 4, 0, 16, 0),
            hex("0102030405")))));
        f.add(new Frame(ethernet(0x0800, ipv4(50, esp(0x3000, 17, "AES", "CBC", AES256, iv(16, 17), ping, 4, 0, 16, 0),
            0, 64, 1, 0x2000, new byte[0], -1, IP_A, IP_B))));
        // ESP in UDP (RFC 3948): the SA by the IP destination as for ESP over IP
        byte[] inUdp = esp(0x1000, 18, "AES", "CBC", AES128, iv(16, 18), ping, 4, 12, 16, 0);
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(4500, 4500, inUdp, IP_A, IP_B)))));
        // ESP inside ESP: tunnel to 10.0.0.2 carrying ESP to 10.0.0.2 carrying the ping
        byte[] innerEsp = esp(0x2000, 19, "DESede", "CBC", TDES, iv(8, 19), ping, 4, 12, 8, 0);
        byte[] innerIp = ipv4(50, innerEsp, 0, 63, 9, 0x4000, new byte[0], -1, IP_A, IP_B);
        f.add(new Frame(outer(esp(0x1000, 20, "AES", "CBC", AES128, iv(16, 20), innerIp, 4, 12, 16, 0))));
        // no next header, and an empty inner payload
        f.add(new Frame(outer(esp(0x3000, 21, "AES", "CBC", AES256, iv(16, 21), new byte[0], 59, 0, 16, 0))));
        return f;
    }

    static final byte[] INNER6_A = hex("fd000000000000000000000000000a01"), INNER6_B = hex("fd000000000000000000000000000a02");

    /** An ICMPv6 echo request from INNER6_A to INNER6_B, its checksum set. */
    static byte[] icmp6Echo() {
        byte[] m = concat(hex("80000000"), u16(0x77), u16(1), ascii("ping6 payload"));
        setChecksum(m, 2, pseudo(INNER6_A, INNER6_B, 58, m.length));
        return m;
    }

    /** {@code esp} (AES-256-CBC, no ICV) with its pad length byte set to {@code padLength}, encrypted again. */
    static byte[] reencrypt(byte[] esp, int padLength) throws Exception {
        byte[] iv = java.util.Arrays.copyOfRange(esp, 8, 24);
        Cipher d = Cipher.getInstance("AES/CBC/NoPadding");
        d.init(Cipher.DECRYPT_MODE, new SecretKeySpec(AES256, "AES"), new IvParameterSpec(iv));
        byte[] plain = d.doFinal(esp, 24, esp.length - 24);
        plain[plain.length - 2] = (byte) padLength;
        Cipher e = Cipher.getInstance("AES/CBC/NoPadding");
        e.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(AES256, "AES"), new IvParameterSpec(iv));
        return concat(java.util.Arrays.copyOf(esp, 24), e.doFinal(plain));
    }

    @Test
    void decryptsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "-E " + SECRETS, "-v -E " + SECRETS,
            "-vvv -e -E " + SECRETS, "-x -E " + SECRETS, "-q -E " + SECRETS);
    }

    /** The secrets from a file (comments, empty lines, blanks before the algorithm), and apart by newlines. */
    @Test
    void secretsFromFileAndNewlinesAsTcpdump() throws Exception {
        // tcpdump run as root reads it as the user it drops to: the file must be readable by all
        Path open = Files.createTempDirectory("esp-secrets");
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = open.resolve("secrets.txt");
        Files.writeString(file, "# SAs\n\n" + SECRETS.replace(",", "\n").replace(" aes256:", " \t aes256:") + "\n");
        try {
            TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "-E file " + file, "-v -E " + SECRETS.replace(',', '\n'));
        } finally {
            Files.delete(file);
            Files.delete(open);
        }
    }

    /** Without -E, and with secrets none of which applies (no default SA): the ESP line alone. */
    @Test
    void withoutSecretsAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames(), "", "-v", "-E 0x99@10.9.9.9 aes128:0x00");
    }

    static final String STREAM_SECRETS = "0x1@10.0.0.2 aes-128-ctr:0x" + hexOf(AES128) + ",0x2@10.0.0.2 aes-256-cfb:0x"
        + hexOf(AES256) + ",0x3@10.0.0.2 aes-192-ofb:" + ASCII_KEY + ",0x4@10.0.0.2 aes-128-gcm-hmac96:0x" + hexOf(AES128);

    /** The AES stream modes as OpenSSL decrypts them (OpenSSL's IV from the packet; GCM's tag not checked). */
    static List<Frame> streamFrames() throws Exception {
        List<Frame> f = new ArrayList<>();
        byte[] ping = innerPing(1);
        // the counter's low bytes carry over (CTR: 128 bits; GCM: 32 bits)
        byte[] carry = hex("0102030405060708090a0b0cfffffffe");
        f.add(new Frame(outer(esp(1, 1, "AES", "CTR", AES128, carry, ping, 4, 0, 4, 0))));
        f.add(new Frame(outer(esp(1, 2, "AES", "CTR", AES128, iv(16, 2), ping, 4, 0, 1, 3))));
        f.add(new Frame(outer(esp(2, 3, "AES", "CFB", AES256, iv(16, 3), ping, 4, 0, 4, 0))));
        f.add(new Frame(outer(esp(3, 4, "AES", "OFB", ascii(ASCII_KEY), iv(16, 4), ping, 4, 0, 4, 0))));
        f.add(new Frame(outer(esp(4, 5, "AES", "GCM", AES128, iv(12, 5), ping, 4, 12, 4, 0))));
        byte[] udp = udp(5000, 9, ascii("discard me"), IP_A, IP_B);
        f.add(new Frame(outer(esp(4, 6, "AES", "GCM", AES128, iv(12, 6), udp, 17, 12, 1, 0))));
        return f;
    }

    @Test
    void streamModesAsTcpdump() throws Exception {
        List<Frame> frames = streamFrames();
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-E " + STREAM_SECRETS, "-v -x -E " + STREAM_SECRETS);
        // a stream cipher's plaintext byte depends on its ciphertext byte alone: cuts and changes decrypt to any
        // next header, which the IP printer takes as tcpdump's ip_demux_print does
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(frames, 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-v -E " + STREAM_SECRETS);
        List<Frame> mutants = MutatedFrames.of(frames, "ESP_STREAM", 3686, 20, MutatedFrames::afterIp, 3, 40,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -E " + STREAM_SECRETS);
        PrinterAllocation.assertNoAllocationPerPacketWith(frames, "stream-mode ESP", "-E " + STREAM_SECRETS);
    }

    static final byte[] SPI_I = hex("0001020304050607"), SPI_R = hex("c02e7a3031a03188");
    static final String IKE_SECRETS = "ikev2 I 0x" + hexOf(SPI_I) + " 0x" + hexOf(SPI_R) + " sha1:0x00 aes128:0x"
        + hexOf(AES128) + "\nikev2 R 0x" + hexOf(SPI_I) + " 0x" + hexOf(SPI_R) + " md5:0x00 3des:0x" + hexOf(TDES);

    /**
     * An IKE_AUTH message (initiator or responder flag) whose encrypted payload holds an IDi and a nonce: the IV, the
     * payloads, padding and pad length encrypted, then a 12-byte ICV (sha1 and md5 say 12).
     */
    static byte[] ikeAuth(int flags, String algorithm, byte[] key, byte[] iv, int block) throws Exception {
        byte[] id = concat(new byte[] {40, 0}, u16(12), new byte[] {2, 0, 0, 0}, ascii("west"));
        byte[] nonce = concat(new byte[] {0, 0}, u16(20), hex("00112233445566778899aabbccddeeff"));
        byte[] inner = concat(id, nonce);
        int pad = (block - (inner.length + 1) % block) % block;
        byte[] plain = concat(inner, new byte[pad], new byte[] {(byte) pad});
        Cipher c = Cipher.getInstance(algorithm + "/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, algorithm), new IvParameterSpec(iv));
        byte[] body = concat(iv, c.doFinal(plain), new byte[12]);
        byte[] encrypted = concat(new byte[] {35, (byte) 0x80}, u16(4 + body.length), body);
        byte[] header = concat(SPI_I, SPI_R, new byte[] {46, 0x20, 35, (byte) flags}, u32(1), u32(28 + encrypted.length));
        return ethernet(0x0800, ipv4(17, udp(500, 500, concat(header, encrypted), IP_A, IP_B)));
    }

    static List<Frame> ikeFrames() throws Exception {
        return List.of(new Frame(ikeAuth(0x08, "AES", AES128, iv(16, 30), 16)),
            new Frame(ikeAuth(0x20, "DESede", TDES, iv(8, 31), 8)),
            new Frame(ikeAuth(0x08, "AES", AES256, iv(16, 32), 16)));   // a wrong key: nonsense payloads
    }

    /** IKEv2's encrypted payload with -E's ikev2 lines (tcpdump's esp_decrypt_buffer_by_ikev2_print). */
    @Test
    void ikev2AsTcpdump() throws Exception {
        List<Frame> frames = ikeFrames();
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-v -E " + IKE_SECRETS, "-vvv -x -E " + IKE_SECRETS,
            "-E " + IKE_SECRETS, "-v");
        Path file = dir.resolve("ike.pcap");
        TestPcap.write(file, dev.fabricscope.capture.LinkType.EN10MB, 1_700_000_000L, frames);
        List<String> lines = PacketPrinterTest.perPacket(file, TcpdumpOracle.PrinterFlags.of("-v -E " + IKE_SECRETS)
            .printer());
        assertTrue(lines.get(0).contains("(v2IDi: len=8 fqdn:west)") && lines.get(1).contains("(v2IDi: len=8 fqdn:west)"),
            String.join("\n", lines));   // decrypted, both ways (the oracle's agreement alone would not say so)
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(frames, 14 + 20),
            "-vv -E " + IKE_SECRETS);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, MutatedFrames.of(frames, "ESP_IKE", 7296, 30,
            MutatedFrames::afterIp, 3, 40, MutatedFrames.ALL), "-vvv -E " + IKE_SECRETS);
        PrinterAllocation.assertNoAllocationPerPacketWith(frames, "decrypted IKEv2", "-v -E " + IKE_SECRETS);
    }

    @Test
    void cutAsTcpdump() throws Exception {
        List<Frame> some = frames().subList(0, 8);
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(some, 14 + 20);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-x -E " + SECRETS, "-v -E " + SECRETS);
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(frames(), "ESP", 4303, 20, MutatedFrames::afterIp, 3, 40,
            MutatedFrames.ALL);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -E " + SECRETS);
    }

    @Test
    void noAllocationPerPacket() throws Exception {
        PrinterAllocation.assertNoAllocationPerPacketWith(frames(), "ESP", "", "-v", "-E 0x99@10.9.9.9 aes128:0x00");
        // decrypting too, but for the ciphertext that is not whole blocks (its warning is a new string)
        List<Frame> whole = new ArrayList<>(frames());
        whole.remove(NOT_WHOLE_BLOCKS);
        PrinterAllocation.assertNoAllocationPerPacketWith(whole, "decrypted ESP", "-E " + SECRETS, "-v -E " + SECRETS);
    }

    /**
     * DES-CBC and Blowfish-CBC are OpenSSL 3 legacy ciphers (tcpdump with OpenSSL 3 and no legacy provider fails on
     * them): what they decrypt to prints as tcpdump prints the same inner packet under AES-CBC.
     */
    @Test
    void legacyCiphersPrintTheInnerPacketAsAesDoes() throws Exception {
        assumeTrue(Tcpdump.available(), "tcpdump is not installed: the oracle for this test (apt-get install tcpdump)");
        byte[] ping = innerPing(1);
        byte[] des = hex("0123456789abcdef");
        byte[] bf = hex("00112233445566778899aabbccddeeff");
        List<Frame> legacy = List.of(new Frame(outer(esp(0x1000, 1, "DES", "CBC", des, iv(8, 1), ping, 4, 12, 8, 0))),
            new Frame(outer(esp(0x1000, 1, "Blowfish", "CBC", bf, iv(8, 1), ping, 4, 12, 8, 0))),
            new Frame(outer(esp(0x1000, 1, "DES", "ECB", des, null, ping, 4, 12, 8, 0))));
        List<Frame> aes = List.of(new Frame(outer(esp(0x1000, 1, "AES", "CBC", AES128, iv(16, 1), ping, 4, 12, 16, 0))));
        Path file = dir.resolve("aes.pcap");
        TestPcap.write(file, dev.fabricscope.capture.LinkType.EN10MB, 1_700_000_000L, aes);
        String expected = Tcpdump.run(file, "UTC", "-E", "aes128-hmac96:0x" + hexOf(AES128)).getFirst().full();
        String inner = expected.substring(expected.indexOf("length ", expected.indexOf("ESP(")));
        inner = inner.substring(inner.indexOf(':'));
        String[] secrets = {"des-cbc-hmac96:0x" + hexOf(des), "blowfish-cbc-hmac96:0x" + hexOf(bf),
            "des-ecb-hmac96:0x" + hexOf(des)};
        for (int i = 0; i < legacy.size(); i++) {
            Path one = dir.resolve("legacy" + i + ".pcap");
            TestPcap.write(one, dev.fabricscope.capture.LinkType.EN10MB, 1_700_000_000L, List.of(legacy.get(i)));
            String ours = PacketPrinterTest.perPacket(one, TcpdumpOracle.PrinterFlags.of("-E " + secrets[i]).printer())
                .getFirst().strip();
            assertTrue(ours.endsWith(inner), secrets[i] + ": " + ours + " / " + inner);
        }
    }

    /** RFC 3602 section 4, case #2 (AES-128-CBC, two blocks), through the SA's cipher: the published plaintext. */
    @Test
    void rfc3602Vector() throws Exception {
        byte[] key = hex("c286696d887c9aa0611bbb3e2025a45a");
        byte[] iv = hex("562e17996d093d28ddb3ba695a2e6f58");
        byte[] ct = hex("d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1");
        byte[] plain = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        // as ESP: SPI, sequence, IV, ciphertext; the last two plaintext bytes are pad length 0x1e and next header 0x1f
        byte[] frame = outer(concat(u32(0x1000), u32(1), iv, ct));
        List<String> warnings = new ArrayList<>();
        PacketPrinter printer = new PacketPrinter(java.time.ZoneOffset.UTC, Verbosity.NORMAL, java.util.Set.of(),
            TimestampStyle.TIME, RawDump.NONE, null, null, "aes128:0x" + hexOf(key), warnings::add);
        Path file = dir.resolve("rfc3602.pcap");
        TestPcap.write(file, dev.fabricscope.capture.LinkType.EN10MB, 1_700_000_000L, List.of(new Frame(frame)));
        String line = PacketPrinterTest.perPacket(file, printer).getFirst().strip();
        // the last two plaintext bytes: pad length 30 (of 32, so an empty payload) and next header 31
        assertEquals(0x1e, plain[30]);
        assertTrue(line.endsWith("ESP(spi=0x00001000,seq=0x1), length 56:  ip-proto-31 0"), line);
        assertEquals(List.of(), warnings);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(new Frame(frame)), "-E aes128:0x" + hexOf(key));
    }

    @Test
    void badSecretsWarnOrEnd() throws Exception {
        List<Frame> one = frames().subList(0, 1);
        Path file = dir.resolve("one.pcap");
        TestPcap.write(file, dev.fabricscope.capture.LinkType.EN10MB, 1_700_000_000L, one);
        List<String> warnings = new ArrayList<>();
        PacketPrinter printer = new PacketPrinter(java.time.ZoneOffset.UTC, Verbosity.NORMAL, java.util.Set.of(),
            TimestampStyle.TIME, RawDump.NONE, null, null,
            "zz@1.2.3.4 aes128:0x00,1@1.2.3 aes128:0x00,cast128-cbc:0x00,1@1.2.3.4 x", warnings::add);
        PacketPrinterTest.perPacket(file, printer);
        assertEquals(List.of("print_esp: failed to decode spi# zz", "print_esp: can not decode IP# 1.2.3",
            "failed to find cipher algo cast128 (a cipher this JDK does not have)", "failed to decode espsecret: x"),
            warnings);
        PacketPrinter bad = new PacketPrinter(java.time.ZoneOffset.UTC, Verbosity.NORMAL, java.util.Set.of(),
            TimestampStyle.TIME, RawDump.NONE, null, null, "aes128:0x0g", w -> { });
        EspSecrets.BadSecretException e = assertThrows(EspSecrets.BadSecretException.class,
            () -> PacketPrinterTest.perPacket(file, bad));
        assertEquals("invalid hex digit g in espsecret", e.getMessage());
    }
    /**
     * A capture on several interfaces has one printer each and one parse of -E's secrets ({@link EspSecrets.Parsed}):
     * its warnings once, as tcpdump's; each printer, in a thread of its own, decrypts as a lone printer does.
     */
    @Test
    void printersOfOneRunShareTheParseNotTheCiphers() throws Exception {
        Path file = dir.resolve("esp.pcap");
        TestPcap.write(file, dev.fabricscope.capture.LinkType.EN10MB, 1_700_000_000L, frames());
        String secrets = "zz@1.2.3.4 aes128:0x00,cast128-cbc:0x00," + SECRETS;
        List<String> loneWarnings = new ArrayList<>();
        List<String> expected = PacketPrinterTest.perPacket(file, new PacketPrinter(java.time.ZoneOffset.UTC,
            Verbosity.VERBOSE, java.util.Set.of(), TimestampStyle.TIME, RawDump.NONE, null, null, secrets,
            loneWarnings::add));
        List<String> load = List.of("print_esp: failed to decode spi# zz",
            "failed to find cipher algo cast128 (a cipher this JDK does not have)");
        assertEquals(load, loneWarnings.subList(0, 2));
        List<String> perPacket = loneWarnings.subList(2, loneWarnings.size());   // a packet's, every time
        assertEquals(List.of("esp_print: ciphertext size 69 is not a multiple of the cipher block size 16"), perPacket);
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        EspSecrets.Parsed parsed = new EspSecrets.Parsed(secrets, warnings::add);
        List<java.util.concurrent.Future<List<List<String>>>> runs = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                PacketPrinter printer = new PacketPrinter(java.time.ZoneOffset.UTC, Verbosity.VERBOSE,
                    java.util.Set.of(), TimestampStyle.TIME, RawDump.NONE, null, null, parsed);
                runs.add(pool.submit(() -> {
                    List<List<String>> passes = new ArrayList<>();
                    for (int pass = 0; pass < 20; pass++) passes.add(PacketPrinterTest.perPacket(file, printer));
                    return passes;
                }));
            }
            for (var run : runs) {
                for (List<String> pass : run.get()) assertEquals(expected, pass);
            }
        }
        assertEquals(load, warnings.subList(0, 2));   // once, not once per printer
        assertEquals(java.util.Collections.nCopies(2 * 20, perPacket.getFirst()), warnings.subList(2, warnings.size()));
    }
}
