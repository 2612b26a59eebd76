package dev.fabricscope.rdma.cm;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.rdma.Icrc;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side builder of RoCEv2 CM and RC data frames, laid out per IBTA vol. 1 (BTH 9.2, DETH 9.3.3, MAD
 * 13.4.3, CM messages 12.6) and the RDMA-CM IP private data header: Ethernet [+802.1Q] / IPv4 or IPv6 /
 * UDP -> 4791 / BTH / [DETH / MAD] / ICRC. Checked against tshark in the tests that use it.
 */
final class CmFrames {
    final List<byte[]> frames = new ArrayList<>();
    final List<Long> times = new ArrayList<>();
    int vlan = -1;
    int psn = 1;

    /** One side of a connection. */
    record Host(InetAddress ip, byte[] mac) {
        static Host of(String ip, int macLast) {
            try {
                return new Host(InetAddress.getByName(ip), new byte[] {2, 0, 0, 0, 0, (byte) macLast});
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    // ---- CM message bodies (232 bytes of MAD data)

    static ByteBuffer body() {
        return ByteBuffer.allocate(232);
    }

    static byte[] req(long commId, long serviceId, long caGuid, int qpn, int startPsn, int mtu, Host client, Host server,
                      byte[] privateData) {
        ByteBuffer b = body();
        b.putInt(0, (int) commId).putLong(8, serviceId).putLong(16, caGuid).putInt(28, 0);
        b.putInt(32, qpn << 8 | 0x01).putInt(36, 0x01);       // QPN | responder resources; EECN | initiator depth
        b.put(43, (byte) (0x16 << 3));                          // remote CM response timeout, RC, no E2E
        b.putInt(44, startPsn << 8 | (0x16 << 3) | 7);          // starting PSN | local CM timeout | retry count
        b.putShort(48, (short) 0xffff);
        b.put(50, (byte) (mtu << 4 | 7));                       // MTU | RDC 0 | RNR retry 7
        b.put(51, (byte) (15 << 4));                            // max CM retries
        b.putShort(52, (short) 0xffff).putShort(54, (short) 0xffff);
        b.put(56, gid(client.ip())).put(72, gid(server.ip()));
        b.putInt(88, 0x12345 << 12 | 3);                        // flow label | rate
        b.put(92, (byte) 0).put(93, (byte) 64).put(94, (byte) (3 << 4)).put(95, (byte) (19 << 3));
        b.put(140, privateData, 0, Math.min(92, privateData.length));
        return b.array();
    }

    /** The RDMA-CM IP header: version 0, IP version nibble, source port, source and destination address. */
    static byte[] cmaHeader(int sourcePort, Host client, Host server) {
        ByteBuffer b = ByteBuffer.allocate(56);
        boolean v4 = client.ip() instanceof Inet4Address;
        b.put(0, (byte) 0).put(1, (byte) ((v4 ? 4 : 6) << 4)).putShort(2, (short) sourcePort);
        byte[] s = client.ip().getAddress();
        byte[] d = server.ip().getAddress();
        b.put(v4 ? 16 : 4, s).put(v4 ? 32 : 20, d);
        return b.array();
    }

    static byte[] rep(long commId, long remoteCommId, int qpn, int startPsn, long caGuid) {
        ByteBuffer b = body();
        b.putInt(0, (int) commId).putInt(4, (int) remoteCommId).putInt(12, qpn << 8).putInt(20, startPsn << 8);
        b.put(24, (byte) 1).put(25, (byte) 1).put(26, (byte) (15 << 3)).put(27, (byte) (7 << 5)).putLong(28, caGuid);
        return b.array();
    }

    static byte[] pair(long commId, long remoteCommId) {
        ByteBuffer b = body();
        b.putInt(0, (int) commId).putInt(4, (int) remoteCommId);
        return b.array();
    }

    static byte[] rej(long commId, long remoteCommId, int msgRejected, int reason) {
        ByteBuffer b = ByteBuffer.wrap(pair(commId, remoteCommId));
        b.put(8, (byte) (msgRejected << 6)).putShort(10, (short) reason);
        return b.array();
    }

    static byte[] mra(long commId, long remoteCommId, int msgMraed, int timeout) {
        ByteBuffer b = ByteBuffer.wrap(pair(commId, remoteCommId));
        b.put(8, (byte) (msgMraed << 6)).put(9, (byte) (timeout << 3));
        return b.array();
    }

    static byte[] dreq(long commId, long remoteCommId, int remoteQpn) {
        ByteBuffer b = ByteBuffer.wrap(pair(commId, remoteCommId));
        b.putInt(8, remoteQpn << 8);
        return b.array();
    }

    /** SIDR_REQ (IBTA 12.11.2): request ID, P_Key, reserved, service ID, private data. */
    static byte[] sidrReq(long requestId, int pKey, long serviceId) {
        ByteBuffer b = body();
        b.putInt(0, (int) requestId).putShort(4, (short) pKey).putLong(8, serviceId);
        return b.array();
    }

    /** SIDR_REP (IBTA 12.11.3): request ID, status, info length, reserved, QPN (24 bits), service ID, Q_Key. */
    static byte[] sidrRep(long requestId, int status, int qpn, long serviceId, long qKey) {
        ByteBuffer b = body();
        b.putInt(0, (int) requestId).put(4, (byte) status).putInt(8, qpn << 8).putLong(12, serviceId)
            .putInt(20, (int) qKey);
        return b.array();
    }

    /** A 256-byte CM MAD: header (base version 1, class 7, class version 2, method Send) + body. */
    static byte[] mad(int attributeId, long tid, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(256);
        b.put(0, (byte) 1).put(1, (byte) 7).put(2, (byte) 2).put(3, (byte) 3).putLong(8, tid)
            .putShort(16, (short) attributeId).put(24, body);
        return b.array();
    }

    // ---- frames

    /** A CM MAD as a UD SEND-only to QP 1 with DETH (Q_Key 0x80010000, source QP 1). */
    CmFrames cm(long timeMicros, Host src, Host dst, byte[] mad) {
        ByteBuffer ib = ByteBuffer.allocate(12 + 8 + mad.length);
        bth(ib, 0x64, 1);
        ib.putInt(12, 0x80010000).putInt(16, 1).put(20, mad);
        return add(timeMicros, src, dst, ib.array());
    }

    /** An RC SEND-only (opcode 0x04) with {@code payload} bytes to {@code destQp}. */
    CmFrames rcSend(long timeMicros, Host src, Host dst, int destQp, int payload) {
        ByteBuffer ib = ByteBuffer.allocate(12 + payload);
        bth(ib, 0x04, destQp);
        return add(timeMicros, src, dst, ib.array());
    }

    private void bth(ByteBuffer ib, int opcode, int destQp) {
        ib.put(0, (byte) opcode).put(1, (byte) 0x40).putShort(2, (short) 0xffff).putInt(4, destQp).putInt(8, psn++);
    }

    private CmFrames add(long timeMicros, Host src, Host dst, byte[] ib) {
        boolean v4 = src.ip() instanceof Inet4Address;
        int udpLen = 8 + ib.length + 4;
        int ipLen = (v4 ? 20 : 40) + udpLen;
        int l2 = 14 + (vlan >= 0 ? 4 : 0);
        ByteBuffer f = ByteBuffer.allocate(l2 + ipLen);
        f.put(dst.mac()).put(src.mac());
        if (vlan >= 0) f.putShort((short) 0x8100).putShort((short) vlan);
        f.putShort((short) (v4 ? 0x0800 : 0x86dd));
        int ip = f.position();
        if (v4) {
            f.put((byte) 0x45).put((byte) 0x02).putShort((short) ipLen).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(src.ip().getAddress()).put(dst.ip().getAddress());
            int sum = 0;
            for (int i = 0; i < 20; i += 2) sum += f.getShort(ip + i) & 0xffff;
            while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
            f.putShort(ip + 10, (short) ~sum);
        } else {
            f.putInt(0x60000000).putShort((short) udpLen).put((byte) 17).put((byte) 64)
                .put(src.ip().getAddress()).put(dst.ip().getAddress());
        }
        f.putShort((short) 49153).putShort((short) 4791).putShort((short) udpLen).putShort((short) 0);
        f.put(ib);
        byte[] frame = f.array();
        setIcrc(frame);
        frames.add(frame);
        times.add(timeMicros);
        return this;
    }

    /** Writes the frame's ICRC (computed by rdma.Icrc over the masked pseudo-packet) into its last 4 bytes. */
    static void setIcrc(byte[] frame) {
        Packet p = packet(frame, 1);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        Icrc icrc = new Icrc();
        icrc.check(p, l);
        ByteBuffer.wrap(frame).putInt(icrc.icrcOffset(), icrc.computed());
    }

    static byte[] gid(InetAddress ip) {
        byte[] a = ip.getAddress();
        if (a.length == 16) return a;
        byte[] g = new byte[16];
        g[10] = (byte) 0xff;
        g[11] = (byte) 0xff;
        System.arraycopy(a, 0, g, 12, 4);
        return g;
    }

    void write(Path path) throws IOException {
        CaptureInterface iface = new CaptureInterface("test", null, 1, 65535, 1000);
        try (CaptureWriter w = CaptureWriters.open(path.toString(),
                new WriterOptions(CaptureFormat.PCAP, 65535, 1, TimestampPrecision.MICRO))) {
            Packet p = new Packet();
            for (int i = 0; i < frames.size(); i++) {
                byte[] b = frames.get(i);
                p.set(b, 0, b.length, b.length, times.get(i) * 1000L, 0, 1, i + 1);
                w.write(p, iface);
            }
        }
    }

    /** A packet view over one frame (for unit tests without files). */
    static Packet packet(byte[] frame, long frameNumber) {
        return new Packet().set(frame, 0, frame.length, frame.length, 0, 0, 1, frameNumber);
    }
}
