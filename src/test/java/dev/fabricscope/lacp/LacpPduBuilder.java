package dev.fabricscope.lacp;

import java.nio.ByteBuffer;

/**
 * Builds LACPDU frames by hand from IEEE 802.1AX-2014 clause 6.4.2 (LACPDU structure): Ethernet to the slow
 * protocols address 01:80:c2:00:00:02, ethertype 0x8809, subtype 1, version 1, Actor (type 1, length 20),
 * Partner (type 2, length 20), Collector (type 3, length 16) and Terminator (type 0, length 0) TLVs and 50
 * reserved bytes: a 110-byte PDU in a 124-byte frame, like every frame of the shared LACP.pcap.
 */
public final class LacpPduBuilder {
    private LacpPduBuilder() { }

    public static final int FRAME_LENGTH = 124;

    /** State bits (802.1AX 6.4.2.3, actor_state / partner_state). */
    public static final int ACTIVITY = 0x01, TIMEOUT = 0x02, AGGREGATION = 0x04, SYNCHRONIZATION = 0x08,
        COLLECTING = 0x10, DISTRIBUTING = 0x20, DEFAULTED = 0x40, EXPIRED = 0x80;
    /** A fully negotiated port: active, aggregatable, in sync, collecting and distributing (slow timeout). */
    public static final int UP_SLOW = ACTIVITY | AGGREGATION | SYNCHRONIZATION | COLLECTING | DISTRIBUTING;
    public static final int UP_FAST = UP_SLOW | TIMEOUT;

    /** One port's information as carried in an Actor or Partner TLV. */
    public record Port(int systemPriority, long system, int key, int portPriority, int port, int state) {
        public Port withState(int newState) {
            return new Port(systemPriority, system, key, portPriority, port, newState);
        }

        public Port withKey(int newKey) {
            return new Port(systemPriority, system, newKey, portPriority, port, state);
        }

        /** The all-zero partner of a port that has heard nothing (Defaulted with zero admin values). */
        public static final Port NONE = new Port(0, 0, 0, 0, 0, 0);
    }

    /** A 124-byte LACPv1 frame from {@code srcMac} with the given actor and partner information. */
    public static byte[] lacpdu(long srcMac, Port actor, Port partner) {
        return lacpdu(srcMac, actor, partner, 0);
    }

    public static byte[] lacpdu(long srcMac, Port actor, Port partner, int collectorMaxDelay) {
        ByteBuffer b = ByteBuffer.allocate(FRAME_LENGTH);
        putMac(b, 0x0180c2000002L);
        putMac(b, srcMac);
        b.putShort((short) 0x8809);
        b.put((byte) 1).put((byte) 1);                 // subtype LACP, version 1
        putPort(b, 1, actor);
        putPort(b, 2, partner);
        b.put((byte) 3).put((byte) 16).putShort((short) collectorMaxDelay).put(new byte[12]);
        b.put((byte) 0).put((byte) 0);                 // terminator
        // the 50 reserved bytes and the frame padding stay zero
        return b.array();
    }

    private static void putPort(ByteBuffer b, int type, Port p) {
        b.put((byte) type).put((byte) 20).putShort((short) p.systemPriority());
        putMac(b, p.system());
        b.putShort((short) p.key()).putShort((short) p.portPriority()).putShort((short) p.port())
            .put((byte) p.state()).put(new byte[3]);
    }

    private static void putMac(ByteBuffer b, long mac) {
        for (int shift = 40; shift >= 0; shift -= 8) b.put((byte) (mac >>> shift));
    }

    /** "00:13:c4:12:0f:00" for 0x0013c4120f00. */
    public static String mac(long mac) {
        StringBuilder s = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (s.length() > 0) s.append(':');
            int v = (int) (mac >>> shift) & 0xff;
            s.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xf, 16));
        }
        return s.toString();
    }
}
