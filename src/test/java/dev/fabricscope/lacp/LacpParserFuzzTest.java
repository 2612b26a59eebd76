package dev.fabricscope.lacp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Dissector;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.print.PacketPrinter;
import dev.fabricscope.print.Verbosity;

/**
 * Fuzzes {@link SlowProtocolsParser} behind an Ethernet slow-protocols header: for any PDU bytes (the
 * first input byte chooses the on-wire length beyond the captured bytes, to reach the "truncated"
 * paths) it returns a result, never throws, and an error is one non-empty line; rendering the result
 * (text -v, JSON) and printing the frame tcpdump-style (-e -v -tttt) never throw either. Inputs whose first PDU
 * byte is 1 or 2 reach the LACP and Marker TLV walks. Longer run:
 * {@code ./build test-compile surefire:test@fuzz-lacp-parser -Dfuzz.duration=30m}.
 */
class LacpParserFuzzTest {
    private static final byte[] HEADER = {1, (byte) 0x80, (byte) 0xc2, 0, 0, 2, 0, 0x13, (byte) 0xc4, 0x12, 0x0f, 0x0d,
        (byte) 0x88, 0x09};

    private final PacketPrinter printer = new PacketPrinter(java.time.ZoneOffset.UTC, Verbosity.VERBOSE,
            java.util.EnumSet.allOf(PacketPrinter.Option.class), dev.fabricscope.print.TimestampStyle.SINCE_PREVIOUS,
            dev.fabricscope.print.RawDump.HEX_ASCII);

    @FuzzTest(maxDuration = "20s")
    void parseNeverThrows(byte[] input) {
        if (input.length == 0) return;
        int extra = input[0] & 0xff;
        byte[] frame = new byte[HEADER.length + input.length - 1];
        System.arraycopy(HEADER, 0, frame, 0, HEADER.length);
        System.arraycopy(input, 1, frame, HEADER.length, input.length - 1);
        Packet p = new Packet().set(frame, 0, frame.length, frame.length + (extra > 127 ? extra - 127 : 0),
                0, 0, LinkType.EN10MB, 1);
        Layers l = new Layers();
        Dissector.dissect(p, l);
        SlowProtocolsParseResult r = SlowProtocolsParser.parse(p, l);
        assertNotNull(r);
        if (r.error() != null) {
            assertFalse(r.error().isEmpty());
            assertFalse(r.error().contains("\n"));
        }
        if (r.pdu() instanceof LacpPdu lacp) {
            assertNotNull(lacp.actor());
            assertNotNull(lacp.partner());
        }
        // the renderers and the tcpdump-style printer take whatever the parser and dissector produced
        StringBuilder out = new StringBuilder();
        var info = new SlowPduRenderer.FrameInfo(1, 0, "", 0x0013c4120f0dL);
        if (r.pdu() != null || r.error() != null) {
            SlowPduRenderer.appendText(out, info, r, true, true);
            SlowPduRenderer.appendJson(out, info, r);
        }
        printer.format(p, l, out);
    }
}
