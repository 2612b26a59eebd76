package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * tcpdump's {@code -E} secrets (print-esp.c): "spi@ipaddr algo:secret" entries apart by commas or newlines, an entry
 * without "spi@ipaddr" the default SA, "file NAME" read a line at a time ('#' lines and empty ones skipped),
 * "ikev2 I|R 0xicookie 0xrcookie authalgo:key encalgo:key" IKEv2 SAs (for IKEv2's encrypted payloads). As tcpdump,
 * the text is parsed at the first ESP or ISAKMP packet, its warnings then go to {@code warnings} (without tcpdump's
 * "WARNING: " prefix) and an SA with a bad field is left out; an invalid hex digit or an unreadable file ends the run
 * ({@link BadSecretException}).
 *
 * <p>Ciphers by tcpdump's names (OpenSSL's, after "-hmac96", which means a 12-byte ICV, and then "-cbc" are cut off):
 * {@link Algorithm}. One JDK {@link Cipher} per SA, made at its first packet and kept: CBC is ECB plus the XOR, so a
 * packet costs no allocation here. One instance per printer, its SAs copied from the run's {@link Parsed} secrets.
 */
public final class EspSecrets {
    /** What tcpdump's ndo_error stands for here: the run ends with {@link #exitStatus()}, after {@link #getMessage()}. */
    public static final class BadSecretException extends RuntimeException {
        private final int exitStatus;

        BadSecretException(int exitStatus, String message) {
            super(message, null, false, false);
            this.exitStatus = exitStatus;
        }

        /** 2 for a bad secret (tcpdump exits 15), 1 for a file that cannot be read (tcpdump: 13). */
        public int exitStatus() {
            return exitStatus;
        }
    }

    /** How the block cipher is used: as OpenSSL's EVP decryption (GCM: its counter mode, the tag not checked). */
    enum Mode { CBC, ECB, CTR, CFB, OFB, GCM }

    /**
     * The ciphers: tcpdump's name for each (OpenSSL's, which tcpdump looks up), the JDK's, key and IV sizes, the
     * mode. "des-ede3" and "des-ede" are OpenSSL's ECB names, so "des-ede3-cbc" (cut to "des-ede3") decrypts as ECB
     * in tcpdump, and so here. DES and Blowfish are OpenSSL 3 "legacy" ciphers: a tcpdump linked with OpenSSL 3 and
     * without the legacy provider cannot use them. The AES stream modes take OpenSSL's whole IV from the packet (not
     * RFC 3686's or RFC 4106's nonce with a salt from the key), so they decrypt what tcpdump decrypts, not real
     * AES-CTR or AES-GCM ESP.
     */
    enum Algorithm {
        AES128("aes128", "AES", 16, 16, Mode.CBC), AES192("aes192", "AES", 24, 16, Mode.CBC),
        AES256("aes256", "AES", 32, 16, Mode.CBC),
        AES128_ECB("aes-128-ecb", "AES", 16, 0, Mode.ECB), AES192_ECB("aes-192-ecb", "AES", 24, 0, Mode.ECB),
        AES256_ECB("aes-256-ecb", "AES", 32, 0, Mode.ECB),
        AES128_CTR("aes-128-ctr", "AES", 16, 16, Mode.CTR), AES192_CTR("aes-192-ctr", "AES", 24, 16, Mode.CTR),
        AES256_CTR("aes-256-ctr", "AES", 32, 16, Mode.CTR),
        AES128_CFB("aes-128-cfb", "AES", 16, 16, Mode.CFB), AES192_CFB("aes-192-cfb", "AES", 24, 16, Mode.CFB),
        AES256_CFB("aes-256-cfb", "AES", 32, 16, Mode.CFB),
        AES128_OFB("aes-128-ofb", "AES", 16, 16, Mode.OFB), AES192_OFB("aes-192-ofb", "AES", 24, 16, Mode.OFB),
        AES256_OFB("aes-256-ofb", "AES", 32, 16, Mode.OFB),
        AES128_GCM("aes-128-gcm", "AES", 16, 12, Mode.GCM), AES192_GCM("aes-192-gcm", "AES", 24, 12, Mode.GCM),
        AES256_GCM("aes-256-gcm", "AES", 32, 12, Mode.GCM),
        ID_AES128_GCM("id-aes128-gcm", "AES", 16, 12, Mode.GCM), ID_AES192_GCM("id-aes192-gcm", "AES", 24, 12, Mode.GCM),
        ID_AES256_GCM("id-aes256-gcm", "AES", 32, 12, Mode.GCM),
        TRIPLE_DES("3des", "DESede", 24, 8, Mode.CBC), DES3("des3", "DESede", 24, 8, Mode.CBC),
        DES_EDE3("des-ede3", "DESede", 24, 0, Mode.ECB), DES_EDE3_ECB("des-ede3-ecb", "DESede", 24, 0, Mode.ECB),
        DES_EDE("des-ede", "DESede", 16, 0, Mode.ECB), DES_EDE_ECB("des-ede-ecb", "DESede", 16, 0, Mode.ECB),
        DES("des", "DES", 8, 8, Mode.CBC), DES_ECB("des-ecb", "DES", 8, 0, Mode.ECB),
        BLOWFISH("blowfish", "Blowfish", 16, 8, Mode.CBC), BF("bf", "Blowfish", 16, 8, Mode.CBC),
        BF_ECB("bf-ecb", "Blowfish", 16, 0, Mode.ECB);

        final String name;
        final String jdkName;
        final int keyLength, ivLength;
        final Mode mode;

        Algorithm(String name, String jdkName, int keyLength, int ivLength, Mode mode) {
            this.name = name;
            this.jdkName = jdkName;
            this.keyLength = keyLength;
            this.ivLength = ivLength;
            this.mode = mode;
        }

        /** The cipher's block size; OpenSSL's for the stream modes is 1 (any ciphertext length). */
        int blockSize() {
            return mode != Mode.CBC && mode != Mode.ECB ? 1 : cipherBlock();
        }

        int cipherBlock() {
            return jdkName.equals("AES") ? 16 : 8;
        }

        /** Whether the JDK cipher runs forwards (the stream modes encrypt a counter or register). */
        boolean encrypts() {
            return mode != Mode.CBC && mode != Mode.ECB;
        }

        /** OpenSSL's names are case-insensitive. */
        static Algorithm named(String name) {
            for (Algorithm a : values()) {
                if (a.name.equalsIgnoreCase(name)) return a;
            }
            return null;
        }
    }

    /**
     * Cipher names of OpenSSL's form (what tcpdump would find) that this JDK cannot decrypt as OpenSSL does: the
     * warning says so. A pattern of OpenSSL's families and modes, not its exact list.
     */
    private static final java.util.regex.Pattern OPENSSL_ONLY = java.util.regex.Pattern.compile(
        "(id-)?(aes|aria|camellia|sm4)(-?(128|192|256))?(-(cbc|ecb|cfb|cfb1|cfb8|ofb|ctr|gcm|ccm|ocb|xts|wrap|wrap-pad"
            + "|cbc-hmac-sha1|cbc-hmac-sha256))?"
            + "|cast128|(bf|blowfish|cast|cast5|des|desx|des-ede|des-ede3|rc2|rc4|rc5|seed|idea|chacha20|chacha20-poly1305)"
            + "(-(cbc|ecb|cfb|cfb1|cfb8|ofb|40|64|hmac-md5|wrap))?|desx-cbc|des3-wrap",
        java.util.regex.Pattern.CASE_INSENSITIVE);

    private static boolean openSslOnly(String name) {
        return OPENSSL_ONLY.matcher(name).matches();
    }

    /** One SA: the ESP SPI and destination (version 0: the default SA), or an IKEv2 pair of cookies. */
    static final class Sa {
        long spi;
        int addressVersion;
        final byte[] address = new byte[16];
        boolean ikev2, initiator;
        final byte[] initiatorCookie = new byte[8], responderCookie = new byte[8];
        Algorithm algorithm;
        int authLength;
        /** tcpdump's 256-byte secret buffer: the key is its first keyLength bytes, zeros after the secret. */
        final byte[] secret = new byte[256];
        int secretLength;
        private Cipher cipher;
        private boolean cipherFailed;
        /** The stream modes' counter or feedback register, and a block of key stream. */
        final byte[] register = new byte[16], keyStream = new byte[16];

        Sa() { }

        /** {@code parsed}'s SA with cipher state of its own (a printer's: ciphers and registers are not shared). */
        Sa(Sa parsed) {
            spi = parsed.spi;
            addressVersion = parsed.addressVersion;
            System.arraycopy(parsed.address, 0, address, 0, address.length);
            ikev2 = parsed.ikev2;
            initiator = parsed.initiator;
            System.arraycopy(parsed.initiatorCookie, 0, initiatorCookie, 0, 8);
            System.arraycopy(parsed.responderCookie, 0, responderCookie, 0, 8);
            algorithm = parsed.algorithm;
            authLength = parsed.authLength;
            System.arraycopy(parsed.secret, 0, secret, 0, secret.length);
            secretLength = parsed.secretLength;
        }

        /**
         * The ECB cipher for the key (decrypting, or encrypting for the stream modes), made once; null (and the
         * warning once) if the JDK refuses it.
         */
        Cipher cipher(Consumer<String> warnings) {
            if (cipher == null && !cipherFailed) {
                try {
                    Cipher c = Cipher.getInstance(algorithm.jdkName + "/ECB/NoPadding");
                    byte[] key = java.util.Arrays.copyOf(secret, algorithm.keyLength == 16
                        && algorithm.jdkName.equals("DESede") ? 24 : algorithm.keyLength);
                    if (key.length == 24 && algorithm.keyLength == 16) System.arraycopy(secret, 0, key, 16, 8);   // K1K2K1
                    c.init(algorithm.encrypts() ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                        new SecretKeySpec(key, algorithm.jdkName));
                    cipher = c;
                } catch (java.security.GeneralSecurityException e) {
                    cipherFailed = true;
                    warnings.accept("esp_print: espkey init failed (" + algorithm.jdkName + ": " + e.getMessage() + ")");
                }
            }
            return cipher;
        }
        /**
         * tcpdump's do_decrypt: {@code length} bytes of ciphertext at {@code ct} in {@code source} (the IV at {@code iv})
         * into {@code plain} at {@code at}; false after a warning ({@code caller}'s, as tcpdump's): no cipher, or a
         * length that is not whole blocks.
         */
        boolean decrypt(String caller, byte[] source, int iv, int ct, int length, byte[] plain, int at,
                        Consumer<String> warnings) {
            Cipher c = cipher(warnings);
            if (c == null) return false;
            int block = algorithm.blockSize();
            if (length % block != 0) {
                warnings.accept(caller + ": ciphertext size " + length + " is not a multiple of the cipher block size "
                    + block);
                return false;
            }
            try {
                switch (algorithm.mode) {
                    case CBC, ECB -> {
                        c.doFinal(source, ct, length, plain, at);
                        if (algorithm.mode == Mode.CBC) {   // each block XOR the one before it, the first the IV
                            for (int i = 0; i < length; i++) plain[at + i] ^= source[i < block ? iv + i : ct + i - block];
                        }
                    }
                    default -> stream(c, source, iv, ct, length, plain, at);
                }
                return true;
            } catch (java.security.GeneralSecurityException e) {
                warnings.accept(caller + ": EVP_DecryptUpdate failed (" + e.getMessage() + ")");
                return false;
            }
        }

        /**
         * The AES stream modes as OpenSSL's EVP decrypts them: CTR from the IV as a 128-bit counter, GCM from the
         * 12-byte IV and counter 2 (the first block after J0) with 32-bit increments, OFB and CFB (128-bit feedback)
         * from the IV.
         */
        private void stream(Cipher encrypt, byte[] source, int iv, int ct, int length, byte[] plain, int at)
                throws java.security.GeneralSecurityException {
            if (algorithm.mode == Mode.GCM) {
                System.arraycopy(source, iv, register, 0, 12);
                register[12] = register[13] = register[14] = 0;
                register[15] = 2;
            } else {
                System.arraycopy(source, iv, register, 0, 16);
            }
            for (int done = 0; done < length; done += 16) {
                encrypt.doFinal(register, 0, 16, keyStream, 0);
                int n = Math.min(16, length - done);
                for (int i = 0; i < n; i++) plain[at + done + i] = (byte) (source[ct + done + i] ^ keyStream[i]);
                switch (algorithm.mode) {
                    case CTR -> increment(register, 0);
                    case GCM -> increment(register, 12);
                    case OFB -> System.arraycopy(keyStream, 0, register, 0, 16);
                    default -> {   // CFB: the ciphertext block is the next input
                        if (n == 16) System.arraycopy(source, ct + done, register, 0, 16);
                    }
                }
            }
        }

        /** The big-endian counter in {@code block} from {@code from} to its end, plus one. */
        private static void increment(byte[] block, int from) {
            for (int i = 15; i >= from; i--) {
                if (++block[i] != 0) return;
            }
        }
    }

    private final Parsed parsed;
    private final DecryptedPayload plaintext = new DecryptedPayload();
    /** This printer's copies of the parsed SAs, in their order; null until the first ESP or ISAKMP packet. */
    private Sa[] sas;
    private Sa defaultSa;

    /** One printer's: the SAs of {@code parsed} with cipher state of its own. */
    EspSecrets(Parsed parsed) {
        this.parsed = parsed;
    }

    Consumer<String> warnings() {
        return parsed.warnings;
    }

    /** Where this printer's decrypted payloads go (ESP's, over IP and in UDP, and IKEv2's). */
    DecryptedPayload plaintext() {
        return plaintext;
    }

    /** Has the secrets parsed at the first call (tcpdump: at the first ESP packet); whether there is any SA. */
    boolean any() {
        if (sas == null) {
            List<Sa> all = parsed.sas();
            Sa[] copies = new Sa[all.size()];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = new Sa(all.get(i));
                if (all.get(i) == parsed.defaultSa) defaultSa = copies[i];
            }
            sas = copies;
        }
        return sas.length > 0;
    }

    /**
     * The SA for an ESP packet: the newest one with its SPI and IP destination (tcpdump's list is newest first), else
     * the default one, else null.
     */
    Sa find(long spi, boolean v6, Packet p, int dstOffset) {
        int version = v6 ? 6 : 4;
        for (int i = sas.length - 1; i >= 0; i--) {
            Sa sa = sas[i];
            if (sa.ikev2 || sa.spi != spi || sa.addressVersion != version) continue;
            boolean same = true;
            for (int j = 0; j < (v6 ? 16 : 4) && same; j++) same = p.u8(dstOffset + j) == (sa.address[j] & 0xff);
            if (same) return sa;
        }
        return defaultSa;
    }

    /**
     * The IKEv2 SA (an ikev2 line, newest first) for a message whose header is at {@code header} in {@code p}: its
     * initiator flag and its two cookies; null if none.
     */
    Sa findIke(boolean initiator, Packet p, int header) {
        for (int i = sas.length - 1; i >= 0; i--) {
            Sa sa = sas[i];
            if (!sa.ikev2 || sa.initiator != initiator) continue;
            boolean same = true;
            for (int j = 0; j < 8 && same; j++) {
                same = p.u8(header + j) == (sa.initiatorCookie[j] & 0xff)
                    && p.u8(header + 8 + j) == (sa.responderCookie[j] & 0xff);
            }
            if (same) return sa;
        }
        return null;
    }

    /**
     * -E's argument, parsed once for all the printers of a run (a capture on several interfaces has one printer
     * each), as tcpdump has one SA list: its warnings come once, at the first ESP or ISAKMP packet of any of them.
     * Thread-safe; the parsed SAs are not changed after, each printer decrypts with copies ({@link EspSecrets}).
     */
    public static final class Parsed {
        private final String text;
        private final Consumer<String> warnings;
        private final List<Sa> sas = new ArrayList<>();
        private Sa defaultSa;
        private boolean parsed;
        private BadSecretException failure;

        /** @param text -E's argument; warnings get each of tcpdump's warning lines (no newline) */
        public Parsed(String text, Consumer<String> warnings) {
            this.text = text;
            this.warnings = warnings;
        }

        /** The SAs, parsed at the first call; a bad secret ends every printer's run, as it ends tcpdump. */
        synchronized List<Sa> sas() {
            if (!parsed) {
                parsed = true;
                try {
                    parse(text);
                } catch (BadSecretException e) {
                    failure = e;
                }
            }
            if (failure != null) throw failure;
            return sas;
        }

        private void parse(String secrets) {
            // tcpdump's strsep(&p, "\n,"): each piece, empty ones too (but none after a final separator)
            int start = 0;
            while (start < secrets.length()) {
                int end = start;
                while (end < secrets.length() && secrets.charAt(end) != '\n' && secrets.charAt(end) != ',') end++;
                oneSecret(secrets.substring(start, end), "cmdline", 0);
                start = end + 1;
            }
        }

        private void warn(String message) {
            // tcpdump's ndo_warning adds a newline unless the text ends in one
            warnings.accept(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
        }

        /** tcpdump's esp_print_decode_onesecret. */
        private void oneSecret(String line, String file, int lineNumber) {
            int cut = firstOf(line, " \t", 0);
            String spiKey = cut < 0 ? null : line.substring(0, cut);
            String decode = cut < 0 ? line : line.substring(cut + 1);
            boolean isDefault = cut < 0;
            Sa sa = new Sa();
            if (spiKey != null && spiKey.equalsIgnoreCase("file")) {
                readFile(decode);
                return;
            }
            if (spiKey != null && spiKey.equalsIgnoreCase("ikev2")) {
                ikeLine(decode, file, lineNumber);
                return;
            }
            if (spiKey != null) {
                int at = spiKey.indexOf('@');
                String spiText = at < 0 ? spiKey : spiKey.substring(0, at);
                int[] rest = new int[1];
                long spi = strtoul(spiText, rest);
                if (rest[0] == 0 || at < 0) {
                    warn("print_esp: failed to decode spi# " + spiText.substring(rest[0]) + "\n");
                    return;
                }
                sa.spi = spi & 0xffffffffL;
                String address = spiKey.substring(at + 1);
                if (Addresses.ipv6(address, sa.address)) {
                    sa.addressVersion = 6;
                } else if (Addresses.ipv4(address, sa.address, 0)) {
                    sa.addressVersion = 4;
                } else {
                    warn("print_esp: can not decode IP# " + address + "\n");
                    return;
                }
            }
            int skip = 0;
            while (skip < decode.length() && " \t\r\n".indexOf(decode.charAt(skip)) >= 0) skip++;
            if (!encryptionAlgorithm(decode.substring(skip), sa)) return;
            sas.add(sa);
            if (isDefault) defaultSa = sa;
        }

        private void readFile(String name) {
            byte[] bytes;
            try {
                // tcpdump's fopen of a directory works on Linux and its first fgets fails: no lines, no error
                if (Files.isDirectory(Path.of(name))) return;
                bytes = Files.readAllBytes(Path.of(name));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                String why = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                    : e.getMessage();
                throw new BadSecretException(1, "esp_print_decode_onesecret: can't open " + name + ": " + why);
            }
            // fgets with a 1023-byte buffer: lines of more than 1022 characters come in pieces
            String content = new String(bytes, StandardCharsets.ISO_8859_1);
            int lineNumber = 0, at = 0;
            while (at < content.length()) {
                int newline = content.indexOf('\n', at);
                int end = newline < 0 ? content.length() : newline + 1;
                if (end - at > 1022) end = at + 1022;
                String piece = content.substring(at, end);
                at = end;
                lineNumber++;
                int nl = piece.indexOf('\n');
                if (nl >= 0) piece = piece.substring(0, nl);
                int nul = piece.indexOf('\0');
                if (nul >= 0) piece = piece.substring(0, nul);   // C strings end at a NUL
                if (piece.isEmpty() || piece.charAt(0) == '#') continue;
                oneSecret(piece, name, lineNumber);
            }
        }

        /** tcpdump's esp_print_decode_ikeline: checked as tcpdump checks it. */
        private void ikeLine(String line, String file, int lineNumber) {
            String[] fields = new String[5];
            int at = 0;
            for (int i = 0; i < 5; i++) {
                if (at < 0) break;
                int cut = firstOf(line, " \t", at);
                fields[i] = cut < 0 ? line.substring(at) : line.substring(at, cut);
                at = cut < 0 ? -1 : cut + 1;
            }
            for (String f : fields) {
                if (f == null) {
                    warn("print_esp: failed to find all fields for ikev2 at " + file + ":" + lineNumber);
                    return;
                }
            }
            String init = fields[0], icookie = fields[1], rcookie = fields[2];
            if ((!init.startsWith("I") && !init.startsWith("R")) || !icookie.startsWith("0x") || !rcookie.startsWith("0x")
                    || icookie.length() != 18 || rcookie.length() != 18) {
                warn("print_esp: line " + file + ":" + lineNumber + " improperly formatted.");
                warn("init=" + init + " icookie=" + icookie + "(" + icookie.length() + ") rcookie=" + rcookie + "("
                    + rcookie.length() + ")");
                return;
            }
            Sa sa = new Sa();
            sa.ikev2 = true;
            sa.initiator = init.startsWith("I");
            if (decodeHex(sa.initiatorCookie, icookie.substring(2)) != 8) return;
            if (decodeHex(sa.responderCookie, rcookie.substring(2)) != 8) return;
            if (!encryptionAlgorithm(fields[4], sa)) return;
            int colon = fields[3].indexOf(':');
            if (colon < 0) {
                warn("failed to decode espsecret: " + fields[3] + "\n");
                return;
            }
            String auth = fields[3].substring(0, colon);
            if (auth.equalsIgnoreCase("sha1") || auth.equalsIgnoreCase("md5")) sa.authLength = 12;
            sas.add(sa);
        }

        /** tcpdump's espprint_decode_encalgo: "algo[-cbc][-hmac96]:0xhex" or ":ascii". */
        private boolean encryptionAlgorithm(String decode, Sa sa) {
            int colon = decode.indexOf(':');
            if (colon < 0) {
                warn("failed to decode espsecret: " + decode + "\n");
                return false;
            }
            String name = decode.substring(0, colon);
            int authLength = 0;
            // tcpdump cuts at the first "-hmac96" when the name ends in it (likewise "-cbc")
            if (name.length() > 7 && name.endsWith("-hmac96")) {
                name = name.substring(0, name.indexOf("-hmac96"));
                authLength = 12;
            }
            if (name.length() > 4 && name.endsWith("-cbc")) name = name.substring(0, name.indexOf("-cbc"));
            Algorithm algorithm = Algorithm.named(name);
            if (algorithm == null) {
                warn("failed to find cipher algo " + name
                    + (openSslOnly(name) ? " (a cipher this JDK does not have)" : "") + "\n");
                return false;
            }
            sa.algorithm = algorithm;
            sa.authLength = authLength;
            String secret = decode.substring(colon + 1);
            if (secret.startsWith("0x")) {
                sa.secretLength = decodeHex(sa.secret, secret.substring(2));
                return sa.secretLength != 0;
            }
            byte[] bytes = secret.getBytes(StandardCharsets.ISO_8859_1);
            sa.secretLength = Math.min(bytes.length, sa.secret.length);
            System.arraycopy(bytes, 0, sa.secret, 0, sa.secretLength);
            return true;
        }

        /** tcpdump's espprint_decode_hex: pairs of digits (an odd last one ignored); 0 if too long. */
        private int decodeHex(byte[] into, String hex) {
            int length = hex.length() / 2;
            if (length > into.length) {
                warn("secret is too big: " + length + "\n");
                return 0;
            }
            for (int i = 0; i < length; i++) {
                into[i] = (byte) (hexDigit(hex.charAt(2 * i)) << 4 | hexDigit(hex.charAt(2 * i + 1)));
            }
            return length;
        }

    }

    private static int hexDigit(char c) {
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') throw new BadSecretException(2, "invalid hex digit " + c + " in espsecret");
        return d;
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /**
     * C's strtoul(s, &end, 0) as a 32-bit value (tcpdump keeps the low 32 bits): leading blanks, a sign, 0x, 0
     * (octal), decimal; {@code used[0]}: characters used, 0 if none.
     */
    static long strtoul(String s, int[] used) {
        int i = 0;
        while (i < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(i)) >= 0) i++;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        int digits = i;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        while (i < s.length() && s.charAt(i) < 128 && Character.digit(s.charAt(i), radix) >= 0) {
            value = value.multiply(java.math.BigInteger.valueOf(radix)).add(java.math.BigInteger.valueOf(
                Character.digit(s.charAt(i), radix)));
            i++;
        }
        if (i == digits) {
            used[0] = 0;
            return 0;
        }
        used[0] = i;
        long v = value.bitLength() > 64 ? -1L : value.longValue();   // ULONG_MAX on overflow
        return negative ? -v : v;
    }

    /** tcpdump's strtoaddr and strtoaddr6 (inet_pton's rules: dotted quads only, no leading zeros but "0"). */
    static final class Addresses {
        private Addresses() { }

        /** A dotted quad from {@code s} (a blank may follow), into {@code dst} at {@code at}. */
        static boolean ipv4(String s, byte[] dst, int at) {
            int[] parts = new int[4];
            int n = 0, i = 0;
            long value;
            while (true) {
                if (i >= s.length() || !isDigit(s.charAt(i))) return false;
                value = 0;
                if (s.charAt(i) == '0') {
                    i++;
                    char c = i < s.length() ? s.charAt(i) : 0;
                    if (c == 'x' || c == 'X') return false;
                    if (isDigit(c) && c != '9') return false;
                }
                while (i < s.length() && isDigit(s.charAt(i))) {
                    value = Math.min(value * 10 + (s.charAt(i) - '0'), 1L << 40);
                    i++;
                }
                if (i < s.length() && s.charAt(i) == '.') {
                    if (n >= 3) return false;
                    parts[n++] = (int) Math.min(value, 1 << 20);
                    i++;
                } else {
                    break;
                }
            }
            if (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') return false;
            if (n != 3) return false;
            // tcpdump's 32-bit arithmetic: a part above 255 (modulo 2^32) fails
            if (((parts[0] | parts[1] | parts[2]) > 0xff) || (value & 0xffffffffL) > 0xff) return false;
            dst[at] = (byte) parts[0];
            dst[at + 1] = (byte) parts[1];
            dst[at + 2] = (byte) parts[2];
            dst[at + 3] = (byte) value;
            return true;
        }

        static boolean ipv6(String s, byte[] dst) {
            byte[] tmp = new byte[16];
            int tp = 0, colonp = -1, i = 0, seen = 0, value = 0, curtok;
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
                if (i >= s.length() || s.charAt(i) != ':') return false;
            }
            curtok = i;
            while (i < s.length()) {
                char ch = s.charAt(i++);
                int digit = ch < 128 ? Character.digit(ch, 16) : -1;
                if (digit >= 0) {
                    value = value << 4 | digit;
                    if (++seen > 4) return false;
                    continue;
                }
                if (ch == ':') {
                    curtok = i;
                    if (seen == 0) {
                        if (colonp >= 0) return false;
                        colonp = tp;
                        continue;
                    } else if (i >= s.length()) {
                        return false;
                    }
                    if (tp + 2 > 16) return false;
                    tmp[tp++] = (byte) (value >> 8);
                    tmp[tp++] = (byte) value;
                    seen = 0;
                    value = 0;
                    continue;
                }
                if (ch == '.' && tp + 4 <= 16 && ipv4(s.substring(curtok), tmp, tp)) {
                    tp += 4;
                    seen = 0;
                    break;
                }
                return false;
            }
            if (seen > 0) {
                if (tp + 2 > 16) return false;
                tmp[tp++] = (byte) (value >> 8);
                tmp[tp++] = (byte) value;
            }
            if (colonp >= 0) {
                int n = tp - colonp;
                if (tp == 16) return false;
                for (int k = 1; k <= n; k++) {
                    tmp[16 - k] = tmp[colonp + n - k];
                    tmp[colonp + n - k] = 0;
                }
                tp = 16;
            }
            if (tp != 16) return false;
            System.arraycopy(tmp, 0, dst, 0, 16);
            return true;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
