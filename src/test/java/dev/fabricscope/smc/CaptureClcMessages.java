package dev.fabricscope.smc;

import dev.fabricscope.capture.CaptureFiles;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.capture.PacketSource;
import dev.fabricscope.capture.ProblemReporter;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.dissect.TransportKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only stand-in for the real reassembly: concatenates the TCP payloads of each direction in packet order
 * (the synthetic captures have no loss or reordering) and walks the CLC Length fields from the first payload
 * that starts with an eyecatcher.
 */
final class CaptureClcMessages {
    private CaptureClcMessages() { }

    /** One message found in a direction: its smc-clc address part and what the parser made of it. */
    record Found(String addresses, int srcPort, ClcParseResult result) { }

    static List<Found> read(Path capture) throws IOException {
        Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Packet packet = new Packet();
        Layers layers = new Layers();
        try (PacketSource source = CaptureFiles.open(capture.toString(), ProblemReporter.IGNORE)) {
            while (source.next(packet)) {
                Dissector.dissect(packet, layers);
                if (layers.transportKind != TransportKind.TCP || layers.payloadLength <= 0) continue;
                int addrLen = layers.networkKind == NetworkKind.IPV6 ? 16 : 4;
                byte[] src = new byte[addrLen];
                byte[] dst = new byte[addrLen];
                packet.copyTo(layers.srcAddrOffset, src, 0, addrLen);
                packet.copyTo(layers.dstAddrOffset, dst, 0, addrLen);
                String key = SmcClcFormatter.addresses(src, layers.srcPort, dst, layers.dstPort);
                byte[] payload = new byte[layers.payloadLength];
                packet.copyTo(layers.payloadOffset, payload, 0, payload.length);
                ByteArrayOutputStream stream = streams.get(key);
                if (stream == null) {
                    if (!ClcParser.hasEyecatcher(payload, 0, payload.length)) continue;
                    stream = new ByteArrayOutputStream();
                    streams.put(key, stream);
                    ports.put(key, layers.srcPort);
                }
                stream.write(payload);
            }
        }
        List<Found> found = new ArrayList<>();
        streams.forEach((key, stream) -> {
            byte[] bytes = stream.toByteArray();
            int pos = 0;
            while (ClcParser.hasEyecatcher(bytes, pos, bytes.length - pos)) {
                ClcParseResult result = ClcParser.parse(bytes, pos, bytes.length - pos);
                found.add(new Found(key, ports.get(key), result));
                if (!(result instanceof ClcParseResult.Parsed p)) break;
                pos += p.message().header().length();
            }
        });
        return found;
    }
}
