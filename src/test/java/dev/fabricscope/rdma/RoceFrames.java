package dev.fabricscope.rdma;

import dev.fabricscope.capture.CaptureFormat;
import dev.fabricscope.capture.CaptureInterface;
import dev.fabricscope.capture.CaptureWriter;
import dev.fabricscope.capture.CaptureWriters;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.TimestampPrecision;
import dev.fabricscope.capture.WriterOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built RoCEv2 and PFC Ethernet frames for tests (layouts: IBA vol. 1 ch. 9 BTH/AETH, Annex A17 RoCEv2,
 * IEEE 802.1Qbb PFC). ICRC bytes are left zero: the analyzers under test do not check it.
 */
final class RoceFrames {
    record Frame(long nanos, byte[] bytes) { }

    final List<Frame> frames = new ArrayList<>();

    /** A RoCEv2 packet: IPv4 src.dst (last octets of 10.0.0.x), ToS, BTH, extra header bytes, payload length. */
    RoceFrames roce(long nanos, int src, int dst, int tos, int vlanPcp, int opcode, int destQp, int psn, byte[] ext, int payload) {
        int vlan = vlanPcp >= 0 ? 4 : 0;
        int udpLen = 8 + 12 + ext.length + payload + 4;
        ByteBuffer b = ByteBuffer.allocate(14 + vlan + 20 + udpLen);
        b.put(new byte[] {2, 0, 0, 0, 0, (byte) dst, 2, 0, 0, 0, 0, (byte) src});
        if (vlan > 0) b.putShort((short) 0x8100).putShort((short) (vlanPcp << 13 | 5));
        b.putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) tos).putShort((short) (20 + udpLen)).putShort((short) 0).putShort((short) 0x4000)
            .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {10, 0, 0, (byte) src}).put(new byte[] {10, 0, 0, (byte) dst});
        b.putShort((short) 49152).putShort((short) 4791).putShort((short) udpLen).putShort((short) 0);
        b.put((byte) opcode).put((byte) 0).putShort((short) 0xFFFF).putInt(destQp & 0xFFFFFF).putInt(psn & 0xFFFFFF);
        b.put(ext);
        frames.add(new Frame(nanos, b.array()));
        return this;
    }

    RoceFrames request(long nanos, int psn, int tos) {
        return roce(nanos, 1, 2, tos, -1, 0x04, 0x10, psn, new byte[0], 64); // RC SEND Only A -> B QP 0x10
    }

    /** An RC ACK from B to A's QP 0x20 with this AETH syndrome. */
    RoceFrames ack(long nanos, int syndrome, int psn) {
        return roce(nanos, 2, 1, 0x02, -1, 0x11, 0x20, psn, new byte[] {(byte) syndrome, 0, 0, 1}, 0);
    }

    RoceFrames cnp(long nanos, int pcp) {
        return roce(nanos, 2, 1, 0xC2, pcp, 0x81, 0x20, 0, new byte[16], 0);
    }

    /** 802.1Qbb PFC frame: class-enable vector and 8 pause times. */
    RoceFrames pfc(long nanos, int enable, int... times) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {1, (byte) 0x80, (byte) 0xC2, 0, 0, 1, 2, 0, 0, 0, 0, 9}).putShort((short) 0x8808)
            .putShort((short) 0x0101).putShort((short) enable);
        for (int i = 0; i < 8; i++) b.putShort((short) (i < times.length ? times[i] : 0));
        frames.add(new Frame(nanos, b.array()));
        return this;
    }

    /** 802.3x PAUSE frame. */
    RoceFrames pause(long nanos, int time) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {1, (byte) 0x80, (byte) 0xC2, 0, 0, 1, 2, 0, 0, 0, 0, 9}).putShort((short) 0x8808)
            .putShort((short) 0x0001).putShort((short) time);
        frames.add(new Frame(nanos, b.array()));
        return this;
    }

    Path write(Path file) throws IOException {
        CaptureInterface iface = new CaptureInterface("test", "", LinkType.EN10MB, 65535, 1000);
        try (CaptureWriter w = CaptureWriters.open(file.toString(),
                new WriterOptions(CaptureFormat.PCAP, 65535, LinkType.EN10MB, TimestampPrecision.NANO))) {
            long n = 1;
            for (Frame f : frames) {
                w.write(new Packet().set(f.bytes(), 0, f.bytes().length, f.bytes().length, f.nanos(), 0,
                    LinkType.EN10MB, n++), iface);
            }
        }
        return file;
    }
}
