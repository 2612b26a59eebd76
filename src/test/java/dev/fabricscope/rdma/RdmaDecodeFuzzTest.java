package dev.fabricscope.rdma;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.json.JsonLine;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;

/**
 * Fuzzes BTH, extended headers, MAD header, ICRC/VCRC and both renderers behind a valid RoCEv2 (IPv4 or
 * IPv6, the IP and UDP lengths fuzzed too), RoCEv1 or native IB header: never an exception. Longer run:
 * {@code ./build test-compile surefire:test@fuzz-rdma-decode -Dfuzz.duration=30m}.
 */
class RdmaDecodeFuzzTest {
    private final Packet packet = new Packet();
    private final Layers layers = new Layers();
    private final RdmaDecoder decoder = new RdmaDecoder();
    private final RdmaText text = new RdmaText(ZoneOffset.UTC);
    private final StringBuilder out = new StringBuilder();

    @FuzzTest(maxDuration = "20s")
    void decodeNeverThrows(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 3);
        int ipLength = data.consumeInt(0, 70_000);
        int udpLength = data.consumeInt(0, 70_000);
        int ibWords = data.consumeInt(0, 0x7ff);
        boolean grh = data.consumeBoolean();
        byte[] rest = data.consumeRemainingAsBytes();
        ByteBuffer b = ByteBuffer.allocate(14 + 40 + 8 + rest.length + 8);
        int linkType = LinkType.EN10MB;
        switch (kind) {
            case 0 -> {   // Ethernet / IPv4 / UDP 4791
                b.put(new byte[12]).putShort((short) 0x0800);
                b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putInt(0).put((byte) 64).put((byte) 17)
                    .putShort((short) 0).putInt(0x0a000001).putInt(0x0a000002);
                b.putShort((short) 1234).putShort((short) 4791).putShort((short) udpLength).putShort((short) 0);
            }
            case 1 -> {   // Ethernet / IPv6 / UDP 4791
                b.put(new byte[12]).putShort((short) 0x86dd);
                b.putInt(0x60000000).putShort((short) ipLength).put((byte) 17).put((byte) 64).put(new byte[32]);
                b.putShort((short) 1234).putShort((short) 4791).putShort((short) udpLength).putShort((short) 0);
            }
            case 2 -> {   // RoCEv1: GRH announcing a BTH
                b.put(new byte[12]).putShort((short) 0x8915);
                b.putInt(0x60000000).putShort((short) ipLength).put((byte) 0x1b).put((byte) 64).put(new byte[32]);
            }
            default -> {  // native IB: LRH (LNH 2 or 3)
                linkType = LinkType.INFINIBAND;
                b.put((byte) 0).put((byte) (grh ? 3 : 2)).putShort((short) 1).putShort((short) ibWords).putShort((short) 2);
                if (grh) b.putInt(0x60000000).putShort((short) ipLength).put((byte) 0x1b).put((byte) 64).put(new byte[32]);
            }
        }
        b.put(rest);
        byte[] frame = java.util.Arrays.copyOf(b.array(), b.position());
        packet.set(frame, 0, frame.length, frame.length, 0, 0, linkType, 1);
        Dissector.dissect(packet, layers);
        DecodedFrame f = decoder.decode(packet, layers);
        if (f != null) {
            out.setLength(0);
            text.append(out, f, true);
            RdmaJson.fields(new JsonLine(out), f);
        }
        IcrcExplanation e = decoder.icrc().explain(packet, layers);
        out.setLength(0);
        IcrcText.appendExplanation(out, 1, e);
    }
}
