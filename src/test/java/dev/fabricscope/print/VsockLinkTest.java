package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * LINKTYPE_VSOCK (Linux vsock monitor, vsockmon) against tcpdump 4.99 itself: the 32-byte little-endian af_vsockmon
 * header (CIDs, ports, operation, transport, transport header length), the virtio transport header (-v), payloads
 * (-vv), other transports, invalid operations and types; in the verbosities, whole, cut after every byte and mutated.
 */
class VsockLinkTest extends LinkConformance {
    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int CONNECT = 1, DISCONNECT = 2, CONTROL = 3, PAYLOAD = 4;
    private static final int NO_INFO = 1, VIRTIO = 2;

    static byte[] le(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    static byte[] vsock(long srcCid, long dstCid, long srcPort, long dstPort, int op, int transport,
                        byte[] transportHeader, byte[] payload) {
        return concat(le(srcCid, 8), le(dstCid, 8), le(srcPort, 4), le(dstPort, 4), le(op, 2), le(transport, 2),
            le(transportHeader.length, 2), zeros(2), transportHeader, payload);
    }

    /** virtio_vsock_hdr: the same CIDs and ports, then len, type, op, flags, buf_alloc, fwd_cnt. */
    static byte[] virtio(long len, int type, int op, long flags, long bufAlloc, long fwdCnt) {
        return concat(le(3, 8), le(2, 8), le(1024, 4), le(1234, 4), le(len, 4), le(type, 2), le(op, 2), le(flags, 4),
            le(bufAlloc, 4), le(fwdCnt, 4));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(vsock(3, 2, 1024, 1234, CONNECT, VIRTIO, virtio(0, 1, 1, 0, 262144, 0), new byte[0])));
        f.add(new Frame(vsock(2, 3, 1234, 1024, CONNECT, VIRTIO, virtio(0, 1, 2, 0, 262144, 0), new byte[0])));
        f.add(new Frame(vsock(3, 2, 1024, 1234, PAYLOAD, VIRTIO, virtio(6, 1, 5, 0, 262144, 0), ascii("Hello\n"))));
        f.add(new Frame(vsock(3, 2, 1024, 1234, PAYLOAD, VIRTIO, virtio(40, 1, 5, 0, 262144, 0),
            ascii("a payload longer than one line of hex"))));
        f.add(new Frame(vsock(3, 2, 1024, 1234, PAYLOAD, VIRTIO, virtio(0, 1, 5, 0, 262144, 0), new byte[0])));
        f.add(new Frame(vsock(2, 3, 1234, 1024, CONTROL, VIRTIO, virtio(0, 1, 6, 0, 262144, 6), new byte[0])));
        f.add(new Frame(vsock(2, 3, 1234, 1024, CONTROL, VIRTIO, virtio(0, 1, 7, 0, 262144, 6), new byte[0])));
        f.add(new Frame(vsock(3, 2, 1024, 1234, DISCONNECT, VIRTIO, virtio(0, 1, 4, 3, 262144, 0), new byte[0])));
        f.add(new Frame(vsock(3, 2, 1024, 1234, DISCONNECT, VIRTIO, virtio(0, 1, 3, 0xdeadbeefL, 0, 0), new byte[0])));
        f.add(new Frame(vsock(3, 2, 1024, 1234, CONTROL, VIRTIO, virtio(0, 2, 9, 0, 0, 0xffffffffL), new byte[0])));
        f.add(new Frame(vsock(3, 2, 1024, 1234, CONTROL, VIRTIO, virtio(0, 1, 0, 0, 0, 0), new byte[0])));
        f.add(new Frame(vsock(-1L, Long.MIN_VALUE, 0xffffffffL, 0, PAYLOAD, NO_INFO, new byte[0], ascii("data"))));
        f.add(new Frame(vsock(0, 1, 5, 6, PAYLOAD, NO_INFO, new byte[0], new byte[0])));
        f.add(new Frame(vsock(0, 1, 5, 6, 0, 0, new byte[0], hex("0102"))));                   // UNKNOWN, UNKNOWN
        f.add(new Frame(vsock(0, 1, 5, 6, 9, 0x0105, new byte[0], hex("0102"))));              // both invalid
        f.add(new Frame(vsock(0, 1, 5, 6, PAYLOAD, VIRTIO, new byte[0], hex("0102"))));        // virtio header missing
        return f;
    }

    @Override
    int linkType() {
        return LinkType.VSOCK;
    }

    @Override
    Checks checks() {
        return linkChecks(new Mutants("VSOCK", 20_250_806L, 24, 3, 80, MutatedFrames.ALL))
            .whole("", "-e", "-v", "-vv", "-vvv", "-q", "-x", "-vv -x", "-e -XX", "-X", "-A")
            .cut("-x", "-v", "-vv -x", "-q")
            .mutated("-x", "-vv")
            .allocation("", "-vv", "-x");
    }
}
