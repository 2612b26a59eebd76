package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.Arrays;

/**
 * Hand-built CFM PDUs (IEEE 802.1ag / 802.1Q-2014 clause 21; ITU-T Y.1731 clause 9 for its opcodes): the 4-byte
 * common header (MD level and version, opcode, flags, first TLV offset), the opcode's fixed part, then TLVs of a
 * type byte, a 2-byte length and the value. Sent to the CCM and linktrace group addresses 01-80-c2-00-00-3x.
 */
final class CfmFrames {
    private CfmFrames() { }

    static final int CCM = 1, LBR = 2, LBM = 3, LTR = 4, LTM = 5;
    static final int ETHERTYPE = 0x8902, ETHERTYPE_OLD = 0xabcd;
    static final byte[] BRIDGE = hex("0c42a1d3e4f5"), PEER = hex("001b21aabbcc");

    /** The common header. */
    static byte[] header(int level, int version, int opcode, int flags, int firstTlvOffset) {
        return new byte[] {(byte) (level << 5 | version), (byte) opcode, (byte) flags, (byte) firstTlvOffset};
    }

    /** A TLV whose length field is the value's length. */
    static byte[] tlv(int type, byte[] value) {
        return tlv(type, value.length, value);
    }

    static byte[] tlv(int type, String hexValue) {
        return tlv(type, hex(hexValue));
    }

    /** A TLV whose length field says {@code length}, whatever the value's size. */
    static byte[] tlv(int type, int length, byte[] value) {
        return concat(new byte[] {(byte) type}, u16(length), value);
    }

    static byte[] end() {
        return new byte[1];
    }

    /**
     * A CCM's 70-byte fixed part: sequence number, MEP ID, the MAID (MD name format, length and name unless the
     * format is 1, then the short MA name's), zero-filled to 48 bytes, and Y.1731's 16 bytes of counters.
     */
    static byte[] ccmBody(long sequence, int mepId, byte[] maid, byte[] counters) {
        return concat(u32(sequence), u16(mepId), Arrays.copyOf(maid, 48), Arrays.copyOf(counters, 16));
    }

    /** A MAID with an MD name ({@code mdFormat} 1: none) and an MA name. */
    static byte[] maid(int mdFormat, byte[] md, int maFormat, byte[] ma) {
        byte[] mdPart = mdFormat == 1 ? new byte[] {1} : concat(new byte[] {(byte) mdFormat, (byte) md.length}, md);
        return concat(mdPart, new byte[] {(byte) maFormat, (byte) ma.length}, ma);
    }

    /** A CCM at {@code level}: {@code flags} carry RDI (0x80) and the interval (low three bits). */
    static byte[] ccm(int level, int flags, long sequence, int mepId, byte[] maid, byte[]... tlvs) {
        return concat(header(level, 0, CCM, flags, 70), ccmBody(sequence, mepId, maid, new byte[0]), concat(tlvs));
    }

    /** The PDU to the group address of its level (CCMs to ...3L, linktrace to ...3(8+L)), padded to 60 bytes. */
    static Frame frame(byte[] pdu) {
        int level = (pdu[0] & 0xff) >>> 5;
        int opcode = pdu.length > 1 ? pdu[1] & 0xff : 0;
        byte[] destination = opcode == LBM || opcode == LBR ? PEER
            : hex("0180c20000" + Integer.toHexString(0x30 + level + (opcode == LTM ? 8 : 0)));
        return padded(concat(destination, BRIDGE, u16(ETHERTYPE), pdu));
    }

    static Frame padded(byte[] frame) {
        return new Frame(frame.length < 60 ? concat(frame, zeros(60 - frame.length)) : frame);
    }

    /** Without padding: the PDU's length is exactly what it holds. */
    static Frame unpadded(byte[] pdu) {
        return new Frame(concat(hex("0180c2000035"), BRIDGE, u16(ETHERTYPE), pdu));
    }
}
