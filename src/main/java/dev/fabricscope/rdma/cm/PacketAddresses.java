package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;

/**
 * The endpoint addresses of an RDMA packet, written into caller-owned 16-byte arrays (no allocation):
 * RoCEv2 IPv4 (as IPv4-mapped), IPv6, the GRH GIDs (RoCEv1, native IB with GRH), else native IB LIDs.
 */
final class PacketAddresses {
    private PacketAddresses() { }

    /** Fills {@code src}/{@code dst}; returns {@link TrackKey#GID}, {@link TrackKey#LID} or -1. */
    static int load(Packet p, Layers l, byte[] src, byte[] dst) {
        if (l.roceVersion == 2 && l.networkKind == NetworkKind.IPV4 && p.has(l.srcAddrOffset, 4) && p.has(l.dstAddrOffset, 4)) {
            mapped(p, l.srcAddrOffset, src);
            mapped(p, l.dstAddrOffset, dst);
            return TrackKey.GID;
        }
        if (l.roceVersion == 2 && l.networkKind == NetworkKind.IPV6 && p.has(l.srcAddrOffset, 16) && p.has(l.dstAddrOffset, 16)) {
            p.copyTo(l.srcAddrOffset, src, 0, 16);
            p.copyTo(l.dstAddrOffset, dst, 0, 16);
            return TrackKey.GID;
        }
        if (l.ibGrhOffset >= 0 && p.has(l.ibGrhOffset, 40)) {
            p.copyTo(l.ibGrhOffset + 8, src, 0, 16);
            p.copyTo(l.ibGrhOffset + 24, dst, 0, 16);
            return TrackKey.GID;
        }
        if (l.ibLrhOffset >= 0 && p.has(l.ibLrhOffset, 8)) {
            lid(p.u16(l.ibLrhOffset + 6), src);
            lid(p.u16(l.ibLrhOffset + 2), dst);
            return TrackKey.LID;
        }
        return -1;
    }

    private static void mapped(Packet p, int off, byte[] out) {
        java.util.Arrays.fill(out, 0, 10, (byte) 0);
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        p.copyTo(off, out, 12, 4);
    }

    private static void lid(int lid, byte[] out) {
        java.util.Arrays.fill(out, (byte) 0);
        out[14] = (byte) (lid >>> 8);
        out[15] = (byte) lid;
    }

    /** Text of a stored address: "lid 0x0003" for LIDs, else IPv4/IPv6 text. */
    static String text(int kind, byte[] a) {
        if (kind == TrackKey.LID) return String.format("lid 0x%04x", ((a[14] & 0xff) << 8) | (a[15] & 0xff));
        return AddressText.ip(a);
    }
}
