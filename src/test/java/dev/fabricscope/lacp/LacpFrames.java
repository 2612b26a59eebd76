package dev.fabricscope.lacp;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;

/**
 * Slow-protocols frames built field by field from IEEE 802.1AX-2008 6.4.2.3 (LACPDU: subtype 1,
 * version, Actor TLV 1/20, Partner TLV 2/20, Collector TLV 3/16, Terminator 0/0 + 50 reserved = 110
 * bytes) and 6.5.3.3 (Marker PDU: subtype 2, version, TLV 1 or 2 / 16: port, system, transaction id,
 * 2 pad; Terminator 0/0; 90 reserved = 110 bytes).
 */
public final class LacpFrames {
    private LacpFrames() { }

    public static final byte[] SLOW_DST = hex("01 80 c2 00 00 02");
    public static final byte[] SRC_A = hex("00 13 c4 12 0f 0d");
    public static final byte[] SRC_B = hex("00 0e 83 16 f5 10");

    /** Actor or Partner TLV (type 1 or 2) with its 3 reserved bytes. */
    public static byte[] portTlv(int type, int sysPri, String sysMac, int key, int portPri, int port, int state) {
        return concat(new byte[] {(byte) type, 20}, u16(sysPri), hex(sysMac), u16(key), u16(portPri), u16(port),
                new byte[] {(byte) state}, zeros(3));
    }

    public static byte[] collectorTlv(int maxDelay) {
        return concat(new byte[] {3, 16}, u16(maxDelay), zeros(12));
    }

    public static byte[] terminatorTlv() {
        return concat(new byte[] {0, 0}, zeros(50));
    }

    /** A LACPv1 PDU (110 bytes): actor/partner like LACP.pcap frame 1 unless overridden by the caller. */
    public static byte[] lacpdu(int version, byte[]... tlvs) {
        return concat(new byte[] {1, (byte) version}, concat(tlvs));
    }

    public static byte[] standardLacpdu(int actorState, int partnerState) {
        return lacpdu(1,
                portTlv(1, 32768, "00:13:c4:12:0f:00", 13, 32768, 22, actorState),
                portTlv(2, 32768, "00:0e:83:16:f5:00", 13, 32768, 25, partnerState),
                collectorTlv(32768),
                terminatorTlv());
    }

    /** Marker PDU (110 bytes) with TLV type 1 (Information) or 2 (Response). */
    public static byte[] markerPdu(int tlvType, int port, String sysMac, long transaction) {
        return concat(new byte[] {2, 1, (byte) tlvType, 16}, u16(port), hex(sysMac), u32(transaction), zeros(2),
                new byte[] {0, 0}, zeros(90));
    }

    public static byte[] ethernet(byte[] src, byte[] pdu) {
        return concat(SLOW_DST, src, u16(0x8809), pdu);
    }

    /** A packet view over {@code frame} (capLen = frame length) with the given on-wire length. */
    public static Packet packet(byte[] frame, int origLen) {
        return new Packet().set(frame, 0, frame.length, origLen, 0, 0, LinkType.EN10MB, 1);
    }

    public static Packet packet(byte[] frame) {
        return packet(frame, frame.length);
    }

    public static SlowProtocolsParseResult parseFrame(byte[] frame, int origLen) {
        Packet p = packet(frame, origLen);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        return SlowProtocolsParser.parse(p, l);
    }

    public static SlowProtocolsParseResult parseFrame(byte[] frame) {
        return parseFrame(frame, frame.length);
    }
}
