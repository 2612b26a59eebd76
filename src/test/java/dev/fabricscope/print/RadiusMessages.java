package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

/**
 * RADIUS messages built by hand from RFC 2865/2866 (code, identifier, length, 16-byte authenticator, then attributes
 * of type, length and value; Vendor-Specific as vendor ID and type/length/value sub-attributes), RFC 3748 (EAP
 * packets) and the attribute layouts of RFC 2868 (tunnel tags), 3162 (IPv6), 4675 (VLANs), 5176 (Error-Cause), 5447
 * and 5580.
 */
final class RadiusMessages {
    private RadiusMessages() { }

    static final byte[] AUTHENTICATOR = hex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    /** Header with the length computed, the given authenticator, then the attributes. */
    static byte[] message(int code, int id, byte[]... attributes) {
        byte[] body = concat(attributes);
        return concat(new byte[] {(byte) code, (byte) id}, u16(20 + body.length), AUTHENTICATOR, body);
    }

    /** Type, length (2 + value), value. */
    static byte[] attribute(int type, byte[]... value) {
        byte[] v = concat(value);
        return concat(new byte[] {(byte) type, (byte) (2 + v.length)}, v);
    }

    static byte[] text(int type, String value) {
        return attribute(type, ascii(value));
    }

    static byte[] number(int type, long value) {
        return attribute(type, u32(value));
    }

    /** An attribute whose value is a 1-byte tag and 3 bytes of number (RFC 2868). */
    static byte[] tagged(int type, int tag, int value) {
        return attribute(type, new byte[] {(byte) tag, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** Vendor-Specific (26): vendor ID, then sub-attributes built with {@link #sub}. */
    static byte[] vendor(long vendorId, byte[]... subAttributes) {
        return attribute(26, u32(vendorId), concat(subAttributes));
    }

    static byte[] sub(int type, byte[] value) {
        return concat(new byte[] {(byte) type, (byte) (2 + value.length)}, value);
    }

    /** An EAP packet: code, identifier, length computed, then (for requests and responses) type and data. */
    static byte[] eap(int code, int id, byte[] typeAndData) {
        return concat(new byte[] {(byte) code, (byte) id}, u16(4 + typeAndData.length), typeAndData);
    }
}
