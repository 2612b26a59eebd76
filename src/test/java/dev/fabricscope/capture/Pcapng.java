package dev.fabricscope.capture;

import java.nio.charset.StandardCharsets;

/** pcapng blocks built by hand from draft-ietf-opsawg-pcapng (block layouts, option codes). */
final class Pcapng {
    private Pcapng() { }

    static final int IDB = 1, OPB = 2, SPB = 3, NRB = 4, ISB = 5, EPB = 6, DSB = 0x0a, CUSTOM = 0x00000bad;

    /** Block type, total length, body (padded to 4), total length again. */
    static Bytes block(Bytes out, int type, Bytes body) {
        body.pad4();
        int len = 12 + body.size();
        return out.u32(type).u32(len).raw(body).u32(len);
    }

    static Bytes shb(Bytes out) {
        // magic 0x1A2B3C4D in the section's order, version 1.0, section length -1 (unknown), no options.
        return block(out, 0x0a0d0d0a, out.like().u32(0x1a2b3c4dL).u16(1).u16(0).u64(-1L));
    }

    /** An option: code, length, value padded to 4. */
    static Bytes option(Bytes opts, int code, byte[] value) {
        return opts.u16(code).u16(value.length).raw(value).pad4();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Bytes idb(Bytes out, int linkType, long snapLen, Bytes options) {
        Bytes body = out.like().u16(linkType).u16(0).u32(snapLen);
        if (options != null) body.raw(options).u16(0).u16(0);
        return block(out, IDB, body);
    }

    static Bytes epb(Bytes out, long iface, long units, long capLen, long origLen, byte[] data) {
        return block(out, EPB, out.like().u32(iface).u32(units >>> 32).u32(units & 0xffffffffL)
                .u32(capLen).u32(origLen).raw(data));
    }

    static Bytes opb(Bytes out, int iface, long units, long capLen, long origLen, byte[] data) {
        return block(out, OPB, out.like().u16(iface).u16(0).u32(units >>> 32).u32(units & 0xffffffffL)
                .u32(capLen).u32(origLen).raw(data));
    }

    static Bytes spb(Bytes out, long origLen, byte[] data) {
        return block(out, SPB, out.like().u32(origLen).raw(data));
    }
}
