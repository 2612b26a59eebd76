package dev.fabricscope.dissect;

import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.Packet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/**
 * Every prefix of every sample frame (a capture cut at each byte): the dissector never throws, never
 * claims more than the whole frame gives, and while the cut falls inside the headers it either reports
 * a malformed packet or decodes fewer layers.
 */
class DissectorTruncationTest {

    @TestFactory
    Stream<DynamicTest> everyPrefix() {
        return SampleFrames.ALL.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Layers full = new Layers();
            Dissector.dissect(Frames.packet(s.linkType(), s.bytes()), full);
            int fullDepth = depth(full);
            int headersEnd = headersEnd(full);
            Layers l = new Layers();
            Packet p = new Packet();
            for (int cap = 0; cap < s.bytes().length; cap++) {
                p.set(s.bytes(), 0, cap, s.bytes().length, 0, 0, s.linkType(), 1);
                int c = cap;
                assertDoesNotThrow(() -> Dissector.dissect(p, l), () -> s.name() + " caplen " + c);
                assertTrue(depth(l) <= fullDepth, () -> s.name() + " caplen " + c + " decoded more than the frame");
                if (cap < headersEnd) {
                    assertTrue(l.isMalformed() || depth(l) < fullDepth,
                        () -> s.name() + " caplen " + c + ": cut header neither malformed nor shallower");
                }
                if (l.isMalformed()) {
                    assertTrue(l.malformedOffset >= 0 && l.malformedOffset <= s.bytes().length, () -> s.name() + " offset");
                }
                assertTrue(l.payloadLength >= 0 && (l.payloadOffset < 0 || l.payloadOffset + l.payloadLength <= cap),
                    () -> s.name() + " caplen " + c + " payload past caplen");
            }
        }));
    }

    /** How many layers were decoded. */
    static int depth(Layers l) {
        return (l.ethOffset >= 0 ? 1 : 0) + (l.etherType >= 0 ? 1 : 0) + l.vlanCount + l.mplsCount
            + (l.mplsPayload != MplsPayload.NONE ? 1 : 0) + (l.innerEthOffset >= 0 ? 1 : 0)
            + (l.innerEtherType >= 0 ? 1 : 0) + (l.pppoeOffset >= 0 ? 1 : 0)
            + (l.networkKind != NetworkKind.NONE ? 1 : 0) + l.ipv6ExtensionHeaders
            + (l.transportKind != TransportKind.NONE ? 1 : 0) + (l.payloadOffset >= 0 ? 1 : 0)
            + (l.greInnerOffset >= 0 ? 1 : 0) + (l.ibLrhOffset >= 0 ? 1 : 0) + (l.ibGrhOffset >= 0 ? 1 : 0)
            + (l.ibBthOffset >= 0 ? 1 : 0) + (l.slowProtocolsOffset >= 0 ? 1 : 0) + (l.addressFamily >= 0 ? 1 : 0)
            + (l.erfType >= 0 ? 1 : 0);
    }

    /** End of the deepest header decoded from the whole frame. */
    static int headersEnd(Layers l) {
        if (l.ibBthOffset >= 0) return l.ibBthOffset + 12;
        if (l.payloadOffset >= 0) return l.payloadOffset;
        if (l.slowProtocolsOffset >= 0) return l.slowProtocolsOffset + 1;
        if (l.networkOffset >= 0) return l.networkOffset + l.networkHeaderLength;
        if (l.ibGrhOffset >= 0) return l.ibGrhOffset + 40;
        if (l.ibLrhOffset >= 0) return l.ibLrhOffset + 8;
        if (l.etherTypeOffset >= 0) return l.etherTypeOffset + 2;
        return l.erfType >= 0 ? 16 : 0;
    }
}
