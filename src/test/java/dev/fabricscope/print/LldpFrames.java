package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;

/**
 * Hand-built LLDPDUs (IEEE 802.1AB-2016 clause 8: a TLV is 7 bits of type and 9 bits of length, then the value;
 * organisation TLVs start with a 3-byte OUI and a subtype) sent to the nearest-bridge address, as switches and
 * lldpd send them.
 */
final class LldpFrames {
    private LldpFrames() { }

    static final byte[] NEAREST_BRIDGE = hex("0180c200000e"), SWITCH = hex("0c42a1d3e4f5");
    static final int ETHERTYPE = 0x88cc;
    static final String IEEE_8021 = "0080c2", IEEE_8023 = "00120f", TIA = "0012bb", DCBX = "001b21", IANA = "00005e";

    /** A TLV of {@code type} whose length field is the value's length. */
    static byte[] tlv(int type, byte[] value) {
        return tlv(type, value.length, value);
    }

    /** A TLV whose length field says {@code length}, whatever the value's size (to break it on purpose). */
    static byte[] tlv(int type, int length, byte[] value) {
        return concat(u16(type << 9 | length & 0x1ff), value);
    }

    static byte[] tlv(int type, String hexValue) {
        return tlv(type, hex(hexValue));
    }

    /** An organisation-specific TLV (type 127): OUI, subtype, then the rest. */
    static byte[] org(String oui, int subtype, byte[] rest) {
        return tlv(127, concat(hex(oui), new byte[] {(byte) subtype}, rest));
    }

    static byte[] org(String oui, int subtype, String hexRest) {
        return org(oui, subtype, hex(hexRest));
    }

    static byte[] end() {
        return hex("0000");
    }

    /** The frame to the nearest-bridge group address; padded with zeros to the 60-byte minimum as a NIC would. */
    static Frame lldp(byte[]... tlvs) {
        byte[] frame = concat(NEAREST_BRIDGE, SWITCH, u16(ETHERTYPE), concat(tlvs));
        if (frame.length < 60) frame = concat(frame, zeros(60 - frame.length));
        return new Frame(frame);
    }

    /** The three TLVs every LLDPDU starts with: chassis ID (a MAC), port ID (an interface name), TTL. */
    static byte[] mandatory() {
        return concat(tlv(1, concat(hex("04"), SWITCH)), tlv(2, concat(hex("05"), ascii("Ethernet1/1"))),
            tlv(3, "0078"));
    }
}
