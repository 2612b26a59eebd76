package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.rdma.MadBaseHeader;

/**
 * Decodes a MAD and, for the CM class (0x07), its message (IBTA vol. 1, 12.6; offsets also as in Linux
 * drivers/infiniband/core/cm_msgs.h and Wireshark's packet-infiniband.c). All reads are bounds-checked:
 * short or odd input becomes {@link CmParseResult.Malformed}, never an exception. Stateless.
 */
public final class CmParser {
    private CmParser() { }

    /** CM message data starts after the 24-byte MAD header and is 232 bytes long. */
    static final int DATA = MadBaseHeader.LENGTH;
    /** Every MAD on the GSI is 256 bytes (IBTA vol. 1, 13.4.2). */
    static final int MAD_LENGTH = 256;

    /**
     * @param off       where the MAD starts in the packet
     * @param available bytes of MAD present (captured, ICRC excluded)
     */
    public static CmParseResult parse(Packet p, int off, int available) {
        int avail = Math.max(0, Math.min(available, p.capLen() - Math.max(0, off)));
        if (off < 0) return new CmParseResult.Malformed(null, "negative MAD offset", off);
        MadBaseHeader mad = MadBaseHeader.read(p, off, avail);
        if (mad == null) {
            return new CmParseResult.Malformed(null,
                "MAD header truncated: " + avail + " of " + MadBaseHeader.LENGTH + " bytes", off);
        }
        if (mad.mgmtClass() != MadBaseHeader.CLASS_CM) return new CmParseResult.NotCm(mad);
        String name = MadBaseHeader.attributeName(MadBaseHeader.CLASS_CM, mad.attributeId());
        if (name == null) {
            return new CmParseResult.Malformed(mad,
                String.format("unknown CM attribute 0x%04x", mad.attributeId()), off + 16);
        }
        if (mad.attributeId() == 0x0001) return new CmParseResult.Decoded(mad, new CmMessage.Other(0x0001));
        if (avail < MAD_LENGTH) {
            return new CmParseResult.Malformed(mad,
                "CM " + name + " truncated: " + avail + " of " + MAD_LENGTH + " bytes", off + avail);
        }
        int d = off + DATA;
        CmMessage message = switch (mad.attributeId()) {
            case 0x0010 -> req(p, d);
            case 0x0011 -> new CmMessage.Mra(p.u32(d), p.u32(d + 4), p.u8(d + 8) >>> 6, p.u8(d + 9) >>> 3,
                bytes(p, d + 10, 222));
            case 0x0012 -> new CmMessage.Rej(p.u32(d), p.u32(d + 4), p.u8(d + 8) >>> 6, p.u8(d + 9) >>> 1,
                p.u16(d + 10), bytes(p, d + 12, 72), bytes(p, d + 84, 148));
            case 0x0013 -> rep(p, d);
            case 0x0014 -> new CmMessage.Rtu(p.u32(d), p.u32(d + 4), bytes(p, d + 8, 224));
            case 0x0015 -> new CmMessage.Dreq(p.u32(d), p.u32(d + 4), u24(p, d + 8), bytes(p, d + 12, 220));
            case 0x0016 -> new CmMessage.Drep(p.u32(d), p.u32(d + 4), bytes(p, d + 8, 224));
            case 0x0017 -> new CmMessage.SidrReq(p.u32(d), p.u16(d + 4), u64(p, d + 8), bytes(p, d + 16, 216));
            case 0x0018 -> new CmMessage.SidrRep(p.u32(d), p.u8(d + 4), p.u8(d + 5), u24(p, d + 8),
                u64(p, d + 12), p.u32(d + 20), bytes(p, d + 24, 72), bytes(p, d + 96, 136));
            case 0x0019 -> new CmMessage.Lap(p.u32(d), p.u32(d + 4), u24(p, d + 12), p.u8(d + 15) >>> 3,
                lapPath(p, d + 20), bytes(p, d + 64, 168));
            case 0x001a -> new CmMessage.Apr(p.u32(d), p.u32(d + 4), p.u8(d + 8), p.u8(d + 9),
                bytes(p, d + 12, 72), bytes(p, d + 84, 148));
            default -> new CmMessage.Other(mad.attributeId());
        };
        return new CmParseResult.Decoded(mad, message);
    }

    /** Convenience for tests and tools: the MAD is the whole array. */
    public static CmParseResult parse(byte[] mad) {
        Packet p = new Packet().set(mad, 0, mad.length, mad.length,
            0, 0, 0, 1);
        return parse(p, 0, mad.length);
    }

    private static CmMessage.Req req(Packet p, int d) {
        int b43 = p.u8(d + 43);
        int b47 = p.u8(d + 47);
        int b50 = p.u8(d + 50);
        int b51 = p.u8(d + 51);
        byte[] priv = bytes(p, d + 140, 92);
        long serviceId = u64(p, d + 8);
        CmaHeader cma = ServiceIds.portSpace(serviceId) >= 0 ? CmaHeader.parse(priv) : null;
        return new CmMessage.Req(p.u32(d), serviceId, u64(p, d + 16), p.u32(d + 28),
            u24(p, d + 32), p.u8(d + 35), u24(p, d + 36), p.u8(d + 39), u24(p, d + 40),
            b43 >>> 3, (b43 >>> 1) & 3, (b43 & 1) != 0,
            u24(p, d + 44), b47 >>> 3, b47 & 7, p.u16(d + 48),
            b50 >>> 4, (b50 & 8) != 0, b50 & 7, b51 >>> 4, (b51 & 8) != 0, b51 & 7,
            reqPath(p, d + 52), reqPath(p, d + 96), priv, cma);
    }

    /** REQ path: LIDs, GIDs, flow label/rate word, traffic class, hop limit, SL byte, ACK timeout byte. */
    private static CmPath reqPath(Packet p, int o) {
        long w = p.u32(o + 36);
        int slByte = p.u8(o + 42);
        return new CmPath(p.u16(o), p.u16(o + 2), bytes(p, o + 4, 16), bytes(p, o + 20, 16),
            (int) (w >>> 12), (int) (w & 0x3f), p.u8(o + 40), p.u8(o + 41), slByte >>> 4, (slByte & 8) != 0,
            p.u8(o + 43) >>> 3);
    }

    /** LAP alternate path: flow label + traffic class word, hop limit, rate byte, SL byte, ACK timeout. */
    private static CmPath lapPath(Packet p, int o) {
        long w = p.u32(o + 36);
        int slByte = p.u8(o + 42);
        return new CmPath(p.u16(o), p.u16(o + 2), bytes(p, o + 4, 16), bytes(p, o + 20, 16),
            (int) (w >>> 12), p.u8(o + 41) >>> 2, (int) (w & 0xff), p.u8(o + 40), slByte >>> 4,
            (slByte & 8) != 0, p.u8(o + 43) >>> 3);
    }

    private static CmMessage.Rep rep(Packet p, int d) {
        int b26 = p.u8(d + 26);
        int b27 = p.u8(d + 27);
        return new CmMessage.Rep(p.u32(d), p.u32(d + 4), p.u32(d + 8), u24(p, d + 12), u24(p, d + 16),
            u24(p, d + 20), p.u8(d + 24), p.u8(d + 25), b26 >>> 3, (b26 >>> 1) & 3, (b26 & 1) != 0,
            b27 >>> 5, (b27 & 0x10) != 0, u64(p, d + 28), bytes(p, d + 36, 196));
    }

    static int u24(Packet p, int off) {
        return (p.u8(off) << 16) | p.u16(off + 1);
    }

    static long u64(Packet p, int off) {
        return (p.u32(off) << 32) | p.u32(off + 4);
    }

    static byte[] bytes(Packet p, int off, int len) {
        byte[] b = new byte[len];
        p.copyTo(off, b, 0, len);
        return b;
    }
}
