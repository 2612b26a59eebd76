package dev.fabricscope.tcp;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import java.nio.ByteBuffer;

/**
 * Builds Ethernet + IPv4/IPv6 + TCP frames by hand (RFC 791 / 8200 / 9293 layouts; checksums left 0,
 * which the dissector does not check) and dissects them into a Packet + Layers for feeding.
 */
public final class TcpFrames {
    public static final byte[] SMC_OPTION = {(byte) 254, 6, (byte) 0xE2, (byte) 0xD4, (byte) 0xC3, (byte) 0xD9};
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

    public final Packet packet = new Packet();
    public final Layers layers = new Layers();
    private long frame;

    /** One endpoint pair; a = client. */
    public record Pair(byte[] a, int portA, byte[] b, int portB) {
        public static Pair v4(int lastA, int portA, int lastB, int portB) {
            return new Pair(new byte[] {10, 0, 0, (byte) lastA}, portA, new byte[] {10, 0, 0, (byte) lastB}, portB);
        }

        public static Pair v6(int lastA, int portA, int lastB, int portB) {
            byte[] x = new byte[16];
            byte[] y = new byte[16];
            x[0] = y[0] = (byte) 0xfd;
            x[15] = (byte) lastA;
            y[15] = (byte) lastB;
            return new Pair(x, portA, y, portB);
        }
    }

    /** Builds the frame (fromA: client to server), dissects it, returns the packet (valid until the next call). */
    public Packet frame(Pair pair, boolean fromA, long seq, int flags, byte[] options, byte[] payload, long timeNanos) {
        return frame(pair, fromA, seq, 0, flags, options, payload, timeNanos);
    }

    /** As above with an acknowledgment number. */
    public Packet frame(Pair pair, boolean fromA, long seq, long ack, int flags, byte[] options, byte[] payload,
                        long timeNanos) {
        byte[] src = fromA ? pair.a() : pair.b();
        byte[] dst = fromA ? pair.b() : pair.a();
        int sport = fromA ? pair.portA() : pair.portB();
        int dport = fromA ? pair.portB() : pair.portA();
        int optLen = options == null ? 0 : (options.length + 3) / 4 * 4;
        int tcpLen = 20 + optLen + payload.length;
        boolean v6 = src.length == 16;
        int ipHeader = v6 ? 40 : 20;
        ByteBuffer b = ByteBuffer.allocate(14 + ipHeader + tcpLen);
        b.put(new byte[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6});
        b.putShort((short) (v6 ? 0x86dd : 0x0800));
        if (v6) {
            b.putInt(0x60000000).putShort((short) tcpLen).put((byte) 6).put((byte) 64).put(src).put(dst);
        } else {
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpLen)).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(src).put(dst);
        }
        b.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack)
            .putShort((short) ((((20 + optLen) / 4) << 12) | flags)).putShort((short) 64000).putInt(0);
        if (options != null) {
            b.put(options);
            for (int i = options.length; i < optLen; i++) b.put((byte) 1);  // NOP padding
        }
        b.put(payload);
        byte[] bytes = b.array();
        packet.set(bytes, 0, bytes.length, bytes.length, timeNanos, 0, LinkType.EN10MB, ++frame);
        Dissector.dissect(packet, layers);
        return packet;
    }

    public long lastFrame() { return frame; }
}
