package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * SNMP messages built by hand from the BER rules (X.690: identifier octet, short or long definite length, content)
 * and the message layouts of RFC 1157 (v1 message, Trap-PDU), RFC 3416 (PDUs, BulkPDU, exceptions) and RFC 3412/3414
 * (v3 header, USM parameters, ScopedPDU).
 */
final class SnmpMessages {
    private SnmpMessages() { }

    static final int GET = 0xa0, GET_NEXT = 0xa1, RESPONSE = 0xa2, SET = 0xa3, TRAP = 0xa4, GET_BULK = 0xa5,
        INFORM = 0xa6, V2_TRAP = 0xa7, REPORT = 0xa8;

    /** Identifier, definite length (short form below 128, else the fewest long-form octets), content. */
    static byte[] tlv(int tag, byte[]... content) {
        byte[] c = concat(content);
        return concat(new byte[] {(byte) tag}, length(c.length), c);
    }

    static byte[] length(int n) {
        if (n < 128) return new byte[] {(byte) n};
        if (n < 256) return new byte[] {(byte) 0x81, (byte) n};
        return new byte[] {(byte) 0x82, (byte) (n >>> 8), (byte) n};
    }

    static byte[] integer(long value) {
        return tlv(0x02, BigInteger.valueOf(value).toByteArray());
    }

    static byte[] string(String s) {
        return tlv(0x04, ascii(s));
    }

    static byte[] octets(String hexDigits) {
        return tlv(0x04, hex(hexDigits));
    }

    static byte[] nul() {
        return tlv(0x05);
    }

    static byte[] sequence(byte[]... content) {
        return tlv(0x30, content);
    }

    /** OBJECT IDENTIFIER: 40 * x + y for the first two arcs, then base-128 sub-identifiers (high bit: more follows). */
    static byte[] oid(long... arcs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        subIdentifier(b, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) subIdentifier(b, arcs[i]);
        return tlv(0x06, b.toByteArray());
    }

    private static void subIdentifier(ByteArrayOutputStream b, long v) {
        int groups = 1;
        while (groups < 10 && (v >>> (7 * groups)) != 0) groups++;
        for (int g = groups - 1; g >= 0; g--) b.write((int) ((v >>> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
    }

    static byte[] ipAddress(int a, int b, int c, int d) {
        return tlv(0x40, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    /** Counter32 (0x41), Gauge32 (0x42), TimeTicks (0x43), Counter64 (0x46): unsigned, fewest octets. */
    static byte[] unsigned(int tag, BigInteger value) {
        byte[] b = value.toByteArray();
        return tlv(tag, b);
    }

    static byte[] unsigned(int tag, long value) {
        return unsigned(tag, BigInteger.valueOf(value));
    }

    static byte[] bind(byte[] name, byte[] value) {
        return sequence(name, value);
    }

    /** A PDU of RFC 3416: request-id, error-status (non-repeaters), error-index (max-repetitions), bindings. */
    static byte[] pdu(int tag, long requestId, long errorStatus, long errorIndex, byte[]... bindings) {
        return tlv(tag, integer(requestId), integer(errorStatus), integer(errorIndex), sequence(bindings));
    }

    /** RFC 1157's Trap-PDU: enterprise, agent-addr, generic-trap, specific-trap, time-stamp, bindings. */
    static byte[] trap(byte[] enterprise, int generic, int specific, long ticks, byte[]... bindings) {
        return tlv(TRAP, enterprise, ipAddress(192, 0, 2, 7), integer(generic), integer(specific),
            unsigned(0x43, ticks), sequence(bindings));
    }

    /** v1 (0) or v2c (1): version, community, PDU. */
    static byte[] community(int version, String community, byte[] pdu) {
        return sequence(integer(version), string(community), pdu);
    }

    /**
     * v3: version, header (msgID, msgMaxSize, msgFlags, msgSecurityModel), the USM parameters as an OCTET STRING, and
     * a plain ScopedPDU (contextEngineID, contextName, PDU).
     */
    static byte[] v3(int flags, byte[] usm, String contextEngine, String contextName, byte[] pdu) {
        return sequence(integer(3), sequence(integer(4711), integer(65507), tlv(0x04, new byte[] {(byte) flags}),
            integer(3)), tlv(0x04, usm), sequence(octets(contextEngine), string(contextName), pdu));
    }

    static byte[] usm(String engine, int boots, int time, String user, String auth, String priv) {
        return sequence(octets(engine), integer(boots), integer(time), string(user), octets(auth), octets(priv));
    }
}
