package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * ISAKMP/IKE (RFC 2408 header, RFC 7296 IKEv2 payloads; UDP 500, and 4500 after the non-ESP marker) as tcpdump 4.99
 * prints it (print-isakmp.c): {@code isakmp: parent_sa ikev2_init[I]}, -v adds the version and message id, the
 * payload chain (SA with its proposals and transforms, KE, nonce, notify, ID, AUTH, TS, the encrypted payload, the
 * rest by name and length) and a length mismatch with the datagram; -vv the cookies and whole nonces and AUTH data;
 * -vvv every payload in hex; -vvvv all of a notify's data. IKEv1 (RFC 2408/2409) prints its phase, initiator or responder as tcpdump's cookie
 * cache (the last 20 initiators, per printer) tells it, exchange and flags; -v its payloads (SA with Oakley and IPsec
 * DOI attributes, KE, ID, certificates, hash, signature, nonce, notify, delete, vendor ID). Each version's printers
 * serve the other's payload types in a chain, as tcpdump's single table does. tcpdump's reads that fail jump out with
 * " [|isakmp]" ({@link EarlyEnd}); its own length checks end a payload with " [|name]". Not told apart: SA/proposal
 * nesting deeper than 64 (tcpdump recurses without bound).
 */
final class IkeFormatter {
    static final int PORT = 500;
    /** ISAKMP's user ports, tried after 4500 (print-udp.c). */
    static final int USER1 = 7500, USER2 = 8500;
    private static final int HEADER = 28, GENERIC = 4;
    private static final int FLAG_E = 0x01, FLAG_C = 0x02, FLAG_I = 0x08, FLAG_V = 0x10, FLAG_R = 0x20;
    private static final int NP_P = 2, NP_T = 3, NP_N = 11, NP_V2SA = 33, NP_V2KE = 34, NP_V2E = 46;

    private static final String[] PAYLOADS = {
        "none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d", "vid",
        "pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22", "pay23", "pay24", "pay25",
        "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32",
        "v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d", "v2vid", "v2TSi",
        "v2TSr", "v2e", "v2cp", "v2eap"};
    private static final String[] EXCHANGES = new String[38];
    static {
        String[] v1 = {"none", "base", "ident", "auth", "agg", "inf"};
        System.arraycopy(v1, 0, EXCHANGES, 0, v1.length);
        EXCHANGES[32] = "oakley-quick";
        EXCHANGES[33] = "oakley-newgroup";
        EXCHANGES[34] = "ikev2_init";
        EXCHANGES[35] = "ikev2_auth";
        EXCHANGES[36] = "child_sa";
        EXCHANGES[37] = "inf2";
    }
    private static final String[] PROTOCOLS = {null, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp"};
    private static final String[] TRANSFORM_TYPES = {null, "encr", "prf", "integ", "dh", "esn"};
    private static final String[] ENCRYPTIONS = {null, "1des-iv64", "1des", "3des", "rc5", "idea", "cast",
        "blowfish", "3idea", "1des-iv32", "rc4", "null", "aes"};
    private static final String[] PRFS = {null, "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc"};
    private static final String[] INTEGRITIES = {null, "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc"};
    private static final String[] GROUPS = {null, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536",
        "iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12",
        "iana-grp13", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192"};
    private static final String[] ESNS = {"no-esn", "esn"};
    private static final String[] AUTH_METHODS = {"invalid", "rsasig", "shared-secret", "dsssig"};
    /** Attribute names by type and, for some, value names by value (tcpdump's attrmap). */
    record AttributeMap(String[] types, String[][] values) { }
    /** An IKEv2 encryption transform's: only the key length (14) is named, its values in hex. */
    private static final AttributeMap ENCRYPTION_ATTRIBUTES;
    static {
        String[] types = new String[15];
        types[14] = "keylen";
        ENCRYPTION_ATTRIBUTES = new AttributeMap(types, new String[15][]);
    }
    /** tcpdump's group names stop one short of its list: modp8192 (18) prints as a number. */
    private static final String[] GROUP_VALUES = java.util.Arrays.copyOf(GROUPS, 18);
    private static final String[] LIFE_TYPES = {null, "sec", "kb"};
    /** IPsec DOI (RFC 2407) SA attributes, for AH, ESP and IPComp transforms. */
    private static final AttributeMap IPSEC_ATTRIBUTES = new AttributeMap(
        new String[] {null, "lifetype", "life", "group desc", "enc mode", "auth", "keylen", "rounds", "dictsize",
            "privalg"},
        new String[][] {null, LIFE_TYPES, null, GROUP_VALUES, {null, "tunnel", "transport"},
            {null, "hmac-md5", "hmac-sha1", "1des-mac", "keyed"}, null, null, null, null});
    /** IKE (Oakley, RFC 2409) phase 1 attributes. */
    private static final AttributeMap OAKLEY_ATTRIBUTES = new AttributeMap(
        new String[] {null, "enc", "hash", "auth", "group desc", "group type", "group prime", "group gen1",
            "group gen2", "group curve A", "group curve B", "lifetype", "lifeduration", "prf", "keylen", "field",
            "order"},
        new String[][] {null, {null, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes"},
            {null, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512"},
            {null, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised"}, GROUP_VALUES,
            {null, "MODP", "ECP", "EC2N"}, null, null, null, null, null, LIFE_TYPES, null, null, null, null, null});
    private static final String[] V1_TRANSFORMS_IKE = {null, "ike"};
    private static final String[] V1_TRANSFORMS_AH = {null, "(reserved)", "md5", "sha", "1des", "sha2-256",
        "sha2-384", "sha2-512"};
    private static final String[] V1_TRANSFORMS_IPCOMP = {null, "oui", "deflate", "lzs"};
    private static final String[] V1_ID_TYPES = {null, "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6", "IPv6net",
        "IPv4range", "IPv6range", "ASN1 DN", "ASN1 GN", "keyid"};
    private static final String[] CERT_TYPES = {"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl",
        "arl", "spki", "x509attr"};
    private static final String[] V1_NOTIFY_ERRORS = {null, "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED",
        "SITUATION-NOT-SUPPORTED", "INVALID-COOKIE", "INVALID-MAJOR-VERSION", "INVALID-MINOR-VERSION",
        "INVALID-EXCHANGE-TYPE", "INVALID-FLAGS", "INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI",
        "INVALID-TRANSFORM-ID", "ATTRIBUTES-NOT-SUPPORTED", "NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX",
        "PAYLOAD-MALFORMED", "INVALID-KEY-INFORMATION", "INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING",
        "INVALID-CERTIFICATE", "CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY", "INVALID-HASH-INFORMATION",
        "AUTHENTICATION-FAILED", "INVALID-SIGNATURE", "ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME",
        "CERTIFICATE-UNAVAILABLE", "UNSUPPORTED-EXCHANGE-TYPE", "UNEQUAL-PAYLOAD-LENGTHS"};
    private static final String[] V1_IPSEC_NOTIFY_ERRORS = {"RESERVED"};
    private static final String[] V1_NOTIFY_STATUSES = {"CONNECTED"};
    private static final String[] V1_IPSEC_NOTIFY_STATUSES = {"RESPONDER-LIFETIME", "REPLAY-STATUS",
        "INITIAL-CONTACT"};
    private static final int RESPONDER_LIFETIME = 24576, REPLAY_STATUS = 24577;
    /** tcpdump's cookie cache: the last 20 initiators (IKEv1's I/R guess); it starts zeroed, as tcpdump's. */
    private static final int INITIATORS = 20;
    /** How deep IKEv1's SA, proposal and transform chains may nest (tcpdump's recursion has no bound). */
    private static final int MAX_DEPTH = 64;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();
    private final byte[][] cookies = new byte[INITIATORS][8];
    private final int[] cookieVersions = new int[INITIATORS];
    private final byte[][] initiatorAddresses = new byte[INITIATORS][16];
    private final byte[][] responderAddresses = new byte[INITIATORS][16];
    private int nextInitiator;

    /** -E's SAs (IKEv2's encrypted payloads decrypted with its ikev2 lines), or null. */
    private final EspSecrets secrets;
    /** The message header's offset, for the encrypted payload's SA (its cookies and initiator flag). */
    private int base;

    IkeFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this(verbosity, earlyEnd, null);
    }

    IkeFormatter(Verbosity verbosity, EarlyEnd earlyEnd, EspSecrets secrets) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.secrets = secrets;
    }

    /** The message at {@code off}, {@code length} bytes by UDP, captured up to {@code end}, inside {@code ip}. */
    void format(Packet p, IpContext ip, int off, int length, int end, StringBuilder out) {
        if (secrets != null) secrets.any();   // tcpdump's isakmp_print reads -E's secrets first, as esp_print does
        if (off + HEADER > end) {   // checked, not fetched: no jump
            out.append(" [|isakmp]");
            return;
        }
        try (var _ = bytes.reading(p, end)) {
            message(p, ip, off, length, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "isakmp");
        }
    }

    private void message(Packet p, IpContext ip, int bp, int length, StringBuilder out) {
        base = bp;
        out.append("isakmp");
        int vers = bytes.u8(bp + 17);
        int major = vers >>> 4, minor = vers & 0x0f;
        if (verbosity.verbose()) {
            out.append(' ').append(major).append('.').append(minor);
            out.append(" msgid ");
            Text.hexBytes(out, p, bp + 20, 4);
        }
        if (verbosity.veryVerbose()) {
            out.append(" cookie ");
            Text.hexBytes(out, p, bp, 8);
            out.append("->");
            Text.hexBytes(out, p, bp + 8, 8);
        }
        out.append(':');
        if (major == 1) ikev1(p, ip, bp, out);
        else if (major == 2) ikev2(bp, out);
        else return;
        if (verbosity.verbose()) {
            long len = bytes.u32(bp + 24);
            if (len != length) out.append(" (len mismatch: isakmp ").append(len).append("/ip ").append(length).append(')');
        }
    }

    private void ikev2(int bp, StringBuilder out) {
        out.append(bytes.u32(bp + 20) == 0 ? " parent_sa" : " child_sa ");
        out.append(' ');
        name(out, bytes.u8(bp + 18), EXCHANGES);
        int flags = bytes.u8(bp + 19);
        if (flags != 0) {
            out.append('[');
            if ((flags & FLAG_I) != 0) out.append('I');
            if ((flags & FLAG_V) != 0) out.append('V');
            if ((flags & FLAG_R) != 0) out.append('R');
            out.append(']');
        }
        if (!verbosity.verbose()) return;
        out.append(':');
        int np = bytes.u8(bp + 16);
        if ((flags & FLAG_E) != 0) {
            out.append(" [encrypted ");
            name(out, np, PAYLOADS);
            out.append(']');
            return;
        }
        chain(true, np, bp + HEADER, bytes.u32(bp + 20) == 0 ? 1 : 2, 0, 0, out);
    }

    /**
     * ikev2_sub_print and ikev1_sub_print: the payloads from {@code ext}, each on its own line at {@code depth}, until
     * one ends the chain; where the last one ends, or -1.
     */
    private int chain(boolean v2, int np, int ext, int phase, int proto, int depth, StringBuilder out) {
        if (depth > MAX_DEPTH) return -1;   // tcpdump recurses on; a known difference past this depth
        int cp = ext;
        while (np != 0) {
            if (!bytes.has(ext, GENERIC) || !bytes.has(ext, bytes.u16(ext + 2))) return truncated(out, np);
            indent(out, depth + 1);
            cp = payload(v2, np, ext, phase, proto, depth + 1, out);
            out.append(')');
            if (cp < 0) return -1;
            np = bytes.u8(ext);
            ext = cp;
        }
        return cp;
    }

    private static void indent(StringBuilder out, int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append("    ");
        out.append('(');
    }

    /** ikev2_sub0_print and ike_sub0_print: one payload; the next one's offset, or -1 where the chain ends. */
    private int payload(boolean v2, int np, int ext, int phase, int proto, int depth, StringBuilder out) {
        int itemLen = bytes.u16(ext + 2);
        if (itemLen <= GENERIC) return -1;
        return switch (np) {
            case 1 -> v1Sa(ext, phase, proto, depth, out);
            case NP_P -> v1Proposal(ext, phase, depth, out);
            case NP_T -> v1Transform(ext, itemLen, proto, out);
            case 4 -> v1Hex(np, " key len=", ext, itemLen, out);
            case 5 -> v1Id(ext, itemLen, out);
            case 6, 7 -> v1Cert(np, ext, itemLen, out);
            case 8, 9, 13 -> v1Hex(np, " len=", ext, itemLen, out);
            case 10 -> v1Nonce(ext, itemLen, out);
            case NP_N -> v1Notify(ext, itemLen, out);
            case 12 -> v1Delete(ext, out);
            case NP_V2SA -> sa(np, ext, itemLen, depth, out);
            case NP_V2KE -> ke(np, ext, itemLen, out);
            case 35, 36 -> id(np, ext, itemLen, out);
            case 39 -> auth(np, ext, itemLen, out);
            case 40 -> nonce(np, ext, itemLen, out);
            case 41 -> notify(ext, itemLen, out);
            case 43 -> vendor(np, ext, itemLen, out);
            case NP_V2E -> {
                if (v2) yield encrypted(np, ext, itemLen, phase, proto, depth, out);
                out.append("v2e");   // IKEv1 has no printer for it
                yield ext + itemLen;
            }
            case 37, 38, 42, 44, 45, 47, 48 -> generic(np, ext, itemLen, out);
            default -> {
                name(out, np, PAYLOADS);
                yield ext + itemLen;
            }
        };
    }

    private void title(StringBuilder out, int np, int ext) {
        name(out, np, PAYLOADS);
        critical(out, ext);
    }

    private void critical(StringBuilder out, int ext) {
        if ((bytes.u8(ext + 1) & 0x80) != 0) out.append("[C]");
        out.append(':');
    }

    private int truncated(StringBuilder out, int np) {
        out.append(" [|");
        name(out, np, PAYLOADS);
        out.append(']');
        return -1;
    }

    /** ikev2_gen_print (and the encrypted payload's): the length, -vvv the body in hex. */
    private int generic(int np, int ext, int itemLen, StringBuilder out) {
        title(out, np, ext);
        out.append(" len=").append(itemLen - GENERIC);
        if (verbosity.mostVerbose() && itemLen > GENERIC) {
            out.append(' ');
            if (!raw(out, ext + GENERIC, itemLen - GENERIC)) return truncated(out, np);
        }
        return ext + itemLen;
    }

    /**
     * ikev2_e_print: as the generic one (its hex from 5 bytes of body); always the last of the chain. With -E's
     * ikev2 SA for the message's cookies and initiator flag, the body less the ICV decrypted (the IV first), and the
     * plaintext, padding and all, printed as the chain its next-payload field starts (esp.c's
     * esp_decrypt_buffer_by_ikev2_print and ikev2_sub_print).
     */
    private int encrypted(int np, int ext, int itemLen, int phase, int proto, int depth, StringBuilder out) {
        title(out, np, ext);
        int dlen = itemLen - GENERIC;
        out.append(" len=").append(dlen);
        if (verbosity.mostVerbose() && dlen > GENERIC) {
            out.append(' ');
            if (!raw(out, ext + GENERIC, dlen)) return truncated(out, np);
        }
        if (secrets == null || !bytes.has(ext + GENERIC, dlen)) return -1;
        Packet p = bytes.packet();
        EspSecrets.Sa sa = secrets.findIke((bytes.u8(base + 19) & FLAG_I) != 0, p, base);
        if (sa == null) return -1;
        int iv = ext + GENERIC, ct = iv + sa.algorithm.ivLength, end = iv + dlen - sa.authLength;
        if (end <= ct) return -1;
        Packet plain = secrets.plaintext().decrypt("esp_decrypt_buffer_by_ikev2_print", sa, secrets.warnings(), p, iv,
            ct, end - ct);
        if (plain == null) return -1;
        int inner = bytes.u8(ext), outerEnd = bytes.end();   // the encrypted payload's next payload: the first inside
        bytes.set(plain, plain.capLen());
        chain(true, inner, ct, phase, proto, depth + 1, out);
        bytes.set(p, outerEnd);
        return -1;   // its next-payload field names what is inside
    }

    private int sa(int tpay, int ext1, int osaLength, int depth, StringBuilder out) {
        out.append("sa");
        critical(out, ext1);
        long saLength = osaLength - GENERIC;
        out.append(" len=").append(saLength);
        return subPayloads(NP_P, tpay, ext1 + GENERIC, saLength, depth, out);
    }

    /**
     * The chain inside an SA (proposals, {@code first} NP_P) or a proposal (transforms, NP_T), as tcpdump's
     * ikev2_sub_print walks it: each item's length checked against what is left of {@code length}; an item of
     * another type is only named. A length problem ends with {@code owner}'s truncation mark.
     */
    private int subPayloads(int first, int owner, int cp, long length, int depth, StringBuilder out) {
        int count = 0;
        int ext = cp;
        for (int np = first; np != 0; np = bytes.u8(ext)) {
            count++;
            ext = cp;
            if (length < GENERIC) return tooLong(out, owner, cp + length);
            if (!bytes.has(ext, GENERIC)) return truncated(out, owner);
            int itemLen = bytes.u16(ext + 2);
            if (itemLen <= GENERIC) return truncated(out, owner);
            if (length < itemLen) return tooLong(out, owner, cp + length);
            if (!bytes.has(cp, itemLen)) return truncated(out, owner);
            indent(out, depth + 1);
            if (np == first) {
                cp = first == NP_P ? proposal(count, ext, itemLen, depth + 1, out) : transform(count, ext, itemLen, out);
                if (cp < 0) return -1;
            } else {
                name(out, np, PAYLOADS);
                cp += itemLen;
            }
            out.append(')');
            length -= itemLen;
        }
        return cp;
    }

    private int tooLong(StringBuilder out, int np, long skipTo) {
        truncated(out, np);
        return (int) skipTo;
    }

    private int proposal(int pcount, int ext, int oprop, int depth, StringBuilder out) {
        if (!bytes.has(ext, 8)) return truncated(out, NP_P);
        title(out, NP_P, ext);
        long propLength = oprop - GENERIC;
        out.append(" #").append(bytes.u8(ext + 4)).append(" protoid=");
        name(out, bytes.u8(ext + 5), PROTOCOLS);
        out.append(" transform=").append(bytes.u8(ext + 7)).append(" len=").append(oprop);
        int cp = ext + 8;
        int spiSize = bytes.u8(ext + 6);
        if (spiSize != 0) {
            if (propLength < spiSize) return tooLong(out, NP_P, cp + propLength);
            out.append(" spi=");
            if (!raw(out, cp, spiSize)) return truncated(out, NP_P);
            cp += spiSize;
            propLength -= spiSize;
        }
        return subPayloads(NP_T, NP_P, cp, propLength, depth, out);
    }

    private int transform(int tcount, int ext, int itemLen, StringBuilder out) {
        if (!bytes.has(ext, 8)) return truncated(out, NP_T);
        title(out, NP_T, ext);
        int id = bytes.u16(ext + 6);
        int type = bytes.u8(ext + 4);
        String[] ids = switch (type) {
            case 1 -> ENCRYPTIONS;
            case 2 -> PRFS;
            case 3 -> INTEGRITIES;
            case 4 -> GROUPS;
            case 5 -> ESNS;
            default -> null;
        };
        out.append(" #").append(tcount).append(" type=");
        name(out, type, TRANSFORM_TYPES);
        out.append(" id=");
        if (ids != null) name(out, id, ids);
        else out.append(id);
        out.append(' ');
        int cp = ext + 8;
        int ep2 = ext + itemLen;
        while (cp < bytes.end() && cp < ep2) cp = attribute(cp, ep2, type == 1 ? ENCRYPTION_ATTRIBUTES : null, out);
        if (bytes.end() < ep2) out.append("...");
        return cp;
    }

    /** ikev1_attrmap_print ({@code map} not null) / ikev1_attr_print: one attribute; where the next one starts. */
    private int attribute(int p, int ep2, AttributeMap map, StringBuilder out) {
        int first = bytes.u8(p);
        int totlen = (first & 0x80) != 0 ? 4 : 4 + bytes.u16(p + 2);
        if (ep2 < (long) p + totlen) {
            out.append("[|attr]");
            return ep2 + 1;
        }
        out.append('(');
        int t = bytes.u16(p) & 0x7fff;
        String type = map != null && t < map.types().length ? map.types()[t] : null;
        if (type != null) out.append("type=").append(type).append(' ');
        else out.append("type=#").append(t).append(' ');
        if ((first & 0x80) != 0) {
            out.append("value=");
            int v = bytes.u16(p + 2);
            String[] values = type != null ? map.values()[t] : null;
            if (values != null && v < values.length && values[v] != null) out.append(values[v]);
            else Text.hexBytes(out, bytes.packet(), p + 2, 2);
        } else {
            out.append("len=").append(totlen - 4).append(" value=");
            Text.hexBytes(out, bytes.packet(), p + 4, totlen - 4);
        }
        out.append(')');
        return p + totlen;
    }

    private int ke(int np, int ext, int itemLen, StringBuilder out) {
        if (!bytes.has(ext, 8)) return truncated(out, np);
        title(out, np, ext);
        if (itemLen < 8) {
            out.append(" len=").append(itemLen).append(" < 8");
            return ext + itemLen;
        }
        out.append(" len=").append(itemLen - 8).append(" group=");
        name(out, bytes.u16(ext + 4), GROUPS);
        if (verbosity.mostVerbose() && itemLen > 8) {
            out.append(' ');
            if (!raw(out, ext + 8, itemLen - 8)) return truncated(out, np);
        }
        return ext + itemLen;
    }

    private int id(int np, int ext, int itemLen, StringBuilder out) {
        if (!bytes.has(ext, 8)) return truncated(out, np);
        title(out, np, ext);
        out.append(" len=").append(itemLen - GENERIC);
        if (verbosity.mostVerbose() && itemLen > GENERIC) {
            out.append(' ');
            if (!raw(out, ext + GENERIC, itemLen - GENERIC)) return truncated(out, np);
        }
        long dataLen = (itemLen - 8) & 0xffffffffL;   // unsigned in tcpdump: a short payload fails its checks
        int data = ext + 8;
        boolean ascii = false, hex = false;
        switch (bytes.u8(ext + 4)) {
            case 1 -> { out.append(" ipv4:"); hex = true; }
            case 2 -> { out.append(" fqdn:"); ascii = true; }
            case 3 -> { out.append(" rfc822:"); ascii = true; }
            case 5 -> { out.append(" ipv6:"); hex = true; }
            case 9 -> { out.append(" dn:"); hex = true; }
            case 10 -> { out.append(" gn:"); hex = true; }
            case 11 -> { out.append(" keyid:"); hex = true; }
            default -> { }
        }
        if (ascii) {
            if (!bytes.has(data, dataLen)) return truncated(out, np);
            for (int i = 0; i < dataLen; i++) printable(out, bytes.u8(data + i));
        }
        if (hex && !raw(out, data, dataLen)) return truncated(out, np);
        return ext + itemLen;
    }

    private int auth(int np, int ext, int itemLen, StringBuilder out) {
        if (!bytes.has(ext, 8)) return truncated(out, np);
        title(out, np, ext);
        out.append(" len=").append(itemLen - GENERIC).append(" method=");
        name(out, bytes.u8(ext + 4), AUTH_METHODS);
        if (itemLen > GENERIC) {
            if (verbosity.veryVerbose()) {
                out.append(" authdata=(");
                if (!raw(out, ext + 8, (itemLen - 8) & 0xffffffffL)) return truncated(out, np);
                out.append(") ");
            } else if (verbosity.verbose() && !someData(out, ext + 8)) {
                return truncated(out, np);
            }
        }
        return ext + itemLen;
    }

    private int nonce(int np, int ext, int itemLen, StringBuilder out) {
        out.append("nonce");
        critical(out, ext);
        out.append(" len=").append(itemLen - GENERIC);
        if (verbosity.veryVerbose() && itemLen > GENERIC) {
            out.append(" nonce=(");
            if (!raw(out, ext + GENERIC, itemLen - GENERIC)) return truncated(out, np);
            out.append(") ");
        } else if (verbosity.verbose() && itemLen > GENERIC && !someData(out, ext + GENERIC)) {
            return truncated(out, np);
        }
        return ext + itemLen;
    }

    private int notify(int ext, int itemLen, StringBuilder out) {
        if (!bytes.has(ext, 8)) return truncated(out, NP_N);
        title(out, NP_N, ext);
        out.append(" prot_id=");
        name(out, bytes.u8(ext + 4), PROTOCOLS);
        int type = bytes.u16(ext + 6);
        boolean showSpi = true, someData = false;
        String name;
        switch (type) {
            case 1 -> { name = "unsupported_critical_payload"; showSpi = false; }
            case 4 -> name = "invalid_ike_spi";
            case 5 -> { name = "invalid_major_version"; showSpi = false; }
            case 7 -> name = "invalid_syntax";
            case 9 -> name = "invalid_message_id";
            case 11 -> name = "invalid_spi";
            case 14 -> name = "no_protocol_chosen";
            case 17 -> name = "invalid_ke_payload";
            case 24 -> name = "authentication_failed";
            case 34 -> name = "single_pair_required";
            case 35 -> { name = "no_additional_sas"; showSpi = false; }
            case 36 -> { name = "internal_address_failure"; showSpi = false; }
            case 37 -> { name = "failed:cp_required"; showSpi = false; }
            case 39 -> { name = "invalid_selectors"; showSpi = false; }
            case 16384 -> { name = "initial_contact"; showSpi = false; }
            case 16385 -> { name = "set_window_size"; showSpi = false; }
            case 16386 -> { name = "additional_ts_possible"; showSpi = false; }
            case 16387 -> { name = "ipcomp_supported"; showSpi = false; }
            case 16388 -> name = "nat_detection_source_ip";
            case 16389 -> name = "nat_detection_destination_ip";
            case 16390 -> { name = "cookie"; someData = true; }
            case 16391 -> { name = "use_transport_mode"; showSpi = false; }
            case 16392 -> { name = "http_cert_lookup_supported"; showSpi = false; }
            case 16393 -> name = "rekey_sa";
            case 16394 -> { name = "tfc_padding_not_supported"; showSpi = false; }
            case 16395 -> { name = "non_first_fragment_also"; showSpi = false; }
            default -> name = type < 8192 ? "error" : type < 16384 ? "private-error" : type < 40960 ? "status"
                : "private-status";
        }
        out.append(" type=").append(type).append('(').append(name).append(')');
        int spiSize = bytes.u8(ext + 5);
        if (showSpi && spiSize != 0) {
            out.append(" spi=");
            if (!raw(out, ext + 8, spiSize)) return truncated(out, NP_N);
        }
        int cp = ext + 8 + spiSize;
        int ep = bytes.end();
        if (cp < ep) {
            if (verbosity.extraVerbose() || someData && ep - cp < 30) {
                out.append(" data=(");
                if (!raw(out, cp, ep - cp)) return truncated(out, NP_N);
                out.append(')');
            } else if (someData && !someData(out, cp)) {
                return truncated(out, NP_N);
            }
        }
        return ext + itemLen;
    }

    private int vendor(int np, int ext, int itemLen, StringBuilder out) {
        title(out, np, ext);
        int len = itemLen - GENERIC;
        out.append(" len=").append(len).append(" vid=");
        for (int i = 0; i < len; i++) printable(out, bytes.u8(ext + GENERIC + i));
        if (verbosity.mostVerbose() && len > GENERIC) {
            out.append(' ');
            raw(out, ext + GENERIC, len);
        }
        return ext + itemLen;
    }

    /**
     * ike_show_somedata: the first 10 and the last 20 bytes up to the snapshot end (not the payload's), as tcpdump
     * shows them; false where its check of the captured bytes fails.
     */
    private boolean someData(StringBuilder out, int cp) {
        int ep = bytes.end();
        long len = ep - (long) cp;
        if (len < 0 || len > 10) len = 10;   // a negative size_t is huge in tcpdump
        long end = ep - 20L, elen = 20;
        if (end < cp + len) {
            end = cp + len;
            elen = ep - end;
        }
        out.append(" data=(");
        if (!raw(out, cp, len)) return false;
        out.append("...");
        if (elen != 0 && !raw(out, end, elen)) return false;
        out.append(')');
        return true;
    }

    /** rawprint: hex when all {@code len} bytes were captured. */
    private boolean raw(StringBuilder out, long at, long len) {
        if (!bytes.has(at, len)) return false;
        Text.hexBytes(out, bytes.packet(), (int) at, (int) len);
        return true;
    }

    private static void printable(StringBuilder out, int c) {
        out.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }

    /** tcpdump's STR_OR_ID: the table's name, else "#N". */
    private static void name(StringBuilder out, int value, String[] table) {
        if (value >= 0 && value < table.length && table[value] != null) out.append(table[value]);
        else out.append('#').append(value);
    }

    // IKEv1 payloads (ikev1_*_print); tcpdump calls them for these types in IKEv2 chains too

    private int v1Sa(int ext, int phase, int proto, int depth, StringBuilder out) {
        out.append("sa:");
        if (!bytes.has(ext, 12)) return truncated(out, 1);
        long doi = bytes.u32(ext + 4), sit = bytes.u32(ext + 8);
        if (doi != 1) {
            out.append(" doi=").append(doi).append(" situation=").append(sit);
            return ext + 12;
        }
        out.append(" doi=ipsec situation=");
        boolean named = false;
        if ((sit & 1) != 0) {
            out.append("identity");
            named = true;
        }
        if ((sit & 2) != 0) {
            out.append(named ? "+secrecy" : "secrecy");
            named = true;
        }
        if ((sit & 4) != 0) out.append(named ? "+integrity" : "integrity");
        int np = ext + 12;
        if (sit != 1) {
            out.append(" ident=").append(bytes.u32(ext + 4));   // tcpdump reads the DOI's place for it
            np += 4;
        }
        if (!bytes.has(np, GENERIC)) return truncated(out, 1);
        return chain(false, NP_P, np, phase, proto, depth, out);
    }

    private int v1Proposal(int ext, int phase, int depth, StringBuilder out) {
        out.append("p:");
        if (!bytes.has(ext, 8)) return truncated(out, NP_P);
        int protocol = bytes.u8(ext + 5);
        out.append(" #").append(bytes.u8(ext + 4)).append(" protoid=");
        name(out, protocol, PROTOCOLS);
        out.append(" transform=").append(bytes.u8(ext + 7));
        int spiSize = bytes.u8(ext + 6);
        if (spiSize != 0) {
            out.append(" spi=");
            if (!raw(out, ext + 8, spiSize)) return truncated(out, NP_P);
        }
        int t = ext + 8 + spiSize;
        if (!bytes.has(t, GENERIC)) return truncated(out, NP_P);
        return chain(false, NP_T, t, phase, protocol, depth, out);
    }

    private int v1Transform(int ext, int itemLen, int proto, StringBuilder out) {
        out.append("t:");
        if (!bytes.has(ext, 8)) return truncated(out, NP_T);
        String[] ids;
        AttributeMap map;
        switch (proto) {
            case 1 -> { ids = V1_TRANSFORMS_IKE; map = OAKLEY_ATTRIBUTES; }
            case 2 -> { ids = V1_TRANSFORMS_AH; map = IPSEC_ATTRIBUTES; }
            case 3 -> { ids = ENCRYPTIONS; map = IPSEC_ATTRIBUTES; }
            case 4 -> { ids = V1_TRANSFORMS_IPCOMP; map = IPSEC_ATTRIBUTES; }
            default -> { ids = null; map = null; }
        }
        out.append(" #").append(bytes.u8(ext + 4)).append(" id=");
        if (ids != null) name(out, bytes.u8(ext + 5), ids);
        else out.append(bytes.u8(ext + 5));
        out.append(' ');
        int cp = ext + 8;
        int ep2 = ext + itemLen;
        while (cp < bytes.end() && cp < ep2) cp = attribute(cp, ep2, map, out);
        if (bytes.end() < ep2) out.append("...");
        return cp;
    }

    /** KE, hash, signature, vendor ID: the length, -vvv the body in hex. */
    private int v1Hex(int np, String label, int ext, int itemLen, StringBuilder out) {
        name(out, np, PAYLOADS);
        out.append(':');
        out.append(label).append(itemLen - GENERIC);
        if (verbosity.mostVerbose() && itemLen > GENERIC) {
            out.append(' ');
            if (!raw(out, ext + GENERIC, itemLen - GENERIC)) return truncated(out, np);
        }
        return ext + itemLen;
    }

    private int v1Cert(int np, int ext, int itemLen, StringBuilder out) {
        name(out, np, PAYLOADS);
        out.append(':');
        if (!bytes.has(ext, 6)) return truncated(out, np);
        out.append(" len=").append(itemLen - GENERIC).append(" type=");
        name(out, bytes.u8(ext + 4), CERT_TYPES);
        if (verbosity.mostVerbose() && itemLen > GENERIC) {
            out.append(' ');
            if (!raw(out, ext + GENERIC, itemLen - GENERIC)) return truncated(out, np);
        }
        return ext + itemLen;
    }

    private int v1Nonce(int ext, int itemLen, StringBuilder out) {
        out.append("nonce: n len=").append(itemLen - GENERIC);
        if (itemLen > GENERIC) {
            if (verbosity.mostVerbose()) {
                out.append(' ');
                if (!raw(out, ext + GENERIC, itemLen - GENERIC)) return truncated(out, 10);
            } else if (verbosity.veryVerbose()) {
                out.append(' ');
                if (!someData(out, ext + GENERIC)) return truncated(out, 10);
            }
        }
        return ext + itemLen;
    }

    /** The ID payload, as the IPsec DOI's (RFC 2407 4.6.2) in both phases, as tcpdump does. */
    private int v1Id(int ext, int itemLen, StringBuilder out) {
        out.append("id:");
        if (!bytes.has(ext, 8)) return truncated(out, 5);
        int data = ext + 8;
        int len = itemLen > 8 ? itemLen - 8 : 0;
        int type = bytes.u8(ext + 4);
        out.append(" idtype=");
        name(out, type, V1_ID_TYPES);
        out.append(" protoid=").append(bytes.u8(ext + 5)).append(" port=").append(bytes.u16(ext + 6));
        if (len == 0) return ext + itemLen;
        if (!bytes.has(data, len)) return truncated(out, 5);
        switch (type) {
            case 1 -> {
                if (len < 4) out.append(" len=").append(len).append(" [bad: < 4]");
                else {
                    out.append(" len=").append(len).append(' ');
                    Text.ipv4(out, bytes.packet(), data);
                }
                len = 0;
            }
            case 2, 3 -> {
                out.append(" len=").append(len).append(' ');
                for (int i = 0; i < len; i++) Text.printableChar(out, bytes.u8(data + i));
                len = 0;
            }
            case 4 -> {
                if (len < 8) out.append(" len=").append(len).append(" [bad: < 8]");
                else {
                    out.append(" len=").append(len).append(' ');
                    Text.ipv4(out, bytes.packet(), data);
                    out.append('/').append(bytes.u8(data + 4)).append('.').append(bytes.u8(data + 5)).append('.')
                        .append(bytes.u8(data + 6)).append('.').append(bytes.u8(data + 7));
                }
                len = 0;
            }
            case 5 -> {
                if (len < 16) out.append(" len=").append(len).append(" [bad: < 16]");
                else {
                    out.append(" len=").append(len).append(' ');
                    Text.ipv6(out, bytes.packet(), data);
                }
                len = 0;
            }
            case 6 -> {
                if (len < 32) out.append(" len=").append(len).append(" [bad: < 32]");
                else {
                    out.append(" len=").append(len).append(' ');
                    Text.ipv6(out, bytes.packet(), data);
                    out.append("/0x");
                    Text.hexBytes(out, bytes.packet(), data + 16, 16);
                }
                len = 0;
            }
            case 7 -> {
                if (len < 8) out.append(" len=").append(len).append(" [bad: < 8]");
                else {
                    out.append(" len=").append(len).append(' ');
                    Text.ipv4(out, bytes.packet(), data);
                    out.append('-');
                    Text.ipv4(out, bytes.packet(), data + 4);
                }
                len = 0;
            }
            case 8 -> {
                if (len < 32) out.append(" len=").append(len).append(" [bad: < 32]");
                else {
                    out.append(" len=").append(len).append(' ');
                    Text.ipv6(out, bytes.packet(), data);
                    out.append('-');
                    Text.ipv6(out, bytes.packet(), data + 16);
                }
                len = 0;
            }
            default -> { }
        }
        if (len != 0) {
            out.append(" len=").append(len);
            if (verbosity.mostVerbose()) {
                out.append(' ');
                if (!raw(out, data, len)) return truncated(out, 5);
            }
        }
        return ext + itemLen;
    }

    private int v1Notify(int ext, int itemLen, StringBuilder out) {
        out.append("n:");
        if (!bytes.has(ext, 12)) return truncated(out, NP_N);
        long doi = bytes.u32(ext + 4);
        int proto = bytes.u8(ext + 8);
        int type = bytes.u16(ext + 10);
        int spiSize = bytes.u8(ext + 9);
        if (doi != 1) {
            out.append(" doi=").append(doi).append(" proto=").append(proto).append(" type=");
            if (type < 8192) name(out, type, V1_NOTIFY_ERRORS);
            else if (type >= 16384 && type < 24576) name(out, type - 16384, V1_NOTIFY_STATUSES);
            else out.append('#').append(type);
            if (spiSize != 0) {
                out.append(" spi=");
                if (!raw(out, ext + 12, spiSize)) return truncated(out, NP_N);
            }
            return ext + 12 + spiSize;
        }
        out.append(" doi=ipsec proto=");
        name(out, proto, PROTOCOLS);
        out.append(" type=");
        if (type < 8192) name(out, type, V1_NOTIFY_ERRORS);
        else if (type < 16384) name(out, type - 8192, V1_IPSEC_NOTIFY_ERRORS);
        else if (type < 24576) name(out, type - 16384, V1_NOTIFY_STATUSES);
        else if (type < 32768) name(out, type - 24576, V1_IPSEC_NOTIFY_STATUSES);
        else out.append('#').append(type);
        if (spiSize != 0) {
            out.append(" spi=");
            if (!raw(out, ext + 12, spiSize)) return truncated(out, NP_N);
        }
        int cp = ext + 12 + spiSize;
        int ep2 = ext + itemLen;
        if (cp < bytes.end()) {
            switch (type) {
                case RESPONDER_LIFETIME -> {
                    out.append(" attrs=(");
                    while (cp < bytes.end() && cp < ep2) cp = attribute(cp, ep2, OAKLEY_ATTRIBUTES, out);
                    out.append(')');
                }
                case REPLAY_STATUS -> {
                    out.append(" status=(");
                    boolean enabled = bytes.u32(cp) != 0;   // fetched before anything of it is printed
                    out.append("replay detection ").append(enabled ? "en" : "dis").append("abled)");
                }
                default -> {
                    if (verbosity.extraVerbose()) {
                        out.append(" data=(");
                        if (!raw(out, cp, bytes.end() - cp)) return truncated(out, NP_N);
                        out.append(')');
                    } else if (!someData(out, cp)) {
                        return truncated(out, NP_N);
                    }
                }
            }
        }
        return ext + itemLen;
    }

    private int v1Delete(int ext, StringBuilder out) {
        out.append("d:");
        if (!bytes.has(ext, 12)) return truncated(out, 12);
        long doi = bytes.u32(ext + 4);
        int proto = bytes.u8(ext + 8);
        if (doi != 1) out.append(" doi=").append(doi).append(" proto=").append(proto);
        else {
            out.append(" doi=ipsec proto=");
            name(out, proto, PROTOCOLS);
        }
        int spiSize = bytes.u8(ext + 9);
        int count = bytes.u16(ext + 10);
        out.append(" spilen=").append(spiSize).append(" nspi=").append(count).append(" spi=");
        int q = ext + 12;
        for (int i = 0; i < count; i++) {
            if (i != 0) out.append(',');
            if (!raw(out, q, spiSize)) return truncated(out, 12);
            q += spiSize;
        }
        return q;
    }

    // IKEv1 (ikev1_print): the header line

    private void ikev1(Packet p, IpContext ip, int bp, StringBuilder out) {
        if (bytes.u32(bp + 20) == 0) out.append(" phase 1");
        else out.append(" phase 2/others");
        int i = findCookie(p, bp);
        if (i < 0) {
            if (p.u32(bp + 8) == 0 && p.u32(bp + 12) == 0) {   // the first packet
                out.append(" I");
                recordCookie(p, ip, bp);
            } else {
                out.append(" ?");
            }
        } else if (sideCheck(p, ip, i, true)) {
            out.append(" I");
        } else if (sideCheck(p, ip, i, false)) {
            out.append(" R");
        } else {
            out.append(" ?");
        }
        out.append(' ');
        name(out, bytes.u8(bp + 18), EXCHANGES);
        int flags = bytes.u8(bp + 19);
        if (flags != 0) {
            out.append('[');
            if ((flags & FLAG_E) != 0) out.append('E');
            if ((flags & FLAG_C) != 0) out.append('C');
            out.append(']');
        }
        if (!verbosity.verbose()) return;
        out.append(':');
        if ((flags & FLAG_E) != 0) {
            out.append(" [encrypted ");
            name(out, bytes.u8(bp + 16), PAYLOADS);
            out.append(']');
            return;
        }
        chain(false, bytes.u8(bp + 16), bp + HEADER, bytes.u32(bp + 20) == 0 ? 1 : 2, 0, 0, out);
    }

    private int findCookie(Packet p, int bp) {
        for (int i = 0; i < INITIATORS; i++) {
            byte[] c = cookies[i];
            boolean same = true;
            for (int k = 0; k < 8 && same; k++) same = c[k] == (byte) p.u8(bp + k);
            if (same) return i;
        }
        return -1;
    }

    private void recordCookie(Packet p, IpContext ip, int bp) {
        int size = ip.v6 ? 16 : 4;
        int n = nextInitiator;
        cookieVersions[n] = ip.v6 ? 6 : 4;
        for (int k = 0; k < size; k++) {
            initiatorAddresses[n][k] = (byte) p.u8(ip.srcOffset + k);
            responderAddresses[n][k] = (byte) p.u8(ip.dstOffset + k);
        }
        for (int k = 0; k < 8; k++) cookies[n][k] = (byte) p.u8(bp + k);
        nextInitiator = (n + 1) % INITIATORS;
    }

    private boolean sideCheck(Packet p, IpContext ip, int i, boolean initiator) {
        if (cookieVersions[i] != (ip.v6 ? 6 : 4)) return false;
        byte[] address = initiator ? initiatorAddresses[i] : responderAddresses[i];
        int size = ip.v6 ? 16 : 4;
        for (int k = 0; k < size; k++) if (address[k] != (byte) p.u8(ip.srcOffset + k)) return false;
        return true;
    }
}
